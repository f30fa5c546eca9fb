import Testing

@testable import AlmanacCore

/// Blind tests sixty-eight and sixty-nine (2026-12-07): "enrolments this time last year" gave
/// the whole of 2025 (10,266; the same days of 2025 hold 7,681), "completions this month vs
/// this time last year" was refused as two windows, and "monthly enrollment trend for osaka
/// robotics in the first half of 2026" quoted the unknown name as 'osaka robotics in'. As of
/// 2026-09-30; windows worked out by hand.
@Suite struct BlindSixtyEightTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics"],
            organizations: ["Ōsaka Robotics 大阪", "Bank of America", "Hooli"], categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "'this time last year' set against a window is that window's same days a year earlier",
        arguments: [
            "How many completions this month vs this time last year?",
            "completions this month compared to this month last year",
            "completions in September 2026 against the same point last year",
        ])
    func againstThisTime(text: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-09-01"), "\(text)")
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-10-01"), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: "2025-09-01"), "\(text)")
        #expect(match.versus?.end == CivilDate(iso: "2025-10-01"), "\(text)")
    }

    @Test(
        "alone, 'this time last year' names no period: refused, quoting it",
        arguments: [
            ("How many enrolments this time last year", "this time last year"),
            ("enrolments at this point last year", "at this point last year"),
            (
                "How many completions did we have the same month last year",
                "the same month last year"
            ),
            ("Hooli completion rate at that time last year", "at that time last year"),
        ])
    func lone(text: String, phrase: String) throws {
        #expect(try reason(text) == .unreadableTime(phrase), "\(text)")
    }

    /// A review: "to" before "this month last year" is no comparison ("from January to this
    /// month last year" was read as January against January 2025).
    @Test("'from January to this month last year' is not set against anything")
    func fromToThis() throws {
        #expect(throws: MatchError.self) {
            try route("Enrollments from January to this month last year")
        }
    }

    @Test("a name's near miss does not take in the little word after it")
    func strayWord() throws {
        #expect(
            try reason(
                "What was the monthly enrollment trend for osaka robotics in the first half of 2026?"
            )
                == .unknownName(
                    kind: "organization", written: "osaka robotics", suggestion: "Ōsaka Robotics 大阪"
                ))
        // A name with such a word inside it is still found, and misspelt still corrected.
        #expect(
            try route("Bank of America enrollments in 2025").filters.organization
                == "Bank of America")
        #expect(
            try route("Bank of Amerika enrollments in 2025").filters.organization
                == "Bank of America")
    }

    @Test("'2 qtrs' is two quarters, and said so")
    func quarters() throws {
        let range = try #require(try route("completion rate in the last 2 qtrs").filters.dateRange)
        #expect(range.phrase.hasSuffix("2 quarters"), "\(range.phrase)")
        #expect(range.start == CivilDate(iso: "2026-01-01"))
        #expect(range.end == CivilDate(iso: "2026-07-01"))
    }

    @Test("'the past fortnight' is the last two weeks; 'this fortnight' is still refused")
    func fortnight() throws {
        let range = try #require(
            try route("how many ppl finished Python Basics in the past fortnight?").filters
                .dateRange)
        // The last two whole weeks, Monday to Sunday, before the as-of Wednesday.
        #expect(range.start == CivilDate(iso: "2026-09-14"))
        #expect(range.end == CivilDate(iso: "2026-09-28"))
        #expect(try reason("enrollments this fortnight") == .unreadableTime("this fortnight"))
    }

    /// An attack run: as of 2026-07-30, "this month compared with last month" counted June
    /// to the 29th (688 against 738, where June 1 to 30 holds 762), and as of 2026-03-28
    /// February to the 27th. Windows worked out by hand; the last day is included.
    @Test(
        "the month before, to the same day: the as-of date moved back a month",
        arguments: [
            ("2026-07-30", "2026-06-01", "2026-06-30"), ("2026-03-28", "2026-02-01", "2026-02-28"),
            ("2024-03-30", "2024-02-01", "2024-02-29"), ("2026-06-30", "2026-05-01", "2026-05-31"),
        ])
    func monthBefore(asOf: String, from: String, through: String) throws {
        let day = try #require(CivilDate(iso: asOf))
        let match = try Matcher(asOf: day).route(
            Question(id: "q", text: "How many enrollments this month compared with last month?"))
        let windows = try #require(ComparisonWindows.of(match, asOf: day))
        #expect(windows.previous.start == CivilDate(iso: from))
        #expect(windows.previous.end == CivilDate(iso: through)?.adding(days: 1))
        #expect(windows.previousAsOf == CivilDate(iso: through))
    }

    /// An attack run: as of Wednesday 2026-06-17, "this week vs this time last year" was set
    /// against Sunday to Tuesday of 2025 (65), "this week compared with the same week last
    /// year" against Monday to Wednesday (67).
    @Test("a week's own window set against this time last year is Monday against Monday")
    func weekThisTime() throws {
        let day = try #require(CivilDate(iso: "2026-06-17"))
        for text in [
            "How many enrollments this week vs this time last year?",
            "How many enrollments this week compared with the same week last year?",
        ] {
            let match = try Matcher(asOf: day).route(Question(id: "q", text: text))
            #expect(match.versus?.start == CivilDate(iso: "2025-06-16"), "\(text)")
            #expect(match.versus?.end == CivilDate(iso: "2025-06-19"), "\(text)")
            #expect(match.versus?.phrase == "the same week last year", "\(text)")
        }
        let fortnight = try Matcher(asOf: day).route(
            Question(id: "q", text: "enrollments in the past fortnight vs this time last year"))
        #expect(fortnight.versus?.start == CivilDate(iso: "2025-06-02"))
        #expect(fortnight.versus?.phrase == "the same weeks last year")
    }
}

/// Blind test seventy-three (2026-12-07), a head of customer success: "which customers are at
/// risk of churning" gave the drop-out rate by organization, "how many learners were active at
/// Stark Industries last month" those who enrolled then (where "active learners" is refused),
/// and "which customers have declining enrollments this year" every organization's growth.
@Suite struct BlindSeventyThreeTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Stark Industries", "Initech"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test("a risk or a forecast is data Almanac does not hold")
    func risk() throws {
        for text in [
            "Which customers are at risk of churning?", "at-risk learners at Initech",
            "What is the predicted completion rate for Python Basics?",
        ] {
            guard case .absentMeasure = try reason(text) else {
                Issue.record("\(text): \(try reason(text))")
                continue
            }
        }
        // The least likely to finish is the lowest completion rate, still.
        #expect(
            try route("Which course are people least likely to finish?").intent.measure
                == .completionRate)
    }

    @Test("learners who were active, and declining enrollments, are refused, not dropped")
    func activeAndDeclining() throws {
        #expect(
            try refusedPart("How many learners were active at Stark Industries last month?")
                == .twoStatuses)
        #expect(
            try refusedPart("which customers have declining enrollments this year?") == .threshold)
        // Growth itself is still read.
        #expect(try route("Which organizations grew the most this year?").intent.measure == .growth)
    }
}
