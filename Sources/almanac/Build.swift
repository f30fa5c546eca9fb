import AlmanacCore
import ArgumentParser
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the report site from questions.yaml and a SQLite or PostgreSQL database.",
        usage: "almanac build [--db <db>] [--questions <questions>] [--out <out>] [<options>]",
        discussion: """
            Templates come from --templates, else templates/ beside the questions file, else \
            the built-in set. Exit status: 0 success, 1 failure, 2 a usage error, 3 an alert \
            under --fail-on-alert.

            Examples:
              almanac build                    # questions.yaml and its database: site/
              almanac build --db data/export.db --out public
              almanac build --db postgres://me@db.example.org/lms --as-of 2026-09-30
              almanac build --fail-on-alert    # in CI: exit 3 when an alert fires
            """)

    @OptionGroup var flags: BuildFlags

    @OptionGroup(title: "Build") var run: BuildRun

    /// `--timings`: each phase's wall time, the SQL plan, and the statements and SQLite VM
    /// steps, one line each.
    static func timingLines(_ summary: BuildSummary) -> [String] {
        summary.phases.map {
            "phase \($0.name) \(NumberText.decimal($0.milliseconds, places: 1)) ms"
        }
            + summary.plan.map {
                "plan \($0.name): \($0.scopes) scopes, \(NumberText.count($0.rows)) rows, \($0.milliseconds) ms"
            }
            + [
                "sql: \(NumberText.count(summary.execution.statements)) statements, "
                    + "\(NumberText.count(summary.execution.vmSteps)) SQLite VM steps"
            ]
    }

    /// The search index's size against the site's, which the README promises stays under 5 %.
    static func searchLine(_ summary: BuildSummary) -> String {
        let percent = Double(summary.searchIndexBytes) * 100 / Double(max(summary.siteBytes, 1))
        return "Search index: \(NumberText.count(summary.searchIndexBytes)) bytes, "
            + "\(NumberText.decimal(percent, places: 2)) % of the site's \(NumberText.count(summary.siteBytes)) bytes."
    }

    func run() async throws {
        var options = try flags.options()
        options.dumpSQLPath = run.dumpSQL
        options.force = run.force
        options.strict = run.strict
        let (quiet, timings, failOnAlert) = (run.quiet, run.timings, run.failOnAlert)
        let progress = ProgressReporter(quiet: quiet)
        let builder = ReportBuilder(
            options: options, version: Almanac.version,
            environment: .live { progress.handle($0) })
        let started = ContinuousClock.now
        do {
            let summary = try await builder.build()
            progress.finish()
            if timings { Build.timingLines(summary).forEach(Terminal.error) }
            if failOnAlert && !summary.alerts.isEmpty && quiet { throw ExitCode(3) }
            guard !quiet else { return }
            let seconds = started.duration(to: .now)
            let warnings = summary.warnings.count
            Terminal.error(
                "Built \(summary.pages) \(summary.pages == 1 ? "page" : "pages") as of \(summary.asOf) in \(seconds.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))): "
                    + "\(summary.files)"
                    + (warnings > 0 ? " \(warnings) warning\(warnings == 1 ? "" : "s")." : "")
                    + (summary.alerts.isEmpty
                        ? ""
                        : " \(summary.alerts.count) alert\(summary.alerts.count == 1 ? "" : "s") triggered.")
            )
            if summary.siteBytes > 0 {
                Terminal.error(Build.searchLine(summary))
            }
            if failOnAlert && !summary.alerts.isEmpty { throw ExitCode(3) }
        } catch let code as ExitCode {
            throw code
        } catch {
            progress.finish()
            throw fail(String(describing: error))
        }
    }
}

/// What only `build` does: the SQL dump, forcing, alerts as an exit status, and how much it
/// prints.
struct BuildRun: ParsableArguments {
    @Option(help: "Write every SQL statement the build ran to this file (outside --out).")
    var dumpSQL: String?

    @Flag(help: "Rewrite every file, even unchanged ones.")
    var force = false

    @Flag(
        help:
            "Exit with status 3 when an alert of questions.yaml is triggered (the site is still written)."
    )
    var failOnAlert = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(
        help:
            "Print the wall time of each phase (load, match, sql, narration, render: each question's charts and files, write), the SQL plan, and the statements and SQLite VM steps."
    )
    var timings = false

    @Flag(help: "Turn every warning into an error; the previous site is left untouched.")
    var strict = false
}
