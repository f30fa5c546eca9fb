import Foundation

/// The pipeline: questions file → matcher → analytics → charts → narrator → renderer →
/// site writer. Each step belongs to its stage's folder; this type only runs them in order
/// and names the stage of any failure.
public struct ReportBuilder {
    public var options: BuildOptions
    public var version: String
    public var environment: Environment

    public init(options: BuildOptions, version: String, environment: Environment) {
        self.options = options
        self.version = version
        self.environment = environment
    }

    /// Builds the site.
    /// - Throws: `BuildError` naming the stage, and the question where there is one.
    public func build() async throws -> BuildSummary {
        let warnings = WarningLog { [log = environment.log] in log(.warning($0)) }
        let clock = PhaseClock()
        let folder = outputFolder
        let layout = SiteLayout(site: folder)
        // `/`, the home folder or a folder of foreign files is refused before anything runs
        // or is written beside it (no lock file, no `.almanac/`).
        try stage(.writing) {
            try SiteWriter(files: files).checkTarget(folder, home: options.homeFolder)
        }
        let file = try loadQuestions()
        // A FIFO or a device as the database would block the build forever while it holds
        // the site's lock: refuse it before taking the lock.
        let location = try databaseLocation(file)
        if let path = location.filePath {
            try stage(.database) { try SQLiteConnection.refuseSpecialFile(at: path) }
        }
        let lock = try stage(.writing) { try BuildLock(layout: layout, files: files) }
        defer { lock.release() }

        let narration = narrationSettings(file)
        let shortcut = BuildShortcut(options: options, version: version, environment: environment)
        let fingerprint = shortcut.fingerprint(file, database: location, narration: narration)
        if let unchanged = shortcut.unchanged(fingerprint, layout: layout, clock: clock) {
            environment.log(.unchanged)
            return unchanged
        }
        let source = try BuildSource.open(location, asOf: options.asOf, warnings: warnings)
        let week = try stage(.database) {
            try WeeklyChange.read(from: source.db, asOf: source.asOf)
        }
        // The site about to be replaced: its documents tell what changed since that report.
        let previousSite = PreviousSite.read(from: layout, files: files)
        let previousFeed = try stage(.writing) { try Feed.previous(in: layout, files: files) }
        environment.log(.started(questions: file.questions.count))
        clock.mark("load")

        // A build keeps its analyses' results for the next one; `--force` and `--dump-sql`
        // start afresh, and so does PostgreSQL, whose data has no file to tell a change by.
        let scope = analysisScope(source)
        let keepsResults = location.filePath != nil
        let reuses = keepsResults && !options.force && options.dumpSQLPath == nil
        var answering = answering(file, source, narration, warnings, clock)
        answering.cache =
            reuses
            ? AnalysisCache.load(from: layout.analysisCache, scope: scope, files: files)
            : AnalysisCache(scope: scope)
        answering.previousSite = previousSite
        let answers = try await answering.answer(file.questions)
        if keepsResults {
            do {
                try answers.cache.save(to: layout.analysisCache, files: files)
            } catch {
                warnings.add(String(describing: error))
            }
        }
        recordCacheUse(answers.usedKeys, narration, warnings)
        let alerts = try stage(.alerts) {
            try AlertEvaluator(alerts: file.alerts, path: file.path).evaluate(answers.reports)
        }
        for alert in alerts where alert.triggered { environment.log(.alert(alert.description)) }

        // Pages go straight to the staging folder as they are rendered; a failure from here
        // on removes it, and the current site stays as it was.
        let site = try stage(.writing) {
            try SiteWriter(files: files).begin(layout, force: options.force)
        }
        let written: WriteSummary
        let searchIndexBytes: Int
        do {
            let renderer = try stage(.rendering) {
                try siteRenderer(title: file.title, asOf: source.asOf, warnings: warnings)
            }
            do {
                searchIndexBytes = try await renderer.render(
                    answers.reports, stats: source.stats, week: week,
                    digest: Digest(
                        title: file.title, asOf: source.asOf, alerts: alerts,
                        reports: answers.reports),
                    previousFeed: previousFeed, into: { try site.put($0, $1) })
            } catch {
                // A page that cannot be written is the writing stage's failure, in its question.
                let underlying = (error as? QuestionFailure)?.underlying ?? error
                throw BuildError(underlying is SiteError ? .writing : .rendering, error)
            }
            clock.mark("render")
            if options.strict && !warnings.list.isEmpty {
                throw BuildError(.strict, StrictFailure(warnings: warnings.list))
            }
            // The dump first: a dump that cannot be written fails the build before the new
            // site is swapped in, so the old site stays, as for any other failure.
            if let dump = options.dumpSQLPath {
                try stage(.writing) {
                    try writeDump(source.recorder.dump(analyses: answers.sql), to: dump)
                }
            }
            written = try stage(.writing) { try site.finish() }
        } catch {
            site.abandon()
            throw error
        }
        // A build whose narration fell back to the offline narrator (a model that failed, a
        // missing cached answer) is not recorded: the next build should try again. The
        // fingerprint is taken again now: the build itself may have added answers to the cache.
        if !answers.narrationFellBack,
            let after = shortcut.fingerprint(file, database: location, narration: narration)
        {
            do {
                try BuildState(
                    fingerprint: after, files: BuildState.stamps(in: folder, files: files),
                    pages: answers.reports.count, asOf: source.asOf.description
                ).save(to: layout, files: files)
            } catch {
                warnings.add(String(describing: error))
            }
        }
        clock.mark("write")
        var summary = BuildSummary(
            pages: answers.reports.count, asOf: source.asOf, files: written,
            warnings: warnings.list, alerts: alerts.filter(\.triggered).map(\.description),
            phases: BuildPhase.list(clock))
        summary.searchIndexBytes = searchIndexBytes
        summary.siteBytes = site.size
        return summary
    }

