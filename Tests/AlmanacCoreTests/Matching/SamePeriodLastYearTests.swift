import Testing

@testable import AlmanacCore

/// "Compared with the same period last year" (a blind test: "year to date compared with the
/// same period last year" was refused as two windows, "year to date" and "last year"). The
/// question's window is set against the same days 12 months earlier; ranges worked out by
/// hand, both days included.
@Suite struct SamePeriodLastYearTests {
    @Test(
        "the window against the same days a year earlier",
        arguments: [
            (
                "How many enrollments did we have year to date compared with the same period last year?",
                "2026-09-30", "2026-01-01", "2026-09-30", "2025-01-01", "2025-09-30"
            ),
            (
                "Completion rate in Q2 2026 vs the same period last year", "2026-09-30",
                "2026-04-01", "2026-06-30", "2025-04-01", "2025-06-30"
            ),
            (
                "How many completions last month compared with a year earlier?", "2026-09-30",
                "2026-08-01", "2026-08-31", "2025-08-01", "2025-08-31"
            ),
            // 29 February moves to 28 February: the day after the window, 1 March, moves to
            // 1 March 2023.
            (
                "Enrollments between 2024-02-01 and 2024-02-29 against the same period last year",
                "2024-03-31", "2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28"
            ),
        ])
    func samePeriod(
        text: String, asOf: String, from: String, to: String, versusFrom: String,
        versusTo: String
    ) throws {
        let day = try #require(CivilDate(iso: asOf))
        let match = try Matcher(asOf: day).route(Question(id: "q", text: text))
        #expect(match.filters.dateRange?.start == CivilDate(iso: from))
        #expect(match.filters.dateRange?.end == CivilDate(iso: to)?.adding(days: 1))
        #expect(match.versus?.start == CivilDate(iso: versusFrom))
        #expect(match.versus?.end == CivilDate(iso: versusTo)?.adding(days: 1))
        #expect(match.versus?.phrase == "the same period last year")
        let windows = try #require(ComparisonWindows.of(match, asOf: day))
        #expect(windows.previous == match.versus)
    }

    @Test(
        "with no window of its own, or with two already, it is refused",
        arguments: [
            (
                "How many enrollments compared with the same period last year?",
                #"compares with "compared with the same period last year" but gives no window of its own"#
            ),
            (
                "Enrollments in 2025 against 2024, compared with the same period last year",
                "two time windows"
            ),
        ])
    func refused(text: String, mentions: String) throws {
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        do {
            let match = try matcher.route(Question(id: "q", text: text))
            Issue.record("routed with \(String(describing: match.filters.dateRange))")
        } catch {
            #expect(String(describing: error).contains(mentions))
        }
    }
}
