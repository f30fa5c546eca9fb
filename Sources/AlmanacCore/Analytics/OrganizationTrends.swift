/// Enrollment and completion over time, per organization.
public struct OrganizationTrends: Sendable, Codable {
    public struct Organization: Sendable, Equatable, Codable {
        public var organization: String
        public var users: Int
        public var enrollments: Int
        public var learners: Int
        public var completed: Int
        public var completionRate: Double
        /// The unrounded sum of `progress` over the enrollments in the window.
        public var progressSum = 0.0

        /// The mean progress of the enrollments in the window; nil with none.
        public var averageProgress: Double? {
            enrollments == 0
                ? nil : Rounding.halfAwayFromZero(progressSum / Double(enrollments), places: 4)
        }
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

    /// Enrollments and completions of all organizations together, in one period.
    public struct PeriodTotal: Sendable, Equatable, Codable {
        public var period: String
        public var enrollments: Int
        public var completions: Int
    }

    /// The window's counts: `organizations` counts the named ones with an enrollment.
    public struct Totals: Sendable, Equatable, Codable {
        public var enrollments: Int
        public var completed: Int
        public var organizations: Int
    }

    public var organizations: [Organization]
    public var series: [Point]
    public var byPeriod: [PeriodTotal]
    public var totals: Totals
    /// Enrollments per learner in the window, by organization, most learners first.
    public var perLearner: [Spread]
    public var granularity: Granularity
    /// The window counted: the question's own, or the 12 months up to the as-of date.
    public var window: DateRange
    public var filters: Filters
    /// The day of the database's first enrollment, when the build knows it: a period before
    /// it is no period of zero ("peaked at 0 in 2 months", an attack run). Not part of the
    /// result's data: the build sets it.
    public var dataBegins: CivilDate? = nil

    private enum CodingKeys: String, CodingKey {
        case organizations, series, byPeriod, totals, perLearner, granularity, window, filters
    }

    /// The question's window, or by default the 12 months up to the as-of date.
    static func window(for request: AnalysisRequest) -> DateRange {
        let tomorrow = request.asOf.adding(days: 1)
        return request.filters.dateRange
            ?? DateRange(
                start: tomorrow.adding(months: -12), end: tomorrow,
                phrase: "the 12 months up to \(request.asOf)")
    }
}

extension OrganizationTrends {

    /// A period's label: `2026-09-30`, the ISO week `2026-W40`, `2026-09` or `2026-Q3`.
    static func period(_ day: CivilDate, _ granularity: Granularity) -> String {
        switch granularity {
        case .day: return day.description
        case .week: return day.isoWeekKey
        case .month: return day.monthKey
        case .quarter: return CivilDate.pad(day.year, 4) + "-Q\((day.month - 1) / 3 + 1)"
        }
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
            switch granularity {
            case .day: day = day.adding(days: 1)
            case .week: day = day.adding(days: 7 - (day.isoWeekday - 1))
            case .month:
                day = CivilDate(year: day.year, month: day.month, day: 1)!.adding(months: 1)
            case .quarter:
                day = CivilDate(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!.adding(
                    months: 3)
            }
        }
        return result
    }
}

extension OrganizationTrends: AnalysisOutput {
    public var json: JSONValue {
        [
            "organizations": .array(
                organizations.map { row in
                    [
                        "organization": .string(row.organization), "users": .int(row.users),
                        "enrollments": .int(row.enrollments), "learners": .int(row.learners),
                        "completed": .int(row.completed),
                        "completion_rate": Metrics.rateValue(
                            row.completionRate, of: row.enrollments),
                        "average_progress": .number(row.averageProgress),
                    ]
                }),
            "series": .array(
                series.map { point in
                    [
                        "period": .string(point.period),
                        "organization": .string(point.organization),
                        "enrollments": .int(point.enrollments),
                        "completions": .int(point.completions),
                    ]
                }),
            "enrollments_per_learner": .array(
                perLearner.map { spread in
                    [
                        "organization": .string(spread.organization),
                        "learners": .int(spread.learners),
                        "min": .double(spread.minimum), "q1": .double(spread.lowerQuartile),
                        "median": .double(spread.median), "q3": .double(spread.upperQuartile),
                        "max": .double(spread.maximum), "mean": .double(spread.mean),
                    ]
                }),
            "by_period": .array(
                byPeriod.map { period in
                    [
                        "period": .string(period.period), "enrollments": .int(period.enrollments),
                        "completions": .int(period.completions),
                    ]
                }),
            "totals": [
                "enrollments": .int(totals.enrollments), "completed": .int(totals.completed),
                "organizations": .int(totals.organizations),
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
                    .init("Organization", .text), .init("Registered users", .count),
                    .init("Enrollments", .count),
                    .init("Learners", .count), .init("Completed", .count),
                    .init("Completion rate", .percent),
                ],
                rows: organizations.map { row in
                    [
                        .string(row.organization), .int(row.users), .int(row.enrollments),
                        .int(row.learners), .int(row.completed),
                        Metrics.rateValue(row.completionRate, of: row.enrollments),
                    ]
                })
        ]
    }

    public var rowCount: Int { series.count }

    public var hasData: Bool { series.contains { $0.enrollments + $0.completions > 0 } }
}
