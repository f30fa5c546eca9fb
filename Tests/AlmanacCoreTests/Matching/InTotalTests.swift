import Testing

@testable import AlmanacCore

/// A sixtieth blind test (2026-12-07): "How many enrollments did Initech have in total?" gave
/// the 1,018 of organization trends' default 12 months, where Initech had 2,376 in all. As of
/// 2026-09-30.
@Suite struct InTotalTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a count said in total, overall or altogether is of the whole history, up to the as-of date",
        arguments: [
            "How many enrollments did Initech have in total?",
            "How many enrollments did Initech have overall?",
            "How many learners has Initech had altogether?",
            "Initech enrollments in all",
            "How many enrollments did Initech have, in all?",
        ])
    func wholeHistory(text: String) throws {
        let match = try route(text)
        #expect(match.kind == .organizationTrends)
        #expect(match.filters.organization == "Initech")
        #expect(match.filters.dateRange?.start == nil)
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-10-01"))
        #expect(match.filters.dateRange?.phrase == "all time")
    }

    @Test(
        "with no such word, with a window of its own, or for a series, the window stays",
        arguments: [
            ("How many enrollments did Initech have?", nil),
            ("How many enrollments did Initech have in 2025 in total?", "2025-01-01"),
            ("How did Initech's enrollments trend overall?", nil),
            // Every category, not the whole history (a review).
            ("How many learners did Initech have in all categories?", nil),
        ] as [(String, String?)])
    func windowKept(text: String, start: String?) throws {
        let match = try route(text)
        #expect(match.kind == .organizationTrends)
        #expect(match.filters.dateRange?.start == start.flatMap { CivilDate(iso: $0) })
        #expect(match.filters.dateRange?.phrase != "all time")
    }
}
