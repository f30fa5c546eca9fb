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
        if let count {
            // "1 enrollment with …", "3 enrollments with …"
            if count == 1, let space = text.firstIndex(of: " "), text[..<space].hasSuffix("s") {
                text = String(text[..<text.index(before: space)]) + text[space...]
            }
            text = "\(count) " + text
        }
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

    /// Checks the structure, then every row in one pass (the same pass a build makes).
    /// - Throws: `DatabaseError.empty` when the database has no tables at all.
    public func check(_ db: any DatabaseConnection) throws -> SchemaReport {
        let missing = try structure(db)
        guard missing.isEmpty else { return SchemaReport(findings: missing) }
        let scan = try EnrollmentScan(db: db)
        try scan.run([])
        return SchemaReport(findings: scan.validator.findings)
    }

    /// Every missing table and column; empty when the structure is complete.
    /// - Throws: `DatabaseError.empty` when the database has no tables at all.
    public func structure(_ db: any DatabaseConnection) throws -> [SchemaFinding] {
        let tables = Set(try db.rows(db.dialect.tableNamesQuery) { $0.string(0) ?? "" })
        if tables.isEmpty {
            throw DatabaseError(path: db.location, reason: .empty)
        }
        var findings: [SchemaFinding] = []
        for (table, columns) in Schema.tables {
            guard tables.contains(table) else {
                findings.append(.init(severity: .error, message: "missing table \(table)"))
                continue
            }
            let present = Set(try db.rows(db.dialect.columnNamesQuery, [.text(table)]) {
                $0.string(0) ?? ""
            })
            for column in columns where !present.contains(column) {
                findings.append(.init(severity: .error, message: "missing column \(table).\(column)"))
            }
        }
        return findings
    }
}
