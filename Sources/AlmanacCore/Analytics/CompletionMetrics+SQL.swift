extension CompletionMetrics: Analysis {
    public static let kind = AnalysisKind.completionMetrics

    /// `breakdowns`: one pass groups each scope by organization, badge and cohort month, and
    /// every breakdown adds those cells up; `medians`: the time to complete, overall and per
    /// badge and organization; `completed_in_window`, for the scopes with a date window: the
    /// completions that happened in it.
    public static func statements(for requests: [AnalysisRequest], in dialect: any SQLDialect)
        -> [SQLStatement]
    {
        let rows = requests.enumerated().map { index, request in
            ScopeList.Row(
                number: index + 1, Scope(request.filters, asOf: request.asOf), asOf: request.asOf)
        }
        let scopes = ScopeList(rows)
        // Learners and the mean are no key measure's.
        let whole = ScopeList.whole(rows, of: requests)
        let status = { (value: String) in Scope.statusCount(value, dialect) }
        let totals =
            "CAST(coalesce(sum(c.enrollments), 0) AS BIGINT) AS enrollments, "
            + "CAST(coalesce(sum(c.completed), 0) AS BIGINT) AS completed, "
            + "CAST(coalesce(sum(c.dropped), 0) AS BIGINT) AS dropped, "
            + "CAST(coalesce(sum(c.in_progress), 0) AS BIGINT) AS in_progress, "
            + "CAST(coalesce(sum(c.enrolled), 0) AS BIGINT) AS enrolled"
        let organization = "LEFT JOIN organizations o ON o.id = c.organization_id"
        // A scope with no rows has no rows here: its overall counts read as zeros.
        let breakdowns = scopes.statement(
            "breakdowns",
            """
            WITH \(scopes.cte(dialect, columns: [.badgeID, .organizationID, .enrolledAt, .status])),
            cells AS MATERIALIZED (
                SELECT s.scope, s.organization_id, s.badge_id, substr(s.enrolled_at, 1, 7) AS cohort,
                       count(*) AS enrollments, \(status("completed")) AS completed,
                       \(status("dropped")) AS dropped, \(status("in_progress")) AS in_progress,
                       \(status("enrolled")) AS enrolled
                FROM scoped s
                GROUP BY s.scope, s.organization_id, s.badge_id, substr(s.enrolled_at, 1, 7)
            ),
            breakdowns AS (
                SELECT c.scope, 'overall' AS breakdown, CAST(NULL AS BIGINT) AS organization_id,
                       CAST(NULL AS BIGINT) AS badge_id, NULL AS name,
                       NULL AS badge, NULL AS category, \(totals)
                FROM cells c
                GROUP BY c.scope
                UNION ALL
                SELECT c.scope, 'badge', NULL, b.id, b.name, NULL, b.category, \(totals)
                FROM cells c JOIN badges b ON b.id = c.badge_id
                GROUP BY c.scope, b.id, b.name, b.category
                UNION ALL
                SELECT c.scope, 'organization', c.organization_id, NULL, \(Scope.organizationName), NULL, NULL, \(totals)
                FROM cells c \(organization)
                GROUP BY c.scope, c.organization_id, o.name
                UNION ALL
                SELECT c.scope, 'cohort', NULL, NULL, c.cohort, NULL, NULL, \(totals)
                FROM cells c
                GROUP BY c.scope, c.cohort
                UNION ALL
                SELECT c.scope, 'organization_and_badge', c.organization_id, c.badge_id, \(Scope.organizationName), b.name,
                       NULL, \(totals)
                FROM cells c JOIN badges b ON b.id = c.badge_id \(organization)
                GROUP BY c.scope, c.organization_id, o.name, c.badge_id, b.name
            )
            SELECT scope, breakdown, organization_id, badge_id, name, badge, category, enrollments, completed, dropped, in_progress, enrolled,
                   \(dialect.ratio("completed", "enrollments", places: 4)) AS completion_rate,
                   \(dialect.ratio("dropped", "enrollments", places: 4)) AS drop_rate
            FROM breakdowns
            ORDER BY scope, breakdown,
                     CASE WHEN breakdown = 'cohort' THEN 0 ELSE enrollments END DESC,
                     \(dialect.binary("name")) NULLS FIRST, \(dialect.binary("badge")) NULLS FIRST,
                     organization_id NULLS FIRST, badge_id
            """, dialect)
        // The medians per badge and per organization are no key measure's.
        let detailed = scopes.readWhole("scope", of: requests)
        let medians = scopes.statement(
            "medians",
            """
            WITH \(scopes.cte(dialect, columns: [.badgeID, .organizationID, .seconds])),
            durations AS MATERIALIZED (
                SELECT s.scope, s.badge_id, s.organization_id, s.seconds AS seconds
                FROM scoped s WHERE s.seconds IS NOT NULL
            )
            SELECT a.scope, 'overall' AS breakdown, CAST(NULL AS BIGINT) AS badge_id, CAST(NULL AS BIGINT) AS organization_id,
                   \(dialect.days("a.q1")) AS median_days_to_complete, \(dialect.days("a.q2")) AS p90_days_to_complete
            FROM (\(dialect.quantiles([0.5, 0.9], of: "seconds", by: ["scope"], from: "SELECT scope, seconds FROM durations"))) AS a
            UNION ALL
            SELECT m.scope, 'badge', m.badge_id, NULL, \(dialect.days("m.q1")), NULL
            FROM (\(dialect.quantiles([0.5], of: "seconds", by: ["scope", "badge_id"], from: "SELECT scope, badge_id, seconds FROM durations WHERE TRUE\(detailed)"))) AS m
            UNION ALL
            SELECT o.scope, 'organization', NULL, o.organization_id, \(dialect.days("o.q1")), NULL
            FROM (\(dialect.quantiles([0.5], of: "seconds", by: ["scope", "organization_id"], from: "SELECT scope, organization_id, seconds FROM durations WHERE TRUE\(detailed)"))) AS o
            ORDER BY 1, 2, 3, 4
            """, dialect)
        let people = whole.rows.isEmpty ? [] : [peopleStatement(whole, dialect)]
        // "Completions in September" counts by the day of completion, not of enrollment.
        let windowed = ScopeList(
            requests.enumerated().compactMap { index, request in
                guard let window = request.filters.dateRange else { return nil }
                let finished = Scope(
                    Filters(
                        badge: request.filters.badge, organization: request.filters.organization),
                    asOf: request.asOf)
                var row = ScopeList.Row(number: index + 1, finished, asOf: request.asOf)
                row.doneFrom = window.start
                row.doneUntil = min(window.end ?? finished.until, finished.until)
                return row
            })
        guard !windowed.rows.isEmpty else { return [breakdowns, medians] + people }
        let condition = ScopeList.doneInWindow()
        // Every badge and organization of the filters, so a bottom ranking sees its zeros.
        let completedInWindow = windowed.statement(
            "completed_in_window",
            """
            WITH \(windowed.cte(
                dialect, named: "finished", finished: true,
                columns: [.userID, .badgeID, .organizationID, .status, .completedAt, .doneFrom, .doneUntil])),
            done AS MATERIALIZED (
                SELECT s.scope, s.badge_id, s.organization_id, s.user_id FROM finished s WHERE \(condition)
            )
            SELECT sc.scope, 'overall' AS breakdown, CAST(NULL AS BIGINT) AS badge_id, CAST(NULL AS BIGINT) AS organization_id,
                   NULL AS name, (SELECT count(*) FROM done d WHERE d.scope = sc.scope) AS completed,
                   (SELECT count(DISTINCT d.user_id) FROM done d WHERE d.scope = sc.scope) AS completed_learners
            FROM scopes sc
            UNION ALL
            SELECT sc.scope, 'badge', b.id, NULL, b.name, count(d.scope), count(DISTINCT d.user_id)
            FROM scopes sc JOIN badges b ON sc.badge IS NULL OR b.name = sc.badge
            LEFT JOIN done d ON d.scope = sc.scope AND d.badge_id = b.id
            GROUP BY sc.scope, b.id, b.name
            UNION ALL
            SELECT sc.scope, 'organization', NULL, o.id, o.name, count(d.scope), count(DISTINCT d.user_id)
            FROM scopes sc JOIN organizations o ON sc.organization IS NULL OR o.name = sc.organization
            LEFT JOIN done d ON d.scope = sc.scope AND d.organization_id = o.id
            GROUP BY sc.scope, o.id, o.name
            UNION ALL
            SELECT d.scope, 'organization', NULL, NULL, '\(Scope.noOrganization)', count(*), count(DISTINCT d.user_id)
            FROM done d WHERE d.organization_id IS NULL
            GROUP BY d.scope
            ORDER BY 1, 2, 3, 4
            """, dialect)
        return [breakdowns, medians] + people + [completedInWindow]
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
        var overallP90: Double?
        for row in results["medians"] {
            switch row.text("breakdown") {
            case "badge":
                row.id("badge_id").map { medians[$0] = row.double("median_days_to_complete") }
            case "organization":
                organizationMedians[row.id("organization_id")] = row.double(
                    "median_days_to_complete")
            default:
                overallMedian = row.double("median_days_to_complete")
                overallP90 = row.double("p90_days_to_complete")
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
            overall: overall, overallMedianDays: overallMedian, overallP90Days: overallP90,
            overallPeople: people.overall,
            byBadge: byBadge,
            byOrganization: byOrganization, byCohort: byCohort, byOrganizationAndBadge: cells,
            completedInWindow: inWindow, categories: categories, filters: request.filters)
    }
}
