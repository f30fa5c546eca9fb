import Foundation
import Testing

@testable import AlmanacCore

/// A planted fixture of `DriverFixtures`: its rows, the windows of its moves, their counts
/// worked out by hand, and what its moves must split into.
struct PlantedMove: Sendable, CustomStringConvertible {
    var description: String
    var rows: String
    var windows: [DriverWindow]
    var counts: [[DriverCounts.Dimension: [DriverCounts.Member]]]
    /// Checks the drivers split from the counts (the statement's, on some engine).
    var split: @Sendable ([DriverCounts]) -> Void
}

/// The drivers of a move (issue 23, docs/metrics.md "Drivers") on five planted fixtures: the
/// shared `drivers` statement gives the counts worked out by hand on SQLite and on
/// PostgreSQL alike, and `DriverSplit` turns them into the drivers worked out by hand.
@Suite struct DriversTests {
    typealias Split = Drivers.Split
    typealias Driver = Drivers.Driver

    static let planted: [PlantedMove] = [
        PlantedMove(
            description: "a spike in one badge", rows: DriverFixtures.spike,
            windows: DriverFixtures.spikeWindows, counts: DriverFixtures.spikeCounts,
            split: DriversTests.spike),
        PlantedMove(
            description: "a drop spread evenly", rows: DriverFixtures.evenDrop,
            windows: DriverFixtures.evenDropWindows, counts: DriverFixtures.evenDropCounts,
            split: DriversTests.evenDrop),
        PlantedMove(
            description: "a rate change that is all mix", rows: DriverFixtures.allMix,
            windows: DriverFixtures.rateWindows, counts: DriverFixtures.allMixCounts,
            split: DriversTests.allMix),
        PlantedMove(
            description: "a rate change that is all rate", rows: DriverFixtures.allRate,
            windows: DriverFixtures.weeks,
            counts: DriverFixtures.allRateCounts, split: DriversTests.allRate),
        PlantedMove(
            description: "a change driven by one join cohort", rows: DriverFixtures.cohort,
            windows: DriverFixtures.weeks,
            counts: DriverFixtures.cohortCounts, split: DriversTests.cohort),
    ]

