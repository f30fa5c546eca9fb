/// Completion and drop-out, overall and broken down by badge, organization and cohort.
public struct CompletionMetrics: Sendable, Codable {
    /// Counts behind one row of any breakdown.
    public struct Counts: Sendable, Equatable, Codable {
        public var enrollments = 0
        public var completed = 0
        public var dropped = 0
        public var inProgress = 0
        public var enrolled = 0

        public var completionRate: Double { Metrics.rate(completed, enrollments) }
        public var dropRate: Double { Metrics.rate(dropped, enrollments) }

        public mutating func add(_ other: Counts) {
            enrollments += other.enrollments
            completed += other.completed
            dropped += other.dropped
            inProgress += other.inProgress
            enrolled += other.enrolled
        }
    }

    public struct Row: Sendable, Equatable, Codable {
        /// The badge, organization or cohort (`YYYY-MM`) the row describes.
        public var name: String
        public var counts: Counts
        public var medianDaysToComplete: Double?
    }

    public struct Cell: Sendable, Equatable, Codable {
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

    /// Runs the analysis on a pass of its own (a build shares one pass between every
    /// analysis; see `EnrollmentScan`).
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> CompletionMetrics {
        try EnrollmentScan.analyse(Aggregator.self, context)
    }

    /// Counts per organization × badge × cohort month, from which every breakdown derives.
    final class Aggregator: ScanAggregator, RowAggregator {
        private let filter: ScanFilter
        private let filters: Filters
        private let names: NameLookup
        private let badgeCount: Int
        /// [organization slot × badge slot]
        private var cells: [Counts]
        /// Per month of enrolled_at, from the first month seen: a plain array, not a hash.
        private var cohorts: [Counts] = []
        private var firstMonth = 0
        private var durations: [[Int32]]

        init(_ context: AnalysisContext, scan: EnrollmentScan) {
            let names = scan.names
            filter = ScanFilter(context.filters, names: names, asOf: context.asOf)
            filters = context.filters
            self.names = names
            badgeCount = names.badgeIDs.count
            cells = Array(repeating: Counts(), count: names.organizationIDs.count * badgeCount)
            durations = Array(repeating: [], count: badgeCount)
        }

        func consume(_ record: EnrollmentRecord) {
            guard filter.matches(record) else { return }
            var counts = Counts(enrollments: 1)
            switch record.status {
            case .completed: counts.completed = 1
            case .dropped: counts.dropped = 1
            case .inProgress: counts.inProgress = 1
            case .enrolled: counts.enrolled = 1
            }
            cells[record.organizationSlot * badgeCount + record.badgeSlot].add(counts)
            let (year, month, _) = record.enrolled.date.parts
            let index = year * 12 + month - 1
            if cohorts.isEmpty { firstMonth = index }
            if index < firstMonth {
                cohorts.insert(contentsOf: Array(repeating: Counts(), count: firstMonth - index), at: 0)
                firstMonth = index
            }
            if index - firstMonth >= cohorts.count {
                cohorts += Array(repeating: Counts(), count: index - firstMonth - cohorts.count + 1)
            }
            cohorts[index - firstMonth].add(counts)
            if let days = record.secondsToComplete { durations[record.badgeSlot].append(days) }
        }

        func endLearner() {}

        func result() -> CompletionMetrics {
            var overall = Counts()
            var badges = Array(repeating: Counts(), count: badgeCount)
            var organizations = Array(repeating: Counts(), count: names.organizationIDs.count)
            var byOrganizationAndBadge: [Cell] = []
            for organization in names.organizationIDs.indices {
                for badge in 0..<badgeCount {
                    let counts = cells[organization * badgeCount + badge]
                    guard counts.enrollments > 0 else { continue }
                    overall.add(counts)
                    badges[badge].add(counts)
                    organizations[organization].add(counts)
                    byOrganizationAndBadge.append(Cell(
                        organization: names.organization(names.organizationIDs[organization]),
                        badge: names.badge(names.badgeIDs[badge]), counts: counts))
                }
            }
            let sort = byCountThenName(\Row.counts.enrollments, \Row.name)
            let byBadge = badges.indices.filter { badges[$0].enrollments > 0 }.map { slot in
                Row(name: names.badge(names.badgeIDs[slot]), counts: badges[slot],
                    medianDaysToComplete: Metrics.medianDays(durations[slot]))
            }.sorted(by: sort)
            let byOrganization = organizations.indices.filter { organizations[$0].enrollments > 0 }.map { slot in
                Row(name: names.organization(names.organizationIDs[slot]), counts: organizations[slot],
                    medianDaysToComplete: nil)
            }.sorted(by: sort)
            let byCohort = cohorts.indices.filter { cohorts[$0].enrollments > 0 }.map { offset in
                let month = firstMonth + offset
                return Row(name: CivilDate(year: month / 12, month: month % 12 + 1, day: 1)!.monthKey,
                           counts: cohorts[offset], medianDaysToComplete: nil)
            }
            byOrganizationAndBadge.sort { a, b in
                a.counts.enrollments != b.counts.enrollments
                    ? a.counts.enrollments > b.counts.enrollments
                    : (a.organization, a.badge) < (b.organization, b.badge)
            }
            var categories: [String: String] = [:]
            for (_, badge) in names.badges { categories[badge.name] = badge.category }
            return CompletionMetrics(
                overall: overall, overallMedianDays: Metrics.medianDays(durations.flatMap { $0 }),
                byBadge: byBadge, byOrganization: byOrganization, byCohort: byCohort,
                byOrganizationAndBadge: byOrganizationAndBadge, categories: categories, filters: filters)
        }
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
