import Foundation

/// The statements a connection ran, parameters inlined, for `--dump-sql`.
public final class StatementRecorder: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    private let lock = NSLock()
    private var recorded: [String] = []

    public init() {}

    /// Starts recording what `db` runs.
    public func record(_ db: any DatabaseConnection) {
        db.trace = { [self] sql, bindings in
            let statement = SQLStatement.inline(sql, bindings)
            lock.withLock { recorded.append(statement) }
        }
    }

    /// The statements recorded so far, in the order they ran.
    public var statements: [String] { lock.withLock { recorded } }

    /// The text of `--dump-sql`: the connection's own statements, then `analyses` (the
    /// analyses' statements in question order), each once, each ending in `;`. The main
    /// connection also runs some of the analyses', in whatever order the pool hands them
    /// out: those are left to the analyses' list.
    public func dump(analyses: [String]) -> String {
        let fromAnalyses = Set(analyses)
        var seen = Set<String>()
        return (statements.filter { !fromAnalyses.contains($0) } + analyses)
            .filter { seen.insert($0).inserted }
            .map { $0 + "\n;\n" }.joined()
    }
}
