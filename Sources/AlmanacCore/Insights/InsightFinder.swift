/// Finds a question's insights from its key measures, its comparison and its weekly series.
/// Every rule and bound here is defined in docs/metrics.md, "Insights".
public struct InsightFinder: Sendable {
    /// A robust score at or above this is an unusual change: Iglewicz and Hoaglin's cut-off
    /// for the modified z-score.
    public static let unusualThreshold = 3.5
    /// The trailing weeks the latest complete week is compared with.
    public static let baselineWeeks = 12
    /// Weeks the series needs before its latest week can be a record.
    public static let recordWeeks = 8
    /// Below this many a week, in the latest week and in the baseline's median alike, counts
    /// are too small for a change to mean anything, and none is reported.
    public static let smallCount = DriverSplit.smallCount
    /// Below this many enrollments a rate is noise: the narrator names a best and a worst
    /// only among groups with at least this many, and "What changed" scores a rate only
    /// when both reports had this many.
    public static let comparableRate = DriverSplit.comparableRate
    /// Named slices in a contribution; the rest are summed into one.
    public static let contributionSlices = 5

    public init() {}

    /// Every insight of a question, most important first: unusual changes (highest score
    /// first), records, top movers, contribution, concentration.
    /// - Parameter scope: the question's filters, whose badge and organization the weekly
    ///   series counts: its weekly facts name them ("set a record for SQL Fundamentals"), as
    ///   the digest lists them under the question's text alone.
    public func insights(
        kind: AnalysisKind, measures: [KeyMeasure], comparison: Comparison?, weekly: WeeklySeries?,
        scope: Filters = Filters()
    ) -> [Insight] {
        let scope = Filters(badge: scope.badge, organization: scope.organization)
        var unusual: [Insight.UnusualChange] = []
        var records: [Insight] = []
        if let weekly {
            for (measure, series) in [
                ("enrollments", weekly.enrollments), ("completed", weekly.completions),
            ] {
                let counts = series.map(\.count)
                guard let last = series.last else { continue }
                if var fact = unusualChange(counts, measure: measure, week: last.week) {
                    fact.scope = scope
                    unusual.append(fact)
                }
                if var fact = record(counts, measure: measure, week: last.week) {
                    fact.scope = scope
                    records.append(.record(fact))
                }
            }
        }
        var result = unusual.sorted { $0.score > $1.score }.map(Insight.unusualChange) + records
        guard let list = kind.keyMeasures?.list else { return result }
        let firstBadges = list.key == "starting_badges"
        if let comparison, var movers = topMovers(comparison, measure: list.measure) {
            movers.against = Self.against(comparison)
            movers.firstBadges = firstBadges
            result.append(.topMovers(movers))
        }
        if let comparison, var fact = contribution(comparison, measure: list.measure) {
            fact.against = Self.against(comparison)
            fact.firstBadges = firstBadges
            result.append(.contribution(fact))
        }
        if var fact = concentration(measures, measure: list.measure) {
            fact.firstBadges = firstBadges
            result.append(.concentration(fact))
        }
        return result
    }

    // MARK: - Changes since the last report

    /// How unusual each change is among the changes of its kind (`Change.family`): the same
    /// robust score as an unusual week, |x − median| / max(1.4826 · MAD, 1) over the
    /// `standardized` changes, 2 decimals. Nil where `standardized` is nil.
    public static func changeScores(_ changes: [SinceLastReport.Change]) -> [Double?] {
        var scores = [Double?](repeating: nil, count: changes.count)
        for family in 0..<3 {
            let members = changes.indices.compactMap { index in
                changes[index].family == family
                    ? changes[index].standardized.map { (index, $0) } : nil
            }
            guard !members.isEmpty else { continue }
            let median = Self.median(members.map(\.1))
            let mad = Self.median(members.map { abs($0.1 - median) })
            for (index, value) in members {
                scores[index] = Rounding.halfAwayFromZero(
                    abs(value - median) / max(1.4826 * mad, 1), places: 2)
            }
        }
        return scores
    }

