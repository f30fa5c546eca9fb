import AlmanacCore
import ArgumentParser

struct Schema: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the database schema, as SQL that creates it in SQLite or PostgreSQL.",
        discussion: """
            The four tables Almanac reads (docs/schema.md), with the indexes the build uses and \
            the rules that the SQL cannot say as comments. Pipe one engine's SQL into its \
            client to create an empty database, fill it with your export, then run \
            `almanac check --db` on it.

            Examples:
              almanac schema
              almanac schema --engine sqlite | sqlite3 data/platform.db
              almanac schema --engine postgres | psql postgres://user@host/dbname
            """)

    @Option(help: "Only this engine's SQL: sqlite or postgres (default: both).")
    var engine: SchemaScript.Engine?

    func run() async throws {
        print(SchemaScript.text(for: engine), terminator: "")
    }
}

extension SchemaScript.Engine: ExpressibleByArgument {}
