import Testing

@testable import AlmanacCore

/// A sixtieth blind test (2026-12-07): "the last 30 days vs the period before" as of
/// 2026-06-30 set June against May's 31 days (762 against 919), where metrics.md says the
/// period before a span of days is as many days back (May 2 to 31, 895). Windows worked out
/// by hand, both days included.
@Suite struct PeriodBeforeInDaysTests {
    func route(_ text: String, asOf: String) throws -> Match {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: asOf)!)
        return try matcher.route(Question(id: "q", text: text))
    }

    @Test(
        "a span of days that is a whole month is set against as many days before it",
        arguments: [
            // June's 30 days; the 30 days before June 1 begin on May 2.
            (
                "How many enrollments in the last 30 days vs the period before?", "2026-06-30",
                "2026-06-01", "2026-06-30", "2026-05-02", "2026-05-31"
            ),
            // February 2026's 28 days; the 28 days before February 1 begin on January 4.
            (
                "How many enrollments in the last 28 days vs the prior period?", "2026-02-28",
                "2026-02-01", "2026-02-28", "2026-01-04", "2026-01-31"
            ),
            // Weeks stay days back (a guard; these four do not make a whole month): Monday
            // 2026-06-01 to Sunday 2026-06-28, and the 28 days before, from 2026-05-04.
            (
                "Completions in the last 4 weeks compared with the previous period",
                "2026-06-30", "2026-06-01", "2026-06-28", "2026-05-04", "2026-05-31"
            ),
            // A month named as a month stays months back: May against April's 30 days.
            (
                "How many enrollments last month vs the period before?", "2026-06-30",
                "2026-05-01", "2026-05-31", "2026-04-01", "2026-04-30"
            ),
        ])
    func periodBefore(
        text: String, asOf: String, from: String, to: String, versusFrom: String,
        versusTo: String
    ) throws {
        let match = try route(text, asOf: asOf)
        #expect(match.filters.dateRange?.start == CivilDate(iso: from))
        #expect(match.filters.dateRange?.end == CivilDate(iso: to)?.adding(days: 1))
        #expect(match.versus?.start == CivilDate(iso: versusFrom))
        #expect(match.versus?.end == CivilDate(iso: versusTo)?.adding(days: 1))
    }
}
