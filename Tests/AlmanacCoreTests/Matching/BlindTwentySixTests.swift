import Testing

@testable import AlmanacCore

/// Blind test twenty-six (2026-12-06): what the last session's note left, and what this
/// session's testers found.
@Suite struct BlindTwentySixTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Advanced Python", "SQL Fundamentals"],
            organizations: ["Initech", "Hooli"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func reason(_ text: String) throws -> MatchError.Reason {
        try #require(throws: MatchError.self) { try route(text) }.reason
    }

    /// "What do new hires take after Python Basics" was answered with every learner's next
    /// badge: the paths cannot be narrowed to those who joined the platform lately.
    @Test(
        "new hires or new learners on a learning path are joining the platform, refused",
        arguments: [
            "What do new hires take after Python Basics?",
            "which badge do new learners take after SQL Fundamentals",
            "What learning paths do newly hired people at Initech follow?",
        ])
    func newcomersOnPaths(text: String) throws {
        guard case .joiningPlatform = try reason(text) else {
            Issue.record("refused for another reason")
            return
        }
    }

    /// Every learner's first badge is the one they took when they were new.
    @Test(
        "the first badge of new learners or newcomers is every learner's first badge",
        arguments: [
            "Which badge do new learners start with?",
            "Where do newcomers usually kick things off?",
        ])
    func firstBadgeOfNewLearners(text: String) throws {
        #expect(try route(text).intent.measure == .firstBadge)
    }

    @Test("the first badge of new hires is refused: they are a group by when they came")
    func firstBadgeOfNewHires() throws {
        guard case .joiningPlatform = try reason("What do new hires start with?") else {
            Issue.record("refused for another reason")
            return
        }
    }
}
