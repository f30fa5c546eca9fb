import AlmanacCore
import ArgumentParser
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a database against the schema (`almanac schema` prints it).",
        discussion: """
            Lists every problem with a count and an example row id on standard error, and \
            exits 1 when one would make the numbers wrong. `almanac schema` prints the tables.

            Without --db, it checks the database that `database:` in the questions file names, \
            as `build` would.

            Examples:
              almanac check
              almanac check --db data/export.db
              almanac check --db postgres://me@db.example.org/lms
            """)

    @Option(
        help:
            "The SQLite file or postgres:// URL to check (default: `database:` in the questions file)."
    )
    var db: String?

    @Option(help: "The questions file whose `database:` to check when --db is not given.")
    var questions = "questions.yaml"

    @OptionGroup var statementTimeout: StatementTimeout

    func run() async throws {
        let report: SchemaReport
        let place: String
        do {
            let location: DatabaseLocation
            if let db {
                location = DatabaseLocation(
                    db,
                    statementTimeout: statementTimeout.milliseconds
                        ?? PostgresConnection.defaultStatementTimeout)
            } else {
                let file = try QuestionLoader().load(contentsOf: questions, files: DiskFileSystem())
                location = try file.databaseLocation(
                    override: nil, timeout: statementTimeout.milliseconds)
            }
            let connection = try location.open()
            // The connection's location: what libpq filled in from PG* variables too, and
            // never a password.
            place =
                location.isPostgres
                ? "\(connection.location) (\(connection.engine))" : connection.location
            // A damaged file passed every rule whose rows SQLite could still read (blind test
            // 45): its pages are checked first, on a file the user asked to check.
            if !location.isPostgres {
                let verdict = try connection.rows("PRAGMA quick_check(1)") { $0.string(0) ?? "" }
                if let problem = verdict.first, problem != "ok" {
                    let line = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
                    throw DatabaseError(path: connection.location, reason: .damaged(line))
                }
            }
            report = try SchemaChecker().check(connection)
        } catch {
            throw fail(String(describing: error))
        }
        if report.findings.isEmpty {
            print("\(place): OK")
            return
        }
        // Findings go to standard error, where scripts watch for failures.
        Terminal.error(
            "\(place): \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        for finding in report.findings {
            Terminal.error("  \(finding.severity == .error ? "✗" : "⚠") \(finding.description)")
        }
        if report.hasErrors {
            Terminal.error("The tables and rules: `almanac schema` (docs/schema.md).")
            throw ExitCode.failure
        }
    }
}
