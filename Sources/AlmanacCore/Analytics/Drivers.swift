/// What drove a move: its change split over the members of each dimension (badge, badge
/// category, organization, join cohort), with the members that explain a large share of it
/// out of proportion to their size named, and for a rate the part that comes from the rates
/// inside badges and the part that comes from the mix of badges (docs/metrics.md, "Drivers").
public struct Drivers: Sendable, Equatable {
    /// A member named as a driver.
    public struct Driver: Sendable, Equatable {
        public var name: String
        /// The member's value on each side: a count (a mean a week against a baseline of
        /// several weeks), or its rate.
        public var before: Double
        public var after: Double
        /// Its part of the move's change, in the move's unit; the parts of one dimension add
        /// up to the move's change exactly, in the page's rounding.
        public var change: Double
        /// change / the move's change, 4 decimals; the shares of one dimension add up to 1.
        public var share: Double
    }

    /// The named drivers of one dimension, and every other member together.
    public struct Split: Sendable, Equatable {
        public var dimension: DriverCounts.Dimension
        public var drivers: [Driver]
        public var restChange: Double
        public var restShare: Double
    }

    public var measure: String
    /// The total on each side (a mean a week against a baseline of several weeks).
    public var before: Double
    public var after: Double
    /// after − before as the page writes it: a count, one decimal against a mean, points
    /// with two decimals for a rate.
    public var change: Double
    /// What the move is measured against, in words: "the previous period", "the mean of the
    /// 12 weeks before", "the 7 days before".
    public var baseline: String
    /// The dimensions with at least one named driver, in the order of `Dimension.allCases`.
    public var splits: [Split]
    /// Every dimension the move was split over: all four, organizations and cohorts for
    /// learners, the question's own slices since the last report.
    public var dimensions: [DriverCounts.Dimension] = []
    /// For a rate, over badges: the part of the change from the rates inside badges and the
    /// part from the mix of enrollments across badges, in points; they add up to `change`.
    public var rateEffect: Double?
    public var mixEffect: Double?

    /// The move is no larger than chance alone makes it (`DriverSplit.chance`): it is not
    /// split, and no driver is named.
    public var withinChance = false

    /// No member of any dimension explains a real move: it is spread over all of them.
    public var broadBased: Bool { splits.isEmpty && !withinChance }

    /// The decimals of `change` and of each part: 0 for a count, 1 against a mean, 2 for
    /// the points of a rate.
    public var places = 0

    public var json: JSONValue {
        let number = Comparison.Row.number
        var members: [String: JSONValue] = [
            "measure": .string(measure), "before": number(before), "after": number(after),
            "change": number(change), "baseline": .string(baseline),
            "broad_based": .bool(broadBased), "within_chance": .bool(withinChance),
            "dimensions": .array(dimensions.map { .string($0.rawValue) }),
            "by": .array(
                splits.map { split in
                    [
                        "dimension": .string(split.dimension.rawValue),
                        "drivers": .array(
                            split.drivers.map {
                                [
                                    "name": .string($0.name), "before": number($0.before),
                                    "after": number($0.after), "change": number($0.change),
                                    "share": number($0.share),
                                ]
                            }),
                        "rest": [
                            "change": number(split.restChange), "share": number(split.restShare),
                        ],
                    ]
                }),
        ]
        if let rateEffect, let mixEffect {
            members["rate_effect"] = number(rateEffect)
            members["mix_effect"] = number(mixEffect)
        }
        return .object(members)
    }

    /// A part of the change as a sentence writes it: "+140", "−12.5", "−1.20 points".
    public func amount(_ value: Double) -> String {
        let sign = value > 0 ? "+" : value < 0 ? "−" : ""
        let digits =
            places == 0
            ? NumberText.count(Int(abs(value).rounded()))
            : NumberText.decimal(abs(value), places: places)
        return sign + digits + (KeyMeasure.isRate(measure) ? " points" : "")
    }

