import Testing

@testable import AlmanacCore

/// A window that starts on the same day and ends later ("this quarter", a week on) gains
/// counts with its days: a blind test saw "this quarter: 238 → 441 (+85.3%)" ranked the
/// week's biggest move.
@Suite struct LongerWindowTests {
    func previous(from: String, to: String) -> JSONValue {
        [
            "metadata": [
                "as_of": .string(to),
                "key_measures": [["measure": "enrollments", "subject": .null, "value": 238]],
                "intent": [
                    "filters": [
                        "enrolled_at": ["from": .string(from), "to": .string(to)]
                    ]
                ],
            ]
        ]
    }

    func since(_ previous: JSONValue, window: DateRange) -> SinceLastReport? {
        SinceLastReport.make(
            measures: [KeyMeasure(measure: "enrollments", subject: nil, value: 441)],
            previous: previous, asOf: CivilDate(iso: "2026-04-15")!, window: window)
    }

    let quarter = DateRange(
        start: CivilDate(iso: "2026-04-01")!, end: CivilDate(iso: "2026-04-16")!,
        phrase: "this quarter")

    @Test("the same start and a later end is a longer window; another start is not")
    func longer() throws {
        let grown = try #require(
            since(previous(from: "2026-04-01", to: "2026-04-08"), window: quarter))
        #expect(grown.longerWindow)
        #expect(grown.json["longer_window"] == true)
        // The last 30 days a week on: both ends moved, the counts compare.
        let rolling = DateRange(
            start: CivilDate(iso: "2026-03-17")!, end: CivilDate(iso: "2026-04-16")!,
            phrase: "the last 30 days")
        let moved = try #require(
            since(previous(from: "2026-03-10", to: "2026-04-08"), window: rolling))
        #expect(!moved.longerWindow)
        #expect(moved.json["longer_window"] == nil)
    }

    @Test("What changed leaves out a longer window's moves, and its page says why they grew")
    func leftOut() throws {
        let grown = try #require(
            since(previous(from: "2026-04-01", to: "2026-04-08"), window: quarter))
        var report = GoldenPageTests.second
        report.question = Question(id: "q1", text: "Top 5 badges by enrollments this quarter")
        report.sinceLastReport = grown
        var summary = ReportSummary(report)
        #expect(ChangeText.whatChanged([summary]).isEmpty)
        summary.sinceLastReport?.longerWindow = false
        #expect(ChangeText.whatChanged([summary]).map(\.questionID) == ["q1"])
    }
}

extension LongerWindowTests {
    @Test("a rebuild of the same day keeps the first build's longer window, so it writes nothing")
    func rebuild() throws {
        // The first build of 2026-04-15 compared with 2026-04-08 and found the window longer;
        // its document is the previous one of the rebuild, with the same window.
        let first: JSONValue = [
            "metadata": [
                "as_of": "2026-04-15",
                "key_measures": [["measure": "enrollments", "subject": .null, "value": 441]],
                "intent": [
                    "filters": ["enrolled_at": ["from": "2026-04-01", "to": "2026-04-15"]]
                ],
                "since_last_report": [
                    "as_of": "2026-04-08", "longer_window": true,
                    "changes": [
                        [
                            "measure": "enrollments", "subject": .null, "before": 238,
                            "after": 441, "change": 203,
                        ]
                    ],
                ],
            ]
        ]
        let again = try #require(since(first, window: quarter))
        #expect(again.asOf == CivilDate(iso: "2026-04-08"))
        #expect(again.longerWindow)
    }
}
