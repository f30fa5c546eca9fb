import Foundation
import Testing

@testable import AlmanacCore

/// One snapshot per build: every statement of a build, on every connection of its pool, reads
/// the data as it was when the build began, while another connection writes to the database
/// (docs/architecture.md, "One snapshot per build").
@Suite struct ReadSnapshotTests {
    /// Pages of three kinds over `Fixture.platformRows`, and three custom queries (each its own
    /// piece of the pool's work, so both connections run some) that count the enrollments.
    static let questions = """
        title: Snapshot
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
          - text: What is the completion rate by organization?
            id: completion
          - text: How have enrollments trended over time?
            id: trend
          - text: Counted
            id: counted
            sql: SELECT count(*) AS n FROM enrollments
          - text: Counted again
            id: again
            sql: SELECT count(id) AS n FROM enrollments
          - text: Counted a third way
            id: third
            sql: SELECT sum(1) AS n FROM enrollments
        """

    /// Three enrollments more, numbered after the last and dated inside the fixture's data (as
    /// of 2024-03-01): a statement that read them would count 10 enrollments, not the
    /// fixture's 7. The same text on both engines (VALUES names its columns column1…).
    static let write = """
        INSERT INTO enrollments
        SELECT (SELECT max(id) FROM enrollments) + column1, column2, column3, column4, column5,
          column6, column7
        FROM (VALUES (1, 2, 2, '2024-02-20', 'enrolled', 0.0, NULL),
          (2, 1, 3, '2024-02-21', 'completed', 1.0, '2024-02-25'),
          (3, 2, 3, '2024-02-22', 'enrolled', 0.0, NULL)) AS added
        """

    /// Each page's count of enrollments, as its report document holds it.
    func counts(_ project: Project) throws -> [String: JSONValue?] {
        func data(_ id: String) throws -> JSONValue? {
            try project.document(id)["metadata"]?["analytics_data"]
        }
        var counts: [String: JSONValue?] = [
            "badges": try data("badges")?["totals"]?["enrollments"],
            "completion": try data("completion")?["overall"]?["enrollments"],
            "trend": try data("trend")?["totals"]?["enrollments"],
        ]
        for id in ["counted", "again", "third"] {
            counts[id] = try data(id)?["rows"]?.arrayValue?.first?.arrayValue?.first
        }
        return counts
    }

    /// Builds `project`, calling `write` once the build has begun (after its first statements,
    /// before the analyses), and returns what the write threw during the build, if anything.
    func build(_ project: Project, writing write: @escaping @Sendable () throws -> Void)
        async throws -> (any Error)?
    {
        var project = project
        let outcome = Outcome()
        project.observe = { event in
            guard case .started = event else { return }
            do { try write() } catch { outcome.failure = error }
        }
        try await project.build()
        return outcome.failure
    }

    // MARK: - SQLite

