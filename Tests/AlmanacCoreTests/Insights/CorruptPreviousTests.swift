import Testing

@testable import AlmanacCore

/// A previous report's document is a file in git: a hand edit or a bad merge can put any
/// number in it. A blind test crashed the build with `1e308` in `key_measures` (a trap
/// converting it to a whole count).
@Suite struct CorruptPreviousTests {
    @Test(
        "an impossible earlier value is read as missing, not converted",
        arguments: [1e308, -1e300, 1e15])
    func impossibleValue(value: Double) throws {
        let previous: JSONValue = [
            "metadata": [
                "as_of": "2026-09-23",
                "key_measures": [
                    ["measure": "enrollments", "subject": .null, "value": .number(value)],
                    ["measure": "enrollments", "subject": "Initech", "value": .number(value)],
                ],
            ]
        ]
        let current = [
            KeyMeasure(measure: "enrollments", subject: nil, value: 120),
            KeyMeasure(measure: "enrollments", subject: "Initech", value: 40),
        ]
        let since = try #require(
            SinceLastReport.make(
                measures: current, previous: previous, asOf: CivilDate(iso: "2026-09-30")!,
                kind: .badgeEnrollments))
        // Both measures are there now, and had no readable value before.
        #expect(since.changes.map(\.before) == [nil, nil])
        #expect(since.changes.map(\.after) == [120, 40])
    }

    @Test("a count too large for a whole number is written as it is")
    func hugeCountText() {
        #expect(KeyMeasure.text("enrollments", 1e308) == "1e+308")
        #expect(KeyMeasure.text("enrollments", 1234) == "1,234")
        #expect(KeyMeasure.changeText("enrollments", change: 1e300, percent: nil) == "▲ 1e+300")
    }
}
