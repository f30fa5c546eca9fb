/// Enrollment and completion over time, per organization.
public struct OrganizationTrends: Sendable {
    public struct Organization: Sendable, Equatable {
        public var organization: String
        public var users: Int
        public var enrollments: Int
        public var learners: Int
        public var completed: Int
        public var completionRate: Double
    }

    public struct Point: Sendable, Equatable {
        public var period: String
        public var organization: String
        public var enrollments: Int
        public var completions: Int
    }

    /// Five-number summary of how many enrollments each learner has, per organization.
    public struct Spread: Sendable, Equatable {
        public var organization: String
        public var learners: Int
        public var minimum: Double
        public var lowerQuartile: Double
        public var median: Double
        public var upperQuartile: Double
        public var maximum: Double
        public var mean: Double
    }

    public var organizations: [Organization]
    public var series: [Point]
    /// Enrollments per learner in the window, for the organizations in `organizations` order.
    public var perLearner: [Spread]
    public var granularity: Granularity
    /// The window counted: the question's own, or the 12 months up to the as-of date.
    public var window: DateRange
    public var filters: Filters

    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> OrganizationTrends {
        let db = context.db
        let names = try NameLookup(db)
        let tomorrow = context.asOf.adding(days: 1)
        let window = context.filters.dateRange
            ?? DateRange(start: tomorrow.adding(months: -12), end: tomorrow,
                         phrase: "the 12 months up to \(context.asOf)")
        var filters = context.filters
        filters.dateRange = window
        let granularity = context.granularity ?? .month

        // Users per organization count every user, whatever the window.
        var users: [Int?: Int] = [:]
        try db.query("SELECT organization_id, count(*) FROM users GROUP BY organization_id", []) { row in
            users[row.optionalInt(0)] = row.int(1)
        }

        let enrolled = FilterClause(filters)
        var totals: [Int?: (enrollments: Int, learners: Int, completed: Int)] = [:]
        try db.query(
            """
            SELECT u.organization_id, count(*), count(DISTINCT e.user_id),
                coalesce(sum(e.status = 'completed'), 0)
            FROM enrollments e JOIN users u ON u.id = e.user_id
            WHERE \(enrolled.condition) GROUP BY u.organization_id
            """, enrolled.bindings
        ) { row in
            totals[row.optionalInt(0)] = (row.int(1), row.int(2), row.int(3))
        }

        var periods: [PeriodKey: (enrollments: Int, completions: Int)] = [:]
        try db.query(
            """
            SELECT u.organization_id, \(db.dialect.day("e.enrolled_at")), count(*)
            FROM enrollments e JOIN users u ON u.id = e.user_id
            WHERE \(enrolled.condition) GROUP BY 1, 2
            """, enrolled.bindings
        ) { row in
            guard let day = row.string(1).flatMap(CivilDate.init(iso:)) else { return }
            let key = PeriodKey(organization: row.optionalInt(0), period: Self.period(day, granularity))
            periods[key, default: (0, 0)].enrollments += row.int(2)
        }
        // Completions are counted by the day they happened, inside the same window.
        let completedFilter = FilterClause(filters, dateColumn: "e.completed_at")
        try db.query(
            """
            SELECT u.organization_id, \(db.dialect.day("e.completed_at")), count(*)
            FROM enrollments e JOIN users u ON u.id = e.user_id
            WHERE e.status = 'completed' AND e.completed_at IS NOT NULL AND \(completedFilter.condition)
            GROUP BY 1, 2
            """, completedFilter.bindings
        ) { row in
            guard let day = row.string(1).flatMap(CivilDate.init(iso:)) else { return }
            let key = PeriodKey(organization: row.optionalInt(0), period: Self.period(day, granularity))
            periods[key, default: (0, 0)].completions += row.int(2)
        }

        // Enrollments per learner: one grouped pass, counts kept as a compact array per group.
        var perLearnerCounts: [Int?: [Double]] = [:]
        try db.query(
            """
            SELECT u.organization_id, count(*)
            FROM enrollments e JOIN users u ON u.id = e.user_id
            WHERE \(enrolled.condition) GROUP BY e.user_id
            """, enrolled.bindings
        ) { row in
            perLearnerCounts[row.optionalInt(0), default: []].append(Double(row.int(1)))
        }

        // Every organization of the filter, with zeros where there was no activity.
        var ids: [Int?] = names.organizations.keys.map { Optional($0) }
        ids.append(nil)
        if let wanted = context.filters.organization {
            ids = ids.filter { $0 != nil && names.organization($0) == wanted }
        } else if users[nil] == nil && totals[nil] == nil {
            ids.removeLast()
        }
        let organizations = ids.map { id -> Organization in
            let total = totals[id] ?? (0, 0, 0)
            return Organization(
                organization: names.organization(id), users: users[id] ?? 0,
                enrollments: total.enrollments, learners: total.learners, completed: total.completed,
                completionRate: Metrics.rate(total.completed, total.enrollments))
        }.sorted(by: byCountThenName(\.enrollments, \.organization))

        // A dense series: every period of the window for every organization with activity.
        let active = ids.filter { id in periods.keys.contains { $0.organization == id } }
        let allPeriods = Self.periods(in: window, granularity: granularity)
        var series: [Point] = []
        for period in allPeriods {
            for id in active {
                let counts = periods[PeriodKey(organization: id, period: period)] ?? (0, 0)
                series.append(Point(
                    period: period, organization: names.organization(id),
                    enrollments: counts.enrollments, completions: counts.completions))
            }
        }
        series.sort { ($0.period, $0.organization) < ($1.period, $1.organization) }
        let perLearner = ids.compactMap { id -> Spread? in
            guard let counts = perLearnerCounts[id], !counts.isEmpty else { return nil }
            let sorted = counts.sorted()
            return Spread(
                organization: names.organization(id), learners: sorted.count, minimum: sorted[0],
                lowerQuartile: Metrics.quantile(sorted, 0.25), median: Metrics.quantile(sorted, 0.5),
                upperQuartile: Metrics.quantile(sorted, 0.75), maximum: sorted[sorted.count - 1],
                mean: Metrics.round(sorted.reduce(0, +) / Double(sorted.count), places: 2))
        }.sorted(by: byCountThenName(\.learners, \.organization))
        return OrganizationTrends(
            organizations: organizations, series: series, perLearner: perLearner,
            granularity: granularity, window: window, filters: context.filters)
    }

