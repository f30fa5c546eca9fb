/// Splits a move into its drivers (docs/metrics.md, "Drivers"). Pure Swift over the small
/// counts of `DriverCounts`, so every engine gives the same drivers from the same counts.
public enum DriverSplit {
    /// Below this many, counts are too small for a change to mean anything: the bound of the
    /// unusual-change insight (`InsightFinder.smallCount` is this one).
    public static let smallCount = 10
    /// A member is named when its part is at least this share of the change.
    public static let namedShare = 0.3
    /// … and at least this much more than its own share of the total: a member that moves in
    /// proportion to its size is part of a broad move. Its share of the total is its share
    /// before the move for a count (a count that grows by the same percentage everywhere
    /// gives each member exactly that share of the change), and its mean share of the
    /// enrollments on the two sides for a rate (a rate that moves by the same points in every
    /// member does the same).
    public static let beyondSize = 0.15
    /// A move of fewer standard deviations than this is within what chance alone gives: a
    /// count's change against √(before + after), the spread of the difference of two counts;
    /// a rate's against √(p(1 − p)(1/n + 1/n′)), with p the rate of both sides together.
    public static let chance = 2.0
    /// Below this many enrollments a rate is noise (`InsightFinder.comparableRate` is this
    /// one): it is not split.
    public static let comparableRate = 20
    /// At most this many drivers are named per dimension; the others join the rest.
    public static let named = 3
    /// The name of the join cohorts that did not exist for all of the earlier window:
    /// `since YYYY-MM`.
    static let newcomers = "since "

    /// What a split reads besides the two windows' counts.
    public struct Move: Sendable {
        public var measure: String
        /// Words that follow "against 120": "in the previous period".
        public var baseline: String
        /// The totals the page shows; counts that do not give them give no drivers.
        public var expected: (before: Double, after: Double)
        /// The weeks `before` covers, read as their mean.
        public var weeks = 1
        /// The first day of the earlier window: join cohorts from its month on did not exist
        /// for all of it, so they count as one member, `since YYYY-MM`, never named.
        public var earlierStart: CivilDate?
        /// Whether the two sides are separate counts that chance can be tested on: false
        /// since the last report, whose windows mostly overlap (a rolling window moves by a
        /// week), so their difference is not two counts' difference.
        public var testsChance = true

        public init(
            _ measure: String, baseline: String, expected: (before: Double, after: Double),
            weeks: Int = 1, earlierStart: CivilDate? = nil, testsChance: Bool = true
        ) {
            self.measure = measure
            self.baseline = baseline
            self.expected = expected
            self.weeks = weeks
            self.earlierStart = earlierStart
            self.testsChance = testsChance
        }
    }

    /// The drivers of a move, a count's or a rate's.
    public static func drivers(of move: Move, before: DriverCounts, after: DriverCounts)
        -> Drivers?
    {
        KeyMeasure.isRate(move.measure)
            ? rate(move, before: before, after: after) : count(move, before: before, after: after)
    }

