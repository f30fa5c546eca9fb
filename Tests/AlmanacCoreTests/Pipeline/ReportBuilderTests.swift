import Foundation
import Testing

@testable import AlmanacCore

@Suite struct ReportBuilderTests {
    static let questions = """
        title: Fixture Pulse
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
          - text: What is the completion rate by organization?
            id: completion
        """

    /// A project over `Fixture.platformRows` whose default questions are the two above.
    func project() throws -> Project {
        try Project(questions: Self.questions)
    }

    /// A file as text, such as a page or a SQL dump; empty when it is missing.
    func read(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test("writes a page and a report document per question, and an index that links them")
    func pages() async throws {
        let project = try project()
        let summary = try await project.build()
        let site = project.site
        #expect(summary.pages == 2)
        #expect(summary.asOf.description == "2024-03-01")  // enrollment 4, 2024-03-01T08:00
        let index = read(site.appending(path: "index.html"))
        #expect(index.contains("href=\"badges.html\""))
        #expect(index.contains("href=\"completion.html\""))
        let page = read(site.appending(path: "badges.html"))
        #expect(page.contains("<h1>How many people are enrolled in each badge?</h1>"))
        #expect(page.contains("id=\"chart-badges-bar\""))
        #expect(page.contains("Python Basics"))
        let document = read(site.appending(path: "badges.json"))
        #expect(document.contains("\"type\": \"badge_enrollments\""))
        #expect(document.contains("\"total_enrollments\": 7"))
    }

    @Test("every kind reaches its analysis and the document carries its numbers")
    func everyKind() async throws {
        let project = try project()
        let site = project.site
        let summary = try await project.build(
            """
            title: T
            questions:
              - text: How many people are enrolled in each badge?
                id: badges
              - text: How have enrollments trended over time?
                id: trend
              - text: What is the completion rate by organization?
                id: completion
              - text: What are the most common learning paths?
                id: paths
              - text: Own query
                id: own
                sql: SELECT name, id FROM badges ORDER BY id
                charts: [{type: bar, x: name, y: id}]
            """)
        #expect(summary.pages == 5)
        // Only the CDN notice.
        #expect(summary.warnings.allSatisfy { $0.contains("plotly.js") }, "\(summary.warnings)")
        for (id, type, field) in [
            ("badges", "badge_enrollments", "\"badges\""),
            ("trend", "organization_trends", "\"series\""),
            ("completion", "completion_metrics", "\"by_cohort\""),
            ("paths", "learning_paths", "\"top_paths\""),
            ("own", "custom_sql", "\"columns\""),
        ] {
            let document = read(site.appending(path: "\(id).json"))
            #expect(document.contains("\"type\": \"\(type)\""), "\(id)")
            #expect(document.contains(field), "\(id)")
        }
        #expect(read(site.appending(path: "own.html")).contains("id=\"chart-own-bar\""))
    }

    @Test("an analysis asked twice with the same filters runs once")
    func asksOnce() async throws {
        let project = try project()
        let dump = project.folder.appending(path: "dump.sql").path
        try await project.build(
            """
            title: T
            questions:
              - text: What is the completion rate by organization?
              - text: Which organizations have the best completion rate?
            """
        ) { $0.dumpSQLPath = dump }
        let once = read(URL(fileURLWithPath: dump))
        // The dump holds the analysis (its per-organization grouping), not only the checks.
        #expect(once.contains("GROUP BY"))
        try await project.build(
            """
            title: T
            questions:
              - text: What is the completion rate by organization?
            """
        ) { $0.dumpSQLPath = dump }
        #expect(read(URL(fileURLWithPath: dump)) == once)
    }

    @Test("questions the matcher cannot route are all reported, with the fix")
    func unroutable() async throws {
        let project = try project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                """
                title: T
                questions:
                  - text: What is the weather?
                  - text: How many people are enrolled in the Pyhton Basics badge?
                """)
        }
        // Every unroutable question together: the error is the file's, not one question's.
        #expect(error?.stage == .matching)
        #expect(error?.questionID == nil)
        let failures = try #require(error?.underlying as? MatchFailures)
        #expect(failures.path == project.questionsFile.path)
        #expect(failures.errors.map(\.line) == [3, 4])
        let message = error?.description ?? ""
        #expect(
            message.contains("`what-is-the-weather` (\"What is the weather?\") matches no kind"))
        #expect(message.contains("did you mean 'Python Basics'?"))
        #expect(message.contains("questions.yaml:3: question `what-is-the-weather`"))
        #expect(message.contains("questions.yaml:4: question `how-many-people"))
    }

    @Test(
        "custom SQL that writes or holds two statements is refused before anything runs",
        arguments: [
            (
                "DELETE FROM badges",
                "`sql:` must be a single SELECT or WITH statement; it starts with `DELETE`"
            ),
            ("SELECT 1; SELECT 2", "`sql:` is rejected: only one statement is allowed"),
            (
                "WITH x AS (SELECT 1) DELETE FROM badges",
                "`sql:` is rejected: the statement would write to the database; only SELECT or WITH is allowed"
            ),
        ])
    func customSQLSafety(sql: String, why: String) async throws {
        let project = try project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build("title: T\nquestions:\n  - text: q\n    sql: \"\(sql)\"\n")
        }
        // Every question's SQL is checked before any runs, and the problems are reported
        // together, each with its file and line; one alone also names its question.
        let failures = CustomSQLFailures(
            path: project.questionsFile.path,
            failures: [.init(questionID: "q", line: 3, message: "question `q`: \(why)")])
        #expect(error == BuildError(.analytics, question: "q", failures))
        #expect(
            error?.description
                == "analytics (question `q`): \(project.questionsFile.path):3: question `q`: \(why)"
        )
        #expect(project.log.events.allSatisfy { if case .queried = $0 { false } else { true } })
    }

    /// Blind test 82: refused only as it ran, it was "question `ext`: SQLite says: not
    /// authorized", with no file and line.
    @Test("custom SQL that SQLite refuses as it runs is reported at its line too")
    func customSQLRefusedRunning() async throws {
        let project = try project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                "title: T\nquestions:\n  - text: q\n    id: ext\n    sql: \"SELECT load_extension('x') AS a\"\n"
            )
        }
        #expect(
            error?.description
                == "analytics (question `ext`): \(project.questionsFile.path):3: question `ext`: SQLite says: not authorized"
        )
    }

    @Test("custom SQL that runs past the statement timeout stops with an error naming the question")
    func customSQLTimeout() async throws {
        let cross =
            "SELECT count(*) AS n FROM enrollments a, enrollments b, enrollments c, enrollments d, "
            + "(WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r)"
        let project = try project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                "title: T\nquestions:\n  - text: q\n    id: endless\n    sql: \"\(cross)\"\n"
            ) {
                $0.statementTimeout = 300
            }
        }
        #expect(error?.stage == .analytics)
        #expect(error?.questionID == "endless")
        // The database's own error, with the question the analytics stage was running.
        let timeout = try #require(error?.underlying as? DatabaseError)
        #expect(timeout.path == project.database)
        #expect(error?.description.contains("ran longer than statement_timeout (300 ms)") == true)
    }

    @Test("a rebuild with no change writes nothing and keeps every file")
    func incremental() async throws {
        let project = try project()
        let first = try await project.build()
        #expect(first.files.written > 10)
        let second = try await project.build()
        #expect(second.files.written == 0)
        #expect(second.files.kept == first.files.written)
        let forced = try await project.build { $0.force = true }
        #expect(forced.files.written == first.files.written)
    }

    @Test("a removed question's files are deleted")
    func removed() async throws {
        let project = try project()
        try await project.build()
        let files = [
            "completion.html", "completion.embed.html", "completion.md", "completion.json",
        ]
        for file in files {
            #expect(!project.read(file).isEmpty, "\(file) was there before")
        }
        let summary = try await project.build(
            """
            title: Fixture Pulse
            questions:
              - text: How many people are enrolled in each badge?
                id: badges
            """)
        // Its .html, .json and .md, and the embed page of its four charts.
        #expect(summary.files.deleted == 4)
        for file in files {
            #expect(
                !FileManager.default.fileExists(atPath: project.site.appending(path: file).path),
                "\(file)")
        }
        #expect(project.read("badges.html").contains("Python Basics"))
    }

    @Test("text that looks like HTML is shown as text")
    func escaping() async throws {
        let project = try project()
        try await project.build(
            """
            title: <script>alert(1)</script>
            questions:
              - text: How many people are enrolled in each badge <script>alert(2)</script>?
                id: x
            """)
        let page = project.read("x.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("every SQL statement is dumped with its parameters inlined, and sqlite3 replays it")
    func dumpSQL() async throws {
        let project = try project()
        let dump = project.folder.appending(path: "dump.sql").path
        try await project.build(
            """
            title: T
            questions:
              - text: How many people are enrolled in the Python Basics badge?
            """
        ) { $0.dumpSQLPath = dump }
        let text = read(URL(fileURLWithPath: dump))
        // The analysis itself, not a row scan: its scope (the badge filter as data) and its
        // per-scope, per-badge grouping.
        #expect(text.contains("VALUES (1, 'Python Basics', NULL, NULL, "))
        #expect(text.contains("(SELECT id FROM badges WHERE name = sc.badge) AS badge_id"))
        #expect(text.contains("LEFT JOIN counts c ON c.scope = sc.scope AND c.badge_id = b.id"))
        #expect(text.contains("FROM pragma_table_info('enrollments')"))
        #expect(text.components(separatedBy: "\n;\n").count > 3)
        #expect(!text.contains("?"))

        // The sqlite3 shell runs the file as it stands; the per-badge row carries the page's
        // numbers. By hand from Fixture.platformRows: Python Basics has enrollments 1–4 by four
        // learners: none only enrolled, 1 in progress, 2 completed (10 and 30 days: median 20),
        // 1 dropped; rate 2/4; progress 1 + 1 + 0.5 + 0.25.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = ["-bail", "-separator", "|", project.database]
        shell.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: dump))
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let printed = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(printed.contains("Python Basics|Programming|4|4|0|1|2|1|0.5|2.75|20.0\n"))
    }

    @Test("a database that fails the schema check stops the build and names the problem")
    func badDatabase() async throws {
        let project = try Project(
            rows: Fixture.platformRows
                + "INSERT INTO enrollments VALUES (9, 1, 1, 'soon', 'enrolled', 0, NULL);",
            questions: Self.questions)
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        // The row rules run with the analyses, but a bad row is the database's, not a question's.
        #expect(error?.stage == .database)
        #expect(error?.questionID == nil)
        let check = try #require(error?.underlying as? SchemaCheckError)
        #expect(check.path == project.database)
        #expect(check.report.errors.count == 1)
        #expect(check.description.contains("almanac check --db \(project.database)"))
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("a FIFO as the database is refused before the site's lock is taken")
    func fifoDatabase() async throws {
        let project = try project()
        let fifo = project.folder.appending(path: "f.db").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = await #expect(throws: BuildError.self) {
            try await project.build { $0.databasePath = fifo }
        }
        #expect(
            error
                == BuildError(
                    .database,
                    DatabaseError(
                        path: fifo,
                        reason: .cannotOpen(
                            "it is a FIFO (named pipe), not a database file; --db must name a regular SQLite file"
                        ))))
        #expect(
            !FileManager.default.fileExists(
                atPath: project.folder.appending(path: "site.lock").path))
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    /// It built, shown with its id in tables, until an attack run found a question naming it
    /// answered for the organization and "Compare Acme and (no organization)" for the
    /// learners with none: two numbers for one name. The build now stops, as `check` does.
    @Test("an organization named like the (no organization) placeholder stops the build")
    func placeholderName() async throws {
        let project = try Project(
            rows: Fixture.platformRows
                + "UPDATE organizations SET name = '(no organization)' WHERE id = 2;")
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                """
                title: T
                questions:
                  - text: What is the completion rate by organization?
                    id: completion
                """)
        }
        #expect(
            String(describing: error).contains(
                "organization whose name begins \"(no organization)\" (ids 2)"))
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("two organizations named Zürich, precomposed and decomposed, stop the build with the ids")
    func nfcDuplicates() async throws {
        // SQLite's UNIQUE compares bytes, so both rows go in; Swift's String == calls them equal.
        let project = try Project(
            rows: Fixture.platformRows + """
                UPDATE organizations SET name = 'Z' || char(252) || 'rich' WHERE id = 1;
                UPDATE organizations SET name = 'Zu' || char(776) || 'rich' WHERE id = 2;
                """, questions: Self.questions)
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(error?.stage == .database)
        #expect(error?.questionID == nil)
        #expect(
            error?.description.contains(
                "after Unicode NFC normalization: \"Z\u{FC}rich\" (id 1) and \"Zu\u{308}rich\" (id 2)"
            )
                == true)
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("ask answers one question from the database without writing a site")
    func ask() async throws {
        let project = try project()
        let (report, document, _) = try await project.ask(
            "How many people are enrolled in the Python Basics badge?")
        #expect(report.question.id == "how-many-people-are-enrolled-in-the-python-basics-badge")
        #expect(report.match.kind == .badgeEnrollments)
        #expect(report.match.filters.badge == "Python Basics")
        // By hand from Fixture.platformRows: enrollments 1–4 are Python Basics, 2 completed.
        #expect(document["metadata"]?["analytics_data"]?["totals"]?["enrollments"] == 4)
        #expect(document["metadata"]?["analytics_data"]?["totals"]?["completed"] == 2)
        #expect(!FileManager.default.fileExists(atPath: project.site.path))
    }

    @Test("ask with a question the matcher cannot route names the stage and the file's question")
    func askUnroutable() async throws {
        let project = try project()
        let error = await #expect(throws: BuildError.self) {
            try await project.ask("What is the weather?")
        }
        #expect(error?.stage == .matching)
        #expect(error?.questionID == "what-is-the-weather")
        let failures = try #require(error?.underlying as? MatchFailures)
        #expect(failures.errors.map(\.line) == [0])
        #expect(error?.description.contains("`what-is-the-weather`") == true)
    }

    @Test("inlining skips question marks inside string literals")
    func inline() {
        #expect(
            SQLStatement.inline(
                "SELECT '?', x FROM t WHERE a = ? AND b = ?", [.text("O'Neil"), .integer(3)])
                == "SELECT '?', x FROM t WHERE a = 'O''Neil' AND b = 3")
    }
}

extension ReportBuilderTests {
    @Test("a megabyte badge name stops the build before matching, in one short line")
    func longName() async throws {
        let long = "Python " + String(repeating: "x", count: 1_000_000)
        let project = try Project(
            rows: Fixture.platformRows + "\nUPDATE badges SET name = '\(long)' WHERE id = 1;")
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                """
                title: T
                questions:
                  - text: How many people took Pythn xxxx?
                """)
        }
        #expect(error?.stage == .database)
        let message = error?.description ?? ""
        #expect(message.contains("1 badge whose name is longer than 1,000 characters (ids 1)"))
        // Short apart from the database's path, whose length is the scratch folder's.
        #expect(message.replacingOccurrences(of: project.database, with: "").count < 400)
    }
}