    /// Enrollments and completions of all organizations together, per period.
    public var byPeriod: [(period: String, enrollments: Int, completions: Int)] {
        var result: [(period: String, enrollments: Int, completions: Int)] = []
        for point in series {
            if result.last?.period == point.period {
                result[result.count - 1].enrollments += point.enrollments
                result[result.count - 1].completions += point.completions
            } else {
                result.append((point.period, point.enrollments, point.completions))
            }
        }
        return result
    }

    /// Enrollments and completed enrollments of all organizations in the window.
    public var totals: (enrollments: Int, completed: Int) {
        organizations.reduce((0, 0)) { ($0.0 + $1.enrollments, $0.1 + $1.completed) }
    }

    private struct PeriodKey: Hashable {
        var organization: Int?
        var period: String
    }

    static func period(_ day: CivilDate, _ granularity: Granularity) -> String {
        granularity == .week ? day.isoWeekKey : day.monthKey
    }

    /// The periods that a window touches, in order. An open-ended window starts at its first
    /// activity, which the series already covers, so only bounded windows are listed.
    static func periods(in window: DateRange, granularity: Granularity) -> [String] {
        guard let start = window.start, let end = window.end, start < end else { return [] }
        var result: [String] = []
        var day = start
        while day < end {
            let key = period(day, granularity)
            if result.last != key { result.append(key) }
            day = granularity == .week ? day.adding(days: 7 - (day.isoWeekday - 1)) : CivilDate(year: day.year, month: day.month, day: 1)!.adding(months: 1)
        }
        return result
    }
}

extension OrganizationTrends: AnalysisOutput {
    public var json: JSONValue {
        [
            "organizations": .array(organizations.map { row in
                [
                    "organization": .string(row.organization), "users": .int(row.users),
                    "enrollments": .int(row.enrollments), "learners": .int(row.learners),
                    "completed": .int(row.completed), "completion_rate": .double(row.completionRate),
                ]
            }),
            "series": .array(series.map { point in
                [
                    "period": .string(point.period), "organization": .string(point.organization),
                    "enrollments": .int(point.enrollments), "completions": .int(point.completions),
                ]
            }),
            "enrollments_per_learner": .array(perLearner.map { spread in
                [
                    "organization": .string(spread.organization), "learners": .int(spread.learners),
                    "min": .double(spread.minimum), "q1": .double(spread.lowerQuartile),
                    "median": .double(spread.median), "q3": .double(spread.upperQuartile),
                    "max": .double(spread.maximum), "mean": .double(spread.mean),
                ]
            }),
            "by_period": .array(byPeriod.map { period in
                [
                    "period": .string(period.period), "enrollments": .int(period.enrollments),
                    "completions": .int(period.completions),
                ]
            }),
            "totals": ["enrollments": .int(totals.enrollments), "completed": .int(totals.completed)],
            "granularity": .string(granularity.rawValue),
            "window": [
                "phrase": .string(window.phrase),
                "from": .text(window.start?.description),
                "to": .text(window.end?.adding(days: -1).description),
            ],
            "filters": filters.json,
        ]
    }

    public var tables: [DataTable] {
        [
            DataTable(
                title: "Organizations, \(window.phrase)",
                columns: [
                    .init("Organization", .text), .init("Users", .count), .init("Enrollments", .count),
                    .init("Learners", .count), .init("Completed", .count),
                    .init("Completion rate", .percent),
                ],
                rows: organizations.map { row in
                    [
                        .string(row.organization), .int(row.users), .int(row.enrollments),
                        .int(row.learners), .int(row.completed), .double(row.completionRate),
                    ]
                })
        ]
    }

    public var rowCount: Int { series.count }
}
