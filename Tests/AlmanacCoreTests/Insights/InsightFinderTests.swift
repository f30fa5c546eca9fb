import Foundation
import Testing

@testable import AlmanacCore

/// Every expected number here was worked out by hand, in the comments.
@Suite struct InsightFinderTests {
    let finder = InsightFinder()
    let week = CivilDate(iso: "2026-09-21")!

    /// Twelve ordinary weeks. Sorted: 18 19 19 20 20 20 20 21 21 22 22 22, so the median is
    /// (20 + 20) / 2 = 20. Deviations sorted: 0 0 0 0 1 1 1 1 2 2 2 2, so the MAD is 1.
    let baseline = [20, 22, 19, 21, 20, 18, 22, 20, 21, 19, 20, 22]

    @Test("a planted spike is an unusual change: |60 − 20| / (1.4826 · 1) = 26.98")
    func spike() throws {
        let fact = try #require(
            finder.unusualChange(baseline + [60], measure: "enrollments", week: week))
        #expect(fact.median == 20)
        #expect(fact.mad == 1)
        #expect(fact.score == 26.98)
        #expect(fact.threshold == 3.5)
        #expect(fact.baselineWeeks == 12)
        #expect(fact.value == 60)
        let json = Insight.unusualChange(fact).json
        #expect(json["type"] == "unusual_change")
        #expect(json["period"] == "2026-W39")
        #expect(json["to"] == "2026-09-27")
        #expect(json["direction"] == "up")
    }

    @Test("a flat series is not: 21 scores |21 − 20| / 1.4826 = 0.67")
    func flat() {
        #expect(finder.unusualChange(baseline + [21], measure: "enrollments", week: week) == nil)
        #expect(
            finder.unusualChange(
                Array(repeating: 20, count: 13), measure: "enrollments", week: week) == nil)
    }

    @Test("a drop is unusual too, and a steady series has a spread of at least one count")
    func dropAndSteady() throws {
        // |5 − 20| / 1.4826 = 10.12.
        let drop = try #require(
            finder.unusualChange(baseline + [5], measure: "completed", week: week))
        #expect(drop.score == 10.12)
        #expect(Insight.unusualChange(drop).json["direction"] == "down")
        // Twelve weeks of exactly 20: the MAD is 0, so the denominator is 1. 22 scores 2
        // (not unusual), 24 scores 4 (unusual).
        let steady = Array(repeating: 20, count: 12)
        #expect(finder.unusualChange(steady + [22], measure: "enrollments", week: week) == nil)
        #expect(finder.unusualChange(steady + [24], measure: "enrollments", week: week)?.score == 4)
    }

    @Test("small counts and short series give no unusual change")
    func smallCounts() {
        // A median of 2 and a latest week of 9: both under 10.
        #expect(
            finder.unusualChange(
                Array(repeating: 2, count: 12) + [9], measure: "enrollments", week: week) == nil)
        // Eleven weeks of baseline are not twelve.
        #expect(
            finder.unusualChange(
                Array(baseline.dropFirst()) + [60], measure: "enrollments", week: week) == nil)
    }

    @Test("a week above every earlier one is a record high; below every one, a record low")
    func records() throws {
        let high = try #require(
            finder.record([10, 12, 11, 13, 12, 14, 13, 12, 15], measure: "enrollments", week: week))
        #expect(high.highest && high.previousRecord == 14 && high.weeks == 9 && high.value == 15)
        let low = try #require(
            finder.record([20, 22, 21, 23, 22, 24, 23, 22, 12], measure: "completed", week: week))
        #expect(!low.highest && low.previousRecord == 20 && low.value == 12)
        // Equal to the best so far is no record; eight weeks are too few.
        #expect(
            finder.record([10, 12, 11, 13, 12, 14, 13, 12, 14], measure: "enrollments", week: week)
                == nil)
        #expect(
            finder.record([10, 12, 11, 13, 12, 14, 13, 15], measure: "enrollments", week: week)
                == nil)
    }

    /// Total 100 → 130; A 50 → 70 (+20), B 30 → 45 (+15), C 20 → 15 (−5).
    func comparison(
        _ slices: [(String, Double, Double)], total: (Double, Double),
        measure: String = "enrollments"
    ) -> Comparison {
        let windows = ComparisonWindows(
            current: DateRange(
                start: CivilDate(iso: "2026-09-14")!, end: CivilDate(iso: "2026-09-28")!, phrase: ""
            ),
            previous: DateRange(
                start: CivilDate(iso: "2026-08-31")!, end: CivilDate(iso: "2026-09-14")!, phrase: ""
            ),
            yearAgo: DateRange(
                start: CivilDate(iso: "2025-09-14")!, end: CivilDate(iso: "2025-09-28")!, phrase: ""
            ), asOf: CivilDate(iso: "2026-09-27")!, previousAsOf: CivilDate(iso: "2026-09-13")!,
            yearAgoAsOf: CivilDate(iso: "2025-09-27")!)
        let current =
            [KeyMeasure(measure: measure, subject: nil, value: total.1)]
            + slices.map { KeyMeasure(measure: measure, subject: $0.0, value: $0.2) }
        let previous =
            [KeyMeasure(measure: measure, subject: nil, value: total.0)]
            + slices.map { KeyMeasure(measure: measure, subject: $0.0, value: $0.1) }
        return Comparison(windows: windows, current: current, previous: previous, yearAgo: [])
    }

    @Test(
        "contributions: +20, +15 and −5 of a +30 change are 0.6667, 0.5 and −0.1667, adding up to 1"
    )
    func contribution() throws {
        let fact = try #require(
            finder.contribution(
                comparison([("A", 50, 70), ("B", 30, 45), ("C", 20, 15)], total: (100, 130)),
                measure: "enrollments"))
        #expect(fact.change == 30)
        #expect(fact.slices.map(\.subject) == ["A", "B", "C"])
        #expect(fact.slices.map(\.change) == [20, 15, -5])
        #expect(fact.slices.map(\.share) == [0.6667, 0.5, -0.1667])
        #expect(fact.slices.reduce(0) { $0 + $1.change } == fact.change)
    }

    @Test("three equal thirds round to 0.3333 each; the largest takes the remainder, 0.3334")
    func contributionRemainder() throws {
        let fact = try #require(
            finder.contribution(
                comparison([("A", 10, 20), ("B", 10, 20), ("C", 10, 20)], total: (30, 60)),
                measure: "enrollments"))
        #expect(fact.slices.map(\.share) == [0.3334, 0.3333, 0.3333])
    }

    @Test("past five slices the rest are summed: +1 and −1 make a slice of 0")
    func contributionRest() throws {
        let rows = [
            ("A", 0.0, 6.0), ("B", 0, 5), ("C", 0, 4), ("D", 0, 3), ("E", 0, 2), ("F", 0, 1),
            ("G", 1, 0),
        ]
        let fact = try #require(
            finder.contribution(comparison(rows, total: (1, 21)), measure: "enrollments"))
        #expect(fact.slices.map(\.subject) == ["A", "B", "C", "D", "E", nil])
        #expect(fact.slices.map(\.change) == [6, 5, 4, 3, 2, 0])
        #expect(fact.slices.map(\.share) == [0.3, 0.25, 0.2, 0.15, 0.1, 0])
    }

    @Test("no contribution when the slices do not add up to the total, or nothing moved")
    func noContribution() {
        #expect(
            finder.contribution(
                comparison([("A", 50, 70), ("B", 30, 45)], total: (100, 130)),
                measure: "enrollments") == nil)
        #expect(
            finder.contribution(
                comparison([("A", 50, 60), ("B", 50, 40)], total: (100, 100)),
                measure: "enrollments") == nil)
    }

    @Test("top movers: A rose most (+20), C fell most (−5)")
    func movers() throws {
        let fact = try #require(
            finder.topMovers(
                comparison([("A", 50, 70), ("B", 30, 45), ("C", 20, 15)], total: (100, 130)),
                measure: "enrollments"))
        #expect(fact.rise == Insight.Move(subject: "A", previous: 50, current: 70, change: 20))
        #expect(fact.fall == Insight.Move(subject: "C", previous: 20, current: 15, change: -5))
    }

    /// Blind test 75: a first badge of 8 Umbrella Health learners in 2025 and none in 2024
    /// was listed in 2025 only, and "rose most" went to two of +6.
    @Test("a slice counted in one window only moves from 0; a rate there does not move")
    func moverFromNothing() throws {
        var current = comparison([("A", 1, 7), ("B", 3, 2)], total: (4, 17))
        let windows = current.windows
        current = Comparison(
            windows: windows,
            current: [
                KeyMeasure(measure: "learners", subject: nil, value: 17),
                KeyMeasure(measure: "learners", subject: "A", value: 7),
                KeyMeasure(measure: "learners", subject: "B", value: 2),
                KeyMeasure(measure: "learners", subject: "New", value: 8),
            ],
            previous: [
                KeyMeasure(measure: "learners", subject: nil, value: 4),
                KeyMeasure(measure: "learners", subject: "A", value: 1),
                KeyMeasure(measure: "learners", subject: "B", value: 3),
            ], yearAgo: [])
        let fact = try #require(finder.topMovers(current, measure: "learners"))
        #expect(fact.rise == Insight.Move(subject: "New", previous: 0, current: 8, change: 8))
        #expect(fact.fall == Insight.Move(subject: "B", previous: 3, current: 2, change: -1))
        let rates = Comparison(
            windows: windows,
            current: [
                KeyMeasure(measure: "completion_rate", subject: "A", value: 0.5),
                KeyMeasure(measure: "completion_rate", subject: "New", value: 0.9),
            ],
            previous: [KeyMeasure(measure: "completion_rate", subject: "A", value: 0.4)],
            yearAgo: [])
        let rate = try #require(finder.topMovers(rates, measure: "completion_rate"))
        #expect(rate.rise?.subject == "A")
    }

    @Test("concentration: 50 of 100 is 0.5 for the top one, 95 for the top three")
    func concentration() throws {
        let measures = [("B", 30.0), ("A", 50), ("D", 5), ("C", 15)].map {
            KeyMeasure(measure: "enrollments", subject: $0.0, value: $0.1)
        }
        let fact = try #require(finder.concentration(measures, measure: "enrollments"))
        #expect(fact.top == "A" && fact.topValue == 50 && fact.total == 100)
        #expect(fact.topShare == 0.5 && fact.topThreeValue == 95 && fact.topThreeShare == 0.95)
        #expect(finder.concentration(Array(measures.prefix(3)), measure: "enrollments") == nil)
    }

    @Test("learning paths' slices are first badges, and their facts say so")
    func firstBadges() throws {
        let measures = [("SQL", 30.0), ("Git", 50), ("Go", 5), ("C", 15)].map {
            KeyMeasure(measure: "learners", subject: $0.0, value: $0.1)
        }
        let insights = finder.insights(
            kind: .learningPaths, measures: measures,
            comparison: comparison(
                [("SQL", 30, 30), ("Git", 40, 50), ("Go", 10, 5), ("C", 20, 15)],
                total: (100, 100), measure: "learners"),
            weekly: nil)
        let sentences = insights.map(\.sentence)
        // 50 of 100; the top three 50 + 30 + 15.
        #expect(
            sentences.contains(
                "Git is the first badge of 50.0% of the 100 learners, and the three most common first badges of 95.0%."
            ))
        // Go (10 to 5) and C (20 to 15) both fell by 5: both are named.
        #expect(
            sentences.contains(
                "Against the previous period (2026-08-31 to 2026-09-13), Git as a first badge rose most (40 to 50 learners) and Go and C fell most (−5 each)."
            ))
        #expect(!sentences.contains { $0.contains(" holds ") })
    }

    @Test("the order is unusual change, record, top movers, contribution, concentration")
    func order() {
        let weekly = WeeklySeries(
            enrollments: (baseline + [60]).enumerated().map {
                (week.adding(days: 7 * ($0.offset - 12)), $0.element)
            },
            completions: [])
        let insights = finder.insights(
            kind: .badgeEnrollments,
            measures: [("A", 70.0), ("B", 45), ("C", 15), ("D", 0)].map {
                KeyMeasure(measure: "enrollments", subject: $0.0, value: $0.1)
            },
            comparison: comparison(
                [("A", 50, 70), ("B", 30, 45), ("C", 20, 15), ("D", 0, 0)], total: (100, 130)),
            weekly: weekly)
        #expect(
            insights.map(\.type) == [
                "unusual_change", "record", "top_movers", "contribution", "concentration",
            ])
    }
}

