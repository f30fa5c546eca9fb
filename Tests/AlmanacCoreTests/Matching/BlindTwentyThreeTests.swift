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

    func days(_ range: DateRange?) -> [String] {
        [range?.start?.description ?? "-", range?.end?.adding(days: -1).description ?? "-"]
    }

    /// "How many enrollments from Q1 2026 were completed" gave 2,742 (the half year since
    /// Q1); the tester's SQL over Q1 alone gave 1,732.
    @Test(
        "'from' a period is that period; with 'onwards', or from a day, it is since",
        arguments: [
            ("How many enrollments from Q1 2026 were completed?", ["2026-01-01", "2026-03-31"]),
            ("Dropouts from 2025", ["2025-01-01", "2025-12-31"]),
            ("Enrollments from last month", ["2026-05-01", "2026-05-31"]),
            ("Completions from April 2026 onwards", ["2026-04-01", "2026-06-30"]),
            ("Enrollments from March 2026 on", ["2026-03-01", "2026-06-30"]),
            ("Enrollments from March 2026 onward", ["2026-03-01", "2026-06-30"]),
            ("Enrollments from 2026-03-01", ["2026-03-01", "2026-06-30"]),
            ("Enrollments from March to May 2026", ["2026-03-01", "2026-05-31"]),
        ])
    func fromAPeriod(text: String, window: [String]) throws {
        #expect(days(try route(text).filters.dateRange) == window)
    }

    /// "Completions of enrollments made in 2025" counted completions dated 2025 (5,611);
    /// 5,660 of 2025's enrollments are completed.
    @Test(
        "completions of a window's enrollments are its completed enrollments",
        arguments: [
            "completions of enrollments made in 2025",
            "How many enrollments made in 2025 that completed?",
            "completions among the enrollments of Q1 2026",
        ])
    func completionsOfEnrollments(text: String) throws {
        let intent = try route(text).intent
        #expect(intent.measure == .completions)
        #expect(intent.completedEnrollments)
    }

    @Test("completions in a window stay counted by their day")
    func completionsByDay() throws {
        #expect(try route("How many completions in 2025?").intent.completedEnrollments == false)
    }

    /// "Acme & Sons vs Initech learners this year" gave their enrollments (1,990 and 524);
    /// their learners are 682 and 186.
    @Test(
        "names set side by side with 'learners' compare learners",
        arguments: [
            ("Acme & Sons vs Hooli vs Initech learners this year", Measure.learners),
            ("learners Hooli vs Initech", Measure.learners),
            ("Python Basics vs Docker Basics learners", Measure.learners),
            ("compare Initech and Hooli", Measure.enrollments),
        ])
    func learnersSideBySide(text: String, measure: Measure) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure)
        #expect(match.intent.compared.count >= 2)
    }

    /// Ranked by the 2025 rate, two of the "3 most improved" had fallen.
    @Test(
        "a ranking by the change between two windows is refused",
        arguments: [
            "which 3 orgs improved completion rate the most in 2025 vs 2024",
            "Which organizations had the biggest increase in completion rate in Q2 vs Q1 2026?",
            "top 3 badges whose median time to complete dropped the most, 2026 vs 2025",
        ])
    func changeRanking(text: String) throws {
        #expect(try refusal(text) == .changeRanking)
    }

    @Test("a ranking by the level in one window against another is still answered")
    func levelRanking() throws {
        let match = try route("top 3 organizations by completion rate in 2025 vs 2024")
        #expect(match.intent.ranking == Ranking(.top, count: 3))
        #expect(match.versus != nil)
    }

    /// "Fastest completing org in Q1 2026" gave the platform's median (25.1 days).
    @Test(
        "a ranking word, a verb in -ing and an organization word rank organizations",
        arguments: ["fastest completing org in Q1 2026", "the slowest finishing team"])
    func fastestCompletingOrg(text: String) throws {
        let intent = try route(text).intent
        #expect(intent.dimension == .organization)
        #expect(intent.measure == .timeToComplete)
    }

    /// "Where do most people start?" gave the number of learners (4,571).
    @Test(
        "where people start is their first badge",
        arguments: [
            "where do most people start?", "Where do learners usually start",
            "where do Initech learners start", "where do people at Hooli usually begin?",
        ])
    func whereTheyStart(text: String) throws {
        #expect(try route(text).intent.measure == .firstBadge)
    }

    /// "What do people take after Acme & Sons?" gave Acme & Sons' enrollments.
    @Test(
        "an organization where a learning path needs a badge is refused",
        arguments: [
            "what do people take after Acme & Sons?", "What did learners take before Initech",
        ])
    func organizationAsBadge(text: String) throws {
        #expect(try refusal(text) == .organizationAsBadge)
    }

    @Test("a badge's next badges at an organization are still answered")
    func nextBadgeAtOrganization() throws {
        let match = try route("what do Initech learners take after Python Basics?")
        #expect(match.intent.measure == .nextBadge)
        #expect(match.filters.organization == "Initech")
    }

    /// "Initech learners" matched no kind; the demo's 288 learners at Initech in the 12
    /// months to 2026-06-30 and 1,158 of Python Basics in 2025 were checked with SQL.
    @Test(
        "a name and 'learners', said tersely, count the name's learners",
        arguments: [
            ("Initech learners", "Initech", nil),
            ("Python Basics learners in 2025", nil, "Python Basics"),
            ("Acme & Sons learners Q1 2026 vs Q1 2025", "Acme & Sons", nil),
        ] as [(String, String?, String?)])
    func terseLearners(text: String, organization: String?, badge: String?) throws {
        let match = try route(text)
        #expect(match.intent.measure == .learners)
        #expect(match.filters.organization == organization)
        #expect(match.filters.badge == badge)
    }

    @Test(
        "new learners with no measure are refused as joining the platform, not as no kind",
        arguments: ["new learners last month", "new hires in 2025"])
    func newLearners(text: String) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .joiningPlatform = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
    }

    @Test("'Top3' and 'bottom5' are a ranking of 3 and of 5 (they matched no kind)")
    func countRunIn() throws {
        #expect(try route("Top3 badges 2025").intent.ranking == Ranking(.top, count: 3))
        #expect(
            try route("bottom5 orgs by completion rate").intent.ranking
                == Ranking(.bottom, count: 5))
    }

    /// A test on the Open University's data: "drop out rate ddd2014j" gave the platform's
    /// rate, the course code run together and in lower case.
    @Test(
        "a name of several words written as one is read as the name, said",
        arguments: [
            ("drop out rate ddd2014j", "DDD 2014J"),
            ("completion rate for statistics101 in 2025", "Statistics 101"),
        ])
    func runTogether(text: String, badge: String) throws {
        let codes = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["DDD 2014J", "DDD 2013J", "Statistics 101"],
                organizations: ["Ireland"], categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        let match = try codes.route(Question(id: "q", text: text))
        #expect(match.filters.badge == badge)
        #expect(match.corrections.map(\.name) == [badge])
    }

    @Test(
        "a word of letters and digits that names nothing is refused wherever it stands",
        arguments: ["drop out rate xyz2014j", "how many covid19 learners", "k8s completions"])
    func unknownCode(text: String) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .noSuchName = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
    }
}
