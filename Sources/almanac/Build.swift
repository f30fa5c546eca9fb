import AlmanacCore
import ArgumentParser
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the report site from questions.yaml and a SQLite database.")

    @Option(help: "The SQLite database (default: `database:` in the questions file).")
    var db: String?

    @Option(help: "The questions file.")
    var questions = "questions.yaml"

    @Option(help: "The output folder.")
    var out = "site"

    @Option(help: "A folder of templates that replace the built-in ones of the same name.")
    var templates: String?

    @Option(help: "The report date, YYYY-MM-DD (default: the latest activity in the data).")
    var asOf: CivilDate?

    @Option(help: "`local` to self-host plotly.min.js from --plotly-file, or `cdn`.")
    var plotly: PlotlyMode = .local

    @Option(help: "The plotly.min.js that `make setup` downloads.")
    var plotlyFile = "vendor/plotly/plotly.min.js"

    @Option(help: "Write every SQL statement the build ran to this file.")
    var dumpSQL: String?

    @Option(help: "How many categories a chart axis keeps before grouping the rest as Other.")
    var chartLimit = 15

    @Flag(help: "Rewrite every file, even unchanged ones.")
    var force = false

    @Flag(help: "Print only errors.")
    var quiet = false

    enum PlotlyMode: String, ExpressibleByArgument {
        case local, cdn
    }

    func validate() throws {
        if chartLimit < 2 { throw ValidationError("--chart-limit must be at least 2") }
    }

    func run() async throws {
        var options = BuildOptions(questionsPath: questions, databasePath: db, outputPath: out)
        options.templatesPath = templates
        options.asOf = asOf
        options.plotlyFromCDN = plotly == .cdn
        options.plotlyPath = plotlyFile
        options.dumpSQLPath = dumpSQL
        options.force = force
        options.chartLimit = chartLimit
        let quiet = self.quiet
        let builder = ReportBuilder(options: options, version: Almanac.version) { event in
            switch event {
            case .question(let id, let kind, let rows, let milliseconds, let narration):
                guard !quiet else { return }
                let mark = "✔"
                let rowText = rows == 1 ? "1 row" : "\(rows) rows"
                Terminal.error(
                    "\(mark) \(id.padding(toLength: max(id.count, 28), withPad: " ", startingAt: 0)) "
                        + "\(kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) "
                        + "\(rowText.leftPadded(9)) \("\(milliseconds) ms".leftPadded(8))  narration: \(narration)")
            case .warning(let message):
                if !quiet { Terminal.error("warning: " + message) }
            }
        }
        let started = ContinuousClock.now
        do {
            let summary = try await builder.build()
            guard !quiet else { return }
            let seconds = started.duration(to: .now)
            let files = summary.files
            let warnings = summary.warnings.count
            Terminal.error(
                "Built \(summary.pages) pages as of \(summary.asOf) in \(seconds.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))): "
                    + "\(files.written) files written, \(files.kept) kept, \(files.deleted) deleted."
                    + (warnings > 0 ? " \(warnings) warning\(warnings == 1 ? "" : "s")." : ""))
        } catch {
            throw fail(String(describing: error))
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
