import Foundation

/// What makes two reports of one question compare like with like: the same question (not
/// just the same `id:`), a window that did not begin again, and cohort measures counted at
/// the same age. docs/metrics.md, "Since the last report".
extension SinceLastReport {
    /// The earlier report asked something else under the same `id:` (another kind, measure,
    /// badge, organization, way of counting or window): nothing is compared.
    public struct QuestionChange: Sendable, Equatable {
        /// The earlier report's question and this one's, in words: "completion rate, in the
        /// past 30 days".
        public var was: String
        public var now: String
    }

    /// A calendar period to date ("this quarter", "month to date") that began again since
    /// the earlier report: its counts start from nothing.
    public struct NewPeriod: Sendable, Equatable {
        /// The first day of the new period.
        public var began: CivilDate
        /// "quarter", "month", "year", "week" or "period".
        public var unit: String
    }

    /// A window that holds none of the earlier report's days: "last month" was August at
    /// the report of 2026-09-27 and is September at 2026-10-04. Its counts are of other
    /// days, no revision of the earlier ones ("874 → 1,258" read as August's count revised,
    /// blind test 77).
    public struct MovedWindow: Sendable, Equatable {
        /// The earlier report's first and last days.
        public var wasFrom: CivilDate
        public var wasTo: CivilDate
        /// This report's.
        public var from: CivilDate
        public var to: CivilDate
    }

    /// How many days before each report's as-of date its window ended. Cohort measures
    /// (`KeyMeasure.isCohort`) of windows that ended at different distances count
    /// enrollments that had different times to finish.
    public struct Ages: Sendable, Equatable {
        public var then: Int
        public var now: Int
        /// Both windows hold the same days: the same enrollments, older now.
        public var sameEnrollments: Bool
    }

    /// Whether a change may enter "What changed" (and be split into drivers): not when the
    /// question changed, the window grew or began again, nor a cohort measure counted at
    /// another age.
    public func isComparable(_ change: Change) -> Bool {
        guard questionChanged == nil, !longerWindow, newPeriod == nil, movedWindow == nil else {
            return false
        }
        return ages == nil || !KeyMeasure.isCohort(change.measure)
    }

    /// The flags of a rebuild's previous `since_last_report`, which a rebuild keeps.
    mutating func keepFlags(of last: JSONValue?) {
        longerWindow = last?["longer_window"] == true
        if let changed = last?["question_changed"], let was = changed["was"]?.stringValue,
            let now = changed["now"]?.stringValue
        {
            questionChanged = QuestionChange(was: was, now: now)
            earlierMeasures = last?["earlier_measures"]?.arrayValue?.compactMap(
                SinceLastReport.measure)
        }
        if last?["new_period"] == true,
            let began = last?["period_began"]?.stringValue.flatMap(CivilDate.init(iso:))
        {
            newPeriod = NewPeriod(began: began, unit: last?["period"]?.stringValue ?? "period")
        }
        if let moved = last?["moved_window"] {
            let day = { (key: String) in moved[key]?.stringValue.flatMap(CivilDate.init(iso:)) }
            if let wasFrom = day("was_from"), let wasTo = day("was_to"), let from = day("from"),
                let to = day("to")
            {
                movedWindow = MovedWindow(wasFrom: wasFrom, wasTo: wasTo, from: from, to: to)
            }
        }
        if let ages = last?["different_ages"], let then = ages["then"]?.doubleValue,
            let now = ages["now"]?.doubleValue
        {
            self.ages = Ages(
                then: Int(then), now: Int(now),
                sameEnrollments: ages["same_enrollments"] == true)
        }
    }

    /// The flags' members of `json`.
    var flagsJSON: [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        if longerWindow { members["longer_window"] = true }
        if let questionChanged {
            members["question_changed"] = [
                "was": .string(questionChanged.was), "now": .string(questionChanged.now),
            ]
            if let earlierMeasures {
                members["earlier_measures"] = .array(earlierMeasures.map(\.json))
            }
        }
        if let newPeriod {
            members["new_period"] = true
            members["period_began"] = .string(newPeriod.began.description)
            members["period"] = .string(newPeriod.unit)
        }
        if let movedWindow {
            members["moved_window"] = [
                "was_from": .string(movedWindow.wasFrom.description),
                "was_to": .string(movedWindow.wasTo.description),
                "from": .string(movedWindow.from.description),
                "to": .string(movedWindow.to.description),
            ]
        }
        if let ages {
            members["different_ages"] = [
                "then": .int(ages.then), "now": .int(ages.now),
                "same_enrollments": .bool(ages.sameEnrollments),
            ]
        }
        return members
    }

    /// The window began again: it starts later than the earlier report's, is shorter, and
    /// runs to the as-of date (a period to date: "this quarter" on 07-06 after 06-29).
    static func restarted(_ window: DateRange?, from filters: JSONValue?, asOf: CivilDate)
        -> NewPeriod?
    {
        guard let window, let start = window.start, let end = window.end, end > asOf,
            let (first, to) = days(filters), let from = first
        else { return nil }
        let length = end.daysSinceEpoch - start.daysSinceEpoch
        let earlier = to.daysSinceEpoch - from.daysSinceEpoch + 1
        guard start > from, length < earlier else { return nil }
        return NewPeriod(began: start, unit: unit(of: window.phrase))
    }

