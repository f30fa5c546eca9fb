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
            DriverSplit.drivers(
                of: DriverSplit.Move(
                    "completion_rate", baseline: "in the previous period", expected: (0.45, 0.365)),
                before: before, after: after))
        #expect(drivers.change == -8.5)
        #expect(drivers.rateEffect == -1.5)
        #expect(drivers.mixEffect == -7.0)
        // Centred on the mean overall rate R̄ = (0.45 + 0.365) / 2 = 0.4075: A's mix is
        // −0.25 × (0.58 − 0.4075) = −4.3125 points, its rate −0.04 × 0.375 = −1.5, so −5.8125;
        // B's mix 0.25 × (0.30 − 0.4075) = −2.6875. In hundredths, −581.25 and −268.75 round
        // to −581 and −269: −850 as the page's −8.50. Shares 5.8125 / 8.5 = 0.68382 and
        // 0.31618: 6,838 and 3,162 ten-thousandths.
        let badges = try #require(drivers.splits.first { $0.dimension == .badge })
        #expect(badges.drivers.map(\.name) == ["A"])
        #expect(badges.drivers.first?.change == -5.81)
        #expect(badges.drivers.first?.share == 0.6838)
        #expect(badges.restChange == -2.69)
        #expect(badges.restShare == 0.3162)
        // B's 31.6 % is short of its mean share of the enrollments (62.5 %) plus 15 points.
        // Points are written with trailing zeros dropped, as the change tables write them;
        // the share in prose with one decimal (its fourth is not a 5).
        #expect(
            drivers.explanation
                == "Of the −8.5 points, −1.5 points come from the rates inside badges and −7 points from the mix of badges enrolled in. Driven by the badge A (−5.81 points, 68.4% of the change)."
        )
    }

    @Test("the same rates on a tenth of the enrollments are within chance")
    func chance() throws {
        let before = Self.counts([("A", 100, 60), ("B", 100, 30)])
        let after = Self.counts([("A", 50, 28), ("B", 150, 45)])
        // p = 163 / 400 = 0.4075; √(0.4075 · 0.5925 · (1/200 + 1/200)) = 0.04914; the fall of
        // 0.085 is 1.73 of those, under 2.
        let drivers = try #require(
            DriverSplit.drivers(
                of: DriverSplit.Move(
                    "completion_rate", baseline: "in the previous period", expected: (0.45, 0.365)),
                before: before, after: after))
        #expect(drivers.withinChance)
        #expect(drivers.splits.isEmpty && !drivers.broadBased && drivers.rateEffect == nil)
    }

    @Test("counts that do not give the page's rates give no drivers")
    func mismatch() {
        let before = Self.counts([("A", 100, 60), ("B", 100, 30)])
        let after = Self.counts([("A", 50, 28), ("B", 150, 45)])
        #expect(
            DriverSplit.drivers(
                of: DriverSplit.Move("completion_rate", baseline: "x", expected: (0.45, 0.37)),
                before: before, after: after) == nil)
    }
}
