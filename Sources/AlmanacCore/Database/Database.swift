/// A value bound to, or read from, a SQL statement.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One result row, valid only inside the closure that receives it. Rows are streamed, never
/// collected as objects, so a million-row scan costs no per-row allocation.
public protocol SQLRow {
    var columnCount: Int { get }
    func columnName(_ index: Int) -> String
    func value(_ index: Int) -> SQLValue
    func int(_ index: Int) -> Int
    func double(_ index: Int) -> Double
    func string(_ index: Int) -> String?
    func isNull(_ index: Int) -> Bool
    /// The raw text of a column without making a String: the hot loops parse it in place.
    /// The buffer is empty for NULL and valid only inside `body`.
    func withText<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T
}

/// The small surface the analytics need from a database: `SQLiteConnection` and
/// `PostgresConnection` implement it, each with its own `SQLDialect`.
public protocol DatabaseConnection: AnyObject {
    /// The SQL spelling of the functions that differ between engines.
    var dialect: any SQLDialect { get }

    /// The engine and its version for people to read, such as "SQLite 3.40.1".
    var engine: String { get }

    /// Where the data lives, safe to show anywhere: a file path, or a PostgreSQL URL
    /// without its password.
    var location: String { get }

    /// Receives every statement with its bindings, in the order they run (`--dump-sql`).
    var trace: ((String, [SQLValue]) -> Void)? { get set }

    /// Checks that `sql` is exactly one statement that only reads (custom `sql:` questions).
    /// - Returns: nil when it is acceptable, otherwise the reason.
    func readOnlyProblem(in sql: String) -> String?

    /// Runs one statement with bound parameters and streams its rows to `row`.
    /// - Throws: `DatabaseError` with the statement and the engine's own message.
    func query(_ sql: String, _ bindings: [SQLValue], row: (any SQLRow) throws -> Void) throws

    /// Runs a statement that returns no rows: pragmas, and `almanac seed`'s writes.
    func execute(_ sql: String) throws

    /// Runs statements that create this connection's temporary tables (the build's facts),
    /// the only writes an analysis connection allows. An engine whose dialect never reads
    /// temporary tables is never asked.
    func createTemporaryTables(_ statements: [String]) throws

    /// Whether another connection can read this one's temporary tables
    /// (`temporaryTablesImage`, `adoptTemporaryTables`): SQLite's can.
    var sharesTemporaryTables: Bool { get }

    /// This connection's temporary tables as one image that another connection can read
    /// (`adoptTemporaryTables`), or nil: it has none, they take more than `limit` bytes, or
    /// the engine's connections cannot share them (PostgreSQL's temporary tables belong to
    /// their session).
    func temporaryTablesImage(limit: Int) -> TemporaryTablesImage?

    /// Reads the tables of `image` as this connection's own, instead of making them; the
    /// `last` connection to adopt them takes the image's own bytes, the others a copy.
    /// - Throws: `DatabaseError` when it cannot; the connection then makes its own.
    func adoptTemporaryTables(_ image: TemporaryTablesImage, last: Bool) throws

    // MARK: - Snapshots (one version of the data per build: `ReadSnapshot`)

    /// Begins a read-only transaction that every later statement on this connection reads
    /// in, until `endSnapshot()`.
    /// - Returns: what another connection needs to join it.
    /// - Throws: `DatabaseError` when the transaction cannot begin.
    func beginSnapshot() throws -> SnapshotTicket

    /// Begins a read-only transaction on this connection that reads the data of `ticket`.
    /// - Throws: `DatabaseError` when it cannot (a lock, an expired snapshot).
    func joinSnapshot(_ ticket: SnapshotTicket) throws

    /// A number that changes when another connection commits a write (SQLite's
    /// `PRAGMA data_version`), comparable only with this connection's own; nil where joining
    /// a snapshot is exact.
    func changeMark() throws -> Int?

    /// Ends the read transaction that `beginSnapshot()` or `joinSnapshot(_:)` began; does
    /// nothing when there is none.
    func endSnapshot()
}

extension DatabaseConnection {
    public func createTemporaryTables(_ statements: [String]) throws {
        throw DatabaseError(
            path: location,
            reason: .statement(
                sql: statements.first ?? "",
                message: "\(engine) keeps no temporary tables for a build"))
    }

    public var sharesTemporaryTables: Bool { false }

    public func temporaryTablesImage(limit: Int) -> TemporaryTablesImage? { nil }

    public func adoptTemporaryTables(_ image: TemporaryTablesImage, last: Bool) throws {
        throw DatabaseError(
            path: location,
            reason: .statement(
                sql: "", message: "\(engine) cannot read another connection's temporary tables"))
    }
}

extension DatabaseConnection {
    /// Runs a query and maps every row; for small results such as lists of names.
    public func rows<T>(
        _ sql: String, _ bindings: [SQLValue] = [], map: (any SQLRow) throws -> T
    ) throws -> [T] {
        var result: [T] = []
        try query(sql, bindings) { result.append(try map($0)) }
        return result
    }

