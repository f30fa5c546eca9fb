/// Every engine-specific SQL spelling lives here, so that the analyses write one statement
/// for both engines and a new engine is one new conformance. The differences are few: the
/// catalogue, text order, date bucketing, seconds between timestamps, the timestamp check and
/// quantiles. Everything else the analyses write is SQL that SQLite 3.40 and PostgreSQL 15
/// read alike.
public protocol SQLDialect: Sendable {
    /// The engine's name in the report document: `sqlite` or `postgresql`.
    var name: String { get }
    /// Lists the user tables.
    var tableNamesQuery: String { get }
    /// Lists the columns of the table bound as the first parameter, name in column 0.
    var columnNamesQuery: String { get }
    /// Each column of the four tables: table, column, its type's name and category (`N`
    /// number, `S` text, `E` enum, …) and whether this connection may read it; nil where the
    /// engine has no column types or privileges to check (SQLite).
    var columnTypesQuery: String? { get }

    /// A text expression compared and sorted by code point, whatever the database's collation.
    func binary(_ text: String) -> String
    /// The Monday (`YYYY-MM-DD`) of the week of a `YYYY-MM-DD…` text expression.
    func weekStart(_ timestamp: String) -> String
    /// Whole seconds since 1970-01-01 of a valid timestamp text expression, as an integer.
    func epochSeconds(_ timestamp: String) -> String
    /// True when an expression is a timestamp the schema allows: text of the shape
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, a day that exists and a time within the day.
    func isTimestamp(_ text: String) -> String
    /// An expression that the planner will not answer from an index: for a condition that
    /// keeps nearly every row, where reading a whole covering index beats a range lookup.
    func unindexed(_ expression: String) -> String
    /// A `LIMIT` that keeps every row: a subquery with it is computed once per row rather
    /// than merged into the query around it, so a costly column is not evaluated twice.
    var unlimited: String { get }
    /// True when a value is stored as a number (not text, not NULL).
    func isNumber(_ value: String) -> String
    /// True when a value is stored as a whole number (not text, not a fraction, not NULL).
    func isWholeNumber(_ value: String) -> String
    /// A statement selecting `keys` and one column per fraction in `fractions` (`q1`, `q2`, …), the quantiles
    /// of `value` within each group of `source` by linear interpolation between closest ranks
    /// (R's type 7, `percentile_cont`), exactly; with `counted`, also the group's rows in a
    /// column of that name, so a count of the same groups needs no grouping of its own.
    func quantiles(
        _ fractions: [Double], of value: String, by keys: [String], from source: String,
        counted: String?
    ) -> String
    /// True when the statements read the build's temporary tables (`almanac_facts`, …),
    /// which the runner made on every connection, rather than defining those relations in
    /// their own `WITH`.
    var readsTemporaryTables: Bool { get }
    /// This dialect for statements that read the build's temporary tables; itself for an
    /// engine whose build keeps none.
    func readingTemporaryTables() -> any SQLDialect
}

// MARK: - Shared spellings

extension SQLDialect {
    public var columnTypesQuery: String? { nil }

    /// `1` when a condition holds, else `0`: sums of it count rows on both engines.
    public func flag(_ condition: String) -> String {
        "CASE WHEN \(condition) THEN 1 ELSE 0 END"
    }

    /// `numerator / denominator` rounded half away from zero to `places` decimals, computed in
    /// integers so that both engines give the same digits (real division and each engine's
    /// `round` do not agree); 0 when the denominator is 0. Both must be non-negative integers.
    public func ratio(_ numerator: String, _ denominator: String, places: Int) -> String {
        let scale = (0..<places).reduce(1) { value, _ in value * 10 }
        // PostgreSQL's sum() of integers is numeric, whose division is not integer division.
        let n = "CAST(\(numerator) AS BIGINT)"
        let d = "CAST(\(denominator) AS BIGINT)"
        return
            "CASE WHEN \(d) = 0 THEN 0.0 ELSE ((\(2 * scale) * \(n) + \(d)) / (2 * \(d))) / \(scale).0 END"
    }

    /// `quantiles(…)` without the count.
    public func quantiles(
        _ fractions: [Double], of value: String, by keys: [String], from source: String
    ) -> String {
        quantiles(fractions, of: value, by: keys, from: source, counted: nil)
    }

    /// A duration in seconds, which may end in .5 (a median of two), as days rounded to 1
    /// decimal; NULL stays NULL.
    public func days(_ seconds: String) -> String {
        "CASE WHEN \(seconds) IS NULL THEN NULL ELSE "
            + ratio("CAST(2 * (\(seconds)) AS BIGINT)", "172800", places: 1) + " END"
    }

    /// True when the `YYYY-MM-DD` prefix of a text expression (already of that shape) is a
    /// day that exists. Two-digit text compares cost far less per row than a date function,
    /// and the year is read only for the 29th of February.
    public func isCalendarDay(_ text: String) -> String {
        let month = "substr(\(text), 6, 2)"
        let day = "substr(\(text), 9, 2)"
        let year = "CAST(substr(\(text), 1, 4) AS INTEGER)"
        let leap = "(\(year) % 4 = 0 AND (\(year) % 100 <> 0 OR \(year) % 400 = 0))"
        // Year 0 does not exist in PostgreSQL's calendar (nor in ISO 8601 without agreement).
        return
            "(CASE WHEN substr(\(text), 1, 4) = '0000' OR \(month) < '01' OR \(month) > '12' OR \(day) < '01' THEN 0 "
            + "WHEN \(day) <= (CASE \(month) WHEN '02' THEN '28' WHEN '04' THEN '30' WHEN '06' THEN '30' "
            + "WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END) THEN 1 "
            + "WHEN \(month) = '02' AND \(day) = '29' AND \(leap) THEN 1 ELSE 0 END) = 1"
    }

