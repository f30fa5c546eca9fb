extension CompletionMetrics {
    /// Distinct learners by the status of their enrollments, and the mean days to complete,
    /// for one breakdown row: what "how many learners completed" and "the average time to
    /// complete" ask, where the other fields count enrollments and give the median.
    public struct People: Sendable, Equatable, Codable {
        /// Distinct learners with an enrollment in scope.
        public var learners = 0
        /// Distinct learners with at least one enrollment of that status.
        public var completed = 0
        public var dropped = 0
        public var inProgress = 0
        /// The mean of the days from enrollment to completion over completed enrollments with
        /// a `completed_at`, rounded to 1 decimal; nil with none.
        public var meanDaysToComplete: Double?
    }

    /// `people`: per scope, overall and per badge and organization, the distinct learners of
    /// each status and the mean days to complete. The mean is a sum of whole seconds over a
    /// count, rounded half up in integer arithmetic, so both engines give the same digits.
    ///
    /// Each learner's rows are gathered once per badge (`learner_badges`: whether any is
    /// completed, dropped or in progress, and the seconds to complete), then once per learner
    /// (`learners`, with the learner's organization, one per learner); each breakdown then
    /// counts those rows, where a `count(DISTINCT …)` per status and breakdown would sort
    /// every enrollment again.
    static func peopleStatement(_ scopes: ScopeList, _ dialect: any SQLDialect) -> SQLStatement {
        let any = { (status: String) in
            "max(\(dialect.flag("s.status = '\(status)'"))) AS \(status)"
        }
        let seconds = "s.seconds"
        let columns = """
            count(*) AS learners, sum(completed) AS completed_learners,
                   sum(dropped) AS dropped_learners, sum(in_progress) AS in_progress_learners,
                   CASE WHEN sum(timed) = 0 THEN NULL
                        ELSE \(dialect.ratio("sum(seconds)", "86400 * sum(timed)", places: 1)) END
                   AS mean_days_to_complete
            """
        // A scope with no rows has no row here: it reads as no learners.
        return scopes.statement(
            "people",
            """
            WITH \(scopes.cte(dialect, columns: [.userID, .badgeID, .organizationID, .status, .seconds])),
            learner_badges AS MATERIALIZED (
                SELECT s.scope, s.badge_id, s.user_id, s.organization_id,
                       \(any("completed")), \(any("dropped")), \(any("in_progress")),
                       sum(\(seconds)) AS seconds, count(\(seconds)) AS timed
                FROM scoped s
                GROUP BY s.scope, s.badge_id, s.user_id, s.organization_id
            ),
            learners AS MATERIALIZED (
                SELECT scope, user_id, organization_id, max(completed) AS completed,
                       max(dropped) AS dropped, max(in_progress) AS in_progress,
                       sum(seconds) AS seconds, sum(timed) AS timed
                FROM learner_badges
                GROUP BY scope, user_id, organization_id
            )
            SELECT scope, 'overall' AS breakdown, CAST(NULL AS BIGINT) AS badge_id, CAST(NULL AS BIGINT) AS organization_id,
                   \(columns)
            FROM learners
            GROUP BY scope
            UNION ALL
            SELECT scope, 'badge', badge_id, NULL, \(columns)
            FROM learner_badges
            GROUP BY scope, badge_id
            UNION ALL
            SELECT scope, 'organization', NULL, organization_id, \(columns)
            FROM learners
            GROUP BY scope, organization_id
            ORDER BY 1, 2, 3, 4
            """, dialect)
    }

    /// The `people` rows, keyed as the breakdowns are: overall, badge id, organization id
    /// (nil for learners with none).
    static func decodePeople(_ rows: [ResultRecord]) -> (
        overall: People, badges: [Int: People], organizations: [Int?: People]
    ) {
        var overall = People()
        var badges: [Int: People] = [:]
        var organizations: [Int?: People] = [:]
        for row in rows {
            let people = People(
                learners: row.int("learners"), completed: row.int("completed_learners"),
                dropped: row.int("dropped_learners"), inProgress: row.int("in_progress_learners"),
                meanDaysToComplete: row.double("mean_days_to_complete"))
            switch row.text("breakdown") {
            case "badge": row.id("badge_id").map { badges[$0] = people }
            case "organization": organizations[row.id("organization_id")] = people
            default: overall = people
            }
        }
        return (overall, badges, organizations)
    }

    /// `learners_by_status` in `analytics_data`.
    var peopleJSON: JSONValue {
        func json(_ people: People) -> [String: JSONValue] {
            [
                "learners": .int(people.learners), "completed": .int(people.completed),
                "dropped": .int(people.dropped), "in_progress": .int(people.inProgress),
                "mean_days_to_complete": .number(people.meanDaysToComplete),
            ]
        }
        func list(_ rows: [Row], _ key: String) -> JSONValue {
            .array(
                rows.map { row in
                    var fields = json(row.people)
                    fields[key] = .string(row.name)
                    return .object(fields)
                })
        }
        return [
            "overall": .object(json(overallPeople)),
            "by_badge": list(byBadge, "badge"),
            "by_organization": list(byOrganization, "organization"),
        ]
    }
}