    /// The drivers in one sentence of Markdown, names escaped: "Driven by Python Basics
    /// (badge, +140, 92.7% of the change)." Names of the first two dimensions with drivers.
    public var sentence: String {
        let md = MarkdownText.escape
        var opening = ""
        if let rateEffect, let mixEffect {
            opening =
                "Of the \(amount(change)), \(amount(rateEffect)) come from the rates inside badges "
                + "and \(amount(mixEffect)) from the mix of badges enrolled in. "
        }
        if withinChance {
            return "A move this size is within what chance alone gives, so no driver is named."
        }
        guard !broadBased else {
            let words = dimensions.map { $0.label }
            let listed =
                words.count > 1
                ? words.dropLast().joined(separator: ", ") + " or " + words.last!
                : words.first ?? ""
            return opening + "No \(listed) stands out: the move is broad-based."
        }
        let named = splits.prefix(2).map { split in
            let members = split.drivers.map { driver in
                let share =
                    driver.share > 1
                    ? "more than the whole change, which others offset"
                    : "\(NumberText.percent(driver.share)) of the change"
                return "\(md(DisplayName.cut(driver.name))) (\(amount(driver.change)), \(share))"
            }
            let plural = members.count > 1
            let together = split.drivers.reduce(0) { $0 + $1.share }
            let offset =
                plural && together > 1
                ? ", together more than the whole change, which the rest offset" : ""
            let listed = members.joined(separator: ", ") + offset
            switch split.dimension {
            case .badge: return (plural ? "the badges " : "the badge ") + listed
            case .category: return (plural ? "the categories " : "the category ") + listed
            case .organization:
                return (plural ? "the organizations " : "the organization ") + listed
            case .cohort: return "learners who joined in " + listed
            }
        }
        return opening + "Driven by " + named.joined(separator: "; and by ") + "."
    }
}

