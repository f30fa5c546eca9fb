import Foundation
import Testing

@testable import AlmanacCore

/// The live file system's answers for absent, unreadable and replaced files.
@Suite struct DiskFileSystemTests {
    let files = DiskFileSystem()

    @Test("an absent file reads as nil; a folder read as a file is an error")
    func reading() throws {
        let folder = Fixture.folder()
        #expect(try files.contents(of: folder.appending(path: "absent")) == nil)
        // The system's own words, for the path the caller named.
        #expect(throws: FileSystemError(path: folder.path, reason: "Is a directory")) {
            try files.contents(of: folder)
        }
        let absent = folder.appending(path: "absent")
        #expect(throws: FileSystemError(path: absent.path, reason: "No such file or directory")) {
            try files.contentsOfDirectory(at: absent)
        }
        // A write into a folder that is not there names the file asked for, never the
        // temporary file beside it.
        let target = absent.appending(path: "page.html")
        let error = try #require(throws: FileSystemError.self) {
            try files.write(Data("x".utf8), to: target)
        }
        #expect(error.path == target.path)
        #expect(error.reason == "No such file or directory")
    }

    @Test("a FIFO or a device is refused, never opened: the read would wait forever")
    func specialFiles() throws {
        let fifo = Fixture.folder().appending(path: "fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let refused = "is a FIFO, a device or a socket, not a file"
        #expect(throws: FileSystemError(path: fifo.path, reason: refused)) {
            try files.contents(of: fifo)
        }
        #expect(throws: FileSystemError(path: "/dev/zero", reason: refused)) {
            try files.contents(of: URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test("a write of a few megabytes arrives whole, byte for byte")
    func largeWrite() throws {
        let target = Fixture.folder().appending(path: "big.bin")
        // 3 MB and 7 bytes: more than one write(2) may take, ending off any round size.
        let data = Data((0..<3_000_007).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try files.write(data, to: target)
        #expect(try files.contents(of: target) == data)
    }

    @Test("a write replaces a hard link without writing through it, and leaves no temporary file")
    func writeReplacesLink() throws {
        let folder = Fixture.folder()
        let original = folder.appending(path: "a.html")
        let link = folder.appending(path: "b.html")
        try files.write(Data("old".utf8), to: original)
        try files.linkItem(at: original, to: link)
        try files.write(Data("new".utf8), to: link)
        #expect(try files.contents(of: original) == Data("old".utf8))
        #expect(try files.contents(of: link) == Data("new".utf8))
        #expect(try files.contentsOfDirectory(at: folder).sorted() == ["a.html", "b.html"])
        #expect(try files.contents(of: link, limit: 2) == Data("ne".utf8))
    }

    @Test("a new file is written under its name, readable by all, and never over another")
    func writeNew() throws {
        let folder = Fixture.folder()
        let target = folder.appending(path: "page.html")
        try files.writeNew(Data("first".utf8), to: target)
        #expect(try files.contents(of: target) == Data("first".utf8))
        // No temporary file was made beside it.
        #expect(try files.contentsOfDirectory(at: folder) == ["page.html"])
        // Pages must stay readable: 0666 less this process's umask.
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions]
        #expect(mode as? Int == 0o666 & ~Int(mask))
        // Something there already is an error, and keeps its bytes.
        #expect(throws: FileSystemError(path: target.path, reason: "File exists")) {
            try files.writeNew(Data("second".utf8), to: target)
        }
        #expect(try files.contents(of: target) == Data("first".utf8))
        let absent = folder.appending(path: "absent/page.html")
        #expect(throws: FileSystemError(path: absent.path, reason: "No such file or directory")) {
            try files.writeNew(Data(), to: absent)
        }
    }

    @Test("files(under:) lists files below a folder, relative and sorted, skipping named entries")
    func walking() throws {
        let folder = Fixture.folder()
        try files.createDirectory(at: folder.appending(path: "assets/css"))
        try files.createDirectory(at: folder.appending(path: ".almanac-staging.d"))
        for path in ["index.html", "assets/css/site.css", ".almanac-staging.d/x.html"] {
            try files.write(Data(), to: folder.appending(path: path))
        }
        #expect(
            try files.files(under: folder, skipping: [".almanac-staging.d"])
                == ["assets/css/site.css", "index.html"])
        #expect(files.attributes(of: folder.appending(path: "assets"))?.kind == .directory)
        #expect(files.attributes(of: folder.appending(path: "index.html"))?.kind == .file)
    }
}
