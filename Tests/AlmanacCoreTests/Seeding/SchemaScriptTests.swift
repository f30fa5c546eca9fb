import Foundation
import Testing

@testable import AlmanacCore

@Suite struct SchemaScriptTests {
    @Test("the printed SQLite schema makes a database that check accepts, once it has rows")
    func sqliteScriptMakesACheckedDatabase() throws {
        // The whole printed text, comments and both engines' headers included, minus the
        // PostgreSQL part: what `almanac schema --engine sqlite | sqlite3 FILE` runs.
        let script = SchemaScript.text(for: .sqlite)
        #expect(!script.contains("bigint"))
        let path = try Fixture.database(Fixture.platformRows, schema: script)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(report.findings.isEmpty)
        // The tables and the indexes the build uses are all there.
        let db = try SQLiteConnection(path: path)
        let names = try db.rows(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ) { $0.string(0) ?? "" }
        #expect(
            names == [
                "badges", "enrollments", "enrollments_by_completion", "enrollments_by_date",
                "enrollments_by_learner", "organizations", "users",
            ])
    }

    @Test("the printed schema rejects what docs/schema.md forbids")
    func sqliteScriptKeepsTheStatusRule() throws {
        let rows = """
            INSERT INTO organizations VALUES (1, 'Acme');
            INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01');
            INSERT INTO badges VALUES (1, 'Python Basics', 'Programming');
            INSERT INTO enrollments VALUES (1, 1, 1, '2024-01-10', 'finished', 1.0, '2024-01-20');
            """
        #expect(throws: DatabaseError.self) {
            try Fixture.database(rows, schema: SchemaScript.text(for: .sqlite))
        }
    }

    @Test(
        "the printed PostgreSQL schema makes a database that check accepts, once it has rows",
        .enabled(if: TestPostgres.url != nil))
    func postgresScriptMakesACheckedDatabase() throws {
        // What `almanac schema --engine postgres | psql URL` runs, comments and all.
        let reader = try #require(
            try TestPostgres.fixture(
                Fixture.platformRows, tables: SchemaScript.text(for: .postgres)))
        #expect(try SchemaChecker().check(reader).findings.isEmpty)
        let indexes = try reader.rows(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'enrollments_by_%' ORDER BY 1"
        ) { $0.string(0) ?? "" }
        #expect(
            indexes == [
                "enrollments_by_completion", "enrollments_by_date", "enrollments_by_learner",
            ])
    }

    @Test("without an engine it prints both, each table once per engine")
    func bothEngines() {
        let text = SchemaScript.text(for: nil)
        for table in Schema.tables.map(\.table) {
            #expect(text.components(separatedBy: "CREATE TABLE \(table)(").count == 3)
        }
        #expect(text.contains("bigint PRIMARY KEY"))
        #expect(text.contains("INTEGER PRIMARY KEY"))
        #expect(text.hasPrefix("-- The four tables Almanac reads"))
    }
}
