import Foundation

/// A question's window, the window of equal length before it and the same window a year
/// earlier. Each is run through the same analysis, in the same SQL path as the main numbers.
public struct ComparisonWindows: Sendable, Equatable {
    /// The words of the window before the question's own, when the question set none.
    public static let previousPhrase = "the previous period"

    /// Half-open ranges: `start` included, `end` excluded.
    public var current: DateRange
    public var previous: DateRange
    public var yearAgo: DateRange
    /// The build's as-of date and each earlier window's own, "at the same age": the previous
    /// window is counted as of the as-of date moved back by the window's length, the year-ago
    /// window as of the as-of date a year earlier, so a completion that needs time to happen
    /// has had the same time in every window (docs/metrics.md, like for like).
    public var asOf: CivilDate
    public var previousAsOf: CivilDate
    public var yearAgoAsOf: CivilDate

    /// - Parameters: the as-of dates default to each window's last day.
    public init(
        current: DateRange, previous: DateRange, yearAgo: DateRange, asOf: CivilDate? = nil,
        previousAsOf: CivilDate? = nil, yearAgoAsOf: CivilDate? = nil
    ) {
        func lastDay(_ range: DateRange) -> CivilDate {
            (range.end ?? range.start ?? CivilDate(daysSinceEpoch: 1)).adding(days: -1)
        }
        self.current = current
        self.previous = previous
        self.yearAgo = yearAgo
        self.asOf = asOf ?? lastDay(current)
        self.previousAsOf = previousAsOf ?? lastDay(previous)
        self.yearAgoAsOf = yearAgoAsOf ?? lastDay(yearAgo)
    }

    /// The windows of a question, or nil when it has no time window. Organization trends
    /// always have one (the 12 months up to the as-of date by default). The current window
    /// ends at the as-of date at the latest. A window of whole calendar months is compared
    /// with the same number of months before it; any other, and a span written in days or
    /// weeks, with the same number of days.
    public static func of(_ match: Match, asOf: CivilDate) -> ComparisonWindows? {
        let tomorrow = asOf.adding(days: 1)
        var range = match.filters.dateRange
        if range == nil, match.kind == .organizationTrends {
            range = DateRange(start: tomorrow.adding(months: -12), end: tomorrow, phrase: "")
        }
        guard let range, let start = range.start else { return nil }
        let end = min(range.end ?? tomorrow, tomorrow)
        guard start < end else { return nil }
        let yearAgoAsOf = Self.asOf(asOf, monthsBack: 12)
        if let versus = match.versus {
            // The question's own second window is the one it is compared with, counted as of
            // the as-of date moved back as far as its start is from this window's.
            var versusAsOf = asOf
            if let other = versus.start {
                if start.parts.day == 1, other.parts.day == 1 {
                    let months = (start.year - other.year) * 12 + start.month - other.month
                    versusAsOf = Self.asOf(asOf, monthsBack: months)
                } else {
                    versusAsOf = asOf.adding(days: other.daysSinceEpoch - start.daysSinceEpoch)
                }
            }
            // Its days end at that as-of date, as its numbers do (`Scope.until`): "this year
            // against last year" on 2026-06-30 set 1,767 enrollments of 2025's first half
            // against a window labelled "2025-01-01 to 2025-12-31".
            var previous = versus
            let cutoff = versusAsOf.adding(days: 1)
            if let end = versus.end, cutoff < end, versus.start.map({ $0 < cutoff }) ?? true {
                previous.end = cutoff
                previous.phrase = versus.phrase + " to the same day"
            }
            return ComparisonWindows(
                current: DateRange(start: start, end: end, phrase: range.phrase),
                previous: previous,
                yearAgo: DateRange(
                    start: start.adding(months: -12), end: end.adding(months: -12),
                    phrase: "a year earlier"),
                asOf: asOf, previousAsOf: versusAsOf, yearAgoAsOf: yearAgoAsOf)
        }
        let previousStart: CivilDate
        let previousAsOf: CivilDate
        // "The past 30 days" as of 2026-06-30 is June, whole, but a span of days: it was set
        // against May's 31 days (919 enrollments, where the 30 days before held 895).
        if start.parts.day == 1, end.parts.day == 1, !range.writtenInDays {
            let months = (end.year - start.year) * 12 + end.month - start.month
            previousStart = start.adding(months: -months)
            // The as-of date moves back as the window does (its month's last day stays last).
            previousAsOf = Self.asOf(asOf, monthsBack: months)
        } else {
            previousStart = start.adding(days: start.daysSinceEpoch - end.daysSinceEpoch)
            previousAsOf = asOf.adding(days: start.daysSinceEpoch - end.daysSinceEpoch)
        }
        return ComparisonWindows(
            current: DateRange(start: start, end: end, phrase: range.phrase),
            previous: DateRange(start: previousStart, end: start, phrase: Self.previousPhrase),
            yearAgo: DateRange(
                start: start.adding(months: -12), end: end.adding(months: -12),
                phrase: "a year earlier"),
            asOf: asOf, previousAsOf: previousAsOf, yearAgoAsOf: yearAgoAsOf)
    }

