import Foundation
import Testing

@testable import AlmanacCore

@Suite struct DemoSeederTests {
    func seed(_ configure: (inout SeedOptions) -> Void = { _ in }) throws -> (String, SeedSummary) {
        var options = SeedOptions()
        options.users = 400
        configure(&options)
        let path = Fixture.folder().appending(path: "seed.db").path
        return (path, try DemoSeeder(options: options).write(to: path))
    }

    @Test("the same flags give a byte-identical file")
    func deterministic() throws {
        let (first, _) = try seed()
        let (second, _) = try seed()
        #expect(
            FileManager.default.contents(atPath: first)
                == FileManager.default.contents(atPath: second))
        let (other, _) = try seed { $0.seed = 7 }
        #expect(
            FileManager.default.contents(atPath: first)
                != FileManager.default.contents(atPath: other))
    }

    @Test("the data passes the schema check and statuses agree with progress")
    func consistent() throws {
        let (path, summary) = try seed()
        let db = try SQLiteConnection(path: path)
        #expect(try SchemaChecker().check(db).findings == [])
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == summary.enrollments)
        #expect(summary.enrollments > 3 * summary.users)
        // completed ⇔ progress 1 with completed_at; dropped means progress below 1.
        #expect(
            try db.scalarInt(
                """
                SELECT count(*) FROM enrollments WHERE (status = 'completed') <> (completed_at IS NOT NULL)
                  OR (status = 'completed' AND progress <> 1) OR (status = 'dropped' AND progress >= 1)
                """) == 0)
        for status in Schema.statuses {
            #expect(
                try db.scalarInt(
                    "SELECT count(*) FROM enrollments WHERE status = ?", [.text(status)]) > 0)
        }
        #expect(try db.scalarInt("SELECT count(*) FROM users WHERE organization_id IS NULL") > 0)
    }

    @Test("names carry Unicode, apostrophes and ampersands")
    func awkwardNames() throws {
        let (path, _) = try seed()
        let db = try SQLiteConnection(path: path)
        let names = try db.rows("SELECT name FROM organizations UNION ALL SELECT name FROM badges")
        {
            $0.string(0)!
        }
        #expect(names.contains { $0.contains("&") })
        #expect(names.contains { $0.contains("'") })
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
    }

    @Test("popularity has a long tail and harder badges take longer")
    func stories() throws {
        let (path, _) = try seed { $0.users = 2_000 }
        let db = try SQLiteConnection(path: path)
        let counts = try db.rows(
            "SELECT count(*) FROM enrollments GROUP BY badge_id ORDER BY 1 DESC"
        ) { $0.int(0) }
        #expect(counts.first! > 3 * counts.last!)
        let days = { (badge: String) in
            try db.scalarInt(
                """
                SELECT avg(julianday(completed_at) - julianday(enrolled_at)) FROM enrollments e
                JOIN badges b ON b.id = e.badge_id WHERE b.name = ? AND status = 'completed'
                """, [.text(badge)])
        }
        #expect(try days("Deep Learning") > 2 * days("Python Basics"))
    }

    @Test("seeding never destroys a folder, a foreign file, or a database without --force")
    func safeOutput() throws {
        let folder = Fixture.folder()
        var options = SeedOptions()
        options.users = 10
        let seeder = DemoSeeder(options: options)
        #expect(throws: SeedError.self) { try seeder.write(to: folder.path) }
        let text = folder.appending(path: "real.db")
        try Data("my data".utf8).write(to: text)
        #expect(throws: SeedError.self) { try seeder.write(to: text.path, replace: true) }
        #expect(FileManager.default.contents(atPath: text.path) == Data("my data".utf8))
        let database = folder.appending(path: "demo.db").path
        _ = try seeder.write(to: database)
        #expect(throws: SeedError.self) { try seeder.write(to: database) }
        _ = try seeder.write(to: database, replace: true)
        // A FIFO would block the check of its header forever, and /dev/null is no file.
        let fifo = folder.appending(path: "fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SeedError.self) { try seeder.write(to: fifo, replace: true) }
        #expect(throws: SeedError.self) { try seeder.write(to: "/dev/null", replace: true) }
    }

    @Test("impossible options are refused")
    func badOptions() {
        #expect(throws: SeedError.self) { try seed { $0.users = 0 } }
        #expect(throws: SeedError.self) {
            try seed { $0.end = $0.start.adding(days: 10) }
        }
    }
}
