import CSQLite

/// One version of the data for a whole build (docs/architecture.md, "One snapshot per
/// build"): each connection holds a read transaction from its first statement to its last.
///
/// - Rollback journal: a reader holds a SHARED lock until its transaction ends, and a writer
///   cannot commit while any is held, so every connection reads one version; the writer
///   waits (its own busy timeout) until the build's SQL is done.
/// - WAL: readers do not block writers. Each read transaction reads the version that was
///   committed when it began, so a connection that begins later may read a later one. This
///   system's SQLite has no `sqlite3_snapshot_open` (it needs `SQLITE_ENABLE_SNAPSHOT`), so
///   `ReadSnapshot` checks instead: a joiner reads its `PRAGMA data_version` before the
///   build's transaction begins and again inside its own, and an unchanged number means no
///   write was committed in between.
extension SQLiteConnection {
    public func beginSnapshot() throws -> SnapshotTicket {
        try beginReading()
        return .readTransaction
    }

    public func joinSnapshot(_ ticket: SnapshotTicket) throws {
        try beginReading()
    }

    public func changeMark() throws -> Int? {
        // Not one of the build's statements: neither `--dump-sql` nor the statement and
        // step counts see it.
        let sql = "PRAGMA data_version"
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        var status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        if status == SQLITE_OK { status = sqlite3_step(statement) }
        guard status == SQLITE_ROW else {
            throw DatabaseError(
                path: path,
                reason: .statement(sql: sql, message: String(cString: sqlite3_errmsg(handle))))
        }
        return Int(sqlite3_column_int64(statement, 0))
    }

    public func endSnapshot() {
        guard let handle, sqlite3_get_autocommit(handle) == 0 else { return }
        // The temporary tables' pages (the build's facts, 4 to 8 MB) are dirty in the temp
        // schema's cache, where neither COMMIT, DROP TABLE nor `sqlite3_db_release_memory`
        // frees them, until the connection closes: the build's own connection stays open to
        // the end of the build. Written out to the temporary file while the transaction is
        // still open, they are clean, and released below.
        sqlite3_db_cacheflush(handle)
        // A read transaction has nothing to keep: if COMMIT is refused, ROLLBACK ends it the
        // same way, and closing the connection would too.
        if sqlite3_exec(handle, "COMMIT", nil, nil, nil) != SQLITE_OK {
            sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        }
        // The build's SQL is done: the pages its caches hold (the temporary tables' among
        // them, up to `temporaryCacheKiB`) go back to the allocator instead of staying until
        // the connection closes at the end of the build.
        sqlite3_db_release_memory(handle)
    }

    /// BEGIN only marks the transaction: the read lock (rollback journal) or the version
    /// (WAL) is taken by its first read, which this is.
    private func beginReading() throws {
        endSnapshot()
        try execute("BEGIN DEFERRED; SELECT count(*) FROM sqlite_master")
    }
}
