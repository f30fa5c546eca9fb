import CSQLite
import Foundation

/// A connection to one SQLite file. Analytics open it read-only (`SQLITE_OPEN_READONLY`),
/// with an authorizer that refuses every write but the build's own temporary tables; only
/// `almanac seed` opens one for writing.
public final class SQLiteConnection: DatabaseConnection {
    public enum Mode: Sendable {
        case readOnly
        case create
    }

    public let path: String
    /// The oldest SQLite whose SQL the analyses use.
    static let minimumVersion = (number: Int32(3_039_000), text: "3.39")
    public let dialect: any SQLDialect = SQLiteDialect()
    public let engine = "SQLite " + String(cString: sqlite3_libversion())
    public var location: String { path }
    /// Receives every statement with its bindings, in the order they run (`--dump-sql`).
    public var trace: ((String, [SQLValue]) -> Void)?

    /// The open database; `SQLiteConnection+Snapshot` reads its transaction state.
    private(set) var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Milliseconds one query may run before it is interrupted; 0 means no limit.
    public let statementTimeout: Int
    /// When the running query must stop; read by the progress handler.
    private let deadline = Deadline()
    /// What the authorizer allows: set while the build creates its temporary tables.
    private let writes = TemporaryWrites()
    /// Each read-only connection's page cache for its temporary tables, in KiB. SQLite's
    /// default (2 MiB) holds little of the build's facts, and a demo build read the same
    /// pages about 250,000 times through `pread`. A cache fills only as pages are read, so a
    /// small database costs no more. The file's own cache stays at the default: SQLite sizes
    /// each sort's memory from it, and a larger one doubled the peak memory at 1M rows
    /// without a faster build.
    static let temporaryCacheKiB = 8192
    /// SQLite's memory statistics take one global mutex on every allocation, which the
    /// build's connections, each on its own thread, would wait on. Turned off once, before
    /// the library starts.
    private static let withoutMemoryStatistics: Void = {
        _ = almanac_sqlite_without_memory_statistics()
    }()
    /// The statements that made this connection's temporary tables, which live as long as it.
    private var madeTemporary: Set<String> = []

