import Foundation

/// What another connection needs to read the same data as the connection that began a
/// snapshot (`DatabaseConnection.beginSnapshot()`).
public enum SnapshotTicket: Sendable, Equatable {
    /// PostgreSQL: the id `pg_export_snapshot()` returned; a joiner imports it with
    /// `SET TRANSACTION SNAPSHOT`, which is exact.
    case exported(String)
    /// SQLite: a read transaction. A joiner begins its own, and the two read one version only
    /// if no write was committed between them, which `ReadSnapshot` checks.
    case readTransaction
    /// The snapshot cannot be shared with another connection: the build's connection reads
    /// alone. The text says why (PostgreSQL reading foreign tables through postgres_fdw,
    /// whose remote transactions belong to each local one).
    case alone(String)
}

/// The build's connections, all reading one version of the data from the build's first
/// statement to its last: the build's own connection and the pool's others, each in a
/// read-only transaction (docs/architecture.md, "One snapshot per build").
///
/// The pool's connections are opened and joined when the snapshot begins, before any of the
/// build's statements, so that on SQLite a joiner can tell whether a write was committed
/// between the build's read transaction and its own (`PRAGMA data_version` on the joiner,
/// read before the build's begins and again inside its own).
final class ReadSnapshot: @unchecked Sendable {
    // @unchecked: `spare` and `ended` are touched only under `lock`; the connections
    // themselves are used by one thread at a time (the build's, then one pool worker each).
    let db: any DatabaseConnection
    private let lock = NSLock()
    private var spare: [any DatabaseConnection]
    private var handedOut: [any DatabaseConnection] = []
    private var ended = false
    /// The pool's connections' preparation, begun by `prepareInBackground`.
    private let preparing = DispatchGroup()
    /// The row rules' report, checked in the background (`prepareInBackground`).
    private var rowRules: Result<SchemaReport, any Error>?
    /// Why the pool has fewer connections than asked for; nil when it has them all or reads
    /// alone by design.
    let shortfall: String?

    deinit {
        // A build that failed part-way: its transactions end with it.
        end()
    }

    /// How often the snapshot begins again when a write came between the build's read
    /// transaction and a joiner's, before the build reads on one connection.
    static let attempts = 3

    private init(db: any DatabaseConnection, spare: [any DatabaseConnection], shortfall: String?) {
        self.db = db
        self.spare = spare
        self.shortfall = shortfall
    }

    /// Begins a read-only transaction on `db` and on `joiners` more connections from `open`,
    /// all on one version of the data. A connection that cannot be opened or joined leaves
    /// the pool smaller (`shortfall` says why); `db`'s own snapshot always begins.
    /// - Throws: `DatabaseError` when `db` cannot begin its read transaction.
    static func begin(
        on db: any DatabaseConnection, joiners: Int, open: () throws -> any DatabaseConnection
    ) throws -> ReadSnapshot {
        var others: [any DatabaseConnection] = []
        var shortfall: String?
        for _ in 0..<joiners {
            do {
                others.append(try open())
            } catch {
                shortfall = "a second connection could not be opened: \(error)"
                break
            }
        }
        for _ in 0..<attempts {
            let ticket: SnapshotTicket
            let before: [Int?]
            do {
                before = try others.map { try $0.changeMark() }
                ticket = try db.beginSnapshot()
            } catch {
                // The pool's probes failed, or the build's connection could not begin: the
                // build's connection alone, if it can.
                return try alone(
                    db, others, shortfall: "a second connection could not begin to read: \(error)")
            }
            if case .alone = ticket {
                for other in others { other.endSnapshot() }
                return ReadSnapshot(db: db, spare: [], shortfall: nil)
            }
            do {
                for other in others { try other.joinSnapshot(ticket) }
                let after = try others.map { try $0.changeMark() }
                if after == before {
                    return ReadSnapshot(db: db, spare: others, shortfall: shortfall)
                }
            } catch {
                // A writer waiting for its lock refuses new readers (SQLite's rollback journal),
                // or the server refused: the build reads alone, still on one version.
                for other in others { other.endSnapshot() }
                return ReadSnapshot(
                    db: db, spare: [],
                    shortfall: "a second connection could not join the build's snapshot: \(error)")
            }
            // A write came between: begin again, all of them.
            db.endSnapshot()
            for other in others { other.endSnapshot() }
        }
        return try alone(
            db, others,
            shortfall:
                "the data changed \(attempts) times while the build's connections began to read it")
    }

