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
        #expect(
            text.contains(
                "The most common path is SQL → Python (and no third badge), taken by 4 learners."))
    }

    /// A blind test read "The most common first badge is B (1 of the 2 learners)" where A
    /// had 1 too.
    @Test("ties for the first place are all named: first badges, paths and next steps")
    func ties() {
        let tied = LearningPaths(
            transitions: [
                .init(from: "A", to: "B", learners: 2, medianDays: 3),
                .init(from: "B", to: "C", learners: 2, medianDays: 5),
            ],
            topPaths: [
                .init(badges: ["A", "B"], learners: 2), .init(badges: ["B", "C"], learners: 2),
            ],
            startingBadges: [.init(badge: "A", learners: 1), .init(badge: "B", learners: 1)],
            learners: 2, medianDaysToComplete: [:], filters: Filters())
        let text = OfflineNarrator().narrate(tied)
        #expect(
            text.contains("The most common first badges are A and B (1 of the 2 learners each)."),
            "\(text)")
        #expect(
            text.contains(
                "The most common paths are A → B (and no third badge) and B → C (and no third badge), taken by 2 learners each."
            ),
            "\(text)")
        #expect(
            text.contains(
                "The most frequent next steps are from A to B and from B to C (2 learners each)."),
            "\(text)")
    }

    /// Blind test 75: "The most common paths are SQL Fundamentals → Data Visualization and
    /// SQL Fundamentals → Data Visualization → Python Basics, taken by 18 learners each", where
    /// 168 took the step from the one to the other: the first path ends there.
    @Test("a path of two badges is said to end there")
    func twoBadgePathEnds() {
        let paths = LearningPaths(
            transitions: [.init(from: "SQL", to: "Viz", learners: 168, medianDays: 30)],
            topPaths: [
                .init(badges: ["SQL", "Viz"], learners: 18),
                .init(badges: ["SQL", "Viz", "Python"], learners: 18),
            ],
            startingBadges: [.init(badge: "SQL", learners: 200)], learners: 400,
            medianDaysToComplete: [:], filters: Filters())
        let text = OfflineNarrator().narrate(paths)
        #expect(
            text.contains(
                "The most common paths are SQL → Viz (and no third badge) and SQL → Viz → Python, taken by 18 learners each."
            ), "\(text)")
    }

    /// 21 paths tied at 1 learner; the analysis keeps 20. "… and 17 more" counted the kept
    /// ones, and the page said it could not find 17 in the data (blind test 57).
    @Test("when every kept path ties, the sentence gives no count of the others")
    func tieBeyondTheKeptPaths() throws {
        func paths(_ count: Int) -> LearningPaths {
            LearningPaths(
                transitions: [],
                topPaths: (1...count).map { .init(badges: ["P\($0)", "Q\($0)"], learners: 1) },
                startingBadges: [], learners: 40, medianDaysToComplete: [:], filters: Filters())
        }
        let full = OfflineNarrator().narrate(paths(LearningPaths.topPathLimit))
        #expect(
            full.contains(
                "The most common paths are P1 → Q1 (and no third badge), P2 → Q2 (and no third badge), P3 → Q3 (and no third badge) and others tied with them, taken by 1 learner each."
            ), "\(full)")
        // Fewer than the kept number: all of them are known, and counted.
        let some = OfflineNarrator().narrate(paths(8))
        #expect(
            some.contains(
                "The most common paths are P1 → Q1 (and no third badge), P2 → Q2 (and no third badge), P3 → Q3 (and no third badge) and 5 more, taken by 1 learner each."
            ), "\(some)")
        #expect(
            Grounding.check(full, against: paths(LearningPaths.topPathLimit).json).unverified
                .isEmpty)
    }
}
