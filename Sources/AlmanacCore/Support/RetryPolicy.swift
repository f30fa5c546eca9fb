import Foundation

/// What one try of a request came to.
public enum RetryStep<Success, Reason> {
    case done(Success)
    /// Worth another try; `after` is the server's `Retry-After`, if it sent one.
    case retry(Reason, after: Duration?)
    /// Try again at once without counting a try (a redirect that was followed).
    case again
}

/// When and how long to wait before another try of an HTTP request, and the loop that does
/// it: the language-model client and the webhook notifier share both.
///
/// 408, 409, 429 and 5xx responses, timeouts and dropped connections are worth another try;
/// any other status is final. The wait before try n + 1 is `base × 2^(n−1)`, capped at `cap`,
/// plus up to 50 % jitter, unless the server sent `Retry-After` (seconds or an HTTP date).
public struct RetryPolicy: Sendable {
    public var maxAttempts = 5
    public var base: Duration = .milliseconds(500)
    public var cap: Duration = .seconds(30)
    /// A number in [0, 1) for jitter.
    public var jitter: @Sendable () -> Double
    /// The current time, only for `Retry-After` given as an HTTP date.
    public var now: @Sendable () -> Date

    public init(
        maxAttempts: Int = 5, base: Duration = .milliseconds(500), cap: Duration = .seconds(30),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
        self.jitter = jitter
        self.now = now
    }

    /// Whether a response with this status is worth another try.
    public static func isRetryable(status: Int) -> Bool {
        [408, 409, 429].contains(status) || status >= 500
    }

    /// `base × 2^(attempt−1)`, capped, plus up to 50 % jitter.
    public func backoff(_ attempt: Int) -> Duration {
        let exponential = base * (1 << min(attempt - 1, 20))
        let capped = min(exponential, cap)
        return capped + capped * (0.5 * jitter())
    }

    /// Seconds, or an HTTP date; a negative or unreadable value is ignored.
    public func retryAfter(_ value: String) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        // Not capped: a wait longer than the deadline fails at once rather than being
        // shortened, since the server would refuse an early try anyway.
        if let seconds = Double(text), seconds >= 0, seconds.isFinite {
            return .seconds(min(seconds, 1e9))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now()))
        return .seconds(min(seconds, 1e9))
    }

    /// Runs `attempt` until it is done: each try gets at most `timeout` (less when the deadline
    /// is nearer), and all tries and waits together at most `deadline`. A try may throw to fail
    /// at once. Time on the wire and the waits asked for both count, so a fake sleep in a test
    /// counts as a real one.
    /// - Throws: what `attempt` throws, `exhausted(last reason, tries)` after `maxAttempts`
    ///   tries, or `pastDeadline(wait, last reason, tries)` when the next wait would pass the
    ///   deadline.
    public func run<Success, Reason>(
        timeout: Duration, deadline: Duration, sleep: @Sendable (Duration) async throws -> Void,
        attempt: (_ number: Int, _ timeout: Duration) async throws -> RetryStep<Success, Reason>,
        exhausted: (Reason, Int) -> any Error,
        pastDeadline: (_ wait: Duration, Reason, Int) -> any Error
    ) async throws -> Success {
        let clock = ContinuousClock()
        var spent: Duration = .zero
        var number = 0
        while true {
            number += 1
            let began = clock.now
            let step = try await attempt(
                number, min(timeout, max(deadline - spent, .milliseconds(1))))
            spent += began.duration(to: clock.now)
            switch step {
            case .done(let value):
                return value
            case .again:
                number -= 1
            case .retry(let reason, let after):
                guard number < maxAttempts else { throw exhausted(reason, number) }
                let wait = after ?? backoff(number)
                if spent + wait > deadline { throw pastDeadline(wait, reason, number) }
                spent += wait
                try await sleep(wait)
            }
        }
    }
}
