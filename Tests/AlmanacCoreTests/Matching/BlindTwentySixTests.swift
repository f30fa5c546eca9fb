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
    @Test("the first badge of new learners is every learner's first badge")
    func firstBadgeOfNewLearners() throws {
        let match = try route("Which badge do new learners start with?")
        #expect(match.intent.measure == .firstBadge)
    }
}
