/// Every engine-specific SQL spelling lives here, so that a PostgreSQL dialect is one new
/// conformance rather than a hunt through the code. The analyses themselves need no
/// engine-specific SQL: they stream plain rows and compute in Swift (see `EnrollmentScan`).
public protocol SQLDialect: Sendable {
    /// Lists the user tables.
    var tableNamesQuery: String { get }
    /// Lists the columns of the table bound as the first parameter, name in column 0.
    var columnNamesQuery: String { get }
}

/// SQLite's spelling: the `sqlite_master` catalogue and `pragma_table_info`.
public struct SQLiteDialect: SQLDialect {
    public init() {}

    public var tableNamesQuery: String {
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
    }

    public var columnNamesQuery: String {
        "SELECT name FROM pragma_table_info(?)"
    }
}
