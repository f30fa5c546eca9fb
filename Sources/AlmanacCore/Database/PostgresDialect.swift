/// PostgreSQL's spelling: the `information_schema` views of the current schema.
public struct PostgresDialect: SQLDialect {
    public init() {}

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
