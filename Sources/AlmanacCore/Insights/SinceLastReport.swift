import Foundation

/// `metadata.since_last_report`: what moved in a question's key measures since the report of
/// an earlier as-of date that the previous site holds.
public struct SinceLastReport: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var measure: String
        public var subject: String?
        /// Nil for a slice that was not there before, or is not there now.
        public var before: Double?
        public var after: Double?
        /// What drove a total's change, split over the question's own slices (its badges or
        /// organizations) as the two reports recorded them.
        public var drivers: Drivers? = nil
        /// The count a rate or a median is of, before and after: enrollments for a rate,
        /// completed enrollments for a median (`standardized` reads it). Not in the JSON.
        public var base: Base? = nil

        public struct Base: Sendable, Equatable {
            public var before: Double?
            public var after: Double?
        }

        /// In the measure's unit; percentage points for a rate.
        public var change: Double? {
            guard let before, let after else { return nil }
            return KeyMeasure.change(measure, from: before, to: after)
        }

        /// The change in a unit that makes changes of one kind comparable across questions,
        /// for ranking "What changed" (`InsightFinder.changeScores`): a count's change over
        /// the square root of its value before (the spread a count of that size shows by
        /// chance), a rate's change in points, a median's in days. Nil for a slice that came
        /// or went, a value of zero before or after, small counts (both sides below
        /// `InsightFinder.smallCount`), a count that moved by fewer than that many, a rate
        /// of fewer than `InsightFinder.comparableRate` enrollments on either side and a
        /// median of fewer than `InsightFinder.smallCount` completed enrollments on either
        /// side (or an unknown `base`).
        public var standardized: Double? {
            guard let before, let after, before != 0, after != 0 else { return nil }
            if KeyMeasure.isRate(measure) {
                guard enough(InsightFinder.comparableRate) else { return nil }
                return (after - before) * 100
            }
            if measure.hasPrefix("median_days") {
                guard enough(InsightFinder.smallCount) else { return nil }
                return after - before
            }
            let small = Double(InsightFinder.smallCount)
            guard max(before, after) >= small, abs(after - before) >= small else { return nil }
            return (after - before) / abs(before).squareRoot()
        }

        /// A rate whose move is within what chance gives two samples of its enrollments:
        /// |r₁ − r₀| under `DriverSplit.chance` standard errors of the difference, pooled.
        /// False for other measures and an unknown base.
        var rateWithinChance: Bool {
            guard KeyMeasure.isRate(measure), let before, let after,
                let n0 = base?.before, let n1 = base?.after, n0 > 0, n1 > 0
            else { return false }
            let pooled = (before * n0 + after * n1) / (n0 + n1)
            let spread = (pooled * (1 - pooled) * (1 / n0 + 1 / n1)).squareRoot()
            return abs(after - before) < DriverSplit.chance * spread
        }

        /// Whether the count behind a rate or a median is at least `minimum` on both sides.
        private func enough(_ minimum: Int) -> Bool {
            guard let before = base?.before, let after = base?.after else { return false }
            return min(before, after) >= Double(minimum)
        }

        /// Which changes `standardized` puts on one scale: counts, rates or days.
        var family: Int {
            KeyMeasure.isRate(measure) ? 1 : measure.hasPrefix("median_days") ? 2 : 0
        }

        var json: JSONValue {
            var members: [String: JSONValue] = [
                "measure": .string(measure), "subject": .text(subject),
                "before": Comparison.Row.number(before), "after": Comparison.Row.number(after),
                "change": Comparison.Row.number(change),
            ]
            if let drivers { members["drivers"] = drivers.json }
            return .object(members)
        }
    }

    /// The as-of date of the report compared with.
    public var asOf: CivilDate
    public var changes: [Change]
    /// The question's window began on the same day then and ends later now ("this quarter",
    /// "since March"): its counts grew with the days it gained, which is no change of the
    /// numbers' own. Such counts are left out of the index's "What changed" (a blind test
    /// saw "this quarter: 238 → 441 (+85.3%)" ranked the week's biggest move), and the page
    /// says the window is longer.
    public var longerWindow = false
    /// The earlier report asked another question under the same `id:`: no change is listed.
    public var questionChanged: QuestionChange? = nil
    /// With `questionChanged`, the earlier report's measures, kept so that a rebuild of the
    /// same day whose question is changed back compares with them again: it said the
    /// question had changed, to the one it no longer asked (a report author's test).
    var earlierMeasures: [KeyMeasure]? = nil
    /// The window is a period to date that began again since the earlier report.
    public var newPeriod: NewPeriod? = nil
    /// The window holds none of the earlier report's days ("last month", a month later).
    public var movedWindow: MovedWindow? = nil
    /// The windows ended at different distances from their as-of dates: cohort measures
    /// count enrollments at different ages.
    public var ages: Ages? = nil

    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "as_of": .string(asOf.description), "changes": .array(changes.map(\.json)),
        ]
        members.merge(flagsJSON) { first, _ in first }
        return .object(members)
    }

    /// Compares the measures with the previous site's document of the same question. The
    /// previous document may be of the same as-of date (a rebuild): its own
    /// `since_last_report` then tells the earlier report's values, so a rebuild compares
    /// with the same report as the first build did. Nil when there is no earlier report:
    /// the question is new.
    /// - Parameter kind: the question's kind, whose per-slice measure splits its total's
    ///   change into drivers.
    /// - Parameter window: the question's own window, which `longerWindow`, `newPeriod` and
    ///   `ages` compare with the earlier report's.
    /// - Parameter intent: the question's `metadata.intent`, which `questionChanged`
    ///   compares with the earlier report's.
    public static func make(
        measures: [KeyMeasure], previous document: JSONValue?, asOf: CivilDate,
        kind: AnalysisKind? = nil, window: DateRange? = nil, intent: JSONValue? = nil
    ) -> SinceLastReport? {
        guard let document, let metadata = document["metadata"],
            let before = metadata["as_of"]?.stringValue.flatMap(CivilDate.init(iso:))
        else { return nil }
        var earlier: [KeyMeasure]
        if let stored = metadata["key_measures"]?.arrayValue {
            earlier = stored.compactMap(measure)
        } else if let kind = document["type"]?.stringValue.flatMap(AnalysisKind.init(rawValue:)),
            let spec = kind.keyMeasures, let data = metadata["analytics_data"]
        {
            // A document from before key measures were recorded: read them from its data.
            earlier = spec.measures(in: data).map { measure in
                var measure = measure
                measure.value = KeyMeasure.plausible(measure.value)
                return measure
            }
        } else {
            return nil
        }
        var since = SinceLastReport(asOf: before, changes: [])
        var recorded = metadata["intent"]
        if before == asOf {
            // A rebuild: the earlier report is the one the previous build compared with,
            // and what the previous build found of it holds.
            guard let last = metadata["since_last_report"],
                let date = last["as_of"]?.stringValue.flatMap(CivilDate.init(iso:)),
                let changes = last["changes"]?.arrayValue
            else { return nil }
            since.asOf = date
            since.keepFlags(of: last)
            if let changed = since.questionChanged, let now = ReportScope(intent)?.words {
                if now == changed.was, let kept = since.earlierMeasures {
                    // Back to the question of the earlier report: compare with it again.
                    since.questionChanged = nil
                    since.earlierMeasures = nil
                    earlier = kept
                    // The same day's document asked the other question; the earlier
                    // report asked this one.
                    recorded = intent
                } else if now != changed.now {
                    since.questionChanged = QuestionChange(was: changed.was, now: now)
                }
            }
            for change in changes {
                guard let name = change["measure"]?.stringValue else { continue }
                let subject = change["subject"]?.stringValue
                earlier.removeAll { $0.measure == name && $0.subject == subject }
                if let value = KeyMeasure.plausible(change["before"]?.doubleValue) {
                    earlier.append(KeyMeasure(measure: name, subject: subject, value: value))
                }
            }
        } else if asOf < before {
            return nil
        } else if recorded != nil {
            let filters = recorded?["filters"]
            since.longerWindow = grew(window, from: filters)
            since.newPeriod = restarted(window, from: filters, asOf: asOf)
            since.movedWindow = since.newPeriod == nil ? moved(window, from: filters) : nil
            since.ages = ages(window, asOf: asOf, from: filters, earlierAsOf: before)
        }
        // The same `id:` asking something else ("past 30 days" become "past 60 days", another
        // organization): nothing compares. A rebuild checks the question of its own day.
        if since.questionChanged == nil, let then = ReportScope(recorded),
            let now = ReportScope(intent), !then.isSame(as: now, asOf: asOf)
        {
            since.questionChanged = QuestionChange(was: then.words, now: now.words)
        }
        if since.questionChanged != nil {
            since.earlierMeasures = since.earlierMeasures ?? earlier
            since.longerWindow = false
            since.newPeriod = nil
            since.movedWindow = nil
            since.ages = nil
            return since
        }
        since.changes = changes(from: earlier, to: measures)
        let dimension: DriverCounts.Dimension? =
            kind == .learningPaths
            ? nil : kind?.keyMeasures?.list.map { $0.name == "badge" ? .badge : .organization }
        for index in since.changes.indices {
            let change = since.changes[index]
            since.changes[index].base = base(of: change, earlier: earlier, current: measures)
            if let dimension, change.subject == nil, since.isComparable(change) {
                since.changes[index].drivers = drivers(
                    of: change, over: dimension, earlier: earlier, current: measures,
                    asOf: since.asOf)
            }
        }
        return since
    }

    /// The count a rate (enrollments) or a median (completed enrollments) of the same
    /// subject is of, in both reports.
    private static func base(of change: Change, earlier: [KeyMeasure], current: [KeyMeasure])
        -> Change.Base?
    {
        let counted: String
        if KeyMeasure.isRate(change.measure) {
            counted = "enrollments"
        } else if change.measure.hasPrefix("median_days") {
            counted = "completed"
        } else {
            return nil
        }
        func value(_ measures: [KeyMeasure]) -> Double? {
            measures.first { $0.measure == counted && $0.subject == change.subject }?.value
        }
        return Change.Base(before: value(earlier), after: value(current))
    }

    /// Whether the window starts where the earlier report's did and ends later.
    private static func grew(_ window: DateRange?, from filters: JSONValue?) -> Bool {
        guard let window, let start = window.start, let end = window.end,
            case .object(let members)? = filters
        else { return false }
        for column in ["enrolled_at", "completed_at"] {
            guard let earlier = members[column],
                let from = earlier["from"]?.stringValue.flatMap(CivilDate.init(iso:)),
                let to = earlier["to"]?.stringValue.flatMap(CivilDate.init(iso:))
            else { continue }
            // `to` is the last day shown; `end` the day after the last.
            return from == start && to.adding(days: 1) < end
        }
        return false
    }

    /// A total's change split over its slices, when the slices of the same measure add up to
    /// the total in both reports (`DriverSplit` checks it).
    private static func drivers(
        of change: Change, over dimension: DriverCounts.Dimension, earlier: [KeyMeasure],
        current: [KeyMeasure], asOf: CivilDate
    ) -> Drivers? {
        guard let before = change.before, let after = change.after else { return nil }
        func counts(_ measures: [KeyMeasure]) -> DriverCounts? {
            var members: [DriverCounts.Member] = []
            for slice in measures where slice.measure == change.measure {
                guard let name = slice.subject, let value = slice.value,
                    value == value.rounded()
                else { continue }
                var member = DriverCounts.Member(name: name)
                switch change.measure {
                case "enrollments": member.enrollments = Int(value)
                case "completed": member.completed = Int(value)
                default: return nil
                }
                members.append(member)
            }
            return members.isEmpty ? nil : DriverCounts(members: [dimension: members])
        }
        guard let old = counts(earlier), let new = counts(current) else { return nil }
        return DriverSplit.drivers(
            of: DriverSplit.Move(
                change.measure, baseline: "in the report of \(asOf)", expected: (before, after),
                testsChance: false),
            before: old, after: new)
    }

    /// Every measure whose value differs, in the current order, then those that went away.
    static func changes(from earlier: [KeyMeasure], to current: [KeyMeasure]) -> [Change] {
        let old = Dictionary(earlier.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(current.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Change] = []
        // A total one report does not record is not compared: a measure new to the build
        // ("average progress: none → 68.91%" the week it was added) had no value "none". A
        // slice that came or went is a change.
        for measure in current where old[measure.key]?.value != measure.value {
            guard measure.subject != nil || old[measure.key] != nil else { continue }
            result.append(
                Change(
                    measure: measure.measure, subject: measure.subject,
                    before: old[measure.key]?.value ?? nil, after: measure.value))
        }
        for measure in earlier where new[measure.key] == nil && measure.value != nil {
            guard measure.subject != nil else { continue }
            result.append(
                Change(
                    measure: measure.measure, subject: measure.subject, before: measure.value,
                    after: nil))
        }
        return result
    }

    static func measure(_ value: JSONValue) -> KeyMeasure? {
        guard let name = value["measure"]?.stringValue else { return nil }
        return KeyMeasure(
            measure: name, subject: value["subject"]?.stringValue,
            value: KeyMeasure.plausible(value["value"]?.doubleValue))
    }
}

extension KeyMeasure {
    /// `{measure, subject, value}` in `metadata.key_measures`.
    public var json: JSONValue {
        [
            "measure": .string(measure), "subject": .text(subject),
            "value": Comparison.Row.number(value),
        ]
    }
}

/// The report documents of the site a build is about to replace, by question id; read by
/// `PreviousSite.read(from:files:)`.
public struct PreviousSite: Sendable {
    public var documents: [String: JSONValue]
    /// The reports of questions an earlier build took out of the site (`keepRemoved`).
    var removed: [String: JSONValue] = [:]

    public init(documents: [String: JSONValue] = [:]) {
        self.documents = documents
    }
}