    /// The drivers of a count (`enrollments`, `completed`, `completions`, `learners`). Nil when
    /// the counts do not add up to the totals the page shows, the earlier side is empty
    /// (every member would be "new"), or the move is too small to split: both sides under
    /// `smallCount`, or a change smaller than that.
    static func count(_ move: Move, before: DriverCounts, after: DriverCounts) -> Drivers? {
        let measure = move.measure
        guard let sumBefore = before.total(measure), let sumAfter = after.total(measure),
            sumBefore > 0
        else { return nil }
        let weeks = max(move.weeks, 1)
        let mean = Double(sumBefore) / Double(weeks)
        guard abs(move.expected.before - mean) < 1e-9, move.expected.after == Double(sumAfter)
        else { return nil }
        // Against several weeks the mean is written with one decimal, and the change is the
        // difference of what is written.
        let scale = weeks > 1 ? 10.0 : 1.0
        let written = Rounding.halfAwayFromZero(mean, places: weeks > 1 ? 1 : 0)
        let units = Int(Rounding.halfAwayFromZero((Double(sumAfter) - written) * scale, places: 0))
        let exact = Double(sumAfter) - mean
        let small = Double(Self.smallCount)
        guard max(mean, Double(sumAfter)) >= small, abs(exact) >= small, units != 0,
            exact * Double(units) > 0
        else { return nil }
        var result = Drivers(
            measure: measure, before: written, after: Double(sumAfter),
            change: Double(units) / scale, baseline: move.baseline, weeks: weeks,
            places: weeks > 1 ? 1 : 0)
        // Against several weeks, the weekly fact has already found the week unusual.
        if weeks == 1, move.testsChance,
            abs(exact) < chance * Double(sumBefore + sumAfter).squareRoot()
        {
            result.withinChance = true
            result.offsetting = offsetting(move, before: before, after: after)
            return result
        }
        for dimension in DriverCounts.Dimension.allCases
        where measure != "learners" || dimension.splitsLearners {
            let pairs = paired(before, after, dimension, earlierStart: move.earlierStart)
            guard pairs.count > 1 else { continue }
            result.dimensions.append(dimension)
            let parts = pairs.map { name, old, new in
                let previous = Double(old.count(measure) ?? 0) / Double(weeks)
                let current = Double(new.count(measure) ?? 0)
                return Part(
                    name: name, before: previous, after: current, change: current - previous,
                    weight: previous / mean,
                    large: max(previous, current) >= small && abs(current - previous) >= small)
            }
            if let split = split(
                parts, dimension, exact: exact, units: units, per: scale, display: scale)
            {
                result.splits.append(split)
            }
        }
        if weeks > 1 {
            // A member's mean before is what makes its written part: after − part.
            for index in result.splits.indices {
                for driver in result.splits[index].drivers.indices {
                    let member = result.splits[index].drivers[driver]
                    result.splits[index].drivers[driver].before =
                        member.after.map {
                            Rounding.halfAwayFromZero($0 - member.change, places: 1)
                        }
                }
            }
        }
        return result
    }

