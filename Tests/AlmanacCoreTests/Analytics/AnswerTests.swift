import Testing

@testable import AlmanacCore

/// What a question asked for, picked from the fixture's analyses. Values worked out by hand
/// from `Fixture.platformRows` (as of 2024-03-01):
/// - Python Basics: enrollments 1–4, completed 2, dropped 1, in progress 1 → rate 0.5.
/// - SQL Fundamentals: enrollments 5–7, completed 2, enrolled 1 → rate 0.6667.
/// - Sequences: Ann PB→SQL, Bo PB, Cy PB→SQL, Di SQL (02-15) → PB (03-01).
@Suite struct AnswerTests {
    let asOf = CivilDate(iso: "2024-03-01")!

    func run<A: Analysis>(_ type: A.Type, _ filters: Filters = Filters()) throws -> A {
        try A.run(
            AnalysisContext(
                db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
                asOf: asOf, filters: filters))
    }

    @Test("the bottom one by completion rate, and the lead that names it")
    func bottomOne() throws {
        let intent = Intent(
            measure: .completionRate, dimension: .badge, ranking: Ranking(.bottom, count: 1))
        let answer = try #require(
            Answer.make(try run(CompletionMetrics.self), intent: intent, filters: Filters()))
        #expect(
            answer.rows == [Answer.Row(subject: "Python Basics", value: .double(0.5), support: 4)])
        #expect(answer.available == 2)
        #expect(answer.table.title == "Completion rate by badge, lowest first (1 of 2)")
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The badge with the lowest completion rate is Python Basics: 50.00% (enrollments: 4, a small base)."
        )
    }

    @Test("without a ranking, highest first; with a top count, cut to it")
    func order() throws {
        let metrics = try run(CompletionMetrics.self)
        let all = try #require(
            Answer.make(
                metrics, intent: Intent(measure: .completionRate, dimension: .badge),
                filters: Filters()))
        #expect(all.rows.map(\.subject) == ["SQL Fundamentals", "Python Basics"])
        let drops = try #require(
            Answer.make(
                metrics,
                intent: Intent(
                    measure: .dropRate, dimension: .badge, ranking: Ranking(.top, count: 1)),
                filters: Filters()))
        // 1 of 4 Python Basics enrollments dropped; none of SQL Fundamentals'.
        #expect(
            drops.rows == [Answer.Row(subject: "Python Basics", value: .double(0.25), support: 4)])
    }

    @Test("next, previous and first badges come from the whole sequences")
    func sequences() throws {
        let filters = Filters(badge: "Python Basics")
        let paths = try run(LearningPaths.self, filters)
        let next = try #require(
            Answer.make(paths, intent: Intent(measure: .nextBadge), filters: filters))
        #expect(
            next.rows == [Answer.Row(subject: "SQL Fundamentals", value: .int(2), support: nil)])
        let previous = try #require(
            Answer.make(paths, intent: Intent(measure: .previousBadge), filters: filters))
        #expect(
            previous.rows == [Answer.Row(subject: "SQL Fundamentals", value: .int(1), support: nil)]
        )
        #expect(
            Lead.sentence(for: previous, filters: filters)
                == "Right before Python Basics, learners most often took SQL Fundamentals (1 learner)."
        )
        let first = try #require(
            Answer.make(paths, intent: Intent(measure: .firstBadge), filters: filters))
        #expect(first.rows.map(\.subject) == ["Python Basics", "SQL Fundamentals"])
        #expect(first.rows.map(\.value) == [.int(3), .int(1)])
    }

    /// "… and Advanced Python (16 learners); the table lists the rest" left out SQL
    /// Fundamentals, also 16 (blind test 54).
    @Test("rows tied with the last one a sentence names are named too")
    func tiesAtTheFifth() throws {
        let filters = Filters(badge: "Python Basics")
        var previous = try #require(
            Answer.make(
                try run(LearningPaths.self, filters), intent: Intent(measure: .previousBadge),
                filters: filters))
        func rows(_ values: [Int]) -> [Answer.Row] {
            values.enumerated().map {
                Answer.Row(subject: "B\($0.offset + 1)", value: .int($0.element), support: nil)
            }
        }
        let head =
            "Right before Python Basics, learners most often took B1 (392 learners), then B2 (25 learners), B3 (24 learners), B4 (18 learners) and B5 (16 learners)"
        let cases: [([Int], String)] = [
            (
                [392, 25, 24, 18, 16, 16, 9],
                "; B6 also has 16 learners, and the table lists the rest."
            ),
            ([392, 25, 24, 18, 16, 16, 16], "; B6 and B7 also have 16 learners each."),
            ([392, 25, 24, 18, 16, 15, 9], "; the table lists the rest."),
            ([392, 25, 24, 18, 16], "."),
        ]
        for (values, tail) in cases {
            previous.rows = rows(values)
            #expect(Lead.sentence(for: previous, filters: filters) == head + tail, "\(values)")
        }
        // A path of two badges tied at the cut says it ends there, as the named ones do.
        var paths = previous
        paths.intent = Intent(measure: .paths)
        paths.rows = rows([30, 20, 10, 9, 8, 8, 7])
        paths.rows[5].subject = "SQL Fundamentals → Data Visualization"
        #expect(
            (Lead.sentence(for: paths, filters: Filters()) ?? "").hasSuffix(
                "B5 (8 learners); SQL Fundamentals → Data Visualization and no third badge also has 8 learners, and the table lists the rest."
            ))
    }

    @Test(
        "with a window, completions count by the day they happened, rates by the day of enrollment")
    func windows() throws {
        // February 2024: completed on 02-09 (enrolled 01-10) and 02-22 (enrolled 02-15); of
        // the three enrollments made in February (ids 3, 6, 7) one is completed.
        let february = Filters(
            dateRange: DateRange(
                start: CivilDate(iso: "2024-02-01")!, end: CivilDate(iso: "2024-03-01")!,
                phrase: "in February 2024"))
        let metrics = try run(CompletionMetrics.self, february)
        let completions = try #require(
            Answer.make(metrics, intent: Intent(measure: .completions), filters: february))
        #expect(completions.rows.map(\.value) == [.int(2)])
        #expect(
            Lead.sentence(for: completions, filters: february)
                == "Completions, completed between 2024-02-01 and 2024-02-29: 2.")
        let rate = try #require(
            Answer.make(metrics, intent: Intent(measure: .completionRate), filters: february))
        #expect(rate.rows.map(\.value) == [.double(0.3333)])
        #expect(
            Lead.sentence(for: rate, filters: february)
                == "Completion rate, of enrollments made between 2024-02-01 and 2024-02-29: 33.33% (enrollments: 3, a small base); 1 completed."
        )
    }

    @Test("a single figure for the filters, spread over organizations for the first chart")
    func single() throws {
        let filters = Filters(badge: "Python Basics")
        let metrics = try run(CompletionMetrics.self, filters)
        let answer = try #require(
            Answer.make(metrics, intent: Intent(measure: .completionRate), filters: filters))
        #expect(answer.subjectTitle == nil)
        #expect(
            Lead.sentence(for: answer, filters: filters)
                == "Completion rate for Python Basics: 50.00% (enrollments: 4, a small base); 2 completed."
        )
        // Acme & Sons: Ann and Bo completed (2 of 2); Globex: Cy dropped (0 of 1); Di has none: 0 of 1.
        let spread = try #require(
            Answer.spread(metrics, intent: Intent(measure: .completionRate), filters: filters))
        #expect(spread.rows.map(\.subject) == ["Acme & Sons", "(no organization)", "Globex"])
        #expect(spread.rows.map(\.value) == [.double(1), .double(0), .double(0)])
    }
}
