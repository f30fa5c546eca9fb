/// Enrollment counts, completion and time to complete, per badge.
public struct BadgeEnrollments: Sendable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var badge: String
        public var category: String
        public var enrollments: Int
        public var learners: Int
        public var enrolled: Int
        public var inProgress: Int
        public var completed: Int
        public var dropped: Int
        public var completionRate: Double
        public var averageProgress: Double?
        public var medianDaysToComplete: Double?
        /// The unrounded sum of progress, so that averages over several badges are exact.
        var progressSum = 0.0

        var mix: StatusMix {
            StatusMix(enrollments: enrollments, enrolled: enrolled, inProgress: inProgress,
                      completed: completed, dropped: dropped, progressSum: progressSum)
        }
    }

    /// Status counts of a set of enrollments, for comparing one badge with others.
    public struct StatusMix: Sendable, Equatable, Codable {
        public var enrollments = 0
        public var enrolled = 0
        public var inProgress = 0
        public var completed = 0
        public var dropped = 0
        public var progressSum = 0.0

        public var averageProgress: Double {
            enrollments == 0 ? 0 : Metrics.round(progressSum / Double(enrollments), places: 4)
        }

        mutating func add(_ record: EnrollmentRecord) {
            enrollments += 1
            progressSum += record.progress
            switch record.status {
            case .enrolled: enrolled += 1
            case .inProgress: inProgress += 1
            case .completed: completed += 1
            case .dropped: dropped += 1
            }
        }

        func adding(_ other: StatusMix) -> StatusMix {
            StatusMix(
                enrollments: enrollments + other.enrollments, enrolled: enrolled + other.enrolled,
                inProgress: inProgress + other.inProgress, completed: completed + other.completed,
                dropped: dropped + other.dropped, progressSum: progressSum + other.progressSum)
        }
    }

    public struct Totals: Sendable, Equatable, Codable {
        public var enrollments: Int
        public var learners: Int
        public var completed: Int
        public var completionRate: Double
    }

    public var badges: [Row]
    public var totals: Totals
    /// What one badge is compared with: every badge under the same organization and date
    /// filters (with a badge filter, that is the platform; without, the filtered set).
    public var reference: StatusMix
    public var filters: Filters

    /// Runs the analysis on a pass of its own (a build shares one pass between every
    /// analysis; see `EnrollmentScan`).
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> BadgeEnrollments {
        try EnrollmentScan.analyse(Aggregator.self, context)
    }

    /// Counts per badge as the rows go by. Distinct learners are easy because a learner's
    /// rows arrive together: a badge counts a learner the first time it sees them.
    final class Aggregator: ScanAggregator, RowAggregator {
        private let filter: ScanFilter
        private let filters: Filters
        private let names: NameLookup
        private var mixes: [StatusMix]
        private var learners: [Int]
        private var durations: [[Int32]]
        private var seen: [Bool]
        private var seenSlots: [Int] = []
        private var totals = Totals(enrollments: 0, learners: 0, completed: 0, completionRate: 0)
        private var learnerCounted = false
        private var reference = StatusMix()

        init(_ context: AnalysisContext, scan: EnrollmentScan) {
            let names = scan.names
            filter = ScanFilter(context.filters, names: names, asOf: context.asOf)
            filters = context.filters
            self.names = names
            let count = names.badgeIDs.count
            mixes = Array(repeating: StatusMix(), count: count)
            learners = Array(repeating: 0, count: count)
            durations = Array(repeating: [], count: count)
            seen = Array(repeating: false, count: count)
        }

        func consume(_ record: EnrollmentRecord) {
            guard filter.matchesScope(record) else { return }
            reference.add(record)
            guard filter.matchesBadge(record) else { return }
            let slot = record.badgeSlot
            mixes[slot].add(record)
            if !seen[slot] {
                seen[slot] = true
                seenSlots.append(slot)
                learners[slot] += 1
            }
            if let days = record.secondsToComplete { durations[slot].append(days) }
            totals.enrollments += 1
            if record.status == .completed { totals.completed += 1 }
            if !learnerCounted {
                learnerCounted = true
                totals.learners += 1
            }
        }

        func endLearner() {
            for slot in seenSlots { seen[slot] = false }
            seenSlots.removeAll(keepingCapacity: true)
            learnerCounted = false
        }

        func result() -> BadgeEnrollments {
            var rows: [Row] = []
            for (slot, id) in names.badgeIDs.enumerated() {
                if case .some(let wanted) = filter.badge, wanted != id { continue }
                let mix = mixes[slot]
                let badge = names.badges[id]!
                rows.append(Row(
                    badge: badge.name, category: badge.category, enrollments: mix.enrollments,
                    learners: learners[slot], enrolled: mix.enrolled, inProgress: mix.inProgress,
                    completed: mix.completed, dropped: mix.dropped,
                    completionRate: Metrics.rate(mix.completed, mix.enrollments),
                    averageProgress: mix.enrollments == 0
                        ? nil : Metrics.round(mix.progressSum / Double(mix.enrollments), places: 4),
                    medianDaysToComplete: Metrics.medianDays(durations[slot]), progressSum: mix.progressSum))
            }
            var totals = self.totals
            totals.completionRate = Metrics.rate(totals.completed, totals.enrollments)
            // Without a badge filter the reference is the filtered set itself.
            return BadgeEnrollments(
                badges: rows.sorted(by: byCountThenName(\.enrollments, \.badge)), totals: totals,
                reference: reference, filters: filters)
        }
    }
}

extension BadgeEnrollments: AnalysisOutput {
    public var json: JSONValue {
        [
            "badges": .array(badges.map { row in
                [
                    "badge": .string(row.badge), "category": .string(row.category),
                    "enrollments": .int(row.enrollments), "learners": .int(row.learners),
                    "enrolled": .int(row.enrolled), "in_progress": .int(row.inProgress),
                    "completed": .int(row.completed), "dropped": .int(row.dropped),
                    "completion_rate": .double(row.completionRate),
                    "average_progress": .number(row.averageProgress),
                    "median_days_to_complete": .number(row.medianDaysToComplete),
                ]
            }),
            "totals": [
                "enrollments": .int(totals.enrollments), "learners": .int(totals.learners),
                "completed": .int(totals.completed),
                "completion_rate": .double(totals.completionRate),
            ],
            "reference": [
                "scope": .string(filters.badge == nil ? "all badges shown" : "platform"),
                "enrollments": .int(reference.enrollments), "completed": .int(reference.completed),
                "completion_rate": .double(Metrics.rate(reference.completed, reference.enrollments)),
            ],
            "filters": filters.json,
        ]
    }

    public var tables: [DataTable] {
        [
            DataTable(
                title: "Enrollments by badge",
                columns: [
                    .init("Badge", .text), .init("Category", .text), .init("Enrollments", .count),
                    .init("Learners", .count), .init("Completed", .count),
                    .init("Dropped", .count), .init("Completion rate", .percent),
                    .init("Median days to complete", .days),
                ],
                rows: badges.map { row in
                    [
                        .string(row.badge), .string(row.category), .int(row.enrollments),
                        .int(row.learners), .int(row.completed), .int(row.dropped),
                        .double(row.completionRate), .number(row.medianDaysToComplete),
                    ]
                })
        ]
    }

    public var rowCount: Int { badges.count }
}
