/// The relations every analysis statement reads instead of the raw tables: one row per
/// enrollment joined to its learner's organization (`almanac_facts`), and each learner's
/// sequence of badges (`almanac_learner_steps`).
///
/// On SQLite the build makes them temporary tables, once per connection, with the indexes
/// that serve each scope's filter, so every statement of the build reads one join that was
/// made once. A statement that stands alone (a page's, or PostgreSQL's, whose read-only
/// transactions cannot hold a temporary table) defines them at the head of its own `WITH`
/// under the same names, so its text is otherwise the same.
enum BuildFacts: String, CaseIterable, Sendable {
    case facts = "almanac_facts"
    case learnerSteps = "almanac_learner_steps"

    var name: String { rawValue }

    /// The most bytes of facts the build's connection makes alone for the pool's others to
    /// read a copy of (`ReadSnapshot.prepareInBackground`), for `enrollments` rows: about 320
    /// bytes a row with the indexes (7.5 MB on the demo's 24,090). Larger facts, which the
    /// copies would hold in memory once more each, every connection makes for itself, at the
    /// same time: 0.
    static func sharedBytes(enrollments: Int) -> Int {
        let limit = 32 << 20
        return enrollments * 320 <= limit ? limit : 0
    }

    /// The rows, as a `SELECT`. The Mondays of `enrolled_at` and `completed_at`, and the
    /// seconds from enrolling to completing, are worked out once here rather than for every
    /// scope that counts by week or times the completions.
    func select(_ dialect: any SQLDialect) -> String {
        switch self {
        case .facts:
            return """
                SELECT e.id, e.user_id, e.badge_id, u.organization_id, e.enrolled_at, e.status, e.progress, e.completed_at,
                           \(dialect.weekStart("e.enrolled_at")) AS enrolled_week,
                           \(dialect.weekStart("e.completed_at")) AS completed_week,
                           substr(u.joined_at, 1, 7) AS joined_month,
                           \(Scope.secondsToComplete(dialect, of: "e")) AS seconds
                    FROM enrollments e JOIN users u ON u.id = e.user_id
                """
        case .learnerSteps:
            // The first enrollment of each learner in each badge (none of the same badge
            // before it), numbered by (enrolled_at, id) per learner, with the next two badges
            // and when they were taken. The learner index (user_id, enrolled_at, id, …) is in
            // that order already, so on SQLite the numbering reads it without a sort. Every
            // window partitions by user_id, so a database sharded by learner numbers each
            // sequence where it lives.
            let order = "\(dialect.binary("e.enrolled_at")), e.id"
            // Bounded by the learner's enrollments up to this one, which SQLite's learner index
            // reads as a range, rather than all of them (PostgreSQL's binary comparison is no
            // range of its index, as before).
            let earlier =
                "\(dialect.binary("p.enrolled_at")) <= \(dialect.binary("e.enrolled_at")) "
                + "AND (\(dialect.binary("p.enrolled_at")) < \(dialect.binary("e.enrolled_at")) "
                + "OR p.id < e.id)"
            return """
                SELECT e.user_id, u.organization_id, e.badge_id, e.enrolled_at, e.id,
                           row_number() OVER learner AS step,
                           lead(e.badge_id) OVER learner AS next_badge,
                           lead(e.enrolled_at) OVER learner AS next_enrolled_at,
                           lead(e.badge_id, 2) OVER learner AS third_badge,
                           lead(e.enrolled_at, 2) OVER learner AS third_enrolled_at
                    FROM enrollments e JOIN users u ON u.id = e.user_id
                    WHERE NOT EXISTS (SELECT 1 FROM enrollments p
                                      WHERE p.user_id = e.user_id AND p.badge_id = e.badge_id
                                        AND (\(earlier)))
                    WINDOW learner AS (PARTITION BY e.user_id ORDER BY \(order))
                """
        }
    }

    /// The indexes of the temporary table: a scope of one badge, of one organization or of
    /// a range of days reads its own rows. The completions counted by the day they happened
    /// (`finished`) read the completed rows by `completed_at`, through an index of those rows
    /// only that holds every column a statement reads of them, so that no row is fetched from
    /// the table: without it SQLite built an automatic index of the completed rows in each
    /// statement and read all of them for every scope, whatever its completion window.
    private var indexes: [(columns: String, rows: String?)] {
        switch self {
        case .facts:
            return [
                ("badge_id, enrolled_at", nil), ("organization_id, enrolled_at", nil),
                ("enrolled_at", nil),
                (
                    "status, completed_at, enrolled_at, badge_id, organization_id, user_id, "
                        + "completed_week, joined_month", "status = 'completed'"
                ),
                // The same rows for a scope of one badge or of one organization.
                (
                    "badge_id, completed_at, status, enrolled_at, organization_id, user_id, "
                        + "completed_week, joined_month", "status = 'completed'"
                ),
                (
                    "organization_id, completed_at, status, enrolled_at, badge_id, user_id, "
                        + "completed_week, joined_month", "status = 'completed'"
                ),
            ]
        case .learnerSteps: return [("badge_id, enrolled_at", nil), ("user_id, step", nil)]
        }
    }

    /// The order of the temporary table's rows. The facts are stored in the order of
    /// `enrolled_at`, so a scope of a range of days, or of one badge or organization over a
    /// range (read through the indexes above, in date order), reads neighbouring rows: in
    /// the order of the enrollments' ids, each such row was on a page of its own, a page the
    /// cache (far smaller than the table at a million rows) had dropped and read again. The
    /// unary plus sorts the rows once rather than fetching each through the date index.
    private var order: String {
        switch self {
        case .facts: return "\n    ORDER BY +e.enrolled_at, e.id"
        case .learnerSteps: return ""
        }
    }

    /// The statements that make it a temporary table of the connection; each can run again
    /// harmlessly, as `--dump-sql` replays them.
    func createStatements(_ dialect: any SQLDialect) -> [String] {
        ["CREATE TEMP TABLE IF NOT EXISTS \(name) AS\n    \(select(dialect))\(order)"]
            + indexes.enumerated().map { number, index in
                "CREATE INDEX IF NOT EXISTS temp.\(name)_\(number + 1) ON \(name)(\(index.columns))"
                    + (index.rows.map { " WHERE \($0)" } ?? "")
            }
    }

    /// `name AS (…), ` for each relation a statement reads, when the statement defines them
    /// itself; nothing when the build's temporary tables hold
    /// them. Inlined where read (`NOT MATERIALIZED`), so that the planner filters the
    /// tables' own indexes as a scope asks.
    static func definitions(_ relations: [BuildFacts], _ dialect: any SQLDialect) -> String {
        guard !dialect.readsTemporaryTables else { return "" }
        return allCases.filter(relations.contains).map { relation in
            let materialized = relation == .facts ? "NOT MATERIALIZED " : "MATERIALIZED "
            return "\(relation.name) AS \(materialized)(\n    \(relation.select(dialect))\n),\n"
        }.joined()
    }

    /// The statements that make `relations` temporary tables, in order.
    static func preparation(_ relations: [BuildFacts], _ dialect: any SQLDialect) -> [String] {
        guard dialect.readsTemporaryTables else { return [] }
        return allCases.filter(relations.contains).flatMap { $0.createStatements(dialect) }
    }
}
