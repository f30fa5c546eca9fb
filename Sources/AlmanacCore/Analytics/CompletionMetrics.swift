/// Completion and drop-out, overall and broken down by badge, organization and cohort.
public struct CompletionMetrics: Sendable {
    /// Counts behind one row of any breakdown.
    public struct Counts: Sendable, Equatable {
        public var enrollments = 0
        public var completed = 0
        public var dropped = 0
        public var inProgress = 0
        public var enrolled = 0

        public var completionRate: Double { Metrics.rate(completed, enrollments) }
        public var dropRate: Double { Metrics.rate(dropped, enrollments) }

        mutating func add(_ other: Counts) {
            enrollments += other.enrollments
            completed += other.completed
            dropped += other.dropped
            inProgress += other.inProgress
            enrolled += other.enrolled
        }
    }

    public struct Row: Sendable, Equatable {
        /// The badge, organization or cohort (`YYYY-MM`) the row describes.
        public var name: String
        public var counts: Counts
        public var medianDaysToComplete: Double?
    }

    public struct Cell: Sendable, Equatable {
        public var organization: String
        public var badge: String
        public var counts: Counts
    }

    public var overall: Counts
    public var overallMedianDays: Double?
    public var byBadge: [Row]
    public var byOrganization: [Row]
    public var byCohort: [Row]
    public var byOrganizationAndBadge: [Cell]
    /// Category of each badge in `byBadge`, for charts that group by category.
    public var categories: [String: String]
    public var filters: Filters

    /// One grouped pass over enrollments for every count, and one for completion times.
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> CompletionMetrics {
        let db = context.db
        let names = try NameLookup(db)
        let filter = FilterClause(context.filters)
        var overall = Counts()
        var badges: [Int: Counts] = [:]
        var organizations: [Int?: Counts] = [:]
        var cohorts: [String: Counts] = [:]
        var cells: [OrganizationBadge: Counts] = [:]
        try db.query(
            """
            SELECT u.organization_id, e.badge_id, substr(e.enrolled_at, 1, 7), count(*),
                coalesce(sum(e.status = 'completed'), 0), coalesce(sum(e.status = 'dropped'), 0),
                coalesce(sum(e.status = 'in_progress'), 0), coalesce(sum(e.status = 'enrolled'), 0)
            FROM enrollments e JOIN users u ON u.id = e.user_id
            WHERE \(filter.condition) GROUP BY 1, 2, 3
            """, filter.bindings
        ) { row in
            let counts = Counts(
                enrollments: row.int(3), completed: row.int(4), dropped: row.int(5),
                inProgress: row.int(6), enrolled: row.int(7))
            let organization = row.optionalInt(0)
            overall.add(counts)
            badges[row.int(1), default: Counts()].add(counts)
            organizations[organization, default: Counts()].add(counts)
            cohorts[row.string(2) ?? "", default: Counts()].add(counts)
            cells[OrganizationBadge(organization: organization, badge: row.int(1)), default: Counts()]
                .add(counts)
        }

        let durations = try CompletionTimes.byBadge(db, filter)
        let allDurations = durations.values.flatMap { $0 }

        let sort = byCountThenName(\Row.counts.enrollments, \Row.name)
        let byBadge = badges.map { id, counts in
            Row(name: names.badge(id), counts: counts,
                medianDaysToComplete: Metrics.median(durations[id] ?? []))
        }.sorted(by: sort)
        let byOrganization = organizations.map { id, counts in
            Row(name: names.organization(id), counts: counts, medianDaysToComplete: nil)
        }.sorted(by: sort)
        let byCohort = cohorts.map { Row(name: $0.key, counts: $0.value, medianDaysToComplete: nil) }
            .sorted { $0.name < $1.name }
        let byOrganizationAndBadge = cells.map { key, counts in
            Cell(organization: names.organization(key.organization), badge: names.badge(key.badge),
                 counts: counts)
        }.sorted { a, b in
            a.counts.enrollments != b.counts.enrollments
                ? a.counts.enrollments > b.counts.enrollments
                : (a.organization, a.badge) < (b.organization, b.badge)
        }
        var categories: [String: String] = [:]
        for (_, badge) in names.badges { categories[badge.name] = badge.category }
        return CompletionMetrics(
            overall: overall, overallMedianDays: Metrics.median(allDurations), byBadge: byBadge,
            byOrganization: byOrganization, byCohort: byCohort,
            byOrganizationAndBadge: byOrganizationAndBadge, categories: categories,
            filters: context.filters)
    }

