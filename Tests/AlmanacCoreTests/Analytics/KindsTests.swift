import Testing

@testable import AlmanacCore

/// Expected values are worked out by hand from `Fixture.platformRows`; see the comments.
@Suite struct KindsTests {
    let asOf = CivilDate(iso: "2024-03-01")!

    func context(
        _ filters: Filters = Filters(), granularity: Granularity? = nil,
        rows: String = Fixture.platformRows
    )
        throws -> AnalysisContext
    {
        AnalysisContext(
            db: try SQLiteConnection(path: try Fixture.database(rows)), asOf: asOf,
            filters: filters, granularity: granularity)
    }

    // MARK: - organization_trends

    @Test("organizations count their users, enrollments and completions; NULL is its own group")
    func organizations() throws {
        let result = try OrganizationTrends.run(try context())
        #expect(
            result.organizations == [
                .init(
                    organization: "Acme & Sons", users: 2, enrollments: 3, learners: 2,
                    completed: 3, completionRate: 1,
                    progressSum: 3),
                // A tie at 2 enrollments sorts by name: "(" comes before "G".
                .init(
                    organization: "(no organization)", users: 1, enrollments: 2, learners: 1,
                    completed: 1, completionRate: 0.5,
                    progressSum: 1.25),
                .init(
                    organization: "Globex", users: 1, enrollments: 2, learners: 1, completed: 0,
                    completionRate: 0,
                    progressSum: 0.5),
            ])
        // Progress 1.0 + 1.0 + 1.0, 0.25 + 1.0 and 0.5 + 0.0, over their enrollments.
        #expect(result.organizations.map(\.averageProgress) == [1, 0.625, 0.25])
        // The default window is the 12 months up to the as-of date.
        #expect(result.window.start?.description == "2023-03-02")
        #expect(result.window.end?.description == "2024-03-02")
    }

    @Test("the monthly series is dense and counts completions by completed_at")
    func monthlySeries() throws {
        let result = try OrganizationTrends.run(try context())
        #expect(result.granularity == .month)
        #expect(result.series.count == 13 * 3)  // 2023-03 … 2024-03, three groups
        func point(_ period: String, _ organization: String) -> (Int, Int)? {
            result.series.first { $0.period == period && $0.organization == organization }
                .map { ($0.enrollments, $0.completions) }
        }
        #expect(point("2024-01", "Acme & Sons")! == (3, 2))  // enrolled 1, 2, 5; completed 1, 5
        #expect(point("2024-02", "Acme & Sons")! == (0, 1))  // enrollment 2 completed 02-09
        #expect(point("2024-02", "Globex")! == (2, 0))
        #expect(point("2024-02", "(no organization)")! == (1, 1))
        #expect(point("2024-03", "(no organization)")! == (1, 0))
        #expect(point("2023-07", "Globex")! == (0, 0))
    }

    @Test("weekly periods are ISO weeks")
    func weeklySeries() throws {
        let range = DateRange(
            start: CivilDate(iso: "2024-01-01"), end: CivilDate(iso: "2025-01-01"),
            phrase: "in 2024")
        let result = try OrganizationTrends.run(
            try context(Filters(organization: "Acme & Sons", dateRange: range), granularity: .week))
        #expect(result.organizations.map(\.organization) == ["Acme & Sons"])
        // 2024-01-01 is a Monday; 2024-12-30 starts 2025-W01.
        #expect(result.series.first?.period == "2024-W01")
        #expect(result.series.last?.period == "2025-W01")
        #expect(result.series.count == 53)
        #expect(result.series.first { $0.period == "2024-W02" }?.enrollments == 2)  // 2024-01-10
        #expect(result.series.first { $0.period == "2024-W03" }?.enrollments == 1)  // 2024-01-20
    }

    // MARK: - completion_metrics

    @Test("overall, by badge, organization, cohort and both")
    func completion() throws {
        let result = try CompletionMetrics.run(try context())
        #expect(
            result.overall
                == .init(
                    enrollments: 7, completed: 4, dropped: 1, inProgress: 1, enrolled: 1,
                    completionRate: 0.5714, dropRate: 0.1429))
        #expect(result.overall.completionRate == 0.5714)
        #expect(result.overall.dropRate == 0.1429)
        #expect(result.overallMedianDays == 8.8)  // 5, 7.5, 10, 30: (7.5 + 10) / 2 = 8.75
        #expect(result.byBadge.map(\.name) == ["Python Basics", "SQL Fundamentals"])
        #expect(result.byBadge[0].counts.dropRate == 0.25)
        #expect(result.byBadge[0].medianDaysToComplete == 20)
        #expect(result.byBadge[1].medianDaysToComplete == 6.3)
        #expect(
            result.byOrganization.map(\.name) == ["Acme & Sons", "(no organization)", "Globex"])
        #expect(result.byOrganization.map(\.counts.completionRate) == [1, 0.5, 0])
        #expect(result.byCohort.map(\.name) == ["2024-01", "2024-02", "2024-03"])
        #expect(result.byCohort.map(\.counts.completionRate) == [1, 0.3333, 0])
        #expect(
            result.byOrganizationAndBadge.map {
                "\($0.organization)/\($0.badge)=\($0.counts.enrollments)"
            } == [
                "Acme & Sons/Python Basics=2", "(no organization)/Python Basics=1",
                "(no organization)/SQL Fundamentals=1", "Acme & Sons/SQL Fundamentals=1",
                "Globex/Python Basics=1", "Globex/SQL Fundamentals=1",
            ])
    }

    @Test("a filter that matches nothing gives empty lists and zero rates")
    func completionNothing() throws {
        let result = try CompletionMetrics.run(try context(Filters(badge: "Empty Badge")))
        #expect(result.overall == .init())
        #expect(result.overall.completionRate == 0)
        #expect(result.overallMedianDays == nil)
        #expect(result.byBadge.isEmpty)
    }

    /// Org 2 renamed like the placeholder; orgs 5 and 6 are "Zürich" precomposed (U+00FC) and
    /// decomposed (u + U+0308), which SQLite keeps apart and Swift's `==` calls equal.
    static let collidingNames =
        Fixture.platformRows + """
            UPDATE organizations SET name = '(no organization)' WHERE id = 2;
            INSERT INTO organizations VALUES (5, 'Z' || char(252) || 'rich'), (6, 'Zu' || char(776) || 'rich');
            INSERT INTO users VALUES (5, 'Ed', 5, '2024-01-01'), (6, 'Fa', 6, '2024-01-01');
            INSERT INTO enrollments VALUES (8, 5, 1, '2024-02-01', 'completed', 1.0, '2024-02-05'),
              (9, 6, 1, '2024-02-02', 'dropped', 0.5, NULL);
            """

    @Test("organizations that share a label stay apart, each shown with its id")
    func collidingOrganizations() throws {
        let result = try CompletionMetrics.run(try context(rows: Self.collidingNames))
        // Acme: enrollments 1, 2, 5, all completed. Then the ties at 2 enrollments: the NULL
        // group (4 in progress, 7 completed) before org 2 (3 dropped, 6 enrolled), by id with
        // NULL first. Then the ties at 1: the decomposed name's bytes ("u" = 0x75) sort before
        // the precomposed one's (0xC3 0xBC), so org 6 (dropped) comes before org 5 (completed).
        #expect(
            result.byOrganization.map(\.name).map { Array($0.unicodeScalars) }
                == [
                    "Acme & Sons", "(no organization)", "(no organization) (#2)",
                    "Zu\u{308}rich (#6)",
                    "Z\u{FC}rich (#5)",
                ].map { Array($0.unicodeScalars) })
        #expect(result.byOrganization.map(\.counts.enrollments) == [3, 2, 2, 1, 1])
        #expect(result.byOrganization.map(\.counts.completionRate) == [1, 0.5, 0, 0, 1])
        // Each cell keeps its organization: org 2's enrollment 3 is in badge 1 and 6 in badge 2.
        let org2 = result.byOrganizationAndBadge.filter {
            $0.organization == "(no organization) (#2)"
        }
        #expect(org2.map(\.badge) == ["Python Basics", "SQL Fundamentals"])
        #expect(org2.map(\.counts.enrollments) == [1, 1])
        let trends = try OrganizationTrends.run(try context(rows: Self.collidingNames))
        #expect(Set(trends.series.map(\.organization)).count == 5)
        #expect(trends.organizations.map(\.users).reduce(0, +) == 6)
    }

    // MARK: - learning_paths

    @Test("sequences follow enrolled_at, and transitions, paths and starts count learners")
    func paths() throws {
        let result = try LearningPaths.run(try context())
        // u1: Python → SQL (10 days), u2: Python, u3: Python → SQL (14 days),
        // u4: SQL → Python (15 days 8 hours).
        #expect(result.learners == 4)
        #expect(
            result.transitions == [
                .init(from: "Python Basics", to: "SQL Fundamentals", learners: 2, medianDays: 12),
                .init(from: "SQL Fundamentals", to: "Python Basics", learners: 1, medianDays: 15.3),
            ])
        #expect(
            result.topPaths.map(\.label) == [
                "Python Basics → SQL Fundamentals", "SQL Fundamentals → Python Basics",
            ])
        #expect(result.topPaths.map(\.learners) == [2, 1])
        #expect(
            result.startingBadges == [
                .init(badge: "Python Basics", learners: 3),
                .init(badge: "SQL Fundamentals", learners: 1),
            ])
    }

    @Test("a badge filter follows the learners who took it, from that badge on")
    func pathsFromBadge() throws {
        let result = try LearningPaths.run(try context(Filters(badge: "SQL Fundamentals")))
        #expect(result.learners == 3)  // u1, u3, u4
        #expect(result.startingBadges == [.init(badge: "SQL Fundamentals", learners: 3)])
        #expect(result.transitions.map(\.to) == ["Python Basics"])
    }

    @Test("same-day enrollments keep id order, repeats count once, and paths stop at three")
    func sameDay() throws {
        let result = try LearningPaths.run(
            try context(
                rows: """
                    INSERT INTO users VALUES (1, 'A', NULL, '2024-01-01');
                    INSERT INTO badges VALUES (1, 'A1', 'X'), (2, 'B2', 'X'), (3, 'C3', 'X'), (4, 'D4', 'X');
                    INSERT INTO enrollments VALUES
                      (10, 1, 2, '2024-01-01', 'enrolled', 0, NULL),
                      (11, 1, 1, '2024-01-01', 'enrolled', 0, NULL),
                      (12, 1, 2, '2024-01-02', 'enrolled', 0, NULL),
                      (13, 1, 3, '2024-01-03', 'enrolled', 0, NULL),
                      (14, 1, 4, '2024-01-04', 'enrolled', 0, NULL),
                      (15, 1, 2, '2024-01-01', 'enrolled', 0, NULL);
                    """))
        // 15 repeats 10 at the same moment: the later id is the repeat, else B2 → A1 → B2.
        #expect(result.topPaths.map(\.label) == ["B2 → A1 → C3"])
        #expect(result.transitions.map { "\($0.from)>\($0.to)" } == ["A1>C3", "B2>A1", "C3>D4"])
        #expect(result.transitions.first { $0.from == "B2" }?.medianDays == 0)
    }

    /// Two learners of organization 1 and one of organization 2. u1: B2, A1 (same day, id
    /// order), B2 again (a repeat), C3 on 2024-01-03; u2: D4 on 2024-01-05, then C3; u3 (the
    /// other organization): A1, then C3, both in January; u4 (no organization) takes only C3.
    static let previousRows = """
        INSERT INTO organizations VALUES (1, 'One'), (2, 'Two');
        INSERT INTO users VALUES (1, 'A', 1, '2024-01-01'), (2, 'B', 1, '2024-01-01'),
          (3, 'C', 2, '2024-01-01'), (4, 'D', NULL, '2024-01-01');
        INSERT INTO badges VALUES (1, 'A1', 'X'), (2, 'B2', 'X'), (3, 'C3', 'X'), (4, 'D4', 'X');
        INSERT INTO enrollments VALUES
          (10, 1, 2, '2024-01-01', 'enrolled', 0, NULL),
          (11, 1, 1, '2024-01-01', 'enrolled', 0, NULL),
          (12, 1, 2, '2024-01-02', 'enrolled', 0, NULL),
          (13, 1, 3, '2024-01-03', 'enrolled', 0, NULL),
          (20, 2, 4, '2024-01-05', 'enrolled', 0, NULL),
          (21, 2, 3, '2024-02-10', 'enrolled', 0, NULL),
          (30, 3, 1, '2024-01-06', 'enrolled', 0, NULL),
          (31, 3, 3, '2024-01-20', 'enrolled', 0, NULL),
          (40, 4, 3, '2024-01-08', 'enrolled', 0, NULL);
        """

    @Test("the badge taken right before the filter's, and every sequence's first badge")
    func previousAndFirstBadges() throws {
        func run(_ filters: Filters) throws -> LearningPaths {
            try LearningPaths.run(try context(filters, rows: Self.previousRows))
        }
        func learners(_ counts: KeyValuePairs<String, Int>) -> [LearningPaths.Start] {
            counts.map { LearningPaths.Start(badge: $0.key, learners: $0.value) }
        }
        // The whole history: before C3, u1 took A1 (B2's repeat is not a step), u2 D4 and
        // u3 A1; u4 started with it. First badges: u1 B2, u2 D4, u3 A1, u4 C3.
        let everyFirst = learners(["A1": 1, "B2": 1, "C3": 1, "D4": 1])
        let all = try run(Filters(badge: "C3"))
        #expect(all.previousBadges == learners(["A1": 2, "D4": 1]))
        #expect(all.firstBadges == everyFirst)
        // Organization One only: u1 and u2.
        let one = try run(Filters(badge: "C3", organization: "One"))
        #expect(one.previousBadges == learners(["A1": 1, "D4": 1]))
        #expect(one.firstBadges == learners(["B2": 1, "D4": 1]))
        // From 2024-01-02 to 2024-01-31: u1's steps there are B2 (its repeat, now its first
        // in these days), then C3; u2's D4 (C3 falls after the range), u3's A1, then C3; u4's C3.
        let january = DateRange(
            start: CivilDate(iso: "2024-01-02")!, end: CivilDate(iso: "2024-01-31")!,
            phrase: "January")
        let windowed = try run(Filters(badge: "C3", dateRange: january))
        #expect(windowed.previousBadges == learners(["A1": 1, "B2": 1]))
        #expect(windowed.firstBadges == everyFirst)
    }

    @Test("a date range read for its key measures only counts where each learner starts")
    func startsOfMeasuresOnly() throws {
        let january = DateRange(
            start: CivilDate(iso: "2024-01-02")!, end: CivilDate(iso: "2024-01-31")!,
            phrase: "January")
        func run(_ badge: String?) throws -> LearningPaths {
            var context = try context(
                Filters(badge: badge, dateRange: january), rows: Self.previousRows)
            context.request.measuresOnly = true
            return try LearningPaths.run(context)
        }
        // Each learner's first enrollment in January: u1 B2 (its repeat, on the 2nd), u2 D4,
        // u3 A1, u4 C3; no transitions are worked out.
        let all = try run(nil)
        #expect(all.learners == 4)
        #expect(all.startingBadges.map(\.badge) == ["A1", "B2", "C3", "D4"])
        #expect(all.startingBadges.map(\.learners) == [1, 1, 1, 1])
        #expect(all.transitions.isEmpty && all.topPaths.isEmpty)
        // From C3 on: u1 (the 3rd), u3 (the 20th) and u4 (the 8th); u2 took it in February.
        let fromC3 = try run("C3")
        #expect(fromC3.learners == 3)
        #expect(fromC3.startingBadges == [.init(badge: "C3", learners: 3)])
    }

    // MARK: - custom_sql

    @Test("a custom query's columns and rows are its data")
    func custom() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "  SELECT name, id * 1.5 AS x FROM badges ORDER BY id;", questionID: "q", on: db)
        #expect(result.columns == ["name", "x"])
        #expect(result.rows[0] == [.string("Python Basics"), .double(1.5)])
        #expect(result.rows.count == 3)
    }

    @Test(
        "custom queries that are not one read-only SELECT are refused",
        arguments: [
            "DELETE FROM badges", "SELECT 1; DROP TABLE badges", "PRAGMA table_info(badges)",
            "WITH gone AS (SELECT 1) DELETE FROM badges", "", "ATTACH 'x.db' AS x",
        ])
    func customRefused(sql: String) throws {
        let db = try context().db as! SQLiteConnection
        #expect(throws: CustomSQLError.self) { try CustomSQL.run(sql, questionID: "q", on: db) }
        #expect(try db.scalarInt("SELECT count(*) FROM badges") == 3)
    }

    /// An attack run: a column named with a U+202E reversed its table header and chart titles.
    @Test("a custom query's column names have their direction characters written out")
    func customColumnNames() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "SELECT 1 AS \"a\u{202E}b\", 2 AS plain", questionID: "q", on: db)
        #expect(result.columns == ["a\\u{202E}b", "plain"])
    }

    /// A fault attack's empty result showed a table of "|  |".
    @Test("a custom query with no rows has no table to show")
    func customNoRows() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "SELECT name FROM badges WHERE id < 0", questionID: "q", on: db)
        #expect(result.rows.isEmpty)
        #expect(result.tables.isEmpty)
        let some = try CustomSQL.run("SELECT name FROM badges", questionID: "q", on: db)
        #expect(some.tables.count == 1)
    }

    /// A blind test's x'00ff' showed as an empty cell, and 1e308 * 10 as null beside a NULL.
    @Test("a blob is its SQL literal; an infinite number is an error naming its column")
    func customOddValues() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "SELECT x'00ff' AS b, x'' AS e, NULL AS n", questionID: "q", on: db)
        #expect(result.rows[0] == [.string("x'00ff'"), .string("x''"), .null])
        let error = #expect(throws: CustomSQLError.self) {
            try CustomSQL.run("SELECT 1 AS ok, 1e308 * 10 AS huge", questionID: "q", on: db)
        }
        #expect(
            error?.description.contains("`huge` holds infinity") == true,
            "\(String(describing: error))")
    }

    @Test("comments around a custom query are fine; a result is cut at the row limit")
    func customComments() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "-- the badges\n/* all of them */ SELECT name FROM badges ORDER BY 1; -- done",
            questionID: "q", on: db)
        #expect(result.rows.count == 3)
        let many = try CustomSQL.run(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000) SELECT i FROM n",
            questionID: "q", on: db)
        #expect(many.rows.count == CustomSQL.rowLimit)
        #expect(many.truncated)
    }

    @Test("a SQL error names the question and quotes SQLite")
    func customError() throws {
        let db = try context().db as! SQLiteConnection
        #expect(
            throws: CustomSQLError(
                questionID: "q", message: "`sql:` is rejected: no such column: nope")
        ) {
            try CustomSQL.run("SELECT nope FROM badges", questionID: "q", on: db)
        }
    }
}
