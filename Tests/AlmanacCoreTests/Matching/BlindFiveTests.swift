import Testing

@testable import AlmanacCore

/// A fifth blind test (2026-12-05) found parts of questions answered as if they were not
/// there. As of 2026-09-30, a Wednesday; windows worked out by hand, both days included.
@Suite struct BlindFiveTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Deep Learning", "Docker Basics"],
            organizations: ["Acme & Sons", "Globex Corporation", "Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    /// `first` to `last`, both included, as the matcher's half-open range.
    func days(_ first: String, _ last: String) -> (CivilDate?, CivilDate?) {
        (CivilDate(iso: first), CivilDate(iso: last)?.adding(days: 1))
    }

    @Test(
        "'year over year' and 'the previous period' set the window against another, and keep the measure",
        arguments: [
            (
                "How did Python Basics completions in Q3 2026 change year over year?",
                "completions", "2026-07-01", "2026-09-30", "2025-07-01", "2025-09-30",
                "the same period last year"
            ),
            (
                "Year over year, how did completions change for Python Basics in Q3?",
                "completions", "2026-07-01", "2026-09-30", "2025-07-01", "2025-09-30",
                "the same period last year"
            ),
            (
                "Enrollments in 2025, year-on-year", "enrollments", "2025-01-01", "2025-12-31",
                "2024-01-01", "2024-12-31", "the same period last year"
            ),
            (
                "Completion rate last month YoY", "completion_rate", "2026-08-01", "2026-08-31",
                "2025-08-01", "2025-08-31", "the same period last year"
            ),
            // The last 12 whole weeks: Monday 2026-07-06 to Sunday 2026-09-27, 84 days; the
            // 84 days before start on 2026-04-13.
            (
                "How many learners enrolled in the last 12 weeks compared with the previous period?",
                "learners", "2026-07-06", "2026-09-27", "2026-04-13", "2026-07-05",
                "the period before"
            ),
            (
                "How many enrollments last month compared with the previous month?",
                "enrollments", "2026-08-01", "2026-08-31", "2026-07-01", "2026-07-31",
                "the month before"
            ),
            (
                "Completions in Q2 2026 vs the prior quarter", "completions", "2026-04-01",
                "2026-06-30", "2026-01-01", "2026-03-31", "the quarter before"
            ),
            // The last 2 whole weeks end on Sunday 2026-09-27; the 14 days before them.
            (
                "How many enrollments in the last 2 weeks compared to the 2 weeks before?",
                "enrollments", "2026-09-14", "2026-09-27", "2026-08-31", "2026-09-13",
                "the 2 weeks before"
            ),
            // The last 3 whole months: June to August 2026; March to May before them.
            (
                "Completions in the last 3 months vs the previous three months", "completions",
                "2026-06-01", "2026-08-31", "2026-03-01", "2026-05-31", "the 3 months before"
            ),
        ])
    func windows(
        text: String, measure: String, from: String, to: String, versusFrom: String,
        versusTo: String, phrase: String
    ) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.intent.dimension == nil)
        let (start, end) = days(from, to)
        #expect(match.filters.dateRange?.start == start)
        #expect(match.filters.dateRange?.end == end)
        let (versusStart, versusEnd) = days(versusFrom, versusTo)
        #expect(match.versus?.start == versusStart)
        #expect(match.versus?.end == versusEnd)
        #expect(match.versus?.phrase == phrase)
    }

    @Test("a window set against one of another length is refused: the counts would not compare")
    func unequalWindows() throws {
        let error = try #require(throws: MatchError.self) {
            try route("Enrollments in the last 4 weeks against the previous two weeks")
        }
        #expect(error.reason == .unequalWindows("in the last 4 weeks", "the 2 weeks before"))
    }

    @Test("'year over year' with no window stays a series, as before")
    func yearOverYearSeries() throws {
        let match = try route("What year-over-year growth did enrollments see?")
        #expect(match.versus == nil)
        #expect(match.intent.measure == .growth)
        #expect(match.intent.dimension == .period)
    }

    @Test(
        "a part no analysis applies is refused, with its reason",
        arguments: [
            (
                "What is the average progress of learners in Deep Learning who are still in progress?",
                UnappliedPart.statusFilter
            ),
            (
                "Average progress of Docker Basics learners that have already finished",
                .statusFilter
            ),
            (
                "How far along are the learners who have not finished Deep Learning yet?",
                .statusFilter
            ),
            ("Top 3 badges by enrollments in each organization", .twoBreakdowns),
            ("What is the completion rate by badge for the top 3 organizations?", .twoBreakdowns),
            ("Completion rate by organization for the top 5 courses", .twoBreakdowns),
            ("The 3 most popular courses per team", .twoBreakdowns),
            ("How have completions changed since last year?", .change),
            ("Has the number of completions at Initech gone up this year?", .change),
        ])
    func refused(text: String, part: UnappliedPart) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let refused, _) = error.reason else {
            Issue.record("\(text): refused for another reason: \(error.reason)")
            return
        }
        #expect(refused == part)
    }

    @Test(
        "near misses of those refusals still route",
        arguments: [
            "Top 5 companies by course completions",
            "What is the average progress of learners who enrolled in 2025?",
            "How have enrollments at Initech changed over time?",
            "How many completions this year against last year?",
        ])
    func notRefused(text: String) {
        #expect(throws: Never.self, "\(text)") { try route(text) }
    }

    @Test("'how many learners did Globex lose' counts the learners who dropped out")
    func lose() throws {
        let match = try route("How many learners did Globex Corporation lose in 2026?")
        #expect(match.intent.measure == .dropouts)
        #expect(match.intent.people)
        #expect(match.filters.organization == "Globex Corporation")
        let (start, end) = days("2026-01-01", "2026-09-30")
        #expect(match.filters.dateRange?.start == start)
        #expect(match.filters.dateRange?.end == end)
    }

    @Test("'completed enrollments' count the window's enrollments that were completed")
    func completedEnrollments() throws {
        let enrollments = try route(
            "How many completed enrollments did Acme & Sons have in H1 2026?")
        #expect(enrollments.intent.measure == .completions)
        #expect(enrollments.intent.completedEnrollments)
        #expect(enrollments.windowColumn == "enrolled_at")
        #expect(enrollments.intentSummary.hasPrefix("completed enrollments"))
        let completions = try route("How many completions did Acme & Sons have in H1 2026?")
        #expect(!completions.intent.completedEnrollments)
        #expect(completions.windowColumn == "completed_at")
    }
}