    /// The build's connection reading alone, in its own snapshot.
    private static func alone(
        _ db: any DatabaseConnection, _ others: [any DatabaseConnection], shortfall: String
    ) throws -> ReadSnapshot {
        for other in others { other.endSnapshot() }
        db.endSnapshot()
        _ = try db.beginSnapshot()
        return ReadSnapshot(db: db, spare: [], shortfall: shortfall)
    }

    /// Starts running `statements` (the creation of the build's temporary tables) on every
    /// connection in the background, inside the snapshot, while the build matches its
    /// questions; the build's connection is not to be used until `ready()`, and
    /// `connection()` hands a pool connection out once its statements have run. A failure is
    /// left to the pool's worker, which runs them again (they create only what does not
    /// exist) and reports it.
    ///
    /// Each connection prepares on a thread of its own: the global dispatch queue ran them
    /// one after the other on two cores, while the matcher held the other.
    ///
    /// With `sharingUpTo` bytes (SQLite), the build's connection makes the tables alone and
    /// the others read a copy of them (`TemporaryTablesImage`), while the matcher has the
    /// other core; tables larger than that, or a connection that cannot read the copy, are
    /// made on that connection after. Meanwhile, with `checkingRowRules`, the second
    /// connection checks the schema's row rules (`rowRulesChecked`), which the pool would
    /// otherwise check beside its first statements.
    func prepareInBackground(
        _ statements: [String], sharingUpTo limit: Int = 0, checkingRowRules: Bool = false
    ) {
        guard !statements.isEmpty else { return }
        let lent = ([db] + lock.withLock { spare }).map(Lent.init)
        guard limit > 0, lent.count > 1, db.sharesTemporaryTables else {
            for connection in lent {
                preparing.enter()
                Thread { [preparing] in
                    defer { preparing.leave() }
                    try? connection.connection.createTemporaryTables(statements)
                }.start()
            }
            return
        }
        let made = DispatchSemaphore(value: 0)
        let image = ImageHandover()
        preparing.enter()
        Thread { [preparing] in
            defer { preparing.leave() }
            let maker = lent[0].connection
            try? maker.createTemporaryTables(statements)
            image.set(maker.temporaryTablesImage(limit: limit))
            made.signal()
        }.start()
        preparing.enter()
        Thread { [preparing] in
            defer { preparing.leave() }
            let others = lent.dropFirst().map(\.connection)
            if checkingRowRules {
                let report = Result { try SchemaChecker().check(others[0]) }
                self.lock.withLock { self.rowRules = report }
            }
            made.wait()
            for (index, other) in zip(others.indices, others) {
                if let image = image.value,
                    (try? other.adoptTemporaryTables(image, last: index == others.count - 1))
                        != nil
                {
                    continue
                }
                try? other.createTemporaryTables(statements)
            }
        }.start()
    }

    /// The row rules' report, when the background preparation checked them; read after
    /// `ready()`.
    var rowRulesChecked: Result<SchemaReport, any Error>? {
        lock.withLock { rowRules }
    }

    /// Waits until the background preparation is done: the build's connection is free.
    func ready() {
        preparing.wait()
    }

    /// One more connection reading the snapshot, for the pool; nil when the build's
    /// connection reads alone by design.
    /// - Throws: `PoolShortfall` saying why the pool has fewer connections than asked for.
    func connection() throws -> (any DatabaseConnection)? {
        preparing.wait()
        return try lock.withLock {
            guard !ended, !spare.isEmpty else {
                if let shortfall { throw PoolShortfall(description: shortfall) }
                return nil
            }
            let next = spare.removeFirst()
            handedOut.append(next)
            return next
        }
    }

    /// Ends every connection's read transaction and closes the pool's: the build's SQL is
    /// done. Ending twice does nothing.
    func end() {
        preparing.wait()
        let others: [any DatabaseConnection]? = lock.withLock {
            guard !ended else { return nil }
            ended = true
            defer {
                spare = []
                handedOut = []
            }
            return spare + handedOut
        }
        guard let others else { return }
        for other in others { other.endSnapshot() }
        db.endSnapshot()
    }
}

/// A spare connection lent to its background preparation, which has it alone until
/// `connection()` hands it out.
private struct Lent: @unchecked Sendable {
    // @unchecked: one thread at a time, as `ReadSnapshot` says.
    let connection: any DatabaseConnection

    init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }
}

/// The build's facts, made on one thread and adopted on another.
private final class ImageHandover: @unchecked Sendable {
    // @unchecked: set before a semaphore's signal, read after its wait.
    private(set) var value: TemporaryTablesImage?

    func set(_ image: TemporaryTablesImage?) {
        value = image
    }
}

/// Why the pool has fewer connections than asked for; the build still reads one snapshot.
struct PoolShortfall: Error, CustomStringConvertible {
    var description: String
}
