/// The SQL condition for a question's filters, always with bound parameters: no value taken
/// from a question is ever spliced into SQL text.
struct FilterClause {
    /// Conditions on `e` (enrollments), joined with AND; "1" when empty. The organization
    /// filter is a subquery on users, so no join is needed when it is absent.
    var condition: String
    var bindings: [SQLValue]

    init(_ filters: Filters, badge includeBadge: Bool = true, dateColumn: String = "e.enrolled_at") {
        var conditions: [String] = []
        var bindings: [SQLValue] = []
        if includeBadge, let badge = filters.badge {
            conditions.append("e.badge_id = (SELECT id FROM badges WHERE name = ?)")
            bindings.append(.text(badge))
        }
        if let organization = filters.organization {
            conditions.append(
                "e.user_id IN (SELECT id FROM users WHERE organization_id = (SELECT id FROM organizations WHERE name = ?))")
            bindings.append(.text(organization))
        }
        if let range = filters.dateRange {
            // ISO 8601 text sorts as time does, so a date bound compares correctly with
            // both `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS` values.
            if let start = range.start {
                conditions.append("\(dateColumn) >= ?")
                bindings.append(.text(start.description))
            }
            if let end = range.end {
                conditions.append("\(dateColumn) < ?")
                bindings.append(.text(end.description))
            }
        }
        self.condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        self.bindings = bindings
    }
}

/// Days from enrolled_at to completed_at of completed enrollments, the input of every
/// `median_days_to_complete`.
enum CompletionTimes {
    static func byBadge(_ db: any DatabaseConnection, _ filter: FilterClause) throws -> [Int: [Double]] {
        var durations: [Int: [Double]] = [:]
        try db.query(
            """
            SELECT e.badge_id, \(db.dialect.daysBetween("e.enrolled_at", "e.completed_at"))
            FROM enrollments e
            WHERE e.status = 'completed' AND e.completed_at IS NOT NULL AND \(filter.condition)
            """, filter.bindings
        ) { row in
            durations[row.int(0), default: []].append(row.double(1))
        }
        return durations
    }
}
