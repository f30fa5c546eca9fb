import Testing

@testable import AlmanacCore

/// The matcher's phrasing table: how people ask, and where each question should go.
@Suite struct MatcherPhrasingTests {
    static let catalogue = EntityCatalogue(
        badges: [
            "Python Basics", "Python Basics II", "SQL Fundamentals", "Git & GitHub",
            "Données & Société",
        ],
        organizations: ["Acme & Sons", "Globex", "O'Reilly Learning Group"])
    let matcher = try! Matcher(catalogue: catalogue, asOf: CivilDate(iso: "2026-09-30")!)

    typealias Row = (text: String, kind: AnalysisKind?, badge: String?, organization: String?)

    static let phrasings: [Row] = [
        // badge_enrollments
        (
            "How many people are enrolled in the Python Basics badge?", .badgeEnrollments,
            "Python Basics", nil
        ),
        ("How many people are enrolled in each badge?", .badgeEnrollments, nil, nil),
        ("how many LEARNERS took the python basics badge", .badgeEnrollments, "Python Basics", nil),
        (
            "How many learners are in the Python Basics II course?", .badgeEnrollments,
            "Python Basics II", nil
        ),
        ("Enrollments per badge", .badgeEnrollments, nil, nil),
        ("Which users joined the Git & GitHub badge?", .badgeEnrollments, "Git & GitHub", nil),
        (
            "People enrolled in the Données & Société course", .badgeEnrollments,
            "Données & Société", nil
        ),
        ("How many learners from Globex took each course?", .badgeEnrollments, nil, "Globex"),
        ("Enrollment counts for every badge in 2024", .badgeEnrollments, nil, nil),
        ("How many people started a course in the last 12 weeks?", .badgeEnrollments, nil, nil),
        // organization_trends
        ("How many enrollments does each organization have?", .organizationTrends, nil, nil),
        (
            "How many users are in the Acme & Sons organization?", .organizationTrends, nil,
            "Acme & Sons"
        ),
        ("How have enrollments trended over time?", .organizationTrends, nil, nil),
        ("Show the historical enrollment numbers", .organizationTrends, nil, nil),
        ("What is the enrollment trend for Globex?", .organizationTrends, nil, "Globex"),
        ("Weekly enrollment trends", .organizationTrends, nil, nil),
        ("Enrollments by org this year", .organizationTrends, nil, nil),
        ("How many users per organization since 2025-01-01?", .organizationTrends, nil, nil),
        (
            "How did Python Basics enrollments trend over time?", .organizationTrends,
            "Python Basics", nil
        ),
        ("Users by organization last month", .organizationTrends, nil, nil),
        // completion_metrics
        ("What is the completion rate by organization?", .completionMetrics, nil, nil),
        (
            "What is the completion rate of the Python Basics badge?", .completionMetrics,
            "Python Basics", nil
        ),
        (
            "Success rate for learners at O'Reilly Learning Group", .completionMetrics, nil,
            "O'Reilly Learning Group"
        ),
        ("Completion percentage in 2024", .completionMetrics, nil, nil),
        ("Which badges have the lowest completion rate?", .completionMetrics, nil, nil),
        ("completion rates by cohort", .completionMetrics, nil, nil),
        ("What share finish? The completion rate, please", .completionMetrics, nil, nil),
        (
            "Success percentage of SQL Fundamentals at Globex", .completionMetrics,
            "SQL Fundamentals", "Globex"
        ),
        // learning_paths
        ("What are the most common learning paths?", .learningPaths, nil, nil),
        (
            "Which badge do learners take next after completing Python Basics?", .learningPaths,
            "Python Basics", nil
        ),
        ("What learning journeys do Globex learners follow?", .learningPaths, nil, "Globex"),
        ("How do learners progress through badges?", .learningPaths, nil, nil),
        ("What is the usual sequence of badges?", .learningPaths, nil, nil),
        ("What is the next badge after SQL Fundamentals?", .learningPaths, "SQL Fundamentals", nil),
        ("Show badge progression", .learningPaths, nil, nil),
        ("After finishing Git & GitHub, where do people go?", .learningPaths, "Git & GitHub", nil),
        // ambiguous: more than one kind matches, the most specific wins
        (
            "How many users completed a badge, and at what completion rate?", .completionMetrics,
            nil, nil
        ),
        ("Completion rate trend over time", .completionMetrics, nil, nil),
        (
            "How many people in each organization enrolled in a badge?", .organizationTrends, nil,
            nil
        ),
        // nothing matches
        ("What is the weather in Auckland?", nil, nil, nil),
        ("Tell me a joke", nil, nil, nil),
    ]

