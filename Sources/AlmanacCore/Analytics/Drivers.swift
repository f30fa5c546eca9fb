/// What drove a move: its change split over the members of each dimension (badge, badge
/// category, organization, join cohort), with the members that explain a large share of it
/// beyond their size named, and for a rate the part that comes from the rates inside badges
/// and the part that comes from the mix of badges (docs/metrics.md, "Drivers"). Made by
/// `DriverSplit`.
public struct Drivers: Sendable, Equatable {
    /// A member named as a driver.
    public struct Driver: Sendable, Equatable {
        public var name: String
        /// The member's value on each side: a count (against a baseline of several weeks,
        /// its mean a week, so that after − before is its part), or its rate (nil where it
        /// had no enrollments).
        public var before: Double?
        public var after: Double?
        /// Its part of the move's change, in the move's unit; the parts of one dimension add
        /// up to the move's change exactly, in the page's rounding.
        public var change: Double
        /// change / the move's change, 4 decimals; the shares of one dimension add up to 1.
        public var share: Double

        /// `{name, before, after, change, share}`; without the share for an offsetting member.
        func json(share withShare: Bool) -> JSONValue {
            let number = Comparison.Row.number
            var members: [String: JSONValue] = [
                "name": .string(name), "before": number(before), "after": number(after),
                "change": number(change),
            ]
            if withShare { members["share"] = number(share) }
            return .object(members)
        }
    }

    /// The named drivers of one dimension, and every other member together.
    public struct Split: Sendable, Equatable {
        public var dimension: DriverCounts.Dimension
        public var drivers: [Driver]
        public var restChange: Double
        public var restShare: Double
    }

    public var measure: String
    /// The total on each side (a mean a week against a baseline of several weeks, one
    /// decimal).
    public var before: Double
    public var after: Double
    /// after − before as the page writes them: a count, one decimal against a mean, points
    /// with two decimals for a rate.
    public var change: Double
    /// What the move is measured against, as words that follow "against 120": "in the
    /// previous period", "a week over the 12 weeks before", "in the 7 days before".
    public var baseline: String
    /// The weeks a weekly move's `before` is the mean of; 1 otherwise.
    public var weeks = 1
    /// The dimensions with at least one named driver, in the order of `Dimension.allCases`.
    public var splits: [Split] = []
    /// Every dimension the move was split over: all four but those with one member,
    /// organizations and cohorts for learners, the question's own slices since the last
    /// report.
    public var dimensions: [DriverCounts.Dimension] = []
    /// For a rate, over badges (two or more): the part of the change from the rates inside
    /// badges and the part from the mix of enrollments across badges, in points; they add up
    /// to `change`.
    public var rateEffect: Double?
    public var mixEffect: Double?
    /// The move is no larger than chance alone makes it (`DriverSplit.chance`): it is not
    /// split, and no driver is named.
    public var withinChance = false
    /// For a move within chance: members that moved far beyond chance on their own and
    /// offset each other (their `share` is 0: a share of a move within chance means nothing).
    public var offsetting: [Split] = []
    /// The decimals of `change` and of each part: 0 for a count, 1 against a mean, 2 for
    /// the points of a rate.
    public var places = 0

