/// The scopes one shared statement computes, as data: the `scopes` list of a `VALUES`
/// clause, one row per analysis, numbered from 1. Every statement of a kind reads the whole
/// list once and groups by `scope`, so a build runs the same statements for 2 questions as
/// for 2,000, and each question's rows are the ones of its number. The same statement with a
/// list of one scope is the standalone statement a page shows.
struct ScopeList: Sendable {
    /// One analysis's scope: its filters and the days each of its counts looks at.
    struct Row: Sendable, Hashable {
        /// The scope's number in the list; every result row carries it as `scope`.
        var number: Int
        var badge: String?
        var organization: String?
        /// The first day counted on enrolled_at (NULL: from the first enrollment).
        var from: CivilDate?
        /// The first day not counted on enrolled_at.
        var until: CivilDate
        /// The first day not counted for the `finished` rows: the day after the as-of date.
        var through: CivilDate
        /// The completions counted by the day they happened: `completed_at` from `doneFrom`
        /// (NULL: any) to before `doneUntil`.
        var doneFrom: CivilDate?
        var doneUntil: CivilDate?
        /// A badge a statement treats apart without filtering on it: learning paths start
        /// their sequences there, and badge totals count it against the rest.
        var focus: String?
        /// The period of a series: `day`, `week`, `month` or `quarter`.
        var granularity: String?

        init(number: Int, _ scope: Scope, asOf: CivilDate) {
            self.number = number
            badge = scope.badge
            organization = scope.organization
            from = scope.from
            until = scope.until
            through = asOf.adding(days: 1)
        }
    }

    /// The distinct scopes, numbered from 1 in order of first appearance.
    var rows: [Row]
    /// Each request's scope number in `rows`, by the request's own number: requests whose
    /// scopes are the same for a statement share one scope of it.
    var numbers: [Int: Int] = [:]

    /// - Parameter rows: one row per request, numbered by request (from 1); a request this
    ///   list does not cover has no row.
    init(_ rows: [Row]) {
        var unique: [Row] = []
        var seen: [Row: Int] = [:]
        for var row in rows {
            let request = row.number
            row.number = 0
            if let number = seen[row] {
                numbers[request] = number
                continue
            }
            row.number = unique.count + 1
            unique.append(row)
            var key = row
            key.number = 0
            seen[key] = row.number
            numbers[request] = row.number
        }
        self.rows = unique
    }

    /// One row per request with its badge filter as the row's `focus`, not a filter: a
    /// statement that reads every badge and treats that one apart.
    static func focused(_ requests: [AnalysisRequest]) -> [Row] {
        requests.enumerated().map { index, request in
            var row = Row(
                number: index + 1, Scope(request.filters, asOf: request.asOf, badge: false),
                asOf: request.asOf)
            row.focus = request.filters.badge
            return row
        }
    }

    /// The rows of the requests whose whole output is read: a statement that computes
    /// nothing a key measure reads leaves out the others (`AnalysisRequest.measuresOnly`).
    static func whole(_ rows: [Row], of requests: [AnalysisRequest]) -> ScopeList {
        ScopeList(rows.filter { !requests[$0.number - 1].measuresOnly })
    }

    /// The numbers of the scopes that some request reads whole, in order; nil when every
    /// scope of this list is read whole.
    private func wholeNumbers(of requests: [AnalysisRequest]) -> [Int]? {
        let whole = Set(
            requests.indices.compactMap { index in
                requests[index].measuresOnly ? nil : numbers[index + 1]
            })
        return whole.count < rows.count ? whole.sorted() : nil
    }

    /// ` AND column IN (…)`: the scopes of this list that some request reads whole, for the
    /// parts of a statement no key measure reads; empty when every scope is read whole.
    func readWhole(_ column: String, of requests: [AnalysisRequest]) -> String {
        guard let whole = wholeNumbers(of: requests) else { return "" }
        return
            " AND \(column) IN (\(whole.isEmpty ? "NULL" : whole.map(String.init).joined(separator: ", ")))"
    }

    /// ` AND column NOT IN (…)`: the scopes read for their key measures only; empty when all
    /// are, nil when there are none.
    func readMeasuresOnly(_ column: String, of requests: [AnalysisRequest]) -> String? {
        guard let whole = wholeNumbers(of: requests) else { return nil }
        return whole.isEmpty
            ? "" : " AND \(column) NOT IN (\(whole.map(String.init).joined(separator: ", ")))"
    }

    /// A statement over this list, which knows each request's scope number and the build's
    /// temporary tables it reads.
    func statement(
        _ name: String, _ sql: String, _ dialect: any SQLDialect, reads: [BuildFacts] = [.facts]
    ) -> SQLStatement {
        var statement = SQLStatement(name, sql)
        statement.scopes = numbers
        statement.preparation = BuildFacts.preparation(reads, dialect)
        statement.scopeDescriptions = Dictionary(
            uniqueKeysWithValues: rows.map { ($0.number, $0.description) })
        return statement
    }

