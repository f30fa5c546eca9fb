import Testing

@testable import AlmanacCore

/// Blind test 81: "the last complete quarter" as of Wednesday 2026-09-30 was Q2, where Q3
/// ends that day and is complete. The latest whole unit is the one holding the as-of date
/// when that date is its last day, else the one before. Windows by hand, end exclusive.
@Suite struct LatestWholePeriodTests {
    func window(_ text: String, asOf: String) throws -> (String?, String?) {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: asOf)!)
        let range = try matcher.route(Question(id: "q", text: text)).filters.dateRange
        return (range?.start?.description, range?.end?.description)
    }

    @Test(
        "the latest whole week, month, quarter or year, the as-of date's own when it ends it",
        arguments: [
            // Q3 2026 ends on Wednesday 2026-09-30; on the 29th it has not.
            (
                "How many enrollments in the last complete quarter?", "2026-09-30", "2026-07-01",
                "2026-10-01"
            ),
            (
                "How many enrollments in the last complete quarter?", "2026-09-29", "2026-04-01",
                "2026-07-01"
            ),
            // Sunday 2026-09-27 ends its week (Monday 09-21); Wednesday 09-30 is in the next.
            (
                "How many completions in the last full week?", "2026-09-27", "2026-09-21",
                "2026-09-28"
            ),
            (
                "How many completions in the last full week?", "2026-09-30", "2026-09-21",
                "2026-09-28"
            ),
            (
                "Enrollments in the most recent complete month?", "2026-09-30", "2026-09-01",
                "2026-10-01"
            ),
            ("Enrollments in the previous whole month?", "2026-09-15", "2026-08-01", "2026-09-01"),
            ("Enrollments in the last full year?", "2026-12-31", "2026-01-01", "2027-01-01"),
            ("Enrollments in the last full year?", "2026-09-30", "2025-01-01", "2026-01-01"),
            // A review: "completed" here is no measure (it was completions).
            (
                "How many enrollments were there in the last completed quarter?", "2026-09-30",
                "2026-07-01", "2026-10-01"
            ),
            // "Calendar" names the unit's bounds, not its completeness: last month.
            (
                "How many enrollments in the last calendar month?", "2026-09-30", "2026-08-01",
                "2026-09-01"
            ),
        ])
    func latest(text: String, asOf: String, start: String, end: String) throws {
        let (from, until) = try window(text, asOf: asOf)
        #expect(from == start, "\(text) as of \(asOf)")
        #expect(until == end, "\(text) as of \(asOf)")
    }

    @Test("'complete' in the time is no measure")
    func measure() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        for (text, measure) in [
            ("How many enrollments were there in the last completed quarter?", Measure.enrollments),
            ("How many learners enrolled in the last complete month?", .learners),
        ] {
            #expect(try matcher.route(Question(id: "q", text: text)).intent.measure == measure)
        }
    }
}