    /// A project over the fixture in `journalMode`, and a function that writes to it.
    func sqliteProject(journalMode: String) throws -> (Project, @Sendable () throws -> Void) {
        let path = try Fixture.database(Fixture.platformRows)
        let setup = try SQLiteConnection(path: path, mode: .create)
        try setup.execute("PRAGMA journal_mode = \(journalMode)")
        #expect(
            try setup.rows("PRAGMA journal_mode") { $0.string(0) } == [journalMode.lowercased()])
        let write: @Sendable () throws -> Void = {
            let writer = try SQLiteConnection(path: path, mode: .create)
            // The writer's own wait for a lock, short: the build holds its read until the end.
            try writer.execute("PRAGMA busy_timeout = 100")
            try writer.execute(Self.write)
        }
        return (Project(database: path, questions: Self.questions), write)
    }

    func count(_ path: String) throws -> Int {
        try SQLiteConnection(path: path).scalarInt("SELECT count(*) FROM enrollments")
    }

    @Test("WAL: a write committed during the build is in no page; the next build sees it")
    func wal() async throws {
        let (project, write) = try sqliteProject(journalMode: "WAL")
        let failure = try await build(project, writing: write)
        // WAL lets the writer commit while the build reads.
        #expect(failure == nil)
        #expect(try count(project.database) == 10)
        for (id, count) in try counts(project) { #expect(count == 7, "\(id)") }
    }

    @Test("rollback journal: a writer cannot commit until the build's SQL is done")
    func rollbackJournal() async throws {
        let (project, write) = try sqliteProject(journalMode: "DELETE")
        let failure = try await build(project, writing: write)
        // The build's read locks keep the writer out: its busy timeout runs out.
        #expect((failure as? DatabaseError)?.reason == .locked, "\(String(describing: failure))")
        for (id, count) in try counts(project) { #expect(count == 7, "\(id)") }
        // The build's transactions ended with its SQL: the write goes through now.
        try write()
        #expect(try count(project.database) == 10)
    }

    /// A snapshot begun on a WAL fixture with one joiner, while another connection commits a
    /// write just after each of the build connection's first `times` read transactions.
    func snapshot(writing times: Int) throws -> (ReadSnapshot, WriteAfterBegin) {
        let (project, write) = try sqliteProject(journalMode: "WAL")
        let path = project.database
        let db = WriteAfterBegin(try SQLiteConnection(path: path), write: write, times: times)
        let snapshot = try ReadSnapshot.begin(on: db, joiners: 1) {
            try SQLiteConnection(path: path)
        }
        return (snapshot, db)
    }

    @Test("a write between the build's read and the pool's makes the snapshot begin again")
    func joinerBeganLater() throws {
        let (snapshot, db) = try snapshot(writing: 1)
        let joiner = try #require(try snapshot.connection())
        // The first attempt read 7 on the build's connection and would have read 10 on the
        // joiner; the second began both after the write.
        #expect(db.writes == 1)
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == 10)
        #expect(try joiner.scalarInt("SELECT count(*) FROM enrollments") == 10)
        snapshot.end()
    }

    @Test(
        "the facts made once in the snapshot are read by the pool's other connection, which checks the row rules meanwhile"
    )
    func sharedFacts() throws {
        let (project, write) = try sqliteProject(journalMode: "WAL")
        let path = project.database
        let db = try SQLiteConnection(path: path)
        let snapshot = try ReadSnapshot.begin(on: db, joiners: 1) {
            try SQLiteConnection(path: path)
        }
        // Committed after the snapshot began: neither the facts nor the other connection see it.
        try write()
        snapshot.prepareInBackground(
            ["CREATE TEMP TABLE IF NOT EXISTS almanac_facts AS SELECT id FROM enrollments"],
            sharingUpTo: 1 << 20, checkingRowRules: true)
        snapshot.ready()
        let joiner = try #require(try snapshot.connection())
        #expect(try db.scalarInt("SELECT count(*) FROM almanac_facts") == 7)
        #expect(try joiner.scalarInt("SELECT count(*) FROM almanac_facts") == 7)
        // The joiner made no table of its own.
        #expect(try joiner.scalarInt("SELECT count(*) FROM temp.sqlite_master") == 0)
        let report = try #require(snapshot.rowRulesChecked).get()
        #expect(!report.hasErrors)
        snapshot.end()
    }

    @Test("data that keeps changing leaves the build reading alone, and says why")
    func keepsChanging() throws {
        let (snapshot, db) = try snapshot(writing: 3)
        #expect(db.writes == 3)
        #expect(throws: PoolShortfall.self) { try snapshot.connection() }
        // Alone, the build's connection began once more, after the third write: 7 + 3 × 3.
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == 16)
        snapshot.end()
    }

    // MARK: - PostgreSQL

    @Test(
        "PostgreSQL: a write committed during the build is in no page, on either connection",
        .enabled(if: TestPostgres.url != nil, "needs ALMANAC_TEST_POSTGRES_URL"))
    func postgres() async throws {
        let url = try #require(try TestPostgres.fixtureURL(Fixture.platformRows))
        let project = Project(database: url, questions: Self.questions)
        let failure = try await build(project) {
            try PostgresConnection(url: url, mode: .write).execute(Self.write)
        }
        #expect(failure == nil)
        let reader = try PostgresConnection(url: url)
        #expect(try reader.scalarInt("SELECT count(*) FROM enrollments") == 10)
        for (id, count) in try counts(project) { #expect(count == 7, "\(id)") }
    }

    @Test(
        "PostgreSQL: the pool's connection imports the build's exported snapshot",
        .enabled(if: TestPostgres.url != nil, "needs ALMANAC_TEST_POSTGRES_URL"))
    func postgresJoin() throws {
        let url = try #require(try TestPostgres.fixtureURL(Fixture.platformRows))
        let db = try PostgresConnection(url: url)
        let snapshot = try ReadSnapshot.begin(on: db, joiners: 1) {
            try PostgresConnection(url: url)
        }
        let joiner = try #require(try snapshot.connection())
        try PostgresConnection(url: url, mode: .write).execute(Self.write)
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == 7)
        #expect(try joiner.scalarInt("SELECT count(*) FROM enrollments") == 7)
        // A failed statement does not spoil the transaction for the next.
        #expect(throws: DatabaseError.self) { try joiner.scalarInt("SELECT 1 / 0") }
        #expect(try joiner.scalarInt("SELECT count(*) FROM enrollments") == 7)
        snapshot.end()
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == 10)
    }

    @Test(
        "PostgreSQL cluster: foreign tables leave the build reading on one connection",
        .enabled(if: TestPostgres.clusterURL != nil, "needs ALMANAC_TEST_POSTGRES_CLUSTER_URL"))
    func cluster() throws {
        let url = try #require(TestPostgres.clusterURL)
        let db = try PostgresConnection(url: url)
        var opened = 0
        let snapshot = try ReadSnapshot.begin(on: db, joiners: 1) {
            opened += 1
            return try PostgresConnection(url: url)
        }
        #expect(opened == 1)
        #expect(try snapshot.connection() == nil)
        snapshot.end()
    }
}

