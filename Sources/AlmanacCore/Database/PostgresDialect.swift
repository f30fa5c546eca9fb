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

    /// The column's type is a number (`almanac check`'s types); a fraction is not whole.
    public func isWholeNumber(_ value: String) -> String {
        "(\(value) IS NOT NULL AND \(value) = floor(\(value)))"
    }

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
    // The catalogue rather than `information_schema`, which hides what the role may not read
    // (a blind test's table without SELECT was "missing") and materialized views.
    public var tableNamesQuery: String {
        """
        SELECT c.relname::text FROM pg_catalog.pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'f', 'p', 'm')
        """
    }

    public var columnNamesQuery: String {
        """
        SELECT a.attname::text FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ?
          AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
        """
    }

    public var columnTypesQuery: String? {
        """
        SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
               t.typcategory::text, has_column_privilege(c.oid, a.attnum, 'SELECT')
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE c.relnamespace = current_schema()::regnamespace
          AND c.relname IN ('organizations', 'users', 'badges', 'enrollments')
        ORDER BY array_position(ARRAY['organizations', 'users', 'badges', 'enrollments'], c.relname::text), a.attnum
        """
    }
}
