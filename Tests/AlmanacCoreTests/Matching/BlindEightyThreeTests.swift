import Testing

@testable import AlmanacCore

/// Blind test 83's misreadings. Growth: "Which organization had the biggest increase in
/// enrollments from Q1 to Q2 2026?" ranked H1 2026 against H2 2025 (Acme & Sons +126, where
/// it fell 1,105 → 885 from Q1 to Q2). A ranking of growth from one window to the next is the
/// later window, set against the period before it: the earlier. Windows by hand, end
/// exclusive.
@Suite struct BlindEightyThreeTests {
    func route(_ text: String) throws -> Match {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        return try matcher.route(Question(id: "q", text: text))
    }

    @Test(
        "growth from one window to the next is the later's, against the earlier",
        arguments: [
            (
                "Which organization had the biggest increase in enrollments from Q1 to Q2 2026?",
                "2026-04-01", "2026-07-01"
            ),
            ("Which org grew the most between Q1 and Q2 2026?", "2026-04-01", "2026-07-01"),
            // A review: refused as compared with nothing before growth could read it.
            (
                "Which organization had the biggest increase from Q1 to Q2 2026?", "2026-04-01",
                "2026-07-01"
            ),
            ("Which organization grew the most from 2024 to 2025?", "2025-01-01", "2026-01-01"),
            // The first takes the year before when it would not come first.
            (
                "Which organization grew the most from December to January 2026?", "2026-01-01",
                "2026-02-01"
            ),
        ])
    func later(text: String, start: String, end: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .growth)
        #expect(match.versus == nil)
        #expect(match.filters.dateRange?.start?.description == start, "\(text)")
        #expect(match.filters.dateRange?.end?.description == end, "\(text)")
    }

    @Test("an earlier window that is not the period just before is refused")
    func notBefore() throws {
        let error = try #require(throws: MatchError.self) {
            try route("Which organization grew the most from 2023 to 2025?")
        }
        #expect(error.reason == .growthNotBefore(later: "2025", earlier: "2023"))
        // Just before, but 9 months against 12 (as of 2026-09-30): said so.
        let unequal = try #require(throws: MatchError.self) {
            try route("Which org grew the most from last year to this year?")
        }
        #expect(unequal.reason == .unequalWindows("this year", "last year"))
    }

    /// Blind test 83: a plural after a verb of finishing or taking was a breakdown by badge,
    /// and the total asked (2,398 learners) was never given.
    @Test(
        "what people completed or took is no breakdown by badge; 'of badges' still is",
        arguments: [
            ("How many people completed badges in 2025?", Measure.completions, nil),
            ("How many employees at Initech finished courses last quarter?", .completions, nil),
            ("How many learners dropped out of courses in 2025?", .dropouts, nil),
            ("How many staff took certifications this year?", .learners, nil),
            ("How many learners have taken courses in 2025?", .learners, nil),
            ("Top 5 completed courses in 2025", .completions, Breakdown.badge),
            // Blind test 85: 42 against 43 was a list by badge.
            ("Did Initech complete more badges this quarter than last quarter?", .completions, nil),
            ("What is the completion rate of badges in 2025?", .completionRate, Breakdown.badge),
        ] as [(String, Measure, Breakdown?)])
    func plural(text: String, measure: Measure, dimension: Breakdown?) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure, "\(text)")
        #expect(match.intent.dimension == dimension, "\(text)")
    }
}
