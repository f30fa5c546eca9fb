/// Enrollments and completions per week (Monday to Sunday) in a question's scope, for the
/// insights that look at the latest complete week: `unusual_change` and `record`.
///
/// The counts come from one SQL statement; weeks with no rows are filled in with zeros. The
/// scope is the question's badge, organization and date filters, up to the as-of date.
/// Completions are counted by the week of `completed_at`, inside the same days, for
/// enrollments made by the as-of date (as organization trends count them).
public struct WeeklySeries: Sendable, Equatable {
    /// Mondays, ascending, and each week's count; complete weeks only.
    public var enrollments: [(week: CivilDate, count: Int)]
    public var completions: [(week: CivilDate, count: Int)]

    public init(
        enrollments: [(week: CivilDate, count: Int)], completions: [(week: CivilDate, count: Int)]
    ) {
        self.enrollments = enrollments
        self.completions = completions
    }

    public static func == (lhs: WeeklySeries, rhs: WeeklySeries) -> Bool {
        lhs.enrollments.map(\.week) == rhs.enrollments.map(\.week)
            && lhs.enrollments.map(\.count) == rhs.enrollments.map(\.count)
            && lhs.completions.map(\.week) == rhs.completions.map(\.week)
            && lhs.completions.map(\.count) == rhs.completions.map(\.count)
    }

    /// The shared statement for every scope's filters at once; scope `i + 1` is `filters[i]`.
    public static func statement(
        for filters: [Filters], asOf: CivilDate, in dialect: any SQLDialect
    ) -> SQLStatement {
        let scopes = ScopeList(
            filters.enumerated().map { index, filters in
                let scope = Scope(filters, asOf: asOf)
                var row = ScopeList.Row(number: index + 1, scope, asOf: asOf)
                // Completions inside the same days, for enrollments made by the as-of date.
                row.doneFrom = scope.from
                row.doneUntil = scope.until
                return row
            })
        guard !dialect.readsTemporaryTables else {
            // The build's facts hold each row's Monday, worked out once per build.
            return scopes.statement(
                "weekly",
                """
                WITH \(scopes.cte(dialect, columns: [.enrolledWeek])),
                \(scopes.relation(
                    dialect, named: "finished", finished: true,
                    columns: [.status, .completedAt, .completedWeek, .doneFrom, .doneUntil]))
                SELECT s.scope, 'enrollments' AS measure, s.enrolled_week AS week, count(*) AS n
                FROM scoped s GROUP BY s.scope, s.enrolled_week
                UNION ALL
                SELECT f.scope, 'completions' AS measure, f.completed_week AS week, count(*) AS n
                FROM finished f
                WHERE \(ScopeList.doneInWindow("f"))
                GROUP BY f.scope, f.completed_week
                ORDER BY 1, 2, 3
                """, dialect)
        }
        // Where the facts are defined in the statement (PostgreSQL), a row's Monday would be
        // worked out for every row of every scope: the rows are counted by day, and each
        // day's Monday worked out once per scope.
        let week = dialect.weekStart("d.day")
        return scopes.statement(
            "weekly",
            """
            WITH \(scopes.cte(dialect, columns: [.enrolledAt])),
            \(scopes.relation(
                dialect, named: "finished", finished: true,
                columns: [.status, .completedAt, .doneFrom, .doneUntil]))
            SELECT d.scope, 'enrollments' AS measure, \(week) AS week, CAST(sum(d.n) AS BIGINT) AS n
            FROM (SELECT s.scope, substr(s.enrolled_at, 1, 10) AS day, count(*) AS n
                  FROM scoped s GROUP BY s.scope, substr(s.enrolled_at, 1, 10)) AS d
            GROUP BY d.scope, \(week)
            UNION ALL
            SELECT d.scope, 'completions' AS measure, \(week) AS week, CAST(sum(d.n) AS BIGINT) AS n
            FROM (SELECT f.scope, substr(f.completed_at, 1, 10) AS day, count(*) AS n
                  FROM finished f
                  WHERE \(ScopeList.doneInWindow("f"))
                  GROUP BY f.scope, substr(f.completed_at, 1, 10)) AS d
            GROUP BY d.scope, \(week)
            ORDER BY 1, 2, 3
            """, dialect)
    }

    static func series(
        from set: ResultSet, of shared: SQLStatement, filters: [Filters], asOf: CivilDate
    ) -> [WeeklySeries] {
        let scopes = ResultSets(["weekly": set]).byScope()
        return filters.enumerated().map { index, filters in
            let scope = Scope(filters, asOf: asOf)
            let rows =
                shared.scopes[index + 1].flatMap { scopes[$0]?.byName["weekly"] }
                ?? ResultSet(columns: set.columns, rows: [])
            return decode(rows, from: scope.from, until: scope.until)
        }
    }

    /// The complete weeks between the first whole week of the question's range (with no
    /// range, the week after the first week with activity) and the last week that ends
    /// before `until`.
    static func decode(_ set: ResultSet, from: CivilDate?, until: CivilDate) -> WeeklySeries {
        var counts: [String: [CivilDate: Int]] = [:]
        for record in set.records {
            guard let week = CivilDate(iso: record.text("week").prefix(10)) else { continue }
            counts[record.text("measure"), default: [:]][week] = record.int("n")
        }
        // The last complete week ends on the Sunday before `until` (or on `until − 1`).
        let lastDay = until.adding(days: -1)
        let lastMonday = lastDay.adding(
            days: lastDay.isoWeekday == 7 ? -6 : -lastDay.isoWeekday - 6)
        func series(_ measure: String) -> [(week: CivilDate, count: Int)] {
            let weeks = counts[measure] ?? [:]
            // With no range, the first week with activity may have begun before the data
            // did: the series starts the week after it.
            var first = weeks.keys.min().map { from == nil ? $0.adding(days: 7) : $0 }
            if let from {
                // The first whole week inside the range.
                let monday = from.adding(days: (8 - from.isoWeekday) % 7)
                first = first.map { max($0, monday) } ?? monday
            }
            guard let first, first <= lastMonday else { return [] }
            return stride(from: first.daysSinceEpoch, through: lastMonday.daysSinceEpoch, by: 7).map
            {
                let week = CivilDate(daysSinceEpoch: $0)
                return (week, weeks[week] ?? 0)
            }
        }
        return WeeklySeries(enrollments: series("enrollments"), completions: series("completions"))
    }
}

/// `{enrollments: [[week, count]], completions: …}` in the analysis cache.
extension WeeklySeries: Codable {
    private enum Keys: String, CodingKey { case enrollments, completions }

    private struct Week: Codable {
        var week: CivilDate
        var count: Int

        init(_ pair: (week: CivilDate, count: Int)) {
            (week, count) = pair
        }

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            let day = try pair.decode(String.self)
            guard let week = CivilDate(iso: day) else {
                throw DecodingError.dataCorruptedError(
                    in: pair, debugDescription: "not a day: \(day)")
            }
            self.week = week
            count = try pair.decode(Int.self)
        }

        func encode(to encoder: any Encoder) throws {
            var pair = encoder.unkeyedContainer()
            try pair.encode(week.description)
            try pair.encode(count)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        enrollments = try container.decode([Week].self, forKey: .enrollments).map {
            ($0.week, $0.count)
        }
        completions = try container.decode([Week].self, forKey: .completions).map {
            ($0.week, $0.count)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(enrollments.map(Week.init), forKey: .enrollments)
        try container.encode(completions.map(Week.init), forKey: .completions)
    }
}