    private struct OrganizationBadge: Hashable {
        var organization: Int?
        var badge: Int
    }
}

extension CompletionMetrics: AnalysisOutput {
    public var json: JSONValue {
        func rates(_ counts: Counts) -> [String: JSONValue] {
            [
                "enrollments": .int(counts.enrollments), "completed": .int(counts.completed),
                "completion_rate": .double(counts.completionRate),
            ]
        }
        var overallJSON = rates(overall)
        overallJSON["dropped"] = .int(overall.dropped)
        overallJSON["drop_rate"] = .double(overall.dropRate)
        overallJSON["median_days_to_complete"] = .number(overallMedianDays)
        return [
            "overall": .object(overallJSON),
            "by_badge": .array(byBadge.map { row in
                var fields = rates(row.counts)
                fields["badge"] = .string(row.name)
                fields["dropped"] = .int(row.counts.dropped)
                fields["drop_rate"] = .double(row.counts.dropRate)
                fields["median_days_to_complete"] = .number(row.medianDaysToComplete)
                return .object(fields)
            }),
            "by_organization": .array(byOrganization.map { row in
                var fields = rates(row.counts)
                fields["organization"] = .string(row.name)
                return .object(fields)
            }),
            "by_cohort": .array(byCohort.map { row in
                var fields = rates(row.counts)
                fields["cohort"] = .string(row.name)
                return .object(fields)
            }),
            "by_organization_and_badge": .array(byOrganizationAndBadge.map { cell in
                [
                    "organization": .string(cell.organization), "badge": .string(cell.badge),
                    "enrollments": .int(cell.counts.enrollments),
                    "completion_rate": .double(cell.counts.completionRate),
                ]
            }),
            "filters": filters.json,
        ]
    }

    public var tables: [DataTable] {
        let rateColumns: [DataTable.Column] = [
            .init("Enrollments", .count), .init("Completed", .count),
            .init("Completion rate", .percent),
        ]
        func rows(_ list: [Row]) -> [[JSONValue]] {
            list.map { [.string($0.name), .int($0.counts.enrollments), .int($0.counts.completed),
                        .double($0.counts.completionRate)] }
        }
        return [
            DataTable(
                title: "Overall",
                columns: [.init("Enrollments", .count), .init("Completed", .count),
                          .init("Dropped", .count), .init("Completion rate", .percent),
                          .init("Drop rate", .percent), .init("Median days to complete", .days)],
                rows: [[.int(overall.enrollments), .int(overall.completed), .int(overall.dropped),
                        .double(overall.completionRate), .double(overall.dropRate),
                        .number(overallMedianDays)]]),
            DataTable(
                title: "By badge",
                columns: [.init("Badge", .text)] + rateColumns + [
                    .init("Drop rate", .percent), .init("Median days to complete", .days)],
                rows: byBadge.map { [.string($0.name), .int($0.counts.enrollments),
                                     .int($0.counts.completed), .double($0.counts.completionRate),
                                     .double($0.counts.dropRate), .number($0.medianDaysToComplete)] }),
            DataTable(title: "By organization", columns: [.init("Organization", .text)] + rateColumns,
                      rows: rows(byOrganization)),
            DataTable(title: "By cohort (month of enrollment)", columns: [.init("Cohort", .text)] + rateColumns,
                      rows: rows(byCohort)),
        ]
    }

    public var rowCount: Int { byBadge.count }
}
