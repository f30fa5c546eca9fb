import Testing

@testable import AlmanacCore

/// The drivers of a total's change since the last report, split over the question's own slices
/// as the two report documents recorded them (docs/metrics.md, "Drivers").
@Suite struct SinceLastReportDriversTests {
    static let asOf = CivilDate(iso: "2024-03-14")!

    /// Members with only enrollments.
    static func members(_ pairs: [(String, Int)]) -> [DriverCounts.Member] {
        pairs.map { DriverFixtures.member($0.0, $0.1) }
    }

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

extension SinceLastReportDriversTests {
    @Test("learners who joined during the earlier window or later are one member, never named")
    func newcomers() throws {
        // Enrollments 100 → 160 (+60, beyond chance: 2 × √260 = 32.2). The earlier window
        // begins 2024-03-01: cohorts 2024-03 and 2024-04 (0 → 50 and 0 → 20) are one member,
        // "since 2024-03", 0 → 70, 116.67 % of the change: not named. 2024-01, 60 → 55, and
        // 2024-02, 40 → 35, fell. Organizations: A 50 → 110 (+60, 1.0 of the change, half of
        // the total before: 1.0 ≥ 0.5 + 0.15): named; B 50 → 50.
        func counts(_ cohorts: [(String, Int)], _ organizations: [(String, Int)]) -> DriverCounts {
            return DriverCounts(
                members: [
                    .cohort: Self.members(cohorts), .organization: Self.members(organizations),
                ])
        }
        let before = counts([("2024-01", 60), ("2024-02", 40)], [("A", 50), ("B", 50)])
        let after = counts(
            [("2024-01", 55), ("2024-02", 35), ("2024-03", 50), ("2024-04", 20)],
            [("A", 110), ("B", 50)])
        let drivers = try #require(
            DriverSplit.drivers(
                of: DriverSplit.Move(
                    "enrollments", baseline: "in the previous period", expected: (100, 160),
                    earlierStart: CivilDate(iso: "2024-03-01")),
                before: before, after: after))
        #expect(drivers.dimensions == [.organization, .cohort])
        #expect(drivers.splits.map(\.dimension) == [.organization])
        #expect(drivers.splits.first?.drivers.map(\.name) == ["A"])
    }
}

extension SinceLastReportDriversTests {
    @Test("a net move within chance names members that moved far on their own and offset")
    func offsetting() throws {
        // 7 days: 419 → 365 (−54; 2 × √784 = 56: within chance). Badges: Python Basics
        // 172 → 20 (−152; 2 × √192 = 27.7: far beyond), Docker Basics 10 → 108 (+98;
        // 2 × √118 = 21.7), Git 237 → 237. Organizations: Hooli 5 → 104 (+99), the rest
        // 414 → 261 (−153): both beyond chance, Hooli listed second by size.
        func counts(_ badges: [(String, Int)], _ organizations: [(String, Int)]) -> DriverCounts {
            return DriverCounts(
                members: [.badge: Self.members(badges), .organization: Self.members(organizations)])
        }
        let before = counts(
            [("Python Basics", 172), ("Docker Basics", 10), ("Git", 237)],
            [("Hooli", 5), ("Rest", 414)])
        let after = counts(
            [("Python Basics", 20), ("Docker Basics", 108), ("Git", 237)],
            [("Hooli", 104), ("Rest", 261)])
        let drivers = try #require(
            DriverSplit.drivers(
                of: DriverSplit.Move(
                    "enrollments", baseline: "in the 7 days before", expected: (419, 365)),
                before: before, after: after))
        #expect(drivers.withinChance && drivers.splits.isEmpty)
        #expect(drivers.offsetting.map(\.dimension) == [.badge, .organization])
        #expect(drivers.offsetting[0].drivers.map(\.name) == ["Python Basics", "Docker Basics"])
        #expect(drivers.offsetting[0].drivers.map(\.change) == [-152, 98])
        #expect(drivers.offsetting[1].drivers.map(\.name) == ["Rest", "Hooli"])
        #expect(
            drivers.explanation
                == "Within what chance alone gives overall, but with moves that offset each other: the badges Python Basics (−152), Docker Basics (+98); the organizations Rest (−153), Hooli (+99)."
        )
    }
}
