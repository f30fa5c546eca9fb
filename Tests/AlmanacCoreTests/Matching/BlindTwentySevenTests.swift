import Foundation
import Testing

@testable import AlmanacCore

/// Blind test twenty-seven (2026-12-06): a question tester and a fault attacker with the
/// binary and the user docs only. Expected values come from their own SQL on the demo, or
/// are worked out by hand on `Fixture.platformRows`.
@Suite struct BlindTwentySevenTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "SQL Fundamentals", "AWS Summit 2025"],
            organizations: ["Initech", "Acme & Sons", "Offsite 2024"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// A badge "AWS Summit 2025" made "How many enrollments were there in 2025?" refused as
    /// naming no badge '2025', and so every question of that year.
    @Test(
        "a year is a year, though a name ends in it",
        arguments: [
            ("How many enrollments were there in 2025?", "2025-01-01", "2026-01-01"),
            ("How many enrollments since 2025-03-01?", "2025-03-01", "2026-07-01"),
            ("completion rate in 2024", "2024-01-01", "2025-01-01"),
        ])
    func yearInAName(text: String, start: String, end: String) throws {
        let match = try route(text)
        #expect(match.filters.badge == nil && match.filters.organization == nil)
        #expect(match.filters.dateRange?.start?.description == start)
        #expect(match.filters.dateRange?.end?.description == end)
    }

    @Test("the name with the year in it is still found, with the year as its window")
    func nameWithItsYear() throws {
        let match = try route("enrollments in AWS Summit 2025 in 2025")
        #expect(match.filters.badge == "AWS Summit 2025")
        #expect(match.filters.dateRange?.start?.description == "2025-01-01")
    }

    /// "What is the median completion rate by badge" gave the badges' rates, highest first,
    /// with no median (54.65 % on the demo); "the average completion rate across
    /// organizations" gave the organizations' list.
    @Test(
        "a median or an average of rates is refused",
        arguments: [
            "what is the median completion rate by badge",
            "what is the average completion rate across organizations in 2025",
            "the mean drop-out rate across organizations",
            "the average of the completion rates of all badges",
        ])
    func statisticOfRates(text: String) throws {
        #expect(try refusedPart(text) == .statistic)
    }

    @Test(
        "the rate itself and the times to complete are still read",
        arguments: [
            ("what is the completion rate by badge", Measure.completionRate),
            ("average time to complete python basics", .meanTimeToComplete),
            ("median days to complete by badge", .timeToComplete),
        ])
    func ratesAndTimes(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    /// "What percentage of learners completed at least one badge in 2025" gave the completion
    /// rate of enrollments, 55.13 %; of the 2,772 learners with a 2025 enrollment, 2,395 have
    /// one completed: 86.40 %.
    @Test(
        "a share of learners across badges is refused",
        arguments: [
            "what percentage of learners completed at least one badge in 2025",
            "what % of users dropped out",
            "what share of our people finished a course this year",
        ])
    func shareOfLearners(text: String) throws {
        #expect(try refusedPart(text) == .shareOfLearners)
    }

    @Test("a share of a badge's learners is its completion rate, as docs/metrics.md says")
    func shareOfOneBadge() throws {
        let match = try route("What share of learners finished SQL Fundamentals in 2025?")
        #expect(match.intent.measure == .completionRate)
        #expect(match.filters.badge == "SQL Fundamentals")
    }

    /// "How many learners started Python Basics in Q1 2026 and how many finished?" answered
    /// the finishers alone (214), dropping the 318 who started.
    @Test(
        "two counts asked at once are two measures",
        arguments: [
            "How many learners started Python Basics in Q1 2026 and how many finished?",
            "how many enrolled at Initech last year, and how many dropped out",
        ])
    func twoCounts(text: String) throws {
        #expect(try refusedPart(text) == .twoMeasures)
    }

    @Test("'top 0' is refused; it was read as the whole ranking")
    func emptyRanking() throws {
        #expect(try refusedPart("top 0 badges") == .emptyRanking)
        #expect(try refusedPart("the zero most popular courses") == .emptyRanking)
        #expect(try route("top 10 badges").intent.ranking?.count == 10)
    }

    /// "How many users does Initech have" answered the learners with an enrollment in the
    /// last 12 months (288), where Initech has 464 users who joined by the as-of date.
    @Test(
        "the users an organization or the platform has are joining the platform, refused",
        arguments: [
            "how many users does initech have",
            "how many users are in Acme & Sons",
            "total number of users",
            "how many users are there?",
            "number of users in initech",
        ])
    func membership(text: String) throws {
        guard case .joiningPlatform = try reason(text) else {
            Issue.record("refused for another reason")
            return
        }
    }

    @Test(
        "users who enrolled or completed are still learners",
        arguments: [
            "how many users from initech enrolled in 2025",
            "how many users does Python Basics have",
            "how many users at initech completed a badge",
        ])
    func usersWhoLearn(text: String) throws {
        let intent = try route(text).intent
        #expect(intent.measure == .learners || intent.people)
    }

    /// "How many learners finished the SQL Fundamentals course they started in 2025?" gave the
    /// completions dated 2025 (495); 497 of 2025's enrollments are completed.
    @Test("a window after 'they started' dates the enrollments, written after the finishing")
    func finishedWhatTheyStarted() throws {
        let match = try route(
            "How many learners finished the SQL Fundamentals course they started in 2025?")
        #expect(match.intent.completedEnrollments)
        #expect(match.filters.dateRange?.start?.description == "2025-01-01")
        #expect(
            try route("how many learners completed python basics in 2025").intent
                .completedEnrollments == false)
    }
}

