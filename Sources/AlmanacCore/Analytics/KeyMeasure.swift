/// One of a question's key numbers, as comparisons, "since the last report", insights and
/// alerts read it: a measure of the whole result (`subject` nil) or of one badge or
/// organization.
public struct KeyMeasure: Sendable, Equatable {
    public var measure: String
    /// A badge or organization name; nil for a total.
    public var subject: String?
    public var value: Double?

    public init(measure: String, subject: String?, value: Double?) {
        self.measure = measure
        self.subject = subject
        self.value = value
    }

    /// `measure` and `subject` together, the identity a comparison matches on.
    public var key: String { measure + "\u{1F}" + (subject ?? "") }

    /// A fraction in [0, 1]: its changes are in percentage points.
    public static func isRate(_ measure: String) -> Bool {
        measure.hasSuffix("_rate") || measure == "average_progress"
    }

    /// A measure of how the window's enrollments have finished (completed enrollments, the
    /// completion and drop-out rates, days to complete): it grows with the time they had, so
    /// two reports compare it only at the same age. Counts of enrollments and learners are
    /// not.
    public static func isCohort(_ measure: String) -> Bool {
        measure == "completed" || isRate(measure) || measure.hasPrefix("median_days")
            || statusCounts.contains(measure)
    }

    /// The counts of a status other than completed, which move as enrollments age too (a
    /// review): in progress, dropped.
    private static let statusCounts: Set<String> = [
        "in_progress", "learners_in_progress", "dropped", "learners_dropped",
    ]

    /// Whether a rise is good news: false for a drop rate and for days to complete.
    public static func upIsGood(_ measure: String) -> Bool {
        !(measure == "drop_rate" || measure.hasPrefix("median_days"))
    }

