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
}
