import AlmanacCore
import ArgumentParser
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a database against the schema in docs/schema.md.")

    @Option(help: "The SQLite database to check.")
    var db: String

    func run() async throws {
        let report: SchemaReport
        do {
            let connection = try SQLiteConnection(path: db)
            report = try SchemaChecker().check(connection)
        } catch {
            throw fail(String(describing: error))
        }
        if report.findings.isEmpty {
            print("\(db): OK")
            return
        }
        print("\(db): \(report.errors.count) error(s), \(report.warnings.count) warning(s)")
        for finding in report.findings {
            print("  \(finding.severity == .error ? "✗" : "⚠") \(finding.description)")
        }
        if report.hasErrors { throw ExitCode.failure }
    }
}