    /// Opens the database.
    /// - Parameter statementTimeout: milliseconds one query may run (its rows read included);
    ///   0 for no limit, the default, which seeding and tests use.
    /// - Throws: `DatabaseError` naming the file when it is missing, not SQLite, or locked.
    public init(path: String, mode: Mode = .readOnly, statementTimeout: Int = 0) throws {
        self.path = path
        self.statementTimeout = max(0, statementTimeout)
        var isFolder: ObjCBool = false
        if mode == .readOnly
            && !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        {
            throw DatabaseError(path: path, reason: .notFound)
        }
        if isFolder.boolValue {
            throw DatabaseError(
                path: path, reason: .cannotOpen("it is a folder, not a database file"))
        }
        try Self.refuseSpecialFile(at: path)
        let flags =
            mode == .readOnly
            ? SQLITE_OPEN_READONLY
            : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        Self.withoutMemoryStatistics
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        handle = db
        guard status == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            handle = nil
            throw DatabaseError(path: path, reason: .cannotOpen(message))
        }
        sqlite3_busy_timeout(db, 2_000)
        // Extended codes tell SQLITE_READONLY_ROLLBACK apart from other read-only refusals.
        sqlite3_extended_result_codes(db, 1)
        // SQLite has no statement_timeout: the progress handler runs every few thousand
        // virtual-machine steps and interrupts the statement once its deadline has passed
        // (SQLITE_INTERRUPT), so a custom `sql:` cross join cannot run forever. It also counts
        // its calls, which tell how often a statement's 32-bit step counter wrapped.
        sqlite3_progress_handler(
            db, Int32(Deadline.interval),
            { context in
                guard let context else { return 0 }
                let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
                deadline.ticks += 1
                return deadline.hasPassed ? 1 : 0
            }, Unmanaged.passUnretained(deadline).toOpaque())
        // The analyses' SQL uses IS NOT DISTINCT FROM (3.39), unixepoch (3.38) and
        // MATERIALIZED (3.35): an older library would fail on the first statement with a
        // syntax error that says nothing of the cause.
        guard sqlite3_libversion_number() >= Self.minimumVersion.number else {
            sqlite3_close(db)
            handle = nil
            throw DatabaseError(
                path: path,
                reason: .cannotOpen(
                    "Almanac needs SQLite \(Self.minimumVersion.text) or later, and this system's library is "
                        + "\(String(cString: sqlite3_libversion())); install a newer libsqlite3"))
        }
        if mode == .readOnly {
            sqlite3_exec(db, "PRAGMA temp.cache_size = -\(Self.temporaryCacheKiB)", nil, nil, nil)
            sqlite3_set_authorizer(
                db,
                { context, action, _, _, database, _ in
                    guard let context else { return SQLITE_DENY }
                    let writes = Unmanaged<TemporaryWrites>.fromOpaque(context)
                        .takeUnretainedValue()
                    return TemporaryWrites.decide(
                        action, database: database.map { String(cString: $0) },
                        allowed: writes.allowed, attaching: writes.attaching)
                }, Unmanaged.passUnretained(writes).toOpaque())
            // Reading the schema is the first thing that touches the file: this is where a
            // text file, a locked file or garbage shows itself.
            _ = try scalarInt("SELECT count(*) FROM sqlite_master")
        }
    }

    /// A statement's virtual-machine steps: SQLite keeps them in 32 bits, which a statement
    /// over ten million rows passes, and the progress handler's calls (one every `interval`
    /// steps) say how many times they wrapped.
    static func steps(counter: Int32, handlerCalls: Int, interval: Int) -> Int {
        let low = Int(UInt32(bitPattern: counter))
        let wraps = max(0, (handlerCalls * interval - low + (1 << 31)) >> 32)
        return low + (wraps << 32)
    }

    /// Refuses a path that exists but is not a regular file (a FIFO, a device, a socket):
    /// SQLite would block forever reading a FIFO, and a build would hold its lock meanwhile.
    /// A missing path passes; opening it reports that. Symbolic links are followed.
    /// - Throws: `DatabaseError` saying what kind of file the path is.
    public static func refuseSpecialFile(at path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw DatabaseError(
            path: path,
            reason: .cannotOpen(
                "it is \(kind), not a database file; --db must name a regular SQLite file"))
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error \(status)"
            throw error(status: status, sql: sql, message: text)
        }
    }

    /// Creates the build's temporary tables, the one write the authorizer lets through, and
    /// only while these statements run.
    public func createTemporaryTables(_ statements: [String]) throws {
        writes.allowed = true
        defer { writes.allowed = false }
        for sql in statements where !madeTemporary.contains(sql) {
            trace?(sql, [])
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement
            else {
                sqlite3_finalize(statement)
                throw error(status: sqlite3_errcode(handle), sql: sql)
            }
            defer { sqlite3_finalize(statement) }
            // The statement timeout holds here too: a very large database cannot hold the
            // build in its facts.
            deadline.start(milliseconds: statementTimeout)
            let status = sqlite3_step(statement)
            // Counted with the analyses' statements: making the facts is part of the plan.
            ExecutionCounters.shared.add(
                vmSteps: deadline.steps(
                    sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 0)))
            deadline.start(milliseconds: 0)
            guard status == SQLITE_DONE else { throw error(status: status, sql: sql) }
            madeTemporary.insert(sql)
        }
    }

    public var sharesTemporaryTables: Bool { true }

    public func temporaryTablesImage(limit: Int) -> TemporaryTablesImage? {
        guard let handle, !madeTemporary.isEmpty,
            let pages = bookkeeping("PRAGMA temp.page_count"),
            let pageSize = bookkeeping("PRAGMA temp.page_size"), pages * pageSize <= limit
        else { return nil }
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "temp", &size, 0) else { return nil }
        return TemporaryTablesImage(bytes: bytes, count: Int(size), made: madeTemporary)
    }

    /// Attaches `image` in memory, read-only, as `almanac_shared`: the build's statements
    /// name the tables without a schema, and find them there.
    public func adoptTemporaryTables(_ image: TemporaryTablesImage, last: Bool) throws {
        guard let handle else { throw DatabaseError(path: path, reason: .cannotOpen("closed")) }
        // A table of the same name in the file would be found before the attached one.
        let shadowed = bookkeeping(
            "SELECT count(*) FROM main.sqlite_master WHERE name LIKE 'almanac\\_%' ESCAPE '\\'")
        guard shadowed == 0, madeTemporary.isEmpty else {
            throw error(
                status: SQLITE_ERROR, sql: "", message: "the file has tables named almanac_…")
        }
        writes.attaching = true
        defer { writes.attaching = false }
        try execute("ATTACH DATABASE ':memory:' AS \(TemporaryTablesImage.schema)")
        guard let bytes = image.handOut(last: last) else {
            throw error(status: SQLITE_NOMEM, sql: "", message: "out of memory")
        }
        // SQLite owns the bytes from here, and frees them when the connection closes (or
        // now, if it fails).
        let status = sqlite3_deserialize(
            handle, TemporaryTablesImage.schema, bytes, sqlite3_int64(image.count),
            sqlite3_int64(image.count),
            UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY))
        guard status == SQLITE_OK else { throw error(status: status, sql: "") }
        madeTemporary = image.made
    }

    /// One number the connection asks for itself, outside the build's statements: neither
    /// traced (`--dump-sql`) nor counted.
    private func bookkeeping(_ sql: String) -> Int? {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK,
            sqlite3_step(statement) == SQLITE_ROW
        else { return nil }
        return Int(sqlite3_column_int64(statement, 0))
    }

    public func query(
        _ sql: String, _ bindings: [SQLValue], row: (any SQLRow) throws -> Void
    ) throws {
        trace?(sql, bindings)
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement, sql: sql)
        deadline.start(milliseconds: statementTimeout)
        defer { deadline.start(milliseconds: 0) }
        let cursor = SQLiteRow(statement: statement)
        defer {
            // The steps of this run alone: reading the counter resets it.
            let steps = sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_VM_STEP, 1)
            ExecutionCounters.shared.add(vmSteps: deadline.steps(steps))
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_ROW {
                try row(cursor)
            } else if status == SQLITE_DONE {
                return
            } else {
                throw error(status: status, sql: sql)
            }
        }
    }

    /// Inserts many rows through one prepared statement (seeding only).
    public func insert(_ sql: String, _ bindings: [SQLValue]) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(bindings, to: statement, sql: sql)
        let status = sqlite3_step(statement)
        if status != SQLITE_DONE { throw error(status: status, sql: sql) }
    }

    /// Checks that `sql` is exactly one statement that only reads.
    /// - Returns: nil when it is acceptable, otherwise the reason.
    public func readOnlyProblem(in sql: String) -> String? {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let utf8 = Array(sql.utf8CString)
        return utf8.withUnsafeBufferPointer { buffer -> String? in
            let status = sqlite3_prepare_v2(handle, buffer.baseAddress, -1, &statement, &tail)
            defer { sqlite3_finalize(statement) }
            guard status == SQLITE_OK else { return String(cString: sqlite3_errmsg(handle)) }
            guard let statement else { return "the SQL is empty" }
            if let tail, !Self.isOnlyComments(String(cString: tail)) {
                return "only one statement is allowed"
            }
            if sqlite3_stmt_readonly(statement) == 0 {
                return "the statement would write to the database; only SELECT or WITH is allowed"
            }
            return nil
        }
    }

    /// True when text holds nothing but whitespace, semicolons and SQL comments.
    static func isOnlyComments(_ text: String) -> Bool {
        let stripped =
            text
            .replacingOccurrences(of: #"--[^\n]*"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        return stripped.allSatisfy { $0.isWhitespace || $0 == ";" }
    }

    // MARK: - Statements

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw error(status: status, sql: sql)
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ bindings: [SQLValue], to statement: OpaquePointer, sql: String) throws {
        for (offset, value) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .real(let number): status = sqlite3_bind_double(statement, index, number)
            case .text(let text):
                status = sqlite3_bind_text(statement, index, text, -1, sqliteTransient)
            }
            if status != SQLITE_OK { throw error(status: status, sql: sql) }
        }
    }

    private func error(status: Int32, sql: String, message: String? = nil) -> DatabaseError {
        let text = message ?? String(cString: sqlite3_errmsg(handle))
        // SQLITE_READONLY_ROLLBACK (SQLITE_READONLY | 3 << 8; Swift cannot import the macro):
        // "attempt to write a readonly database" would send the user looking at permissions.
        if status == SQLITE_READONLY | (3 << 8) {
            return DatabaseError(path: path, reason: .unfinishedWrite(journal: path + "-journal"))
        }
        switch status & 0xff {
        case SQLITE_NOTADB: return DatabaseError(path: path, reason: .notADatabase)
        // A build named the question whose statement met the damage first, with the
        // statement (blind test 45).
        case SQLITE_CORRUPT: return DatabaseError(path: path, reason: .damaged(text))
        case SQLITE_BUSY, SQLITE_LOCKED: return DatabaseError(path: path, reason: .locked)
        case SQLITE_READONLY where Self.isWAL(path):
            // "attempt to write a readonly database" of a file opened read-only: a blind test
            // could not tell why.
            return DatabaseError(
                path: path,
                reason: .readOnly(
                    text
                        + "; the database is in WAL mode, whose readers must find or make \(path)-shm beside it, and its folder cannot be written. Copy the file somewhere writable, or take it out of WAL mode as its owner (`sqlite3 \(path) 'PRAGMA journal_mode=DELETE;'`)"
                ))
        case SQLITE_READONLY: return DatabaseError(path: path, reason: .readOnly(text))
        case SQLITE_INTERRUPT where statementTimeout > 0:
            return DatabaseError(path: path, reason: .timeout(milliseconds: statementTimeout))
        default: return DatabaseError(path: path, reason: .statement(sql: sql, message: text))
        }
    }
}

