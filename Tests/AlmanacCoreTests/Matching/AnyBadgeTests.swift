import Testing

@testable import AlmanacCore

/// Blind test 86: "How many unique learners enrolled in any badge in the last 12 weeks?" gave
/// learners by badge, the 1,431 asked for only in the summary. Enrolling "in any badge" is
/// taking at least one: the total. "The highest completion rate at any organization" is still
/// a ranking of them.
@Suite struct AnyBadgeTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "learners enrolled in any badge are the total",
        arguments: [
            "How many unique learners enrolled in any badge in the last 12 weeks?",
            "How many learners in any badge in 2025?",
            "How many people enrolled in any course this year?",
        ])
    func total(text: String) throws {
        let intent = try route(text).intent
        #expect(intent.measure == .learners, "\(text)")
        #expect(intent.dimension == nil, "\(text)")
    }

    @Test("the highest rate at any organization ranks them")
    func ranking() throws {
        let intent = try route("What is the highest completion rate at any organization?").intent
        #expect(intent.measure == .completionRate)
        #expect(intent.dimension == .organization)
    }
}
