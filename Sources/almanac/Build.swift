import AlmanacCore
import ArgumentParser
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the report site from questions.yaml and a SQLite or PostgreSQL database.")

    @Option(help: "A SQLite file or a postgres:// URL (default: `database:` in the questions file).")
    var db: String?

    @OptionGroup var statementTimeout: StatementTimeout

    @Option(help: "The questions file.")
    var questions = "questions.yaml"

    @Option(help: "The output folder.")
    var out = "site"

    @Option(help: "A folder of templates that replace the built-in ones of the same name.")
    var templates: String?

    @Option(help: "The report date, YYYY-MM-DD (default: the latest activity in the data).")
    var asOf: CivilDate?

    @Option(help: "`local` to self-host plotly.min.js (the copy inside this binary, or --plotly-file), or `cdn`.")
    var plotly: PlotlyMode = .local

    @Option(help: "A plotly.min.js to self-host instead of the copy inside this binary.")
    var plotlyFile: String?

    @Option(help: "Write every SQL statement the build ran to this file.")
    var dumpSQL: String?

    @Option(help: "How many categories a chart axis keeps before grouping the rest as Other.")
    var chartLimit = 15

    @Option(help: "How many language-model requests may be in flight at once.")
    var jobs = 4

    @Flag(help: "Rewrite every file, even unchanged ones.")
    var force = false

    @OptionGroup(title: "Language model")
    var modelFlags: ModelFlags

    @Flag(help: "Fail when an answer quotes a figure that is not in its data.")
    var requireGrounded = false

    @Flag(help: "Print only errors.")
    var quiet = false

    @Flag(help: "Print the wall time of each phase (load, match, sql, charts, narration, render, write).")
    var timings = false

    @Flag(help: "Turn every warning into an error; the previous site is left untouched.")
    var strict = false

    enum PlotlyMode: String, ExpressibleByArgument {
        case local, cdn
    }

    func validate() throws {
        if let problem = NumericFlag.problem("--chart-limit", chartLimit, in: FlagBounds.chartLimit) {
            throw ValidationError(problem)
        }
        if let problem = NumericFlag.problem("--jobs", jobs, in: FlagBounds.jobs) { throw ValidationError(problem) }
    }

    func run() async throws {
        var options = BuildOptions(questionsPath: questions, databasePath: db, outputPath: out)
        options.statementTimeout = statementTimeout.milliseconds
        options.homeFolder = FileManager.default.homeDirectoryForCurrentUser.path
        options.templatesPath = templates
        options.asOf = asOf
        options.plotlyFromCDN = plotly == .cdn
        options.plotlyPath = plotlyFile
        options.dumpSQLPath = dumpSQL
        options.force = force
        options.chartLimit = chartLimit
        options.strict = strict
        options.jobs = jobs
        options.llm = try modelFlags.options()
        options.requireGrounded = requireGrounded
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            options.toolIdentity = "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")"
        }
        let progress = ProgressReporter(quiet: quiet)
        let builder = ReportBuilder(options: options, version: Almanac.version) { progress.handle($0) }
        let started = ContinuousClock.now
        do {
            let summary = try await builder.build()
            progress.finish()
            if timings {
                for phase in summary.phases {
                    Terminal.error("phase \(phase.name) \(NumberText.decimal(phase.milliseconds, places: 1)) ms")
                }
            }
            guard !quiet else { return }
            let seconds = started.duration(to: .now)
            let files = summary.files
            let warnings = summary.warnings.count
            Terminal.error(
                "Built \(summary.pages) pages as of \(summary.asOf) in \(seconds.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))): "
                    + "\(files.written) \(files.written == 1 ? "file" : "files") written, \(files.kept) kept, \(files.deleted) deleted."
                    + (warnings > 0 ? " \(warnings) warning\(warnings == 1 ? "" : "s")." : ""))
        } catch {
            progress.finish()
            throw fail(String(describing: error))
        }
    }
}
