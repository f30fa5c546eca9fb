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
        #expect(throws: (any Error).self) { try files.contents(of: folder) }
        #expect(throws: (any Error).self) {
            try files.contentsOfDirectory(at: folder.appending(path: "absent"))
        }
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
