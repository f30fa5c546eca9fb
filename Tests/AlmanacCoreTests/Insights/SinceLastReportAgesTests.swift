import Testing

@testable import AlmanacCore

/// A period that began again, cohorts counted at different ages, and rates and medians of
/// a handful: none of them a move of the numbers' own. Values worked out by hand.
@Suite struct SinceLastReportAgesTests {
    typealias Fixture = SinceLastReportScopeTests

    /// "This quarter" as of 2026-06-29 is 2026-04-01 to 2026-06-29, 30 + 31 + 29 = 90 days;
    /// as of 2026-07-06 it is 2026-07-01 to 2026-07-06, 6 days: it starts later and is
    /// shorter, and runs to the as-of date.
    @Test("a quarter that began again says so, and its changes stay out of What changed")
    func newQuarter() throws {
        let june = Fixture.previous(
            asOf: "2026-06-29", kind: "badge_enrollments", measure: "enrollments",
            filters: Fixture.window("this quarter", "2026-04-01", "2026-06-29"),
            values: [("enrollments", 2583), ("completed", 1001), ("completion_rate", 0.3875)])
        let since = try #require(
            Fixture.since(
                june, asOf: "2026-07-06", phrase: "this quarter", from: "2026-07-01",
                to: "2026-07-06", kind: "badge_enrollments", measure: "enrollments",
                values: [("enrollments", 121), ("completed", 0), ("completion_rate", 0)]))
        #expect(since.newPeriod == .init(began: Fixture.day("2026-07-01"), unit: "quarter"))
        #expect(since.json["new_period"] == true)
        #expect(since.json["period_began"] == "2026-07-01")
        #expect(since.changes.map(\.before) == [2583, 1001, 0.3875])
        #expect(Fixture.whatChanged(since).isEmpty)
        #expect(
            Fixture.page(since).hasSuffix(
                "A new quarter began on 2026-07-01: its counts start again, so they do not compare with that report's."
            ))
    }

    /// Until blind test 77, "302 → 256" entered What changed; with the months unnamed, a
    /// month's count read as revised. June holds none of May's days: the window moved.
    @Test("last month a month on did not begin again, but moved: nothing of it enters What changed")
    func lastMonthIsNotNew() throws {
        // May (31 days, to 05-31) as of 2026-06-29; June (30 days, to 06-30) as of 2026-07-06:
        // later and shorter, but a whole month. The windows ended 29 and 6 days before.
        let may = Fixture.previous(
            asOf: "2026-06-29", filters: Fixture.window("last month", "2026-05-01", "2026-05-31"),
            values: [("enrollments", 302), ("completed", 118)])
        let since = try #require(
            Fixture.since(
                may, asOf: "2026-07-06", phrase: "last month", from: "2026-06-01",
                to: "2026-06-30", values: [("enrollments", 256), ("completed", 57)]))
        #expect(since.newPeriod == nil)
        #expect(since.ages == .init(then: 29, now: 6, sameEnrollments: false))
        #expect(
            since.movedWindow
                == .init(
                    wasFrom: CivilDate(iso: "2026-05-01")!, wasTo: CivilDate(iso: "2026-05-31")!,
                    from: CivilDate(iso: "2026-06-01")!, to: CivilDate(iso: "2026-06-30")!))
        #expect(Fixture.whatChanged(since).isEmpty)
        #expect(
            Fixture.page(since).contains(
                "The window moved: it is 2026-06-01 to 2026-06-30 now, and was 2026-05-01 to 2026-05-31 then, so its counts are of other days"
            ))
        // A rebuild of the same day keeps the flag.
        #expect(since.json["moved_window"]?["was_from"] == "2026-05-01")
    }

    /// April as of 2026-05-04 (4 days after its last day) and as of 2026-05-11 (11 days): the
    /// same 224 enrollments, a week older, 50 → 74 completed (22.32% → 33.04%).
    @Test("the same month a week older: cohort measures are shown, said to be older, left out")
    func sameMonthOlder() throws {
        let april = Fixture.previous(
            asOf: "2026-05-04", filters: Fixture.window("last month", "2026-04-01", "2026-04-30"),
            values: [("enrollments", 224), ("completed", 50), ("completion_rate", 0.2232)])
        let since = try #require(
            Fixture.since(
                april, asOf: "2026-05-11", phrase: "last month", from: "2026-04-01",
                to: "2026-04-30",
                values: [("enrollments", 224), ("completed", 74), ("completion_rate", 0.3304)]))
        #expect(since.ages == .init(then: 4, now: 11, sameEnrollments: true))
        #expect(since.json["different_ages"]?["same_enrollments"] == true)
        #expect(since.changes.map(\.measure) == ["completed", "completion_rate"])
        #expect(Fixture.whatChanged(since).isEmpty)
        #expect(
            Fixture.page(since)
                == "Since the report of 2026-05-04: completed enrollments: 50 → 74, ▲ 24 (+48%); completion rate: 22.32% → 33.04%, ▲ 10.72 pts. Completed enrollments and completion rate count the same enrollments at different ages: the window ended 4 days before that report and 11 days before this one, and enrollments finish with time, so these are not moves of their own."
        )
    }

    @Test("a rolling window ends on its as-of date both times: its cohort measures compare")
    func rolling() throws {
        let since = try #require(
            Fixture.june(values: [
                ("enrollments", 867), ("completed", 150), ("completion_rate", 0.173),
            ]))
        #expect(since.ages == nil)
        #expect(since.json["different_ages"] == nil)
        // Completed 127 → 150 is listed; the rate, 14.65% → 17.30% of 867 enrollments, moved
        // within chance (2 standard errors, pooled, are 3.52 points), and is not.
        #expect(Fixture.whatChanged(since).map(\.measure) == ["completed"])
    }

    /// 1 of 19 → 0 of 19 is to 0 and over 19 enrollments; 25% → 50% over 19 then 40
    /// enrollments has 19 < 20 on one side; over 20 and 40 it scores, 25 points. A median over 9
    /// completions has too few; over 10 and 30, enough.
    @Test("rates of fewer than 20 enrollments and medians of fewer than 10 values get no score")
    func smallBases() {
        func rate(_ before: Double, _ after: Double, _ base: (Double, Double))
            -> SinceLastReport.Change
        {
            .init(
                measure: "completion_rate", subject: nil, before: before, after: after,
                base: .init(before: base.0, after: base.1))
        }
        func median(_ base: (Double, Double)) -> SinceLastReport.Change {
            .init(
                measure: "median_days_to_complete", subject: nil, before: 12, after: 15,
                base: .init(before: base.0, after: base.1))
        }
        #expect(rate(0.0526, 0, (19, 19)).standardized == nil)
        #expect(rate(0.25, 0.5, (19, 40)).standardized == nil)
        #expect(rate(0.25, 0.5, (20, 40)).standardized == 25)
        #expect(
            SinceLastReport.Change(
                measure: "completion_rate", subject: nil, before: 0.1, after: 0.2
            )
            .standardized == nil)
        #expect(median((9, 30)).standardized == nil)
        #expect(median((10, 30)).standardized == 3)
        // To 0 as from 0: 30 → 0 and 0 → 30 get none.
        let toZero = SinceLastReport.Change(
            measure: "enrollments", subject: nil, before: 30, after: 0)
        let fromZero = SinceLastReport.Change(
            measure: "enrollments", subject: nil, before: 0, after: 30)
        #expect(toZero.standardized == nil)
        #expect(fromZero.standardized == nil)
    }

    @Test("a rate's and a median's base are the enrollments and completed of both reports")
    func basesFromMeasures() throws {
        let since = try #require(
            Fixture.june(values: [
                ("enrollments", 19), ("completed", 1), ("completion_rate", 0.0526),
            ]))
        let rate = try #require(since.changes.first { $0.measure == "completion_rate" })
        #expect(rate.base == .init(before: 867, after: 19))
        #expect(rate.standardized == nil)
        // The counts score: enrollments (19 − 867) / √867 = −28.80, completed (1 − 127) /
        // √127 = −11.18; both lie 8.81 from their median, so they tie and keep their order.
        #expect(Fixture.whatChanged(since).map(\.measure) == ["enrollments", "completed"])
    }
}

