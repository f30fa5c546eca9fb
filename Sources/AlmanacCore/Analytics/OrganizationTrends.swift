/// Enrollment and completion over time, per organization.
public struct OrganizationTrends: Sendable, Codable {
    public struct Organization: Sendable, Equatable, Codable {
        public var organization: String
        public var users: Int
        public var enrollments: Int
        public var learners: Int
        public var completed: Int
        public var completionRate: Double
    }

    public struct Point: Sendable, Equatable, Codable {
        public var period: String
        public var organization: String
        public var enrollments: Int
        public var completions: Int
    }

    /// Five-number summary of how many enrollments each learner has, per organization.
    public struct Spread: Sendable, Equatable, Codable {
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
    /// Enrollments per learner in the window, by organization, most learners first.
    public var perLearner: [Spread]
    public var granularity: Granularity
    /// The window counted: the question's own, or the 12 months up to the as-of date.
    public var window: DateRange
    public var filters: Filters

    /// Runs the analysis on a pass of its own (a build shares one pass between every
    /// analysis; see `EnrollmentScan`).
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> OrganizationTrends {
        try EnrollmentScan.analyse(Aggregator.self, context)
    }

    /// Counts per organization and period as the rows go by. Each day of the window maps to
    /// its period once, so a row costs an array lookup, not a date formatted as text.
    final class Aggregator: ScanAggregator, RowAggregator {
        private let filter: ScanFilter
        private let filters: Filters
        private let names: NameLookup
        private let users: [Int?: Int]
        private let window: DateRange
        private let granularity: Granularity
        private let firstDay: Int
        private let periodOfDay: [Int]
        private let periods: [String]
        private var totals: [(enrollments: Int, learners: Int, completed: Int)]
        /// [organization slot × period]
        private var enrollments: [Int]
        private var completions: [Int]
        private var perLearner: [[Double]]
        private var learnerRows = 0
        private var learnerSlot = 0

        init(_ context: AnalysisContext, scan: EnrollmentScan) {
            let names = scan.names
            let users = scan.usersPerOrganization
            let tomorrow = context.asOf.adding(days: 1)
            window = context.filters.dateRange
                ?? DateRange(start: tomorrow.adding(months: -12), end: tomorrow,
                             phrase: "the 12 months up to \(context.asOf)")
            var scope = context.filters
            scope.dateRange = window
            filter = ScanFilter(scope, names: names, asOf: context.asOf)
            filters = context.filters
            self.names = names
            self.users = users
            granularity = context.granularity ?? .month
            periods = OrganizationTrends.periods(in: window, granularity: granularity)
            firstDay = window.start?.daysSinceEpoch ?? 0
            let lastDay = window.end?.daysSinceEpoch ?? firstDay
            let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
            periodOfDay = (firstDay..<max(firstDay, lastDay)).map { day in
                index[OrganizationTrends.period(CivilDate(daysSinceEpoch: day), context.granularity ?? .month)]!
            }
            let organizations = names.organizationIDs.count
            totals = Array(repeating: (0, 0, 0), count: organizations)
            enrollments = Array(repeating: 0, count: organizations * periods.count)
            completions = Array(repeating: 0, count: organizations * periods.count)
            perLearner = Array(repeating: [], count: organizations)
        }

        func consume(_ record: EnrollmentRecord) {
            guard filter.matchesOrganization(record), filter.matchesBadge(record) else { return }
            let slot = record.organizationSlot
            // Completions count by the day they happened, inside the same window.
            if record.status == .completed, let completed = record.completed, let period = period(completed.day) {
                completions[slot * periods.count + period] += 1
            }
            guard let period = period(record.enrolled.day) else { return }
            enrollments[slot * periods.count + period] += 1
            totals[slot].enrollments += 1
            if record.status == .completed { totals[slot].completed += 1 }
            if learnerRows == 0 { totals[slot].learners += 1 }
            learnerRows += 1
            learnerSlot = slot
        }

        /// The period of a day inside the window; nil outside it.
        private func period(_ day: Int) -> Int? {
            let offset = day - firstDay
            return offset >= 0 && offset < periodOfDay.count ? periodOfDay[offset] : nil
        }

        func endLearner() {
            if learnerRows > 0 { perLearner[learnerSlot].append(Double(learnerRows)) }
            learnerRows = 0
        }

        func result() -> OrganizationTrends {
            // Every organization of the filter, with zeros where there was no activity; the
            // learners with no organization when there are any.
            var slots = Array(names.organizationIDs.indices)
            if case .some(let wanted) = filter.organization {
                slots = slots.filter { slot in wanted != nil && names.organizationIDs[slot] == wanted }
            } else if users[nil] == nil && totals[0].enrollments == 0 {
                slots.removeFirst()
            }
            let organizations = slots.map { slot -> Organization in
                let total = totals[slot]
                return Organization(
                    organization: names.organization(names.organizationIDs[slot]),
                    users: users[names.organizationIDs[slot]] ?? 0, enrollments: total.enrollments,
                    learners: total.learners, completed: total.completed,
                    completionRate: Metrics.rate(total.completed, total.enrollments))
            }.sorted(by: byCountThenName(\.enrollments, \.organization))

            // A dense series for every organization with activity in the window.
            let active = slots.filter { slot in
                (0..<periods.count).contains { enrollments[slot * periods.count + $0] + completions[slot * periods.count + $0] > 0 }
            }
            var series: [Point] = []
            for (index, period) in periods.enumerated() {
                for slot in active {
                    series.append(Point(
                        period: period, organization: names.organization(names.organizationIDs[slot]),
                        enrollments: enrollments[slot * periods.count + index],
                        completions: completions[slot * periods.count + index]))
                }
            }
            series.sort { ($0.period, $0.organization) < ($1.period, $1.organization) }

            let spreads = slots.compactMap { slot -> Spread? in
                guard !perLearner[slot].isEmpty else { return nil }
                let sorted = perLearner[slot].sorted()
                return Spread(
                    organization: names.organization(names.organizationIDs[slot]), learners: sorted.count,
                    minimum: sorted[0], lowerQuartile: Metrics.quantile(sorted, 0.25),
                    median: Metrics.quantile(sorted, 0.5), upperQuartile: Metrics.quantile(sorted, 0.75),
                    maximum: sorted[sorted.count - 1],
                    mean: Metrics.round(sorted.reduce(0, +) / Double(sorted.count), places: 2))
            }.sorted(by: byCountThenName(\.learners, \.organization))
            return OrganizationTrends(
                organizations: organizations, series: series, perLearner: spreads, granularity: granularity,
                window: window, filters: filters)
        }
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
            "totals": [
                "enrollments": .int(totals.enrollments), "completed": .int(totals.completed),
                "organizations": .int(organizations.filter {
                    $0.enrollments > 0 && $0.organization != NameLookup.noOrganization
                }.count),
            ],
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
