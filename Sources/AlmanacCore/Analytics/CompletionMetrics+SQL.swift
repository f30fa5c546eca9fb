extension CompletionMetrics: Analysis {
    public static let kind = AnalysisKind.completionMetrics

    /// `breakdowns`: one pass groups the scope by organization, badge and cohort month, and
    /// every breakdown adds those cells up; `medians`: the time to complete, overall and per
    /// badge.
    public static func statements(for request: AnalysisRequest, in dialect: any SQLDialect)
        -> [SQLStatement]
    {
        let scope = Scope(request.filters, asOf: request.asOf)
        let status = { (value: String) in Scope.statusCount(value, dialect) }
        let totals =
            "CAST(coalesce(sum(c.enrollments), 0) AS BIGINT) AS enrollments, "
            + "CAST(coalesce(sum(c.completed), 0) AS BIGINT) AS completed, "
            + "CAST(coalesce(sum(c.dropped), 0) AS BIGINT) AS dropped, "
            + "CAST(coalesce(sum(c.in_progress), 0) AS BIGINT) AS in_progress, "
            + "CAST(coalesce(sum(c.enrolled), 0) AS BIGINT) AS enrolled"
        let organization = "LEFT JOIN organizations o ON o.id = c.organization_id"
        let breakdowns = SQLStatement(
            "breakdowns",
            """
            WITH \(scope.cte(dialect)),
            cells AS MATERIALIZED (
                SELECT s.organization_id, s.badge_id, substr(s.enrolled_at, 1, 7) AS cohort,
                       count(*) AS enrollments, \(status("completed")) AS completed,
                       \(status("dropped")) AS dropped, \(status("in_progress")) AS in_progress,
                       \(status("enrolled")) AS enrolled
                FROM scoped s
                GROUP BY s.organization_id, s.badge_id, substr(s.enrolled_at, 1, 7)
            ),
            breakdowns AS (
                SELECT 'overall' AS breakdown, CAST(NULL AS BIGINT) AS organization_id,
                       CAST(NULL AS BIGINT) AS badge_id, NULL AS name,
                       NULL AS badge, NULL AS category, \(totals)
                FROM cells c
                UNION ALL
                SELECT 'badge', NULL, b.id, b.name, NULL, b.category, \(totals)
                FROM cells c JOIN badges b ON b.id = c.badge_id
                GROUP BY b.id, b.name, b.category
                UNION ALL
                SELECT 'organization', c.organization_id, NULL, \(Scope.organizationName), NULL, NULL, \(totals)
                FROM cells c \(organization)
                GROUP BY c.organization_id, o.name
                UNION ALL
                SELECT 'cohort', NULL, NULL, c.cohort, NULL, NULL, \(totals)
                FROM cells c
                GROUP BY c.cohort
                UNION ALL
                SELECT 'organization_and_badge', c.organization_id, c.badge_id, \(Scope.organizationName), b.name,
                       NULL, \(totals)
                FROM cells c JOIN badges b ON b.id = c.badge_id \(organization)
                GROUP BY c.organization_id, o.name, c.badge_id, b.name
            )
            SELECT breakdown, organization_id, badge_id, name, badge, category, enrollments, completed, dropped, in_progress, enrolled,
                   \(dialect.ratio("completed", "enrollments", places: 4)) AS completion_rate,
                   \(dialect.ratio("dropped", "enrollments", places: 4)) AS drop_rate
            FROM breakdowns
            ORDER BY breakdown,
                     CASE WHEN breakdown = 'cohort' THEN 0 ELSE enrollments END DESC,
                     \(dialect.binary("name")) NULLS FIRST, \(dialect.binary("badge")) NULLS FIRST,
                     organization_id NULLS FIRST, badge_id
            """)
        let medians = SQLStatement(
            "medians",
            """
            WITH \(scope.cte(dialect)),
            durations AS MATERIALIZED (
                SELECT s.badge_id, s.organization_id, \(Scope.secondsToComplete(dialect)) AS seconds
                FROM scoped s WHERE s.status = 'completed' AND s.completed_at IS NOT NULL
            )
            SELECT 'overall' AS breakdown, CAST(NULL AS BIGINT) AS badge_id, CAST(NULL AS BIGINT) AS organization_id,
                   \(dialect.days("q1")) AS median_days_to_complete
            FROM (\(dialect.quantiles([0.5], of: "seconds", by: [], from: "SELECT seconds FROM durations"))) AS overall
            UNION ALL
            SELECT 'badge', m.badge_id, NULL, \(dialect.days("m.q1"))
            FROM (\(dialect.quantiles([0.5], of: "seconds", by: ["badge_id"], from: "SELECT badge_id, seconds FROM durations"))) AS m
            UNION ALL
            SELECT 'organization', NULL, o.organization_id, \(dialect.days("o.q1"))
            FROM (\(dialect.quantiles([0.5], of: "seconds", by: ["organization_id"], from: "SELECT organization_id, seconds FROM durations"))) AS o
            """)
        let people = peopleStatement(scope.cte(dialect), dialect)
        guard let window = request.filters.dateRange else { return [breakdowns, medians, people] }
        // "Completions in September" counts by the day of completion, not of enrollment.
        let finished = Scope(
            Filters(badge: request.filters.badge, organization: request.filters.organization),
            asOf: request.asOf)
        var inWindow = [
            "s.status = 'completed'",
            "s.completed_at < \(Scope.literal(min(window.end ?? finished.until, finished.until)))",
        ]
        if let start = window.start { inWindow.append("s.completed_at >= \(Scope.literal(start))") }
        let condition = inWindow.joined(separator: " AND ")
        // Every badge and organization of the filters, so a bottom ranking sees its zeros.
        let badgeScope = request.filters.badge.map { "b.name = \(Scope.literal($0))" } ?? "1 = 1"
        let organizationScope =
            request.filters.organization.map { "o.name = \(Scope.literal($0))" } ?? "1 = 1"
        let completedInWindow = SQLStatement(
            "completed_in_window",
            """
            WITH \(finished.cte(dialect, named: "finished"))
            SELECT 'overall' AS breakdown, CAST(NULL AS BIGINT) AS badge_id, CAST(NULL AS BIGINT) AS organization_id,
                   NULL AS name, count(*) AS completed, count(DISTINCT s.user_id) AS completed_learners
            FROM finished s WHERE \(condition)
            UNION ALL
            SELECT 'badge', b.id, NULL, b.name, count(s.id), count(DISTINCT s.user_id)
            FROM badges b LEFT JOIN finished s ON s.badge_id = b.id AND \(condition)
            WHERE \(badgeScope)
            GROUP BY b.id, b.name
            UNION ALL
            SELECT 'organization', NULL, o.id, o.name, count(s.id), count(DISTINCT s.user_id)
            FROM organizations o LEFT JOIN finished s ON s.organization_id = o.id AND \(condition)
            WHERE \(organizationScope)
            GROUP BY o.id, o.name
            UNION ALL
            SELECT 'organization', NULL, NULL, '\(Scope.noOrganization)', count(*), count(DISTINCT s.user_id)
            FROM finished s WHERE s.organization_id IS NULL AND \(condition)
            HAVING count(*) > 0
            """)
        return [breakdowns, medians, people, completedInWindow]
    }

    public static func decode(_ results: ResultSets, for request: AnalysisRequest) throws
        -> CompletionMetrics
    {
        func counts(_ row: ResultRecord) -> Counts {
            Counts(
                enrollments: row.int("enrollments"), completed: row.int("completed"),
                dropped: row.int("dropped"), inProgress: row.int("in_progress"),
                enrolled: row.int("enrolled"), completionRate: row.double("completion_rate") ?? 0,
                dropRate: row.double("drop_rate") ?? 0)
        }
        /// The display names of one breakdown's rows, told apart by the id in `idColumn`.
        func labels(_ rows: [ResultRecord], _ breakdown: String, idColumn: String)
            -> DisplayLabels
        {
            DisplayLabels(
                rows.filter { $0.text("breakdown") == breakdown }.map {
                    (id: $0.id(idColumn), name: $0.text("name"))
                })
        }
        // Keyed by id: two badges may share a display name, never an id.
        var medians: [Int: Double] = [:]
        // Learners with no organization are the NULL key.
        var organizationMedians: [Int?: Double] = [:]
        var overallMedian: Double?
        for row in results["medians"] {
            switch row.text("breakdown") {
            case "badge":
                row.id("badge_id").map { medians[$0] = row.double("median_days_to_complete") }
            case "organization":
                organizationMedians[row.id("organization_id")] = row.double(
                    "median_days_to_complete")
            default: overallMedian = row.double("median_days_to_complete")
            }
        }
        var overall = Counts()
        var byBadge: [Row] = []
        var byOrganization: [Row] = []
        var byCohort: [Row] = []
        var cells: [Cell] = []
        var categories: [String: String] = [:]
        let rows = results["breakdowns"]
        let badges = labels(rows, "badge", idColumn: "badge_id")
        let organizations = labels(rows, "organization", idColumn: "organization_id")
        let people = decodePeople(results["people"])
        for row in rows {
            let name = row.text("name")
            switch row.text("breakdown") {
            case "overall": overall = counts(row)
            case "badge":
                let label = badges.label(row.id("badge_id"), name)
                let median = row.id("badge_id").flatMap { medians[$0] }
                byBadge.append(
                    Row(
                        name: label, counts: counts(row), medianDaysToComplete: median,
                        people: row.id("badge_id").flatMap { people.badges[$0] } ?? People()))
                categories[label] = row.text("category")
            case "organization":
                byOrganization.append(
                    Row(
                        name: organizations.label(row.id("organization_id"), name),
                        counts: counts(row),
                        medianDaysToComplete: organizationMedians[row.id("organization_id")] ?? nil,
                        people: people.organizations[row.id("organization_id")] ?? People()))
            case "cohort":
                byCohort.append(Row(name: name, counts: counts(row), medianDaysToComplete: nil))
            default:
                cells.append(
                    Cell(
                        organization: organizations.label(row.id("organization_id"), name),
                        badge: badges.label(row.id("badge_id"), row.text("badge")),
                        counts: counts(row)))
            }
        }
        var inWindow: CompletedInWindow?
        if request.filters.dateRange != nil {
            // Labelled from these rows themselves: a badge or organization may have finished
            // enrollments in the window without having made any.
            let window = results["completed_in_window"]
            let badgeLabels = labels(window, "badge", idColumn: "badge_id")
            let organizationLabels = labels(window, "organization", idColumn: "organization_id")
            var counts = CompletedInWindow(overall: 0, byBadge: [:], byOrganization: [:])
            for row in window {
                let learners = row.int("completed_learners")
                switch row.text("breakdown") {
                case "badge":
                    let label = badgeLabels.label(row.id("badge_id"), row.text("name"))
                    counts.byBadge[label] = row.int("completed")
                    counts.learnersByBadge[label] = learners
                case "organization":
                    let label = organizationLabels.label(
                        row.id("organization_id"), row.text("name"))
                    counts.byOrganization[label] = row.int("completed")
                    counts.learnersByOrganization[label] = learners
                default:
                    counts.overall = row.int("completed")
                    counts.learners = learners
                }
            }
            inWindow = counts
        }
        return CompletionMetrics(
            overall: overall, overallMedianDays: overallMedian, overallPeople: people.overall,
            byBadge: byBadge,
            byOrganization: byOrganization, byCohort: byCohort, byOrganizationAndBadge: cells,
            completedInWindow: inWindow, categories: categories, filters: request.filters)
    }
}
