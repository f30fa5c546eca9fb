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

    /// Collects warnings as they happen and passes them to the log.
    private final class Warnings: @unchecked Sendable {
        // @unchecked: used from one task at a time; the build is sequential between stages.
        var list: [String] = []
        let log: @Sendable (BuildEvent) -> Void

        init(log: @escaping @Sendable (BuildEvent) -> Void) {
            self.log = log
        }

        func add(_ message: String) {
            list.append(message)
            log(.warning(message))
        }
    }

    /// The opened database and what every question needs from it.
    private struct Source {
        var path: String
        var db: SQLiteConnection
        var stats: DatabaseStats
        var asOf: CivilDate
        var catalogue: EntityCatalogue
        /// Statements run so far, parameters inlined, for --dump-sql.
        var sql: () -> [String]
    }

    /// Builds the site.
    /// - Throws: `BuildError` naming the stage, and the question where there is one.
    public func build() async throws -> BuildSummary {
        let warnings = Warnings(log: log)
        let lock = try stage(.writing) { try BuildLock(for: URL(fileURLWithPath: options.outputPath)) }
        defer { lock.release() }

        let file = try stage(.questions) { try loadQuestions() }
        let source = try open(file, warnings)
        let week = try stage(.database) { try WeeklyChange.read(from: source.db, asOf: source.asOf) }
        log(.started(questions: file.questions.count))
        let (reports, _) = try await answer(
            file.questions, file: file, source: source, warnings, recordCacheUse: true)

        let files = try stage(.rendering) {
            try render(reports, file: file, asOf: source.asOf, stats: source.stats, week: week, warn: warnings.add)
        }
        if options.strict && !warnings.list.isEmpty {
            throw BuildError(.strict, StrictFailure(warnings: warnings.list))
        }
        let written = try stage(.writing) {
            try SiteWriter().publish(files, to: URL(fileURLWithPath: options.outputPath), force: options.force)
        }
        if let dump = options.dumpSQLPath {
            try stage(.writing) {
                let text = source.sql().map { $0 + "\n;\n" }.joined()
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: dump), options: .atomic)
                } catch {
                    throw SiteError(path: dump, message: "cannot write the SQL dump: \(error.localizedDescription)")
                }
            }
        }
        return BuildSummary(pages: reports.count, asOf: source.asOf, files: written, warnings: warnings.list)
    }

    /// One question through the same matcher, analytics, narrator and cache as a build:
    /// `almanac ask`. The questions file is optional; when present, its patterns, `llm:` block
    /// and database are used.
    /// - Returns: the report and its document, as `site/<id>.json` would hold it.
    public func ask(_ text: String) async throws -> (report: QuestionReport, document: JSONValue, warnings: [String]) {
        let warnings = Warnings(log: log)
        var file = QuestionFile(path: options.questionsPath, title: "Almanac", questions: [])
        if FileManager.default.fileExists(atPath: options.questionsPath) {
            file = try stage(.questions) { try loadQuestions() }
        }
        let id = Slug.make(from: text).isEmpty ? "question" : Slug.make(from: text)
        let question = Question(id: id, text: text)
        let source = try open(file, warnings)
        // One question is not a build: the cache's record of what the last build used stays.
        let (reports, _) = try await answer([question], file: file, source: source, warnings, recordCacheUse: false)
        return (reports[0], reports[0].document(asOf: source.asOf, stats: source.stats), warnings.list)
    }

    /// Opens the database read-only, checks it, and reads what every question shares.
    private func open(_ file: QuestionFile, _ warnings: Warnings) throws -> Source {
        let path = try stage(.database) { try resolveDatabase(file) }
        let db = try stage(.database) { try SQLiteConnection(path: path) }
        let recorder = StatementRecorder()
        db.trace = { sql, bindings in recorder.add(Self.inline(sql, bindings)) }
        // The structure first; every row is checked during the analyses' shared pass.
        let missing = try stage(.database) { try SchemaChecker().structure(db) }
        if !missing.isEmpty {
            throw BuildError(.database, SchemaCheckError(path: path, report: SchemaReport(findings: missing)))
        }
        let stats = try stage(.database) { try DatabaseStats.read(from: db) }
        let asOf = try stage(.database) {
            guard let date = try options.asOf ?? DatabaseStats.latestActivity(in: db) else {
                throw MissingInputError(description: "\(path): no enrolled_at or completed_at to take the as-of date from; pass --as-of")
            }
            return date
        }
        let catalogue = try stage(.database) { try EntityCatalogue.read(from: db) }
        return Source(path: path, db: db, stats: stats, asOf: asOf, catalogue: catalogue, sql: { recorder.statements })
    }

    /// Matcher, analytics, charts and narrator for a list of questions, in their order.
    private func answer(
        _ questions: [Question], file: QuestionFile, source: Source, _ warnings: Warnings, recordCacheUse: Bool
    ) async throws -> (reports: [QuestionReport], sql: [String])
    {
        let matcher = try stage(.matching) {
            try Matcher(overrides: file.patterns, catalogue: source.catalogue, asOf: source.asOf)
        }
        var matches: [Match] = []
        var matchErrors: [MatchError] = []
        for question in questions {
            do { matches.append(try matcher.route(question)) } catch let error as MatchError {
                matchErrors.append(error)
            }
        }
        if !matchErrors.isEmpty {
            throw BuildError(.matching, MatchFailures(path: file.path, errors: matchErrors))
        }
        // Custom SQL is checked before any query runs, so a bad statement costs nothing.
        for question in questions {
            if let sql = question.sql {
                try stage(.analytics, question.id) {
                    try CustomSQL.validate(sql, questionID: question.id, on: source.db)
                }
            }
        }

        let (outcomes, pass) = try AnalysisRunner(db: source.db, asOf: source.asOf)
            .run(Array(zip(questions, matches)), trace: source.sql)
        log(.scanned(rows: pass.rows, milliseconds: pass.milliseconds))
        for finding in pass.warnings { warnings.add("\(source.path): \(finding.description)") }
        let charts = ChartBuilder(
            limit: options.chartLimit, badgeCategories: source.catalogue.categories, asOf: source.asOf)
        var questionCharts: [[Chart]] = []
        var sql: [String] = []
        for (question, outcome) in zip(questions, outcomes) {
            sql += outcome.sql
            questionCharts.append(try stage(.charts, question.id) {
                try charts.charts(for: outcome.output, question: question)
            })
        }

        let settings = options.llm.settings(for: file, jobs: options.jobs)
        let narrated = await Narrator(settings: settings).narrate(
            zip(questions, outcomes).map { NarrationItem(question: $0, output: $1.output, stats: source.stats) })
        for warning in narrated.warnings { warnings.add(warning) }
        if settings.model != nil && settings.mode != .off && !narrated.usedKeys.isEmpty && recordCacheUse {
            do {
                try AnswerCache(folder: settings.cacheFolder).recordUse(narrated.usedKeys)
            } catch {
                warnings.add(String(describing: error))
            }
        }

        var reports: [QuestionReport] = []
        var ungrounded: [String] = []
        for index in questions.indices {
            let (question, match, outcome) = (questions[index], matches[index], outcomes[index])
            let narration = narrated.narrations[index]
            let context: JSONValue = ["analytics_data": outcome.output.json, "database_stats": source.stats.json]
            let grounding = Grounding.check(narration.markdown, against: context)
            if !grounding.unverified.isEmpty {
                ungrounded.append("question `\(question.id)`: \(grounding.unverified.joined(separator: ", "))")
            }
            reports.append(QuestionReport(
                question: question, match: match, output: outcome.output, charts: questionCharts[index],
                narration: narration, grounding: grounding, sql: outcome.sql))
            log(.question(
                id: question.id, kind: match.kind, rows: outcome.output.rowCount,
                milliseconds: outcome.milliseconds, narration: narration.progress))
        }
        if !ungrounded.isEmpty {
            if options.requireGrounded {
                throw BuildError(.narration, GroundingFailure(questions: ungrounded))
            }
            warnings.add("answers quote figures that are not in their data: " + ungrounded.joined(separator: "; "))
        }
        return (reports, sql)
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
        if let digest = assets.plotlyDigest, digest != PlotlyJS.sha256 {
            warn("\(options.plotlyPath ?? "plotly.min.js") is not the plotly.js \(PlotlyJS.version) that Almanac's charts are checked against (its sha256 differs); charts may not render")
        }
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
        warn("plotly.min.js not found at \(options.plotlyPath ?? "(no path)"); pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL). Pass --plotly-file with a downloaded plotly.min.js \(PlotlyJS.version) to self-host it")
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

/// Answers with figures that are not in their data, under `--require-grounded`.
public struct GroundingFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var questions: [String]

    public var description: String {
        "--require-grounded: these answers quote figures that are not in their data:\n"
            + questions.map { "  " + $0 }.joined(separator: "\n")
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

/// Statements a connection ran, for --dump-sql.
private final class StatementRecorder: @unchecked Sendable {
    // @unchecked: a connection is used by one task at a time, and so is its recorder.
    var statements: [String] = []

    func add(_ statement: String) {
        statements.append(statement)
    }
}
