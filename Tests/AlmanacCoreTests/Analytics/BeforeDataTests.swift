import Testing

@testable import AlmanacCore

/// A rate of no enrollments has no value, and a window before the data begins is not a zero
/// to rise from (docs/metrics.md, "Comparisons"). Expected values worked out by hand.
@Suite struct BeforeDataTests {
    /// 2025 against 2024 and, a year earlier, 2024 again; the data begins on 2025-01-01.
    static let windows = ComparisonWindows(
        current: DateRange(
            start: CivilDate(iso: "2025-01-01")!, end: CivilDate(iso: "2026-01-01")!,
            phrase: "in 2025"),
        previous: DateRange(
            start: CivilDate(iso: "2024-01-01")!, end: CivilDate(iso: "2025-01-01")!,
            phrase: "in 2024"),
        yearAgo: DateRange(
            start: CivilDate(iso: "2024-01-01")!, end: CivilDate(iso: "2025-01-01")!,
            phrase: "a year earlier"))

    @Test("a completion rate over 0 enrollments is no value; over 121 it is kept")
    func rateOfNothing() {
        let spec = AnalysisKind.completionMetrics.keyMeasures!
        let none: JSONValue = [
            "overall": ["enrollments": 0, "completed": 0, "completion_rate": 0, "drop_rate": 0]
        ]
        let values = Dictionary(
            uniqueKeysWithValues: spec.measures(in: none).map { ($0.measure, $0.value) })
        #expect(values["enrollments"] == .some(0) && values["completed"] == .some(0))
        #expect(values["completion_rate"] == .some(nil) && values["drop_rate"] == .some(nil))
        // 44 of 121 completed: 0.3636, kept.
        let some: JSONValue = ["overall": ["enrollments": 121, "completion_rate": 0.3636]]
        #expect(spec.measures(in: some).first { $0.measure == "completion_rate" }?.value == 0.3636)
    }

    @Test("windows before the data's first day have no values, no change, and say so")
    func comparison() {
        let now = [KeyMeasure(measure: "enrollments", subject: nil, value: 1336)]
        let zero = [KeyMeasure(measure: "enrollments", subject: nil, value: 0)]
        let first = CivilDate(iso: "2025-01-01")!
        let before = Comparison(
            windows: Self.windows, current: now, previous: zero, yearAgo: zero, firstDay: first)
        #expect(before.previousBeforeData && before.yearAgoBeforeData)
        #expect(before.rows[0].previous == nil && before.rows[0].change == nil)
        let row = ChangeText.rows(before)[0]
        #expect(row.previous == "before the data" && row.change == "–" && row.tone == "flat")
        #expect(row.yearAgo == "before the data" && row.yearChange == "–")
        #expect(
            ChangeText.windows(before).hasSuffix(
                "The data begins on 2025-01-01, after that window: there is nothing to compare with."
            ))
        #expect(before.json["previous"]?["before_data_begins"] == "2025-01-01")
        // The data begins a day earlier, on 2024-12-31: the windows are not wholly before
        // it, and 0 → 1,336 is a rise of 1,336, as before.
        let covered = Comparison(
            windows: Self.windows, current: now, previous: zero, yearAgo: zero,
            firstDay: CivilDate(iso: "2024-12-31")!)
        #expect(!covered.previousBeforeData && covered.rows[0].change == 1336)
        #expect(covered.json["previous"]?["before_data_begins"] == nil)
    }

    @Test("an answer set against a window before the data has no values there, and says so")
    func versus() throws {
        let answer = Answer(
            Intent(measure: .enrollments), nil, .init("Enrollments", .count), nil,
            [Answer.Row(subject: "Enrollments", value: .int(1336), support: nil)])
        let against = answer.against(
            answer, window: Self.windows.previous, current: "in 2025",
            firstDay: CivilDate(iso: "2025-01-01")!)
        #expect(against.versus?.values == [.null])
        #expect(against.differences.count == 1 && against.differences[0].difference == nil)
        let lead = try #require(Lead.sentence(for: against, filters: Filters()))
        #expect(
            lead
                == "Enrollments: 1,336. 2024 (2024-01-01 to 2024-12-31) lies before the data, which begins on 2025-01-01: there is nothing to compare with.",
            "\(lead)")
    }

    /// An attack run: the index's "A year earlier" showed 0 for a year before the data.
    @Test("the index's week: a window that ends by the data's first day is 'before the data'")
    func weekBeforeData() {
        // As of Wednesday 2025-03-25: the last 7 days from 03-19, the 7 before from 03-12,
        // the same 7 days a year earlier 2024-03-19 to 2024-03-25.
        var week = WeeklyChange(
            start: CivilDate(iso: "2025-03-19")!, asOf: CivilDate(iso: "2025-03-25")!,
            enrollments: WeeklyChange.Measure(current: 7, previous: 7),
            completions: WeeklyChange.Measure(current: 0, previous: 0))
        week.dataBegins = CivilDate(iso: "2025-03-05")
        #expect(week.cells(week.enrollments) == ("7", "no change", "before the data"))
        // Data from 2025-03-19, the first of the last 7 days: the 7 before it hold none.
        week.dataBegins = CivilDate(iso: "2025-03-19")
        #expect(week.cells(week.enrollments) == ("before the data", "–", "before the data"))
        #expect(week.previous(week.enrollments) == nil)
        // Data from 2025-03-15, inside the 7 days before (03-12 to 03-18): counted, but no
        // change against a part of a week, and said so.
        week.dataBegins = CivilDate(iso: "2025-03-15")
        #expect(week.cells(week.enrollments) == ("7", "–", "before the data"))
        #expect(week.previous(week.enrollments) == 7)
        #expect(
            week.caveat?.hasPrefix("The data begins on 2025-03-15, inside the 7 days before")
                == true)
        // Data from a year and more before: numbers, a year earlier's 0 included.
        week.dataBegins = CivilDate(iso: "2024-03-19")
        #expect(week.cells(week.completions) == ("0", "none in either", "0"))
    }
    /// Blind test 77: "Drop rate 14.38% vs 36.60%, ▼ 22.22 pts" was green, good news; drop-outs
    /// carry no date, so the earlier window's rate is higher by construction.
    @Test("a drop-out rate's change is neither good nor bad, and the windows' line says why")
    func dropRateNeutral() {
        let now = [
            KeyMeasure(measure: "completion_rate", subject: nil, value: 0.5),
            KeyMeasure(measure: "drop_rate", subject: nil, value: 0.1438),
        ]
        let then = [
            KeyMeasure(measure: "completion_rate", subject: nil, value: 0.4),
            KeyMeasure(measure: "drop_rate", subject: nil, value: 0.366),
        ]
        let comparison = Comparison(
            windows: Self.windows, current: now, previous: then, yearAgo: then)
        let rows = ChangeText.rows(comparison)
        // 50 % against 40 % is 10 points up, good; 14.38 % against 36.60 %, 22.22 points down.
        #expect(rows.map(\.tone) == ["good", "flat"])
        #expect(rows.map(\.yearTone) == ["good", "flat"])
        #expect(rows[1].change.contains("22.22 pts"))
        #expect(
            ChangeText.windows(comparison).contains(
                "Drop-outs carry no date: each window's drop-out rate counts every drop-out recorded by the report's date, so an earlier window has had longer to collect them."
            ))
    }
}