    @Test("routes the phrasing table", arguments: phrasings)
    func phrasing(row: Row) throws {
        let question = Question(id: "q", text: row.text)
        guard let kind = row.kind else {
            let error = #expect(throws: MatchError.self) { try matcher.route(question) }
            guard case .noMatch = error?.reason else {
                Issue.record("expected no match, got \(String(describing: error))")
                return
            }
            return
        }
        let match = try matcher.route(question)
        #expect(match.kind == kind)
        #expect(match.filters.badge == row.badge)
        #expect(match.filters.organization == row.organization)
        #expect((0...1).contains(match.confidence))
    }

    @Test("a name one edit from exactly one real name is read as it, and says so")
    func readAs() throws {
        let match = try matcher.route(
            Question(id: "q", text: "How many people are enrolled in the Pyton Basics badge?"))
        #expect(match.filters.badge == "Python Basics")
        #expect(
            match.corrections == [NameCorrection(written: "Pyton Basics", name: "Python Basics")])
        #expect(match.intentSummary.hasSuffix(" · read 'Pyton Basics' as 'Python Basics'"))
        let organization = try matcher.route(
            Question(id: "q", text: "What is the completion rate at Globx?"))
        #expect(organization.filters.organization == "Globex")
        #expect(organization.corrections == [NameCorrection(written: "Globx", name: "Globex")])
    }

    @Test("a name two edits away, or one edit from two names, asks whether you meant it")
    func didYouMean() throws {
        // "Pyhton Basics" is two edits from "Python Basics" (two letters swapped).
        let far = "How many people are enrolled in the Pyhton Basics badge?"
        #expect(
            throws: MatchError(
                questionID: "q", text: far,
                reason: .unknownName(
                    kind: "badge", written: "Pyhton Basics", suggestion: "Python Basics"))
        ) { try matcher.route(Question(id: "q", text: far)) }
        let message = MatchError(
            questionID: "q", text: "",
            reason: .unknownName(
                kind: "badge", written: "Pyton Basics", suggestion: "Python Basics")
        ).description
        #expect(message.contains("did you mean 'Python Basics'?"))
        // "Data Visualxation" against two names, each one edit away: no guess.
        let twins = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Data Visualisation", "Data Visualization"], organizations: []))
        let text = "How many people took Data Visualxation?"
        #expect(throws: MatchError.self) { try twins.route(Question(id: "q", text: text)) }
    }

    @Test("the start of a longer name is not dropped in silence: it asks for the whole name")
    func partialName() throws {
        let text = "What are the weekly enrollment trends for O'Reilly?"
        #expect(
            throws: MatchError(
                questionID: "q", text: text,
                reason: .unknownName(
                    kind: "organization", written: "O'Reilly", suggestion: "O'Reilly Learning Group"
                ))
        ) { try matcher.route(Question(id: "q", text: text)) }
        // In lower case, a word that begins names is refused too, naming them: "python
        // courses" answered for every badge dropped the word (a blind test's "docker").
        #expect(throws: MatchError.self) {
            try matcher.route(Question(id: "q", text: "How many people took python courses?"))
        }
        // As the question's first word, or a word Almanac reads itself, a word is just a word.
        #expect(
            try matcher.route(
                Question(id: "q", text: "How deep into Python Basics do learners get?")
            )
            .filters.badge == "Python Basics")
        #expect(
            try matcher.route(Question(id: "q", text: "O'Reilly Learning Group enrollment trend"))
                .filters
                .organization == "O'Reilly Learning Group")
    }

    @Test("two to five badges or organizations are compared side by side")
    func comparisons() throws {
        let badges = try matcher.route(
            Question(
                id: "q",
                text: "How many learners took the Python Basics and SQL Fundamentals badges?"))
        #expect(badges.kind == .badgeEnrollments)
        #expect(badges.intent.dimension == .badge)
        #expect(badges.intent.compared == ["Python Basics", "SQL Fundamentals"])
        #expect(badges.filters.badge == nil)
        let organizations = try matcher.route(
            Question(id: "q", text: "Completion rate at Globex vs Acme & Sons for Python Basics"))
        #expect(organizations.kind == .completionMetrics)
        #expect(organizations.intent.compared == ["Globex", "Acme & Sons"])
        #expect(organizations.filters.badge == "Python Basics")
        #expect(organizations.intentSummary.hasPrefix("completion rate, Globex vs Acme & Sons"))
    }

    @Test("several names that are not one comparison are refused")
    func severalNames() {
        // A sequence counts from one badge.
        let after = "What do learners take after Python Basics and SQL Fundamentals?"
        #expect(
            throws: MatchError(
                questionID: "q", text: after,
                reason: .severalNames(kind: "badge", names: ["Python Basics", "SQL Fundamentals"]))
        ) { try matcher.route(Question(id: "q", text: after)) }
        // Several badges and several organizations at once.
        let both = "Enrollments in Python Basics and SQL Fundamentals at Globex and Acme & Sons"
        #expect(
            throws: MatchError(
                questionID: "q", text: both,
                reason: .severalNames(kind: "badge", names: ["Python Basics", "SQL Fundamentals"]))
        ) { try matcher.route(Question(id: "q", text: both)) }
    }

    @Test("custom SQL questions carry no filters from their text")
    func customSQL() throws {
        let match = try matcher.route(
            Question(id: "q", text: "Python Basics in 2024", kind: .customSQL, sql: "SELECT 1"))
        #expect(match.filters == Filters())
    }
}