/// The organizations' users as of the report's date, as the index counts them: a blind test
/// found Initech with 484 users in a report dated 2026-06-30, where 464 had joined by then,
/// and the column summing to 5,000 beside the index's 4,693.
@Suite struct MembersAsOfTests {
    @Test("an organization's users are those who joined by the scope's as-of date")
    func membersAsOf() throws {
        // Fixture.platformRows: Ann and Bo (Acme & Sons), Cy (Globex), Di (none), all joined
        // 2024-01-01; Eve joins Acme & Sons on 2024-03-02, the day after the as-of date, and
        // Fay on 2024-03-01 itself.
        let rows =
            Fixture.platformRows
            + "\nINSERT INTO users VALUES (5, 'Eve', 1, '2024-03-02'), (6, 'Fay', 1, '2024-03-01T09:00:00');"
        let context = AnalysisContext(
            db: try SQLiteConnection(path: try Fixture.database(rows)),
            asOf: CivilDate(iso: "2024-03-01")!, filters: Filters())
        let result = try OrganizationTrends.run(context)
        let users = Dictionary(
            uniqueKeysWithValues: result.organizations.map { ($0.organization, $0.users) })
        #expect(users == ["Acme & Sons": 3, "Globex": 1, "(no organization)": 1])
        // The totals are the organizations' rows summed: 7 enrollments, 4 completed, in 2
        // organizations with an id (the learners with none are not one).
        #expect(result.totals.enrollments == 7)
        #expect(result.totals.completed == 4)
        #expect(result.totals.organizations == 2)
    }
}

/// "The most common learning path for Docker Basics is Docker Basics → Kubernetes Essentials
/// (69 learners)" read as if 69 took that step, where 310 did and 241 went on to a third.
@Suite struct TwoBadgePathTests {
    @Test("a path of two badges is said to end there")
    func twoBadgePath() {
        let rows = [
            ("Docker Basics → Kubernetes Essentials", 69),
            ("Docker Basics → Kubernetes Essentials → Python Basics", 29),
        ].map { Answer.Row(subject: $0.0, value: .int($0.1), support: nil) }
        let answer = Answer(
            Intent(measure: .paths, ranking: Ranking(.top)), "Path", .init("Learners", .count),
            nil, rows)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The most common learning path is Docker Basics → Kubernetes Essentials and no third badge (69 learners), then Docker Basics → Kubernetes Essentials → Python Basics (29 learners)."
        )
    }
}

/// The second tester of the session: windows compared with themselves, and parts dropped or
/// refused that the docs read.
extension BlindTwentySevenTests {
    /// "Completions in Q2 vs Q2 last year" gave Q2 2025 against itself, "level", where Q2
    /// 2026 has 1,580 against 1,382: the first window took the second's year.
    @Test(
        "a period without a year against the same period of another year is the latest begun",
        arguments: [
            ("completions in Q2 vs Q2 last year", "2026-04-01", "2025-04-01"),
            ("enrollments in march vs march last year", "2026-03-01", "2025-03-01"),
            ("enrollments Q1 vs Q1 2025", "2026-01-01", "2025-01-01"),
            ("Q2 completions vs Q2 last year", "2026-04-01", "2025-04-01"),
            ("enrollments this march vs last march", "2026-03-01", "2025-03-01"),
            // Different periods still share the year written once.
            ("enrollments in H2 vs H1 2025", "2025-07-01", "2025-01-01"),
        ])
    func samePeriodOfAnotherYear(text: String, current: String, previous: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start?.description == current)
        #expect(match.versus?.start?.description == previous)
    }

    @Test(
        "the same period against itself is refused, not answered 'level'",
        arguments: ["enrollments in Q2 vs Q2 2026", "enrollments in Q2 2025 vs Q2"])
    func samePeriodItself(text: String) throws {
        guard case .sameWindow = try reason(text) else {
            Issue.record("not refused as the same window")
            return
        }
    }

    /// "How many ppl dropped out last month and what's the completion rate" gave the drop-out
    /// rate alone.
    @Test(
        "one status counted and another's rate asked are two measures",
        arguments: [
            "how many ppl dropped out last month and what's the completion rate",
            "how many completed python basics and what is the drop-out rate",
        ])
    func countAndOtherRate(text: String) throws {
        #expect(try refusedPart(text) == .twoMeasures)
    }

    @Test("a count and the rate of the same status are one page, as before")
    func countAndItsRate() throws {
        #expect(
            try route("How many finish Python Basics, and what is the completion rate").intent
                .measure == .completionRate)
    }

    /// "What % of python basics enrollments were completed in 2025" was refused as a share of
    /// a total, where "what percentage" gave the rate (64.94 %).
    @Test("'%' of a badge's enrollments completed is the completion rate, as 'percentage' is")
    func percentSign() throws {
        let match = try route("what % of python basics enrollments were completed in 2025")
        #expect(match.intent.measure == .completionRate)
        #expect(match.filters.badge == "Python Basics")
        #expect(try refusedPart("what % of all enrollments are at Acme & Sons") == .shareOfTotal)
    }

    /// "What was the busiest month this year" was refused as matching no kind; docs/metrics.md
    /// lists "the busiest month" as a ranking of periods.
    @Test("the busiest month or week, with no measure word, is a ranking of periods")
    func busiestPeriod() throws {
        let match = try route("what was the busiest month this year")
        #expect(match.intent.dimension == .period)
        #expect(match.intent.ranking?.count == 1)
        #expect(match.granularity == .month)
    }

    /// "The avg time to complete for Initech in weeks" was answered in days, unsaid.
    @Test("a time to complete in another unit than days is refused")
    func timeUnit() throws {
        #expect(
            try refusedPart("what's the avg time to complete for initech in weeks") == .timeUnit)
        #expect(
            try route("how long does python basics take in days").intent.measure == .timeToComplete)
    }
}