/// SQLite asks for this sentinel to copy a bound string; Swift cannot import the macro.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A cursor over the current row of a stepping statement.
private struct SQLiteRow: SQLRow {
    let statement: OpaquePointer

    var columnCount: Int { Int(sqlite3_column_count(statement)) }

    func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(statement, Int32(index)))
    }

    func value(_ index: Int) -> SQLValue {
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        // A blob as its SQL literal, x'00ff': read as text it stopped at its first zero byte
        // (a blind test's x'00ff' showed as an empty cell).
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else {
                return .text("x''")
            }
            let buffer = UnsafeRawBufferPointer(start: bytes, count: count)
            return .text("x'" + buffer.map { String(format: "%02x", $0) }.joined() + "'")
        default: return .text(string(index) ?? "")
        }
    }

    func int(_ index: Int) -> Int { Int(sqlite3_column_int64(statement, Int32(index))) }

    func double(_ index: Int) -> Double { sqlite3_column_double(statement, Int32(index)) }

    /// The text whole, to its length: read up to its first zero byte, "Ini" + NUL + "tech" was
    /// "Ini" everywhere, and the names check could not see the NUL (an attack run).
    func string(_ index: Int) -> String? {
        withText(index) { buffer in
            buffer.baseAddress == nil ? nil : String(decoding: buffer, as: UTF8.self)
        }
    }

    func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
    }

    func withText<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let column = Int32(index)
        guard let text = sqlite3_column_text(statement, column) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return body(
            UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }
}

extension SQLValue {
    /// The value as a SQL literal, for `--dump-sql` files that `sqlite3` can run.
    public var literal: String {
        switch self {
        case .null: return "NULL"
        case .integer(let number): return String(number)
        case .real(let number): return JSONValue.format(number)
        case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}