    // MARK: - Weekly

    /// The last count against the `baselineWeeks` before it: |x − median| / (1.4826 · MAD),
    /// with the denominator never below one count, so that a perfectly steady series is not
    /// flagged for a change of one or two. Nil below the threshold, without a full baseline,
    /// or when the counts are small.
    public func unusualChange(_ counts: [Int], measure: String, week: CivilDate) -> Insight
        .UnusualChange?
    {
        guard counts.count > Self.baselineWeeks, let value = counts.last else { return nil }
        let baseline = counts.dropLast().suffix(Self.baselineWeeks).map(Double.init)
        let median = Self.median(baseline)
        guard Double(value) >= Double(Self.smallCount) || median >= Double(Self.smallCount) else {
            return nil
        }
        let mad = Self.median(baseline.map { abs($0 - median) })
        let score = Rounding.halfAwayFromZero(
            abs(Double(value) - median) / max(1.4826 * mad, 1), places: 2)
        guard score >= Self.unusualThreshold else { return nil }
        return Insight.UnusualChange(
            measure: measure, week: week, value: value, baselineWeeks: Self.baselineWeeks,
            median: median,
            mad: mad, score: score, threshold: Self.unusualThreshold)
    }

    /// The last count when it is strictly above every earlier one (and not small), or strictly
    /// below every earlier one (which were not small).
    public func record(_ counts: [Int], measure: String, week: CivilDate) -> Insight.Record? {
        guard counts.count > Self.recordWeeks, let value = counts.last else { return nil }
        let earlier = counts.dropLast()
        let high = earlier.max()!
        let low = earlier.min()!
        if value > high, value >= Self.smallCount {
            return Insight.Record(
                measure: measure, week: week, value: value, highest: true, previousRecord: high,
                weeks: counts.count)
        }
        if value < low, low >= Self.smallCount {
            return Insight.Record(
                measure: measure, week: week, value: value, highest: false, previousRecord: low,
                weeks: counts.count)
        }
        return nil
    }

    /// The median; for an even count, the mean of the two middle values.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    // MARK: - Slices

    /// Each slice's move. A slice counted in one window only had none in the other: a count,
    /// not a rate or a time, is 0 there when that window counted any slice. Left out, a first
    /// badge of 8 learners in 2025 and none in 2024 let a rise of 6 "rise most" (blind test 75).
    private func moves(_ comparison: Comparison, measure: String) -> [Insight.Move] {
        let rows = comparison.rows.filter { $0.measure == measure && $0.subject != nil }
        let counted = !KeyMeasure.isRate(measure) && !measure.hasPrefix("median_days")
        let zero = (
            previous: counted && rows.contains { $0.previous != nil } ? 0.0 : nil,
            current: counted && rows.contains { $0.current != nil } ? 0.0 : nil
        )
        return rows.compactMap { row in
            guard let subject = row.subject, let previous = row.previous ?? zero.previous,
                let current = row.current ?? zero.current
            else { return nil }
            return Insight.Move(
                subject: subject, previous: previous, current: current, change: current - previous)
        }
    }

    /// The largest rise and the largest fall; ties go to the slice listed first.
    /// The earlier window in words: "the previous period", or the window the question set
    /// against its own ("2024", from "in 2024").
    static func against(_ comparison: Comparison) -> String {
        let phrase = comparison.windows.previous.phrase
        guard !phrase.isEmpty, phrase != ComparisonWindows.previousPhrase else {
            // Its days said: "from 353 to 605, against the previous period" read as August's
            // 874 to a reader of "this month" on the 13th, where it was August 19 to 31
            // (blind test 84).
            let days = comparison.windows.previous.days
            return ComparisonWindows.previousPhrase + (days.isEmpty ? "" : " (\(days))")
        }
        return DateRange.words(phrase)
    }