    /// The words a page uses for a measure: "completion rate".
    public static func label(_ measure: String) -> String {
        switch measure {
        case "completed": return "completed enrollments"
        case "learners_completed": return "learners who completed"
        case "dropped": return "dropped enrollments"
        case "learners_dropped": return "learners who dropped out"
        case "in_progress": return "enrollments in progress"
        case "learners_in_progress": return "learners with an enrollment in progress"
        default: return measure.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// The measure's value as a page writes it: "1,234", "56.20%", "14.9".
    public static func text(_ measure: String, _ value: Double) -> String {
        // As stored, two decimals: the change beside it is in points with two, and "44.9% →
        // 45.65%, ▲ 0.71 pts" would not add up.
        if isRate(measure) { return NumberText.storedPercent(value) }
        if measure.hasPrefix("median_days") { return NumberText.decimal(value, places: 1) }
        return wholeCount(value)
    }

    /// A count as a page writes it; a value no count can be (a hand-edited document's
    /// `1e308`) is written as it is rather than trapping on the conversion.
    static func wholeCount(_ value: Double) -> String {
        guard let whole = Int(exactly: value.rounded()) else { return "\(value)" }
        return NumberText.count(whole)
    }

    /// A value read back from a previous report's document, or nil when it is not one a
    /// measure can have (not finite, or beyond any count): such a document was edited by
    /// hand, and is read as if the measure were missing.
    static func plausible(_ value: Double?) -> Double? {
        guard let value, value.isFinite, abs(value) < 1e15 else { return nil }
        return value
    }

    /// The change from `before` to `after`: a difference in the measure's unit, in
    /// percentage points for a rate (rounded to 2 decimals), 1 decimal for days.
    public static func change(_ measure: String, from before: Double, to after: Double) -> Double {
        if isRate(measure) { return Rounding.halfAwayFromZero((after - before) * 100, places: 2) }
        if measure.hasPrefix("median_days") {
            return Rounding.halfAwayFromZero(after - before, places: 1)
        }
        return after - before
    }

    /// The change in percent of `before`, 1 decimal; nil for a rate (its change is already in
    /// points) and when `before` is zero.
    public static func changePercent(_ measure: String, from before: Double, to after: Double)
        -> Double?
    {
        guard !isRate(measure), before != 0 else { return nil }
        return Rounding.halfAwayFromZero((after - before) / before * 100, places: 1)
    }

    /// A change as a page writes it, with its arrow: "▲ 12 (+4.5%)", "▼ 1.25 pts".
    public static func changeText(_ measure: String, change: Double, percent: Double?) -> String {
        guard change != 0 else { return "no change" }
        let arrow = change > 0 ? "▲ " : "▼ "
        if isRate(measure) { return arrow + NumberText.decimal(abs(change), places: 2) + " pts" }
        let amount =
            measure.hasPrefix("median_days")
            ? NumberText.decimal(abs(change), places: 1)
            : wholeCount(abs(change))
        guard let percent else { return arrow + amount }
        return arrow + amount + " (" + (percent > 0 ? "+" : "−")
            + NumberText.decimal(abs(percent), places: 1) + "%)"
    }

    /// "good", "bad" or "flat": how a reader should take a change.
    public static func tone(_ measure: String, change: Double) -> String {
        guard change != 0 else { return "flat" }
        return (change > 0) == upIsGood(measure) ? "good" : "bad"
    }
}

/// Which numbers of an analysis are its key measures: some fields of one object (the totals)
/// and one field of each row of one list (per badge or organization).
public struct KeyMeasureSpec: Sendable {
    public var totalsKey: String
    public var totals: [String]
    /// The list, the row's name field, and the field measured per row.
    public var list: (key: String, name: String, measure: String)?
    /// The field of the totals that holds a measure, when it is not the measure's name.
    public var fields: [String: String] = [:]
    /// A total that is the sum of one field over a list's rows, by measure: the completions
    /// of a series' periods.
    public var sums: [String: (list: String, field: String)] = [:]

    /// The names of every measure an alert may use.
    public var names: [String] {
        guard let list, !totals.contains(list.measure) else { return totals }
        return totals + [list.measure]
    }

    /// The key measures read from an analysis's `analytics_data`.
    public func measures(in json: JSONValue) -> [KeyMeasure] {
        var result: [KeyMeasure] = []
        let object = totalsKey.isEmpty ? json : json[totalsKey]
        // A rate of no enrollments has no value (it is stored as 0): nil, so that it shows
        // "–" with no change, as a median of nothing does, not "0.00%" and a rise from it.
        let none = object?["enrollments"]?.doubleValue == 0
        for name in totals {
            var value =
                none && KeyMeasure.isRate(name) ? nil : object?[fields[name] ?? name]?.doubleValue
            if let sum = sums[name] {
                value = json[sum.list]?.arrayValue.map {
                    $0.reduce(0) { $0 + ($1[sum.field]?.doubleValue ?? 0) }
                }
            }
            result.append(KeyMeasure(measure: name, subject: nil, value: value))
        }
        if let list, let rows = json[list.key]?.arrayValue, rows.count > 1 {
            for row in rows {
                guard let subject = row[list.name]?.stringValue else { continue }
                result.append(
                    KeyMeasure(
                        measure: list.measure, subject: subject,
                        value: row[list.measure]?.doubleValue))
            }
        }
        return result
    }
}

extension AnalysisKind {
    /// The key measures of each kind; nil for custom SQL, whose columns are the question's own.
    public var keyMeasures: KeyMeasureSpec? {
        switch self {
        case .badgeEnrollments:
            return KeyMeasureSpec(
                totalsKey: "totals",
                totals: ["enrollments", "learners", "completed", "completion_rate"],
                list: ("badges", "badge", "enrollments"))
        case .organizationTrends:
            return KeyMeasureSpec(
                totalsKey: "totals", totals: ["enrollments", "completed"],
                list: ("organizations", "organization", "enrollments"))
        case .completionMetrics:
            return KeyMeasureSpec(
                totalsKey: "overall",
                totals: [
                    "enrollments", "completed", "completion_rate", "drop_rate",
                    "median_days_to_complete",
                ],
                list: ("by_badge", "badge", "completed"))
        case .learningPaths:
            return KeyMeasureSpec(
                totalsKey: "", totals: ["learners"], list: ("starting_badges", "badge", "learners"))
        case .customSQL:
            return nil
        }
    }
}

extension Match {
    /// Whether the question answers the completions that happened in its window, counted by
    /// `completed_at` ("how many completions were there last week"), rather than the
    /// completed enrollments of the window's enrollments.
    public var countsCompletionsInWindow: Bool { completionsInWindow && !intent.people }

    /// The completions a question counts by `completed_at` in its window, of enrollments or
    /// of learners (not its enrollments' completed ones, nor by cohort).
    private var completionsInWindow: Bool {
        kind == .completionMetrics && intent.measure == .completions
            && !intent.completedEnrollments && intent.dimension != .cohort
            && filters.dateRange != nil
    }

    /// The question's key measures: its kind's, except for a question that counts the
    /// completions in its window, whose key measure is that count, `completions`: the
    /// completed enrollments of a week's enrollments (1 → 2) said nothing of the 115
    /// completions it answered, yet led What changed and fired an alert.
    public var keyMeasures: KeyMeasureSpec? {
        // Completions per period ("quarterly completions since 2025-01-01") are counted by
        // the day they happened: their total is the periods' sum. The completed enrollments
        // of the window's enrollments (390 against the 446 completions answered) led the
        // Change table, and an alert could not name the completions (blind test 50).
        if kind == .organizationTrends, intent.measure == .completions {
            return KeyMeasureSpec(
                totalsKey: "", totals: ["completions"], list: nil,
                sums: ["completions": ("by_period", "completions")])
        }
        if countsLearnersCompletedInWindow {
            return KeyMeasureSpec(
                totalsKey: "overall", totals: ["learners_completed"], list: nil,
                fields: ["learners_completed": "completed_learners_in_window"])
        }
        guard countsCompletionsInWindow else { return kind.keyMeasures }
        return KeyMeasureSpec(
            totalsKey: "overall", totals: ["completions"], list: nil,
            fields: ["completions": "completed_in_window"])
    }

    /// The key measure among the totals that is what the question asks ("drop_rate" for the
    /// drop-out rate, "median_days_to_complete" for the time to complete), or nil when the
    /// question asks for none of them (a learning path, a custom query).
    public var askedKeyMeasure: String? {
        guard let totals = keyMeasures?.totals else { return nil }
        let names: [String]
        switch intent.measure {
        case .enrollments: names = ["enrollments"]
        case .learners: names = ["learners"]
        case .completions: names = ["completions", "learners_completed", "completed"]
        case .completionRate: names = ["completion_rate"]
        case .dropRate: names = ["drop_rate"]
        case .timeToComplete: names = ["median_days_to_complete"]
        case .dropouts, .inProgress, .meanTimeToComplete, .averageProgress, .nextBadge,
            .previousBadge, .firstBadge, .paths, .growth:
            names = []
        }
        return names.first { totals.contains($0) }
    }

    /// The measure a question asks about as a key measure of its own, where its kind's have
    /// none ("in_progress", "average_progress", "dropped", "learners"): the answer's one
    /// figure, so that "since the last report" and What changed follow the number the page
    /// answers (average progress, 69.13% → 68.91%, was never said; blind test 82). Nil when
    /// the kind's key measures hold it, or for a measure of another shape.
    public var askedHeadlineMeasure: String? {
        guard askedKeyMeasure == nil, let totals = keyMeasures?.totals else { return nil }
        let name: String
        switch intent.measure {
        case .inProgress: name = intent.people ? "learners_in_progress" : "in_progress"
        case .averageProgress: name = "average_progress"
        case .dropouts: name = intent.people ? "learners_dropped" : "dropped"
        case .learners: name = "learners"
        default: return nil
        }
        return totals.contains(name) ? nil : name
    }

    /// The question's key measures: its kind's, read from its analysis, and the asked
    /// measure's own (`askedHeadlineMeasure`) when the answer gives it as one figure.
    public func keyMeasures(_ measures: [KeyMeasure], answer: Answer?) -> [KeyMeasure] {
        guard let name = askedHeadlineMeasure, let answer, answer.subjectTitle == nil,
            answer.rows.count == 1, let value = answer.rows[0].value.doubleValue
        else { return measures }
        return measures + [KeyMeasure(measure: name, subject: nil, value: value)]
    }

    /// Whether the question answers the learners who completed in its window ("how many
    /// learners completed Python Basics in the past 7 days"): its key measure is that count,
    /// `learners_completed`. Its Change table, What changed and alerts followed the
    /// enrollments made in the window (19 → 6), where the page answered 18 (blind test 47).
    public var countsLearnersCompletedInWindow: Bool { completionsInWindow && intent.people }
}
