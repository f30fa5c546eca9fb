import Foundation

/// Everything a build does to the world outside its inputs comes through this one value:
/// the HTTP transport to the language model, sleeping between retries, the clock that reads a
/// `Retry-After` date, and the progress log. There is deliberately no clock for the output:
/// the as-of date comes from the data or a flag, so nothing written depends on when the
/// build ran.
public struct Environment: Sendable {
    public var http: any HTTPTransport
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Now, for a `Retry-After` given as a date only.
    public var now: @Sendable () -> Date
    public var log: @Sendable (BuildEvent) -> Void

    public init(
        http: any HTTPTransport, sleep: @escaping @Sendable (Duration) async throws -> Void,
        now: @escaping @Sendable () -> Date, log: @escaping @Sendable (BuildEvent) -> Void
    ) {
        self.http = http
        self.sleep = sleep
        self.now = now
        self.log = log
    }

    /// The real world: URLSession, `Task.sleep`, the system clock, and `log`.
    public static func live(log: @escaping @Sendable (BuildEvent) -> Void = { _ in })
        -> Environment
    {
        Environment(
            http: URLSessionTransport(), sleep: { try await Task.sleep(for: $0) }, now: { Date() },
            log: log)
    }
}

extension BuildPhase {
    /// The phases a clock marked.
    static func list(_ clock: PhaseClock) -> [BuildPhase] {
        clock.phases.map { BuildPhase(name: $0.name, milliseconds: $0.milliseconds) }
    }
}
