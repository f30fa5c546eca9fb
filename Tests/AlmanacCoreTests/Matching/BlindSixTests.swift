import Testing

@testable import AlmanacCore

/// A sixth blind test (2026-12-05, after the fifth's fixes): measures swapped for another and
/// windows compared that do not compare. As of 2026-09-30; windows worked out by hand.
@Suite struct BlindSixTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Deep Learning", "Advanced Python"],
            organizations: ["Acme & Sons", "Globex Corporation", "Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func route(_ text: String, asOf: String = "2026-09-30") throws -> Match {
        let matcher =
            asOf == "2026-09-30"
            ? matcher
            : try Matcher(
                catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
                asOf: CivilDate(iso: asOf)!)
        return try matcher.route(Question(id: "q", text: text))
    }

    @Test(
        "the measure the question names, not another",
        arguments: [
            // "Preceding" before a unit of time is the window before, not the badge before.
            ("Drop-out rate last week compared with the preceding week", "drop_rate", nil),
            // Completions over time, not enrollments over time.
            ("Completions year over year", "completions", "period"),
            ("How did completions at Initech develop over time?", "completions", "period"),
            ("Enrollments year-on-year", "growth", "period"),
            // Completed enrollments per month are the months' enrollments: the cohorts.
            ("Completed enrollments per month in 2026", "completions", "cohort"),
            ("How many people are currently taking Deep Learning?", "in_progress", nil),
            // Badges ranked over the whole platform, not a breakdown by organization.
            ("What are the most popular badges across organizations?", "enrollments", "badge"),
            ("Completion rate across organizations", "completion_rate", "organization"),
        ] as [(String, String, String?)])
    func measure(text: String, measure: String, dimension: String?) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.intent.dimension?.rawValue == dimension)
    }

    @Test(
        "growth between two windows the question sets is the count in each",
        arguments: [
            ("How did enrollments grow from Q1 2026 to Q2 2026?", "2026-04-01", "2026-01-01"),
            (
                "How much did enrollments grow in 2026 compared with 2025?", "2026-01-01",
                "2025-01-01"
            ),
            (
                "Was there a drop in enrollments last month compared to the month before?",
                "2026-08-01", "2026-07-01"
            ),
        ])
    func growthBetweenWindows(text: String, from: String, versusFrom: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .enrollments)
        #expect(match.intent.dimension == nil)
        #expect(match.kind == .badgeEnrollments)
        #expect(match.filters.dateRange?.start == CivilDate(iso: from))
        #expect(match.versus?.start == CivilDate(iso: versusFrom))
    }

    @Test(
        "a seventh blind test: the verb 'complete', 'at least one badge'",
        arguments: [
            // The verb counts completions: 443 in August 2026 on the demo, not 874 enrollments.
            ("How many badges did learners complete last month?", "completions", false),
            ("How many people complete Deep Learning?", "completions", true),
            // Who completed at least one badge are the learners who completed.
            (
                "How many learners at Globex Corporation completed at least one badge?",
                "completions", true
            ),
        ])
    func completeVerb(text: String, measure: String, people: Bool) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.intent.people == people)
        #expect(match.intent.ranking == nil)
    }

    @Test(
        "refused: the status enrolled alone, a move from one status to another, learners from one badge to another",
        arguments: [
            ("How many enrollments have status enrolled?", UnappliedPart.enrolledOnly),
            ("How many Python Basics enrollments are waiting to start?", .enrolledOnly),
            ("How many enrollments moved from in progress to completed last month?", .twoStatuses),
            ("How many learners went from Python Basics to Advanced Python?", .intersection),
        ])
    func refusedParts(text: String, part: UnappliedPart) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let refused, _) = error.reason else {
            Issue.record("\(text): \(error.reason)")
            return
        }
        #expect(refused == part)
    }

    @Test(
        "a comparison with no window of its own to set against the other is refused",
        arguments: [
            ("Enrollments at Initech compared with last year", "last year"),
            ("Completion rate vs last quarter", "last quarter"),
            (
                "How many completions did Initech have compared to the previous month?",
                "compared to the previous month"
            ),
            // Blind test 81: each was answered with the earlier window alone, as its own.
            ("How many more completions than last month?", "last month"),
            ("Did Initech enroll more people than last quarter?", "last quarter"),
            ("What is the drop-out rate, higher than last quarter?", "last quarter"),
            ("How many enrollments, up or down from last quarter?", "last quarter"),
            ("How did enrollments change from last month?", "last month"),
            ("Are completions up 5% on last month?", "last month"),
        ])
    func comparedWithNothing(text: String, other: String) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        #expect(error.reason == .comparedWithNothing(other))
    }

    @Test(
        "a review's near misses: ordinary questions keep their measure and their one window",
        arguments: [
            (
                "What's the completion rate of learners currently enrolled in Python Basics?",
                "completion_rate"
            ),
            ("How many learners enrolled and completed Python Basics in 2025?", "completions"),
            ("Give me a complete count of enrollments by organization in 2025", "enrollments"),
            ("Which organizations grew the most from 2024 to 2025?", "growth"),
            // "From" and "over" without a word of change are the window's own.
            ("How many enrollments from last month?", "enrollments"),
            ("How many enrollments did we get over last month?", "enrollments"),
            // A review: "up" of "signed up", "growth over" a window, are no comparison.
            ("How many learners signed up over the past 30 days?", "learners"),
            ("How many learners signed up on 2026-03-04?", "learners"),
            ("Which organization had the most growth over the past 6 months?", "growth"),
        ])
    func nearMisses(text: String, measure: String) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.versus == nil)
    }

    @Test("this week against last week, midweek: last week counted to the same day")
    func thisWeek() throws {
        // 2026-09-30 is a Wednesday: this week is 2026-09-28 to 09-30, last week 09-21 to 09-27.
        let match = try route("How do enrollments this week compare with last week?")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-09-28"))
        #expect(match.versus?.start == CivilDate(iso: "2026-09-21"))
        #expect(match.versus?.end == CivilDate(iso: "2026-09-28"))
    }

    @Test("'when did enrollments peak' ranks the months: the one with the most")
    func whenPeak() throws {
        let match = try route("When did Python Basics enrollments peak?")
        #expect(match.intent.measure == .enrollments)
        #expect(match.intent.dimension == .period)
        #expect(match.granularity == .month)
        #expect(match.intent.ranking == Ranking(.top, count: 1))
        #expect(match.filters.badge == "Python Basics")
    }

    @Test("the change in enrollments over one window is their growth from the period before")
    func changeOfEnrollments() throws {
        let match = try route("What is the change in enrollments this quarter?")
        #expect(match.intent.measure == .growth)
        #expect(match.kind == .organizationTrends)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-07-01"))
        // Other counts changed over one window are still refused.
        let error = try #require(throws: MatchError.self) {
            try route("How have completions changed since last year?")
        }
        #expect(error.reason == .unapplied(.change, "changed"))
    }

    @Test("'who are the top organizations' ranks organizations, not learners")
    func topOrganizations() throws {
        let match = try route("Who are the top organizations for Python Basics completions?")
        #expect(match.intent.dimension == .organization)
        #expect(match.intent.ranking?.order == .top)
    }

    @Test("'from 2024 to 2025' with no word of a change is one window, both years")
    func fromToWindow() throws {
        let match = try route("How many enrollments from 2024 to 2025?")
        #expect(match.versus == nil)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2024-01-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-01-01"))
    }

    @Test(
        "the enrollments of a window that were completed, however it is said",
        arguments: [
            "Of the enrollments made in Q1 2026, how many were completed?",
            "How many of the enrollments made in Q1 2026 were completed?",
            "How many Q1 2026 enrollments have been completed?",
        ])
    func completedEnrollments(text: String) throws {
        let match = try route(text)
        #expect(match.intent.completedEnrollments)
        #expect(match.windowColumn == "enrolled_at")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-04-01"))
    }

    @Test(
        "refused with their own reason",
        arguments: [
            // Learners per period are not computed: refused, not answered with enrollments.
            (
                "How many learners year over year?",
                MatchError.Reason.unsupported(measure: "learners", dimension: "period")
            ),
            (
                "Completed enrollments per quarter in 2026",
                .unsupported(measure: "completed enrollments", dimension: "quarter")
            ),
            // Growth is already a change from the period before; a series has no one value
            // per period to set beside another window's (it counted every month against 0).
            (
                "Which organizations grew the most in 2026 compared with 2025?",
                .seriesAgainstWindow("2025")
            ),
            ("Monthly enrollments in 2026 compared with 2025", .seriesAgainstWindow("2025")),
            // A quarter against a year: counted at the same age, last year would be its
            // first quarter.
            ("Enrollments in Q3 2026 versus last year", .unequalWindows("in Q3 2026", "last year")),
            (
                "How many enrollments at Initech are in progress vs completed?",
                .unapplied(.twoStatuses, "in progress vs completed")
            ),
            (
                "Status breakdown of enrollments for Python Basics",
                .unapplied(.twoStatuses, "status breakdown")
            ),
            (
                "What is the completion rate of the top 5 badges by enrollments?",
                .unapplied(.rankedByAnother, "completion rate of the top 5 badges by enrollments")
            ),
        ])
    func refused(text: String, reason: MatchError.Reason) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        #expect(error.reason == reason)
    }

    @Test(
        "windows that compare: as long, or running to the as-of date from a whole number of the other's lengths after it",
        arguments: [
            ("Enrollments in 2026 against 2025", "2026-09-30", "2025-01-01"),
            ("Completions in Q1 2026 vs Q4 2025", "2026-09-30", "2025-10-01"),
            ("Enrollments in the last 30 days against August 2026", "2026-09-30", "2026-08-01"),
            ("Completion rate this quarter vs last quarter", "2026-08-15", "2026-04-01"),
            // A change from one window to another: the later against the earlier.
            ("How did completions change from 2024 to 2025?", "2026-09-30", "2024-01-01"),
            (
                "How did the completion rate change between Q1 2026 and Q2 2026?", "2026-09-30",
                "2026-01-01"
            ),
        ])
    func comparable(text: String, asOf: String, versusFrom: String) throws {
        let match = try route(text, asOf: asOf)
        #expect(match.versus?.start == CivilDate(iso: versusFrom))
    }
}
