/// Enrollments, learners and completions in the last 7 days, up to and including the as-of
/// date, against the 7 days before: the first thing a weekly reader looks for. Named "the
/// last 7 days", never "this week", which is the ISO week (docs/metrics.md, "Glossary").
public struct WeeklyChange: Sendable, Equatable {
    public struct Measure: Sendable, Equatable {
        public var current: Int
        public var previous: Int
        /// The same 7 days a year earlier.
        public var yearAgo: Int = 0

        /// (current − previous) / previous, rounded to 4 decimals; nil when there is no
        /// 7 days before to compare with.
        public var change: Double? {
            previous == 0
                ? nil
                : Rounding.halfAwayFromZero(
                    Double(current - previous) / Double(previous), places: 4)
        }

        /// "▲ 12.5%", "▼ 3.0%", "no change", "none before" or "none in either".
        public var text: String {
            if current == previous { return current == 0 ? "none in either" : "no change" }
            guard previous != 0 else { return "none before" }
            // One decimal of the exact fraction, as every change of a count: the stored
            // 0.4275 (of 109/255 = 0.42745…) was read as a rate's tie and written "42.75%"
            // among one-decimal cells (blind test 47).
            let exact = abs(Double(current - previous) / Double(previous))
            return (current > previous ? "▲ " : "▼ ") + NumberText.tenthsPercent(exact)
        }

        public var direction: String {
            current > previous ? "up" : current < previous ? "down" : "flat"
        }
    }

    /// The first of the last 7 days: the as-of date minus six days.
    public var start: CivilDate
    public var asOf: CivilDate
    public var enrollments: Measure
    public var completions: Measure
    /// Distinct learners with an enrollment in the week.
    public var learners: Measure = Measure(current: 0, previous: 0)
    /// What drove each measure's move against the 7 days before, by measure
    /// (`enrollments`, `learners`, `completions`); a move too small to split has none.
    public var drivers: [String: Drivers] = [:]

    /// The data's latest day, when the report is dated after it.
    public var dataEnds: CivilDate? = nil
    /// The data's first day: a window that ends by it counted nothing, and is no 0 (the
    /// index's "A year earlier" showed 0 for a year before the data, an attack run).
    public var dataBegins: CivilDate? = nil

    /// The cells of the index's table for a measure: the 7 days before, the change, and the
    /// same 7 days a year earlier, each "before the data" (the change "–") when its window
    /// ends by the data's first day.
    public func cells(_ measure: Measure) -> (previous: String, change: String, yearAgo: String) {
        let previous = previous(measure)
        return (
            previous.map(NumberText.count) ?? "before the data",
            previous == nil || previousPartly ? "–" : measure.text,
            endsBeforeData(asOf.adding(days: 1).adding(months: -12))
                ? "before the data" : NumberText.count(measure.yearAgo)
        )
    }

    /// Whether a window that ends (the day after its last) on `end` lies wholly before the
    /// data's first day.
    private func endsBeforeData(_ end: CivilDate) -> Bool { dataBegins.map { end <= $0 } ?? false }

    /// The data begins inside the 7 days before: they are no whole week to compare with
    /// ("Enrollments 21 | 9 | ▲ 133.3%", "the move is broad-based", an attack run).
    public var previousPartly: Bool {
        guard let dataBegins else { return false }
        return start.adding(days: -7) < dataBegins && dataBegins < start
    }

    /// The previous 7 days' count, or nil when they lie wholly before the data.
    public func previous(_ measure: Measure) -> Int? {
        endsBeforeData(start) ? nil : measure.previous
    }

    /// Said beside the week when some of its days are after the data's latest day: a report
    /// dated four days after the export published "Enrollments ▼ 62.7 % … the move is
    /// broad-based", a fall that was the export's.
    public var caveat: String? {
        let begins =
            previousPartly
            ? dataBegins.map {
                "The data begins on \($0), inside the 7 days before: they are not a whole 7 days to compare with, and no change is given."
            } : nil
        guard let ends = endsCaveat else { return begins }
        return begins.map { $0 + " " + ends } ?? ends
    }

    /// The note on days after the data's latest day, when there are any.
    private var endsCaveat: String? {
        guard let dataEnds, dataEnds < asOf else { return nil }
        let empty = asOf.daysSinceEpoch - dataEnds.daysSinceEpoch
        let held = max(0, 7 - empty)
        let days =
            held == 0 ? "none of their days" : "only \(NumberText.count(held)) of their 7 days"
        return
            "The data's latest activity is on \(dataEnds), \(NumberText.count(empty)) day\(empty == 1 ? "" : "s") before this report's date: the days after it hold no data in this export, so the last 7 days count \(days), and a fall against the 7 days before may be the export's, not the platform's. Is the export up to date?"
    }

    /// The platform's key measures of the week, as the index lists them; a rise is good news
    /// for each. What drove a move is not said of a week the data does not cover whole.
    public var rows: [(label: String, measure: Measure, drivers: Drivers?)] {
        let drivers = caveat == nil ? drivers : [:]
        return [
            ("Enrollments", enrollments, drivers["enrollments"]),
            ("Learners who enrolled", learners, drivers["learners"]),
            ("Completions", completions, drivers["completions"]),
        ]
    }

    public static func read(from db: any DatabaseConnection, asOf: CivilDate) throws -> WeeklyChange
    {
        let end = asOf.adding(days: 1)
        let current = asOf.adding(days: -6)
        let previous = asOf.adding(days: -13)
        let yearEnd = end.adding(months: -12)
        let yearStart = yearEnd.adding(days: -7)
        func measure(_ column: String, _ count: String = "count(*)") throws -> Measure {
            var result = Measure(current: 0, previous: 0)
            func window(_ from: CivilDate, _ to: CivilDate) throws -> Int {
                var value = 0
                try db.query(
                    "SELECT \(count) FROM enrollments WHERE \(column) >= ? AND \(column) < ?",
                    [.text(from.description), .text(to.description)]
                ) { row in value = row.int(0) }
                return value
            }
            result.current = try window(current, end)
            result.previous = try window(previous, current)
            result.yearAgo = try window(yearStart, yearEnd)
            return result
        }
        var change = WeeklyChange(
            start: current, asOf: asOf, enrollments: try measure("enrolled_at"),
            completions: try measure("completed_at"))
        change.learners = try measure("enrolled_at", "count(DISTINCT user_id)")
        return change
    }
}