    /// No member of any dimension explains a real move: it is spread over all of them.
    public var broadBased: Bool { splits.isEmpty && !withinChance }

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
                        "drivers": .array(split.drivers.map { $0.json(share: true) }),
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
        if !offsetting.isEmpty {
            members["offsetting"] = .array(
                offsetting.map { split in
                    [
                        "dimension": .string(split.dimension.rawValue),
                        "members": .array(split.drivers.map { $0.json(share: false) }),
                    ]
                })
        }
        return .object(members)
    }

    // MARK: - Words

    /// A part of the change as a sentence writes it: "+140", "−12.5", "−1.2 points".
    public func amount(_ value: Double) -> String {
        let sign = value > 0 ? "+" : value < 0 ? "−" : ""
        let digits =
            places == 0
            ? NumberText.count(Int(abs(value).rounded()))
            : NumberText.decimal(abs(value), places: places)
        guard KeyMeasure.isRate(measure) else { return sign + digits }
        return sign + digits + (abs(value) == 1 ? " point" : " points")
    }

    /// The move itself: "11,072 against 9,687 in the previous period (+1,385)", "146 against
    /// a mean of 107.9 a week over the 12 weeks before (+38.1)".
    public var move: String {
        // A rate as stored, two decimals, like the points of its change.
        func value(_ number: Double) -> String {
            if weeks > 1 { return NumberText.decimal(number, places: 1) }
            return KeyMeasure.text(measure, number)
        }
        let before = (weeks > 1 ? "a mean of " : "") + value(before)
        // A baseline that names its days in brackets takes the change after a comma: "in the
        // previous period (2026-07-01 to 2026-07-31) (+162)" read as two asides.
        let change = baseline.hasSuffix(")") ? ", \(amount(change))" : " (\(amount(change)))"
        return "\(value(after)) against \(before) \(baseline)\(change)"
    }

    /// The move and what drove it, in Markdown, names escaped: what a digest line or an
    /// insight's sentence adds.
    public var sentence: String {
        guard weeks > 1 else { return explanation }
        return "Against a mean of \(NumberText.decimal(before, places: 1)) a week \(baseline) "
            + "(\(amount(change))). " + explanation
    }

    /// What drove it, in Markdown, names escaped: "Driven by the badge Python Basics (+140,
    /// 92.7% of the change)." The first two dimensions with drivers are named.
    public var explanation: String {
        var opening = ""
        if let rateEffect, let mixEffect {
            opening =
                "Of the \(amount(change)), \(amount(rateEffect)) come from the rates inside badges "
                + "and \(amount(mixEffect)) from the mix of badges enrolled in. "
        }
        if withinChance {
            guard !offsetting.isEmpty else {
                return "Within what chance alone gives: no driver is named."
            }
            let named = Array(offsetting.prefix(2))
            let changes = named.flatMap(\.drivers).map(\.change)
            // "Offset each other" only when they went both ways: "the badges SQL Fundamentals
            // (−17), Python Basics (−12); the category Programming (−28)" all fell (blind
            // test 47).
            let both = changes.contains { $0 > 0 } && changes.contains { $0 < 0 }
            return "Within what chance alone gives overall, "
                + (both
                    ? "but with moves that offset each other: "
                    : "though these moved beyond it on their own: ")
                + named.map { words($0, shares: false) }.joined(separator: "; ") + "."
        }
        guard !broadBased else {
            let words = dimensions.map(\.label)
            let listed =
                words.count > 1
                ? words.dropLast().joined(separator: ", ") + " or " + words.last!
                : words.first ?? "part"
            // Both bounds said: "no single … accounts for 30% of it" was false of an
            // organization with 41 % of a move and as much of the total (blind test 47).
            // Split over one dimension only (a page's own slices), it is broad across those
            // alone: "the move is broad-based" stood beside another page that named Acme &
            // Sons as the driver of the same move, by organization (blind test 84).
            let across = dimensions.count == 1 ? "across \(dimensions[0].pluralLabel), " : ""
            return opening
                + "No single \(listed) accounts for 30% of it and 15 points more than its usual share: \(across)the move is broad-based."
        }
        return opening + "Driven by "
            + strongest.map { words($0) }.joined(separator: "; and by ") + "."
    }

    /// The two dimensions whose first driver holds the largest share of the change, in the
    /// dimensions' order: the first two in that order left out an organization with 58 % of
    /// a move, the largest of all, while the JSON named it (blind test 47).
    var strongest: [Split] {
        let ranked = splits.indices.sorted { first, second in
            let (a, b) = (
                splits[first].drivers.first?.share ?? 0, splits[second].drivers.first?.share ?? 0
            )
            return abs(a) != abs(b) ? abs(a) > abs(b) : first < second
        }
        return ranked.prefix(2).sorted().map { splits[$0] }
    }

    /// Organizations named beside learners with none: each says "the organization".
    private func mixed(_ split: Split) -> Bool {
        split.drivers.contains { $0.name == Scope.noOrganization }
    }

    /// "the badges A (+12, 40% of the change), B (…)", "learners who joined in 2024-03 (…)".
    private func words(_ split: Split, shares: Bool = true) -> String {
        let members = split.drivers.enumerated().map { index, driver in
            var name = MarkdownText.escape(DisplayName.cut(driver.name))
            if split.dimension == .organization, driver.name == Scope.noOrganization {
                name = "learners with no organization"
            } else if split.dimension == .organization, mixed(split) {
                name = "the organization " + name
            }
            if split.dimension == .cohort {
                // "joined in 2025-12 (…), in 2025-10 (…)", "joined since 2026-07 (…)".
                let since = driver.name.hasPrefix("since ")
                name = (index == 0 ? "joined " : "") + (since ? "" : "in ") + name
            }
            guard shares else { return "\(name) (\(amount(driver.change)))" }
            return
                "\(name) (\(amount(driver.change)), \(NumberText.percent(driver.share)) of the change)"
        }
        let plural = members.count > 1
        let together = split.drivers.reduce(0) { $0 + $1.share }
        let offset =
            shares && together > 1 ? ", more than the whole change, which the rest offset" : ""
        let listed = members.joined(separator: ", ") + offset
        switch split.dimension {
        case .badge: return (plural ? "the badges " : "the badge ") + listed
        case .category: return (plural ? "the categories " : "the category ") + listed
        case .organization:
            let real = !split.drivers.contains { $0.name == Scope.noOrganization }
            return (real ? (plural ? "the organizations " : "the organization ") : "") + listed
        case .cohort: return "learners who " + listed
        }
    }
}
