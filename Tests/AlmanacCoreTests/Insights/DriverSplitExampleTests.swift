import Testing

@testable import AlmanacCore

/// The worked example of docs/metrics.md, "Drivers", worked by hand there.
@Suite struct DriverSplitExampleTests {
    static func counts(_ badges: [(String, Int, Int)]) -> DriverCounts {
        DriverCounts(
            members: [
                .badge: badges.map { name, enrollments, completed in
                    var member = DriverCounts.Member(name: name)
                    member.enrollments = enrollments
                    member.completed = completed
                    return member
                }
            ])
    }

    @Test("a completion rate's fall splits into −1.50 points of rate and −7.00 of mix")
    func shiftShare() throws {
        let before = Self.counts([("A", 1_000, 600), ("B", 1_000, 300)])
        let after = Self.counts([("A", 500, 280), ("B", 1_500, 450)])
        // 900 / 2,000 = 0.45 and 730 / 2,000 = 0.365, as the page stores them.
        let drivers = try #require(
            DriverSplit.rate(
                "completion_rate", before: before, after: after, expected: (0.45, 0.365),
                baseline: "the previous period"))
        #expect(drivers.change == -8.5)
        #expect(drivers.rateEffect == -1.5)
        #expect(drivers.mixEffect == -7.0)
        let badges = try #require(drivers.splits.first { $0.dimension == .badge })
        #expect(badges.drivers.map(\.name) == ["A"])
        #expect(badges.drivers.first?.change == -16.0)
        // Points are written with trailing zeros dropped, as the change tables write them.
        // 16.00 / 8.50 = 1.882352… → 18,824 ten-thousandths; the rest (B) 7.50 / −8.50.
        #expect(badges.drivers.first?.share == 1.8824)
        #expect(badges.restChange == 7.5)
        #expect(badges.restShare == -0.8824)
        #expect(
            drivers.sentence
                == "Of the −8.5 points, −1.5 points come from the rates inside badges and −7 points from the mix of badges enrolled in. Driven by the badge A (−16 points, more than the whole change, which others offset)."
        )
    }

    @Test("the same rates on a tenth of the enrollments are within chance")
    func chance() throws {
        let before = Self.counts([("A", 100, 60), ("B", 100, 30)])
        let after = Self.counts([("A", 50, 28), ("B", 150, 45)])
        // p = 163 / 400 = 0.4075; √(0.4075 · 0.5925 · (1/200 + 1/200)) = 0.04914; the fall of
        // 0.085 is 1.73 of those, under 2.
        let drivers = try #require(
            DriverSplit.rate(
                "completion_rate", before: before, after: after, expected: (0.45, 0.365),
                baseline: "the previous period"))
        #expect(drivers.withinChance)
        #expect(drivers.splits.isEmpty && !drivers.broadBased && drivers.rateEffect == nil)
    }

    @Test("counts that do not give the page's rates give no drivers")
    func mismatch() {
        let before = Self.counts([("A", 100, 60), ("B", 100, 30)])
        let after = Self.counts([("A", 50, 28), ("B", 150, 45)])
        #expect(
            DriverSplit.rate(
                "completion_rate", before: before, after: after, expected: (0.45, 0.37),
                baseline: "x") == nil)
    }
}
