extension SchemaChecker {
    /// The kind of value each column must hold, by its type's category (PostgreSQL's
    /// `typcategory`): numbers, or text (an enum reads as text too). Dates are ISO 8601 text.
    private static let expected: [String: (categories: Set<String>, wanted: String)] = {
        let number = (Set(["N"]), "a number (bigint, integer or double precision)")
        let text = (Set(["S", "E"]), "text")
        let date = (Set(["S"]), "ISO 8601 text, not a date or timestamp type")
        return [
            "organizations.id": number, "organizations.name": text, "users.id": number,
            "users.name": text, "users.organization_id": number, "users.joined_at": date,
            "badges.id": number, "badges.name": text, "badges.category": text,
            "enrollments.id": number, "enrollments.user_id": number,
            "enrollments.badge_id": number, "enrollments.enrolled_at": date,
            "enrollments.status": text, "enrollments.progress": number,
            "enrollments.completed_at": date,
        ]
    }()

    /// The columns of the four tables that this connection may not read, or whose type holds
    /// another kind of value than the schema's: a blind test's `progress` of type text gave
    /// "operator does not exist: text < integer" and 26 lines of SQL, a `joined_at` of type
    /// date passed the check and failed the build on an innocent question, and a table the
    /// role could not read was reported missing.
    func columnTypes(_ db: any DatabaseConnection) throws -> [SchemaFinding] {
        guard let query = db.dialect.columnTypesQuery else { return [] }
        var unreadable: [String: [String]] = [:]
        var findings: [SchemaFinding] = []
        try db.query(query, []) { row in
            let (table, column) = (row.string(0) ?? "", row.string(1) ?? "")
            let key = table + "." + column
            guard let expected = Self.expected[key] else { return }
            if row.string(4) == "f" || row.string(4) == "false" {
                unreadable[table, default: []].append(column)
            }
            let type = row.string(2) ?? "?"
            if !expected.categories.contains(row.string(3) ?? "") {
                findings.append(
                    .init(
                        severity: .error,
                        message: "\(key) is of type \(type); it must hold \(expected.wanted)"))
            }
        }
        for (table, _) in Schema.tables {
            guard let columns = unreadable[table] else { continue }
            let all = Schema.tables.first { $0.table == table }?.columns.count == columns.count
            findings.append(
                .init(
                    severity: .error,
                    message: all
                        ? "this role may not read the table \(table) (no SELECT privilege): GRANT SELECT ON \(table) TO the role"
                        : "this role may not read \(columns.map { table + "." + $0 }.joined(separator: ", ")) (no SELECT privilege): GRANT SELECT ON \(table) TO the role"
                ))
        }
        return findings
    }
}
