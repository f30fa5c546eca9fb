import Foundation
import Testing

@testable import AlmanacCore

/// The promises of a published site: atomic, locked, escaped, linked, and twinned.
@Suite struct SiteTrustTests {
    static let questions = """
        title: Fixture Pulse
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
            section: Badges
          - text: What is the completion rate by organization?
            id: completion
          - text: Own query
            id: own
            sql: SELECT name, id FROM badges ORDER BY id
            charts: [{type: bar, x: name, y: id}]
        """

    struct Project {
        var folder = Fixture.folder()
        var database: String

        init(rows: String = Fixture.platformRows) throws {
            database = try Fixture.database(rows)
        }

        var site: URL { folder.appending(path: "site") }

        let log = NarratorTests.Log()

        func build(
            _ yaml: String = SiteTrustTests.questions,
            configure: (inout BuildOptions) -> Void = { _ in }
        ) async throws -> BuildSummary {
            let path = folder.appending(path: "questions.yaml")
            try Data(yaml.utf8).write(to: path)
            var options = BuildOptions(
                questionsPath: path.path, databasePath: database, outputPath: site.path)
            options.plotlyFromCDN = true
            configure(&options)
            let log = self.log
            return try await ReportBuilder(options: options, version: "test") { log.add($0) }
                .build()
        }

        /// Every file of the site with its bytes and modification time.
        func snapshot() -> [String: (Data, Date)] {
            var result: [String: (Data, Date)] = [:]
            let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard !url.hasDirectoryPath,
                    let data = FileManager.default.contents(atPath: url.path)
                else { continue }
                let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
                let date = attributes?[.modificationDate] as? Date ?? .distantPast
                result[String(url.path.dropFirst(site.path.count))] = (data, date)
            }
            return result
        }