    /// Checks one planted move's counts on `db` against the hand counts and its split.
    @discardableResult
    static func check(_ move: PlantedMove, on db: any DatabaseConnection) throws -> [DriverCounts] {
        let counts = try DriverFixtures.counts(move.windows, on: db)
        #expect(counts.count == move.counts.count)
        for (index, (counted, expected)) in zip(counts, move.counts).enumerated() {
            for dimension in DriverCounts.Dimension.allCases {
                #expect(
                    counted.members[dimension] == expected[dimension],
                    "window \(index + 1), \(dimension.rawValue)")
            }
        }
        move.split(counts)
        return counts
    }

    @Test(
        "SQLite: the shared statement counts, and DriverSplit splits, each planted move as by hand",
        arguments: planted)
    func sqlite(_ move: PlantedMove) throws {
        try Self.check(move, on: try SQLiteConnection(path: try Fixture.database(move.rows)))
    }

    @Test(
        "PostgreSQL: the same counts and drivers as by hand, and as on SQLite",
        .enabled(
            if: TestPostgres.url != nil,
            "needs ALMANAC_TEST_POSTGRES_URL (make test starts a server)"),
        arguments: planted)
    func postgres(_ move: PlantedMove) throws {
        let postgres = try #require(try TestPostgres.fixture(move.rows))
        let counts = try Self.check(move, on: postgres)
        let sqlite = try DriverFixtures.counts(
            move.windows, on: try SQLiteConnection(path: try Fixture.database(move.rows)))
        #expect(counts == sqlite)
    }

    // MARK: - The splits, worked out by hand

    /// A badge named alone, and its category, which holds no other badge, with the same
    /// numbers.
    static func badgeAndCategory(
        _ driver: Driver, category: String, rest: Double, share: Double
    ) -> [Split] {
        var other = driver
        other.name = category
        return [
            Split(dimension: .badge, drivers: [driver], restChange: rest, restShare: share),
            Split(dimension: .category, drivers: [other], restChange: rest, restShare: share),
        ]
    }

    /// Against the mean of the 12 weeks before (144 / 12 = 12.0 a week), the week's 51 is
    /// +39.0 (no test of chance: the weekly fact found the week). Python Basics: 48 / 12 =
    /// 4.0 → 40, +36.0, 36 / 39 = 0.923077 → 0.9231 of it, against 4/12 = 0.3333 of the
    /// enrollments before (+ 0.15 = 0.4833): named. The rest (SQL Fundamentals +3) +3.0,
    /// 0.0769. Programming is Python Basics alone. Acme 6 → 26 (+20, 0.5128) and Globex 6 →
    /// 25 (+19, 0.4872) against half the enrollments before (0.5 + 0.15 = 0.65): not named.
    /// One join month holds everything. The index's 7 days: 12 → 51, +39, beyond chance (2 ×
    /// √63 = 15.9), the same parts in whole enrollments.
    static func spike(_ counts: [DriverCounts]) {
        let splits = badgeAndCategory(
            Driver(name: "Python Basics", before: 4, after: 40, change: 36, share: 0.9231),
            category: "Programming", rest: 3, share: 0.0769)
        let week = DriverSplit.count(
            "enrollments", before: counts[0], after: counts[1], weeks: 12, expected: (12, 51),
            baseline: "the mean of the 12 weeks before")
        // Every learner joined in one month: no join cohort to split over.
        var expected = drivers("enrollments", 12, 51, change: 39, splits, dimensions: oneCohort)
        expected.baseline = "the mean of the 12 weeks before"
        expected.weeks = 12
        expected.places = 1
        #expect(week == expected)
        #expect(week?.broadBased == false)
        #expect(
            week?.sentence.contains("the badge Python Basics (+36, 92.3% of the change)") == true)
        let days = DriverSplit.count(
            "enrollments", before: counts[2], after: counts[1], expected: (12, 51),
            baseline: "the 7 days before")
        expected.baseline = "the 7 days before"
        expected.weeks = 1
        expected.places = 0
        #expect(days == expected)
        // 12 learners in both: no move to split.
        #expect(
            DriverSplit.count(
                "learners", before: counts[2], after: counts[1], baseline: "the 7 days before")
                == nil)
    }

    /// The drivers of `measure` from window `from` to window `to` of `counts`, against the
    /// previous period, whose totals the page shows as `expected`.
    static func split(
        _ measure: String, _ counts: [DriverCounts], _ from: Int = 0, _ to: Int = 1,
        expected: (Double, Double)
    ) -> Drivers? {
        KeyMeasure.isRate(measure)
            ? DriverSplit.rate(
                measure, before: counts[from], after: counts[to], expected: expected,
                baseline: ComparisonWindows.previousPhrase)
            : DriverSplit.count(
                measure, before: counts[from], after: counts[to], expected: expected,
                baseline: ComparisonWindows.previousPhrase)
    }

    /// The drivers worked out by hand against the previous period, split over all four
    /// dimensions (none when within chance): a count's change whole, a rate's in points.
    static func drivers(
        _ measure: String, _ before: Double, _ after: Double, change: Double, _ splits: [Split],
        effects: (rate: Double, mix: Double)? = nil, withinChance: Bool = false,
        dimensions: [DriverCounts.Dimension] = DriverCounts.Dimension.allCases
    ) -> Drivers {
        Drivers(
            measure: measure, before: before, after: after, change: change,
            baseline: ComparisonWindows.previousPhrase, splits: splits,
            dimensions: withinChance ? [] : dimensions,
            rateEffect: effects?.rate, mixEffect: effects?.mix, withinChance: withinChance,
            places: KeyMeasure.isRate(measure) ? 2 : 0)
    }

    /// The dimensions of a fixture whose learners all joined in one month: a dimension with
    /// one member is not split over.
    static let oneCohort: [DriverCounts.Dimension] = [.badge, .category, .organization]

    /// 40 → 16, −24, beyond chance (2 × √56 = 15.0): every badge, category, organization and
    /// join month 20 → 8, −12, half the change from half the enrollments (0.5 < 0.5 + 0.15):
    /// nothing out of proportion, broad-based.
    static func evenDrop(_ counts: [DriverCounts]) {
        let drivers = split("enrollments", counts, expected: (40, 16))
        #expect(drivers == Self.drivers("enrollments", 40, 16, change: -24, []))
        #expect(drivers?.broadBased == true)
        #expect(drivers?.json["broad_based"] == true)
        #expect(drivers?.json["within_chance"] == false)
        #expect(drivers?.json["by"] == [])
        #expect(
            drivers?.sentence
                == "No single badge, category, organization or join cohort accounts for 30% of it and 15 points more than its usual share: the move is broad-based."
        )
    }

    /// Blind test 84: split over a page's badges alone, "the move is broad-based" stood
    /// beside another page naming an organization as the driver of the same move.
    /// The previous period named with its days: "…(2026-07-01 to 2026-07-31) (+162)" read
    /// as two asides; the change follows a comma.
    @Test("a baseline that names its days in brackets takes the change after a comma")
    func moveAfterDays() {
        let named = Drivers(
            measure: "enrollments", before: 712, after: 874, change: 162,
            baseline: "in the previous period (2026-07-01 to 2026-07-31)", places: 0)
        #expect(
            named.move == "874 against 712 in the previous period (2026-07-01 to 2026-07-31), +162")
        let plain = Drivers(
            measure: "enrollments", before: 712, after: 874, change: 162,
            baseline: "in 2025", places: 0)
        #expect(plain.move == "874 against 712 in 2025 (+162)")
    }

    @Test("broad across one dimension alone says which")
    func broadAcrossOne() {
        var drivers = Drivers(
            measure: "enrollments", before: 2313, after: 2425, change: 112, baseline: "b",
            places: 0)
        drivers.dimensions = [.badge]
        #expect(drivers.broadBased)
        #expect(
            drivers.sentence
                == "No single badge accounts for 30% of it and 15 points more than its usual share: across badges, the move is broad-based."
        )
        drivers.dimensions = [.category]
        #expect(drivers.sentence.hasSuffix(": across categories, the move is broad-based."))
    }

    /// Completion rate 100/200 = 0.5 → 64/200 = 0.32: −18.00 points, beyond chance (pooled
    /// 164/400 = 0.41, 2 × √(0.41 × 0.59 × (1/200 + 1/200)) = 0.098). Inside each badge the
    /// rate stays (Python Basics 80/100 = 32/40 = 0.8, SQL Fundamentals 20/100 = 32/160 =
    /// 0.2): rate effect 0. Mix, centred on the mean overall rate (0.5 + 0.32)/2 = 0.41:
    /// Python Basics Δw = 0.2 − 0.5 = −0.3 at 0.8 − 0.41 = 0.39 → −11.70, SQL Fundamentals
    /// +0.3 at 0.2 − 0.41 = −0.21 → −6.30; −18.00 in all. Python Basics explains −11.7 / −18
    /// = 0.65 of it (its mean share of the enrollments 0.35, + 0.15 = 0.5): named; the rest
    /// −6.30, 0.35 (SQL Fundamentals' mean share 0.65 + 0.15 is more). Each organization
    /// keeps half of every badge: no Δw, −9.00 each from its rate, 0.5 of the change and of
    /// the enrollments: not named. One join month: no cohort to split over.
    static func allMix(_ counts: [DriverCounts]) {
        func named(
            _ before: Double, _ after: Double, _ part: (Double, Double), rest: (Double, Double)
        )
            -> [Split]
        {
            badgeAndCategory(
                Driver(
                    name: "Python Basics", before: before, after: after, change: part.0,
                    share: part.1), category: "Programming", rest: rest.0, share: rest.1)
        }
        let completion = split("completion_rate", counts, expected: (0.5, 0.32))
        #expect(
            completion
                == drivers(
                    "completion_rate", 0.5, 0.32, change: -18,
                    named(0.8, 0.8, (-11.7, 0.65), rest: (-6.3, 0.35)),
                    effects: (0, -18), dimensions: oneCohort))
        #expect(completion?.json["rate_effect"] == 0)
        #expect(completion?.json["mix_effect"] == -18)
        // Drop-out rate 20/200 = 0.1 → 32/200 = 0.16, +6.00 points: pooled 52/400 = 0.13,
        // 2 × √(0.13 × 0.87 × 0.01) = 0.0673 > 0.06: within chance, not split.
        let drop = split("drop_rate", counts, expected: (0.1, 0.16))
        #expect(drop == drivers("drop_rate", 0.1, 0.16, change: 6, [], withinChance: true))
        #expect(drop?.broadBased == false)
        #expect(drop?.json["within_chance"] == true)
        // Completed 100 → 64, −36 (2 × √164 = 25.6): Python Basics 80 → 32, −48, 1.3333 of it
        // against 0.8 of the enrollments before (+ 0.15 = 0.95): named; the rest +12.
        #expect(
            split("completed", counts, expected: (100, 64))
                == drivers(
                    "completed", 100, 64, change: -36,
                    named(80, 32, (-48, 1.3333), rest: (12, -0.3333)), dimensions: oneCohort))
        // Completions by the day they happened: 100 → 65, −35 (2 × √165 = 25.7); Python
        // Basics 80 → 33, −47, 47/35 = 1.342857 → 1.3429 of it (0.8 + 0.15 = 0.95): named;
        // the rest (SQL Fundamentals 20 → 32) +12, −0.3429. Acme 50 → 33 (−17, 0.4857) and
        // Globex 50 → 32 (−18, 0.5143), half before: not named.
        #expect(
            split("completions", counts, 2, 3, expected: (100, 65))
                == drivers(
                    "completions", 100, 65, change: -35,
                    named(80, 33, (-47, 1.3429), rest: (12, -0.3429)), dimensions: oneCohort))
    }

    /// The same 100/100 enrollments in both weeks: Python Basics 80/100 = 0.8 → 48/100 =
    /// 0.48, SQL Fundamentals 20/100 = 0.2 → 24/100 = 0.24; in all 0.5 → 0.36, −14.00 points,
    /// beyond chance (pooled 0.43, 2 × √(0.43 × 0.57 × 0.01) = 0.099). Mix 0 (no Δw). Rate:
    /// Python Basics −0.32 × 0.5 = −16.00, SQL Fundamentals +0.04 × 0.5 = +2.00. Python
    /// Basics is named with −16.00, −16 / −14 = 1.142857 → 1.1429 (0.5 + 0.15 = 0.65); the
    /// rest +2.00, −0.1429. Organizations: −7.00 each, half.
    static func allRate(_ counts: [DriverCounts]) {
        #expect(
            split("completion_rate", counts, expected: (0.5, 0.36))
                == drivers(
                    "completion_rate", 0.5, 0.36, change: -14,
                    badgeAndCategory(
                        Driver(
                            name: "Python Basics", before: 0.8, after: 0.48, change: -16,
                            share: 1.1429), category: "Programming", rest: 2, share: -0.1429),
                    effects: (-14, 0), dimensions: oneCohort))
    }

    /// 40 → 80, +40, beyond chance (2 × √120 = 21.9): January 2024 0 → 36 explains 36 / 40
    /// = 0.9 of it with none of the enrollments before: named; the rest (June +4) +4, 0.1.
    /// Each badge, category and organization 20 → 40: half, from half. Learners 4 → 6: a
    /// move of 2, too small to split.
    static func cohort(_ counts: [DriverCounts]) {
        let named = Driver(name: "2024-01", before: 0, after: 36, change: 36, share: 0.9)
        let drivers = split("enrollments", counts, expected: (40, 80))
        #expect(
            drivers
                == Self.drivers(
                    "enrollments", 40, 80, change: 40,
                    [Split(dimension: .cohort, drivers: [named], restChange: 4, restShare: 0.1)]))
        #expect(
            drivers?.sentence.contains("learners who joined in 2024-01 (+36, 90.0% of the change)")
                == true)
        #expect(split("learners", counts, expected: (4, 6)) == nil)
    }

    /// Blind test 47: "with moves that offset each other: the badges SQL Fundamentals (−17),
    /// Python Basics (−12); the category Programming (−28)", all falls. Offsetting is said
    /// only of moves that go both ways.
    @Test("moves beyond chance that all go one way are not said to offset each other")
    func sameWayMoves() {
        func member(_ name: String, _ change: Double) -> Drivers.Driver {
            Drivers.Driver(name: name, before: nil, after: nil, change: change, share: 0)
        }
        var drivers = Self.drivers("completed", 142, 113, change: -29, [], withinChance: true)
        drivers.offsetting = [
            Split(
                dimension: .badge,
                drivers: [member("SQL Fundamentals", -17), member("Python Basics", -12)],
                restChange: 0, restShare: 0),
            Split(
                dimension: .category, drivers: [member("Programming", -28)], restChange: 0,
                restShare: 0),
        ]
        #expect(
            drivers.explanation
                == "Within what chance alone gives overall, though these moved beyond it on their own: the badges SQL Fundamentals (−17), Python Basics (−12); the category Programming (−28)."
        )
        drivers.offsetting[0].drivers[1].change = 12
        #expect(
            drivers.explanation.hasPrefix(
                "Within what chance alone gives overall, but with moves that offset each other: "))
    }

    /// Blind test 47: "Driven by the badges Python Intermediate (−38…), Git & GitHub (−34…);
    /// and by the categories …" left out the organization Acme & Sons with 58.1 % of the
    /// change, the largest share, which the JSON named. The two dimensions said are those
    /// whose first driver holds the most of the change, in the dimensions' order.
    @Test("the sentence names the two dimensions with the largest drivers")
    func strongestDimensions() {
        func member(_ name: String, _ change: Double, _ share: Double) -> Drivers.Driver {
            Drivers.Driver(name: name, before: nil, after: nil, change: change, share: share)
        }
        let drivers = Self.drivers(
            "enrollments", 1083, 978, change: -105,
            [
                Split(
                    dimension: .badge, drivers: [member("Python Intermediate", -38, 0.3619)],
                    restChange: -67, restShare: 0.6381),
                Split(
                    dimension: .category, drivers: [member("Programming", -60, 0.5714)],
                    restChange: -45, restShare: 0.4286),
                Split(
                    dimension: .organization, drivers: [member("Acme & Sons", -61, 0.581)],
                    restChange: -44, restShare: 0.419),
            ])
        #expect(
            drivers.explanation
                == "Driven by the category Programming (−60, 57.1% of the change); and by the organization Acme & Sons (−61, 58.1% of the change)."
        )
    }
}
