/// `almanac schema`: the tables of docs/schema.md as SQL to run, for SQLite or PostgreSQL,
/// with the rules that the SQL cannot say as comments. The statements are the ones
/// `almanac seed` runs, so what it prints is what the demo is made of.
public enum SchemaScript {
    public enum Engine: String, CaseIterable, Sendable {
        case sqlite, postgres

        var title: String {
            switch self {
            case .sqlite: "SQLite (3.39 or later): almanac schema --engine sqlite | sqlite3 FILE"
            case .postgres: "PostgreSQL (15 or later): almanac schema --engine postgres | psql URL"
            }
        }
    }

    /// The rules of docs/schema.md that a CREATE TABLE does not enforce, as SQL comments.
    static let rules = """
        -- The four tables Almanac reads (docs/schema.md); extra tables and columns are ignored.
        -- Dates are ISO 8601 text in UTC: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.
        -- status is one of 'enrolled', 'in_progress', 'completed', 'dropped'; progress is a
        -- number from 0 to 1; completed_at is set when status is 'completed' and is never
        -- earlier than enrolled_at; users.organization_id may be NULL (no organization).
        -- `almanac check --db PATH|URL` lists every row that breaks a rule.
        """

    /// The statements that create the four tables and the indexes the build uses.
    public static func sql(for engine: Engine) -> String {
        let tables =
            switch engine {
            case .sqlite: DemoSeeder.schemaSQL
            case .postgres: DemoSeeder.postgresSchemaSQL
            }
        return tables + "\n" + DemoSeeder.indexSQL + "\n"
    }

    /// The rules, then the SQL of `engine`, or of both engines one after the other.
    public static func text(for engine: Engine?) -> String {
        let engines = engine.map { [$0] } ?? Engine.allCases
        return rules + "\n"
            + engines.map { "\n-- \($0.title)\n" + sql(for: $0) }.joined()
    }
}
