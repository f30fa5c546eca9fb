import Foundation

/// A database that fails `almanac check`.
public struct SchemaCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var report: SchemaReport

    public var description: String {
        let lines = report.errors.map { "  ✗ " + $0.description }.joined(separator: "\n")
        return
            "\(path) does not match the schema in docs/schema.md; these would make the numbers wrong:\n\(lines)\nRun `almanac check --db \(path)` for the full report."
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

    public init(
        options: BuildOptions, version: String, log: @escaping @Sendable (BuildEvent) -> Void
    ) {
        self.options = options
        self.version = version
        self.log = log
    }

    /// Collects warnings as they happen and passes them to the log.
    private final class Warnings: @unchecked Sendable {
        // @unchecked: used from one task at a time; the build is sequential between stages.
        var list: [String] = []
        /// Some answer was wanted from the model or the cache and came from the offline narrator.
        var narrationFellBack = false
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
        var location: DatabaseLocation
        var db: any DatabaseConnection
        /// The redacted place, for messages.
        var path: String { db.location }
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
        let clock = PhaseClock()
        let folder = outputFolder
        let layout = SiteLayout(site: folder)
        // `/`, the home folder or a folder of foreign files is refused before anything runs
        // or is written beside it (no lock file, no `.almanac/`).
        try stage(.writing) {
            try SiteWriter(files: files).checkTarget(folder, home: options.homeFolder)
        }
        let file = try stage(.questions) { try loadQuestions() }
        // A FIFO or a device as the database would block the build forever while it holds
        // the site's lock: refuse it before taking the lock.
        let location = try stage(.database) { try resolveDatabase(file) }
        if let path = location.filePath {
            try stage(.database) { try SQLiteConnection.refuseSpecialFile(at: path) }
        }
        let lock = try stage(.writing) { try BuildLock(layout: layout, files: files) }
        defer { lock.release() }

        // Nothing changed since the last build: the site stands as it is. A PostgreSQL
        // database has no file to stamp, so its sites are always rebuilt.
        let fingerprint = try stage(.questions) { try self.fingerprint(file) }
        if !options.force, options.dumpSQLPath == nil, let fingerprint,
            let state = BuildState.load(from: layout, files: files),
            state.fingerprint == fingerprint,
            BuildState.stamps(in: folder, files: files) == state.files,
            let asOf = CivilDate(iso: state.asOf)
        {
            clock.mark("load")
            log(.unchanged)
            // The alerts are those the digest of that build recorded.
            return BuildSummary(
                pages: state.pages, asOf: asOf,
                files: WriteSummary(written: 0, kept: state.files.count, deleted: 0), warnings: [],
                alerts: Digest.triggeredAlerts(in: layout, files: files), phases: clock.phases)
        }
        let source = try open(file, warnings)
        let week = try stage(.database) {
            try WeeklyChange.read(from: source.db, asOf: source.asOf)
        }
        // The site about to be replaced: its documents tell what changed since that report.
        let previousSite = PreviousSite.read(from: layout, files: files)
        let previousFeed = try stage(.writing) { try Feed.previous(in: layout, files: files) }
        log(.started(questions: file.questions.count))
        clock.mark("load")
        let (reports, analysisSQL) = try await answer(
            file.questions, file: file, source: source, warnings, recordCacheUse: true,
            previousSite: previousSite,
            clock: clock)
        let alerts = try stage(.alerts) {
            try AlertEvaluator(alerts: file.alerts, path: file.path).evaluate(reports)
        }
        for alert in alerts where alert.triggered { log(.alert(alert.description)) }

        // Pages go straight to the staging folder as they are rendered; a failure from here
        // on removes it, and the current site stays as it was.
        let site = try stage(.writing) {
            try SiteWriter(files: files).begin(layout, force: options.force)
        }
        let written: WriteSummary
        let searchIndexBytes: Int
        do {
            do {
                searchIndexBytes = try await render(
                    reports, file: file, asOf: source.asOf, stats: source.stats, week: week,
                    into: site,
                    warn: warnings.add,
                    digest: Digest(
                        title: file.title, asOf: source.asOf, alerts: alerts, reports: reports),
                    previousFeed: previousFeed)
            } catch let error as BuildError {
                throw error
            } catch let error as SiteError {
                throw BuildError(.writing, error)
            } catch {
                throw BuildError(.rendering, error)
            }
            clock.mark("render")
            if options.strict && !warnings.list.isEmpty {
                throw BuildError(.strict, StrictFailure(warnings: warnings.list))
            }
            // The dump first: a dump that cannot be written fails the build before the new site is
            // swapped in, so the old site stays, as for any other failure.
            if let dump = options.dumpSQLPath {
                try stage(.writing) {
                    // The build's own statements, then the analyses' in question order, each once.
                    // The main connection also runs some of the analyses', in whatever order the
                    // pool hands them out: those are left to the analyses' list.
                    let analyses = Set(analysisSQL)
                    var seen = Set<String>()
                    let text = (source.sql().filter { !analyses.contains($0) } + analysisSQL)
                        .filter { seen.insert($0).inserted }
                        .map { $0 + "\n;\n" }.joined()
                    do {
                        try Data(text.utf8).write(to: URL(fileURLWithPath: dump), options: .atomic)
                    } catch {
                        throw SiteError(
                            path: dump,
                            message: "cannot write the SQL dump: \(error.localizedDescription)")
                    }
                }
            }
            written = try stage(.writing) { try site.finish() }
        } catch {
            site.abandon()
            throw error
        }
        // A build whose narration fell back to the offline narrator (a model that failed, a
        // missing cached answer) is not recorded: the next build should try again.
        if !warnings.narrationFellBack, let after = try? self.fingerprint(file) {
            // Taken again now: the build itself may have added answers to the cache.
            do {
                try BuildState(
                    fingerprint: after, files: BuildState.stamps(in: folder, files: files),
                    pages: reports.count, asOf: source.asOf.description
                ).save(to: layout, files: files)
            } catch {
                warnings.add(String(describing: error))
            }
        }
        clock.mark("write")
        var summary = BuildSummary(
            pages: reports.count, asOf: source.asOf, files: written, warnings: warnings.list,
            alerts: alerts.filter(\.triggered).map(\.description), phases: clock.phases)
        summary.searchIndexBytes = searchIndexBytes
        summary.siteBytes = site.size
        return summary
    }

    /// `--out` with its symbolic links resolved: a link to a folder publishes into the
    /// folder it points to, and the link stays as it is.
    private var outputFolder: URL {
        URL(fileURLWithPath: options.outputPath).resolvingSymlinksInPath()
    }

    /// The disk, until the build takes its file system as a parameter.
    private var files: any FileSystem { DiskFileSystem() }

    /// Everything the output depends on, hashed; see `BuildState`. Nil for a PostgreSQL
    /// database: nothing cheap tells whether its data changed.
    private func fingerprint(_ file: QuestionFile) throws -> String? {
        var parts = ["almanac \(version) \(options.toolIdentity)"]
        parts.append(
            FileManager.default.contents(atPath: options.questionsPath).map { SHA256.hex($0) } ?? ""
        )
        guard let database = try resolveDatabase(file).filePath else { return nil }
        parts += [
            BuildState.describe(database, files: files),
            BuildState.describe(database + "-wal", files: files),
        ]
        if let templates = options.templatesPath {
            parts.append(
                BuildState.stamps(in: URL(fileURLWithPath: templates), files: files).sorted {
                    $0.key < $1.key
                }
                .map { "\($0.key):\($0.value.size):\($0.value.modified)" }.joined(
                    separator: ","))
        }
        if let plotly = options.plotlyPath {
            parts.append(BuildState.describe(plotly, files: files))
        }
        let llm = options.llm
        let settings = llm.settings(for: file, jobs: options.jobs, files: files)
        if settings.model != nil && llm.mode != .off {
            parts.append(
                BuildState.stamps(in: settings.cacheFolder, files: files).sorted { $0.key < $1.key }
                    .map { "\($0.key):\($0.value.size):\($0.value.modified)" }.joined(
                        separator: ","))
        }
        parts += [
            database, options.asOf?.description ?? "", "\(options.plotlyFromCDN)",
            "\(options.chartLimit)", "\(options.strict)", "\(options.requireGrounded)",
            llm.mode.rawValue,
            settings.model.map {
                "\($0.model) \($0.temperature) \($0.maxTokens ?? -1) \($0.seed ?? -1) \($0.baseURL)"
            } ?? "",
            llm.apiKey == nil ? "no key" : "key",
        ]
        return SHA256.hex(Array(parts.joined(separator: "\n").utf8))
    }

    /// The size and modification time of every input `almanac serve` watches: the questions
    /// file, the database file (and its WAL), the templates folder and the answer cache. A
    /// questions file that does not load still counts by its own stamp.
    public func inputStamps() -> String {
        var paths = [options.questionsPath]
        var folders: [URL] = []
        if let templates = options.templatesPath { folders.append(URL(fileURLWithPath: templates)) }
        let file = try? loadQuestions()
        let named = options.databasePath.flatMap { PostgresURL.matches($0) ? nil : $0 }
        if let database = file.flatMap({ try? resolveDatabase($0).filePath }) ?? named {
            paths += [database, database + "-wal"]
        }
        if let file {
            folders.append(
                options.llm.settings(for: file, jobs: options.jobs, files: files).cacheFolder)
        }
        var lines = paths.map { path in
            BuildState.stamp(path, files: files).map { "\(path):\($0.size):\($0.modified)" } ?? path
        }
        for folder in folders {
            lines += BuildState.stamps(in: folder, files: files).sorted { $0.key < $1.key }
                .map { "\(folder.path)/\($0.key):\($0.value.size):\($0.value.modified)" }
        }
        return lines.joined(separator: "\n")
    }

    /// One question through the same matcher, analytics, narrator and cache as a build:
    /// `almanac ask`. The questions file is optional; when present, its patterns, `llm:` block
    /// and database are used.
    /// - Returns: the report and its document, as `site/<id>.json` would hold it.
    public func ask(_ text: String) async throws -> (
        report: QuestionReport, document: JSONValue, warnings: [String]
    ) {
        let warnings = Warnings(log: log)
        var file = QuestionFile(path: options.questionsPath, title: "Almanac", questions: [])
        if FileManager.default.fileExists(atPath: options.questionsPath) {
            file = try stage(.questions) { try loadQuestions() }
        }
        let id = Slug.make(from: text).isEmpty ? "question" : Slug.make(from: text)
        let question = Question(id: id, text: text)
        let source = try open(file, warnings)
        // One question is not a build: the cache's record of what the last build used stays.
        let (reports, _) = try await answer(
            [question], file: file, source: source, warnings, recordCacheUse: false)
        return (
            reports[0], reports[0].document(asOf: source.asOf, stats: source.stats), warnings.list
        )
    }

    /// Opens the database read-only, checks it, and reads what every question shares.
    private func open(_ file: QuestionFile, _ warnings: Warnings) throws -> Source {
        let location = try stage(.database) { try resolveDatabase(file) }
        let db = try stage(.database) { try location.open() }
        let path = db.location
        let recorder = StatementRecorder()
        db.trace = { sql, bindings in recorder.add(SQLStatement.inline(sql, bindings)) }
        // The structure first; the row rules run with the analyses.
        let missing = try stage(.database) { try SchemaChecker().structure(db) }
        if !missing.isEmpty {
            throw BuildError(
                .database, SchemaCheckError(path: path, report: SchemaReport(findings: missing)))
        }
        let stats = try stage(.database) { try DatabaseStats.read(from: db) }
        let asOf = try stage(.database) {
            guard let date = try options.asOf ?? DatabaseStats.latestActivity(in: db) else {
                throw MissingInputError(
                    description:
                        "\(path): no enrolled_at or completed_at to take the as-of date from; pass --as-of"
                )
            }
            return date
        }
        if let requested = options.asOf, let first = try? DatabaseStats.earliestEnrollment(in: db),
            requested < first
        {
            warnings.add(
                "--as-of \(requested) is before the first enrollment (\(first)); every analysis will be empty"
            )
        }
        let catalogue = try stage(.database) { try EntityCatalogue.read(from: db) }
        return Source(
            location: location, db: db, stats: stats, asOf: asOf, catalogue: catalogue,
            sql: { recorder.statements })
    }

    /// Matcher, analytics, charts and narrator for a list of questions, in their order.
    private func answer(
        _ questions: [Question], file: QuestionFile, source: Source, _ warnings: Warnings,
        recordCacheUse: Bool,
        previousSite: PreviousSite = PreviousSite(), clock: PhaseClock = PhaseClock()
    ) async throws -> (reports: [QuestionReport], sql: [String]) {
        let matcher = try stage(.matching) {
            try Matcher(overrides: file.patterns, catalogue: source.catalogue, asOf: source.asOf)
        }
        let settings = options.llm.settings(for: file, jobs: options.jobs, files: files)
        let routed = await QuestionRouting(
            matcher: matcher, model: ModelRouter(settings: settings, catalogue: source.catalogue)
        ).route(questions)
        for note in routed.notes { warnings.add(note) }
        if !routed.errors.isEmpty {
            throw BuildError(.matching, MatchFailures(path: file.path, errors: routed.errors))
        }
        let matches = routed.matches
        clock.mark("match")
        // Custom SQL is checked before any query runs, so a bad statement costs nothing, and
        // every bad one is reported at once.
        var sqlProblems: [String] = []
        for question in questions {
            guard let sql = question.sql else { continue }
            do {
                try CustomSQL.validate(sql, questionID: question.id, on: source.db)
            } catch {
                sqlProblems.append("\(file.path):\(question.line): \(error)")
            }
        }
        if !sqlProblems.isEmpty {
            throw BuildError(
                .analytics, MissingInputError(description: sqlProblems.joined(separator: "\n")))
        }

        // A build keeps its analyses' results for the next one; `ask` and `--force` start
        // afresh, and so does PostgreSQL, whose data has no file to tell a change by.
        let layout = SiteLayout(site: outputFolder)
        let databaseFile = source.location.filePath
        let scope = [
            BuildState.describe(databaseFile ?? source.path, files: files),
            BuildState.describe((databaseFile ?? source.path) + "-wal", files: files),
            source.asOf.description, version, options.toolIdentity,
        ].joined(separator: "\n")
        let keepsResults = recordCacheUse && databaseFile != nil
        // A SQL dump must hold every statement, so it recomputes everything too.
        var cache =
            keepsResults && !options.force && options.dumpSQLPath == nil
            ? AnalysisCache.load(from: layout, scope: scope, files: files)
            : AnalysisCache(scope: scope)
        let location = source.location
        // The previous window and the year-ago window run as analyses of their own, after
        // the questions' own, through the same runner and cache.
        let windows = matches.map { match in
            match.kind.keyMeasures == nil ? nil : ComparisonWindows.of(match, asOf: source.asOf)
        }
        var pairs = Array(zip(questions, matches))
        for (index, window) in windows.enumerated() {
            guard let window else { continue }
            pairs.append((questions[index], window.match(matches[index], for: window.previous)))
            pairs.append((questions[index], window.match(matches[index], for: window.yearAgo)))
        }
        let (allOutcomes, pass) = try await AnalysisRunner(
            db: source.db, open: { try location.open() }, asOf: source.asOf
        ).run(pairs, cache: &cache)
        let outcomes = Array(allOutcomes.prefix(questions.count))
        var comparisons: [Comparison?] = Array(repeating: nil, count: questions.count)
        var extra = questions.count
        for (index, window) in windows.enumerated() {
            guard let window, let spec = matches[index].kind.keyMeasures else { continue }
            comparisons[index] = Comparison(
                windows: window, current: spec.measures(in: outcomes[index].output.json),
                previous: spec.measures(in: allOutcomes[extra].output.json),
                yearAgo: spec.measures(in: allOutcomes[extra + 1].output.json))
            extra += 2
        }
        // The weekly series of each scope, once per distinct filter set.
        var weekly: [Filters: WeeklySeries] = [:]
        for (question, match) in zip(questions, matches) where match.kind.keyMeasures != nil {
            guard weekly[match.filters] == nil else { continue }
            weekly[match.filters] = try stage(.analytics, question.id) {
                try WeeklySeries.read(from: source.db, filters: match.filters, asOf: source.asOf)
            }
        }
        var measures: [[KeyMeasure]] = []
        var insights: [[Insight]] = []
        for (index, match) in matches.enumerated() {
            let current = match.kind.keyMeasures?.measures(in: outcomes[index].output.json) ?? []
            measures.append(current)
            insights.append(
                InsightFinder().insights(
                    kind: match.kind, measures: current, comparison: comparisons[index],
                    weekly: weekly[match.filters]))
        }
        if keepsResults {
            do {
                try cache.save(to: layout, files: files)
            } catch {
                warnings.add(String(describing: error))
            }
        }
        if pass.statements > 0 {
            log(
                .queried(
                    statements: pass.statements, rows: pass.rows, milliseconds: pass.milliseconds))
        }
        clock.mark("sql")
        for finding in pass.warnings { warnings.add("\(source.path): \(finding.description)") }
        for note in pass.notes { warnings.add("\(source.path): \(note)") }
        let charts = ChartBuilder(
            limit: options.chartLimit, badgeCategories: source.catalogue.categories,
            asOf: source.asOf)
        var questionCharts: [[Chart]] = []
        // What each question asked for, picked from its analysis: the lead of its summary,
        // its first key table and its first chart.
        let answers = zip(matches, outcomes).map { match, outcome in
            Answer.make(outcome.output, intent: match.intent, filters: match.filters)
        }
        // The analyses' statements, each once, for --dump-sql.
        var sql: [String] = []
        var seen = Set<String>()
        for outcome in allOutcomes {
            for statement in outcome.sql where seen.insert(statement).inserted {
                sql.append(statement)
            }
        }
        for (index, (question, outcome)) in zip(questions, outcomes).enumerated() {
            questionCharts.append(
                try stage(.charts, question.id) {
                    let drawn = try charts.charts(for: outcome.output, question: question)
                    guard !drawn.isEmpty, let answer = answers[index] else { return drawn }
                    let shown =
                        answer.subjectTitle == nil
                        ? Answer.spread(
                            outcome.output, intent: matches[index].intent,
                            filters: matches[index].filters) : answer
                    guard let first = shown.flatMap(charts.chart(for:)) else { return drawn }
                    return [first] + drawn
                })
        }

        clock.mark("charts")
        let leads = questions.indices.map { index in
            answers[index].flatMap { Lead.sentence(for: $0, filters: matches[index].filters) }
        }
        let narrated = await Narrator(settings: settings).narrate(
            questions.indices.map { index in
                NarrationItem(
                    question: questions[index], output: outcomes[index].output, stats: source.stats,
                    intent: matches[index].kind == .customSQL ? nil : matches[index].intentSummary,
                    lead: leads[index], insights: insights[index],
                    comparison: comparisons[index]?.json ?? .null)
            })
        for warning in narrated.warnings { warnings.add(warning) }
        if narrated.narrations.contains(where: {
            $0.source == .offline && settings.model != nil && settings.mode != .off
        })
            || narrated.narrations.contains(where: {
                if case .offlineAfterFailure = $0.source { return true } else { return false }
            })
        {
            warnings.narrationFellBack = true
        }
        if settings.model != nil && settings.mode != .off
            && !narrated.usedKeys.union(routed.usedKeys).isEmpty && recordCacheUse
        {
            do {
                try AnswerCache(folder: settings.cacheFolder, files: files).recordUse(
                    narrated.usedKeys.union(routed.usedKeys))
            } catch {
                warnings.add(String(describing: error))
            }
        }

        clock.mark("narration")
        var reports: [QuestionReport] = []
        var ungrounded: [String] = []
        for index in questions.indices {
            let (question, match, outcome) = (questions[index], matches[index], outcomes[index])
            var narration = narrated.narrations[index]
            var report = QuestionReport(
                question: question, match: match, output: outcome.output, answer: answers[index],
                charts: questionCharts[index],
                narration: narration, grounding: Grounding(figures: 0, verified: 0, unverified: []),
                sql: outcome.sql,
                engine: source.db.dialect.name)
            report.keyMeasures = measures[index]
            report.comparison = comparisons[index]
            report.insights = insights[index]
            report.sinceLastReport = SinceLastReport.make(
                measures: measures[index], previous: previousSite.documents[question.id],
                asOf: source.asOf)
            let context: JSONValue = [
                "analytics_data": outcome.output.json, "database_stats": source.stats.json,
                "derived": report.derivedNumbers,
            ]
            var grounding = Grounding.check(narration.markdown, against: context)
            if !grounding.unverified.isEmpty {
                ungrounded.append(
                    "question `\(question.id)`: \(grounding.unverified.joined(separator: ", "))")
                // A published page never carries an unverified number: the model's answer
                // gives way to the offline narration, and the page says why.
                if narration.model != nil && !options.requireGrounded {
                    narration = Narration(
                        markdown: NarrationItem(
                            question: question, output: outcome.output, stats: source.stats,
                            lead: leads[index], insights: insights[index]
                        ).offline,
                        source: .offlineUngrounded(grounding.unverified))
                    grounding = Grounding.check(narration.markdown, against: context)
                    warnings.narrationFellBack = true
                }
            }
            report.narration = narration
            report.grounding = grounding
            reports.append(report)
            log(
                .question(
                    id: question.id, kind: match.kind, rows: outcome.output.rowCount,
                    milliseconds: outcome.milliseconds, narration: narration.progress))
        }
        if !ungrounded.isEmpty {
            if options.requireGrounded {
                throw BuildError(.narration, GroundingFailure(questions: ungrounded))
            }
            warnings.add(
                "answers quote figures that are not in their data (model answers were replaced by the offline narration): "
                    + ungrounded.joined(separator: "; "))
        }
        return (reports, sql)
    }

    // MARK: - Stages

    /// The largest questions file read: thousands of questions with their SQL fit in far
    /// less, and a bigger file (millions of bad entries) would cost minutes and gigabytes.
    static let largestQuestionsFile = 5_000_000

    private func loadQuestions() throws -> QuestionFile {
        // Only a regular file, and not a huge one: a FIFO would block the read for ever.
        if let attributes = try? FileManager.default.attributesOfItem(atPath: options.questionsPath)
        {
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                throw MissingInputError(
                    description:
                        "\(options.questionsPath): not a regular file; --questions must name a YAML file"
                )
            }
            if let size = attributes[.size] as? Int, size > Self.largestQuestionsFile {
                throw MissingInputError(
                    description:
                        "\(options.questionsPath): \(NumberText.count(size)) bytes; a questions file may "
                        + "have at most \(NumberText.count(Self.largestQuestionsFile)) bytes")
            }
        }
        guard let data = FileManager.default.contents(atPath: options.questionsPath) else {
            throw MissingInputError(description: "\(options.questionsPath): no such questions file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MissingInputError(description: "\(options.questionsPath): not UTF-8 text")
        }
        return try QuestionLoader().load(text, path: options.questionsPath)
    }

    /// `--db` wins; otherwise `database:` in the questions file, a file relative to that
    /// file or a PostgreSQL URL. `--statement-timeout` wins over `database_options:`.
    private func resolveDatabase(_ file: QuestionFile) throws -> DatabaseLocation {
        let timeout =
            options.statementTimeout ?? file.statementTimeout
            ?? PostgresConnection.defaultStatementTimeout
        if let path = options.databasePath {
            return DatabaseLocation(path, statementTimeout: timeout)
        }
        guard let path = file.database else {
            throw MissingInputError(
                description: "no database given: pass --db PATH or set `database:` in \(file.path)")
        }
        if path.hasPrefix("/") || PostgresURL.matches(path) {
            return DatabaseLocation(path, statementTimeout: timeout)
        }
        return DatabaseLocation(
            URL(fileURLWithPath: file.path).deletingLastPathComponent().appending(path: path).path,
            statementTimeout: timeout)
    }

    /// How many tasks render pages at once. Each holds one question's pages at a time, so
    /// memory stays flat in the number of questions.
    static let renderTasks = 4

    /// Renders every page and writes it into the staging site; returns the search index's size.
    private func render(
        _ reports: [QuestionReport], file: QuestionFile, asOf: CivilDate, stats: DatabaseStats,
        week: WeeklyChange, into site: StagingSite, warn: (String) -> Void, digest: Digest,
        previousFeed: String?
    ) async throws -> Int {
        // Everything per site is prepared once: templates, assets, the renderers.
        var templates = TemplateSet.builtIn
        if let folder = options.templatesPath {
            templates = try templates.overlaid(with: URL(fileURLWithPath: folder), files: files)
            for problem in templates.unknownNames() { warn(problem) }
        }
        let plotly = plotlySource(warn: warn)
        let assets = try SiteAssets(templates: templates, plotly: plotly)
        if let digest = assets.plotlyDigest, digest != PlotlyJS.sha256 {
            warn(
                "\(options.plotlyPath ?? "plotly.min.js") is not the plotly.js \(PlotlyJS.version) that Almanac's charts are checked against (its sha256 differs); charts may not render"
            )
        }
        let renderer = try PageRenderer(
            templates: templates, assets: assets, siteTitle: file.title, asOf: asOf,
            version: version)
        let twin = MarkdownTwin(siteTitle: file.title, asOf: asOf)
        for (path, data) in assets.files { try site.put(path, data) }
        // A few tasks, each taking every n-th question, write pages as they finish them; a
        // file's bytes never depend on which task wrote it or when.
        let width = Self.renderTasks
        try await withThrowingTaskGroup(of: Void.self) { group in
            for first in 0..<min(width, reports.count) {
                group.addTask {
                    for index in stride(from: first, to: reports.count, by: width) {
                        let report = reports[index]
                        let previous = index > 0 ? reports[index - 1] : nil
                        let next = index + 1 < reports.count ? reports[index + 1] : nil
                        let id = report.question.id
                        let (page, embeds) = renderer.pages(
                            for: report, previous: previous, next: next)
                        try site.put(id + ".html", Data(page.utf8))
                        for embed in embeds { try site.put(embed.path, Data(embed.html.utf8)) }
                        try site.put(
                            id + ".json",
                            Data(report.document(asOf: asOf, stats: stats).prettyEncoded().utf8))
                        try site.put(id + ".md", Data(twin.page(for: report).utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
        try site.put(
            "index.html", Data(renderer.index(reports: reports, stats: stats, week: week).utf8))
        try site.put("index.md", Data(twin.index(reports: reports, stats: stats, week: week).utf8))
        try site.put("digest.md", Data(digest.markdown.utf8))
        try site.put("digest.json", Data(digest.json.prettyEncoded().utf8))
        try site.put(
            "feed.xml",
            Data(
                Feed(title: file.title, asOf: asOf).render(digest: digest, previous: previousFeed)
                    .utf8))
        let search = Data(SearchIndex(reports: reports).text.utf8)
        try site.put(SearchIndex.path, search)
        return search.count
    }

    private func plotlySource(warn: (String) -> Void) -> PlotlySource {
        if options.plotlyFromCDN {
            warn(
                "pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL) (--plotly cdn); readers need network access"
            )
            return .cdn
        }
        if let path = options.plotlyPath {
            if let data = FileManager.default.contents(atPath: path) { return .local(data) }
            warn(
                "--plotly-file \(path): no such file; pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL)"
            )
            return .cdn
        }
        if let data = PlotlyJS.embedded { return .local(data) }
        warn(PlotlyJS.missingNotice)
        return .cdn
    }

    private func stage<T>(
        _ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T
    ) throws -> T {
        try BuildError.wrapping(stage, question, body)
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
        errors.map { error in
            // `ask` has no line: its question is not in the file.
            error.line > 0 ? "\(path):\(error.line): \(error.description)" : error.description
        }.joined(separator: "\n")
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

/// Wall time per phase of a build, for `make bench` and the summary.
final class PhaseClock: @unchecked Sendable {
    // @unchecked: marked from the build's one task at a time.
    private var last = ContinuousClock.now
    private(set) var phases: [BuildPhase] = []

    func mark(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        last = now
        phases.append(
            BuildPhase(
                name: name,
                milliseconds: Double(elapsed.components.seconds) * 1000
                    + Double(elapsed.components.attoseconds) / 1e15))
    }
}