    /// The window holds none of the earlier report's days: it begins after the earlier one
    /// ended. Not a window that began again to date (`restarted` says so).
    static func moved(_ window: DateRange?, from filters: JSONValue?) -> MovedWindow? {
        guard let window, let start = window.start, let end = window.end,
            let (first, to) = days(filters), let from = first, start > to
        else { return nil }
        return MovedWindow(wasFrom: from, wasTo: to, from: start, to: end.adding(days: -1))
    }

    /// The calendar unit a phrase names: "this quarter" → "quarter".
    static func unit(of phrase: String) -> String {
        let words = phrase.lowercased()
        let units = [
            ("quarter", "quarter"), ("qtd", "quarter"), ("month", "month"), ("mtd", "month"),
            ("year", "year"), ("ytd", "year"), ("week", "week"), ("wtd", "week"),
        ]
        return units.first { words.contains($0.0) }?.1 ?? "period"
    }

    /// The windows' distances from their as-of dates, when they differ. A question with no
    /// window counts up to its as-of date: a distance of 0.
    static func ages(
        _ window: DateRange?, asOf: CivilDate, from filters: JSONValue?, earlierAsOf: CivilDate
    ) -> Ages? {
        let earlier = days(filters)
        let then = earlier.map { max(0, earlierAsOf.daysSinceEpoch - $0.to.daysSinceEpoch) } ?? 0
        let last = window?.end?.adding(days: -1)
        let now = last.map { max(0, asOf.daysSinceEpoch - $0.daysSinceEpoch) } ?? 0
        guard then != now else { return nil }
        let same = earlier?.from == window?.start && earlier?.to == last
        return Ages(then: then, now: now, sameEnrollments: same)
    }

    /// The first and last day of a recorded window (`intent.filters`); no first day for a
    /// window with no start ("before 2025"), which was read as no window: "ended 0 days
    /// before that report", "different enrollments" (blind test 50).
    private static func days(_ filters: JSONValue?) -> (from: CivilDate?, to: CivilDate)? {
        guard let window = filters?["enrolled_at"] ?? filters?["completed_at"],
            let to = window["to"]?.stringValue.flatMap(CivilDate.init(iso:))
        else { return nil }
        return (window["from"]?.stringValue.flatMap(CivilDate.init(iso:)), to)
    }
}

/// What a report asked, read from its `metadata.intent`: the parts that, changed, make two
/// reports of one `id:` different questions.
struct ReportScope: Equatable {
    /// The members of `metadata.intent` it reads, which `PreviousSite` keeps.
    static let recorded: Set = [
        "kind", "measure", "dimension", "counted", "dated_by", "filters",
    ]

    var kind: String
    var measure: String?
    var dimension: String?
    var badge: String?
    var organization: String?
    var counted: String?
    var datedBy: String?
    var phrase: String?
    var from: String?
    var to: String?

    init?(_ intent: JSONValue?) {
        guard let intent, let kind = intent["kind"]?.stringValue else { return nil }
        self.kind = kind
        measure = intent["measure"]?.stringValue
        dimension = intent["dimension"]?.stringValue
        counted = intent["counted"]?.stringValue
        datedBy = intent["dated_by"]?.stringValue
        let filters = intent["filters"]
        badge = filters?["badge"]?.stringValue
        organization = filters?["organization"]?.stringValue
        let window = filters?["enrolled_at"]
        phrase = window?["phrase"]?.stringValue
        from = window?["from"]?.stringValue
        to = window?["to"]?.stringValue
    }

    /// Whether `self`, the earlier report's question, asks what `now` asks: the same kind,
    /// measure, badge, organization and way of counting, and a window of the same
    /// definition: the earlier phrase, read at today's as-of date, gives today's window
    /// ("past 30 days" and "the last 30 days" do; "past 60 days" or another quarter do not).
    func isSame(as now: ReportScope, asOf: CivilDate) -> Bool {
        // A report from before `counted` was recorded counted as it does now.
        guard
            kind == now.kind, measure == now.measure, badge == now.badge,
            organization == now.organization, counted == nil || counted == now.counted,
            datedBy == now.datedBy
        else { return false }
        guard let phrase, let current = now.phrase else { return self.phrase == now.phrase }
        func normal(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if normal(phrase) == normal(current) { return true }
        guard let reread = try? TimeWindow(asOf: asOf).read(phrase).range else { return false }
        return reread.json["from"]?.stringValue == now.from
            && reread.json["to"]?.stringValue == now.to
    }

    /// The question in words: "completion rate at Initech, in the past 30 days".
    var words: String {
        var text =
            measure.flatMap(Measure.init(rawValue:))?.words
            ?? kind.replacingOccurrences(
                of: "_", with: " ")
        if datedBy == "enrolled_at" { text = "completed enrollments" }
        if counted == "learners" {
            switch measure {
            case "completions": text = "learners who completed"
            case "dropouts": text = "learners who dropped out"
            default: text = "learners with an enrollment in progress"
            }
        }
        if let dimension { text += " by " + dimension }
        if let badge { text += " of " + DisplayName.cut(badge) }
        if let organization { text += " at " + DisplayName.cut(organization) }
        return text + ", " + (phrase ?? "all time")
    }
}
