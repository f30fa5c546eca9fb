import Testing

@testable import AlmanacCore

/// Final review of issue 23: a driver sentence must read back as the page's own numbers.
@Suite struct DriverSentenceReviewTests {
    /// The demo's "How many learners started a badge in the last 12 weeks?" (as of
    /// 2026-09-30): 913 of 2,605 enrollments completed (0.3505) against 932 of 2,332
    /// (0.3997) in the previous period, −4.92 points (Comparison rounds the points from the
    /// stored rates: 35.05 − 39.97). Written "35.05% against 40.0%", the two rates differ by
    /// 4.95, not the 4.92 the same sentence gives: each rate must be written as stored, with
    /// two decimals, as the change's points are. Split over two badges by hand so that both
    /// sides add up: 500 + 432 = 932 of 1,200 + 1,132 = 2,332; 456 + 457 = 913 of 1,300 +
    /// 1,305 = 2,605.
    @Test("a rate's move writes both rates with the two decimals of its points")
    func rateMoveReadsBack() throws {
        let before = DriverSplitExampleTests.counts([("A", 1_200, 500), ("B", 1_132, 432)])
        let after = DriverSplitExampleTests.counts([("A", 1_300, 456), ("B", 1_305, 457)])
        let drivers = try #require(
            DriverSplit.rate(
                "completion_rate", before: before, after: after, expected: (0.3997, 0.3505),
                baseline: "in the previous period"))
        #expect(drivers.change == -4.92)
        #expect(drivers.move == "35.05% against 39.97% in the previous period (−4.92 points)")
    }
}

extension DriverSentenceReviewTests {
    /// "How many enrollments does each organization have?" counts the 12 months up to the
    /// report date, so two weekly reports share 51 of their 52 weeks: the total's change
    /// since the last report is the new week's enrollments minus the week that fell out, not
    /// the difference of two independent counts. In a quiet week of the demo it moved
    /// 11,060 → 11,072 (+12). With 150 learners of no organization brought in by a campaign
    /// and Initech's September doubled it moved 11,060 → 11,316 (+256), twenty times as
    /// much, yet 2 × √(11,060 + 11,316) = 299.2 calls it within chance and names nothing.
    /// The slices (as both reports recorded them, by hand): (no organization) 664 → 804
    /// (+140, 54.69 % of the change, 6.0 % of the total before), Initech 1,018 → 1,112
    /// (+94, 36.72 %, 9.2 % before), every other organization 9,378 → 9,400 (+22).
    @Test("a rolling window's change since the last report is not tested as two counts")
    func overlappingWindowsAreNotChance() throws {
        let earlier: JSONValue = [
            "id": "org-enrollments", "type": "organization_trends",
            "metadata": [
                "as_of": "2026-09-23",
                "key_measures": [
                    ["measure": "enrollments", "subject": nil, "value": 11_060],
                    ["measure": "enrollments", "subject": "(no organization)", "value": 664],
                    ["measure": "enrollments", "subject": "Initech", "value": 1_018],
                    ["measure": "enrollments", "subject": "Others", "value": 9_378],
                ],
            ],
        ]
        let now = [
            KeyMeasure(measure: "enrollments", subject: nil, value: 11_316),
            KeyMeasure(measure: "enrollments", subject: "(no organization)", value: 804),
            KeyMeasure(measure: "enrollments", subject: "Initech", value: 1_112),
            KeyMeasure(measure: "enrollments", subject: "Others", value: 9_400),
        ]
        let since = try #require(
            SinceLastReport.make(
                measures: now, previous: earlier, asOf: CivilDate(iso: "2026-09-30")!,
                kind: .organizationTrends))
        let drivers = try #require(since.changes.first { $0.subject == nil }?.drivers)
        #expect(!drivers.withinChance)
        #expect(
            drivers.splits.first?.drivers.map(\.name) == ["(no organization)", "Initech"])
    }
}
