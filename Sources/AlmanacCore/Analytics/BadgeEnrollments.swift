/// Enrollment counts, completion and time to complete, per badge.
public struct BadgeEnrollments: Sendable {
    public struct Row: Sendable, Equatable {
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
    public struct StatusMix: Sendable, Equatable {
        public var enrollments = 0
        public var enrolled = 0
        public var inProgress = 0
        public var completed = 0
        public var dropped = 0
        public var progressSum = 0.0

        public var averageProgress: Double {
            enrollments == 0 ? 0 : Metrics.round(progressSum / Double(enrollments), places: 4)
        }

        func adding(_ other: StatusMix) -> StatusMix {
            StatusMix(
                enrollments: enrollments + other.enrollments, enrolled: enrolled + other.enrolled,
                inProgress: inProgress + other.inProgress, completed: completed + other.completed,
                dropped: dropped + other.dropped, progressSum: progressSum + other.progressSum)
        }
    }

    public struct Totals: Sendable, Equatable {
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

    /// Runs the analysis: one grouped pass for the counts, one for completion times.
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> BadgeEnrollments {
        let db = context.db
        let filter = FilterClause(context.filters, badge: false)
        var badgeCondition = ""
        var badgeBindings: [SQLValue] = []
        if let badge = context.filters.badge {
            badgeCondition = "WHERE b.name = ?"
            badgeBindings = [.text(badge)]
        }

        var rows: [Int: Row] = [:]
        try db.query(
            """
            SELECT b.id, b.name, b.category, count(e.id), count(DISTINCT e.user_id),
                coalesce(sum(e.status = 'enrolled'), 0), coalesce(sum(e.status = 'in_progress'), 0),
                coalesce(sum(e.status = 'completed'), 0), coalesce(sum(e.status = 'dropped'), 0),
                avg(e.progress), coalesce(sum(e.progress), 0)
            FROM badges b
            LEFT JOIN enrollments e ON e.badge_id = b.id AND \(filter.condition)
            \(badgeCondition)
            GROUP BY b.id
            """, filter.bindings + badgeBindings
        ) { row in
            let enrollments = row.int(3)
            let completed = row.int(7)
            rows[row.int(0)] = Row(
                badge: row.string(1) ?? "", category: row.string(2) ?? "",
                enrollments: enrollments, learners: row.int(4), enrolled: row.int(5),
                inProgress: row.int(6), completed: completed, dropped: row.int(8),
                completionRate: Metrics.rate(completed, enrollments),
                averageProgress: row.isNull(9) ? nil : Metrics.round(row.double(9), places: 4),
                medianDaysToComplete: nil, progressSum: row.double(10))
        }

        let fullFilter = FilterClause(context.filters)
        for (badge, values) in try CompletionTimes.byBadge(db, fullFilter) {
            rows[badge]?.medianDaysToComplete = Metrics.median(values)
        }

        var totals = Totals(enrollments: 0, learners: 0, completed: 0, completionRate: 0)
        try db.query(
            """
            SELECT count(*), count(DISTINCT e.user_id), coalesce(sum(e.status = 'completed'), 0)
            FROM enrollments e WHERE \(fullFilter.condition)
            """, fullFilter.bindings
        ) { row in
            totals = Totals(
                enrollments: row.int(0), learners: row.int(1), completed: row.int(2),
                completionRate: Metrics.rate(row.int(2), row.int(0)))
        }

        let sorted = rows.values.sorted(by: byCountThenName(\.enrollments, \.badge))
        var reference = sorted.reduce(StatusMix()) { $0.adding($1.mix) }
        if context.filters.badge != nil {
            try db.query(
                """
                SELECT count(*), coalesce(sum(e.status = 'enrolled'), 0),
                    coalesce(sum(e.status = 'in_progress'), 0), coalesce(sum(e.status = 'completed'), 0),
                    coalesce(sum(e.status = 'dropped'), 0), coalesce(sum(e.progress), 0)
                FROM enrollments e WHERE \(filter.condition)
                """, filter.bindings
            ) { row in
                reference = StatusMix(
                    enrollments: row.int(0), enrolled: row.int(1), inProgress: row.int(2),
                    completed: row.int(3), dropped: row.int(4), progressSum: row.double(5))
            }
        }
        return BadgeEnrollments(
            badges: sorted, totals: totals, reference: reference, filters: context.filters)
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
