import Testing

@testable import AlmanacCore

/// Review of issue 23's drivers: cases worked by hand where the split misleads.
@Suite struct DriverSplitReviewTests {
    /// Badges with enrollments and completed enrollments.
    static func counts(_ badges: [(String, Int, Int)]) -> DriverCounts {
        DriverSplitExampleTests.counts(badges)
    }

    /// metrics.md's worked example. Overall 45 % → 36.5 % (−8.50 points), mean 40.75 %.
    /// B gains a quarter of the enrollments at 30 %, below the overall rate: that pulls the
    /// rate down, so B's part must be negative, not the +7.50 that "offsets" the fall.
    /// Centred on the mean overall rate R̄ (Σ Δwᵢ = 0, so the parts still add up to R′ − R):
    /// A: mix −0.25 × (0.58 − 0.4075) = −4.3125, rate −0.04 × 0.375 = −1.5 → −5.8125 points;
    /// B: mix +0.25 × (0.30 − 0.4075) = −2.6875, rate 0 → −2.6875 points; sum −8.50.
    @Test("a badge that gains enrollments at a below-average rate pulls the rate down")
    func belowAverageGrowthLowersTheRate() throws {
        // Ten times the enrollments, so that the fall is not within chance.
        let before = Self.counts([("A", 1_000, 600), ("B", 1_000, 300)])
        let after = Self.counts([("A", 500, 280), ("B", 1_500, 450)])
        let drivers = try #require(
            DriverSplit.rate(
                "completion_rate", before: before, after: after, expected: (0.45, 0.365),
                baseline: "the previous period"))
        let badges = try #require(drivers.splits.first { $0.dimension == .badge })
        // A: 5.8125 / 8.5 = 68.4 % of the fall; B (the rest) 31.6 %, also a fall.
        #expect(badges.drivers.first?.change == -5.81)
        #expect(badges.restChange == -2.69)
        #expect(badges.restShare > 0)
    }

    /// A mean of 12 weeks that ends in .x5 at the second decimal: 123 / 12 = 10.25, written
    /// 10.3 (half away from zero). The week's 31 is then 20.7 above the mean as written, but
    /// the exact 31 − 10.25 = 20.75 rounds to 20.8: the JSON says before 10.3, after 31,
    /// change 20.8.
    @Test("a weekly move's before, after and change agree as written")
    func weeklyMeanRounding() throws {
        let before = Self.counts([("A", 123, 0), ("B", 0, 0)])
        let after = Self.counts([("A", 31, 0), ("B", 0, 0)])
        let drivers = try #require(
            DriverSplit.count(
                "enrollments", before: before, after: after, weeks: 12,
                expected: (10.25, 31), baseline: "the mean of the 12 weeks before"))
        #expect(drivers.before == 10.3)
        #expect(abs((drivers.after - drivers.before) - drivers.change) < 1e-9)
    }

    /// Badges and organizations with enrollments only.
    static func split(badges: [(String, Int)], organizations: [(String, Int)]) -> DriverCounts {
        func members(_ list: [(String, Int)]) -> [DriverCounts.Member] {
            list.map { name, enrollments in
                var member = DriverCounts.Member(name: name)
                member.enrollments = enrollments
                return member
            }
        }
        return DriverCounts(members: [
            .badge: members(badges), .organization: members(organizations),
        ])
    }

    /// The previous window has no enrollments at all (a year before the data starts): every
    /// member's share before is 0, so any member with 30 % of the new total is "driving" the
    /// rise. 0 → 100 in badges X 40 and Y 60 names both; nothing moved, everything is new.
    @Test("a move from nothing names no drivers")
    func fromNothing() {
        let before = Self.split(badges: [], organizations: [])
        let after = Self.split(badges: [("X", 40), ("Y", 60)], organizations: [("O", 100)])
        let drivers = DriverSplit.count(
            "enrollments", before: before, after: after, expected: (0, 100),
            baseline: "the previous period")
        #expect(drivers == nil)
    }

    /// A question filtered to one badge: the badge dimension has one member, which holds all
    /// of the change and all of the total. "No badge stands out" says nothing, and a split
    /// over it cannot tell anything.
    @Test("a dimension with one member on both sides is not split over")
    func oneMember() throws {
        let before = Self.split(badges: [("Only", 100)], organizations: [("O", 50), ("P", 50)])
        let after = Self.split(badges: [("Only", 140)], organizations: [("O", 70), ("P", 70)])
        let drivers = try #require(
            DriverSplit.count(
                "enrollments", before: before, after: after, expected: (100, 140),
                baseline: "the previous period"))
        #expect(drivers.dimensions == [.organization])
        #expect(!drivers.sentence.contains("badge"))
    }
}
