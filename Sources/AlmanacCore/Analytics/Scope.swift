/// The enrollments a question counts, as the `scoped` common table expression that every
/// analysis statement starts from: its badge, organization and date filters, and nothing after
/// the as-of date.
///
/// Values are written into the SQL as literals (dates are digits; names are quoted by
/// doubling `'`, which both engines read the same way), so the statement a page shows is
/// exactly the statement that ran.
struct Scope: Sendable {
    var badge: String?
    var organization: String?
    /// The first day counted, on enrolled_at.
    var from: CivilDate?
    /// The first day not counted: the end of the question's range, or the day after the as-of
    /// date when that comes first.
    var until: CivilDate

    /// - Parameters:
    ///   - badge: whether the badge filter applies (learning paths and the badge comparison
    ///     use it differently).
    ///   - window: a range that replaces the question's own (organization trends' default).
    init(_ filters: Filters, asOf: CivilDate, badge: Bool = true, window: DateRange? = nil) {
        self.badge = badge ? filters.badge : nil
        organization = filters.organization
        let range = window ?? filters.dateRange
        from = range?.start
        let tomorrow = asOf.adding(days: 1)
        until = min(range?.end ?? tomorrow, tomorrow)
    }

    /// `name AS (SELECT … FROM enrollments JOIN users …)`, one row per enrollment in scope.
    func cte(_ dialect: any SQLDialect, named name: String = "scoped") -> String {
        // Dates compare as plain text, with no COLLATE: the schema check has made every value
        // `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, which sort the same under any collation (digit
        // against digit, or a date before its own date-time), and a sharded PostgreSQL ships
        // a condition with no explicit collation to the shards.
        var conditions: [String] = []
        if let from {
            conditions.append("e.enrolled_at >= \(Self.literal(from))")
            conditions.append("e.enrolled_at < \(Self.literal(until))")
        } else {
            // Up to the as-of date keeps nearly every row: a scan, not an index range.
            conditions.append("\(dialect.unindexed("e.enrolled_at")) < \(Self.literal(until))")
        }
        if let badge {
            conditions.append(
                "e.badge_id IN (SELECT id FROM badges WHERE name = \(Self.literal(badge)))")
        }
        if let organization {
            conditions.append(
                "u.organization_id IN (SELECT id FROM organizations WHERE name = \(Self.literal(organization)))"
            )
        }
        return """
            \(name) AS (
                SELECT e.id, e.user_id, e.badge_id, u.organization_id, e.enrolled_at, e.status,
                       e.progress, e.completed_at
                FROM enrollments e
                JOIN users u ON u.id = e.user_id
                WHERE \(conditions.joined(separator: "\n      AND "))
            )
            """
    }

    static func literal(_ date: CivilDate) -> String { "'\(date)'" }

    static func literal(_ text: String) -> String { SQLValue.text(text).literal }

    /// Seconds from enrollment to completion of a completed row with a `completed_at`, NULL
    /// otherwise; `row` is the alias of a `scoped` row.
    static func secondsToComplete(_ dialect: any SQLDialect, _ row: String = "s") -> String {
        "CASE WHEN \(row).status = 'completed' AND \(row).completed_at IS NOT NULL THEN "
            + "\(dialect.epochSeconds("\(row).completed_at")) - \(dialect.epochSeconds("\(row).enrolled_at")) END"
    }

    /// How many `scoped` rows (alias `s`) have a status.
    static func statusCount(_ status: String, _ dialect: any SQLDialect) -> String {
        "sum(\(dialect.flag("s.status = '\(status)'")))"
    }

    /// `medians AS (…)`: the median seconds from enrollment to completion per `badge_id`
    /// (column `q1`), over the completed `scoped` rows that have a `completed_at`.
    static func completionMedians(_ dialect: any SQLDialect) -> String {
        let source = """
            SELECT s.badge_id, \(secondsToComplete(dialect)) AS seconds
            FROM scoped s WHERE s.status = 'completed' AND s.completed_at IS NOT NULL
            """
        return
            "medians AS (\n\(dialect.quantiles([0.5], of: "seconds", by: ["badge_id"], from: source))\n)"
    }

    /// The organization's display name: `(no organization)` for learners with none.
    static let organizationName = "coalesce(o.name, '\(noOrganization)')"

    static let noOrganization = "(no organization)"
}
