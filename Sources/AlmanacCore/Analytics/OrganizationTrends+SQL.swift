extension OrganizationTrends: Analysis {
    public static let kind = AnalysisKind.organizationTrends

    /// `organizations`: every organization of each scope's filter with its users (those who
    /// had joined by the scope's as-of date, as the index counts them: the users are counted
    /// by day of joining once, then those days summed up to each as-of date) and its activity
    /// in the window, whose sums are the window's totals (a learner belongs to one
    /// organization, so no count of the window's is lost to the grouping); `series`: enrollments by the
    /// period of enrolled_at and completions by the period of completed_at, per organization
    /// and in total; `per_learner`: the spread of enrollments per learner.
    public static func statements(for requests: [AnalysisRequest], in dialect: any SQLDialect)
        -> [SQLStatement]
    {
        let rows =
            requests.enumerated().map { index, request in
                let window = window(for: request)
                let scope = Scope(request.filters, asOf: request.asOf, window: window)
                var row = ScopeList.Row(number: index + 1, scope, asOf: request.asOf)
                // Completions count by the day they happened, inside the window and up to
                // the as-of date, for enrollments of the same badge and organization made by
                // then.
                row.doneFrom = window.start
                row.doneUntil = min(window.end ?? scope.until, scope.until)
                row.granularity = periods(of: request, window: window).rawValue
                return row
            }
        // The series and the spread per learner are no key measure's.
        let series = ScopeList.whole(rows, of: requests)
        // Only the series reads the periods and the completions by day: the other
        // statements share one scope between questions that differ in those alone.
        let plain = rows.map { row in
            var row = row
            (row.doneFrom, row.doneUntil, row.granularity) = (nil, nil, nil)
            return row
        }
        let scopes = ScopeList(plain)
        let spreads = ScopeList.whole(plain, of: requests)
        let completed = "sum(\(dialect.flag("s.status = 'completed'")))"
        let organizations = scopes.statement(
            "organizations",
            """
            WITH \(scopes.cte(dialect, columns: [.userID, .organizationID, .status, .progress])),
            listed AS (
                SELECT sc.scope, sc.through_day, o.id, o.name AS organization
                FROM scopes sc JOIN organizations o ON sc.organization IS NULL OR o.name = sc.organization
                UNION ALL
                SELECT sc.scope, sc.through_day, NULL, '\(Scope.noOrganization)' FROM scopes sc
                WHERE sc.organization IS NULL AND EXISTS (SELECT 1 FROM users WHERE organization_id IS NULL)
            ),
            joined AS MATERIALIZED (
                SELECT organization_id, substr(joined_at, 1, 10) AS day, count(*) AS users
                FROM users GROUP BY organization_id, substr(joined_at, 1, 10)
            ),
            members AS (
                SELECT d.through_day, j.organization_id, sum(j.users) AS users
                FROM (SELECT DISTINCT through_day FROM scopes) d
                JOIN joined j ON j.day < d.through_day
                GROUP BY d.through_day, j.organization_id
            ),
            activity AS (
                SELECT s.scope, s.organization_id, count(*) AS enrollments, count(DISTINCT s.user_id) AS learners,
                       \(completed) AS completed, sum(s.progress) AS progress_sum
                FROM scoped s GROUP BY s.scope, s.organization_id
            )
            SELECT l.scope, l.id AS organization_id, l.organization, coalesce(m.users, 0) AS users,
                   coalesce(a.enrollments, 0) AS enrollments, coalesce(a.learners, 0) AS learners,
                   coalesce(a.completed, 0) AS completed, coalesce(a.progress_sum, 0) AS progress_sum,
                   \(dialect.ratio("coalesce(a.completed, 0)", "coalesce(a.enrollments, 0)", places: 4)) AS completion_rate
            FROM listed l
            LEFT JOIN members m ON m.through_day = l.through_day AND m.organization_id IS NOT DISTINCT FROM l.id
            LEFT JOIN activity a ON a.scope = l.scope AND a.organization_id IS NOT DISTINCT FROM l.id
            ORDER BY l.scope, enrollments DESC, \(dialect.binary("l.organization")), l.id NULLS FIRST
            """, dialect)
        let bucket = { (column: String, week: String) -> String in
            let quarter =
                "substr(\(column), 1, 5) || CASE WHEN substr(\(column), 6, 2) <= '03' THEN '01' "
                + "WHEN substr(\(column), 6, 2) <= '06' THEN '04' WHEN substr(\(column), 6, 2) <= '09' THEN '07' "
                + "ELSE '10' END || '-01'"
            return "CASE s.granularity WHEN 'day' THEN substr(\(column), 1, 10) "
                + "WHEN 'week' THEN \(week) "
                + "WHEN 'quarter' THEN \(quarter) ELSE substr(\(column), 1, 7) || '-01' END"
        }
        let seriesStatement = series.statement(
            "series",
            """
            WITH \(series.cte(dialect, columns: [.organizationID, .enrolledAt, .enrolledWeek, .granularity])),
            \(series.relation(
                dialect, named: "finished", finished: true,
                columns: [
                    .organizationID, .status, .completedAt, .completedWeek, .doneFrom, .doneUntil,
                    .granularity,
                ])),
            events AS (
                SELECT s.scope, \(bucket("s.enrolled_at", "s.enrolled_week")) AS period_start, s.organization_id,
                       count(*) AS enrollments, 0 AS completions
                FROM scoped s
                GROUP BY s.scope, \(bucket("s.enrolled_at", "s.enrolled_week")), s.organization_id
                UNION ALL
                SELECT s.scope, \(bucket("s.completed_at", "s.completed_week")), s.organization_id, 0, count(*)
                FROM finished s
                WHERE \(ScopeList.doneInWindow())
                GROUP BY s.scope, \(bucket("s.completed_at", "s.completed_week")), s.organization_id
            )
            SELECT e.scope, 'organization' AS breakdown, e.period_start, e.organization_id,
                   \(Scope.organizationName) AS organization,
                   CAST(sum(e.enrollments) AS BIGINT) AS enrollments, CAST(sum(e.completions) AS BIGINT) AS completions
            FROM events e LEFT JOIN organizations o ON o.id = e.organization_id
            GROUP BY e.scope, e.period_start, e.organization_id, o.name
            UNION ALL
            SELECT e.scope, 'total', e.period_start, NULL, NULL,
                   CAST(sum(e.enrollments) AS BIGINT), CAST(sum(e.completions) AS BIGINT)
            FROM events e
            GROUP BY e.scope, e.period_start
            ORDER BY 1, 2, 3, 5 NULLS FIRST, 4 NULLS FIRST
            """, dialect)
        let perLearner = spreads.statement(
            "per_learner",
            """
            WITH \(spreads.cte(dialect, columns: [.userID, .organizationID])),
            per_learner AS MATERIALIZED (
                SELECT s.scope, s.user_id, s.organization_id, count(*) AS enrollments
                FROM scoped s GROUP BY s.scope, s.user_id, s.organization_id
            ),
            spread AS (
            \(dialect.quantiles([0.25, 0.5, 0.75], of: "enrollments", by: ["scope", "organization_id"],
                                from: "SELECT scope, organization_id, enrollments FROM per_learner"))
            ),
            summary AS (
                SELECT scope, organization_id, count(*) AS learners, min(enrollments) AS lowest,
                       max(enrollments) AS highest, sum(enrollments) AS total
                FROM per_learner GROUP BY scope, organization_id
            )
            SELECT m.scope, m.organization_id, \(Scope.organizationName) AS organization, m.learners, m.lowest, m.highest,
                   \(dialect.ratio("CAST(4 * q.q1 AS BIGINT)", "4", places: 2)) AS q1,
                   \(dialect.ratio("CAST(4 * q.q2 AS BIGINT)", "4", places: 2)) AS median,
                   \(dialect.ratio("CAST(4 * q.q3 AS BIGINT)", "4", places: 2)) AS q3,
                   \(dialect.ratio("m.total", "m.learners", places: 2)) AS mean
            FROM summary m
            JOIN spread q ON q.scope = m.scope AND q.organization_id IS NOT DISTINCT FROM m.organization_id
            LEFT JOIN organizations o ON o.id = m.organization_id
            ORDER BY m.scope, m.learners DESC, \(dialect.binary(Scope.organizationName)), m.organization_id NULLS FIRST
            """, dialect)
        return [organizations] + (series.rows.isEmpty ? [] : [seriesStatement, perLearner])
    }

    /// The most periods a series lists (ten years of days), and the most points of all its
    /// organizations' lines together.
    static let mostPeriods = 3_700
    static let mostPoints = 200_000

    /// A series too long to list or draw, with what to ask instead.
    struct SeriesTooLong: Error, CustomStringConvertible {
        var periods: Int
        var unit: String
        var organizations: Int

        var description: String {
            let lines =
                organizations > 1 ? " for \(NumberText.count(organizations)) organizations" : ""
            let coarser = [
                "day": "weekly, monthly or quarterly", "week": "monthly or quarterly",
                "month": "quarterly",
            ][unit]
            let asks = [
                coarser.map { "a coarser period (\($0))" },
                "a shorter window (\"in the last 90 days\")",
                organizations > 1 ? "one organization" : nil,
            ].compactMap { $0 }
            return
                "the series would list \(NumberText.count(periods)) \(unit)s\(lines), too many to show; ask for \(asks.joined(separator: ", or "))"
        }
    }

    /// The periods of the series: the question's, else by the window's length, days up to
    /// two months, weeks up to six, months beyond. "How did enrollments trend last month?"
    /// was one month, "874 in 2026-08", and "did enrollments go up last week" a partial month
    /// (blind test 77).
    static func periods(of request: AnalysisRequest, window: DateRange) -> Granularity {
        if let granularity = request.granularity { return granularity }
        guard let start = window.start, let end = window.end else { return .month }
        let days = end.daysSinceEpoch - start.daysSinceEpoch
        return days <= 62 ? .day : days <= 186 ? .week : .month
    }

    public static func decode(_ results: ResultSets, for request: AnalysisRequest) throws
        -> OrganizationTrends
    {
        let window = window(for: request)
        let granularity = periods(of: request, window: window)
        // Every organization of the result, by id, with a label no other one shows.
        let labels = DisplayLabels(
            results["organizations"].map {
                (id: $0.id("organization_id"), name: $0.text("organization"))
            })
        func label(_ row: ResultRecord) -> String {
            labels.label(row.id("organization_id"), row.text("organization"))
        }
        let organizations = results["organizations"].map { row in
            Organization(
                organization: label(row), users: row.int("users"),
                enrollments: row.int("enrollments"), learners: row.int("learners"),
                completed: row.int("completed"), completionRate: row.double("completion_rate") ?? 0,
                progressSum: row.double("progress_sum") ?? 0)
        }
        // The database counts the periods with activity; the page lists every period of the
        // window for every organization with any, zeros included.
        // A window with no first day ("before 2025") starts at the earliest activity.
        let earliest = results["series"].compactMap {
            $0.string("period_start").flatMap(CivilDate.init(iso:))
        }.min()
        var bounded = window
        if bounded.start == nil { bounded.start = earliest }
        let periods = Self.periods(in: bounded, granularity: granularity)
        var counts: [Int?: [String: (Int, Int)]] = [:]
        var names: [Int?: String] = [:]
        var totalsByPeriod: [String: (Int, Int)] = [:]
        for row in results["series"] {
            guard let start = row.string("period_start").flatMap(CivilDate.init(iso:)) else {
                continue
            }
            let period = Self.period(start, granularity)
            let value = (row.int("enrollments"), row.int("completions"))
            if row.text("breakdown") == "total" {
                totalsByPeriod[period] = value
            } else {
                counts[row.id("organization_id"), default: [:]][period] = value
                names[row.id("organization_id")] = label(row)
            }
        }
        let active = counts.keys.sorted { names[$0]! < names[$1]! }
        // One point per period and organization: daily since 1971 for 300 organizations was
        // six million points, 3.8 GB and 77 s for a 600-row database (an attack run).
        let points = periods.count * max(1, active.count)
        if periods.count > Self.mostPeriods || points > Self.mostPoints {
            throw SeriesTooLong(
                periods: periods.count, unit: granularity.rawValue, organizations: active.count)
        }
        var series: [Point] = []
        for period in periods {
            for organization in active {
                let value = counts[organization]?[period] ?? (0, 0)
                series.append(
                    Point(
                        period: period, organization: names[organization]!, enrollments: value.0,
                        completions: value.1))
            }
        }
        let byPeriod =
            active.isEmpty
            ? []
            : periods.map { period in
                PeriodTotal(
                    period: period, enrollments: totalsByPeriod[period]?.0 ?? 0,
                    completions: totalsByPeriod[period]?.1 ?? 0)
            }
        let spreads = results["per_learner"].map { row in
            Spread(
                organization: label(row), learners: row.int("learners"),
                minimum: row.double("lowest") ?? 0, lowerQuartile: row.double("q1") ?? 0,
                median: row.double("median") ?? 0, upperQuartile: row.double("q3") ?? 0,
                maximum: row.double("highest") ?? 0, mean: row.double("mean") ?? 0)
        }
        // Every organization with activity in the scope is a row of `organizations`, and
        // the rows do not overlap: their sums are the scope's. A statement of its own
        // re-read every scope's enrollments for these three numbers.
        let named = results["organizations"].filter {
            $0.int("enrollments") > 0 && $0.id("organization_id") != nil
        }
        return OrganizationTrends(
            organizations: organizations, series: series, byPeriod: byPeriod,
            totals: Totals(
                enrollments: organizations.reduce(0) { $0 + $1.enrollments },
                completed: organizations.reduce(0) { $0 + $1.completed },
                organizations: named.count),
            perLearner: spreads, granularity: granularity, window: window, filters: request.filters)
    }
}
