/// Every engine-specific SQL spelling lives here, so that a PostgreSQL dialect is one new
/// conformance rather than a hunt through the analytics.
public protocol SQLDialect: Sendable {
    /// Days from `start` to `end` as a real number.
    func daysBetween(_ start: String, _ end: String) -> String
    /// A condition that holds when `column` is an ISO 8601 date or UTC date-time.
    func isISOTimestamp(_ column: String) -> String
    /// A condition that holds when `column` holds a number rather than text.
    func isNumeric(_ column: String) -> String
    /// A timestamp as a real day number, for differences in days.
    func dayNumber(_ column: String) -> String
    /// The calendar day (`YYYY-MM-DD`) of a timestamp column.
    func day(_ column: String) -> String
    /// Lists the user tables.
    var tableNamesQuery: String { get }
    /// Lists the columns of the table bound as the first parameter, name in column 0.
    var columnNamesQuery: String { get }
}

/// SQLite's spelling: `julianday`, `date` and the `sqlite_master` catalogue.
public struct SQLiteDialect: SQLDialect {
    public init() {}

    public func daysBetween(_ start: String, _ end: String) -> String {
        "(julianday(\(end)) - julianday(\(start)))"
    }

    public func isISOTimestamp(_ column: String) -> String {
        // GLOB pins the shape. Adding zero days makes date() normalise an impossible day
        // (2024-02-30 becomes 2024-03-01), so it no longer equals the text.
        """
        ((\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
        OR \(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]') \
        AND date(\(column), '+0 days') = substr(\(column), 1, 10))
        """
    }

    public func isNumeric(_ column: String) -> String {
        "typeof(\(column)) IN ('integer', 'real')"
    }

    public func dayNumber(_ column: String) -> String {
        "julianday(\(column))"
    }

    public func day(_ column: String) -> String {
        "substr(\(column), 1, 10)"
    }

    public var tableNamesQuery: String {
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
    }

    public var columnNamesQuery: String {
        "SELECT name FROM pragma_table_info(?)"
    }
}
