import Testing

@testable import AlmanacCore

/// Blind test eighteen (2026-12-06): questions as real people type them. Each reading
/// below answered something other than what was asked: a percentile read as the median,
/// one of two measures dropped, "nobody" dropped, "still in the track" read as every learner.
@Suite struct BlindEighteenTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Deep Learning"],
            organizations: ["Initech", "Hooli"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func refusedPart(_ text: String) throws -> UnappliedPart? {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let part, _) = error.reason else { return nil }
        return part
    }

    @Test(
        "a percentile other than the median, or an extreme, is refused, not answered with the median",
        arguments: [
            "What is the p90 time to complete Python Basics?",
            "95th percentile of days to complete Docker Basics",
            "time to complete by quartile",
            "What is the maximum time to complete Deep Learning?",
        ])
    func percentiles(text: String) throws {
        #expect(try refusedPart(text) == .percentile)
    }

    @Test("'p50' and 'the 50th percentile' are the median")
    func p50() throws {
        for text in ["p50 time to complete Python Basics", "the 50th percentile time to complete"] {
            #expect(try route(text).intent.measure == .timeToComplete, "\(text)")
        }
    }

    @Test(
        "two measures joined are refused: the page answers one",
        arguments: [
            "What are the enrollments and completions for Python Basics in 2025?",
            "Completion rate and drop rate by badge",
            "What is the completion rate and median time to complete for Docker Basics?",
            "enrollments, completions and drop-outs for Hooli",
            "enrollment and completion numbers by org",
            "enrollments vs completions at Initech",
        ])
    func twoMeasures(text: String) throws {
        #expect(try refusedPart(text) == .twoMeasures)
    }

    @Test(
        "a count beside its own rate, and verbs of one measure, are one question",
        arguments: [
            (
                "How many completions and what is the completion rate at Initech?",
                Measure.completionRate
            ),
            ("How many learners enrolled and completed Python Basics in 2025?", .completions),
            ("enrollments in Python Basics and Docker Basics", .enrollments),
        ])
    func oneMeasure(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test(
        "'nobody finished' is refused as asking for the ones with none",
        arguments: ["Which courses has nobody finished?", "Is there a badge nobody enrolled in?"])
    func nobody(text: String) throws {
        #expect(try refusedPart(text) == .exclusion)
    }

    @Test(
        "'still in the track' and 'learning now' count those in progress",
        arguments: [
            "How many learners are still in the Python Basics track?",
            "How many people are learning now?",
        ])
    func stillIn(text: String) throws {
        #expect(try route(text).intent.measure == .inProgress)
    }

    /// Read as the series by their period until blind test 75's stop: with no window of
    /// their own they are now the last whole period against the one before
    /// (`PeriodOverPeriodTests`); beside a series word they are still the series.
    @Test(
        "'qoq', 'quarter-on-quarter', 'MoM' and 'WoW' beside a series word are series by their period",
        arguments: [
            ("Enrollments qoq trend", Granularity.quarter),
            ("enrollments quarter-on-quarter over time", .quarter),
            ("MoM completions this year", .month), ("enrollments wow trend", .week),
        ])
    func overPeriod(text: String, granularity: Granularity) throws {
        let match = try route(text)
        #expect(match.intent.dimension == .period)
        #expect(match.granularity == granularity)
    }

    @Test("'Wow, how many enrollments in 2025?' is one count, not a weekly series")
    func wowIsAWord() throws {
        let match = try route("Wow, how many enrollments in 2025?")
        #expect(match.intent.dimension == nil)
        #expect(match.intent.measure == .enrollments)
    }

    @Test("'earlier this year' is this year")
    func earlierThisYear() throws {
        let match = try route("How many enrollments earlier this year?")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-07-01"))
    }

    @Test(
        "'best performing org' ranks organizations by completion rate (it matched no kind)",
        arguments: [
            ("best performing org in q2", Breakdown.organization, Ranking(.top, count: 1)),
            ("top-performing teams in 2025", .organization, Ranking(.top)),
            ("worst performing course", .badge, Ranking(.bottom, count: 1)),
        ])
    func performing(text: String, dimension: Breakdown, ranking: Ranking) throws {
        let match = try route(text)
        #expect(match.intent.measure == .completionRate)
        #expect(match.intent.dimension == dimension)
        #expect(match.intent.ranking == ranking)
    }
}