/// What a write during a build threw, set from the build's log.
private final class Outcome: @unchecked Sendable {
    // @unchecked: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: (any Error)?

    var failure: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A build's connection that lets another connection commit a write just after each of its
/// first `times` snapshots begins: a joiner that begins after it reads a later version.
final class WriteAfterBegin: DatabaseConnection {
    let inner: SQLiteConnection
    let write: () throws -> Void
    var times: Int
    private(set) var writes = 0

    init(_ inner: SQLiteConnection, write: @escaping () throws -> Void, times: Int) {
        self.inner = inner
        self.write = write
        self.times = times
    }

    var dialect: any SQLDialect { inner.dialect }
    var engine: String { inner.engine }
    var location: String { inner.location }
    var trace: ((String, [SQLValue]) -> Void)? {
        get { inner.trace }
        set { inner.trace = newValue }
    }

    func readOnlyProblem(in sql: String) -> String? { inner.readOnlyProblem(in: sql) }

    func query(_ sql: String, _ bindings: [SQLValue], row: (any SQLRow) throws -> Void) throws {
        try inner.query(sql, bindings, row: row)
    }

    func execute(_ sql: String) throws { try inner.execute(sql) }

    func beginSnapshot() throws -> SnapshotTicket {
        let ticket = try inner.beginSnapshot()
        if writes < times {
            writes += 1
            try write()
        }
        return ticket
    }

    func joinSnapshot(_ ticket: SnapshotTicket) throws { try inner.joinSnapshot(ticket) }
    func changeMark() throws -> Int? { try inner.changeMark() }
    func endSnapshot() { inner.endSnapshot() }
}
