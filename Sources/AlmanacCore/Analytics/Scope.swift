/// The enrollments a question counts: its badge, organization and date filters, and nothing
/// after the as-of date; one row of a `ScopeList`, which every analysis statement starts from.
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

    static func literal(_ date: CivilDate) -> String { "'\(date)'" }

    static func literal(_ text: String) -> String { SQLValue.text(text).literal }

    /// Seconds from enrollment to completion of a completed row with a `completed_at`, NULL
    /// otherwise; `row` is the alias of an enrollment's row.
    static func secondsToComplete(_ dialect: any SQLDialect, of row: String) -> String {
        "CASE WHEN \(row).status = 'completed' AND \(row).completed_at IS NOT NULL THEN "
            + "\(dialect.epochSeconds("\(row).completed_at")) - \(dialect.epochSeconds("\(row).enrolled_at")) END"
    }

    /// How many `scoped` rows (alias `s`) have a status.
    static func statusCount(_ status: String, _ dialect: any SQLDialect) -> String {
        "sum(\(dialect.flag("s.status = '\(status)'")))"
    }

    /// The organization's display name: `(no organization)` for learners with none.
    static let organizationName = "coalesce(o.name, '\(noOrganization)')"

    static let noOrganization = DisplayName.noOrganization
}