@Suite struct ComparisonWindowTests {
    func match(_ start: String, _ end: String, kind: AnalysisKind = .badgeEnrollments) -> Match {
        Match(
            kind: kind, confidence: 1,
            filters: Filters(
                dateRange: DateRange(
                    start: CivilDate(iso: start)!, end: CivilDate(iso: end)!, phrase: "p")),
            candidates: [kind])
    }

    @Test("84 days are compared with the 84 days before and the same days a year earlier")
    func days() throws {
        let windows = try #require(
            ComparisonWindows.of(
                match("2026-07-06", "2026-09-28"), asOf: CivilDate(iso: "2026-09-27")!))
        #expect(windows.previous.start?.description == "2026-04-13")
        #expect(windows.previous.end?.description == "2026-07-06")
        #expect(windows.yearAgo.start?.description == "2025-07-06")
        #expect(windows.yearAgo.end?.description == "2025-09-28")
    }

    @Test("a calendar year is compared with the calendar year before")
    func months() throws {
        let windows = try #require(
            ComparisonWindows.of(
                match("2024-01-01", "2025-01-01"), asOf: CivilDate(iso: "2026-09-27")!))
        #expect(windows.previous.start?.description == "2023-01-01")
        #expect(windows.previous.end?.description == "2024-01-01")
    }

    @Test("this year up to 27 September: 270 days, so the previous window starts on 2025-04-06")
    func thisYear() throws {
        let windows = try #require(
            ComparisonWindows.of(
                match("2026-01-01", "2026-09-28"), asOf: CivilDate(iso: "2026-09-27")!))
        #expect(windows.previous.start?.description == "2025-04-06")
        #expect(windows.yearAgo.start?.description == "2025-01-01")
        #expect(windows.yearAgo.end?.description == "2025-09-28")
    }

    @Test(
        "no window, no comparison; organization trends default to the 12 months up to the as-of date"
    )
    func defaults() throws {
        let none = Match(
            kind: .badgeEnrollments, confidence: 1, filters: Filters(),
            candidates: [.badgeEnrollments])
        #expect(ComparisonWindows.of(none, asOf: CivilDate(iso: "2026-09-27")!) == nil)
        var trends = none
        trends.kind = .organizationTrends
        let windows = try #require(
            ComparisonWindows.of(trends, asOf: CivilDate(iso: "2026-09-27")!))
        #expect(windows.current.start?.description == "2025-09-28")
        #expect(windows.previous.start?.description == "2024-09-28")
    }

    @Test("a rate changes in points with no percent; a count in both")
    func units() {
        let rate = Comparison.Row(
            measure: "completion_rate", subject: nil, current: 0.25, previous: 0.3333, yearAgo: nil)
        #expect(rate.change == -8.33)
        #expect(rate.changePercent == nil)
        let count = Comparison.Row(
            measure: "enrollments", subject: nil, current: 4, previous: 3, yearAgo: 2)
        #expect(count.change == 1)
        #expect(count.changePercent == 33.3)
        #expect(KeyMeasure.tone("drop_rate", change: 1.5) == "bad")
        #expect(KeyMeasure.tone("completion_rate", change: 1.5) == "good")
    }
}

