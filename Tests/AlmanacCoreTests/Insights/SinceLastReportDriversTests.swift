import Testing

@testable import AlmanacCore

/// The drivers of a total's change since the last report, split over the question's own slices
/// as the two report documents recorded them (docs/metrics.md, "Drivers").
@Suite struct SinceLastReportDriversTests {
    static let asOf = CivilDate(iso: "2024-03-14")!

    static func earlier(_ badges: [(String, Int)], total: Int) -> JSONValue {
        [
            "id": "q", "type": "badge_enrollments",
            "metadata": [
                "as_of": "2024-03-07",
                "key_measures": .array(
                    [["measure": "enrollments", "subject": nil, "value": .int(total)]]
                        + badges.map {
                            [
                                "measure": "enrollments", "subject": .string($0.0),
                                "value": .int($0.1),
                            ]
                        }),
            ],
        ]
    }

    static func now(_ badges: [(String, Int)], total: Int) -> [KeyMeasure] {
        [KeyMeasure(measure: "enrollments", subject: nil, value: Double(total))]
            + badges.map {
                KeyMeasure(measure: "enrollments", subject: $0.0, value: Double($0.1))
            }
    }

    @Test("a total's rise driven by one badge names it with its part and share")
    func oneBadge() throws {
        // 300 → 400 (+100; beyond chance: 2 × √700 = 52.9). A 100 → 190 (+90, 0.9 of the
        // change, from a third of the enrollments before: 0.9 ≥ 0.3333 + 0.15): named. B and C
        // 100 → 105 each (+5, 0.05: not named); the rest +10, 0.1.
        let since = try #require(
            SinceLastReport.make(
                measures: Self.now([("A", 190), ("B", 105), ("C", 105)], total: 400),
                previous: Self.earlier([("A", 100), ("B", 100), ("C", 100)], total: 300),
                asOf: Self.asOf, kind: .badgeEnrollments))
        let total = try #require(since.changes.first { $0.subject == nil })
        let drivers = try #require(total.drivers)
        #expect(drivers.dimensions == [.badge])
        #expect(
            drivers.splits == [
                Drivers.Split(
                    dimension: .badge,
                    drivers: [
                        Drivers.Driver(name: "A", before: 100, after: 190, change: 90, share: 0.9)
                    ],
                    restChange: 10, restShare: 0.1)
            ])
        #expect(drivers.baseline == "in the report of 2024-03-07")
        let json = since.json["changes"]?.arrayValue?.first?["drivers"]
        #expect(json?["by"]?.arrayValue?.first?["drivers"]?.arrayValue?.first?["name"] == "A")
        // The slices themselves are changes too, and have no drivers of their own.
        #expect(since.changes.filter { $0.subject != nil }.allSatisfy { $0.drivers == nil })
    }

    @Test("slices that do not add up to the total, or a kind without slices, give no drivers")
    func refused() throws {
        // The slices add up to 390, not the 400 the total says (a slice left out of the
        // report): no split that would not add up.
        let since = try #require(
            SinceLastReport.make(
                measures: Self.now([("A", 190), ("B", 100), ("C", 100)], total: 400),
                previous: Self.earlier([("A", 100), ("B", 100), ("C", 100)], total: 300),
                asOf: Self.asOf, kind: .badgeEnrollments))
        #expect(since.changes.first { $0.subject == nil }?.drivers == nil)
        // Without a kind, nothing says what the slices are.
        let plain = try #require(
            SinceLastReport.make(
                measures: Self.now([("A", 190), ("B", 105), ("C", 105)], total: 400),
                previous: Self.earlier([("A", 100), ("B", 100), ("C", 100)], total: 300),
                asOf: Self.asOf))
        #expect(plain.changes.allSatisfy { $0.drivers == nil })
    }
}
