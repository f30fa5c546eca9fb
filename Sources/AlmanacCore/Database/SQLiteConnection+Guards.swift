import CSQLite
import Foundation

/// The moment the running query must stop, for the progress handler. Each connection has its
/// own and uses it from one thread at a time (connections are never shared), so the plain
/// stored value needs no lock.
final class Deadline {
    /// Virtual-machine steps between two calls of the progress handler.
    static let interval = 10_000
    /// Nanoseconds on the monotonic clock; 0 means none.
    private var limit: UInt64 = 0
    /// The progress handler's calls since the running query started.
    var ticks = 0

    /// Starts a new query's limit; 0 milliseconds clears it.
    func start(milliseconds: Int) {
        limit = milliseconds > 0 ? Self.now() + UInt64(milliseconds) * 1_000_000 : 0
        ticks = 0
    }

    /// The steps of the running query (`SQLiteConnection.steps`).
    func steps(_ counter: Int32) -> Int {
        SQLiteConnection.steps(counter: counter, handlerCalls: ticks, interval: Self.interval)
    }

    var hasPassed: Bool { limit != 0 && Self.now() > limit }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// What an analysis connection's authorizer lets through. The file is opened read-only, so
/// SQLite refuses to write it whatever this says (and `pragma_table_info` asks leave to
/// update `sqlite_master`); this refuses every write to the `temp` schema but the build's
/// own tables, every change of a schema, and ATTACH, which could open another file, but
/// the one of another connection's tables (`adoptTemporaryTables`), in memory.
/// Each connection has its own and uses it from one thread at a time.
final class TemporaryWrites {
    var allowed = false
    var attaching = false

    static func decide(
        _ action: Int32, database: String?, allowed: Bool, attaching: Bool = false
    ) -> Int32 {
        switch action {
        case SQLITE_ATTACH:
            return attaching ? SQLITE_OK : SQLITE_DENY
        case SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_DROP_TEMP_TABLE,
            SQLITE_DROP_TEMP_INDEX:
            return allowed ? SQLITE_OK : SQLITE_DENY
        // Creating an index asks for a REINDEX of it.
        case SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE, SQLITE_REINDEX:
            return allowed || database != "temp" ? SQLITE_OK : SQLITE_DENY
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_INDEX, SQLITE_CREATE_VIEW, SQLITE_CREATE_TRIGGER,
            SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_VTABLE,
            SQLITE_DROP_TABLE, SQLITE_DROP_INDEX, SQLITE_DROP_VIEW, SQLITE_DROP_TRIGGER,
            SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_VTABLE,
            SQLITE_ALTER_TABLE, SQLITE_ANALYZE, SQLITE_DETACH:
            return SQLITE_DENY
        default:
            return SQLITE_OK
        }
    }
}

extension SQLiteConnection {
    /// Whether a database file is in WAL mode: its header's read and write versions are 2.
    static func isWAL(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20 else {
            return false
        }
        return header.starts(with: Data("SQLite format 3\0".utf8)) && header[18] == 2
            && header[19] == 2
    }
}
