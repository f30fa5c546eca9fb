import Foundation

/// The warnings of one build or `ask`, in the order they happened, each also passed on to
/// the log as it happens.
public final class WarningLog: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    private let lock = NSLock()
    private var warnings: [String] = []
    private let passOn: @Sendable (String) -> Void

    public init(passOn: @escaping @Sendable (String) -> Void) {
        self.passOn = passOn
    }

    public func add(_ message: String) {
        // Under the lock, so the log sees the warnings in the order of `list`.
        lock.withLock {
            warnings.append(message)
            passOn(message)
        }
    }

    public func add(_ messages: [String]) {
        for message in messages { add(message) }
    }

    public var list: [String] { lock.withLock { warnings } }
}
