/// Which periods of a series the data covers only in part: a week, month or quarter that
/// begins before the first day counted (the window's first day, or the first enrollment in
/// the database) or ends after the last (the window's last day, or the as-of date). Such a
/// period holds fewer days than its neighbours, so its count is not comparable with theirs:
/// charts mark it, and sentences, trends and records leave it out (docs/metrics.md, "Whole
/// periods").
public struct PeriodCoverage: Sendable, Equatable {
    /// The first day counted; nil when nothing is known before the data.
    public var from: CivilDate?
    /// The day after the last day counted.
    public var until: CivilDate

    /// - Parameters:
    ///   - window: the days the analysis counted (nil: no window of its own).
    ///   - asOf: the report's as-of date; nil when only the window is known.
    ///   - firstDay: the day of the database's first enrollment, when known.
    public init(window: DateRange?, asOf: CivilDate?, firstDay: CivilDate?) {
        let starts = [window?.start, firstDay].compactMap { $0 }
        from = starts.max()
        let ends = [window?.end, asOf?.adding(days: 1)].compactMap { $0 }
        until = ends.min() ?? CivilDate(year: 9999, month: 12, day: 31)!
    }

    /// The first day of a period label and the day after its last: `2026-09-30`, the ISO
    /// week `2026-W40`, `2026-09` or `2026-Q3`. Nil for anything else.
    public static func days(of period: String) -> (start: CivilDate, end: CivilDate)? {
        let parts = period.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        if parts.count == 3 {
            guard let day = CivilDate(iso: period) else { return nil }
            return (day, day.adding(days: 1))
        }
        let second = parts[1]
        if second.hasPrefix("W"), let week = Int(second.dropFirst()), (1...53).contains(week) {
            // Week 1 holds 4 January; its Monday starts the ISO year.
            let january4 = CivilDate(year: year, month: 1, day: 4)!
            let monday = january4.adding(days: 1 - january4.isoWeekday + 7 * (week - 1))
            return (monday, monday.adding(days: 7))
        }
        if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()), (1...4).contains(quarter) {
            let start = CivilDate(year: year, month: 3 * quarter - 2, day: 1)!
            return (start, start.adding(months: 3))
        }
        guard second.count == 2, let month = Int(second),
            let start = CivilDate(year: year, month: month, day: 1)
        else { return nil }
        return (start, start.adding(months: 1))
    }

    /// Whether the data covers only part of `period`; false for a label that is no period.
    public func isPartial(_ period: String) -> Bool {
        guard let days = Self.days(of: period) else { return false }
        if let from, days.start < from { return true }
        return until < days.end
    }

    /// Whether the data covers at least one day of `period`: a week wholly before the first
    /// enrollment, or a month wholly after the as-of date, holds none.
    public func touches(_ period: String) -> Bool {
        guard let days = Self.days(of: period) else { return true }
        if let from, days.end <= from { return false }
        return days.start < until
    }

    /// The word for one period of a series whose rows are `title`: "month" for "Cohort".
    public static func noun(_ title: String) -> String {
        switch title {
        case "Cohort", "Month of enrollment": return "month"
        default: return title.lowercased()
        }
    }
}
