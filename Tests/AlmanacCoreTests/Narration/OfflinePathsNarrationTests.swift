import Testing

@testable import AlmanacCore

@Suite struct OfflinePathsNarrationTests {
    /// Ten learners; the most common first badge is taken first by three of them.
    static let paths = LearningPaths(
        transitions: [.init(from: "SQL", to: "Python", learners: 4, medianDays: 12.5)],
        topPaths: [.init(badges: ["SQL", "Python"], learners: 4)],
        startingBadges: [.init(badge: "SQL", learners: 3), .init(badge: "Git", learners: 2)],
        learners: 10, medianDaysToComplete: [:], filters: Filters())

    @Test("the most common first badge is not said to be where most learners start")
    func firstBadgeIsNotAMajority() {
        let text = OfflineNarrator().narrate(Self.paths)
        #expect(!text.contains("Most learners"))
        #expect(text.contains("The most common first badge is SQL (3 of the 10 learners)."))
        #expect(text.contains("The most common path is SQL → Python, taken by 4 learners."))
    }
}