@Suite struct TimeWindowTests {
    let window = TimeWindow(asOf: CivilDate(iso: "2026-09-30")!)

    func range(_ text: String) throws -> (String?, String?) {
        let range = try window.read(text).range
        return (range?.start?.description, range?.end?.description)
    }

    @Test(
        "reads windows relative to the as-of date; ends are exclusive",
        arguments: [
            ("How many in 2024?", "2024-01-01", "2025-01-01"),
            ("Since 2024-03-01", "2024-03-01", "2026-10-01"),
            // No day after A is counted: the data does not hold it yet.
            ("in 2026", "2026-01-01", "2026-10-01"),
            ("in Q3 2026", "2026-07-01", "2026-10-01"),
            ("between 2026-08-01 and 2026-12-31", "2026-08-01", "2026-10-01"),
            // The 12 whole weeks before A's week (Monday 2026-09-28): 84 days back from it.
            ("in the last 12 weeks", "2026-07-06", "2026-09-28"),
            // Rolling: 84 days back from 2026-10-01.
            ("in the rolling 12 weeks", "2026-07-09", "2026-10-01"),
            ("over the last 12 weeks (rolling)", "2026-07-09", "2026-10-01"),
            ("trailing 3 months", "2026-07-01", "2026-10-01"),
            // Days are whole: September 1 to 30.
            ("over the past 30 days", "2026-09-01", "2026-10-01"),
            ("last 3 months", "2026-06-01", "2026-09-01"),  // June to August; September is "this"
            ("in the last two quarters", "2026-01-01", "2026-07-01"),  // Q1 and Q2; Q3 is "this"
            ("last month", "2026-08-01", "2026-09-01"),  // the calendar month before September
            ("last year", "2025-01-01", "2026-01-01"),
            ("this year", "2026-01-01", "2026-10-01"),
            ("this month", "2026-09-01", "2026-10-01"),
            ("this week", "2026-09-28", "2026-10-01"),  // 2026-09-28 is a Monday
        ])
    func windows(text: String, start: String, end: String) throws {
        let (from, to) = try range(text)
        #expect(from == start)
        #expect(to == end)
    }

    /// As of Monday 2025-03-31, the last day of a quarter; ranges with both days included,
    /// worked out by hand.
    static let lastDayOfQuarter = TimeWindow(asOf: CivilDate(iso: "2025-03-31")!)

