import Foundation
import Testing

@testable import AlmanacCore

/// `--dump-sql` names a file of its own: a blind test found it replacing `/dev/full`, a FIFO
/// and a symbolic link with a regular file, and losing a dump written inside `--out`.
@Suite struct DumpTargetTests {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("almanac-dump-\(UUID().uuidString)")

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

    @Test("accepted: a new file, an existing file, a link to a file (written through)")
    func accepted() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real.sql")
        try Data("old".utf8).write(to: real)
        let link = folder.appendingPathComponent("link.sql")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try check(folder.appendingPathComponent("new.sql").path)
        try check(real.path)
        try check(link.path)
        // A sibling whose name starts with the site's is not inside it.
        try check(folder.appendingPathComponent("site-dump.sql").path)
    }
}