    static let columns =
        "scope, badge, organization, from_day, until_day, through_day, done_from, done_until, focus, granularity"

    /// The relations the build's facts give (unless the build's temporary tables hold them),
    /// then `scopes (…) AS (VALUES …)`: the list itself.
    func values(_ dialect: any SQLDialect, reads: [BuildFacts] = [.facts]) -> String {
        let lines = rows.map { row in
            let fields: [String] = [
                "\(row.number)", text(row.badge), text(row.organization), date(row.from),
                date(row.until), date(row.through), date(row.doneFrom), date(row.doneUntil),
                text(row.focus), text(row.granularity),
            ]
            return "(" + fields.joined(separator: ", ") + ")"
        }
        // Names are unique (a duplicate stops the build at the row rules), so each resolves
        // to one id, once per scope, and a name that is not there to none. MATERIALIZED keeps
        // PostgreSQL from inlining the lookups into a join, where they ran once per row (on
        // the cluster, once per row fetched from a shard).
        return BuildFacts.definitions(reads, dialect) + "scopes (\(Self.columns)) AS (\n    VALUES "
            + lines.joined(separator: ",\n           ")
            + "\n),\n" + """
                targets AS MATERIALIZED (
                    SELECT sc.*, (SELECT id FROM badges WHERE name = sc.badge) AS badge_id,
                           (SELECT id FROM organizations WHERE name = sc.organization) AS organization_id,
                           (SELECT id FROM badges WHERE name = sc.focus) AS focus_id
                    FROM scopes sc
                )
                """
    }

    /// `scopes` and then `name AS (…)`: one row per enrollment and scope it belongs to, with
    /// the scope's columns that the statements read. `finished` rows are every enrollment of
    /// the scope's badge and organization made up to the as-of date, for counting
    /// completions by the day they happened.
    func cte(
        _ dialect: any SQLDialect, named name: String = "scoped", finished: Bool = false,
        reads: [BuildFacts] = [.facts], columns: [Column] = Column.allCases
    ) -> String {
        "\(values(dialect, reads: reads)),\n"
            + relation(dialect, named: name, finished: finished, columns: columns)
    }

    /// A column of the scoped relation besides `scope`. A statement names the ones it reads:
    /// each row makes only those.
    enum Column: CaseIterable {
        case id, userID, badgeID, organizationID, enrolledAt, status, progress, completedAt
        case enrolledWeek, completedWeek, doneFrom, doneUntil, focus, granularity, inFocus
        case joinedMonth, seconds

        /// - Parameter later: the condition of a completion after the scope's cutoff.
        func select(_ dialect: any SQLDialect, later: String) -> String {
            switch self {
            case .id: return "e.id"
            case .userID: return "e.user_id"
            case .badgeID: return "e.badge_id"
            case .organizationID: return "e.organization_id"
            case .enrolledAt: return "e.enrolled_at"
            case .status:
                return
                    "CASE WHEN e.status = 'completed' AND \(later) THEN 'in_progress' ELSE e.status END AS status"
            case .progress: return "e.progress"
            case .completedAt:
                return "CASE WHEN \(later) THEN NULL ELSE e.completed_at END AS completed_at"
            case .enrolledWeek: return "e.enrolled_week"
            case .completedWeek:
                return "CASE WHEN \(later) THEN NULL ELSE e.completed_week END AS completed_week"
            case .doneFrom: return "sc.done_from"
            case .doneUntil: return "sc.done_until"
            case .focus: return "sc.focus"
            case .granularity: return "sc.granularity"
            case .inFocus:
                return "\(dialect.flag("sc.focus IS NULL OR e.badge_id = sc.focus_id")) AS in_focus"
            case .joinedMonth: return "e.joined_month"
            // The facts' seconds to complete, worked out once per build; none for a
            // completion after the scope's cutoff.
            case .seconds: return "CASE WHEN \(later) THEN NULL ELSE e.seconds END AS seconds"
            }
        }
    }