    /// The first column of the first row, as an integer; 0 when there is no row.
    public func scalarInt(_ sql: String, _ bindings: [SQLValue] = []) throws -> Int {
        var value = 0
        try query(sql, bindings) { value = $0.int(0) }
        return value
    }
}

/// A database problem, with the file or server and what went wrong in words a user can act on.
/// `path` is always a redacted location: it never holds a password.
public struct DatabaseError: BuildWideFailure, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case notFound
        case notADatabase
        /// SQLite found the file's pages damaged ("database disk image is malformed").
        case damaged(String)
        case locked
        case empty
        /// PostgreSQL: the schema the tables are read from has none, or the search path
        /// names no schema the role may use (nil).
        case emptySchema(schema: String?, searchPath: String)
        case cannotOpen(String)
        case statement(sql: String, message: String)
        case readOnly(String)
        /// A hot rollback journal: a write stopped half-way, and a read-only open cannot undo it.
        case unfinishedWrite(journal: String)
        /// The server could not be reached: refused, unknown host, timed out.
        case cannotConnect(String)
        /// The server answered and refused: a wrong password, an unknown role or database.
        case rejected(String)
        /// A statement ran past the session's `statement_timeout`.
        case timeout(milliseconds: Int)
        /// A statement named a table that the database does not have.
        case missingTable(String)
        /// The server closed the connection during the build (shut down, restarted, or the
        /// network dropped).
        case connectionLost(String)
    }

    /// True when the server went away, which no statement caused.
    public var blamesNoQuestion: Bool {
        if case .connectionLost = reason { return true }
        return false
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound:
            return
                "\(path): no such database file; `almanac seed --out \(path)` writes demo data there, "
                + "and `almanac schema` prints the tables for your own"
        case .notADatabase: return "\(path): not a SQLite database"
        case .damaged(let message):
            return
                "\(path): the database file is damaged (SQLite: \(message)); restore it from a backup or export it again (`sqlite3 \(path) 'PRAGMA integrity_check;'` shows where)"
        case .locked: return "\(path): the database is locked by another process; try again"
        case .empty:
            return
                "\(path): the database is empty (it has no tables); `almanac schema` prints the SQL "
                + "that creates them"
        case .emptySchema(let schema, let searchPath):
            // A blind test's missing schema was "the database is empty", whose tables were
            // in public all along.
            guard let schema else {
                return
                    "\(path): no schema on the search path (\(searchPath)) exists or may be used by this role, so no table can be read; name the schema that holds the tables (`?options=-csearch_path%3D<schema>` in the URL, or PGOPTIONS), or GRANT USAGE ON SCHEMA to the role"
            }
            return
                "\(path): the schema \(schema), the first on the search path (\(searchPath)), has no tables; name the schema that holds them (`?options=-csearch_path%3D<schema>` in the URL, or PGOPTIONS), or create them there (`almanac schema` prints the SQL)"
        case .cannotOpen(let message): return "\(path): cannot open the database: \(message)"
        case .statement(let sql, let message):
            return "\(path): SQL error: \(message)\n  in: \(Self.excerpt(sql))"
        case .readOnly(let message): return "\(path): \(message)"
        case .unfinishedWrite(let journal):
            return
                "\(path): the database has an unfinished write (the rollback journal \(journal) is beside it), "
                + "and Almanac opens databases read-only, so it cannot roll the write back; open it once "
                + "with a program that may write it (`sqlite3 \(path) 'PRAGMA quick_check;'`) to recover, then try again"
        case .cannotConnect(let message): return "\(path): cannot connect: \(message)"
        case .connectionLost(let message):
            return
                "\(path): the server closed the connection during the build (\(message)); nothing was published: build again once the server is back"
        case .rejected(let message): return "\(path): \(message)"
        case .timeout(let milliseconds):
            return
                "\(path): the statement ran longer than statement_timeout (\(Self.seconds(milliseconds)))"
        case .missingTable(let name):
            return
                "\(path): there is no table \(name) (see docs/schema.md; `almanac check` lists what is missing)"
        }
    }

    /// A statement as an error quotes it: whole up to 20 lines (a question's own `sql:`),
    /// else its first line and its length; a blind test's error quoted 6 KB of Almanac's own
    /// row-check statement.
    static func excerpt(_ sql: String) -> String {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 20 else { return trimmed }
        let first = String(lines[0])
        let shown = first.count > 120 ? String(first.prefix(120)) + "…" : first + " …"
        return "\(shown) (the first of its \(lines.count) lines)"
    }

    /// "300 s", "1.5 s", "250 ms": a timeout in the unit its flag uses.
    static func seconds(_ milliseconds: Int) -> String {
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(Double(milliseconds) / 1000) s"
    }
}

/// A statement time limit given in seconds, as the engines take it.
public enum StatementTimeLimit {
    /// Whole milliseconds, at least one for any limit above zero: 0.0001 s rounded to 0,
    /// which is no limit at all, and a custom query ran for as long as it liked (a fault test).
    public static func milliseconds(seconds: Double) -> Int {
        seconds > 0 ? max(1, Int((seconds * 1000).rounded())) : 0
    }
}
