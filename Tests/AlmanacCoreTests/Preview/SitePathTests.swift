import Foundation
import Testing

@testable import AlmanacCore

/// The preview server serves the site's files and nothing outside the site.
@Suite struct SitePathTests {
    /// A site with an index, an asset, a folder with its own index, and a secret beside it.
    struct Site {
        let folder = Fixture.folder()
        var root: URL { folder.appending(path: "site") }

        init() throws {
            let manager = FileManager.default
            try manager.createDirectory(
                at: root.appending(path: "assets"), withIntermediateDirectories: true)
            try manager.createDirectory(
                at: root.appending(path: "docs"), withIntermediateDirectories: true)
            try Data("<html></html>".utf8).write(to: root.appending(path: "index.html"))
            try Data("<p>docs</p>".utf8).write(to: root.appending(path: "docs/index.html"))
            try Data("body{}".utf8).write(to: root.appending(path: "assets/style.css"))
            try Data("secret".utf8).write(to: folder.appending(path: "secret.txt"))
        }
    }

    @Test(
        "paths that climb out of the site are refused, however they are spelled",
        arguments: [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/assets/..%2f..%2fsecret.txt",
            "/assets/%252e%252e/%252e%252e/secret.txt", "/./index.html",
            "/assets/..\\..\\secret.txt",
            "/index.html%00.css", "/../../../../etc/passwd",
        ])
    func traversal(path: String) throws {
        let site = try Site()
        #expect(throws: SitePathError(path: path)) {
            try SitePath(root: site.root, files: DiskFileSystem()).file(for: path)
        }
    }

    @Test(
        "a symbolic link inside the site that points outside it is refused; one that stays inside is served"
    )
    func links() throws {
        let site = try Site()
        let manager = FileManager.default
        try manager.createSymbolicLink(
            at: site.root.appending(path: "assets/out.txt"),
            withDestinationURL: site.folder.appending(path: "secret.txt"))
        try manager.createSymbolicLink(
            at: site.root.appending(path: "home.html"),
            withDestinationURL: site.root.appending(path: "index.html"))
        let paths = SitePath(root: site.root, files: DiskFileSystem())
        #expect(throws: SitePathError(path: "/assets/out.txt")) {
            try paths.file(for: "/assets/out.txt")
        }
        #expect(try paths.file(for: "/home.html").lastPathComponent == "index.html")
    }

    @Test(
        "/ and folders mean their index.html; a query is ignored; a missing file is left to a 404")
    func mapping() throws {
        let site = try Site()
        let paths = SitePath(root: site.root, files: DiskFileSystem())
        let root = site.root.resolvingSymlinksInPath().path
        #expect(try paths.file(for: "/").path == root + "/index.html")
        #expect(try paths.file(for: "/docs").path == root + "/docs/index.html")
        #expect(try paths.file(for: "/docs/").path == root + "/docs/index.html")
        #expect(try paths.file(for: "/assets/style.css?v=2").path == root + "/assets/style.css")
        #expect(try paths.file(for: "/no%20such.html").path == root + "/no such.html")
    }

    @Test(
        "content types by extension",
        arguments: [
            ("a.html", "text/html; charset=utf-8"), ("a.css", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"), ("a.json", "application/json"),
            ("a.md", "text/markdown; charset=utf-8"), ("a.bin", "application/octet-stream"),
        ])
    func types(name: String, type: String) {
        #expect(SitePath.contentType(of: URL(fileURLWithPath: "/s/" + name)) == type)
    }
}

/// What the preview server answers for paths it cannot serve.
@Suite struct PreviewResponseTests {
    @Test("a path whose percent-encoding is not UTF-8 is a bad request, not the index")
    func invalidEncoding() throws {
        let site = try SitePathTests.Site()
        let files = SitePath(root: site.root, files: DiskFileSystem())
        // FlyingFox decodes `/%ff` to nothing, which was the index.
        let response = PreviewServer.respond(to: "", encoded: "/%ff", in: files)
        #expect(response.statusCode == .badRequest)
        #expect(response.headers[.init("X-Content-Type-Options")] == "nosniff")
    }

    /// A first build that failed left no page: the browser showed a plain 404, with no error
    /// and no reload after the fix (blind test 55).
    @Test("a page the site does not hold is a 404 page that reloads, its path escaped")
    func pageNotBuilt() async throws {
        let site = try SitePathTests.Site()
        let files = SitePath(root: site.root, files: DiskFileSystem())
        let response = PreviewServer.respond(
            to: "/new<b>'x'.html", encoded: "/new%3Cb%3E'x'.html", in: files)
        #expect(response.statusCode == .notFound)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        let page = String(decoding: try await response.bodyData, as: UTF8.self)
        #expect(page.contains("<script src=\"\(LiveReload.scriptPath)\" defer></script>"))
        #expect(page.contains("No page at /new&lt;b&gt;&#39;x&#39;.html yet"))
        #expect(!page.contains("<b>"))
    }

    @Test("the 404 page quotes the path as plain text the browser may not sniff as HTML")
    func notFound() throws {
        let site = try SitePathTests.Site()
        let files = SitePath(root: site.root, files: DiskFileSystem())
        let response = PreviewServer.respond(
            to: "/nope<b>x", encoded: "/nope%3Cb%3Ex", in: files)
        #expect(response.statusCode == .notFound)
        #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
        #expect(response.headers[.init("X-Content-Type-Options")] == "nosniff")
    }

    /// A fault test's "/../../etc/passwd" came through resolved, as "/etc/passwd" (404), and
    /// "/.." as "/", the index; the README promises 403 for `..` however it is written.
    @Test(
        "dots the server resolved before the path came are refused as sent",
        arguments: [
            ("/etc/passwd", "/../../etc/passwd"), ("/", "/.."), ("/index.html", "/a/../index.html"),
        ])
    func resolvedDots(path: String, sent: String) throws {
        let site = try SitePathTests.Site()
        let files = SitePath(root: site.root, files: DiskFileSystem())
        #expect(PreviewServer.respond(to: path, encoded: sent, in: files).statusCode == .forbidden)
        #expect(
            PreviewServer.respond(to: "/index.html", encoded: "/index.html", in: files).statusCode
                == .ok)
    }
}