extension InsightFinderTests {
    @Test("movers against a window the question set name that window, not 'the previous period'")
    func moversAgainstVersus() throws {
        func range(_ from: String, _ to: String, _ phrase: String) -> DateRange {
            DateRange(start: CivilDate(iso: from), end: CivilDate(iso: to), phrase: phrase)
        }
        let windows = ComparisonWindows(
            current: range("2025-01-01", "2026-01-01", "in 2025"),
            previous: range("2024-01-01", "2025-01-01", "in 2024"),
            yearAgo: range("2024-01-01", "2025-01-01", "a year earlier"))
        // Python Basics 10 → 30 (+20), SQL Fundamentals 20 → 15 (−5).
        func measures(_ python: Double, _ sql: Double) -> [KeyMeasure] {
            [
                KeyMeasure(measure: "enrollments", subject: nil, value: python + sql),
                KeyMeasure(measure: "enrollments", subject: "Python Basics", value: python),
                KeyMeasure(measure: "enrollments", subject: "SQL Fundamentals", value: sql),
            ]
        }
        let comparison = Comparison(
            windows: windows, current: measures(30, 15), previous: measures(10, 20),
            yearAgo: measures(10, 20))
        let insights = InsightFinder().insights(
            kind: .badgeEnrollments, measures: measures(30, 15), comparison: comparison,
            weekly: nil)
        let movers = try #require(insights.first { $0.type == "top_movers" })
        #expect(
            movers.sentence
                == "Against 2024, Python Basics rose most (10 to 30 enrollments) and SQL Fundamentals fell most (20 to 15)."
        )
    }
}
