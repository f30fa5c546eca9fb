import Testing

@testable import AlmanacCore

/// Blind test 86: a unit of time misspelled after the word that opens its window was dropped,
/// and the whole history given. "How many enrollments last quater?" answered 24,090 where Q2
/// 2026 had 2,592; "the completion rate for Kubernetes Essentials this quater" 39.34 % where
/// Q3 2026's is 18.09 % (17 of 94). Each is now quoted as a time Almanac cannot read.
@Suite struct MisspelledTimeTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Kubernetes Essentials"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a misspelled unit after this, last, past or a number is quoted, not dropped",
        arguments: [
            ("How many enrollments last quater?", "last quater"),
            ("What is the completion rate for Kubernetes Essentials this quater?", "this quater"),
            ("How many enrollments in the last 3 monthes?", "in the last 3 monthes"),
            ("How many completions this yeer?", "this yeer"),
            ("How many enrollments in the past two weks?", "in the past two weks"),
            ("Completions in the past 6 mnths", "in the past 6 mnths"),
        ])
    func quoted(text: String, phrase: String) throws {
        #expect(try reason(text) == .unreadableTime(phrase), "\(text)")
    }

    /// Windows by hand, end exclusive: the last quarter as of 2026-09-30 is Q2 2026.
    @Test(
        "the units spelled right, and words near them, are read as before",
        arguments: [
            ("How many enrollments last quarter?", "2026-04-01", "2026-07-01"),
            ("How many learners in the last two years?", "2024-01-01", "2026-01-01"),
            ("How many enrollments in the last 30 days?", "2026-09-01", "2026-10-01"),
        ])
    func read(text: String, start: String, end: String) throws {
        let range = try #require(try route(text).filters.dateRange)
        #expect(range.start == CivilDate(iso: start)!, "\(text)")
        #expect(range.end == CivilDate(iso: end)!, "\(text)")
    }

    @Test(
        "a word after each or a number that is no unit is no time",
        arguments: [
            "How many learners took each badge?", "Top 5 badges by enrollments",
            "Enrollments per week for Initech",
            // A review: "weekly", "quarterly" and "dates" are two edits from a unit.
            "What were the last weekly enrollment numbers?",
            "How many enrollments each quarterly period?",
            "Show the past dates of enrollment for Initech",
        ])
    func noTime(text: String) throws {
        _ = try route(text)
    }
}