        func read(_ name: String) -> String {
            (try? String(contentsOf: site.appending(path: name), encoding: .utf8)) ?? ""
        }
    }

    static func same(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Bool {
        a.keys.sorted() == b.keys.sorted()
            && a.allSatisfy { key, value in b[key]!.0 == value.0 && b[key]!.1 == value.1 }
    }

    @Test("with no input changed, a rebuild reads and writes nothing; any change rebuilds")
    func shortcut() async throws {
        let project = try Project()
        _ = try await project.build()
        let unchanged = try await project.build()
        #expect(unchanged.phases.map(\.name) == ["load"])
        #expect(unchanged.files.written == 0)
        // A changed question file, a touched site file, or --force each build for real.
        let changed = try await project.build(SiteTrustTests.questions + "\n# a comment\n")
        #expect(
            changed.phases.map(\.name) == [
                "load", "match", "sql", "charts", "narration", "render", "write",
            ])
        try Data("tampered".utf8).write(to: project.site.appending(path: "badges.html"))
        let repaired = try await project.build(SiteTrustTests.questions + "\n# a comment\n")
        #expect(repaired.files.written == 1)
        #expect(project.read("badges.html").contains("<h1>"))
        let forced = try await project.build { $0.force = true }
        #expect(forced.phases.count == 7)
    }

    @Test("after a question changes, only analyses the last build did not compute run")
    func analysisCache() async throws {
        let project = try Project()
        func passes() -> Int {
            project.log.events.filter {
                if case .queried = $0 { return true } else { return false }
            }.count
        }
        _ = try await project.build()
        #expect(passes() == 1)
        // A new section changes the file but not any analysis: no pass over the data.
        _ = try await project.build(
            SiteTrustTests.questions.replacingOccurrences(
                of: "section: Badges", with: "section: Numbers"))
        #expect(passes() == 1)
        #expect(
            project.read("badges.md").contains(
                "| Python Basics | Programming | 4 | 4 | 2 | 1 | 50.0% | 20 |"))
        // A question with new filters needs the pass again.
        _ = try await project.build(
            SiteTrustTests.questions.replacingOccurrences(
                of: "How many people are enrolled in each badge?",
                with: "How many people from Globex are enrolled in each badge?"))
        #expect(passes() == 2)
        #expect(
            project.read("badges.md").contains(
                "| Python Basics | Programming | 1 | 1 | 0 | 1 | 0.0% | – |"))
    }

    @Test("a rebuild with no change rewrites nothing and keeps modification times")
    func untouched() async throws {
        let project = try Project()
        _ = try await project.build()
        let before = project.snapshot()
        let summary = try await project.build()
        #expect(summary.files.written == 0)
        #expect(Self.same(before, project.snapshot()))
    }

    @Test(
        "a build that fails in any phase leaves the old site exactly as it was, and no staging folder",
        arguments: [
            ("questions", "title: T\nquestions: [\n"),
            ("matching", "title: T\nquestions:\n  - text: What is the weather?\n"),
            ("analytics", "title: T\nquestions:\n  - text: q\n    sql: SELECT nope FROM badges\n"),
            (
                "charts",
                "title: T\nquestions:\n  - text: q\n    sql: SELECT name FROM badges\n    charts: [{type: bar, x: name, y: missing}]\n"
            ),
        ])
    func failures(phase: String, yaml: String) async throws {
        let project = try Project()
        _ = try await project.build()
        let before = project.snapshot()
        await #expect(throws: BuildError.self, "\(phase)") { _ = try await project.build(yaml) }
        #expect(Self.same(before, project.snapshot()), "\(phase)")
        #expect(
            !FileManager.default.fileExists(
                atPath: SiteLayout(site: project.site).staging.path))
    }

    @Test("database, rendering and --strict failures also leave the old site")
    func laterFailures() async throws {
        let project = try Project()
        _ = try await project.build()
        let before = project.snapshot()
        let broken = Fixture.folder()
        try Data("{{#unclosed}}".utf8).write(to: broken.appending(path: "page.mustache"))
        let bad = try Fixture.database(
            Fixture.platformRows + "UPDATE enrollments SET progress = 2 WHERE id = 1;")
        await #expect(throws: BuildError.self) {
            _ = try await project.build { $0.databasePath = bad }
        }
        await #expect(throws: BuildError.self) {
            _ = try await project.build { $0.templatesPath = broken.path }
        }
        // The CDN fallback is a warning, and --strict makes it an error.
        await #expect(throws: BuildError.self) { _ = try await project.build { $0.strict = true } }
        #expect(Self.same(before, project.snapshot()))
    }

    @Test("a build never writes over a file, or into a folder of someone else's files")
    func foreignTargets() async throws {
        let project = try Project()
        try Data("hello".utf8).write(to: project.site)
        await #expect(throws: BuildError.self) { _ = try await project.build() }
        #expect(FileManager.default.contents(atPath: project.site.path) == Data("hello".utf8))
        try FileManager.default.removeItem(at: project.site)
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: project.site.appending(path: "notes.html"))
        await #expect(throws: BuildError.self) { _ = try await project.build() }
        #expect(project.read("notes.html") == "mine")
    }

    @Test("a second build while one is running is refused")
    func concurrent() async throws {
        let project = try Project()
        let lock = try BuildLock(layout: SiteLayout(site: project.site), files: DiskFileSystem())
        do {
            _ = try await project.build()
            Issue.record("the build should have been refused")
        } catch let error as BuildError {
            #expect(error.description.contains("another almanac build is writing this site"))
        }
        lock.release()
        _ = try await project.build()
    }

    @Test("HTML in names and questions shows up as text everywhere")
    func escaping() async throws {
        let project = try Project(
            rows: Fixture.platformRows + """
                INSERT INTO badges VALUES (9, '<script>alert(1)</script>', '<b>Cat</b>');
                INSERT INTO enrollments VALUES (90, 1, 9, '2024-01-05', 'enrolled', 0, NULL);
                """)
        _ = try await project.build(
            """
            title: Pulse <img src=x onerror=alert(3)>
            questions:
              - text: How many people are enrolled in each badge? <script>alert(2)</script>
                id: badges
            """)
        let page = project.read("badges.html")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("<b>Cat"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Inside the figure JSON the name is \u003c-escaped, so it cannot end the script element.
        #expect(page.contains("\\u003cscript\\u003ealert(1)"))
        let markdown = project.read("badges.md")
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(!project.read("index.html").contains("<img src=x"))
    }

    @Test("every href and src resolves to a file of the site")
    func links() async throws {
        let project = try Project()
        _ = try await project.build {
            $0.plotlyFromCDN = false
            $0.plotlyPath = nil
        }
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]+)""#)
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: project.site.path)
        where name.hasSuffix(".html") {
            let html = project.read(name)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                if target.hasPrefix("https://cdn.plot.ly/") || target == "data:," { continue }
                #expect(!target.hasPrefix("/"), "\(name): \(target) is not relative")
                #expect(!target.contains("://"), "\(name): \(target) leaves the site")
                let file = String(target.split(separator: "#").first ?? "")
                let path = project.site.appending(path: file)
                #expect(
                    FileManager.default.fileExists(atPath: path.path),
                    "\(name): \(target) is missing")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test("pages carry a CSP that allows scripts only from the site, and no inline script")
    func csp() async throws {
        let project = try Project()
        _ = try await project.build()
        let page = project.read("badges.html")
        #expect(page.contains("script-src 'self' https://cdn.plot.ly;"))
        let scripts = try NSRegularExpression(
            pattern: #"<script(?![^>]*(src=|type="application/json"))[^>]*>"#)
        #expect(scripts.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)) == nil)
    }

    @Test("the Markdown twin holds the answer, the tables and links to the charts' JSON")
    func twin() async throws {
        let project = try Project()
        _ = try await project.build()
        let markdown = project.read("badges.md")
        #expect(markdown.hasPrefix("# How many people are enrolled in each badge?\n"))
        #expect(markdown.contains("| Python Basics | Programming | 4 | 4 | 2 | 1 | 50.0% | 20 |"))
        #expect(markdown.contains("](badges.json)"))
        let index = project.read("index.md")
        #expect(index.contains("## Badges"))
        #expect(index.contains("[How many people are enrolled in each badge?](badges.md)"))
    }

    @Test("the index shows the week against the week before")
    func weekly() async throws {
        let project = try Project()
        _ = try await project.build()
        // As of 2024-03-01: this week is 02-24…03-01 (enrollment 4), the week before
        // 02-17…02-23 (none); completions: none this week, enrollment 7 on 02-22 before.
        let index = project.read("index.md")
        #expect(index.contains("| New enrollments | 1 | 0 | new this week |"))
        #expect(index.contains("| Completions | 0 | 1 | ▼ 100.0% |"))
    }

    @Test("the weekly change compares with the week before, in words")
    func change() {
        #expect(WeeklyChange.Measure(current: 9, previous: 8).text == "▲ 12.5%")
        #expect(WeeklyChange.Measure(current: 97, previous: 100).text == "▼ 3.0%")
        #expect(WeeklyChange.Measure(current: 5, previous: 5).text == "no change")
        #expect(WeeklyChange.Measure(current: 0, previous: 0).text == "none either week")
    }

    @Test("--templates replaces one template and keeps the rest; unknown names are warnings")
    func templates() async throws {
        let project = try Project()
        let folder = Fixture.folder()
        try FileManager.default.createDirectory(
            at: folder.appending(path: "partials"), withIntermediateDirectories: true)
        try Data("<footer>Our footer {{asOf}} {{nonsense}}</footer>".utf8)
            .write(to: folder.appending(path: "partials/footer.mustache"))
        let summary = try await project.build { $0.templatesPath = folder.path }
        #expect(project.read("badges.html").contains("<footer>Our footer 2024-03-01 </footer>"))
        #expect(project.read("badges.html").contains("<h1>"))
        #expect(summary.warnings.contains { $0.contains("`{{nonsense}}` names no value") })
    }

    @Test("a --dump-sql that cannot be written fails the build and leaves the old site")
    func dumpFailureKeepsOldSite() async throws {
        let project = try Project()
        _ = try await project.build()
        let before = project.snapshot().mapValues(\.0)
        let dump = project.folder.appending(path: "no/such/folder/dump.sql").path
        let changed = SiteTrustTests.questions.replacingOccurrences(
            of: "Fixture Pulse", with: "Changed Pulse")
        await #expect(throws: BuildError.self) {
            try await project.build(changed) { $0.dumpSQLPath = dump }
        }
        #expect(project.snapshot().mapValues(\.0) == before)
        #expect(!FileManager.default.fileExists(atPath: dump))
    }

    @Test("almanac init writes a project and refuses to overwrite one")
    func scaffold() throws {
        let folder = Fixture.folder()
        let created = try ProjectScaffold(files: DiskFileSystem()).create(in: folder)
        #expect(created.contains("questions.yaml"))
        #expect(created.contains("templates/page.mustache"))
        let yaml = try String(contentsOf: folder.appending(path: "questions.yaml"), encoding: .utf8)
        #expect(try QuestionLoader().load(yaml, path: "questions.yaml").questions.count == 4)
        let makefile = try String(contentsOf: folder.appending(path: "Makefile"), encoding: .utf8)
        #expect(makefile.contains("\n\t$(ALMANAC) build --templates templates\n"))
        #expect(throws: SiteError.self) {
            try ProjectScaffold(files: DiskFileSystem()).create(in: folder)
        }
    }
}
