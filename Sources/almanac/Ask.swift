import AlmanacCore
import ArgumentParser
import Foundation

struct Ask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Answer one question with the same matcher, analytics, narrator and cache as a build.",
        discussion: """
            Prints the Markdown answer, what drove its moves and how the question was read; --json prints the report \
            document instead. The questions file's database, patterns and llm block are used \
            when it exists.

            Examples:
              almanac ask "What is the completion rate by organization?"
              almanac ask "Top 5 badges by enrollments in 2025" --db data/export.db --llm off
              almanac ask "How long does Python Basics take?" --json
            """)

    @Argument(
        help: "The question, for example \"How many people are enrolled in Python Basics badge?\"")
    var question: String

    @OptionGroup(title: "Question and data")
    var input: AskInput

    @OptionGroup(title: "Language model")
    var modelFlags: ModelFlags

    /// Usage errors, checked where argument-parser shows `ask`'s own usage with them.
    func validate() throws {
        if let problem = CivilDate.asOfProblem(input.asOf) { throw ValidationError(problem) }
        guard !question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("the question is empty")
        }
        if question.count > QuestionLoader.maxQuestionLength {
            throw ValidationError(
                "the question is \(question.count) characters long; the limit is \(QuestionLoader.maxQuestionLength)"
            )
        }
    }

    func run() async throws {
        var options = BuildOptions(
            questionsPath: input.questions, databasePath: input.db, outputPath: "")
        options.statementTimeout = input.statementTimeout.milliseconds
        options.asOf = input.asOf
        options.llm = try modelFlags.options()
        options.jobs = 1
        let environment = Environment.live { event in
            if case .warning(let message) = event { Terminal.error("⚠ warning: " + message) }
        }
        let builder = ReportBuilder(
            options: options, version: Almanac.version, environment: environment)
        do {
            let (report, document, _) = try await builder.ask(question)
            if input.json {
                print(document.prettyEncoded(), terminator: "")
            } else {
                // A model's narration, and the names it quotes, may hold control characters:
                // written out, not sent to the terminal (a review).
                print(Terminal.visible(report.narration.markdown))
                print("")
                let why = report.whyItChanged
                if !why.isEmpty {
                    print("Why it changed:")
                    for line in why { print("- " + Terminal.visible(line)) }
                    print("")
                }
                print("_\(report.narration.label)_")
                print("")
                let match = report.match
                var reading = "Read as: \(match.intentSummary) · kind \(match.kind.rawValue)"
                let asOf = document["metadata"]?["as_of"]?.stringValue.flatMap(CivilDate.init(iso:))
                let filters =
                    asOf.map { match.appliedFiltersSummary(asOf: $0) } ?? match.filters.summary
                if !filters.isEmpty { reading += " · " + filters }
                reading +=
                    " · routed by \(match.routingSummary), confidence \(NumberText.decimal(match.confidence, places: 2))"
                print(Terminal.visible(reading))
            }
        } catch {
            throw fail(String(describing: error))
        }
    }
}

/// `ask`'s own options, titled so that `--help` lists them before the language model's.
struct AskInput: ParsableArguments {
    @Option(
        help: "A SQLite file or a postgres:// URL (default: `database:` in the questions file).")
    var db: String?

    @OptionGroup var statementTimeout: StatementTimeout

    @Option(
        help: "A questions file whose patterns, `llm:` block and database to use, if it exists.")
    var questions = "questions.yaml"

    @Option(
        help: "The report date, YYYY-MM-DD (default: the latest activity in the data).",
        transform: CivilDate.flag)
    var asOf: CivilDate?

    @Flag(
        help:
            "Print the report document (as site/<id>.json holds it) instead of the Markdown answer."
    )
    var json = false
}
