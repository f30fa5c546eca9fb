import Foundation

@testable import AlmanacCore

/// Scratch folders and small SQLite databases built inside the tests.
enum Fixture {
    /// The one folder under the system's temporary directory that holds every scratch folder
    /// of this test process; it is removed when the process exits, so a run of the tests
    /// leaves nothing behind (each run left about a thousand folders before).
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "almanac-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixture.root) }
        return url
    }()

    /// A new empty folder under `root`.
    static func folder() -> URL {
        let url = root.appending(path: UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A database with the schema of docs/schema.md plus `rows` (SQL statements).
    static func database(_ rows: String, schema: String = DemoSeeder.schemaSQL) throws -> String {
        let path = folder().appending(path: "fixture.db").path
        let db = try SQLiteConnection(path: path, mode: .create)
        try db.execute(schema)
        try db.execute(rows)
        return path
    }

    /// An analysis of a database of `rows`, as of `asOf`, with no filters.
    static func context(_ rows: String, asOf: String = "2024-03-01") throws -> AnalysisContext {
        AnalysisContext(
            db: try SQLiteConnection(path: try database(rows)), asOf: CivilDate(iso: asOf)!,
            filters: Filters())
    }

    /// A tiny platform whose numbers are worked out by hand in the tests that use it.
    ///
    /// Badges: 1 Python Basics (Programming), 2 SQL Fundamentals (Data), 3 Empty Badge (Data,
    /// no enrollments). Organizations: 1 Acme & Sons, 2 Globex. User 4 has no organization.
    static let platformRows = """
        INSERT INTO organizations VALUES (1, 'Acme & Sons'), (2, 'Globex');
        INSERT INTO users VALUES
          (1, 'Ann', 1, '2024-01-01'), (2, 'Bo', 1, '2024-01-01'),
          (3, 'Cy', 2, '2024-01-01'), (4, 'Di', NULL, '2024-01-01');
        INSERT INTO badges VALUES (1, 'Python Basics', 'Programming'), (2, 'SQL Fundamentals', 'Data'),
          (3, 'Empty Badge', 'Data');
        INSERT INTO enrollments VALUES
          (1, 1, 1, '2024-01-10', 'completed', 1.0, '2024-01-20'),
          (2, 2, 1, '2024-01-10', 'completed', 1.0, '2024-02-09'),
          (3, 3, 1, '2024-02-01', 'dropped', 0.5, NULL),
          (4, 4, 1, '2024-03-01T08:00:00', 'in_progress', 0.25, NULL),
          (5, 1, 2, '2024-01-20', 'completed', 1.0, '2024-01-25'),
          (6, 3, 2, '2024-02-15', 'enrolled', 0.0, NULL),
          (7, 4, 2, '2024-02-15', 'completed', 1.0, '2024-02-22T12:00:00');
        """
}
