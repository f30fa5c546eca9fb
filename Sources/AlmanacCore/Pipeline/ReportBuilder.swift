import Foundation

/// A database that fails `almanac check`.
public struct SchemaCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var report: SchemaReport

    public var description: String {
        let lines = report.errors.map { "  ✗ " + $0.description }.joined(separator: "\n")
        return "\(path) does not match the schema in docs/schema.md; these would make the numbers wrong:\n\(lines)\nRun `almanac check --db \(path)` for the full report."
    }
}

/// A file the build needs that is not there.
public struct MissingInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
}

/// The pipeline: questions file → matcher → analytics → charts → narrator → renderer →
/// site writer.
public struct ReportBuilder {
    public var options: BuildOptions
    public var version: String
    public var log: @Sendable (BuildEvent) -> Void

    public init(options: BuildOptions, version: String, log: @escaping @Sendable (BuildEvent) -> Void) {
        self.options = options
        self.version = version
        self.log = log
    }

    /// Builds the site.
    /// - Throws: `BuildError` naming the stage, and the question where there is one.
    public func build() async throws -> BuildSummary {
        var warnings: [String] = []
        func warn(_ message: String) {
            warnings.append(message)
            log(.warning(message))
        }

        let lock = try stage(.writing) { try BuildLock(for: URL(fileURLWithPath: options.outputPath)) }
        defer { lock.release() }

        let file = try stage(.questions) { try loadQuestions() }
        let databasePath = try stage(.database) { try resolveDatabase(file) }
        let db = try stage(.database) { try SQLiteConnection(path: databasePath) }
        let report = try stage(.database) { try SchemaChecker().check(db) }
        if report.hasErrors {
            throw BuildError(.database, SchemaCheckError(path: databasePath, report: report))
        }
        for finding in report.warnings { warn("\(databasePath): \(finding.description)") }

        // Every statement the build runs, for --dump-sql: this connection's, then each
        // analysis's in question order.
        var allSQL: [String] = []
        db.trace = { sql, bindings in allSQL.append(Self.inline(sql, bindings)) }
        let stats = try stage(.database) { try DatabaseStats.read(from: db) }
        let asOf = try stage(.database) {
            guard let date = try options.asOf ?? DatabaseStats.latestActivity(in: db) else {
                throw MissingInputError(description: "\(databasePath): no enrolled_at or completed_at to take the as-of date from; pass --as-of")
            }
            return date
        }
        let week = try stage(.database) { try WeeklyChange.read(from: db, asOf: asOf) }
        log(.started(questions: file.questions.count))

        let catalogue = try stage(.database) { try EntityCatalogue.read(from: db) }
        let matcher = try stage(.matching) {
            try Matcher(overrides: file.patterns, catalogue: catalogue, asOf: asOf)
        }
        var matches: [Match] = []
        var matchErrors: [MatchError] = []
        for question in file.questions {
            do { matches.append(try matcher.route(question)) } catch let error as MatchError {
                matchErrors.append(error)
            }
        }
        if !matchErrors.isEmpty {
            throw BuildError(.matching, MatchFailures(path: file.path, errors: matchErrors))
        }
        // Custom SQL is checked before any query runs, so a bad statement costs nothing.
        for question in file.questions {
            if let sql = question.sql {
                try stage(.analytics, question.id) {
                    try CustomSQL.validate(sql, questionID: question.id, on: db)
                }
            }
        }

        let outcomes = try await AnalysisRunner(databasePath: databasePath, asOf: asOf, jobs: options.jobs)
            .run(Array(zip(file.questions, matches)))
        let charts = ChartBuilder(
            limit: options.chartLimit, badgeCategories: catalogue.categories, asOf: asOf)
        let narrator = OfflineNarrator()
        var reports: [QuestionReport] = []
        for ((question, match), outcome) in zip(zip(file.questions, matches), outcomes) {
            if outcome.firstRun { allSQL += outcome.sql }
            let questionCharts = try stage(.charts, question.id) {
                try charts.charts(for: outcome.output, question: question)
            }
            reports.append(QuestionReport(
                question: question, match: match, output: outcome.output, charts: questionCharts,
                narration: narrator.narrate(outcome.output, question: question),
                narratorLabel: OfflineNarrator.label, sql: outcome.sql))
            log(.question(
                id: question.id, kind: match.kind, rows: outcome.output.rowCount,
                milliseconds: outcome.milliseconds, narration: "offline"))
        }

        let files = try stage(.rendering) {
            try render(reports, file: file, asOf: asOf, stats: stats, week: week, warn: warn)
        }
        if options.strict && !warnings.isEmpty {
            throw BuildError(.strict, StrictFailure(warnings: warnings))
        }
        let written = try stage(.writing) {
            try SiteWriter().publish(files, to: URL(fileURLWithPath: options.outputPath), force: options.force)
        }
        if let dump = options.dumpSQLPath {
            try stage(.writing) {
                let text = allSQL.map { $0 + "\n;\n" }.joined()
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: dump), options: .atomic)
                } catch {
                    throw SiteError(path: dump, message: "cannot write the SQL dump: \(error.localizedDescription)")
                }
            }
        }
        return BuildSummary(pages: reports.count, asOf: asOf, files: written, warnings: warnings)
    }

    // MARK: - Stages

    private func loadQuestions() throws -> QuestionFile {
        guard let data = FileManager.default.contents(atPath: options.questionsPath) else {
            throw MissingInputError(description: "\(options.questionsPath): no such questions file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MissingInputError(description: "\(options.questionsPath): not UTF-8 text")
        }
        return try QuestionLoader().load(text, path: options.questionsPath)
    }

    /// `--db` wins; otherwise `database:` in the questions file, relative to that file.
    private func resolveDatabase(_ file: QuestionFile) throws -> String {
        if let path = options.databasePath { return path }
        guard let path = file.database else {
            throw MissingInputError(description: "no database given: pass --db PATH or set `database:` in \(file.path)")
        }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: file.path).deletingLastPathComponent().appending(path: path).path
    }

    private func render(
        _ reports: [QuestionReport], file: QuestionFile, asOf: CivilDate, stats: DatabaseStats,
        week: WeeklyChange, warn: (String) -> Void
    ) throws -> [String: Data] {
        var templates = TemplateSet.builtIn
        if let folder = options.templatesPath {
            templates = try templates.overlaid(with: URL(fileURLWithPath: folder))
            for problem in templates.unknownNames() { warn(problem) }
        }
        let plotly = plotlySource(warn: warn)
        let assets = try SiteAssets(templates: templates, plotly: plotly)
        let renderer = try PageRenderer(
            templates: templates, assets: assets, siteTitle: file.title, asOf: asOf, version: version)
        let twin = MarkdownTwin(siteTitle: file.title, asOf: asOf)
        var files = assets.files
        for (index, report) in reports.enumerated() {
            let previous = index > 0 ? reports[index - 1] : nil
            let next = index + 1 < reports.count ? reports[index + 1] : nil
            let id = report.question.id
            files[id + ".html"] = Data(renderer.page(for: report, previous: previous, next: next).utf8)
            files[id + ".json"] = Data(report.document(asOf: asOf, stats: stats).prettyEncoded().utf8)
            files[id + ".md"] = Data(twin.page(for: report).utf8)
        }
        files["index.html"] = Data(renderer.index(reports: reports, stats: stats, week: week).utf8)
        files["index.md"] = Data(twin.index(reports: reports, stats: stats, week: week).utf8)
        return files
    }

    private func plotlySource(warn: (String) -> Void) -> PlotlySource {
        if options.plotlyFromCDN {
            warn("pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL) (--plotly cdn); readers need network access")
            return .cdn
        }
        if let path = options.plotlyPath, let data = FileManager.default.contents(atPath: path) {
            return .local(data)
        }
        warn("plotly.min.js not found at \(options.plotlyPath ?? "(no path)"); pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL). Run `make setup` to self-host it")
        return .cdn
    }

    private func stage<T>(_ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage, question: question, error)
        }
    }

    /// A statement with its parameters written in as SQL literals, runnable by `sqlite3`.
    static func inline(_ sql: String, _ bindings: [SQLValue]) -> String {
        var result = ""
        var remaining = bindings[...]
        var inString = false
        for character in sql {
            if character == "'" { inString.toggle() }
            if character == "?", !inString, let value = remaining.popFirst() {
                result += value.literal
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Warnings that `--strict` turned into a failure.
public struct StrictFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var warnings: [String]

    public var description: String {
        "--strict treats warnings as errors:\n" + warnings.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Every question the matcher could not route, reported together.
public struct MatchFailures: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var errors: [MatchError]

    public var description: String {
        errors.map { "\(path): \($0.description)" }.joined(separator: "\n")
    }
}
