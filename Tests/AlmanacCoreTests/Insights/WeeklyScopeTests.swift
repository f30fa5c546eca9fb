import Testing

@testable import AlmanacCore

/// The digest lists a question's weekly facts under its text alone: "The week of … set a
/// record: 17 completions" under a learning-paths question read as the whole platform's,
/// where it counted one badge's (a blind test).
@Suite struct WeeklyScopeTests {
    /// Twelve weeks of 10 completions, then 30 in the week of 2026-09-21.
    static let weekly: WeeklySeries = {
        let first = CivilDate(year: 2026, month: 6, day: 29)!
        let counts = Array(repeating: 10, count: 12) + [30]
        return WeeklySeries(
            enrollments: [],
            completions: counts.enumerated().map { (first.adding(days: 7 * $0.offset), $0.element) }
        )
    }()

    @Test("a weekly fact of a badge and an organization names them, in words and in its JSON")
    func scoped() throws {
        let insights = InsightFinder().insights(
            kind: .completionMetrics, measures: [], comparison: nil, weekly: Self.weekly,
            scope: Filters(badge: "SQL Fundamentals", organization: "Globex Corporation"))
        let sentences = insights.map(\.sentence)
        #expect(
            sentences.contains(
                "Completions in SQL Fundamentals at Globex Corporation were unusually high in the week of 2026-09-21: 30, against a typical 10 a week over the 12 weeks before."
            ))
        #expect(
            sentences.contains {
                $0.hasPrefix(
                    "The week of 2026-09-21 set a record for SQL Fundamentals at Globex Corporation: 30 completions, the highest"
                )
            })
        for insight in insights {
            #expect(insight.json["badge"]?.stringValue == "SQL Fundamentals")
            #expect(insight.json["organization"]?.stringValue == "Globex Corporation")
        }
        #expect(insights.count == 2)
    }

    @Test("the whole platform's weekly facts read and are written as before")
    func whole() {
        let insights = InsightFinder().insights(
            kind: .completionMetrics, measures: [], comparison: nil, weekly: Self.weekly)
        #expect(
            insights.map(\.sentence).contains(
                "Completions were unusually high in the week of 2026-09-21: 30, against a typical 10 a week over the 12 weeks before."
            ))
        #expect(insights.allSatisfy { $0.json["badge"] == nil && $0.json["organization"] == nil })
    }

    @Test("an organization alone is where the week happened")
    func organization() {
        let insights = InsightFinder().insights(
            kind: .organizationTrends, measures: [], comparison: nil, weekly: Self.weekly,
            scope: Filters(organization: "Initech"))
        #expect(
            insights.map(\.sentence).contains {
                $0.hasPrefix("The week of 2026-09-21 set a record at Initech: 30 completions")
            })
    }
}
