import Foundation
import Testing

@testable import AlmanacCore

/// The paths a build uses beside and inside its output folder, and the failures around them
/// that a user must hear about: an output folder that cannot be listed, records that cannot
/// be saved, an answer cache that cannot be written.
@Suite struct SiteLayoutTests {
    let layout = SiteLayout(site: URL(fileURLWithPath: "/srv/reports/site"))

    // MARK: - Paths

    @Test("every path beside and inside the site is named from the output folder")
    func paths() {
        #expect(layout.site.path == "/srv/reports/site")
        #expect(layout.sidecar.path == "/srv/reports/.almanac")
        #expect(layout.buildState.path == "/srv/reports/.almanac/site.state.json")
        #expect(layout.analysisCache.path == "/srv/reports/.almanac/site.analyses.json")
        #expect(layout.lock.path == "/srv/reports/site.lock")
        #expect(layout.staging.path == "/srv/reports/site.staging")
        #expect(layout.previous.path == "/srv/reports/site.previous")
        #expect(layout.innerStaging.path == "/srv/reports/site/.almanac-staging.d")
        #expect(layout.index.path == "/srv/reports/site/index.html")
        #expect(layout.digest.path == "/srv/reports/site/digest.json")
        #expect(layout.feed.path == "/srv/reports/site/feed.xml")
    }

