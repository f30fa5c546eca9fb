import Foundation

@testable import AlmanacCore

extension Environment {
    /// A test's world: the disk (or a fake), real HTTP (to a loopback server) or a fake
    /// transport, sleeps that return at once unless a test records them, the system clock, and
    /// the test's own log.
    static func test(
        files: any FileSystem = DiskFileSystem(), http: any HTTPTransport = URLSessionTransport(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in },
        now: @escaping @Sendable () -> Date = { Date() },
        log: @escaping @Sendable (BuildEvent) -> Void = { _ in }
    ) -> Environment {
        Environment(files: files, http: http, sleep: sleep, now: now, log: log)
    }
}
