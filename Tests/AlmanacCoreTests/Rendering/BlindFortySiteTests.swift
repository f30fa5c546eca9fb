import Testing

@testable import AlmanacCore

/// Blind test forty's site: a page comparing names whose Change table and digest insight
/// were the whole platform's, unsaid, and a question of the month with the most completions
/// whose charts were all of enrollments.
@Suite struct BlindFortySiteTests {
    let asOf = CivilDate(iso: "2024-03-31")!

    func range(_ from: String, _ to: String) -> DateRange {
        DateRange(start: CivilDate(iso: from)!, end: CivilDate(iso: to)!, phrase: "")
    }
    let months = Filters(
        dateRange: DateRange(
            start: CivilDate(iso: "2024-01-01")!, end: CivilDate(iso: "2024-04-01")!,
            phrase: "in Q1 2024"))

    /// `Fixture.platformRows` as of 2024-03-31: completions on 01-20 and 01-25 (January), 02-09
    /// and 02-22 (February), none in March: January and February tie for the most.
    @Test(
        "a ranking of periods is charted as its whole series, first, with no enrollments chart under it"
    )
    func periodSeries() throws {
        let trends = try OrganizationTrends.run(
            AnalysisContext(
                db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
                // "Which month" names the period, as the matcher reads it (a quarter's window
                // with no period named is counted by week).
                asOf: asOf, filters: months, granularity: .month))
        let match = Match(
            kind: .organizationTrends, confidence: 1, filters: months,
            intent: Intent(
                measure: .completions, dimension: .period, ranking: Ranking(.top, count: 1)))
        let answer = try #require(
            Answer.make(trends, intent: match.intent, filters: months, asOf: asOf))
        #expect(answer.rows.map(\.subject) == ["2024-01", "2024-02"])
        let charts = try ChartBuilder(asOf: asOf).charts(
            for: trends, question: Question(id: "q", text: "Which month had the most completions?"),
            answer: answer, match: match)
        let first = try #require(charts.first)
        #expect(first.name == "answer" && first.placement == .answer)
        #expect(first.title == "Completions by month")
        #expect(
            first.table.rows.map { $0.first?.stringValue } == ["2024-01", "2024-02", "2024-03"])
        #expect(first.table.rows.map { $0.last } == [.int(2), .int(2), .int(0)])
        // The kind's lines count enrollments: behind "More charts", none under the answer.
        #expect(!charts.contains { $0.placement == .supporting })
    }

    @Test("the Change table of names compared says it is of the whole scope")
    func changeAcross() {
        let year = ComparisonWindows(
            current: range("2025-01-01", "2026-01-01"), previous: range("2024-01-01", "2025-01-01"),
            yearAgo: range("2024-01-01", "2025-01-01"))
        #expect(
            ChangeText.windows(
                Comparison(windows: year, current: [], previous: [], yearAgo: []),
                across: "all organizations")
                == "Across all organizations, not only those compared. From 2025-01-01 to 2025-12-31, against the same days a year earlier, 2024-01-01 to 2024-12-31."
        )
    }

    /// "Last quarter: 1,169 completed" was Q1 2026 as it stood on 2026-03-31 (1,732 now),
    /// unsaid on a page of enrollments.
    @Test("the Change table says the earlier windows' completions are as they stood")
    func changeAsItStood() {
        let quarter = ComparisonWindows(
            current: range("2026-04-01", "2026-07-01"), previous: range("2026-01-01", "2026-04-01"),
            yearAgo: range("2025-04-01", "2025-07-01"))
        func comparison(_ measure: String) -> Comparison {
            let row = [KeyMeasure(measure: measure, subject: nil, value: 1)]
            return Comparison(windows: quarter, current: row, previous: row, yearAgo: row)
        }
        #expect(
            ChangeText.windows(comparison("completed"))
                == "From 2026-04-01 to 2026-06-30, against 2026-01-01 to 2026-03-31 and, a year earlier, 2025-04-01 to 2025-06-30. Completions and rates of the earlier windows are as they stood on 2026-03-31 and 2025-06-30, at the same age."
        )
        // Enrollments carry their own date: counted the same either way.
        #expect(!ChangeText.windows(comparison("enrollments")).contains("as they stood"))
    }

    @Test("the digest takes no insight of the whole scope from a page comparing names")
    func noInsightAcross() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Python Basics", "SQL Fundamentals"], organizations: ["Initech", "Hooli"]),
            asOf: asOf)
        var report = GoldenPageTests.second
        report.insights = [
            .topMovers(
                Insight.TopMovers(
                    measure: "completed",
                    rise: Insight.Move(
                        subject: "SQL Fundamentals", previous: 291, current: 497, change: 206),
                    fall: nil))
        ]
        report.question = Question(
            id: "q", text: "Compare the completion rate of Initech and Hooli")
        report.match = try matcher.route(report.question)
        #expect(report.match.acrossAll == "all organizations")
        #expect(ReportSummary(report).topInsight == nil)
        report.question = Question(id: "q", text: "What is the completion rate of Initech?")
        report.match = try matcher.route(report.question)
        #expect(ReportSummary(report).topInsight == report.insights.first)
    }
}
