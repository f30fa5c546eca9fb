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
        return Self.header + "\n"
            + (statements.filter { !fromAnalyses.contains($0) } + analyses)
            .filter { seen.insert($0).inserted }
            .map { $0 + "\n;\n" }.joined()
    }

    /// The first line of every dump: a comment to `sqlite3` and `psql`, and how `--dump-sql`
    /// tells an earlier dump, which it may replace, from a file of the user's own.
    public static let header =
        "-- almanac --dump-sql: every statement of one build, in the order run (replay with sqlite3 or psql)"

    /// The first statement of a dump written before the header was: the build's look for its
    /// tables, on SQLite and on PostgreSQL.
    static let headlessDumpStarts = [
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')",
        "SELECT c.relname::text FROM pg_catalog.pg_class c",
    ]

    /// Whether `head`, a file's first bytes, begins as a dump of Almanac's does.
    public static func isDump(_ head: Data) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        return ([header] + headlessDumpStarts).contains { text.hasPrefix($0) }
    }
}