    @Test("a mount point is staged inside itself, any other folder beside itself")
    func staging() {
        #expect(layout.stagingFolder(mounted: false).path == "/srv/reports/site.staging")
        #expect(layout.stagingFolder(mounted: true).path == "/srv/reports/site/.almanac-staging.d")
        #expect(
            SiteLayout.marker(in: layout.staging).path
                == "/srv/reports/site.staging/.almanac-staging")
    }

    @Test("another output folder name gives its own paths, and its .gitignore lines")
    func otherName() {
        let other = SiteLayout(site: URL(fileURLWithPath: "/tmp/out/weekly"))
        #expect(other.buildState.path == "/tmp/out/.almanac/weekly.state.json")
        #expect(other.lock.path == "/tmp/out/weekly.lock")
        #expect(
            other.ignoredBeside == [
                "weekly.staging/", "weekly.previous/", "weekly.lock", ".almanac/",
            ])
    }

    // MARK: - An output folder that cannot be listed

    @Test("an output folder that exists but cannot be listed is refused, with the reason")
    func unlistableOutput() throws {
        let files = FakeFileSystem(files: ["/srv/reports/site/someone-elses.txt": "keep me"])
        files.refuseListing(layout.site)
        let writer = SiteWriter(files: files)
        let error = try #require(throws: SiteError.self) { try writer.checkTarget(layout.site) }
        #expect(error.path == "/srv/reports/site")
        #expect(error.message.hasPrefix("cannot list the output folder (Permission denied)"))
        // A publish is refused the same way, before anything is staged or written.
        #expect(throws: SiteError.self) {
            _ = try writer.publish(["index.html": Data("x".utf8)], to: layout)
        }
        #expect(files.written.isEmpty)
        #expect(!files.exists(layout.staging))
        #expect(try files.contents(of: layout.site.appending(path: "someone-elses.txt")) != nil)
    }

    @Test("an empty listable folder, and one holding an Almanac site, are accepted")
    func listableOutput() throws {
        let empty = FakeFileSystem()
        try empty.createDirectory(at: layout.site)
        try SiteWriter(files: empty).checkTarget(layout.site)
        let site = FakeFileSystem(files: [layout.index.path: SiteWriter.generatorMarker])
        try SiteWriter(files: site).checkTarget(layout.site)
    }

    // MARK: - Records that cannot be saved

    static let state = BuildState(
        fingerprint: "f", files: ["index.html": .init(size: 3, modified: 1)], pages: 1,
        asOf: "2024-03-01")

    @Test("the build state saves to .almanac/ and loads back")
    func stateRoundTrip() throws {
        let files = FakeFileSystem()
        try Self.state.save(to: layout, files: files)
        #expect(files.written == ["/srv/reports/.almanac/site.state.json"])
        #expect(BuildState.load(from: layout, files: files) == Self.state)
    }

    @Test("the build state's own JSON reads back whole: escaped paths, fractions, warnings")
    func stateJSON() throws {
        let state = BuildState(
            fingerprint: "a\"b\\c\nd",
            files: [
                "z.html": .init(size: 0, modified: 1_796_504_643.153_739_5),
                "a \"quoted\" \\ name\t.md": .init(size: 4_558_696, modified: 0.5),
                "é/ü\u{1}.json": .init(size: 7, modified: 1_700_000_000),
            ], pages: 2, asOf: "2026-09-30", warnings: ["line 1\nline \"2\"", ""])
        let data = Data(state.json.utf8)
        #expect(try JSONDecoder().decode(BuildState.self, from: data) == state)
        // The same document as the encoder's, key for key.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = { (data: Data) in try JSONSerialization.jsonObject(with: data) as? NSDictionary
        }
        #expect(try object(data) == object(try encoder.encode(state)))
        var without = state
        without.warnings = nil
        #expect(try JSONDecoder().decode(BuildState.self, from: Data(without.json.utf8)) == without)
    }

    @Test("a site with a folder that cannot be listed has no stamps, and its state is not saved")
    func unlistableSite() throws {
        let files = FakeFileSystem(files: [
            "/srv/reports/site/index.html": "<html>",
            "/srv/reports/site/assets/almanac.css": "body {}",
            "/srv/reports/site/lost+found/x": "",
        ])
        // A `lost+found` the build cannot read is not the site's: it is left out.
        files.refuseListing(URL(fileURLWithPath: "/srv/reports/site/lost+found"))
        let stamps = try #require(
            BuildState.stamps(in: layout.site, files: files, skipping: SiteLayout.foreignEntries))
        #expect(stamps.keys.sorted() == ["assets/almanac.css", "index.html"])
        #expect(stamps["index.html"]?.size == 6)
        // A folder that is not there has no files; one of the site's own that cannot be
        // listed gives no stamps at all, never an empty list that the shortcut would trust.
        #expect(BuildState.stamps(in: URL(fileURLWithPath: "/srv/none"), files: files) == [:])
        files.refuseListing(URL(fileURLWithPath: "/srv/reports/site/assets"))
        #expect(
            BuildState.stamps(in: layout.site, files: files, skipping: SiteLayout.foreignEntries)
                == nil)

        let log = BuildLog()
        let warnings = WarningLog { log.add(.warning($0)) }
        let records = BuildRecords(
            options: BuildOptions(questionsPath: "/srv/reports/questions.yaml", outputPath: "site"),
            version: "test", environment: .test(files: files), layout: layout)
        // The state records the files the build produced, each looked at by its path (no
        // folder is listed, so one that cannot be does not matter), and none it did not: a
        // file someone else added is never the build's to delete.
        records.recordState(
            "fingerprint", produced: ["index.html", "assets/almanac.css", "gone.html"], pages: 1,
            asOf: CivilDate(iso: "2026-01-31")!, warnings: warnings)
        #expect(warnings.list == [])
        #expect(log.events.isEmpty)
        let state = try #require(BuildState.load(from: layout, files: files))
        #expect(state.files.keys.sorted() == ["assets/almanac.css", "index.html"])
    }

    @Test("a build state that cannot be saved throws its path and the system's reason")
    func stateRefused() throws {
        let files = FakeFileSystem()
        files.refuseWrites()
        let error = try #require(throws: SiteError.self) {
            try Self.state.save(to: layout, files: files)
        }
        #expect(
            error
                == SiteError(
                    path: "/srv/reports/.almanac/site.state.json",
                    message:
                        "cannot save the build state (the next build will redo all its work): Read-only file system"
                ))
    }

    @Test("analysis results that cannot be saved throw their path and the system's reason")
    func analysisCacheRefused() throws {
        let files = FakeFileSystem()
        files.refuseWrites()
        let error = try #require(throws: FileSystemError.self) {
            try AnalysisCache(scope: "s").save(to: layout.analysisCache, files: files)
        }
        #expect(
            error
                == FileSystemError(
                    path: "/srv/reports/.almanac/site.analyses.json",
                    reason:
                        "cannot save the analysis results (the next build will run every analysis again): Read-only file system"
                ))
    }

    @Test("a build whose records cannot be saved still publishes, and warns with each path")
    func buildWarns() async throws {
        let project = try Project(
            questions: """
                title: Fixture Pulse
                questions:
                  - text: How many people are enrolled in each badge?
                    id: badges
                """)
        // A file where the `.almanac/` folder belongs: neither record can be written.
        try Data().write(to: project.folder.appending(path: ".almanac"))
        let summary = try await project.build()
        let layout = SiteLayout(site: project.site)
        #expect(FileManager.default.fileExists(atPath: layout.index.path))
        #expect(
            summary.warnings.contains {
                $0.hasPrefix("\(layout.buildState.path): cannot save the build state")
            })
        #expect(
            summary.warnings.contains {
                $0.hasPrefix("\(layout.analysisCache.path): cannot save the analysis results")
            })
    }

    // MARK: - The answer cache's own error

    @Test("an answer that cannot be stored is an AnswerCacheError with its path and reason")
    func answerCacheRefused() throws {
        let files = FakeFileSystem()
        files.refuseWrites()
        let cache = AnswerCache(folder: URL(fileURLWithPath: "/project/answers"), files: files)
        let error = try #require(throws: AnswerCacheError.self) {
            try cache.store(
                ChatAnswer(content: "Hello.", finishReason: "stop", usage: .object([:])),
                key: "abcdef", request: .object([:]))
        }
        #expect(
            error
                == AnswerCacheError(
                    path: "/project/answers/ab/abcdef.json",
                    reason: .cannotWrite(FakeFileSystem.readOnly)))
        #expect(
            error.description
                == "/project/answers/ab/abcdef.json: cannot write the answer cache: Read-only file system"
        )
    }

    @Test("prune deletes nothing when the list of used answers cannot be read")
    func pruneUnreadableList() throws {
        let files = FakeFileSystem(files: [
            "/project/answers/ab/abcdef.json": "{}",
            // A folder where the list belongs cannot be read as a file.
            "/project/answers/last-build.txt/x": "",
        ])
        let cache = AnswerCache(folder: URL(fileURLWithPath: "/project/answers"), files: files)
        let error = try #require(throws: AnswerCacheError.self) { try cache.prune() }
        #expect(
            error
                == AnswerCacheError(
                    path: "/project/answers/last-build.txt", reason: .cannotRead("Is a directory")))
        #expect(files.exists(URL(fileURLWithPath: "/project/answers/ab/abcdef.json")))
    }

    // MARK: - Templates

    /// A fault attack's `templates/page.mustache/` folder was skipped, and the built-in page
    /// used in silence.
    @Test("a folder where a template belongs is an error naming it")
    func templateFolder() throws {
        let files = FakeFileSystem(files: ["/t/page.mustache/readme.txt": "x"])
        let error = try #require(throws: TemplateError.self) {
            try TemplateSet.builtIn.overlaid(with: URL(fileURLWithPath: "/t"), files: files)
        }
        #expect(error.file == "/t/page.mustache")
    }

    @Test("a templates folder that cannot be listed names the folder and the reason")
    func unlistableTemplates() throws {
        let files = FakeFileSystem(files: ["/t/partials/head.mustache": "<head>"])
        files.refuseListing(URL(fileURLWithPath: "/t/partials"))
        let error = try #require(throws: TemplateError.self) {
            try TemplateSet.builtIn.overlaid(with: URL(fileURLWithPath: "/t"), files: files)
        }
        #expect(
            error
                == TemplateError(
                    file: "/t", message: "cannot list the templates folder: Permission denied"))
    }
}
