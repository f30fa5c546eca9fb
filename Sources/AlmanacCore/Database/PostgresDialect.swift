/// PostgreSQL's spelling: the `information_schema` views of the current schema, `COLLATE "C"`,
/// date arithmetic and `percentile_cont`. The columns are text, as in docs/schema.md.
public struct PostgresDialect: SQLDialect {
    public init() {}

    /// Every statement runs in a read-only transaction, which cannot create a temporary
    /// table: each defines the relations it reads.
    public var readsTemporaryTables: Bool { false }

    public func readingTemporaryTables() -> any SQLDialect { self }

    public var name: String { "postgresql" }

    /// A database's default collation may sort by language rules; "C" compares bytes, which
    /// for UTF-8 is code point order, as SQLite does.
    public func binary(_ text: String) -> String { "(\(text) COLLATE \"C\")" }

    /// The ISO day of the week counts from Monday = 1; a date minus an integer is a date.
    public func weekStart(_ timestamp: String) -> String {
        let day = "CAST(substr(\(timestamp), 1, 10) AS date)"
        return "to_char(\(day) - (CAST(extract(isodow FROM \(day)) AS integer) - 1), 'YYYY-MM-DD')"
    }

    public func epochSeconds(_ timestamp: String) -> String {
        "CAST(extract(epoch FROM CAST(\(timestamp) AS timestamp)) AS bigint)"
    }

    /// A regular expression checks the shape and the time; the month's length checks the day
    /// (a cast would fail the whole statement on the first bad row instead of counting it).
    public func isTimestamp(_ text: String) -> String {
        let shape = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?$"
        return "(CASE WHEN \(text) IS NULL OR NOT (CAST(\(text) AS text) ~ '\(shape)') THEN 0 "
            + "WHEN \(isCalendarDay("CAST(\(text) AS text)")) THEN 1 ELSE 0 END) = 1"
    }

    /// A `double precision` column holds nothing but numbers; NULL is not one.
    public func isNumber(_ value: String) -> String { "(\(value) IS NOT NULL)" }

    public var unlimited: String { "LIMIT ALL" }

    /// PostgreSQL's planner has the column's statistics and picks a scan by itself.
    public func unindexed(_ expression: String) -> String { expression }

    public func quantiles(
        _ fractions: [Double], of value: String, by keys: [String], from source: String,
        counted: String?
    )
        -> String
    {
        let columns = fractions.enumerated().map { number, fraction in
            "percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY \(value)) AS q\(number + 1)"
        }
        let count = counted.map { ["count(*) AS \($0)"] } ?? []
        return """
            SELECT \((keys + columns + count).joined(separator: ",\n       "))
            FROM (\(source)) AS quantile_source
            \(keys.isEmpty ? "" : "GROUP BY \(keys.joined(separator: ", "))")
            """
    }

    /// Plain, partitioned ('BASE TABLE') and foreign tables, and views, of the first schema
    /// on the search path; a sharded layout's parent tables count like plain ones.
    public var tableNamesQuery: String {
        """
        SELECT table_name::text FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'VIEW', 'FOREIGN')
        """
    }

    public var columnNamesQuery: String {
        """
        SELECT column_name::text FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
        """
    }
}
