import Foundation
import Testing

@testable import AlmanacCore

/// An analysis connection to a SQLite file writes nothing but the build's own temporary
/// tables, and those only while the build makes them.
@Suite struct TemporaryWritesTests {
    func database() throws -> (path: String, db: SQLiteConnection) {
        let path = Fixture.folder().appending(path: "small.db").path
        let writer = try SQLiteConnection(path: path, mode: .create)
        try writer.execute("CREATE TABLE numbers(n INTEGER); INSERT INTO numbers VALUES (1), (2)")
        return (path, try SQLiteConnection(path: path))
    }

    @Test("the build's temporary tables are made, and read, on a read-only connection")
    func makes() throws {
        let (_, db) = try database()
        try db.createTemporaryTables([
            "CREATE TEMP TABLE IF NOT EXISTS almanac_facts AS SELECT n * 10 AS n FROM numbers",
            "CREATE INDEX IF NOT EXISTS temp.almanac_facts_1 ON almanac_facts(n)",
        ])
        #expect(try db.scalarInt("SELECT sum(n) FROM almanac_facts") == 30)
        // Asked again, the connection does not make them twice.
        try db.createTemporaryTables([
            "CREATE TEMP TABLE IF NOT EXISTS almanac_facts AS SELECT n * 10 AS n FROM numbers"
        ])
        #expect(try db.scalarInt("SELECT count(*) FROM almanac_facts") == 2)
    }

    @Test(
        "every other write is refused: the file, the temporary schema after the build's tables, ATTACH",
        arguments: [
            "CREATE TEMP TABLE other(n)", "INSERT INTO almanac_facts VALUES (5)",
            "DELETE FROM almanac_facts", "DROP TABLE almanac_facts", "CREATE TABLE other(n)",
            "INSERT INTO numbers VALUES (3)", "ATTACH DATABASE ':memory:' AS other",
            "CREATE TEMP VIEW other AS SELECT 1",
        ])
    func refuses(_ sql: String) throws {
        let (path, db) = try database()
        try db.createTemporaryTables([
            "CREATE TEMP TABLE IF NOT EXISTS almanac_facts AS SELECT n FROM numbers"
        ])
        #expect(throws: DatabaseError.self) { try db.execute(sql) }
        #expect(try db.scalarInt("SELECT count(*) FROM almanac_facts") == 2)
        #expect(try SQLiteConnection(path: path).scalarInt("SELECT count(*) FROM numbers") == 2)
    }
}

/// The pool's other connections read the build's facts from a copy of the first's, in
/// memory, instead of making them again.
@Suite struct SharedTemporaryTablesTests {
    let made = [
        "CREATE TEMP TABLE IF NOT EXISTS almanac_facts AS SELECT n * 10 AS n FROM numbers",
        "CREATE INDEX IF NOT EXISTS temp.almanac_facts_1 ON almanac_facts(n)",
    ]

    func database(_ setup: String = "") throws -> String {
        let path = Fixture.folder().appending(path: "small.db").path
        let writer = try SQLiteConnection(path: path, mode: .create)
        try writer.execute(
            "CREATE TABLE numbers(n INTEGER); INSERT INTO numbers VALUES (1), (2), (4);" + setup)
        return path
    }

    @Test("a copy adopted by another connection reads the same rows, through its index")
    func adopted() throws {
        let path = try database()
        let (maker, first, last) = try (
            SQLiteConnection(path: path), SQLiteConnection(path: path), SQLiteConnection(path: path)
        )
        try maker.createTemporaryTables(made)
        let image = try #require(maker.temporaryTablesImage(limit: 1 << 20))
        try first.adoptTemporaryTables(image, last: false)
        try last.adoptTemporaryTables(image, last: true)
        for db in [first, last] {
            // 10 + 20 + 40, made once, by `maker`.
            #expect(try db.scalarInt("SELECT sum(n) FROM almanac_facts") == 70)
            var plan = ""
            try db.query("EXPLAIN QUERY PLAN SELECT n FROM almanac_facts WHERE n = 20", []) {
                plan += $0.string(3) ?? ""
            }
            #expect(plan.contains("almanac_facts_1"))
            // Adopted, the tables count as made: asked for them, the connection makes none.
            try db.createTemporaryTables(made)
            #expect(try db.scalarInt("SELECT count(*) FROM temp.sqlite_master") == 0)
            // The copy is read-only, and ATTACH is refused again.
            #expect(throws: DatabaseError.self) {
                try db.execute("INSERT INTO almanac_facts VALUES (5)")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute("ATTACH DATABASE ':memory:' AS other")
            }
        }
    }

    @Test("tables larger than the limit are not copied")
    func tooLarge() throws {
        let maker = try SQLiteConnection(path: try database())
        try maker.createTemporaryTables(made)
        // Three pages at least: the table, its index and the schema.
        #expect(maker.temporaryTablesImage(limit: 4096) == nil)
    }

    @Test("a file with a table of the build's names keeps its connections making their own")
    func shadowed() throws {
        let path = try database("CREATE TABLE almanac_facts(n INTEGER);")
        let (maker, other) = try (SQLiteConnection(path: path), SQLiteConnection(path: path))
        try maker.createTemporaryTables(made)
        let image = try #require(maker.temporaryTablesImage(limit: 1 << 20))
        #expect(throws: DatabaseError.self) { try other.adoptTemporaryTables(image, last: true) }
        try other.createTemporaryTables(made)
        #expect(try other.scalarInt("SELECT sum(n) FROM almanac_facts") == 70)
    }
}

/// SQLite counts a statement's steps in 32 bits; the progress handler's calls recover the
/// wraps of a statement over ten million rows.
@Suite struct StepCountTests {
    @Test("a count under 2³² is the counter itself, read unsigned")
    func plain() {
        #expect(
            SQLiteConnection.steps(counter: 12_345, handlerCalls: 1, interval: 10_000) == 12_345)
        // 3,000,000,000 steps read back as a negative Int32.
        let counter = Int32(bitPattern: 3_000_000_000)
        #expect(
            SQLiteConnection.steps(counter: counter, handlerCalls: 300_000, interval: 10_000)
                == 3_000_000_000)
    }

    @Test("a count past 2³² adds the wraps the handler's calls show")
    func wrapped() {
        // 2³² + 100 = 4,294,967,396 steps: the counter holds 100, the handler ran 429,496 times.
        #expect(
            SQLiteConnection.steps(counter: 100, handlerCalls: 429_496, interval: 10_000)
                == 4_294_967_396)
        // 2 × 2³² + 5,000,000 = 8,594,934,592: counter 5,000,000, 859,493 calls.
        #expect(
            SQLiteConnection.steps(counter: 5_000_000, handlerCalls: 859_493, interval: 10_000)
                == 8_594_934_592)
    }
}
