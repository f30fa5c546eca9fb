import Foundation

/// Everything a build does to the world outside its inputs comes through this one value:
/// the file system, the HTTP transport to the language model, sleeping between retries, the clock that reads a
/// `Retry-After` date, and the progress log. There is deliberately no clock for the output:
/// the as-of date comes from the data or a flag, so nothing written depends on when the
/// build ran.
public struct Environment: Sendable {
    public var files: any FileSystem
    public var http: any HTTPTransport
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Now, for a `Retry-After` given as a date only.
    public var now: @Sendable () -> Date
    public var log: @Sendable (BuildEvent) -> Void

    public init(
        files: any FileSystem, http: any HTTPTransport,
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        now: @escaping @Sendable () -> Date, log: @escaping @Sendable (BuildEvent) -> Void
    ) {
        self.files = files
        self.http = http
        self.sleep = sleep
        self.now = now
        self.log = log
    }

    /// The real world: the disk, URLSession, `Task.sleep`, the system clock, and `log`.
    public static func live(log: @escaping @Sendable (BuildEvent) -> Void = { _ in })
        -> Environment
    {
        Environment(
            files: DiskFileSystem(), http: URLSessionTransport(),
            sleep: { try await Task.sleep(for: $0) }, now: { Date() },
            log: log)
    }
}
