import Foundation
import Testing

@testable import AlmanacCore

/// Blind test thirty (2026-12-06): a question tester with the binary and the user docs only,
/// about 220 questions and 125 numbers checked with the tester's own SQL on the demo as of
/// 2026-06-30. Every wrong number came from a reading that changed the question; the counts in
/// the comments are the tester's SQL.
@Suite struct BlindThirtyTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "SQL Fundamentals", "Docker Basics", "Deep Learning"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// Each window's first day and the day after its last (nil: open), worked out from the
    /// words: as of 2026-06-30, a window open to now ends on 2026-07-01. Before, "no earlier
    /// than 2026-06-20" was that day alone (35, where 298 enrolled from then), "not before"
    /// was before it (20,988), "on or before 2024-02-10" left the day out (120, not 131),
    /// "earlier than 2025" was 2025 itself (10,266, not 5,337), and "between June 2025 and
    /// now" June 2025 alone (742, not 11,706).
    @Test(
        "a date with a qualifier bounds the window on the side the words say",
        arguments: [
            ("How many enrollments no earlier than 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments not before 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments on or after 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments at or after 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments after June 20, 2026 inclusive?", "2026-06-20", "2026-07-01"),
            ("How many enrollments 2026-06-20 or later?", "2026-06-20", "2026-07-01"),
            ("How many enrollments starting 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments beginning June 20, 2026?", "2026-06-20", "2026-07-01"),
            (
                "How many enrollments between 2026-06-20 and the present?", "2026-06-20",
                "2026-07-01"
            ),
            ("Enrollments between 2026-06-20 and now", "2026-06-20", "2026-07-01"),
            ("How many enrollments from 2026-06-20 to date?", "2026-06-20", "2026-07-01"),
            ("How many enrollments between June 2025 and now?", "2025-06-01", "2026-07-01"),
            ("How many enrollments between Q1 2026 and now?", "2026-01-01", "2026-07-01"),
            ("How many enrollments in 2025 or later?", "2025-01-01", "2026-07-01"),
            ("How many enrollments later than 2026-06-20?", "2026-06-21", "2026-07-01"),
            ("How many completions later than March 2026?", "2026-04-01", "2026-07-01"),
            ("How many completions on or after March 2026?", "2026-03-01", "2026-07-01"),
            ("How many enrollments earlier than 2024-02-10?", nil, "2024-02-10"),
            ("How many enrollments earlier than 2025?", nil, "2025-01-01"),
            ("How many enrollments up to and including 2024-02-10?", nil, "2024-02-11"),
            ("How many enrollments no later than 2024-02-10?", nil, "2024-02-11"),
            ("How many enrollments on or before 2024-02-10?", nil, "2024-02-11"),
            ("Completion rate for enrollments up to and including Q1 2025", nil, "2025-04-01"),
            ("How many enrollments in 2024 or earlier?", nil, "2025-01-01"),
            // Blind test 37: "pre-2025" was 2025 itself (10,266, not 5,337), "post-March
            // 2026", "following", "subsequent to" and "beyond" March itself (992, not 2,592),
            // "ahead of 2024-02-01" that day (1, not 75), "on and after" and "in or after"
            // left the day or year out (263, not 298; 5,683, not 15,949), "preceding 2025" and
            // "starting with 2026-06-20" were learning paths.
            ("How many enrollments pre-2025?", nil, "2025-01-01"),
            ("How many enrollments post-March 2026?", "2026-04-01", "2026-07-01"),
            ("How many enrollments following March 2026?", "2026-04-01", "2026-07-01"),
            ("How many enrollments subsequent to March 2026?", "2026-04-01", "2026-07-01"),
            ("How many enrollments beyond March 2026?", "2026-04-01", "2026-07-01"),
            ("How many enrollments ahead of 2024-02-01?", nil, "2024-02-01"),
            ("How many enrollments on and after 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments on or later than 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments in or after 2025?", "2025-01-01", "2026-07-01"),
            ("How many enrollments in the run-up to 2025?", nil, "2025-01-01"),
            ("How many enrollments preceding 2025?", nil, "2025-01-01"),
            ("How many enrollments starting with 2026-06-20?", "2026-06-20", "2026-07-01"),
            ("How many enrollments before or on 2024-02-10?", nil, "2024-02-11"),
            ("How many enrollments up to but not including 2024-02-10?", nil, "2024-02-10"),
            ("How many enrollments in the first 3 months of 2026?", "2026-01-01", "2026-04-01"),
            ("Completions in the last two quarters of 2025", "2025-07-01", "2026-01-01"),
            // The last check: a start and an end joined by "and" were two windows (52.37 % of
            // 2,822 enrollments, and 4,277 completions, by SQL).
            (
                "Completion rate for enrollments made no earlier than 1 March 2026 and no later than 31 May 2026",
                "2026-03-01", "2026-06-01"
            ),
            ("Enrollments since March 2026 and before June 2026", "2026-03-01", "2026-06-01"),
            ("Completions after Q1 2025 and before Q1 2026", "2025-04-01", "2026-01-01"),
        ] as [(String, String?, String)])
    func boundedWindow(text: String, start: String?, end: String) throws {
        let range = try #require(try route(text).filters.dateRange, "\(text)")
        #expect(range.start?.description == start, "\(text)")
        #expect(range.end?.description == end, "\(text)")
    }

    @Test("words that bound a window both ways are refused, not read one way")
    func contradictoryBounds() throws {
        guard case .unreadableTime = try reason("How many enrollments after Q1 2026 or earlier?")
        else {
            Issue.record("read as a window")
            return
        }
    }

    /// "Compare enrollments this week with the same week last year" was refused as two
    /// windows; it is the week against the same weekdays 52 weeks before: Monday 2026-06-29
    /// and Tuesday 2026-06-30 against Monday 2025-06-30 and Tuesday 2025-07-01 (50 against
    /// 57; the same dates, a Sunday and a Monday, held 47). "To the same period last year"
    /// was refused as two windows too.
    @Test("this week with the same week last year is a comparison, weekday for weekday")
    func sameWeekLastYear() throws {
        let match = try route("Compare enrollments this week with the same week last year")
        #expect(match.filters.dateRange?.start?.description == "2026-06-29")
        #expect(match.versus?.start?.description == "2025-06-30")
        #expect(match.versus?.end?.description == "2025-07-02")
        let quarter = try route("Compare enrollments this quarter to the same period last year")
        #expect(quarter.versus?.start?.description == "2025-04-01")
    }

    /// "Which of our courses has grown the most since last year?" gave the platform's busiest
    /// months; "among our courses, which had the most drop-outs?" the platform's 8,285.
    @Test(
        "which of our courses, among our teams: a breakdown",
        arguments: [
            ("Among our courses, which had the most drop-outs?", Breakdown.badge),
            ("Of our teams, which has the highest completion rate?", .organization),
            ("Which of our badges has the most enrollments?", .badge),
        ])
    func whichOfOur(text: String, dimension: Breakdown) throws {
        #expect(try route(text).intent.dimension == dimension, "\(text)")
    }

    @Test("growth by badge asked as 'which of our courses' is refused")
    func growthOfOurCourses() throws {
        #expect(throws: MatchError.self) {
            try route("Which of our courses has grown the most since last year?")
        }
    }

    /// Each was answered with a part left out: the rate of all 2,565 Python Basics enrollments
    /// for "the first 100 learners" (63.0 % for those), the badge alone for a count and a
    /// badge asked together, and 1,580 completions for "up or down" (1,581 the quarter
    /// before).
    @Test(
        "the first few, two questions joined by 'and', and 'up or down' with one window are refused",
        arguments: [
            (
                "Completion rate for Python Basics for the first 100 learners",
                UnappliedPart.firstFew
            ),
            ("How many enrollments did the last 50 learners make?", .firstFew),
            (
                "How many Hooli learners dropped out in 2025 and what badge did they drop most?",
                .twoQuestions
            ),
            ("Are completions up or down this quarter?", .change),
            ("Is the Initech completion rate higher or lower this year?", .change),
            ("Is the drop-out rate rising this quarter?", .change),
            ("Are drop-outs up this month?", .change),
            (
                "How many learners enrolled in Q1 2026 and which organization had the most?",
                .twoQuestions
            ),
            (
                "How many Hooli learners completed courses last year and what did they complete most often?",
                .twoQuestions
            ),
            // Leftovers of earlier blind tests: "the longest time to complete at Hooli" was Hooli's
            // median (23.9 days), "before they left Initech" was dropped and Initech's steps given,
            // and "how long after finishing A until they start B" was refused for naming two badges
            // (its pattern could never match: no word boundary follows a masked name).
            ("What is the longest time to complete at Hooli?", UnappliedPart.percentile),
            ("What is the shortest time to complete Python Basics?", .percentile),
            ("Which badges did learners take before they left Initech?", .attribute),
            ("How many learners left the company?", .attribute),
            (
                "How long after finishing Python Basics until they start Docker Basics?",
                .timeBetweenBadges
            ),
        ])
    func refusedParts(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    /// "Give me 4" and "Show 3" after a ranking gave five; "sorted ascending" the most first.
    @Test(
        "a ranking's size or order written after it is kept",
        arguments: [
            ("Which badges have the most enrollments this year? Give me 4.", Ranking.Order.top, 4),
            ("Which organizations have the lowest average progress? Show 3", .bottom, 3),
            (
                "How many learners enrolled in each badge in Q1 2026, sorted ascending?", .bottom,
                nil
            ),
            ("Among our teams, which three have the best completion rate?", .top, 3),
            ("Badges by enrollments last quarter, list 7", .top, 7),
            ("Which teams had the most learners in 2025? Just give me the top 6", .top, 6),
            ("Which of our courses at Initech had the most learners in 2025?", .top, 1),
        ] as [(String, Ranking.Order, Int?)])
    func rankingAfter(text: String, order: Ranking.Order, count: Int?) throws {
        let ranking = try #require(try route(text).intent.ranking, "\(text)")
        #expect(ranking.order == order, "\(text)")
        #expect(ranking.count == count, "\(text)")
    }

    /// Blind test 38: "List the 5 badges with the lowest completion rate" gave the highest
    /// five (the new "list 7" rule took the order); "follow-up question: what is the
    /// completion rate…" and "what do learners take following Python Basics" were the next
    /// badges and Python Basics' own 2,565 enrollments; "higher or lower than in 2024" was
    /// refused as two windows; "the first half of the year" could not be read.
    @Test(
        "a list of the lowest keeps its order",
        arguments: [
            ("List the 5 badges with the lowest completion rate", Ranking.Order.bottom, 5),
            ("List the 3 least popular badges this quarter", .bottom, 3),
            ("Show me the 3 fastest badges to complete", .bottom, 3),
            ("List the 5 least common next badges after Python Basics", .bottom, 5),
        ] as [(String, Ranking.Order, Int)])
    func listOfTheLowest(text: String, order: Ranking.Order, count: Int) throws {
        #expect(try route(text).intent.ranking == Ranking(order, count: count), "\(text)")
    }

    @Test("a follow-up question is no next badge; taking a badge following another is")
    func followUpAndFollowing() throws {
        #expect(
            try route("Follow-up question: what's the completion rate for Deep Learning this year?")
                .intent.measure == .completionRate)
        #expect(
            try route("Follow-up: how many enrollments last month?").intent.measure == .enrollments)
        for text in [
            "What badge do learners take following Python Basics?",
            "What do learners take post Python Basics?",
            "Which badge comes following Docker Basics?",
            "What's the usual follow-up to Python Basics?",
        ] {
            let match = try route(text)
            #expect(match.intent.measure == .nextBadge, "\(text)")
            #expect(match.filters.badge != nil, "\(text)")
        }
    }

    @Test("windows set side by side with 'higher or lower than', 'up or down vs'; the year's half")
    func windowsSideBySide() throws {
        let rate = try route(
            "Was the Python Basics completion rate in 2025 higher or lower than in 2024?")
        #expect(rate.filters.dateRange?.start?.description == "2025-01-01")
        #expect(rate.versus?.start?.description == "2024-01-01")
        let month = try route("Are completions this month up or down vs last month?")
        #expect(month.versus?.start?.description == "2026-05-01")
        // Left by an earlier round: refused as two windows. 1,581 against 1,334 completions;
        // 2,772 learners against 1,731 (SQL).
        let quarters = try route("Compare Q1 2026 completions with Q1 2025")
        #expect(quarters.versus?.start?.description == "2025-01-01")
        let years = try route("Did more people enroll in 2025 or 2024?")
        #expect(years.filters.dateRange?.start?.description == "2025-01-01")
        #expect(years.versus?.start?.description == "2024-01-01")
        let half = try route("Enrollments in the first half of the year")
        #expect(half.filters.dateRange?.start?.description == "2026-01-01")
        #expect(half.filters.dateRange?.end?.description == "2026-07-01")
    }

    @Test("higher or lower than another name, 'signed up' and 'falling behind' are no change")
    func notChange() throws {
        #expect(
            try route("Is Initech's completion rate higher or lower than Hooli's?").intent
                .compared == ["Initech", "Hooli"])
        #expect(try route("How many learners signed up this month?").intent.measure == .learners)
        #expect(
            try route("Which badge did learners start first in 2026?").intent.measure == .firstBadge
        )
    }

    @Test("the first badges learners take, and the days before now, are no 'first few'")
    func notFirstFew() throws {
        #expect(try route("What are the first 3 badges learners take?").kind == .learningPaths)
        #expect(
            try route("How many enrollments in the last 100 days?").filters.dateRange?.start?
                .description == "2026-03-23")
    }

    @Test("the longest time by badge, and Initech's top badge, are rankings of one name each")
    func rankingsOfOne() throws {
        let slowest = try route("Which badge takes the longest to complete?")
        #expect(slowest.intent.dimension == .badge)
        #expect(slowest.intent.ranking == Ranking(.top, count: 1))
        // "What is Initech's top badge?" listed five.
        let top = try route("What is Initech's top badge?")
        #expect(top.intent.ranking?.count == 1)
        #expect(top.filters.organization == "Initech")
    }
}

/// "How many people start with SQL Fundamentals?" led with Python Basics (1,178 learners):
/// the badge asked comes first (491 on the demo as of 2026-06-30, by the tester's SQL).
@Test("a first-badge question about one badge leads with that badge")
func firstBadgeOfOne() {
    let rows = [("Python Basics", 1178), ("SQL Fundamentals", 491), ("Git & GitHub", 455)].map {
        Answer.Row(subject: $0.0, value: .int($0.1), support: nil)
    }
    var answer = Answer(
        Intent(measure: .firstBadge), "First badge", .init("Learners", .count), nil, rows)
    answer.anchor = "SQL Fundamentals"
    #expect(
        Lead.sentence(for: answer, filters: Filters())
            == "SQL Fundamentals was the first badge of 491 learners. The most common first badge is Python Basics (1,178 learners), then SQL Fundamentals (491 learners) and Git & GitHub (455 learners)."
    )
    // Its chart lists every first badge: no "after SQL Fundamentals" in its title.
    #expect(answer.title == "Learners by first badge, highest first")
    // A badge the list does not show is not said to have none.
    answer.anchor = "Deep Learning"
    #expect(
        Lead.sentence(for: answer, filters: Filters())?.hasPrefix("The most common first badge")
            == true)
}
