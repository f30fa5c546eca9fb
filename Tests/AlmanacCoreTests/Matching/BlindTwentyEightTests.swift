import Foundation
import Testing

@testable import AlmanacCore

/// Blind test twenty-eight (2026-12-06): questions from the leftovers of the last round and
/// from a question tester with the binary and the user docs only. Expected values come from
/// their own SQL on the demo, or are worked out by hand.
@Suite struct BlindTwentyEightTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "SQL Fundamentals"],
            organizations: ["Initech", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    /// "Which organization has the most Python Basics learners" ranked the organizations by
    /// enrollments: the word "learners" after the badge's name was dropped. (On the demo the
    /// two agree for that badge, 476 for Acme & Sons, since nobody took it twice in the
    /// window; for a badge taken again they do not.)
    @Test(
        "the most ‹name› learners ranks learners",
        arguments: [
            ("which organization has the most Python Basics learners", Breakdown.organization),
            ("which organization has the fewest SQL Fundamentals learners in 2025", .organization),
            ("which badge has the most Initech learners", .badge),
            ("which badge has the most Acme & Sons's learners", .badge),
        ])
    func mostNamedLearners(text: String, dimension: Breakdown) throws {
        let intent = try route(text).intent
        #expect(intent.measure == .learners)
        #expect(intent.dimension == dimension)
        #expect(intent.ranking?.count == 1)
    }

    @Test(
        "the most enrollments are still enrollments",
        arguments: [
            "which organization has the most Python Basics enrollments",
            "which badge had the most enrollments",
        ])
    func mostEnrollments(text: String) throws {
        #expect(try route(text).intent.measure == .enrollments)
    }
}
