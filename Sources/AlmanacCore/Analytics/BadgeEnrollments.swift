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
            StatusMix(
                enrollments: enrollments, enrolled: enrolled, inProgress: inProgress,
                completed: completed, dropped: dropped, progressSum: progressSum,
                completionRate: completionRate)
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
        /// completed / enrollments as the database computed it (docs/metrics.md).
        public var completionRate = 0.0

        public var averageProgress: Double {
            enrollments == 0
                ? 0 : Rounding.halfAwayFromZero(progressSum / Double(enrollments), places: 4)
        }

        func adding(_ other: StatusMix) -> StatusMix {
            StatusMix(
                enrollments: enrollments + other.enrollments, enrolled: enrolled + other.enrolled,
                inProgress: inProgress + other.inProgress, completed: completed + other.completed,
                dropped: dropped + other.dropped, progressSum: progressSum + other.progressSum,
                completionRate: Metrics.rate(
                    completed + other.completed, enrollments + other.enrollments))
        }
    }

    public struct Totals: Sendable, Equatable, Codable {
        public var enrollments: Int
        public var learners: Int
        public var completed: Int
        public var completionRate: Double
        /// Badges with at least one of the filtered enrollments.
        public var badges = 0
    }

    public var badges: [Row]
    public var totals: Totals
    /// What one badge is compared with: every badge under the same organization and date
    /// filters (with a badge filter, that is the platform; without, the filtered set).
    public var reference: StatusMix
    public var filters: Filters

}

// MARK: - SQL

extension BadgeEnrollments: Analysis {
    public static let kind = AnalysisKind.badgeEnrollments

    /// `badges`: one row per scope and badge of its filter with its counts, rates and
    /// median; `totals`: each scope's filtered rows together, and its reference set (the same
    /// organization and dates, every badge) beside them.
    public static func statements(for requests: [AnalysisRequest], in dialect: any SQLDialect)
        -> [SQLStatement]
    {
        // Each request's scope, with its badge filter or without it.
        let scopesOf = { (badge: Bool) in
            ScopeList(
                requests.enumerated().map { index, request in
                    ScopeList.Row(
                        number: index + 1,
                        Scope(request.filters, asOf: request.asOf, badge: badge),
                        asOf: request.asOf)
                })
        }
        let scopes = scopesOf(true)
        let status = { (value: String) in Scope.statusCount(value, dialect) }
        let badges = scopes.statement(
            "badges",
            """
            WITH \(scopes.cte(dialect, columns: [.userID, .badgeID, .status, .progress, .seconds])),
            \(ScopeList.completionMedians(dialect, scopes.readWhole("s.scope", of: requests))),
            counts AS (
                SELECT s.scope, s.badge_id, count(*) AS enrollments, count(DISTINCT s.user_id) AS learners,
                       \(status("enrolled")) AS enrolled, \(status("in_progress")) AS in_progress,
                       \(status("completed")) AS completed, \(status("dropped")) AS dropped,
                       sum(s.progress) AS progress_sum
                FROM scoped s GROUP BY s.scope, s.badge_id
            )
            SELECT sc.scope, b.name AS badge, b.category AS category,
                   coalesce(c.enrollments, 0) AS enrollments, coalesce(c.learners, 0) AS learners,
                   coalesce(c.enrolled, 0) AS enrolled, coalesce(c.in_progress, 0) AS in_progress,
                   coalesce(c.completed, 0) AS completed, coalesce(c.dropped, 0) AS dropped,
                   \(dialect.ratio("coalesce(c.completed, 0)", "coalesce(c.enrollments, 0)", places: 4)) AS completion_rate,
                   c.progress_sum,
                   \(dialect.days("m.q1")) AS median_days_to_complete
            FROM scopes sc
            JOIN badges b ON sc.badge IS NULL OR b.name = sc.badge
            LEFT JOIN counts c ON c.scope = sc.scope AND c.badge_id = b.id
            LEFT JOIN medians m ON m.scope = sc.scope AND m.badge_id = b.id
            ORDER BY sc.scope, enrollments DESC, \(dialect.binary("b.name"))
            """, dialect)
        // The reference drops the badge filter: every badge under the request's organization
        // and dates, which the requests of one organization and dates share whatever their
        // badge, so its rows are read once for all of them (the totals with a badge filter
        // are that badge's row of `badges`; without one, the reference's own rows).
        let references = scopesOf(false)
        let counted = { (condition: String) in "coalesce(sum(\(dialect.flag(condition))), 0)" }
        // A scope with no rows has no row here; it reads as zeros, as an empty scope's
        // aggregate does.
        let totals = references.statement(
            "totals",
            """
            WITH \(references.cte(dialect, columns: [.userID, .status, .progress]))
            SELECT s.scope, count(DISTINCT s.user_id) AS learners,
                   count(*) AS reference_enrollments,
                   \(counted("s.status = 'enrolled'")) AS reference_enrolled,
                   \(counted("s.status = 'in_progress'")) AS reference_in_progress,
                   \(counted("s.status = 'completed'")) AS reference_completed,
                   \(counted("s.status = 'dropped'")) AS reference_dropped,
                   \(dialect.ratio(counted("s.status = 'completed'"), "count(*)", places: 4)) AS reference_completion_rate,
                   coalesce(sum(s.progress), 0) AS reference_progress_sum
            FROM scoped s
            GROUP BY s.scope
            ORDER BY s.scope
            """, dialect)
        return [badges, totals]
    }

