import Foundation
import Testing

@testable import AlmanacCore

/// `--dump-sql` names a file of its own: a blind test found it replacing `/dev/full`, a FIFO
/// and a symbolic link with a regular file, and losing a dump written inside `--out`.
@Suite struct DumpTargetTests {
    let folder = Fixture.root.appendingPathComponent("almanac-dump-\(UUID().uuidString)")

    func check(_ path: String) throws {
        try SitePublishing.checkDump(
            path, site: folder.appendingPathComponent("site"), files: DiskFileSystem())
    }

    @Test("refused: empty, a folder, a FIFO, a device, a path inside the site")
    func refused() throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("site/assets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [
            "", folder.path, fifo, "/dev/null", folder.appendingPathComponent("site/dump.sql").path,
            folder.appendingPathComponent("site/assets/x.sql").path,
            folder.appendingPathComponent("site").path,
        ] {
            #expect(throws: SiteError.self, "\(path)") { try check(path) }
        }
    }

    @Test("accepted: a new file, an earlier dump, a link to one (written through), an empty file")
    func accepted() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.sql")
        try Data((StatementRecorder.header + "\nSELECT 1\n;\n").utf8).write(to: real)
        // A dump written before the header was, on each engine.
        for (name, first) in [
            (
                "sqlite.sql",
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'\n;\n"
            ),
            ("postgres.sql", "SELECT c.relname::text FROM pg_catalog.pg_class c\nWHERE TRUE\n;\n"),
        ] {
            let earlier = folder.appendingPathComponent(name)
            try Data(first.utf8).write(to: earlier)
            try check(earlier.path)
        }
        let link = folder.appendingPathComponent("link.sql")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try check(folder.appendingPathComponent("new.sql").path)
        try check(real.path)
        try check(link.path)
        let empty = folder.appendingPathComponent("empty.sql")
        try Data().write(to: empty)
        try check(empty.path)
        // A sibling whose name starts with the site's is not inside it.
        try check(folder.appendingPathComponent("site-dump.sql").path)
    }

    /// A blind test turned its database, its questions file and a template into SQL text.
    @Test(
        "refused: an existing file that is not a dump Almanac wrote, SQL of the user's own included"
    )
    func notADump() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = [
            "db.sqlite": Data("SQLite format 3\0rest".utf8),
            "questions.yaml": Data("title: Pulse\nquestions:\n".utf8),
            "page.mustache": Data("<!doctype html>{{title}}".utf8),
            "binary.sql": Data([0x53, 0x45, 0x4c, 0x00, 0x01]),
            // SQL of the user's own, which a blind test saw replaced by the dump.
            "schema.sql": Data("CREATE TABLE organizations (id INTEGER PRIMARY KEY);\n".utf8),
            "migrate.sql": Data("-- migration 42\nALTER TABLE users ADD COLUMN email TEXT;\n".utf8),
            "query.sql": Data("select * from users;\n".utf8),
            "comment.sql": Data("-- notes\n".utf8),
        ]
        for (name, data) in contents {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            #expect(throws: SiteError.self, "\(name)") { try check(file.path) }
            #expect(try Data(contentsOf: file) == data)
        }
    }
}
