/// New enrollments and completions in the 7 days up to the as-of date, against the 7 days
/// before: the first thing a weekly reader looks for.
public struct WeeklyChange: Sendable, Equatable {
    public struct Measure: Sendable, Equatable {
        public var current: Int
        public var previous: Int

        /// (current − previous) / previous, rounded to 4 decimals; nil when there is no
        /// previous week to compare with.
        public var change: Double? {
            previous == 0 ? nil : Metrics.round(Double(current - previous) / Double(previous), places: 4)
        }

        /// "▲ 12.5%", "▼ 3.0%", "no change", "new this week" or "none either week".
        public var text: String {
            if current == previous { return current == 0 ? "none either week" : "no change" }
            guard let change else { return "new this week" }
            return (change > 0 ? "▲ " : "▼ ") + NumberText.percent(abs(change))
        }

        public var direction: String {
            current > previous ? "up" : current < previous ? "down" : "flat"
        }
    }

    /// The first day of this week's window: the as-of date minus six days.
    public var start: CivilDate
    public var asOf: CivilDate
    public var enrollments: Measure
    public var completions: Measure

    public static func read(from db: any DatabaseConnection, asOf: CivilDate) throws -> WeeklyChange {
        let end = asOf.adding(days: 1)
        let current = asOf.adding(days: -6)
        let previous = asOf.adding(days: -13)
        func measure(_ column: String) throws -> Measure {
            var result = Measure(current: 0, previous: 0)
            try db.query(
                """
                SELECT coalesce(sum(CASE WHEN \(column) >= ? THEN 1 ELSE 0 END), 0),
                       coalesce(sum(CASE WHEN \(column) < ? THEN 1 ELSE 0 END), 0)
                FROM enrollments WHERE \(column) >= ? AND \(column) < ?
                """,
                [.text(current.description), .text(current.description), .text(previous.description),
                 .text(end.description)]
            ) { row in
                result = Measure(current: row.int(0), previous: row.int(1))
            }
            return result
        }
        return WeeklyChange(
            start: current, asOf: asOf, enrollments: try measure("enrolled_at"),
            completions: try measure("completed_at"))
    }
}
