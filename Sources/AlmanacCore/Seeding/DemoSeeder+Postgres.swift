import Foundation

extension DemoSeeder {
    /// The four tables in PostgreSQL: docs/schema.md's columns, with SQLite's TEXT as `text`,
    /// INTEGER as `bigint` and REAL as `double precision`.
    public static let postgresSchemaSQL = """
        CREATE TABLE organizations(id bigint PRIMARY KEY, name text NOT NULL UNIQUE);
        CREATE TABLE users(id bigint PRIMARY KEY, name text NOT NULL,
            organization_id bigint REFERENCES organizations(id), joined_at text NOT NULL);
        CREATE TABLE badges(id bigint PRIMARY KEY, name text NOT NULL UNIQUE, category text NOT NULL);
        CREATE TABLE enrollments(id bigint PRIMARY KEY, user_id bigint NOT NULL,
            badge_id bigint NOT NULL, enrolled_at text NOT NULL, status text NOT NULL,
            progress double precision NOT NULL DEFAULT 0, completed_at text);
        """

    /// Writes the demo into PostgreSQL: the same rows as the SQLite file (which is generated
    /// first, in a scratch folder), copied with `COPY … FROM STDIN`, in one transaction.
    ///
    /// By default it creates the tables and indexes, and refuses a database that already has
    /// any of the four unless `replace` is set, which drops them first. With `keepSchema` it
    /// loads rows into tables that already exist (a sharded or partitioned layout of one's
    /// own), emptying them first only when `replace` is set.
    /// - Throws: `SeedError` for a database it will not change, `DatabaseError` when writing fails.
    public func write(
        to db: PostgresConnection, replace: Bool = false, keepSchema: Bool = false
    ) throws -> SeedSummary {
        if let problem = options.problem { throw SeedError(description: problem) }
        let tables = Schema.tables.map(\.table)
        let present = Set(try db.rows(db.dialect.tableNamesQuery) { $0.string(0) ?? "" })
        let existing = tables.filter(present.contains)
        if keepSchema {
            let missing = tables.filter { !present.contains($0) }
            guard missing.isEmpty else {
                throw SeedError(
                    description:
                        "\(db.location) has no \(missing.count == 1 ? "table" : "tables") \(missing.joined(separator: ", ")); --keep-schema loads rows into tables that exist (drop it to let the seed create them)"
                )
            }
            let filled = try tables.filter {
                try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM \($0) LIMIT 1) AS row") > 0
            }
            if !filled.isEmpty && !replace {
                throw SeedError(
                    description:
                        "\(db.location): \(filled.joined(separator: ", ")) already \(filled.count == 1 ? "has" : "have") rows; pass --force to empty the four tables first"
                )
            }
        } else if !existing.isEmpty && !replace {
            throw SeedError(
                description:
                    "\(db.location) already has \(existing.joined(separator: ", ")); pass --force to drop and recreate the four tables"
            )
        }

        let scratch = FileManager.default.temporaryDirectory
            .appending(path: "almanac-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appending(path: "demo.db").path
        let summary = try write(to: file)
        let source = try SQLiteConnection(path: file)

        try db.execute("BEGIN")
        // Index builds after a million-row COPY sort in memory rather than on disk.
        try db.execute("SET LOCAL maintenance_work_mem = '256MB'")
        do {
            if keepSchema {
                if replace { try db.execute("TRUNCATE enrollments, users, badges, organizations") }
            } else {
                if !existing.isEmpty {
                    try db.execute(
                        "DROP TABLE IF EXISTS enrollments, users, badges, organizations CASCADE")
                }
                try db.execute(Self.postgresSchemaSQL)
            }
            // Parents before children, for the foreign key of users.
            for (table, columns) in Schema.tables {
                let list = columns.joined(separator: ", ")
                try db.copy("COPY \(table)(\(list)) FROM STDIN") { writer in
                    try source.query("SELECT \(list) FROM \(table) ORDER BY id", []) { row in
                        try writer.row((0..<columns.count).map(row.value))
                    }
                }
            }
            if !keepSchema { try db.execute(Self.indexSQL) }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        try db.execute("ANALYZE organizations, users, badges, enrollments")
        return summary
    }
}
