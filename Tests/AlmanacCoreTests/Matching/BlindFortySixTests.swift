import Foundation
import Testing

@testable import AlmanacCore

/// Blind test forty-six (2026-12-07): an over-refusal pass after blind test 44's rules, which
/// found questions misread and a few refused that are answerable. The numbers in the notes
/// are the tester's SQL on the demo as of 2026-06-30.
@Suite struct BlindFortySixTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Deep Learning"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// "Reached completion in Python Basics" was its completion rate (65.96 %), "got
    /// through" and "reached the end of" every learner of it (2,565; 1,692 completed).
    @Test(
        "reaching completion, getting through or reaching the end is completing",
        arguments: [
            "How many learners reached completion in Python Basics?",
            "How many learners got through Python Basics?",
            "How many learners reached the end of Docker Basics?",
        ])
    func completing(text: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .completions, "\(text)")
        #expect(match.intent.people, "\(text)")
    }

    /// "Which badges have low uptake" listed Python Basics first; "which badge topped
    /// enrollments in 2025" every badge; "when did enrollments top out" the total (21,286).
    @Test(
        "low uptake is the bottom, topped is the top, topping out is the peak",
        arguments: [
            ("Which badge has little uptake?", Ranking(.bottom, count: 1)),
            ("Which badge topped enrollments in 2025?", Ranking(.top, count: 1)),
            ("Which badge topped the chart?", Ranking(.top, count: 1)),
            ("When did enrollments top out?", Ranking(.top, count: 1)),
            ("When did completions hit a record?", Ranking(.top, count: 1)),
        ])
    func rankings(text: String, ranking: Ranking) throws {
        #expect(try route(text).intent.ranking == ranking, "\(text)")
    }

    @Test("topping out and hitting a record are the peak period")
    func peaks() throws {
        #expect(try route("When did enrollments top out?").intent.dimension == .period)
        #expect(try route("When did completions hit a record?").intent.dimension == .period)
    }

    /// "The most popular course in each organization" gave the top organization (Acme &
    /// Sons, 3,854); "who completed the most badges" ranked badges; "did enrollments double"
    /// gave the two years' total (15,603); "nearly the most" the first; "made progress" the
    /// average progress.
    @Test(
        "each of these is refused for the part the answer left out",
        arguments: [
            ("What is the most popular course in each organization?", .twoBreakdowns),
            ("What is the top badge for each organization?", .twoBreakdowns),
            ("Who completed the most badges?", .perLearner),
            ("Did enrollments double from 2024 to 2025?", .threshold),
            ("Which badge has nearly the most enrollments?", .ordinalRank),
            ("How many learners made progress in Python Basics this year?", .threshold),
        ] as [(String, UnappliedPart)])
    func refusedParts(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    /// Refused before: they rank organizations, name the measure, or name a window.
    @Test(
        "ranking organizations, a quality with its measure, and full periods are read",
        arguments: [
            ("Who are the top performing organizations?", Measure.completionRate),
            ("Who are the top performers among organizations?", .completionRate),
            ("Who are the biggest laggards among organizations?", .completionRate),
            ("What is the most successful badge?", .completionRate),
            ("What is the most problematic badge by drop-out rate?", .dropRate),
            ("What is the least effective badge by completion rate?", .completionRate),
            ("How many enrollments in the last calendar month?", .enrollments),
            ("How many completions in the last full week?", .completions),
        ])
    func read(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure, "\(text)")
    }

    @Test("the last calendar month is last month")
    func calendarMonth() throws {
        let calendar = try route("How many enrollments in the last calendar month?")
        let plain = try route("How many enrollments last month?")
        #expect(calendar.filters.dateRange?.start == plain.filters.dateRange?.start)
        #expect(calendar.filters.dateRange?.end == plain.filters.dateRange?.end)
    }
}
