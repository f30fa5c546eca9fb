/// The tables and columns Almanac reads; extra tables and columns are allowed.
public enum Schema {
    public static let tables: [(table: String, columns: [String])] = [
        ("organizations", ["id", "name"]),
        ("users", ["id", "name", "organization_id", "joined_at"]),
        ("badges", ["id", "name", "category"]),
        ("enrollments", ["id", "user_id", "badge_id", "enrolled_at", "status", "progress",
                         "completed_at"]),
    ]

    public static let statuses = ["enrolled", "in_progress", "completed", "dropped"]
}

/// One thing `almanac check` found.
public struct SchemaFinding: Equatable, Sendable {
    public enum Severity: Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    /// How many rows have the problem; nil for structural problems.
    public var count: Int?
    /// One row id that shows it, so a user can look at a real example.
    public var exampleID: Int?

    public var description: String {
        var text = message
        if let count { text = "\(count) " + text }
        if let exampleID { text += " (e.g. id \(exampleID))" }
        return text
    }
}

/// The outcome of checking a database against `docs/schema.md`.
public struct SchemaReport: Equatable, Sendable {
    public var findings: [SchemaFinding]

    /// True when a problem would make the numbers wrong.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
    public var errors: [SchemaFinding] { findings.filter { $0.severity == .error } }
    public var warnings: [SchemaFinding] { findings.filter { $0.severity == .warning } }
}

/// Validates a database: structure first, then every row-level rule that would skew a number.
public struct SchemaChecker {
    public init() {}

    /// - Throws: `DatabaseError.empty` when the file has no tables at all.
    public func check(_ db: any DatabaseConnection) throws -> SchemaReport {
        let tables = Set(try db.rows(db.dialect.tableNamesQuery) { $0.string(0) ?? "" })
        if tables.isEmpty, let sqlite = db as? SQLiteConnection {
            throw DatabaseError(path: sqlite.path, reason: .empty)
        }
        var findings: [SchemaFinding] = []
        var complete = true
        for (table, columns) in Schema.tables {
            guard tables.contains(table) else {
                findings.append(.init(severity: .error, message: "missing table \(table)"))
                complete = false
                continue
            }
            let present = Set(try db.rows(db.dialect.columnNamesQuery, [.text(table)]) {
                $0.string(0) ?? ""
            })
            for column in columns where !present.contains(column) {
                findings.append(
                    .init(severity: .error, message: "missing column \(table).\(column)"))
                complete = false
            }
        }
        guard complete else { return SchemaReport(findings: findings) }

        for rule in rowRules(db.dialect) {
            var count = 0
            var example: Int?
            try db.query(
                "SELECT count(*), min(id) FROM \(rule.table) WHERE \(rule.condition)", []
            ) { row in
                count = row.int(0)
                example = row.isNull(1) ? nil : row.int(1)
            }
            if count > 0 {
                findings.append(
                    .init(severity: rule.severity, message: rule.message, count: count,
                          exampleID: example))
            }
        }
        if try db.scalarInt("SELECT count(*) FROM enrollments") == 0 {
            findings.append(
                .init(severity: .error, message: "the enrollments table has no rows: nothing to report"))
        }
        return SchemaReport(findings: findings)
    }

    private struct RowRule {
        var table: String
        var condition: String
        var message: String
        var severity: SchemaFinding.Severity = .error
    }

    private func rowRules(_ dialect: any SQLDialect) -> [RowRule] {
        let statuses = Schema.statuses.map { "'\($0)'" }.joined(separator: ", ")
        return [
            RowRule(
                table: "enrollments", condition: "status IS NULL OR status NOT IN (\(statuses))",
                message: "enrollments with a status other than \(Schema.statuses.joined(separator: ", "))"),
            RowRule(
                table: "enrollments",
                condition: "NOT \(dialect.isISOTimestamp("enrolled_at")) OR enrolled_at IS NULL",
                message: "enrollments with an unparseable enrolled_at"),
            RowRule(
                table: "enrollments",
                condition: "completed_at IS NOT NULL AND NOT \(dialect.isISOTimestamp("completed_at"))",
                message: "enrollments with an unparseable completed_at"),
            RowRule(
                table: "users",
                condition: "NOT \(dialect.isISOTimestamp("joined_at")) OR joined_at IS NULL",
                message: "users with an unparseable joined_at"),
            RowRule(
                table: "enrollments",
                condition: "progress IS NULL OR NOT \(dialect.isNumeric("progress")) OR progress < 0 OR progress > 1",
                message: "enrollments with progress outside 0…1"),
            RowRule(
                table: "enrollments",
                condition: "completed_at IS NOT NULL AND \(dialect.daysBetween("enrolled_at", "completed_at")) < 0",
                message: "enrollments with completed_at earlier than enrolled_at"),
            RowRule(
                table: "enrollments",
                condition: "user_id NOT IN (SELECT id FROM users)",
                message: "enrollments whose user_id matches no user"),
            RowRule(
                table: "enrollments",
                condition: "badge_id NOT IN (SELECT id FROM badges)",
                message: "enrollments whose badge_id matches no badge"),
            RowRule(
                table: "users",
                condition: "organization_id IS NOT NULL AND organization_id NOT IN (SELECT id FROM organizations)",
                message: "users whose organization_id matches no organization"),
            RowRule(
                table: "enrollments",
                condition: "status = 'completed' AND completed_at IS NULL",
                message: "completed enrollments with no completed_at (left out of completion times)",
                severity: .warning),
        ]
    }
}