/// Splits a move into its drivers. Pure Swift over the small counts of `DriverCounts`, so
/// every engine gives the same drivers from the same counts.
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
    /// At most this many drivers are named per dimension; the others join the rest.
    public static let named = 3

    /// The drivers of a count (`enrollments`, `completed`, `completions`, `learners`) from
    /// `before` (summed over `weeks` weeks, read as their mean) to `after`. Nil when the counts
    /// do not add up to the totals the page shows (`expected`), or the move is too small to
    /// split: both sides under `smallCount`, or a change smaller than that.
    public static func count(
        _ measure: String, before: DriverCounts, after: DriverCounts, weeks: Int = 1,
        expected: (before: Double, after: Double)? = nil, baseline: String
    ) -> Drivers? {
        guard let sumBefore = before.total(measure), let sumAfter = after.total(measure)
        else { return nil }
        let divisor = Double(max(weeks, 1))
        let total = (before: Double(sumBefore) / divisor, after: Double(sumAfter))
        if let expected, abs(expected.before - total.before) > 1e-9 || expected.after != total.after
        {
            return nil
        }
        let exact = total.after - total.before
        let small = Double(Self.smallCount)
        guard max(total.before, total.after) >= small, abs(exact) >= small else { return nil }
        let scale = weeks > 1 ? 10.0 : 1.0
        let units = Int(Rounding.halfAwayFromZero(exact * scale, places: 0))
        var result = Drivers(
            measure: measure, before: Rounding.halfAwayFromZero(total.before, places: 1),
            after: total.after, change: Double(units) / scale, baseline: baseline, splits: [],
            places: weeks > 1 ? 1 : 0)
        // Against several weeks, the weekly fact has already found the week unusual.
        if weeks == 1, abs(exact) < chance * (total.before + total.after).squareRoot() {
            result.withinChance = true
            return result
        }
        for dimension in DriverCounts.Dimension.allCases
        where (measure != "learners" || dimension.splitsLearners)
            && (before.members[dimension] != nil || after.members[dimension] != nil)
        {
            result.dimensions.append(dimension)
            let members = paired(before, after, dimension).map { name, old, new in
                let previous = Double(old.count(measure) ?? 0) / divisor
                let current = Double(new.count(measure) ?? 0)
                return Part(
                    name: name, before: previous, after: current, change: current - previous,
                    weight: total.before > 0 ? previous / total.before : 0,
                    large: max(previous, current) >= small && abs(current - previous) >= small)
            }
            if let split = split(
                members, dimension: dimension, exact: exact, units: units, per: scale,
                display: scale)
            {
                result.splits.append(split)
            }
        }
        if weeks > 1 {
            for index in result.splits.indices {
                for driver in result.splits[index].drivers.indices {
                    result.splits[index].drivers[driver].before = Rounding.halfAwayFromZero(
                        result.splits[index].drivers[driver].before, places: 1)
                }
            }
        }
        return result
    }

    /// The drivers of `completion_rate` (completed / enrollments) or `drop_rate` (dropped /
    /// enrollments), split over each dimension by a symmetric shift-share: member i's part is
    /// Δw·(r + r′)/2 (mix) + Δr·(w + w′)/2 (rate), with w its share of the enrollments and r
    /// its rate; the parts add up to the change exactly. Nil when the counts do not give the
    /// rates the page shows, either side has fewer than `smallCount`
    /// enrollments, or the page's change is zero.
    public static func rate(
        _ measure: String, before: DriverCounts, after: DriverCounts,
        expected: (before: Double, after: Double), baseline: String
    ) -> Drivers? {
        let numerator = measure == "drop_rate" ? "dropped" : "completed"
        guard let n0 = before.total("enrollments"), let n1 = after.total("enrollments"),
            let c0 = before.total(numerator), let c1 = after.total(numerator),
            n0 >= smallCount, n1 >= smallCount,
            stored(c0, n0) == expected.before, stored(c1, n1) == expected.after
        else { return nil }
        let change = KeyMeasure.change(measure, from: expected.before, to: expected.after)
        let units = Int(Rounding.halfAwayFromZero(change * 100, places: 0))
        // In hundredths of a point.
        let exact = (Double(c1) / Double(n1) - Double(c0) / Double(n0)) * 10_000
        guard units != 0, exact * Double(units) > 0 else { return nil }
        var result = Drivers(
            measure: measure, before: expected.before, after: expected.after, change: change,
            baseline: baseline, splits: [], places: 2)
        let pooled = Double(c0 + c1) / Double(n0 + n1)
        let spread = (pooled * (1 - pooled) * (1 / Double(n0) + 1 / Double(n1))).squareRoot()
        if abs(exact) / 10_000 < chance * spread {
            result.withinChance = true
            return result
        }
        // With one badge on each side there is no mix to tell from the rate.
        let badges = Set(
            (before.members[.badge] ?? []).filter { $0.enrollments > 0 }.map(\.name)
                + (after.members[.badge] ?? []).filter { $0.enrollments > 0 }.map(\.name))
        for dimension in DriverCounts.Dimension.allCases
        where before.members[dimension] != nil || after.members[dimension] != nil {
            result.dimensions.append(dimension)
            var mix = 0.0
            var within = 0.0
            let members = paired(before, after, dimension).map { name, old, new in
                let (m0, m1) = (old.enrollments, new.enrollments)
                let (k0, k1) = (old.count(numerator) ?? 0, new.count(numerator) ?? 0)
                let w0 = Double(m0) / Double(n0)
                let w1 = Double(m1) / Double(n1)
                var r0 = m0 > 0 ? Double(k0) / Double(m0) : 0
                var r1 = m1 > 0 ? Double(k1) / Double(m1) : 0
                if m0 == 0 { r0 = r1 }
                if m1 == 0 { r1 = r0 }
                let shift = (w1 - w0) * (r0 + r1) / 2 * 10_000
                let inside = (r1 - r0) * (w0 + w1) / 2 * 10_000
                mix += shift
                within += inside
                return Part(
                    name: name, before: m0 > 0 ? stored(k0, m0) : 0,
                    after: m1 > 0 ? stored(k1, m1) : 0, change: shift + inside,
                    weight: (w0 + w1) / 2, large: max(m0, m1) >= smallCount)
            }
            if dimension == .badge, badges.count > 1 {
                let effects = apportion([within, mix], to: units)
                result.rateEffect = Double(effects[0]) / 100
                result.mixEffect = Double(effects[1]) / 100
            }
            if let split = split(
                members, dimension: dimension, exact: exact, units: units, per: 1, display: 100)
            {
                result.splits.append(split)
            }
        }
        return result
    }

    // MARK: - Parts

    private struct Part {
        var name: String
        var before: Double
        var after: Double
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
        _ parts: [Part], dimension: DriverCounts.Dimension, exact: Double, units: Int,
        per: Double, display: Double
    ) -> Drivers.Split? {
        let named = Array(
            parts.filter { part in
                let share = part.change / exact
                return part.large && share >= namedShare && share >= part.weight + beyondSize
            }.sorted {
                abs($0.change) != abs($1.change)
                    ? abs($0.change) > abs($1.change)
                    : $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars)
            }
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
    /// (zero where it has none).
    private static func paired(
        _ before: DriverCounts, _ after: DriverCounts, _ dimension: DriverCounts.Dimension
    ) -> [(String, DriverCounts.Member, DriverCounts.Member)] {
        let old = Dictionary(
            (before.members[dimension] ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }
        )
        let new = Dictionary(
            (after.members[dimension] ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
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