/// Blind test 50: "the completion rate of enrollments before 2025", as of 2025-04-01 and then
/// 2025-04-08, said the window "ended 0 days before that report" and counted "different
/// enrollments": a window with no first day was read as no window.
@Suite struct OpenStartAgesTests {
    typealias Fixture = SinceLastReportScopeTests

    @Test("a window with no first day ended days before each report, on the same enrollments")
    func openStart() throws {
        let window: JSONValue = ["enrolled_at": ["phrase": "before 2025", "to": "2024-12-31"]]
        let first = Fixture.previous(
            asOf: "2025-04-01", filters: window,
            values: [("enrollments", 634), ("completed", 300), ("completion_rate", 0.4732)])
        let intent: JSONValue = [
            "kind": "completion_metrics", "measure": "completion_rate", "filters": window,
        ]
        let since = try #require(
            SinceLastReport.make(
                measures: Fixture.measures([
                    ("enrollments", 634), ("completed", 310), ("completion_rate", 0.4890),
                ]),
                previous: first, asOf: Fixture.day("2025-04-08"),
                kind: .completionMetrics,
                window: DateRange(
                    start: nil, end: Fixture.day("2025-01-01"), phrase: "before 2025"),
                intent: intent))
        // 2024-12-31 is 91 days before 2025-04-01 (31 + 28 + 31 + 1) and 98 before 2025-04-08.
        #expect(since.ages == .init(then: 91, now: 98, sameEnrollments: true))
        #expect(
            Fixture.page(since).contains(
                "the window ended 91 days before that report and 98 days before this one"))
    }
}
