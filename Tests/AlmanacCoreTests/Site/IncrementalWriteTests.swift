import Foundation
import Testing

@testable import AlmanacCore

/// A rebuild writes exactly the files whose bytes change: none when nothing changed, one
/// question's files (and the site-wide files that name it) when its text changed, and it
/// deletes what the build no longer produces. Each is checked on the files themselves:
/// bytes and modification times before and after, through the real build.
@Suite struct IncrementalWriteTests {
    /// The fixture site, counted by hand: for each of the three questions (`badges`,
    /// `completion`, `own`, each with charts) its page, twin, document and embed page; the
    /// index and its twin, the digest in Markdown and JSON, the feed; the stylesheet, the
    /// site script, the search script and the search index (plotly.js comes from the CDN).
    static let siteFiles = 3 * 4 + 5 + 4

    /// Long enough that a file written again gets a modification time of its own.
    static func pause() async throws { try await Task.sleep(for: .milliseconds(50)) }

    /// The paths whose bytes or modification time differ between two snapshots, or that
    /// only one of them has.
    static func touched(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { path in
            guard let old = a[path], let new = b[path] else { return true }
            return old.0 != new.0 || old.1 != new.1
        }
    }

    @Test(
        "a rebuild with no change writes nothing, by the shortcut or by a full rebuild, and says so"
    )
    func noChange() async throws {
        let project = try Project()
        let first = try await project.build()
        let before = project.snapshot()
        #expect(before.count == Self.siteFiles)
        #expect(first.files == WriteSummary(written: Self.siteFiles, kept: 0, deleted: 0))
        try await Self.pause()
        // Nothing changed: the build stops at the unchanged-input shortcut.
        let again = try await project.build()
        #expect(again.files == WriteSummary(written: 0, kept: Self.siteFiles, deleted: 0))
        #expect(again.files.description == "0 files written, \(Self.siteFiles) kept, 0 deleted.")
        // The database touched but not changed: every page is rendered again, none written.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: project.database)
        let full = try await project.build()
        #expect(full.phases.contains { $0.name == "render" })
        #expect(full.files == WriteSummary(written: 0, kept: Self.siteFiles, deleted: 0))
        #expect(Self.touched(before, project.snapshot()).isEmpty)
    }