    /// The drivers of `completion_rate` (completed / enrollments) or `drop_rate` (dropped /
    /// enrollments), split over each dimension by a symmetric shift-share, centred: member i's
    /// part is Δw·((r + r′)/2 − R̄) (mix) + Δr·(w + w′)/2 (rate), with w its share of the
    /// enrollments, r its rate and R̄ the mean of the overall rate before and after. The
    /// parts add up to the change exactly (the Δw add up to zero, so R̄ changes no total,
    /// but it makes a member that gains enrollments at a rate below the average pull the
    /// rate down). Nil when the counts do not give the rates the page shows, either side has
    /// fewer than `comparableRate` enrollments, or the page's change is zero.
    static func rate(_ move: Move, before: DriverCounts, after: DriverCounts) -> Drivers? {
        let measure = move.measure
        let numerator = measure == "drop_rate" ? "dropped" : "completed"
        guard let n0 = before.total("enrollments"), let n1 = after.total("enrollments"),
            let c0 = before.total(numerator), let c1 = after.total(numerator),
            // A rate over fewer than 20 enrollments is "a small base" on the page: a 33-point
            // rise of 15 enrollments was split into rate and mix and called broad-based, all
            // 15 in one badge at one organization (blind test 82).
            n0 >= comparableRate, n1 >= comparableRate,
            stored(c0, n0) == move.expected.before, stored(c1, n1) == move.expected.after
        else { return nil }
        let change = KeyMeasure.change(measure, from: move.expected.before, to: move.expected.after)
        let units = Int(Rounding.halfAwayFromZero(change * 100, places: 0))
        let (rate0, rate1) = (Double(c0) / Double(n0), Double(c1) / Double(n1))
        // In hundredths of a point.
        let exact = (rate1 - rate0) * 10_000
        guard units != 0, exact * Double(units) > 0 else { return nil }
        var result = Drivers(
            measure: measure, before: move.expected.before, after: move.expected.after,
            change: change, baseline: move.baseline, places: 2)
        let pooled = Double(c0 + c1) / Double(n0 + n1)
        let spread = (pooled * (1 - pooled) * (1 / Double(n0) + 1 / Double(n1))).squareRoot()
        if move.testsChance, abs(rate1 - rate0) < chance * spread {
            result.withinChance = true
            return result
        }
        let average = (rate0 + rate1) / 2
        for dimension in DriverCounts.Dimension.allCases {
            let pairs = paired(before, after, dimension, earlierStart: move.earlierStart)
            guard pairs.count > 1 else { continue }
            result.dimensions.append(dimension)
            var mix = 0.0
            var within = 0.0
            let parts = pairs.map { name, old, new in
                let (m0, m1) = (old.enrollments, new.enrollments)
                let (k0, k1) = (old.count(numerator) ?? 0, new.count(numerator) ?? 0)
                let (w0, w1) = (Double(m0) / Double(n0), Double(m1) / Double(n1))
                // A member with no enrollments on one side takes its rate from the other.
                var r0 = m0 > 0 ? Double(k0) / Double(m0) : 0
                var r1 = m1 > 0 ? Double(k1) / Double(m1) : 0
                if m0 == 0 { r0 = r1 }
                if m1 == 0 { r1 = r0 }
                let shift = (w1 - w0) * ((r0 + r1) / 2 - average) * 10_000
                let inside = (r1 - r0) * (w0 + w1) / 2 * 10_000
                mix += shift
                within += inside
                return Part(
                    name: name, before: m0 > 0 ? stored(k0, m0) : nil,
                    after: m1 > 0 ? stored(k1, m1) : nil, change: shift + inside,
                    weight: (w0 + w1) / 2, large: max(m0, m1) >= smallCount)
            }
            if dimension == .badge {
                let effects = apportion([within, mix], to: units)
                result.rateEffect = Double(effects[0]) / 100
                result.mixEffect = Double(effects[1]) / 100
            }
            if let split = split(
                parts, dimension, exact: exact, units: units, per: 1, display: 100)
            {
                result.splits.append(split)
            }
        }
        return result
    }

    /// A net move within chance can hide members that moved far beyond chance and offset
    /// each other: each dimension's members whose own move is (not newcomers, not small), the
    /// largest first, at most `named`.
    private static func offsetting(_ move: Move, before: DriverCounts, after: DriverCounts)
        -> [Drivers.Split]
    {
        let small = Double(smallCount)
        var splits: [Drivers.Split] = []
        for dimension in DriverCounts.Dimension.allCases
        where move.measure != "learners" || dimension.splitsLearners {
            let pairs = paired(before, after, dimension, earlierStart: move.earlierStart)
            guard pairs.count > 1 else { continue }
            let moved = pairs.compactMap { name, old, new -> Drivers.Driver? in
                let (previous, current) = (
                    old.count(move.measure) ?? 0, new.count(move.measure) ?? 0
                )
                let change = Double(current - previous)
                guard !name.hasPrefix(newcomers), abs(change) >= small,
                    abs(change) >= chance * Double(previous + current).squareRoot()
                else { return nil }
                return Drivers.Driver(
                    name: name, before: Double(previous), after: Double(current), change: change,
                    share: 0)
            }
            .sorted(by: largestFirst)
            guard !moved.isEmpty else { continue }
            splits.append(
                Drivers.Split(
                    dimension: dimension, drivers: Array(moved.prefix(named)), restChange: 0,
                    restShare: 0))
        }
        return splits
    }

    // MARK: - Parts

    /// The larger change first (either sign), then the name in code point order.
    private static func largestFirst(_ a: some Changed, _ b: some Changed) -> Bool {
        abs(a.change) != abs(b.change)
            ? abs(a.change) > abs(b.change)
            : a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
    }

    private struct Part: Changed {
        var name: String
        var before: Double?
        var after: Double?
        /// In the unit of `exact`.
        var change: Double
        /// The member's share of the total it is part of.
        var weight: Double
        /// Not a small count.
        var large: Bool
    }

