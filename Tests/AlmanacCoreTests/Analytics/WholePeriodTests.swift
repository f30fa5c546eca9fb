import Testing

@testable import AlmanacCore

/// Whole and partial periods (docs/metrics.md, "Whole periods"). Every date is worked out by
/// hand from a calendar: 2026-09-28 and 2025-09-29 are Mondays, 4 January 2026 is a Sunday.
@Suite struct WholePeriodTests {
    let asOf = CivilDate(iso: "2026-09-30")!
    /// The default window of organization trends as of 2026-09-30: 2025-10-01 to 2026-09-30.
    var yearWindow: DateRange {
        DateRange(
            start: CivilDate(iso: "2025-10-01")!, end: CivilDate(iso: "2026-10-01")!, phrase: "")
    }

    @Test(
        "period labels name their days",
        arguments: [
            ("2026-W40", "2026-09-28", "2026-10-05"),
            ("2026-W01", "2025-12-29", "2026-01-05"),  // 1 January 2026 is a Thursday
            ("2020-W53", "2020-12-28", "2021-01-04"),  // 2020 had 53 ISO weeks
            ("2026-09", "2026-09-01", "2026-10-01"),
            ("2024-02", "2024-02-01", "2024-03-01"),
            ("2025-Q4", "2025-10-01", "2026-01-01"),
            ("2026-09-30", "2026-09-30", "2026-10-01"),
        ])
    func days(label: String, start: String, end: String) throws {
        let days = try #require(PeriodCoverage.days(of: label))
        #expect(days.start.description == start)
        #expect(days.end.description == end)
    }

    @Test(
        "labels that are no period are not partial",
        arguments: ["Python Basics", "2026-W60", "2026-13"])
    func notPeriods(label: String) {
        #expect(PeriodCoverage.days(of: label) == nil)
        #expect(!PeriodCoverage(window: yearWindow, asOf: asOf, firstDay: nil).isPartial(label))
    }

    @Test("a period cut by the window, the as-of date or the first enrollment is partial")
    func partial() {
        let coverage = PeriodCoverage(window: yearWindow, asOf: asOf, firstDay: nil)
        // 2025-W40 runs from Monday 2025-09-29, two days before the window.
        #expect(coverage.isPartial("2025-W40"))
        #expect(!coverage.isPartial("2025-W41"))
        #expect(!coverage.isPartial("2026-W39"))  // 2026-09-21 to 2026-09-27
        // 2026-W40 runs to Sunday 2026-10-04; the data stops on Wednesday 2026-09-30.
        #expect(coverage.isPartial("2026-W40"))
        #expect(!coverage.isPartial("2025-10"))
        #expect(!coverage.isPartial("2026-09"))
        #expect(coverage.isPartial("2026-10"))
        #expect(!coverage.isPartial("2026-Q3"))
        #expect(coverage.isPartial("2026-Q4"))
        // A window that runs past the as-of date ("in 2026") stops at it.
        let year2026 = DateRange(
            start: CivilDate(iso: "2026-01-01")!, end: CivilDate(iso: "2027-01-01")!, phrase: "")
        let clipped = PeriodCoverage(window: year2026, asOf: asOf, firstDay: nil)
        #expect(!clipped.isPartial("2026-09"))
        #expect(clipped.isPartial("2026-10"))
        #expect(!clipped.touches("2026-10"))  // no day of October is covered
        // No window: the first enrollment on Friday 2024-03-15 cuts March and 2024-W11.
        let open = PeriodCoverage(
            window: nil, asOf: asOf, firstDay: CivilDate(iso: "2024-03-15")!)
        #expect(open.isPartial("2024-03"))
        #expect(open.isPartial("2024-W11"))  // 2024-03-11 to 2024-03-17
        #expect(open.touches("2024-W11"))
        #expect(!open.isPartial("2024-W12"))
        #expect(!open.touches("2024-W10"))
    }

    /// The fixture's enrollments per ISO week (as of Friday 2024-03-01, first enrollment
    /// Wednesday 2024-01-10): W02 (01-08 to 01-14) 2, W03 1, W04 0, W05 1, W06 0, W07 2, W08 0,
    /// W09 (02-26 to 03-03) 1. W02 starts before the data and W09 runs past the as-of date.
    @Test("the lead compares whole weeks and names the partial ones")
    func lead() throws {
        let fixtureAsOf = CivilDate(iso: "2024-03-01")!
        let result = try OrganizationTrends.run(
            AnalysisContext(
                db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
                asOf: fixtureAsOf, granularity: .week))
        let intent = Intent(measure: .enrollments, dimension: .period)
        let answer = try #require(
            Answer.make(
                result, intent: intent, filters: Filters(), asOf: fixtureAsOf,
                firstDay: CivilDate(iso: "2024-01-10")!))
        #expect(answer.partialPeriods == ["2024-W02", "2024-W09"])
        #expect(answer.rows.first { $0.subject == "2024-W07" }?.partial == false)
        // Weeks before the first enrollment are not whole either.
        #expect(answer.rows.first { $0.subject == "2023-W40" }?.partial == true)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "Enrollments per week in the 12 months up to 2024-03-01 went from 1 in 2024-W03 to 0 in 2024-W08; 2024-W02 and 2024-W09 are partial weeks, left out."
        )
        // The chart draws them dashed, and its caption says so.
        let chart = try #require(ChartBuilder().chart(for: answer))
        #expect(chart.caption.contains("2024-W02 and 2024-W09 are partial weeks"))
    }

    @Test("without the as-of date nothing past the window is known, and nothing is marked")
    func unmarked() throws {
        let answer = Answer(
            Intent(measure: .enrollments, dimension: .period), "Month",
            .init("Enrollments", .count), nil,
            [
                .init(subject: "2026-08", value: .int(10), support: nil),
                .init(subject: "2026-09", value: .int(4), support: nil),
            ])
        #expect(answer.partialPeriods.isEmpty)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "Enrollments per month went from 10 in 2026-08 to 4 in 2026-09.")
    }

    /// Days by hand: the lowest is 12 (08-02), the highest 40, first on 08-03 (again on 08-04);
    /// the first and last days (33, 29) would read as a fall.
    @Test("a daily series says its lowest and highest days, the first of each")
    func days() {
        let counts = [
            ("2026-08-01", 33), ("2026-08-02", 12), ("2026-08-03", 40), ("2026-08-04", 40),
            ("2026-08-05", 29),
        ]
        let answer = Answer(
            Intent(measure: .enrollments, dimension: .period), "Day",
            .init("Enrollments", .count), nil,
            counts.map { .init(subject: $0.0, value: .int($0.1), support: nil) })
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "Enrollments per day ranged from 12 on 2026-08-02 to 40 on 2026-08-03.")
        // Every day the same: nothing ranges, and the first and last say so.
        let flat = Answer(
            Intent(measure: .enrollments, dimension: .period), "Day",
            .init("Enrollments", .count), nil,
            ["2026-08-01", "2026-08-02"].map { .init(subject: $0, value: .int(7), support: nil) })
        #expect(
            Lead.sentence(for: flat, filters: Filters())
                == "Enrollments per day went from 7 on 2026-08-01 to 7 on 2026-08-02.")
    }
}
