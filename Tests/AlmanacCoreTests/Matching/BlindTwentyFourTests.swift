import Testing

@testable import AlmanacCore

/// Blind test twenty-four (2026-12-06): a manager's terse questions, each number checked
/// with the tester's SQL on the demo database (as of 2026-06-30) and on PostgreSQL.
@Suite struct BlindTwentyFourTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Deep Learning"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func days(_ range: DateRange?) -> [String] {
        [range?.start?.description ?? "-", range?.end?.adding(days: -1).description ?? "-"]
    }

    /// "Initech enrollments Mar-2026" counted March to June (323; March alone is 90), "Hooli
    /// enrollments in May '25" May 2026 (24; May 2025 is 12).
    @Test(
        "a month, quarter or half with a hyphen, a slash or an apostrophe before its year",
        arguments: [
            ("Initech enrollments Mar-2026", ["2026-03-01", "2026-03-31"]),
            ("Initech enrollments Q1-2026", ["2026-01-01", "2026-03-31"]),
            ("Initech completions Jan/2026", ["2026-01-01", "2026-01-31"]),
            ("Hooli enrollments in May '25", ["2025-05-01", "2025-05-31"]),
            ("Hooli enrollments H1'26", ["2026-01-01", "2026-06-30"]),
            ("Hooli enrollments in 2026-05", ["2026-05-01", "2026-05-31"]),
            ("enrollments in 03/2026", ["2026-03-01", "2026-03-31"]),
            ("enrollments in '25", ["2025-01-01", "2025-12-31"]),
            ("enrollments from 2025-03-01 to 2025-06-30", ["2025-03-01", "2025-06-30"]),
        ])
    func writtenMonths(text: String, window: [String]) throws {
        #expect(days(try route(text).filters.dateRange) == window)
    }

    /// "Has Initech's completion rate dropped since last quarter" gave the drop-out rate.
    @Test(
        "'dropped' after a measure is its change, refused with one window",
        arguments: [
            "has Initech's completion rate dropped since last quarter",
            "Initech enrollments dropped last month?", "did Hooli completions drop last month",
        ])
    func dropAsChange(text: String) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let part, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(part == .change)
    }

    @Test(
        "'dropped' of learners is still dropping out",
        arguments: [
            "how many learners dropped Python Basics in 2025", "how many learners have dropped",
            "which badge do most people drop",
        ])
    func droppedStillDropOut(text: String) throws {
        #expect([Measure.dropouts, .dropRate].contains(try route(text).intent.measure))
    }

    /// 23 and 42 by completion day; the enrollments of the window completed are 20 and 43.
    @Test(
        "a window's enrollments that finished, with an organization or 'who signed up for'",
        arguments: [
            "how many learners started Python Basics at Initech in Q1 2026 and finished",
            "how many ppl who signed up for Docker Basics in Q1 2026 finished",
            "of the Docker Basics enrollments last qtr how many completed",
        ])
    func completedOfWindow(text: String) throws {
        let intent = try route(text).intent
        #expect(intent.completedEnrollments)
    }

    /// "Which Initech course has the worst completion rate" gave Initech's rate (46.58%);
    /// its worst badge is Deep Learning at 10.53%.
    @Test(
        "'which ‹org› course' ranks the organization's badges; 'which ‹badge› org' the reverse",
        arguments: [
            ("which Initech course has the worst completion rate last 6 months", Breakdown.badge),
            ("which Hooli course is slowest", .badge),
            ("which Python Basics org has the highest drop rate", .organization),
        ])
    func namedScopeBreakdown(text: String, dimension: Breakdown) throws {
        #expect(try route(text).intent.dimension == dimension)
    }

    @Test(
        "learners at an organization, said tersely, are its learners",
        arguments: ["learners at Hooli this year", "learners from Hooli in 2026"])
    func learnersAt(text: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .learners)
        #expect(match.filters.organization == "Hooli")
    }

    @Test("a second measure a few words on is refused")
    func measureApart() throws {
        let error = try #require(throws: MatchError.self) {
            try route("Hooli drop rate last qtr and completion rate")
        }
        guard case .unapplied(let part, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(part == .twoMeasures)
    }

    @Test("new hires beside a badge are joining the platform, refused")
    func newHiresWithBadge() throws {
        let error = try #require(throws: MatchError.self) {
            try route("Python Basics completion rate at Initech among new hires")
        }
        guard case .joiningPlatform = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
    }

    /// A test on the Open University's data: "the completion rate for each presentation"
    /// was the one overall rate.
    @Test("a breakdown by a word Almanac does not break down by is refused")
    func unknownBreakdown() throws {
        let error = try #require(throws: MatchError.self) {
            try route("What is the completion rate for each presentation?")
        }
        guard case .unsupported(_, let dimension) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(dimension == "presentation")
    }

    @Test(
        "'for each single badge', 'for each individual course' are the breakdown",
        arguments: [
            ("enrollments for each single badge", Breakdown.badge),
            ("completion rate for each individual course", .badge),
            ("enrollments for every single organization", .organization),
            ("completions per month in 2025", .period),
        ])
    func eachSingle(text: String, dimension: Breakdown) throws {
        #expect(try route(text).intent.dimension == dimension)
    }

    @Test("'registered early' is refused: early against no date the data holds")
    func registeredEarly() throws {
        let error = try #require(throws: MatchError.self) {
            try route("Completion rate at Initech for students who registered early")
        }
        guard case .unapplied(let part, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(part == .deadline)
    }

    /// Read as "2014 against in 2013", "June 2026 against in May 2026".
    @Test(
        "the window compared with is named without its own 'in'",
        arguments: [
            ("Median time to complete in 2024 vs 2025", "2024"),
            ("enrollments in June 2026 against in May 2026", "May 2026"),
        ])
    func versusPhrase(text: String, phrase: String) throws {
        #expect(try route(text).versus?.phrase == phrase)
    }

    /// "Which customers lag on completions this qtr" listed the most first; "falling behind
    /// on completion rate" was refused as a deadline.
    @Test(
        "lagging, falling behind and trailing rank from the bottom; the trailing window does not",
        arguments: [
            ("which customers lag on completions this qtr", Ranking.Order.bottom),
            ("which customers are falling behind on completion rate this year", .bottom),
            ("trailing badges by enrollments", .bottom),
        ])
    func lagging(text: String, order: Ranking.Order) throws {
        #expect(try route(text).intent.ranking?.order == order)
    }

    @Test("'the trailing 3 months' is a window, not a ranking")
    func trailingWindow() throws {
        let match = try route("enrollments by badge over the trailing 3 months")
        #expect(match.intent.ranking == nil)
        #expect(match.filters.dateRange != nil)
    }
}