    public func topMovers(_ comparison: Comparison, measure: String) -> Insight.TopMovers? {
        let all = moves(comparison, measure: measure)
        var rise: Insight.Move?
        var fall: Insight.Move?
        for move in all {
            if move.change > 0, move.change > (rise?.change ?? 0) { rise = move }
            if move.change < 0, move.change < (fall?.change ?? 0) { fall = move }
        }
        guard rise != nil || fall != nil else { return nil }
        var movers = Insight.TopMovers(measure: measure, rise: rise, fall: fall)
        movers.riseTied = all.filter { $0.change == rise?.change && $0 != rise }.map(\.subject)
        movers.fallTied = all.filter { $0.change == fall?.change && $0 != fall }.map(\.subject)
        return movers
    }

    /// The total's change split into its slices' changes: the `contributionSlices` largest
    /// (by size, then in list order) and the rest together. Only when the slices add up to
    /// the total in both windows, and the total moved.
    public func contribution(_ comparison: Comparison, measure: String) -> Insight.Contribution? {
        guard !KeyMeasure.isRate(measure),
            let total = comparison.rows.first(where: { $0.measure == measure && $0.subject == nil }
            ),
            let previous = total.previous, let current = total.current, current != previous
        else { return nil }
        // Slices present in one window only count with zero in the other.
        var changes: [(subject: String, change: Double)] = []
        var sumPrevious = 0.0
        var sumCurrent = 0.0
        for row in comparison.rows where row.measure == measure {
            guard let subject = row.subject else { continue }
            sumPrevious += row.previous ?? 0
            sumCurrent += row.current ?? 0
            changes.append((subject, (row.current ?? 0) - (row.previous ?? 0)))
        }
        guard !changes.isEmpty, sumPrevious == previous, sumCurrent == current else { return nil }
        let change = current - previous
        let ranked = changes.enumerated().filter { $0.element.change != 0 }
            .sorted {
                abs($0.element.change) != abs($1.element.change)
                    ? abs($0.element.change) > abs($1.element.change) : $0.offset < $1.offset
            }
            .map(\.element)
        var slices = ranked.prefix(Self.contributionSlices).map {
            (subject: Optional($0.subject), change: $0.change)
        }
        let rest = ranked.dropFirst(Self.contributionSlices).reduce(0) { $0 + $1.change }
        if ranked.count > Self.contributionSlices { slices.append((nil, rest)) }
        // Shares in ten-thousandths, the rounding remainder given to the largest slice, so
        // that they add up to exactly 1.
        var units = slices.map {
            Int(Rounding.halfAwayFromZero($0.change / change * 10_000, places: 0))
        }
        if !units.isEmpty { units[0] += 10_000 - units.reduce(0, +) }
        return Insight.Contribution(
            measure: measure, previous: previous, current: current, change: change,
            slices: zip(slices, units).map {
                Insight.Slice(subject: $0.subject, change: $0.change, share: Double($1) / 10_000)
            })
    }

    /// The share of the largest slice and of the largest three, with four slices or more.
    public func concentration(_ measures: [KeyMeasure], measure: String) -> Insight.Concentration? {
        let slices = measures.filter { $0.measure == measure && $0.subject != nil }
            .compactMap { item in item.value.map { (subject: item.subject!, value: $0) } }
        let total = slices.reduce(0) { $0 + $1.value }
        guard slices.count >= 4, total > 0 else { return nil }
        let ranked = slices.enumerated().sorted {
            $0.element.value != $1.element.value
                ? $0.element.value > $1.element.value : $0.offset < $1.offset
        }.map(\.element)
        let topThree = ranked.prefix(3).reduce(0) { $0 + $1.value }
        var fact = Insight.Concentration(
            measure: measure, total: total, top: ranked[0].subject, topValue: ranked[0].value,
            topShare: Rounding.halfAwayFromZero(ranked[0].value / total, places: 4),
            topThreeValue: topThree,
            topThreeShare: Rounding.halfAwayFromZero(topThree / total, places: 4))
        fact.topTied = ranked.dropFirst().prefix { $0.value == ranked[0].value }.map(\.subject)
        return fact
    }
}