    @Test(
        "a question's new text rewrites its files and the files that name it, and no other file"
    )
    func oneQuestionChanged() async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        try await Self.pause()
        let old = "How many people are enrolled in each badge?"
        let new = "How many learners are enrolled in each badge?"
        let summary = try await project.build(
            Project.questions.replacingOccurrences(of: old, with: new))
        let after = project.snapshot()
        // Exactly the files that held the old text hold the new one instead: the question's
        // own four, the index and its twin, the search index, and the next question's page,
        // whose "←" link names it. The digest and the feed name no question of this fixture.
        let named = Set(
            before.filter { String(decoding: $0.value.0, as: UTF8.self).contains(old) }.keys)
        #expect(
            named == [
                "/badges.html", "/badges.md", "/badges.json", "/badges.embed.html",
                "/index.html", "/index.md", "/assets/search-index.js", "/completion.html",
            ])
        #expect(Self.touched(before, after) == named)
        for path in named {
            let text = String(decoding: after[path]!.0, as: UTF8.self)
            #expect(!text.contains(old) && text.contains(new), "\(path)")
        }
        #expect(
            summary.files
                == WriteSummary(
                    written: named.count, kept: Self.siteFiles - named.count, deleted: 0))
    }

    /// An attack run copied another database of the same size and change counter over the
    /// first and set its time back: the build said no input changed and kept the old numbers.
    @Test("a database replaced by another with the same size, time and change counter is seen")
    func replacedDatabase() async throws {
        let project = try Project()
        _ = try await project.build()
        let other = try Fixture.database(
            Fixture.platformRows.replacingOccurrences(of: "'completed'", with: "'dropped'"))
        let url = URL(fileURLWithPath: project.database)
        let old = try FileManager.default.attributesOfItem(atPath: project.database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        // The same size, and (the fixture is written once) the same change counter.
        #expect(bytes.count == (old[.size] as? Int))
        #expect(bytes[24..<28] == (try Data(contentsOf: url))[24..<28])
        try await Self.pause()
        try bytes.write(to: url)
        try FileManager.default.setAttributes(
            [.modificationDate: old[.modificationDate]!], ofItemAtPath: project.database)
        let again = try await project.build()
        #expect(again.phases.contains { $0.name == "render" })
        #expect(again.files.written > 0)
    }

    @Test("a question's new answer, its text the same, rewrites no other question's files")
    func oneAnswerChanged() async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        try await Self.pause()
        let summary = try await project.build(
            Project.questions.replacingOccurrences(
                of: "ORDER BY id", with: "ORDER BY id DESC"))
        let after = project.snapshot()
        let touched = Self.touched(before, after)
        // Its page, document and embed page carry the new order of its rows (and the page
        // and document its SQL); its neighbours name it by its text alone, so they stay.
        #expect(touched.isSuperset(of: ["/own.html", "/own.json", "/own.embed.html"]))
        #expect(touched.allSatisfy { !$0.hasPrefix("/badges.") && !$0.hasPrefix("/completion.") })
        // Every file written holds new bytes: none is written again as it was.
        for path in touched { #expect(before[path]!.0 != after[path]!.0, "\(path)") }
        #expect(summary.files.written == touched.count)
    }

    @Test(
        "a deleted question's files go, its embed page too, and the other questions' stay as they were"
    )
    func questionDeleted() async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        try await Self.pause()
        let summary = try await project.build(
            """
            title: Fixture Pulse
            questions:
              - text: How many people are enrolled in each badge?
                id: badges
                section: Badges
              - text: What is the completion rate by organization?
                id: completion
            """)
        let gone: Set<String> = ["/own.html", "/own.md", "/own.json", "/own.embed.html"]
        let after = project.snapshot()
        #expect(Set(before.keys).subtracting(after.keys) == gone)
        #expect(summary.files.deleted == gone.count)
        // What lists `own` is written again; the badges page, which never linked it, is not.
        let touched = Self.touched(before, after).subtracting(gone)
        #expect(
            touched.isSuperset(of: ["/index.html", "/completion.html", "/assets/search-index.js"]))
        #expect(!touched.contains("/badges.html") && !touched.contains("/badges.embed.html"))
    }

    @Test(
        "embed pages of one chart each, left by an earlier version, are deleted by the next build")
    func oldEmbedPagesDeleted() async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        let old = ["badges.chart-bar.html", "badges.chart-funnel.html", "own.chart-bar.html"]
        // The earlier version wrote them, and its build state says so (under its own
        // fingerprint: another version of Almanac).
        let layout = SiteLayout(site: project.site)
        var state = try #require(BuildState.load(from: layout, files: DiskFileSystem()))
        for name in old {
            let file = project.site.appending(path: name)
            try Data("<!doctype html>\n<title>old embed</title>\n".utf8).write(to: file)
            state.files[name] = BuildState.stamp(file.path, files: DiskFileSystem())
        }
        state.fingerprint = "an earlier version"
        try state.save(to: layout, files: DiskFileSystem())
        try await Self.pause()
        let summary = try await project.build()
        #expect(summary.files == WriteSummary(written: 0, kept: Self.siteFiles, deleted: old.count))
        #expect(Self.touched(before, project.snapshot()).isEmpty)
    }

    @Test("files someone else put in the site folder are kept, and never the build's to delete")
    func othersFilesKept() async throws {
        let project = try Project()
        try await project.build()
        // A blind test lost these to the next build: they have the file types Almanac writes.
        let theirs = ["README.md", "about.html", "data.json", "assets/logo.png", "CNAME"]
        for name in theirs {
            try Data("theirs\n".utf8).write(to: project.site.appending(path: name))
        }
        try await Self.pause()
        // Unchanged: the build's own files are as it left them.
        let unchanged = try await project.build()
        #expect(unchanged.files.written == 0 && unchanged.files.deleted == 0)
        // A forced build writes its own files, and leaves theirs.
        let forced = try await project.build(configure: { $0.force = true })
        #expect(forced.files.deleted == 0)
        for name in theirs {
            #expect(
                try String(contentsOf: project.site.appending(path: name), encoding: .utf8)
                    == "theirs\n", "\(name)")
        }
        let state = try #require(
            BuildState.load(from: SiteLayout(site: project.site), files: DiskFileSystem()))
        #expect(Set(state.files.keys).isDisjoint(with: theirs))
    }

    /// A fresh clone has no `.almanac/` (it is not committed): a blind test lost its
    /// README.md, about.html and assets/logo.png to a rule by file type.
    @Test("without the build's state, others' files are kept and the build's stale pages go")
    func othersFilesKeptWithoutState() async throws {
        var project = try Project()
        try await project.build()
        let theirs = ["README.md", "about.html", "data.json", "assets/logo.png", "notes.md"]
        for name in theirs {
            try Data("theirs\n".utf8).write(to: project.site.appending(path: name))
        }
        try FileManager.default.removeItem(at: SiteLayout(site: project.site).buildState)
        // The custom query is gone from the questions: its four files are stale.
        project.questions = Project.questions.components(separatedBy: "  - text: Own query")[0]
        let summary = try await project.build()
        #expect(summary.files.deleted == 4)
        for name in theirs {
            #expect(
                try String(contentsOf: project.site.appending(path: name), encoding: .utf8)
                    == "theirs\n", "\(name)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: project.site.path)
        #expect(!left.contains { $0.hasPrefix("own.") }, "\(left)")
    }

    /// An attack run: a page of the user's own, an edited copy of one of Almanac's (generator
    /// marker and all), and the Markdown beside it were deleted by a build without state.
    @Test("without the build's state, a copied page with no document of its own is kept")
    func copiedPageKeptWithoutState() async throws {
        let project = try Project()
        try await project.build()
        let page = try String(
            contentsOf: project.site.appending(path: "index.html"), encoding: .utf8)
        try Data(page.utf8).write(to: project.site.appending(path: "my-custom.html"))
        try Data("# My notes\n".utf8).write(to: project.site.appending(path: "my-custom.md"))
        // A copy of a question's page under a name of the question's own (a review).
        let own = try String(contentsOf: project.site.appending(path: "own.html"), encoding: .utf8)
        try Data(own.utf8).write(to: project.site.appending(path: "own.v2.html"))
        try FileManager.default.removeItem(at: SiteLayout(site: project.site).buildState)
        let summary = try await project.build()
        #expect(summary.files.deleted == 0)
        #expect(
            try String(contentsOf: project.site.appending(path: "my-custom.md"), encoding: .utf8)
                == "# My notes\n")
        #expect(
            try String(contentsOf: project.site.appending(path: "my-custom.html"), encoding: .utf8)
                == page)
        #expect(
            FileManager.default.fileExists(atPath: project.site.appending(path: "own.v2.html").path)
        )
    }

    /// A blind test's new question `notes` replaced its own notes.md and notes.html.
    @Test(
        "a page named like a file someone else put in the site is refused, state or not",
        arguments: [true, false])
    func collisionRefused(keepsState: Bool) async throws {
        var project = try Project()
        try await project.build()
        try Data("my notes\n".utf8).write(to: project.site.appending(path: "notes.html"))
        if !keepsState {
            try FileManager.default.removeItem(at: SiteLayout(site: project.site).buildState)
        }
        project.questions = Project.questions.replacingOccurrences(of: "id: own", with: "id: notes")
        await #expect(throws: BuildError.self) { try await project.build() }
        #expect(
            try String(contentsOf: project.site.appending(path: "notes.html"), encoding: .utf8)
                == "my notes\n")
    }
}
