import Foundation
import Testing

@testable import AlmanacCore

/// Blind test thirty-two (2026-12-06): a report author and a tester of tricky wording, with the
/// binary and the user docs only; about 300 numbers checked with their own SQL on the demo as
/// of 2026-06-30, every one right for the reading shown. The untrue answers came from parts of
/// a question read as something else or left out; the right numbers below are the testers'.
@Suite struct BlindThirtyTwoTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: [
                "Python Basics", "SQL Fundamentals", "Git & GitHub", "Docker Basics",
                "Kubernetes Essentials", "Data Visualization", "Deep Learning",
                "Machine Learning Foundations", "Advanced Python", "Python Intermediate",
            ],
            organizations: ["Initech", "Hooli", "Acme & Sons", "Globex Corporation"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// One badge's learners as a condition on another's was answered as the two badges side
    /// by side: "Python Basics learners also enrolled in Git & GitHub" gave 2,565 and 1,466
    /// (1,046 took both); "the drop-out rate for Python Basics among learners who also took
    /// SQL Fundamentals" 28.19 % and 24.95 % (27.24 % for those learners); "Deep Learning
    /// learners who had previously completed Machine Learning Foundations" 145 and 322 (143).
    @Test(
        "a badge's learners as a condition on another badge are refused",
        arguments: [
            "How many Python Basics learners also enrolled in Git & GitHub?",
            "How many Git & GitHub learners also took Docker Basics in 2025?",
            "How many learners took SQL Fundamentals as well as Data Visualization?",
            "How many Docker Basics learners are also Kubernetes Essentials learners?",
            "How many Initech learners took Python Basics in addition to Git & GitHub?",
            "What's the completion rate for Python Basics among people who also took SQL Fundamentals?",
            "What is the drop-out rate for Python Basics among learners who also took SQL Fundamentals?",
            "Completion rate of Kubernetes Essentials for learners who had taken Docker Basics",
            "How many Deep Learning learners had previously completed Machine Learning Foundations?",
            "Drop-out rate in Docker Basics for those also enrolled in Kubernetes Essentials",
            "Median time to complete Advanced Python for people who came from Python Intermediate",
            "Completion rate of Data Visualization for SQL Fundamentals learners",
        ])
    func learnersOfTwoBadges(text: String) throws {
        #expect(try refusedPart(text) == .intersection, "\(text)")
    }

    /// "Which learning paths end in Deep Learning" gave the paths from it (24 learners on the
    /// top one; 200 end there); "which badge do learners most often take last" the most
    /// enrolled badge; "the most common 4-badge paths" the 3-badge ones; "2 steps later" the
    /// next badge; "learners who started their journey with Python Basics" every learner of
    /// it (2,565, where 1,178 began with it); "the completion rate of Python Basics for
    /// learners who took it as their first badge" the first badges, with no rate.
    @Test(
        "a path by its end, length, a later step, or its learners' first badge is refused",
        arguments: [
            "Which learning paths end in Deep Learning?",
            "Which badge do learners most often take last?",
            "What are the most common 4-badge paths?",
            "3-step journeys starting from SQL Fundamentals",
            "What do learners take after Python Basics, 2 steps later?",
            "What do learners who started their journey with Python Basics take next?",
            "What is the most common path for learners whose first badge was SQL Fundamentals?",
            "What is the completion rate of Python Basics for learners who took it as their first badge?",
        ])
    func pathShape(text: String) throws {
        #expect(try refusedPart(text) == .pathShape, "\(text)")
    }

    @Test(
        "other parts the answers left out are refused for what they are",
        arguments: [
            // The next badge was given.
            (
                "What is the second badge learners usually take after SQL Fundamentals?",
                UnappliedPart.ordinalRank
            ),
            // Initech against Hooli was given.
            ("How many enrollments at Initech, not Hooli, in 2025?", .exclusion),
            // Blind test 81: both badges side by side (786 against 732, where 355 took the one
            // and not the other).
            (
                "How many learners enrolled in Python Basics rather than SQL Fundamentals?",
                .exclusion
            ),
            ("How many enrollments at Initech instead of Hooli?", .exclusion),
            // Every Docker Basics enrollment: 34.52 %.
            ("What is the drop-out rate for Docker Basics among experienced learners?", .attribute),
            (
                "What is the completion rate for Python Basics among high-progress learners?",
                .attribute
            ),
            // 28.19 % for all, where those learners' is 27.89 %.
            (
                "What is the drop-out rate for Python Basics among learners with multiple enrollments?",
                .perLearner
            ),
            // All 747 who completed.
            ("How many learners completed Python Basics quickly in 2025?", .threshold),
            // The bottom 5 by completion rate.
            (
                "Top 5 badges by enrollments among those with the lowest completion rate",
                .rankedByAnother
            ),
            // Enrollments, 549 to 524, where the learners went from 204 to 186.
            ("Growth in Initech learners this year", .growthMeasure),
            // Every completion dated in Q1 (1,581), where 1,169 of Q1's enrollments were.
            (
                "How many enrollments made in Q1 2026 were completed within Q1?",
                .enrolledAndCompleted
            ),
            // The monthly counts and 2025 against 2024 (blind test 38); no rate of growth.
            ("Monthly enrollment growth rate in 2025", .periodChange),
            ("What is the growth rate of enrollments at Initech this year?", .periodChange),
        ])
    func otherParts(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    /// "Top 5 badges by completion rate (min 50 enrollments)" gave the bottom 5 (the "min" read
    /// as the order) and dropped the threshold; "with 50+ enrollments" led with Statistics 101
    /// at 88.89 % from 9 enrollments.
    @Test(
        "a minimum, a 'N+' and a size with no line are thresholds",
        arguments: [
            ("Top 5 badges by completion rate (min 50 enrollments) in Q1 2026", "min 50"),
            ("Top 3 organizations by enrollments in 2025 (min. 10 learners)", "min. 10"),
            (
                "Top 5 badges by completion rate in 2025 with a minimum of 100 enrollments",
                "minimum of 100"
            ),
            (
                "Which badges with 50+ enrollments have the best completion rate at Hooli?",
                "50+ enrollments"
            ),
            ("Top 3 organizations by completion rate, ignoring small ones", "ignoring small ones"),
            (
                "Which badge has the highest completion rate among the big ones?",
                "among the big ones"
            ),
            (
                "What is the completion rate of Python Basics for learners at large organizations?",
                "at large organizations"
            ),
            (
                "Top 5 badges by completion rate, leaving out those with the fewest enrollments",
                "leaving out those with the fewest"
            ),
        ])
    func thresholds(text: String, phrase: String) throws {
        #expect(try reason(text) == .threshold(phrase), "\(text)")
    }

    @Test(
        "an intake of users and joiners are joining the platform; recent enrollments no window",
        arguments: [
            ("Drop-out rate at Initech for the 2025 intake of users", "2025 intake"),
            ("Python Basics completions among 2025 joiners", "joiners"),
        ])
    func joiners(text: String, phrase: String) throws {
        #expect(try reason(text) == .joiningPlatform(phrase), "\(text)")
    }

    @Test("recent enrollments are a window not said")
    func recent() throws {
        #expect(
            try reason("What is the completion rate for Python Basics among recent enrollments?")
                == .unreadableTime("recent enrollments"))
    }

    /// It led with the breakdown by organization (Acme & Sons 726, …); the total, 1,941
    /// learners, was nowhere.
    @Test("added up across all organizations is the total, not the breakdown")
    func addedUp() throws {
        for text in [
            "How many learners dropped out in 2025, added up across all organizations?",
            "Total enrollments in 2025 added up across all organizations",
            "How many completions in 2025 across all organizations combined?",
        ] {
            let match = try route(text)
            #expect(match.intent.dimension == nil, "\(text)")
            #expect(match.filters.dateRange?.start == CivilDate(iso: "2025-01-01"), "\(text)")
        }
    }

    /// The earlier quarter's average progress was labelled "as it stood on 2026-03-31", but
    /// progress carries no date: it is today's (74.63 % for Q1's enrollments, the tester's
    /// SQL), so the label must not claim the same age.
    @Test("average progress is not back-dated, so its comparison is not labelled as it stood")
    func progressNotBackDated() {
        #expect(!QuestionAnswering.countsStatus(Intent(measure: .averageProgress)))
        #expect(QuestionAnswering.countsStatus(Intent(measure: .completionRate)))
    }

    /// The over-refusal pass after these rules (484 questions): "most quickly" was refused as
    /// a threshold (and before, read as the most completions: Acme & Sons' 660 where Ōsaka
    /// Robotics finishes Python Basics fastest, 13.4 days); "last May's completion rate" was
    /// refused as a name "May's", and "May's enrollments" gave the whole history (20,028);
    /// "enrollments made in Q1 that have completed (by now)" gave the completions dated in Q1
    /// (1,581, where 1,732 of Q1's enrollments are completed); "the overall completion rate
    /// across all teams" listed the organizations.
    @Test(
        "most quickly, a period's 's, completed by now and a total across all teams are read",
        arguments: [
            ("Which badge is completed most quickly?", Measure.timeToComplete, nil as String?),
            ("Which organization finishes Python Basics most quickly?", .timeToComplete, nil),
            // As of 2026-06-30, May 2026 is over.
            ("Last May's completion rate", .completionRate, "2026-05-01"),
            (
                "How many enrollments made in Q1 2026 have completed by now?", .completions,
                "2026-01-01"
            ),
            ("Overall completion rate across all teams", .completionRate, nil),
            ("Total completions across all organizations in 2025", .completions, nil),
        ])
    func overRefusals(text: String, measure: Measure, start: String?) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure, "\(text)")
        if let start { #expect(match.filters.dateRange?.start == CivilDate(iso: start), "\(text)") }
        if text.contains("across") { #expect(match.intent.dimension == nil, "\(text)") }
        if text.contains("by now") { #expect(match.intent.completedEnrollments, "\(text)") }
        if text.contains("quickly") { #expect(match.intent.ranking?.order == .bottom, "\(text)") }
    }

    @Test(
        "more path shapes, sizes and a status left out are refused",
        arguments: [
            ("What is the most common last badge?", UnappliedPart.pathShape),
            ("Which badges do learners finish their journey with?", .pathShape),
            (
                "What is the completion rate for learners whose first badge was Python Basics?",
                .pathShape
            ),
            ("What do learners take after starting with SQL Fundamentals?", .pathShape),
            ("Which first badges lead to the highest completion rate?", .pathShape),
            ("What is the second badge learners take most often?", .ordinalRank),
            ("Completion rate at Hooli (not including drop-outs)", .exclusion),
        ])
    func morePaths(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    @Test("a badge or organization by its size is a threshold")
    func sizes() throws {
        guard case .threshold = try reason("Which large badge has the best completion rate?") else {
            Issue.record("answered")
            return
        }
        guard case .threshold = try reason("Which of our big badges has the worst drop-out rate?")
        else {
            Issue.record("answered")
            return
        }
    }

    /// The second pass (349 questions): "what was May's completion rate" gave the whole
    /// history (53.69 %, where May 2026's is 43.20 %); "MoM enrollments this year" the year's
    /// total; "how many 2025 enrollments have completed by now" the completions dated in 2025
    /// (5,611, where 5,660 of 2025's enrollments are); "this quarter's completions vs last
    /// quarter's" was refused as two windows; "last month's most popular badge" listed five.
    @Test("a period's possessive, MoM before the measure and 'have completed' are read")
    func secondPass() throws {
        let may = try route("What was May's completion rate?")
        #expect(may.filters.dateRange?.start == CivilDate(iso: "2026-05-01"))
        let monthly = try route("MoM enrollments this year")
        #expect(monthly.granularity == .month)
        #expect(monthly.intent.dimension == .period)
        let completed = try route("How many 2025 enrollments have completed by now?")
        #expect(completed.intent.completedEnrollments)
        #expect(completed.filters.dateRange?.start == CivilDate(iso: "2025-01-01"))
        let quarters = try route("This quarter's completions vs last quarter's")
        #expect(quarters.filters.dateRange?.start == CivilDate(iso: "2026-04-01"))
        #expect(quarters.versus?.start == CivilDate(iso: "2026-01-01"))
        for text in [
            "What was last month's most popular badge?", "What is 2025's top organization?",
            "Q1's most popular badge",
        ] {
            #expect(try route(text).intent.ranking == Ranking(.top, count: 1), "\(text)")
        }
        // "Wow," is still a word, not a weekly series.
        #expect(try route("Wow, how many enrollments in 2025?").intent.dimension == nil)
    }

    /// "Which badge grew the fastest this year" was refused as a change of the time to
    /// complete ("a change needs two windows"), where growth per badge is what is not computed.
    @Test("grew the fastest is growth, not the time to complete")
    func grewFastest() throws {
        let match = try route("Which organization grew the fastest this year?")
        #expect(match.intent.measure == .growth)
        #expect(match.intent.dimension == .organization)
        guard
            case .unsupported(_, let dimension) = try reason(
                "Which badge grew the fastest this year?")
        else {
            Issue.record("not refused as growth by badge")
            return
        }
        #expect(dimension == "badge")
    }

    /// Ordinary questions beside the new refusals keep their reading.
    @Test(
        "near misses are still answered",
        arguments: [
            "How many learners took Python Basics as their first badge?",
            "How many learners started with SQL Fundamentals?",
            "How many learners enrolled in Python Basics completed in 2025?",
            "How many enrollments made in 2025 were completed?",
            "What do learners take after Python Basics?",
            "Compare the completion rate of Python Basics and SQL Fundamentals",
            "How many enrollments in the last 3 months?",
            "Which badges did learners take last quarter?",
            "Which organizations had the most enrollments in 2025?",
            "What is the completion rate at Initech and Hooli?",
            "Enrollments per month in 2025",
            "Monthly drop-outs in 2025",
            "Weekly completions this quarter",
            "How many enrollments in 2025, including drop-outs?",
            "Which organization has the most learners?",
            "What's the biggest organization?",
            "Which badge do learners start with?",
        ])
    func nearMisses(text: String) throws {
        _ = try route(text)
    }
}

/// "Last May", "last Q2" and "last H1" as of a day inside them were the current, unfinished
/// period: as of 2026-05-15 "last May" counted 1 to 15 May 2026 (423), where May 2025 had 826.
@Suite struct LastPeriodTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
        asOf: CivilDate(iso: "2026-05-15")!)

    @Test(
        "last ‹period› is the latest one that is over",
        arguments: [
            ("How many enrollments last May?", "2025-05-01", "2025-06-01"),
            ("How many enrollments last Q2?", "2025-04-01", "2025-07-01"),
            ("How many enrollments last H1?", "2025-01-01", "2025-07-01"),
            // March 2026 is over by 15 May 2026.
            ("How many enrollments last March?", "2026-03-01", "2026-04-01"),
            ("How many enrollments last Q1?", "2026-01-01", "2026-04-01"),
            ("How many enrollments in the previous May?", "2025-05-01", "2025-06-01"),
            // A year written after it is that year's.
            ("How many enrollments last May 2024?", "2024-05-01", "2024-06-01"),
        ])
    func last(text: String, start: String, end: String) throws {
        let range = try #require(try route(text).filters.dateRange)
        #expect(range.start == CivilDate(iso: start), "\(text)")
        #expect(range.end == CivilDate(iso: end), "\(text)")
    }

    @Test("last April against this April is last year's against this year's, either way round")
    func lastAgainstThis() throws {
        for text in [
            "Enrollments last April vs this April", "Enrollments this April vs last April",
        ] {
            let match = try route(text)
            #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-04-01"), "\(text)")
            #expect(match.versus?.start == CivilDate(iso: "2025-04-01"), "\(text)")
        }
    }

    @Test("this December has not begun by May: refused, not last year's")
    func thisDecember() throws {
        guard case .futureWindow = try reason("Completions this December") else {
            Issue.record("answered")
            return
        }
    }
}