    /// The scoped relation alone, for a statement that declares `scopes` once and reads two.
    ///
    /// Each scope reads only its own rows of the facts: a scope of one badge through the
    /// badge's index, of one organization through the organization's, of a range of days
    /// through the date index, and a scope of the whole history reads the table once (the
    /// unary plus keeps SQLite from fetching nearly every row through the date index).
    /// `finished` rows are the completed ones inside `done_from`…`done_until`: SQLite reads
    /// them from an automatic index of the completed rows it makes for the statement,
    /// PostgreSQL through the completion index of `enrollments`.
    /// - Parameter targets: the scopes to read, `targets` or a relation of some of its rows.
    func relation(
        _ dialect: any SQLDialect, named name: String, finished: Bool = false,
        targets: String = "targets", columns: [Column] = Column.allCases
    ) -> String {
        // Dates compare as plain text, with no COLLATE: the schema check has made every value
        // `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, which sort the same under any collation (digit
        // against digit, or a date before its own date-time), and a sharded PostgreSQL ships
        // a condition with no explicit collation to the shards.
        let facts = BuildFacts.facts.name
        // As of the scope's cutoff: a completion dated after it had not happened, and its
        // enrollment was in progress (docs/metrics.md, the as-of date).
        let later = "e.completed_at >= sc.through_day"
        let selected = (["sc.scope"] + columns.map { $0.select(dialect, later: later) })
            .joined(separator: ", ")
        let select = """
            SELECT \(selected)
                FROM \(targets) sc
            """
        if finished {
            // A scope of one badge or organization reads that one's completed rows in its
            // completion window (through the completed rows' index of each), not every
            // badge's: 2,000 questions' weekly series read every completion once per scope.
            let done =
                "e.completed_at >= coalesce(sc.done_from, '0') AND e.completed_at < sc.done_until"
            let before = "\(dialect.unindexed("e.enrolled_at")) < sc.through_day"
            return """
                \(name) AS (
                    \(select)
                    JOIN \(facts) e ON e.badge_id = sc.badge_id AND \(done)
                    WHERE sc.badge IS NOT NULL AND e.status = 'completed' AND \(before)
                      AND (sc.organization IS NULL OR e.organization_id = sc.organization_id)
                    UNION ALL
                    \(select)
                    JOIN \(facts) e ON e.organization_id = sc.organization_id AND \(done)
                    WHERE sc.badge IS NULL AND sc.organization IS NOT NULL AND e.status = 'completed' AND \(before)
                    UNION ALL
                    \(select)
                    JOIN \(facts) e ON \(done)
                    WHERE sc.badge IS NULL AND sc.organization IS NULL AND \(before) AND e.status = 'completed'
                )
                """
        }
        let days = "e.enrolled_at >= coalesce(sc.from_day, '0') AND e.enrolled_at < sc.until_day"
        return """
            \(name) AS (
                \(select)
                JOIN \(facts) e ON e.badge_id = sc.badge_id AND \(days)
                WHERE sc.badge IS NOT NULL AND (sc.organization IS NULL OR e.organization_id = sc.organization_id)
                UNION ALL
                \(select)
                JOIN \(facts) e ON e.organization_id = sc.organization_id AND \(days)
                WHERE sc.badge IS NULL AND sc.organization IS NOT NULL
                UNION ALL
                \(select)
                JOIN \(facts) e ON \(dialect.unindexed("e.enrolled_at")) < sc.until_day
                WHERE sc.badge IS NULL AND sc.organization IS NULL AND sc.from_day IS NULL
                UNION ALL
                \(select)
                JOIN \(facts) e ON e.enrolled_at >= sc.from_day AND e.enrolled_at < sc.until_day
                WHERE sc.badge IS NULL AND sc.organization IS NULL
            )
            """
    }

    /// The condition of a completion counted by the day it happened, for a `scoped` or
    /// `finished` row `s`.
    static func doneInWindow(_ row: String = "s") -> String {
        "\(row).status = 'completed' AND \(row).completed_at IS NOT NULL "
            + "AND \(row).completed_at < \(row).done_until "
            + "AND (\(row).done_from IS NULL OR \(row).completed_at >= \(row).done_from)"
    }

    /// `medians AS (…)`: the median seconds from enrollment to completion per scope and
    /// `badge_id` (column `q1`), over the completed `scoped` rows that have a `completed_at`.
    /// - Parameter condition: more of the `WHERE`, such as `readWhole`'s.
    static func completionMedians(_ dialect: any SQLDialect, _ condition: String = "") -> String {
        let source = """
            SELECT s.scope, s.badge_id, s.seconds AS seconds
            FROM scoped s WHERE s.seconds IS NOT NULL\(condition)
            """
        return
            "medians AS (\n\(dialect.quantiles([0.5], of: "seconds", by: ["scope", "badge_id"], from: source))\n)"
    }

    private func text(_ value: String?) -> String {
        value.map(Scope.literal) ?? "NULL"
    }

    private func date(_ value: CivilDate?) -> String {
        value.map(Scope.literal) ?? "NULL"
    }
}

extension ScopeList.Row: CustomStringConvertible {
    /// The row's columns that are set, as `column = literal`, in the list's order.
    var description: String {
        let fields: [(String, String?)] = [
            ("badge", badge.map(Scope.literal)), ("organization", organization.map(Scope.literal)),
            ("from_day", from.map(Scope.literal)), ("until_day", Scope.literal(until)),
            ("through_day", Scope.literal(through)), ("done_from", doneFrom.map(Scope.literal)),
            ("done_until", doneUntil.map(Scope.literal)), ("focus", focus.map(Scope.literal)),
            ("granularity", granularity.map(Scope.literal)),
        ]
        return fields.compactMap { name, value in value.map { "\(name) = \($0)" } }
            .joined(separator: ", ")
    }
}
