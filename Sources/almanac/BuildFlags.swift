import AlmanacCore
import ArgumentParser
import Foundation

/// The flags that say what to build, shared by `build` and `serve`. `--help` shows them in
/// titled sections, in this order: where the input and the site are, how to build, then the
/// language model (a titled section always comes before argument-parser's untitled OPTIONS).
struct BuildFlags: ParsableArguments {
    @OptionGroup(title: "Input and output") var place: SitePlace

    @OptionGroup(title: "Build") var statementTimeout: StatementTimeout

    @OptionGroup(title: "Build") var look: BuildLook

    @OptionGroup(title: "Language model")
    var modelFlags: ModelFlags

    var db: String? { place.db }
    var questions: String { place.questions }
    var out: String { place.out }

    /// The build options these flags and the environment describe.
    func options() throws -> BuildOptions {
        var options = BuildOptions(questionsPath: questions, databasePath: db, outputPath: out)
        options.statementTimeout = statementTimeout.milliseconds
        options.homeFolder = FileManager.default.homeDirectoryForCurrentUser.path
        options.templatesPath = BuildOptions.templatesFolder(
            flag: look.templates, questionsPath: questions, files: DiskFileSystem())
        options.templatesFromFlag = look.templates != nil
        options.asOf = look.asOf
        options.plotlyFromCDN = look.plotly == .cdn
        options.plotlyPath = look.plotlyFile
        options.chartLimit = look.chartLimit
        options.jobs = look.jobs
        options.llm = try modelFlags.options()
        options.requireGrounded = look.requireGrounded
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            options.toolIdentity =
                "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "")"
        }
        return options
    }
}

/// Where the questions, the data and the site are: the flags `--help` lists first.
struct SitePlace: ParsableArguments {
    @Option(
        help: "A SQLite file or a postgres:// URL (default: `database:` in the questions file).")
    var db: String?

    @Option(help: "The questions file.")
    var questions = "questions.yaml"

    @Option(help: "The output folder.")
    var out = "site"
}

/// How the site is built: the templates, the report date, plotly.js and the charts.
struct BuildLook: ParsableArguments {
    @Option(
        help:
            "A folder of templates that replace the built-in ones of the same name (default: templates/ beside the questions file, when it exists)."
    )
    var templates: String?

    @Option(
        parsing: .unconditional,
        help: "The report date, YYYY-MM-DD (default: the latest activity in the data).",
        transform: CivilDate.flag)
    var asOf: CivilDate?

    @Option(
        help:
            "`local` to self-host plotly.min.js (the copy inside this binary, or --plotly-file), or `cdn`."
    )
    var plotly: PlotlyMode = .local

    @Option(help: "A plotly.min.js to self-host instead of the copy inside this binary.")
    var plotlyFile: String?

    // `.unconditional`: "--jobs -1" is a value out of range, not "Missing value" for a flag
    // that looked like an option (blind test 45).
    @Option(
        parsing: .unconditional,
        help: "How many categories a chart axis keeps before grouping the rest as Other.")
    var chartLimit = 15

    @Option(
        parsing: .unconditional, help: "How many language-model requests may be in flight at once."
    )
    var jobs = 4

    @Flag(help: "Fail when an answer quotes a figure that is not in its data.")
    var requireGrounded = false

    enum PlotlyMode: String, ExpressibleByArgument {
        case local, cdn
    }

    func validate() throws {
        if let problem = CivilDate.asOfProblem(asOf) { throw ValidationError(problem) }
        // Before any statement runs: "--templates README.md" failed after the whole SQL
        // phase, saying there was no such folder.
        if let templates {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) {
                throw ValidationError("--templates: \(templates): no such folder")
            }
            if !isFolder.boolValue {
                throw ValidationError(
                    "--templates: \(templates) is a file; give the folder that holds the templates"
                )
            }
        }
        if let problem = NumericFlag.problem("--chart-limit", chartLimit, in: FlagBounds.chartLimit)
        {
            throw ValidationError(problem)
        }
        if let problem = NumericFlag.problem("--jobs", jobs, in: FlagBounds.jobs) {
            throw ValidationError(problem)
        }
    }
}
