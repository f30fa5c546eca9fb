import CLibPQ
import Foundation

/// One version of the data for a whole build (docs/postgres.md, "One snapshot per build"):
/// the build's connection reads in a `REPEATABLE READ READ ONLY` transaction and exports its
/// snapshot; each pool connection imports it with `SET TRANSACTION SNAPSHOT`, so every
/// statement on every connection sees exactly the same committed rows.
///
/// Inside a transaction a failed statement would abort every later one ("current transaction
/// is aborted"); each transaction therefore starts a savepoint, and a failed statement rolls
/// back to it, so one question's error stays its own, as it was outside a transaction.
extension PostgresConnection {
    /// Why a database with foreign tables reads on one connection: postgres_fdw opens its
    /// remote transactions per local transaction, so an imported snapshot does not reach the
    /// shards, while one local transaction reads each shard in one remote snapshot.
    static let foreignTablesAlone =
        "the database has foreign tables (postgres_fdw), whose remote snapshots cannot be shared"

    public func beginSnapshot() throws -> SnapshotTicket {
        endSnapshot()
        // A snapshot is exported from the transaction itself, not from a savepoint in it.
        let row = try beginning(
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                + "SELECT pg_export_snapshot(), EXISTS (SELECT FROM pg_catalog.pg_foreign_table)")
        _ = try beginning("SAVEPOINT almanac_statement")
        inSnapshot = true
        guard row.count == 2, let id = row[0] else {
            endSnapshot()
            throw DatabaseError(
                path: location,
                reason: .statement(
                    sql: "SELECT pg_export_snapshot()", message: "no snapshot id came back"))
        }
        return row[1] == "t" ? .alone(Self.foreignTablesAlone) : .exported(id)
    }

    public func joinSnapshot(_ ticket: SnapshotTicket) throws {
        endSnapshot()
        var begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
        if case .exported(let id) = ticket {
            begin += "SET TRANSACTION SNAPSHOT '\(id.replacingOccurrences(of: "'", with: "''"))'; "
        }
        _ = try beginning(begin + "SAVEPOINT almanac_statement")
        inSnapshot = true
    }

    /// Nil: an imported snapshot is exact.
    public func changeMark() throws -> Int? { nil }

    public func endSnapshot() {
        guard inSnapshot else { return }
        inSnapshot = false
        // A read-only transaction has nothing to keep; a connection that failed is closed
        // without it.
        PQclear(PQexec(handle, "COMMIT"))
    }

    /// After a failed statement: the transaction back to its savepoint, usable again.
    func recoverSnapshot() {
        guard inSnapshot else { return }
        PQclear(PQexec(handle, "ROLLBACK TO SAVEPOINT almanac_statement"))
    }

    /// `exec` for the statements that begin a snapshot: on failure, no transaction is left.
    private func beginning(_ sql: String) throws -> [String?] {
        do {
            return try exec(sql)
        } catch {
            PQclear(PQexec(handle, "ROLLBACK"))
            throw error
        }
    }

    /// Runs statements not counted among the build's (no trace, no counter).
    /// - Returns: the last statement's first row, each column as text (nil for NULL).
    private func exec(_ sql: String) throws -> [String?] {
        guard let result = PQexec(handle, sql) else {
            throw DatabaseError(path: location, reason: .cannotConnect("the connection was lost"))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
            throw DatabaseError(
                path: location,
                reason: .statement(
                    sql: sql, message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        guard PQntuples(result) > 0 else { return [] }
        return (0..<PQnfields(result)).map { column in
            PQgetisnull(result, 0, column) == 1
                ? nil : String(cString: PQgetvalue(result, 0, column))
        }
    }
}
