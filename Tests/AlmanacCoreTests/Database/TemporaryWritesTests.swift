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