    /// The inputs' stamps that `almanac serve` watches; see `BuildShortcut.inputStamps`.
    public func inputStamps() -> String {
        BuildShortcut(options: options, version: version, environment: environment).inputStamps()
    }

    /// One question through the same matcher, analytics, narrator and cache as a build:
    /// `almanac ask`. The questions file is optional; when present, its patterns, `llm:` block
    /// and database are used. One question is not a build: the cache's record of what the
    /// last build used stays, and no analysis result is kept.
    /// - Returns: the report and its document, as `site/<id>.json` would hold it.
    public func ask(_ text: String) async throws -> (
        report: QuestionReport, document: JSONValue, warnings: [String]
    ) {
        let warnings = WarningLog { [log = environment.log] in log(.warning($0)) }
        var file = QuestionFile(path: options.questionsPath, title: "Almanac", questions: [])
        if files.exists(URL(fileURLWithPath: options.questionsPath)) {
            file = try loadQuestions()
        }
        let id = Slug.make(from: text).isEmpty ? "question" : Slug.make(from: text)
        let location = try databaseLocation(file)
        let source = try BuildSource.open(location, asOf: options.asOf, warnings: warnings)
        let answering = answering(file, source, narrationSettings(file), warnings, PhaseClock())
        let report = try await answering.answer([Question(id: id, text: text)]).reports[0]
        return (report, report.document(asOf: source.asOf, stats: source.stats), warnings.list)
    }

    // MARK: - Steps

    /// `--out` with its symbolic links resolved: a link to a folder publishes into the
    /// folder it points to, and the link stays as it is.
    private var outputFolder: URL {
        URL(fileURLWithPath: options.outputPath).resolvingSymlinksInPath()
    }

    private var files: any FileSystem { environment.files }

    private func loadQuestions() throws -> QuestionFile {
        try stage(.questions) {
            try QuestionLoader().load(contentsOf: options.questionsPath, files: files)
        }
    }

    private func databaseLocation(_ file: QuestionFile) throws -> DatabaseLocation {
        try stage(.database) {
            try file.databaseLocation(
                override: options.databasePath, timeout: options.statementTimeout)
        }
    }

    private func narrationSettings(_ file: QuestionFile) -> NarrationSettings {
        options.llm.settings(for: file, jobs: options.jobs, environment: environment)
    }

    private func answering(
        _ file: QuestionFile, _ source: BuildSource, _ narration: NarrationSettings,
        _ warnings: WarningLog, _ clock: PhaseClock
    ) -> QuestionAnswering {
        QuestionAnswering(
            options: options, file: file, source: source, narration: narration,
            warnings: warnings, clock: clock, log: environment.log,
            cache: AnalysisCache(scope: analysisScope(source)))
    }

    /// What the analysis results kept for the next build depend on.
    private func analysisScope(_ source: BuildSource) -> String {
        let database = source.location.filePath ?? source.path
        return [
            BuildState.describe(database, files: files),
            BuildState.describe(database + "-wal", files: files),
            source.asOf.description, version, options.toolIdentity,
        ].joined(separator: "\n")
    }

    /// Tells the answer cache which entries this build used, so `almanac cache prune` keeps
    /// them.
    private func recordCacheUse(
        _ keys: Set<String>, _ narration: NarrationSettings, _ warnings: WarningLog
    ) {
        guard narration.model != nil, narration.mode != .off, !keys.isEmpty else { return }
        do {
            try AnswerCache(folder: narration.cacheFolder, files: files).recordUse(keys)
        } catch {
            warnings.add(String(describing: error))
        }
    }

    private func siteRenderer(title: String, asOf: CivilDate, warnings: WarningLog) throws
        -> SiteRenderer
    {
        let plotly = PlotlySource.choose(
            fromCDN: options.plotlyFromCDN, file: options.plotlyPath,
            read: { [files] in try? files.contents(of: URL(fileURLWithPath: $0)) },
            warn: warnings.add)
        return try SiteRenderer(
            title: title, asOf: asOf, version: version,
            templatesFolder: options.templatesPath.map { URL(fileURLWithPath: $0) },
            plotly: plotly, plotlyName: options.plotlyPath ?? "plotly.min.js", files: files,
            warn: warnings.add)
    }

    private func writeDump(_ text: String, to path: String) throws {
        do {
            try files.write(Data(text.utf8), to: URL(fileURLWithPath: path))
        } catch {
            throw SiteError(
                path: path, message: "cannot write the SQL dump: \(error.localizedDescription)")
        }
    }

    private func stage<T>(
        _ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T
    ) throws -> T {
        try BuildError.wrapping(stage, question, body)
    }
}

/// Warnings that `--strict` turned into a failure.
public struct StrictFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var warnings: [String]

    public var description: String {
        "--strict treats warnings as errors:\n" + warnings.map { "  " + $0 }.joined(separator: "\n")
    }
}
