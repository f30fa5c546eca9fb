// A bridge for this branch only, like CustomSQL+Connection.swift: `WeeklyChange.read`
// (Analytics/) counts with SQLite's `sum(boolean)`, which PostgreSQL lacks, and the SQL
// rewrite of Analytics/ moves that spelling into `SQLDialect`. Delete this file, and its one
// call in `ReportBuilder.build`, when it lands.

extension WeeklyChange {
    /// `read`, with counts PostgreSQL accepts: `count(*) FILTER (WHERE …)`.
    static func read(fromPostgres db: any DatabaseConnection, asOf: CivilDate) throws -> WeeklyChange {
        let end = asOf.adding(days: 1)
        let current = asOf.adding(days: -6)
        let previous = asOf.adding(days: -13)
        func measure(_ column: String) throws -> Measure {
            var result = Measure(current: 0, previous: 0)
            try db.query(
                """
                SELECT count(*) FILTER (WHERE \(column) >= ?), count(*) FILTER (WHERE \(column) < ?)
                FROM enrollments WHERE \(column) >= ? AND \(column) < ?
                """,
                [current, current, previous, end].map { .text($0.description) }
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
