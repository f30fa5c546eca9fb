/// Completion and drop-out, overall and broken down by badge, organization and cohort.
public struct CompletionMetrics: Sendable, Codable {
    /// Counts behind one row of any breakdown.
    public struct Counts: Sendable, Equatable, Codable {
        public var enrollments = 0
        public var completed = 0
        public var dropped = 0
        public var inProgress = 0
        public var enrolled = 0
        /// completed / enrollments and dropped / enrollments, as the database computed them.
        public var completionRate = 0.0
        public var dropRate = 0.0

        /// Adds another set of counts; the rates are recomputed for the sum (charts pool
        /// the cells past their limit into "Other").
        public mutating func add(_ other: Counts) {
            enrollments += other.enrollments
            completed += other.completed
            dropped += other.dropped
            inProgress += other.inProgress
            enrolled += other.enrolled
            completionRate = Metrics.rate(completed, enrollments)
            dropRate = Metrics.rate(dropped, enrollments)
        }
    }

    public struct Row: Sendable, Equatable, Codable {
        /// The badge, organization or cohort (`YYYY-MM`) the row describes.
        public var name: String
        public var counts: Counts
        public var medianDaysToComplete: Double?
        /// Distinct learners by status and the mean days to complete; zeros for a cohort.
        public var people = People()
    }

    public struct Cell: Sendable, Equatable, Codable {
        public var organization: String
        public var badge: String
        public var counts: Counts
    }

    public var overall: Counts
    public var overallMedianDays: Double?
    /// The days within which 90 % of the completions came (linear between ranks, as the
    /// median): a cohort that has not had them yet is still finishing.
    public var overallP90Days: Double? = nil
    public var overallPeople = People()
    public var byBadge: [Row]
    public var byOrganization: [Row]
    public var byCohort: [Row]
    public var byOrganizationAndBadge: [Cell]
    /// With a window: the completions whose `completed_at` falls in it, whenever the
    /// enrollment began, overall and by badge and organization label. Nil without a window.
    public var completedInWindow: CompletedInWindow?

    public struct CompletedInWindow: Sendable, Equatable, Codable {
        public var overall: Int
        public var byBadge: [String: Int]
        public var byOrganization: [String: Int]
        /// Distinct learners with a completion in the window, overall and per label.
        public var learners = 0
        public var learnersByBadge: [String: Int] = [:]
        public var learnersByOrganization: [String: Int] = [:]
    }

    /// Category of each badge in `byBadge`, for charts that group by category.
    public var categories: [String: String]
    public var filters: Filters

}