    @Test(
        "every form, as of the last day of a quarter",
        arguments: [
            ("last quarter", "2024-10-01", "2024-12-31"),  // Q1 2025 is "this quarter", whole
            ("this quarter", "2025-01-01", "2025-03-31"),
            ("quarter to date", "2025-01-01", "2025-03-31"),
            ("last week", "2025-03-24", "2025-03-30"),  // the Monday-to-Sunday week before A's week
            ("this week", "2025-03-31", "2025-03-31"),  // A is a Monday
            ("in March", "2025-03-01", "2025-03-31"),
            ("in April", "2024-04-01", "2024-04-30"),  // the latest April that has begun
            ("in Q2", "2024-04-01", "2024-06-30"),
            ("the fourth quarter of 2024", "2024-10-01", "2024-12-31"),
            ("2024 Q3", "2024-07-01", "2024-09-30"),
            ("from November to February", "2024-11-01", "2025-02-28"),
            ("from January to June 2024", "2024-01-01", "2024-06-30"),
            // 29 February between
            ("between 2024-02-28 and 2024-03-01", "2024-02-28", "2024-03-01"),
            ("past 1 month", "2025-02-01", "2025-02-28"),  // March is this month
            ("past month", "2025-02-01", "2025-02-28"),
            ("past 2 quarters", "2024-07-01", "2024-12-31"),
            ("rolling 2 quarters", "2024-10-01", "2025-03-31"),
            ("in the last two weeks", "2025-03-17", "2025-03-30"),  // A's week starts on A
            ("in the past 14 days", "2025-03-18", "2025-03-31"),
            ("year to date", "2025-01-01", "2025-03-31"),
            ("month to date", "2025-03-01", "2025-03-31"),
            ("yesterday", "2025-03-30", "2025-03-30"),
            ("today", "2025-03-31", "2025-03-31"),
            ("on 2024-02-29", "2024-02-29", "2024-02-29"),
            ("since March 2024", "2024-03-01", "2025-03-31"),
            ("after 2024-12-31", "2025-01-01", "2025-03-31"),
            ("after Q3 2024", "2024-10-01", "2025-03-31"),
            ("before Q2 2024", nil, "2024-03-31"),
            ("until March 2024", nil, "2024-03-31"),
            ("through 2023", nil, "2023-12-31"),
            ("since 3 weeks ago", "2025-03-11", "2025-03-31"),
            // The whole history up to A.
            ("ever", nil, "2025-03-31"),
            ("of all time", nil, "2025-03-31"),
            ("the all-time trend", nil, "2025-03-31"),
            ("since the beginning", nil, "2025-03-31"),
            ("from the very start", nil, "2025-03-31"),
            ("over the whole history", nil, "2025-03-31"),
            ("the historical numbers", nil, "2025-03-31"),
            ("since the beginning of 2025", "2025-01-01", "2025-03-31"),
        ] as [(String, String?, String)])
    func everyForm(text: String, first: String?, last: String) throws {
        let range = try Self.lastDayOfQuarter.read(text).range
        #expect(range?.start?.description == first)
        #expect(range?.end?.adding(days: -1).description == last)
    }

    @Test(
        "windows that end before they start, start after the as-of date, or use words no form reads are errors",
        arguments: [
            (
                "from 2025-03-01 to 2025-01-01",
                TimeWindow.Problem.backwards("from 2025-03-01 to 2025-01-01")
            ),
            ("in 2026", .future("in 2026", asOf: CivilDate(iso: "2025-03-31")!)),
            ("in Q2 2025", .future("in Q2 2025", asOf: CivilDate(iso: "2025-03-31")!)),
            // Blind test 82: "ends before it starts", where no end was written.
            ("since 2026-01-01", .future("since 2026-01-01", asOf: CivilDate(iso: "2025-03-31")!)),
            ("since 2025-04-01", .future("since 2025-04-01", asOf: CivilDate(iso: "2025-03-31")!)),
            ("after May 2025", .future("after May 2025", asOf: CivilDate(iso: "2025-03-31")!)),
            ("during the holidays", .unreadable("during the holidays")),
            ("in fiscal 2025", .unreadable("in fiscal 2025")),
            ("3 weeks ago", .unreadable("3 weeks ago")),
            ("since the launch", .unreadable("since the launch")),
            ("next month", .unreadable("next month")),
            ("lately", .unreadable("lately")),
        ] as [(String, TimeWindow.Problem)])
    func problems(text: String, problem: TimeWindow.Problem) {
        #expect(throws: problem) { try Self.lastDayOfQuarter.read(text) }
    }

