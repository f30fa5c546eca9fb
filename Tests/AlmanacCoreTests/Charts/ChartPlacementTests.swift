import Testing

@testable import AlmanacCore

/// Which charts a page shows: the answer, one chart chosen for the question, the rest behind
/// "More charts", and no chart of a single item. On the hand-worked fixture of
/// `Fixture.platformRows`: two organizations and users with none, Python Basics (4
/// enrollments, from Acme, Globex and a user with no organization) and SQL Fundamentals (3).
@Suite struct ChartPlacementTests {
    let asOf = CivilDate(iso: "2024-03-01")!

    func context(_ filters: Filters = Filters()) throws -> AnalysisContext {
        AnalysisContext(
            db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
            asOf: asOf, filters: filters)
    }

    var builder: ChartBuilder {
        ChartBuilder(
            limit: 15,
            badgeCategories: [
                "Python Basics": "Programming", "SQL Fundamentals": "Data", "Empty Badge": "Data",
            ],
            asOf: asOf)
    }

    /// The page's charts as (name, placement), in page order.
    func page(_ output: any AnalysisOutput, _ match: Match) throws -> [String] {
        let answer = Answer.make(output, intent: match.intent, filters: match.filters)
        return try builder.charts(
            for: output, question: Question(id: "q", text: "q"), answer: answer, match: match
        ).map { "\($0.name) \($0.placement.rawValue)" }
    }

    @Test("completion rate by organization: the bars, the heatmap, then sunburst and matrix")
    func completionByOrganization() throws {
        let match = Match(
            kind: .completionMetrics, confidence: 1,
            intent: Intent(measure: .completionRate, dimension: .organization))
        #expect(
            try page(try CompletionMetrics.run(try context()), match) == [
                "answer answer", "heatmap supporting", "sunburst more", "matrix more",
            ])
    }

    @Test("time to complete is supported by the badges' measures, not the heatmap of rates")
    func timeToComplete() throws {
        let match = Match(
            kind: .completionMetrics, confidence: 1,
            intent: Intent(measure: .timeToComplete, dimension: .badge))
        let charts = try page(try CompletionMetrics.run(try context()), match)
        #expect(charts.filter { $0.hasSuffix(" supporting") } == ["matrix supporting"])
        #expect(charts.contains("heatmap more"))
    }

    @Test("one badge: no heatmap of one column, no sunburst or scatter matrix of one badge")
    func oneBadge() throws {
        let filters = Filters(badge: "Python Basics")
        let match = Match(
            kind: .completionMetrics, confidence: 1, filters: filters,
            intent: Intent(measure: .completionRate))
        // The rate is spread over the 3 organizations of Python Basics' learners (Acme,
        // Globex, none): that bar chart stays, every chart of the one badge goes.
        #expect(
            try page(try CompletionMetrics.run(try context(filters)), match) == ["answer answer"])
    }

    @Test("one organization: no lines, areas or boxes of a single organization")
    func oneOrganization() throws {
        let filters = Filters(organization: "Globex")
        let result = try OrganizationTrends.run(try context(filters))
        #expect(try builder.charts(for: result, question: Question(id: "q", text: "q")).isEmpty)
    }

    @Test("badges: a named badge is supported by the radar, all badges by the status bars")
    func badges() throws {
        let all = Match(
            kind: .badgeEnrollments, confidence: 1,
            intent: Intent(measure: .enrollments, dimension: .badge))
        #expect(
            try page(try BadgeEnrollments.run(try context()), all) == [
                "answer answer", "bar supporting", "radar more", "funnel more", "bubble more",
            ])
        let filters = Filters(badge: "Python Basics")
        let one = Match(
            kind: .badgeEnrollments, confidence: 1, filters: filters,
            intent: Intent(measure: .enrollments))
        let charts = try page(try BadgeEnrollments.run(try context(filters)), one)
        #expect(charts.filter { !$0.hasSuffix(" more") }.last == "radar supporting")
        // A bar of one badge and a bubble of one badge say nothing the answer does not.
        #expect(!charts.contains { $0.hasPrefix("bar ") || $0.hasPrefix("bubble ") })
    }

    @Test("the next badge is supported by the graph of transitions, paths by the sankey")
    func paths() throws {
        let result = try LearningPaths.run(try context())
        let next = Match(
            kind: .learningPaths, confidence: 1, intent: Intent(measure: .nextBadge))
        let charts = try page(result, next)
        #expect(charts.filter { $0.hasSuffix(" supporting") } == ["network supporting"])
        #expect(charts.suffix(2) == ["sankey more", "timeline more"])
        let paths = Match(kind: .learningPaths, confidence: 1, intent: Intent(measure: .paths))
        #expect(
            try page(result, paths).filter { $0.hasSuffix(" supporting") } == ["sankey supporting"])
    }
}