extension CompletionMetrics: AnalysisOutput {
    public var json: JSONValue {
        func rates(_ counts: Counts) -> [String: JSONValue] {
            [
                "enrollments": .int(counts.enrollments), "completed": .int(counts.completed),
                "completion_rate": Metrics.rateValue(counts.completionRate, of: counts.enrollments),
            ]
        }
        var overallJSON = rates(overall)
        overallJSON["dropped"] = .int(overall.dropped)
        overallJSON["drop_rate"] = Metrics.rateValue(overall.dropRate, of: overall.enrollments)
        overallJSON["median_days_to_complete"] = .number(overallMedianDays)
        overallJSON["p90_days_to_complete"] = .number(overallP90Days)
        if let completedInWindow {
            overallJSON["completed_in_window"] = .int(completedInWindow.overall)
            overallJSON["completed_learners_in_window"] = .int(completedInWindow.learners)
        }
        func counted(_ counts: [String: Int], _ learners: [String: Int], _ key: String)
            -> JSONValue
        {
            .array(
                counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                    [
                        key: .string($0.key), "completed": .int($0.value),
                        "completed_learners": .int(learners[$0.key] ?? 0),
                    ]
                })
        }
        return [
            "overall": .object(overallJSON),
            "by_badge": .array(
                byBadge.map { row in
                    var fields = rates(row.counts)
                    fields["badge"] = .string(row.name)
                    fields["dropped"] = .int(row.counts.dropped)
                    fields["drop_rate"] = Metrics.rateValue(
                        row.counts.dropRate, of: row.counts.enrollments)
                    fields["median_days_to_complete"] = .number(row.medianDaysToComplete)
                    return .object(fields)
                }),
            "by_organization": .array(
                byOrganization.map { row in
                    var fields = rates(row.counts)
                    fields["organization"] = .string(row.name)
                    fields["dropped"] = .int(row.counts.dropped)
                    fields["drop_rate"] = Metrics.rateValue(
                        row.counts.dropRate, of: row.counts.enrollments)
                    fields["median_days_to_complete"] = .number(row.medianDaysToComplete)
                    return .object(fields)
                }),
            "by_cohort": .array(
                byCohort.map { row in
                    var fields = rates(row.counts)
                    fields["cohort"] = .string(row.name)
                    return .object(fields)
                }),
            "by_organization_and_badge": .array(
                byOrganizationAndBadge.map { cell in
                    [
                        "organization": .string(cell.organization), "badge": .string(cell.badge),
                        "enrollments": .int(cell.counts.enrollments),
                        "completion_rate": Metrics.rateValue(
                            cell.counts.completionRate, of: cell.counts.enrollments),
                    ]
                }),
            "completed_in_window": completedInWindow.map { window in
                [
                    "by_badge": counted(window.byBadge, window.learnersByBadge, "badge"),
                    "by_organization": counted(
                        window.byOrganization, window.learnersByOrganization, "organization"),
                ]
            } ?? .null,
            "learners_by_status": peopleJSON,
            "filters": filters.json,
        ]
    }

    public var tables: [DataTable] {
        let rateColumns: [DataTable.Column] = [
            .init("Enrollments", .count), .init("Completed", .count),
            .init("Completion rate", .percent),
        ]
        func rows(_ list: [Row]) -> [[JSONValue]] {
            list.map {
                [
                    .string($0.name), .int($0.counts.enrollments), .int($0.counts.completed),
                    Metrics.rateValue($0.counts.completionRate, of: $0.counts.enrollments),
                ]
            }
        }
        return [
            DataTable(
                title: "Overall",
                columns: [
                    .init("Enrollments", .count), .init("Completed", .count),
                    .init("Dropped", .count), .init("Completion rate", .percent),
                    .init("Drop rate", .percent), .init("Median days to complete", .days),
                ],
                rows: [
                    [
                        .int(overall.enrollments), .int(overall.completed), .int(overall.dropped),
                        Metrics.rateValue(overall.completionRate, of: overall.enrollments),
                        Metrics.rateValue(overall.dropRate, of: overall.enrollments),
                        .number(overallMedianDays),
                    ]
                ]),
            DataTable(
                title: "By badge",
                columns: [.init("Badge", .text)] + rateColumns + [
                    .init("Drop rate", .percent), .init("Median days to complete", .days),
                ],
                rows: byBadge.map {
                    [
                        .string($0.name), .int($0.counts.enrollments),
                        .int($0.counts.completed),
                        Metrics.rateValue($0.counts.completionRate, of: $0.counts.enrollments),
                        Metrics.rateValue($0.counts.dropRate, of: $0.counts.enrollments),
                        .number($0.medianDaysToComplete),
                    ]
                }),
            DataTable(
                title: "By organization",
                columns: [.init("Organization", .text)] + rateColumns + [
                    .init("Drop rate", .percent), .init("Median days to complete", .days),
                ],
                rows: byOrganization.map {
                    [
                        .string($0.name), .int($0.counts.enrollments),
                        .int($0.counts.completed),
                        Metrics.rateValue($0.counts.completionRate, of: $0.counts.enrollments),
                        Metrics.rateValue($0.counts.dropRate, of: $0.counts.enrollments),
                        .number($0.medianDaysToComplete),
                    ]
                }),
            DataTable(
                title: "By cohort (month of enrollment)",
                columns: [.init("Cohort", .text)] + rateColumns,
                rows: rows(byCohort)),
        ]
    }

    public var rowCount: Int { byBadge.count }

    public var hasData: Bool { overall.enrollments > 0 }
}