/// A third tester, on over-refusal: the new refusals caught ordinary questions, and a share of
/// a badge's learners from an organization was answered with the completion rate.
extension BlindTwentySevenTests {
    @Test(
        "one scope's average rate, and an organization's people enrolled, are still read",
        arguments: [
            ("average completion rate at initech", Measure.completionRate),
            ("typical completion rate for python basics", .completionRate),
            ("how many people does Initech have enrolled this year", .learners),
        ])
    func stillRead(text: String, measure: Measure) throws {
        let intent = try route(text).intent
        #expect(intent.measure == measure || (measure == .learners && intent.people))
    }

    /// "What percentage of Python Basics learners are from Initech" gave 58.25 %, Python
    /// Basics' completion rate at Initech; Initech has 309 of its 2,565 learners, 12.05 %.
    @Test(
        "a share of a badge's learners from an organization, or of an organization's in a badge, is a share of a total",
        arguments: [
            "what percentage of python basics learners are from initech",
            "what share of python basics learners come from acme & sons",
            "what percentage of initech learners took python basics",
        ])
    func shareOfNamedLearners(text: String) throws {
        #expect(try refusedPart(text) == .shareOfTotal)
    }

    /// "Percentage of learners who finished Docker Basics" was refused as a status filter;
    /// docs/metrics.md reads "what share of learners finished …" as the rate.
    @Test(
        "the share of learners who finished a badge is its completion rate",
        arguments: [
            "percentage of learners who finished SQL Fundamentals"
        ])
    func shareWhoFinished(text: String) throws {
        #expect(try route(text).intent.measure == .completionRate)
    }

    /// The diff's review: these are each row's rate, or a badge's rate at an organization.
    @Test(
        "rates per row, or of a badge at an organization, with share or average words are read",
        arguments: [
            "What percentage of Python Basics learners at Initech completed?",
            "What % of Python Basics users from Acme & Sons dropped out in 2025?",
            "What percentage of Initech learners who took Python Basics completed it?",
            "Which badge has the highest average completion rate?",
            "Show the average completion rate for each organization",
            "What percentage of learners complete each badge?",
        ])
    func ratesStillRead(text: String) throws {
        let measure = try route(text).intent.measure
        #expect(measure == .completionRate || measure == .dropRate)
    }

    @Test("a status beside a share that is not the rate's own is still refused")
    func otherStatusBesideShare() throws {
        #expect(
            try refusedPart(
                "What percentage of learners who are still active at Initech dropped out?")
                == .statusFilter)
    }
}

/// "What's the average progress" gave the badges' list, highest first, under a reading of one
/// number. Fixture.platformRows as of 2024-03-01: progress 1.0, 1.0, 0.5, 0.25, 1.0, 0.0
/// and 1.0 over 7 enrollments: 4.75 / 7 = 0.678571… → 0.6786.
@Suite struct WholeAverageProgressTests {
    @Test("the platform's average progress is one number over every enrollment")
    func wholeAverage() throws {
        let context = try Fixture.context(Fixture.platformRows, asOf: "2024-03-01")
        let result = try BadgeEnrollments.run(context)
        let answer = Answer.badges(
            result, Intent(measure: .averageProgress), Filters())
        #expect(answer.subjectTitle == nil)
        #expect(answer.rows.map(\.value) == [.number(0.6786)])
        #expect(answer.rows.map(\.support) == [7])
        // By badge, it is still the list: Python Basics (1 + 1 + 0.5 + 0.25) / 4 = 0.6875.
        let byBadge = Answer.badges(
            result, Intent(measure: .averageProgress, dimension: .badge), Filters())
        #expect(byBadge.rows.first { $0.subject == "Python Basics" }?.value == .number(0.6875))
    }
}