    /// The as-of date moved back `months`, as a window of whole months moves: the last day
    /// of its month stays the last day (2026-06-30 → 2026-05-31), any other day is the same
    /// day, or the month's last when it has none (2026-07-30 → 2026-06-30, 2024-03-30 →
    /// 2024-02-29). Moving the day after it instead lost a day: "this month compared with
    /// last month" as of 2026-07-30 counted June to the 29th (an attack run).
    static func asOf(_ asOf: CivilDate, monthsBack months: Int) -> CivilDate {
        let tomorrow = asOf.adding(days: 1)
        return tomorrow.parts.day == 1
            ? tomorrow.adding(months: -months).adding(days: -1) : asOf.adding(months: -months)
    }

    /// The question's match with its window replaced, for running the same analysis again.
    public func match(_ match: Match, for range: DateRange) -> Match {
        var copy = match
        copy.filters.dateRange = range
        return copy
    }
}

/// `metadata.comparison`: every key measure in the current window, the previous window and
/// the window a year earlier, with the change from the previous one.
public struct Comparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var measure: String
        public var subject: String?
        public var current: Double?
        public var previous: Double?
        public var yearAgo: Double?

        /// In the measure's unit; in percentage points for a rate. Nil when either side is.
        public var change: Double? {
            guard let current, let previous else { return nil }
            return KeyMeasure.change(measure, from: previous, to: current)
        }

        /// In percent of the previous value; nil for rates and a previous value of zero.
        public var changePercent: Double? {
            guard let current, let previous else { return nil }
            return KeyMeasure.changePercent(measure, from: previous, to: current)
        }

        /// The change against the year-ago window, same units.
        public var yearChange: Double? {
            guard let current, let yearAgo else { return nil }
            return KeyMeasure.change(measure, from: yearAgo, to: current)
        }

        var json: JSONValue {
            [
                "measure": .string(measure), "subject": .text(subject),
                "current": Self.number(current), "previous": Self.number(previous),
                "year_ago": Self.number(yearAgo), "change": Self.number(change),
                "change_percent": Self.number(changePercent),
            ]
        }

        /// Whole numbers as integers, so the JSON reads `12`, not `12.0`.
        static func number(_ value: Double?) -> JSONValue {
            guard let value else { return .null }
            return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
        }
    }

    public var windows: ComparisonWindows
    public var rows: [Row]
    /// The first day of the data, when an earlier window lies wholly before it: that window
    /// counted nothing because the data had not begun, so its values are nil (not 0) and no
    /// change is shown against it. Nil otherwise.
    public var dataBegins: CivilDate?
    /// The first day of the data, when it falls inside an earlier window and leaves a
    /// twentieth or more of its days before it: that window's values count only the days
    /// from then (a change of +69.6% against a window the data covered 12 of 18 months of was
    /// shown unqualified, blind test 50). Nil otherwise.
    public var dataBeginsWithin: CivilDate?

    /// Whether the previous window starts before the data's first day and ends after it.
    public var previousPartlyBeforeData: Bool {
        Self.partlyBefore(windows.previous, dataBeginsWithin)
    }
    /// Whether the year-ago window starts before the data's first day and ends after it.
    public var yearAgoPartlyBeforeData: Bool {
        Self.partlyBefore(windows.yearAgo, dataBeginsWithin)
    }

    /// A window the data misses a twentieth or more of: "2024" against data from its 4th
    /// day is whole enough to say nothing of.
    private static func partlyBefore(_ range: DateRange, _ first: CivilDate?) -> Bool {
        guard let first, let start = range.start, let end = range.end, start < first, end > first
        else { return false }
        let missed = first.daysSinceEpoch - start.daysSinceEpoch
        return 20 * missed >= end.daysSinceEpoch - start.daysSinceEpoch
    }

    /// Whether the previous window ends on or before the data's first day.
    public var previousBeforeData: Bool { Self.before(windows.previous, dataBegins) }
    /// Whether the year-ago window ends on or before the data's first day.
    public var yearAgoBeforeData: Bool { Self.before(windows.yearAgo, dataBegins) }

    private static func before(_ range: DateRange, _ first: CivilDate?) -> Bool {
        guard let first, let end = range.end else { return false }
        return end <= first
    }

    /// Matches the three windows' key measures by measure and subject, in the current order;
    /// a subject seen only in an earlier window follows with a current value of nil. An
    /// earlier window that ends on or before `firstDay` (the data's first day) has no values.
    public init(
        windows: ComparisonWindows, current: [KeyMeasure], previous: [KeyMeasure],
        yearAgo: [KeyMeasure], firstDay: CivilDate? = nil
    ) {
        self.windows = windows
        let wholly = [windows.previous, windows.yearAgo].contains { Self.before($0, firstDay) }
        self.dataBegins = wholly ? firstDay : nil
        let partly = [windows.previous, windows.yearAgo].contains {
            Self.partlyBefore($0, firstDay)
        }
        self.dataBeginsWithin = partly ? firstDay : nil
        let previous = Self.before(windows.previous, firstDay) ? [] : previous
        let yearAgo = Self.before(windows.yearAgo, firstDay) ? [] : yearAgo
        let before = Dictionary(
            previous.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let lastYear = Dictionary(
            yearAgo.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var rows: [Row] = []
        for measure in current + previous + yearAgo where seen.insert(measure.key).inserted {
            let now = current.first { $0.key == measure.key }?.value
            rows.append(
                Row(
                    measure: measure.measure, subject: measure.subject, current: now,
                    previous: before[measure.key] ?? nil, yearAgo: lastYear[measure.key] ?? nil))
        }
        self.rows = rows
    }

    /// The rows of the whole result (no subject).
    public var totals: [Row] { rows.filter { $0.subject == nil } }

    public var json: JSONValue {
        func window(_ range: DateRange, _ asOf: CivilDate, before: Bool = false) -> JSONValue {
            var object: [String: JSONValue] = [
                "from": .string(range.start?.description ?? ""),
                "to": .string(range.end.map { $0.adding(days: -1).description } ?? ""),
                "as_of": .string(asOf.description),
            ]
            // Only when it is, so that other documents stay as they were.
            if before, let dataBegins {
                object["before_data_begins"] = .string(dataBegins.description)
            }
            return .object(object)
        }
        return [
            "current": window(windows.current, windows.asOf),
            "previous": window(windows.previous, windows.previousAsOf, before: previousBeforeData),
            "year_ago": window(windows.yearAgo, windows.yearAgoAsOf, before: yearAgoBeforeData),
            "measures": .array(rows.map(\.json)),
        ]
    }
}