    public static func decode(_ results: ResultSets, for request: AnalysisRequest) throws
        -> BadgeEnrollments
    {
        let badges = results["badges"].map { row in
            Row(
                badge: row.text("badge"), category: row.text("category"),
                enrollments: row.int("enrollments"), learners: row.int("learners"),
                enrolled: row.int("enrolled"), inProgress: row.int("in_progress"),
                completed: row.int("completed"), dropped: row.int("dropped"),
                completionRate: row.double("completion_rate") ?? 0,
                averageProgress: Metrics.average(
                    row.double("progress_sum"), count: row.int("enrollments")),
                medianDaysToComplete: row.double("median_days_to_complete"),
                progressSum: row.double("progress_sum") ?? 0)
        }
        let total = results["totals"].first
        // The badges with an enrollment in the scope: each is a row of `badges`, which lists
        // every badge of the filter, so a distinct count of its own is not needed.
        let shown = badges.count { $0.enrollments > 0 }
        let totals: Totals
        if request.filters.badge != nil {
            // `badges` lists the filter's badge alone (nothing when no badge has its name):
            // its row is the totals.
            let row = badges.first
            totals = Totals(
                enrollments: row?.enrollments ?? 0, learners: row?.learners ?? 0,
                completed: row?.completed ?? 0, completionRate: row?.completionRate ?? 0,
                badges: shown)
        } else {
            // Every badge of the scope: the reference's rows.
            totals = Totals(
                enrollments: total?.int("reference_enrollments") ?? 0,
                learners: total?.int("learners") ?? 0,
                completed: total?.int("reference_completed") ?? 0,
                completionRate: total?.double("reference_completion_rate") ?? 0, badges: shown)
        }
        let reference = StatusMix(
            enrollments: total?.int("reference_enrollments") ?? 0,
            enrolled: total?.int("reference_enrolled") ?? 0,
            inProgress: total?.int("reference_in_progress") ?? 0,
            completed: total?.int("reference_completed") ?? 0,
            dropped: total?.int("reference_dropped") ?? 0,
            progressSum: total?.double("reference_progress_sum") ?? 0,
            completionRate: total?.double("reference_completion_rate") ?? 0)
        return BadgeEnrollments(
            badges: badges, totals: totals, reference: reference, filters: request.filters)
    }
}

extension BadgeEnrollments: AnalysisOutput {
    public var json: JSONValue {
        [
            "badges": .array(
                badges.map { row in
                    [
                        "badge": .string(row.badge), "category": .string(row.category),
                        "enrollments": .int(row.enrollments), "learners": .int(row.learners),
                        "enrolled": .int(row.enrolled), "in_progress": .int(row.inProgress),
                        "completed": .int(row.completed), "dropped": .int(row.dropped),
                        "completion_rate": Metrics.rateValue(
                            row.completionRate, of: row.enrollments),
                        "average_progress": .number(row.averageProgress),
                        "median_days_to_complete": .number(row.medianDaysToComplete),
                    ]
                }),
            "totals": [
                "enrollments": .int(totals.enrollments), "learners": .int(totals.learners),
                "badges": .int(totals.badges),
                "completed": .int(totals.completed),
                "completion_rate": Metrics.rateValue(totals.completionRate, of: totals.enrollments),
            ],
            "reference": [
                "scope": .string(filters.badge == nil ? "all badges shown" : "platform"),
                "enrollments": .int(reference.enrollments), "completed": .int(reference.completed),
                "completion_rate": Metrics.rateValue(
                    reference.completionRate, of: reference.enrollments),
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
                        Metrics.rateValue(row.completionRate, of: row.enrollments),
                        .number(row.medianDaysToComplete),
                    ]
                })
        ]
    }

    public var rowCount: Int { badges.count }

    public var hasData: Bool { totals.enrollments > 0 }
}
