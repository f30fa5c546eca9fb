import Foundation

/// What the statements of this process cost the engines, counted by every connection: the
/// statements run and, on SQLite, the virtual-machine steps (`SQLITE_STMTSTATUS_VM_STEP`).
/// A build reads the difference between two snapshots: a measure of work that does not
/// depend on how loaded the machine is, for the budget `make test` checks.
public final class ExecutionCounters: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    public struct Snapshot: Sendable, Equatable {
        public var statements = 0
        public var vmSteps = 0

        public static func - (later: Snapshot, earlier: Snapshot) -> Snapshot {
            Snapshot(
                statements: later.statements - earlier.statements,
                vmSteps: later.vmSteps - earlier.vmSteps)
        }
    }

    /// Every connection of the process counts here.
    public static let shared = ExecutionCounters()

    private let lock = NSLock()
    private var counted = Snapshot()

    public func add(statements: Int = 1, vmSteps: Int = 0) {
        lock.withLock {
            counted.statements += statements
            counted.vmSteps += vmSteps
        }
    }

    public var snapshot: Snapshot { lock.withLock { counted } }
}
