import Testing

@testable import AlmanacCore

/// Blind test twenty-three (2026-12-06) and the misreadings the previous session left open.
@Suite struct BlindTwentyThreeTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Deep Learning", "Leading Teams"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func refusal(_ text: String) throws -> UnappliedPart? {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let part, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return nil
        }
        return part
    }

    /// On the demo database, 2,019 learners enrolled in the first half of 2026 and the first
    /// badge page led with them; 919 of them enrolled for the first time then.
    @Test(
        "a count of the learners whose first badge fell in a window is refused",
        arguments: [
            "How many learners had their first badge in 2026?",
            "How many people took their first course last quarter?",
            "how many users started their very first badge in Q1 2026",
            "How many learners at Initech made their first enrollment this year?",
        ])
    func firstTimers(text: String) throws {
        #expect(try refusal(text) == .firstTimers)
    }

    @Test(
        "the first badge of a named badge's learners, and the ranking of first badges, are answered",
        arguments: [
            ("How many learners took Python Basics as their first badge?", Measure.firstBadge),
            ("Which badge is the most common first badge in 2026?", Measure.firstBadge),
            ("What do people take as their first course?", Measure.firstBadge),
        ])
    func firstBadgesStillAnswered(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }
}
