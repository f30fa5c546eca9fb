import Foundation
import Testing

@testable import AlmanacCore

/// The promises of a published site: atomic, locked, escaped, linked, and twinned.
@Suite struct SiteTrustTests {
    @Test("with no input changed, a rebuild reads and writes nothing; any change rebuilds")
    func shortcut() async throws {
        let project = try Project()
        _ = try await project.build()
        let unchanged = try await project.build()
        #expect(unchanged.phases.map(\.name) == ["load"])
        #expect(unchanged.files.written == 0)
        // A changed question file, a touched site file, or --force each build for real.
        let changed = try await project.build(Project.questions + "\n# a comment\n")
        #expect(
            changed.phases.map(\.name) == [
                "load", "match", "sql", "narration", "render", "write",
            ])
        try Data("tampered".utf8).write(to: project.site.appending(path: "badges.html"))
        let repaired = try await project.build(Project.questions + "\n# a comment\n")
        #expect(repaired.files.written == 1)
        #expect(project.read("badges.html").contains("<h1>"))
        let forced = try await project.build { $0.force = true }
        #expect(forced.phases.count == 6)
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
            Project.questions.replacingOccurrences(
                of: "section: Badges", with: "section: Numbers"))
        #expect(passes() == 1)
        #expect(
            project.read("badges.md").contains(
                "| Python Basics | Programming | 4 | 4 | 2 | 1 | 50.00% | 20 |"))
        // A question with new filters needs the pass again.
        _ = try await project.build(
            Project.questions.replacingOccurrences(
                of: "How many people are enrolled in each badge?",
                with: "How many people from Globex are enrolled in each badge?"))
        #expect(passes() == 2)
        #expect(
            project.read("badges.md").contains(
                "| Python Basics | Programming | 1 | 1 | 0 | 1 | 0.00% | – |"))
    }

    @Test("a rebuild with no change rewrites nothing and keeps modification times")
    func untouched() async throws {
        let project = try Project()
        _ = try await project.build()
        let before = project.snapshot()
        let summary = try await project.build()
        #expect(summary.files.written == 0)
        #expect(Project.same(before, project.snapshot()))
    }

    @Test(
        "a build that fails in any stage leaves the old site exactly as it was, and no staging folder",
        arguments: [
            // YAML that does not parse: the whole file, no question.
            (BuildError.Stage.questions, nil, "title: T\nquestions: [\n"),
            // Unroutable questions are reported together; one alone is named.
            (
                .matching, "what-is-the-weather",
                "title: T\nquestions:\n  - text: What is the weather?\n"
            ),
            // Custom SQL is checked for every question before any runs; one alone is named.
            (
                .analytics, "q",
                "title: T\nquestions:\n  - text: q\n    sql: SELECT nope FROM badges\n"
            ),
            (
                .charts, "q",
                "title: T\nquestions:\n  - text: q\n    sql: SELECT name FROM badges\n    charts: [{type: bar, x: name, y: missing}]\n"
            ),
        ] as [(BuildError.Stage, String?, String)])
    func failures(stage: BuildError.Stage, question: String?, yaml: String) async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        #expect(before.count > 10, "the old site has its pages")
        let error = await #expect(throws: BuildError.self, "\(stage)") {
            try await project.build(yaml)
        }
        #expect(error?.stage == stage)
        #expect(error?.questionID == question, "\(stage)")
        #expect(Project.same(before, project.snapshot()), "\(stage)")
        #expect(
            !FileManager.default.fileExists(
                atPath: SiteLayout(site: project.site).staging.path))
    }

    @Test("a custom query that does not prepare is refused with the file, line and question")
    func unpreparedSQL() async throws {
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                "title: T\nquestions:\n  - text: q\n    sql: SELECT nope FROM badges\n")
        }
        let failures = CustomSQLFailures(
            path: project.questionsFile.path,
            failures: [
                .init(
                    questionID: "q", line: 3,
                    message: "question `q`: `sql:` is rejected: no such column: nope")
            ])
        #expect(error == BuildError(.analytics, question: "q", failures))
        #expect(
            failures.description
                == "\(project.questionsFile.path):3: question `q`: `sql:` is rejected: no such column: nope"
        )
    }

    @Test("database, rendering and --strict failures also leave the old site")
    func laterFailures() async throws {
        let project = try Project()
        try await project.build()
        let before = project.snapshot()
        #expect(before.count > 10, "the old site has its pages")
        let broken = Fixture.folder()
        try Data("{{#unclosed}}".utf8).write(to: broken.appending(path: "page.mustache"))
        let bad = try Fixture.database(
            Fixture.platformRows + "UPDATE enrollments SET progress = 2 WHERE id = 1;")
        // The row rules run with the analyses: the database, not one question.
        let database = await #expect(throws: BuildError.self) {
            try await project.build { $0.databasePath = bad }
        }
        #expect(database?.stage == .database)
        #expect(database?.questionID == nil)
        let check = try #require(database?.underlying as? SchemaCheckError)
        #expect(check.path == bad)
        #expect(!check.report.errors.isEmpty)
        // A template that does not parse fails the rendering of the whole site.
        let rendering = await #expect(throws: BuildError.self) {
            try await project.build { $0.templatesPath = broken.path }
        }
        #expect(rendering?.stage == .rendering)
        #expect(rendering?.questionID == nil)
        #expect(rendering?.underlying is TemplateError)
        // The CDN fallback is a warning, and --strict makes it an error.
        let strict = await #expect(throws: BuildError.self) {
            try await project.build { $0.strict = true }
        }
        #expect(
            strict
                == BuildError(
                    .strict,
                    StrictFailure(warnings: [
                        "pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL) (--plotly cdn); readers need network access"
                    ])))
        #expect(Project.same(before, project.snapshot()))
    }

    /// The refusal of an `--out` folder that holds files but no Almanac site.
    static func foreignFiles(_ site: URL) -> SiteError {
        SiteError(
            path: site.path,
            message:
                "holds files but no Almanac site (no index.html written by Almanac); a build replaces and deletes pages in its folder, so choose an empty or new folder"
        )
    }

    @Test("a build never writes over a file, or into a folder of someone else's files")
    func foreignTargets() async throws {
        let project = try Project()
        try Data("hello".utf8).write(to: project.site)
        let file = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(
            file
                == BuildError(
                    .writing,
                    SiteError(
                        path: project.site.path,
                        message: "is a file, not a folder; choose another --out")))
        #expect(FileManager.default.contents(atPath: project.site.path) == Data("hello".utf8))
        try FileManager.default.removeItem(at: project.site)
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: project.site.appending(path: "notes.html"))
        let foreign = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(foreign == BuildError(.writing, Self.foreignFiles(project.site)))
        #expect(project.read("notes.html") == "mine")
    }

    @Test("a second build while one is running is refused")
    func concurrent() async throws {
        let project = try Project()
        let lock = try BuildLock(layout: SiteLayout(site: project.site), files: DiskFileSystem())
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(
            error
                == BuildError(
                    .writing,
                    SiteError(
                        path: project.site.path,
                        message:
                            "another almanac build is writing this site right now; wait for it to finish and try again"
                    )))
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
        // Inside the figure JSON the name is literal for Plotly (`&lt;`, which Plotly draws
        // as `<`; `PlotlyText`), and its `&` is \u0026-escaped, so it cannot end the script
        // element.
        #expect(page.contains("\\u0026lt;script\\u0026gt;alert(1)"))
        // The report document holds the name as the database has it, in its figures as in
        // its data: the page escapes for itself.
        let document = try #require(
            JSONSerialization.jsonObject(with: Data(project.read("badges.json").utf8))
                as? [String: Any])
        let bar = (document["visualization"] as? [String: Any])?["bar"] as? [String: Any]
        let trace = (bar?["data"] as? [[String: Any]])?.first
        #expect((trace?["x"] as? [String])?.contains("<script>alert(1)</script>") == true)
        #expect(!project.read("badges.json").contains("&lt;script&gt;alert(1)&lt;/script&gt;\","))
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
                // A fragment of the page itself: on an embed page, one of its charts.
                if target.hasPrefix("#") {
                    let fragment = target.dropFirst()
                    #expect(
                        html.contains("id=\"\(fragment)\"")
                            || html.contains("data-chart=\"\(fragment)\""),
                        "\(name): \(target) names nothing in the page")
                    checked += 1
                    continue
                }
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
        #expect(markdown.contains("| Python Basics | Programming | 4 | 4 | 2 | 1 | 50.00% | 20 |"))
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
        #expect(index.contains("| Enrollments | 1 | 0 | none before |"))
        #expect(index.contains("| Completions | 0 | 1 | ▼ 100.0% |"))
    }

    @Test("the last 7 days' change compares with the 7 days before, in words")
    func change() {
        #expect(WeeklyChange.Measure(current: 9, previous: 8).text == "▲ 12.5%")
        #expect(WeeklyChange.Measure(current: 97, previous: 100).text == "▼ 3.0%")
        #expect(WeeklyChange.Measure(current: 5, previous: 5).text == "no change")
        #expect(WeeklyChange.Measure(current: 0, previous: 0).text == "none in either")
        #expect(WeeklyChange.Measure(current: 3, previous: 0).text == "none before")
        // Blind test 47: 146 against 255 is −109/255 = −42.745…%, one decimal −42.7 %; it
        // was written "▼ 42.75%" (the stored 0.4275 taken for a rate's tie).
        #expect(WeeklyChange.Measure(current: 146, previous: 255).text == "▼ 42.7%")
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
        let changed = Project.questions.replacingOccurrences(
            of: "Fixture Pulse", with: "Changed Pulse")
        let error = await #expect(throws: BuildError.self) {
            try await project.build(changed) { $0.dumpSQLPath = dump }
        }
        // Written before the swap, as part of the site's output; the system's reason varies.
        #expect(error?.stage == .writing)
        #expect(error?.questionID == nil)
        let site = try #require(error?.underlying as? SiteError)
        #expect(site.path == dump)
        #expect(site.message.hasPrefix("cannot write the SQL dump: "))
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
        // templates/ beside questions.yaml is used without a flag.
        #expect(makefile.contains("\nreport:\n\t$(ALMANAC) build\n"))
        #expect(throws: SiteError.self) {
            try ProjectScaffold(files: DiskFileSystem()).create(in: folder)
        }
    }
}
