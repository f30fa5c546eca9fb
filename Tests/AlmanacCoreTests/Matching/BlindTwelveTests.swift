import Testing

@testable import AlmanacCore

/// Blind tests twelve and fourteen (2026-12-06): a database of names that are everyday
/// words, names inside names and names with punctuation, and the Open University's data
/// (modules, regions, presentation codes). Each reading below was wrong or dropped a word.
@Suite struct BlindTwelveTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: [
                "Design", "Go", "R", "Data", "Python", "Python Basics", "Advanced Python Basics",
                "C++", "BBB", "DDD",
            ],
            organizations: [
                "Café Ltd", "O'Brien & Sons", "Zürich Labs", "Open", "R&D <Lab> \"Beta\"",
            ],
            categories: [
                "Design": "Design", "Go": "Programming", "R": "Data", "Data": "Data",
                "Python": "Programming", "Python Basics": "Programming",
            ]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func refusal(_ text: String) throws -> MatchError.Reason {
        try #require(throws: MatchError.self) { try route(text) }.reason
    }

    @Test("'R&D' is one word: not the badge R, and the organization it begins is named")
    func ampersandJoins() throws {
        guard
            case .noSuchName(_, let written, let closest) = try refusal(
                "What is the completion rate at R&D?")
        else {
            Issue.record("not refused as a name")
            return
        }
        #expect(written == "R&D")
        #expect(closest.first == "R&D <Lab> \"Beta\"")
        // A possessive still ends the name before it.
        #expect(try route("What is R's completion rate?").filters.badge == "R")
    }

    @Test(
        "a possessive on the first word of a name is refused naming the name",
        arguments: [
            ("Café's enrollments in 2026", "Café Ltd"), ("Zürich's enrollments", "Zürich Labs"),
        ])
    func possessiveLead(text: String, name: String) throws {
        guard case .noSuchName(_, _, let closest) = try refusal(text) else {
            Issue.record("not refused as a name")
            return
        }
        #expect(closest.first == name)
    }

    @Test("a name one letter short of a longer name is read as the longer one, with a note")
    func headOfLongerName() throws {
        let reading = matcher.read("How many enrollments in Python Basic?")
        #expect(reading.mentions.map(\.name) == ["Python Basics"])
        #expect(reading.corrections.map(\.name) == ["Python Basics"])
        #expect(try route("How many enrollments in Python?").filters.badge == "Python")
        #expect(
            try route("How many enrollments in Advanced Python Basic?").filters.badge
                == "Advanced Python Basics")
    }

    @Test(
        "a badge named as its category, in the plural or with 'category', is the category",
        arguments: [
            "How many enrollments in the Data category?",
            "What is the completion rate of the Data badges?",
            "Completion rate of Data courses?",
        ])
    func categoryNamedAsBadge(text: String) throws {
        guard case .category = try refusal(text) else {
            Issue.record("not a category")
            return
        }
    }

    @Test("'the Data badge' stays the badge")
    func badgeOfCategoryName() throws {
        #expect(try route("Completion rate of the Data badge?").filters.badge == "Data")
    }

    @Test(
        "an everyday word in lower case is a word; written as the name, quoted, beside a badge word or after a preposition, a name",
        arguments: [
            ("How did enrollments go in 2025?", nil),
            ("Where do Python learners go next?", "Python"),
            ("How many enrollments did Go have?", "Go"),
            ("the go badge enrollments", "Go"),
            ("What is the completion rate of data?", "Data"),
            ("What does the data say about enrollments in 2025?", nil),
        ] as [(String, String?)])
    func everydayWords(text: String, badge: String?) throws {
        #expect(try route(text).filters.badge == badge)
    }

    @Test("'open enrollments' are two statuses, not the organization Open")
    func openEnrollments() throws {
        guard case .unapplied(let part, _) = try refusal("How many open enrollments are there?")
        else {
            Issue.record("not refused")
            return
        }
        #expect(part == .twoStatuses)
        #expect(try route("How many learners at open?").filters.organization == "Open")
    }

    @Test("learners of one badge who completed another are one group, refused")
    func learnersOfTwoBadges() throws {
        guard
            case .unapplied(let part, _) = try refusal(
                "How many learners from Design completed Python?")
        else {
            Issue.record("not refused")
            return
        }
        #expect(part == .intersection)
    }

    @Test(
        "a badge word between 'after'/'before' and the name keeps the learning path",
        arguments: [
            ("What do students take after module BBB?", Measure.nextBadge),
            ("What do learners take before module DDD?", .previousBadge),
        ])
    func pathWithBadgeWord(text: String, measure: Measure) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure)
        #expect(match.kind == .learningPaths)
    }

    @Test(
        "a year with letters (a term code, a decade) is refused as an unreadable time",
        arguments: ["How many students enrolled in 2014J?", "Enrollments in the 2020s"])
    func yearWithLetters(text: String) throws {
        guard case .unreadableTime = try refusal(text) else {
            Issue.record("not a time")
            return
        }
    }

    @Test(
        "who is counted, where the data has no such thing, is refused",
        arguments: [
            "How many female learners enrolled in Python Basics?",
            "How many learners with a disability dropped out?",
            "What is the dropout rate of learners who failed?",
            "How many learners passed Python Basics with distinction?",
            "How many first-time learners enrolled in 2025?",
        ])
    func absentQualifiers(text: String) throws {
        guard case .absentMeasure = try refusal(text) else {
            Issue.record("not refused")
            return
        }
    }

    @Test("'unregistered' is dropping out; 'did the X lose' counts drop-outs")
    func droppedWords() throws {
        let unregistered = try route("How many learners unregistered from BBB in 2025?")
        #expect(unregistered.intent.measure == .dropouts)
        #expect(unregistered.filters.badge == "BBB")
        let lost = try route("How many learners did the Open organization lose in 2025?")
        #expect(lost.intent.measure == .dropouts)
        #expect(lost.filters.organization == "Open")
        #expect(lost.intent.people)
    }

    @Test("'for 2025 registrations against 2024' sets the two windows side by side")
    func registrationsAgainst() throws {
        let match = try route("Completion rate for 2025 registrations against 2024")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2025-01-01"))
        #expect(match.versus?.start == CivilDate(iso: "2024-01-01"))
    }

    @Test("the start of several names is refused naming each; the longest run of words first")
    func startOfSeveralNames() throws {
        let regions = try Matcher(
            catalogue: EntityCatalogue(
                badges: [],
                organizations: [
                    "North Region", "North Western Region", "South West Region",
                    "West Midlands Region",
                ]),
            asOf: CivilDate(iso: "2015-06-30")!)
        let north = try #require(throws: MatchError.self) {
            try regions.route(Question(id: "q", text: "Completion rate in the North"))
        }
        guard case .noSuchName(_, "North", let closest) = north.reason else {
            Issue.record("\(north.reason)")
            return
        }
        #expect(closest == ["North Region", "North Western Region"])
        let southWest = try #require(throws: MatchError.self) {
            try regions.route(
                Question(id: "q", text: "What's the completion rate in the South West?"))
        }
        guard case .unknownName(_, "South West", "South West Region") = southWest.reason else {
            Issue.record("\(southWest.reason)")
            return
        }
    }

    @Test(
        "shorthand for leaving a name out is refused, not answered for that name",
        arguments: [
            "enrollments excl. Zürich Labs", "enrollments w/o Zürich Labs",
            "enrollments ex Zürich Labs", "completion rate for non-Zürich Labs learners",
            "enrollments for everyone but Zürich Labs",
            "completion rate excluding dropouts", "enrollments beyond Python Basics",
        ])
    func shorthandExclusion(text: String) throws {
        guard case .unapplied(let part, _) = try refusal(text) else {
            Issue.record("not refused")
            return
        }
        #expect(part == .exclusion)
    }

    @Test(
        "time shorthand is written out; dates with slashes, week numbers, weekdays and hours are refused",
        arguments: [
            // As of Tuesday 2026-06-30: the last whole quarter is Q1.
            ("completions last qtr", "2026-01-01", "2026-04-01"),
            ("completions last wk", "2026-06-22", "2026-06-29"),
            ("completions last yr", "2025-01-01", "2026-01-01"),
            ("enrollments last mth", "2026-05-01", "2026-06-01"),
            ("completions l30d", "2026-06-01", "2026-07-01"),
        ] as [(String, String, String)])
    func timeShorthand(text: String, start: String, end: String) throws {
        let range = try #require(try route(text).filters.dateRange)
        #expect(range.start == CivilDate(iso: start))
        #expect(range.end == CivilDate(iso: end))
    }

    @Test(
        "a time Almanac cannot read is refused, not read as its year or dropped",
        arguments: [
            // "09/2026" is read as September 2026 since blind test 24 (BlindTwentyFourTests).
            "completions on 15.09.2026", "completions in wk 38",
            "enrollments this morning", "how many enrolled last monday",
            "completions in the last 24 hours",
        ])
    func unreadableTimes(text: String) throws {
        guard case .unreadableTime = try refusal(text) else {
            Issue.record("not refused as a time")
            return
        }
    }

    @Test("a first window without a year is in the second's: 'H1 vs H2 2025' is 2025's halves")
    func firstWindowInSecondsYear() throws {
        let match = try route("completions h1 vs h2 2025")
        let windows = [match.filters.dateRange?.start, match.versus?.start].compactMap { $0 }
        #expect(Set(windows) == [CivilDate(iso: "2025-01-01")!, CivilDate(iso: "2025-07-01")!])
    }

    @Test("'#1 course' and 'top 1 course' rank badges; 'top 3' with nothing to rank is refused")
    func rankings() throws {
        for text in ["#1 badge by enrollments", "top 1 course by enrollments"] {
            let match = try route(text)
            #expect(match.intent.dimension == .badge, "\(text)")
            #expect(match.intent.ranking?.count == 1, "\(text)")
        }
        guard case .unapplied(let part, _) = try refusal("top 3 badgs by completions") else {
            Issue.record("not refused")
            return
        }
        #expect(part == .rankingOfNothing)
    }

    @Test(
        "the time from enrollment to completion is the time to complete; the hardest badge the lowest completion rate",
        arguments: [
            ("average time from enrollment to completion", Measure.meanTimeToComplete, nil),
            ("days from start to finish for Python Basics", Measure.timeToComplete, nil),
            ("time between enrolling and completing Python Basics in 2025", .timeToComplete, nil),
            ("which course takes longest", .timeToComplete, Ranking.Order.top),
            ("which class is the hardest to finish", .completionRate, .bottom),
            ("what is the easiest course", .completionRate, .top),
        ] as [(String, Measure, Ranking.Order?)])
    func hardAndLong(text: String, measure: Measure, order: Ranking.Order?) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure)
        #expect(match.intent.ranking?.order == order)
    }

    @Test("the '#' of a name is not shorthand: 'C# Basics' is the badge, not 'C number of Basics'")
    func hashInName() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["C# Basics", "F#"], organizations: ["Initech"], categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        for (text, badge) in [
            ("How many people are enrolled in C# Basics?", "C# Basics"),
            ("How many learners completed F# in 2025?", "F#"),
        ] {
            let match = try matcher.route(Question(id: "q", text: text))
            #expect(match.filters.badge == badge, "\(text)")
        }
    }
}