    /// A valid timestamp as text that sorts in time order: a bare date gets its midnight.
    public func sortableTimestamp(_ text: String) -> String {
        binary("CASE WHEN length(\(text)) = 10 THEN \(text) || 'T00:00:00' ELSE \(text) END")
    }
}

// MARK: - SQLite

/// SQLite's spelling: the `sqlite_master` catalogue, `date()` modifiers and window functions.
public struct SQLiteDialect: SQLDialect {
    public var readsTemporaryTables = false

    public init() {}

    public func readingTemporaryTables() -> any SQLDialect {
        var dialect = self
        dialect.readsTemporaryTables = true
        return dialect
    }

    public var name: String { "sqlite" }

    public var tableNamesQuery: String {
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
    }

    public var columnNamesQuery: String {
        "SELECT name FROM pragma_table_info(?)"
    }

    /// SQLite's default BINARY collation already compares UTF-8 bytes, which is code point order.
    public func binary(_ text: String) -> String { text }

    /// 'weekday 0' moves forward to the next Sunday (or stays on one); six days back is the
    /// Monday that starts the week.
    public func weekStart(_ timestamp: String) -> String {
        "date(substr(\(timestamp), 1, 10), 'weekday 0', '-6 days')"
    }

    /// `unixepoch` (SQLite 3.38) reads a timestamp about three times faster than
    /// `strftime('%s', …)`.
    public func epochSeconds(_ timestamp: String) -> String {
        "unixepoch(\(timestamp))"
    }

    /// SQLite's unary `+` keeps a term away from every index; without statistics on the
    /// dates, the planner would otherwise fetch a million rows through the date index.
    public func unindexed(_ expression: String) -> String { "+\(expression)" }

    /// GLOB checks the shape and the time's digits, then the calendar.
    public func isTimestamp(_ text: String) -> String {
        let date = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
        // GLOB and length() read up to a NUL: "2025-03-05" + NUL passed, and the build then
        // dated the report by the text before it (an attack run). The bytes are the
        // characters', no more, in UTF-8 or UTF-16 (a character of a date is one unit: 'a').
        return "(CASE WHEN typeof(\(text)) <> 'text' THEN 0 "
            + "WHEN length(CAST(\(text) AS BLOB)) <> length(\(text)) * length(CAST('a' AS BLOB)) THEN 0 "
            + "WHEN NOT ((\(text) GLOB '\(date)T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]' "
            + "AND substr(\(text), 12, 2) < '24') OR \(text) GLOB '\(date)') THEN 0 "
            + "WHEN \(isCalendarDay(text)) THEN 1 ELSE 0 END) = 1"
    }

    public var unlimited: String { "LIMIT -1" }

    public func isNumber(_ value: String) -> String {
        "typeof(\(value)) IN ('integer', 'real')"
    }

    /// 1.0 groups and joins with 1 (a nullable id exported by pandas is a real); text '1'
    /// does not.
    public func isWholeNumber(_ value: String) -> String {
        "(typeof(\(value)) = 'integer' OR (typeof(\(value)) = 'real' AND \(value) = CAST(\(value) AS INTEGER)))"
    }

    /// SQLite has no `percentile_cont`: each value is ranked within its group, and the two
    /// ranks around `p × (n − 1)` are interpolated, as `percentile_cont` does. The rank and
    /// the group's size share one window (the whole group as its frame), so one sort serves
    /// both; only the rows of those ranks go on to the grouping, so it sorts a few rows per
    /// group rather than every row again.
    public func quantiles(
        _ fractions: [Double], of value: String, by keys: [String], from source: String,
        counted: String?
    )
        -> String
    {
        let keyList = keys.joined(separator: ", ")
        let partition = keys.isEmpty ? "" : "PARTITION BY \(keyList) "
        let columns = fractions.enumerated().map { number, fraction -> String in
            let position = "\(fraction) * (n - 1)"
            let lower = "CAST(\(position) AS INTEGER)"
            let low = "max(CASE WHEN r = \(lower) THEN v END)"
            let high = "coalesce(max(CASE WHEN r = \(lower) + 1 THEN v END), \(low))"
            return "\(low) + (\(high) - \(low)) * max(\(position) - \(lower)) AS q\(number + 1)"
        }
        // Every group keeps the row of rank `lower`, which carries the group's size `n`.
        let count = counted.map { ["max(n) AS \($0)"] } ?? []
        let selected = (keys + columns + count).joined(separator: ",\n       ")
        let ranks = fractions.map { fraction in
            let lower = "CAST(\(fraction) * (n - 1) AS INTEGER)"
            return "r = \(lower) OR r = \(lower) + 1"
        }
        return """
            SELECT \(selected)
            FROM (SELECT \(keys.isEmpty ? "" : keyList + ", ")\(value) AS v,
                         row_number() OVER ranks - 1 AS r,
                         count(*) OVER ranks AS n
                  FROM (\(source)) AS quantile_source
                  WINDOW ranks AS (\(partition)ORDER BY \(value)
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AS ranked
            WHERE \(ranks.joined(separator: " OR "))
            \(keys.isEmpty ? "" : "GROUP BY \(keyList)")
            """
    }
}