    /// The named drivers of one dimension: parts with the change's sign, at least
    /// `namedShare` of it, `beyondSize` more than their weight, and not small. Their parts
    /// and the rest's are apportioned to `units`, the change in the page's rounding in whole
    /// units (`per` units to one unit of `exact`, `display` to one of the page's), their
    /// shares to 10,000.
    private static func split(
        _ parts: [Part], _ dimension: DriverCounts.Dimension, exact: Double, units: Int,
        per: Double, display: Double
    ) -> Drivers.Split? {
        let named = Array(
            parts.filter { part in
                let share = part.change / exact
                // Newcomers always add to the later side, whatever happened: not news.
                return part.large && !part.name.hasPrefix(newcomers) && share >= namedShare
                    && share >= part.weight + beyondSize
            }.sorted(by: largestFirst)
                .prefix(Self.named))
        guard !named.isEmpty else { return nil }
        let rest = exact - named.reduce(0) { $0 + $1.change }
        let amounts = apportion((named.map(\.change) + [rest]).map { $0 * per }, to: units)
        let shares = apportion(
            (named.map(\.change) + [rest]).map { $0 / exact * 10_000 }, to: 10_000)
        let drivers = named.indices.map { index in
            Drivers.Driver(
                name: named[index].name, before: named[index].before, after: named[index].after,
                change: Double(amounts[index]) / display, share: Double(shares[index]) / 10_000)
        }
        return Drivers.Split(
            dimension: dimension, drivers: drivers, restChange: Double(amounts.last!) / display,
            restShare: Double(shares.last!) / 10_000)
    }

    /// Every member of a dimension on either side, by name, with its counts on each side
    /// (zero where it has none). Join cohorts of `earlierStart`'s month and later are one
    /// member, `since YYYY-MM`.
    private static func paired(
        _ before: DriverCounts, _ after: DriverCounts, _ dimension: DriverCounts.Dimension,
        earlierStart: CivilDate?
    ) -> [(String, DriverCounts.Member, DriverCounts.Member)] {
        func members(_ counts: DriverCounts) -> [String: DriverCounts.Member] {
            var result: [String: DriverCounts.Member] = [:]
            for var member in counts.members[dimension] ?? [] {
                if dimension == .cohort, let earlierStart {
                    let month = String(earlierStart.description.prefix(7))
                    if member.name >= month { member.name = newcomers + month }
                }
                result[member.name] = result[member.name].map { $0.adding(member) } ?? member
            }
            return result
        }
        let (old, new) = (members(before), members(after))
        let names = Set(old.keys).union(new.keys).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
        return names.map {
            ($0, old[$0] ?? DriverCounts.Member(name: $0), new[$0] ?? DriverCounts.Member(name: $0))
        }
    }

    /// `n / d` rounded to 4 decimals half away from zero in integers, as the SQL stores a rate.
    static func stored(_ n: Int, _ d: Int) -> Double {
        guard d > 0 else { return 0 }
        return Double((20_000 * n + d) / (2 * d)) / 10_000
    }

    /// Whole units that add up to `total`, each as close to its exact value as the total
    /// allows: each part rounded, then the gap closed one unit at a time on the part whose
    /// rounding gave the most (or the least), the first such part on a tie.
    static func apportion(_ exact: [Double], to total: Int) -> [Int] {
        var units = exact.map { Int(Rounding.halfAwayFromZero($0, places: 0)) }
        guard !units.isEmpty else { return [] }
        var gap = total - units.reduce(0, +)
        while gap != 0 {
            let step = gap > 0 ? 1 : -1
            let index = units.indices.min {
                (Double(units[$0]) - exact[$0]) * Double(step)
                    < (Double(units[$1]) - exact[$1]) * Double(step)
            }!
            units[index] += step
            gap -= step
        }
        return units
    }
}

/// A member with its part of a change: what `DriverSplit` ranks.
private protocol Changed {
    var name: String { get }
    var change: Double { get }
}

extension Drivers.Driver: Changed {}