    @Test(
        "'the week before' (day, month, quarter, year, period) is the unit just before the question's window",
        arguments: [
            // As of Wednesday 2026-09-30: last week is Monday 09-21 to Sunday 09-27.
            ("last week compared to the week before", "2026-09-21", "2026-09-28", "2026-09-14"),
            ("this month vs the month before", "2026-09-01", "2026-10-01", "2026-08-01"),
            ("in Q2 2026 against the quarter before", "2026-04-01", "2026-07-01", "2026-01-01"),
            ("in 2025 compared with the year before", "2025-01-01", "2026-01-01", "2024-01-01"),
            ("yesterday against the day before", "2026-09-29", "2026-09-30", "2026-09-28"),
            // The period before is as long: 14 days back from 09-17.
            ("the past 14 days versus the period before", "2026-09-17", "2026-10-01", "2026-09-03"),
        ])
    func unitBefore(text: String, start: String, end: String, before: String) throws {
        let reading = try window.read(text)
        #expect(reading.range?.start?.description == start)
        #expect(reading.range?.end?.description == end)
        #expect(reading.versus?.start?.description == before)
        #expect(reading.versus?.end?.description == start)
    }

    @Test("'the week before' with no window of its own to go back from is an error")
    func unitBeforeAlone() {
        #expect(throws: TimeWindow.Problem.comparedWithNothing("compared to the week before")) {
            try window.read("enrollments compared to the week before")
        }
    }

    @Test("a window ends at the as-of date; the window it is compared with keeps its own end")
    func versusEndsAtTheAsOfDate() throws {
        let reading = try window.read("enrollments in 2026 against 2025")
        #expect(reading.range?.end?.description == "2026-10-01")
        #expect(reading.versus?.end?.description == "2026-01-01")
        let until = try window.read("until March 2027").range
        #expect(until?.start == nil)
        #expect(until?.end?.description == "2026-10-01")
    }

    @Test("a bare 'ever' beside a window only stresses it; 'all time' beside one is two windows")
    func everBesideAWindow() throws {
        let range = try Self.lastDayOfQuarter.read("has anyone ever completed it in 2024").range
        #expect(range?.start?.description == "2024-01-01")
        #expect(range?.end?.description == "2025-01-01")
        let historical = try Self.lastDayOfQuarter.read("historical enrollments in 2024").range
        #expect(historical?.start?.description == "2024-01-01")
        #expect(throws: TimeWindow.Problem.twoWindows("all time", "in 2024")) {
            try Self.lastDayOfQuarter.read("all-time enrollments in 2024")
        }
    }

    @Test("'ever' keeps organization trends from their default 12 months")
    func everOverridesTheDefaultWindow() throws {
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        let match = try matcher.route(
            Question(id: "q", text: "How many enrollments has each organization had ever?"))
        #expect(match.kind == .organizationTrends)
        #expect(match.filters.dateRange?.start == nil)
        #expect(match.filters.dateRange?.end?.description == "2026-10-01")
        #expect(match.filters.dateRange?.phrase == "all time")
        // "Historical" is the whole history too, not a ranking by growth.
        let historical = try matcher.route(
            Question(
                id: "q",
                text:
                    "Show the historical enrollments for the Kubernetes Essentials badge by organization"
            ))
        #expect(historical.intent.measure == .enrollments)
        #expect(historical.intent.dimension == .organization)
        #expect(historical.filters.dateRange?.start == nil)
    }

    @Test("a window with no first day is the one compared with; two such windows are refused")
    func openWindowsCompared() throws {
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        // It was read the other way round, and the comparison was dropped without a word.
        let before = try matcher.route(
            Question(id: "q", text: "Enrollments before 2025 against 2025"))
        #expect(before.filters.dateRange?.start?.description == "2025-01-01")
        #expect(before.versus?.start == nil)
        #expect(before.versus?.end?.description == "2025-01-01")
        let ever = try matcher.route(
            Question(id: "q", text: "How many enrollments ever compared with last year?"))
        #expect(ever.filters.dateRange?.start?.description == "2025-01-01")
        #expect(ever.versus?.phrase == "all time")
        #expect(throws: MatchError.self) {
            try matcher.route(
                Question(id: "q", text: "Enrollments before 2025 against before 2024"))
        }
    }

    @Test("weekly asks for week periods, not a range")
    func weekly() throws {
        #expect(try window.read("Weekly enrollment trends").range == nil)
        #expect(try window.read("How many enrollments?") == TimeWindow.Reading(range: nil))
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        #expect(
            try matcher.route(Question(id: "q", text: "Weekly enrollment trends")).granularity
                == .week)
    }

    @Test("an impossible date and two windows are errors")
    func errors() {
        #expect(throws: TimeWindow.Problem.impossibleDate("2024-02-30")) {
            try window.read("since 2024-02-30")
        }
        #expect(throws: TimeWindow.Problem.twoWindows("in 2024", "last month")) {
            try window.read("in 2024 and last month")
        }
    }
}
