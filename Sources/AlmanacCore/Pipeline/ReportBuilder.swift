import Foundation

/// The pipeline: questions file → matcher → analytics → charts → narrator → renderer →
/// site writer. Each step belongs to its stage's folder; this type only runs them in order
/// and names the stage of any failure.
public struct ReportBuilder {
    public var options: BuildOptions
    public var version: String
    public var environment: Environment
    /// Kept from one build to the next by `almanac serve`, which builds with one builder.
    private let matchers = MatcherShelf()

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
        let layout = SiteLayout(site: outputFolder)
        // `/`, the home folder or a folder of foreign files is refused before anything runs
        // or is written beside it (no lock file, no `.almanac/`).
        try stage(.writing) {
            // `--out ""` built into the current folder (blind test 45).
            if options.outputPath.trimmingCharacters(in: .whitespaces).isEmpty {
                throw SiteError(path: "--out", message: "is empty; name the site's folder")
            }
            try SiteWriter(files: files).checkTarget(layout.site, home: options.homeFolder)
            try refuseSiteInTemplates(layout)
            if let dump = options.dumpSQLPath {
                try SitePublishing.checkDump(dump, site: layout.site, files: files)
            }
        }
        let file = try loadQuestions()
        // A FIFO or a device as the database would block the build forever while it holds
        // the site's lock: refuse it before taking the lock.
        let location = try databaseLocation(file)
        if let path = location.filePath {
            try stage(.database) { try SQLiteConnection.refuseSpecialFile(at: path) }
            try stage(.writing) {
                try SiteWriter(files: files).refuseDatabase(
                    URL(fileURLWithPath: path), inside: layout.site)
            }
        }
        let lock = try stage(.writing) { try BuildLock(layout: layout, files: files) }
        defer { lock.release() }
        SiteWriter(files: files).discardLeftovers(layout)

        let narration = narrationSettings(file)
        let records = BuildRecords(
            options: options, version: version, environment: environment, layout: layout)
        let inputs = records.inputs(file, database: location, narration: narration)
        let fingerprint = records.fingerprint(of: inputs)
        if let unchanged = records.unchanged(fingerprint, clock: clock) {
            environment.log(.unchanged)
            // What caused the last build's warnings and alerts is still there: they are said
            // again, in the same words.
            for warning in unchanged.warnings { environment.log(.warning(warning)) }
            for alert in unchanged.alerts { environment.log(.alert(alert)) }
            return unchanged
        }
        let counted = ExecutionCounters.shared.snapshot
        let stamps = records.dataStamps(location)
        let source = try BuildSource.open(
            location, asOf: options.asOf, today: today, warnings: warnings)
        var week = try stage(.database) {
            try WeeklyChange.read(from: source.db, asOf: source.asOf)
        }
        week.dataEnds = source.dataEnds
        week.dataBegins = source.firstDay
        // The site about to be replaced: what changed since that report, and its feed.
        let previousSite = await PreviousSite.read(from: layout, files: files)
        let previousFeed = try stage(.writing) { try Feed.previous(in: layout, files: files) }
        try refuseOlderReport(previousFeed, asOf: source.asOf, in: layout)
        environment.log(.started(questions: file.questions.count))
        clock.mark("load")

        var answering = answering(file, source, narration, warnings, clock)
        answering.cache = records.analysisCache(for: source, stamps: stamps)
        answering.previousSite = previousSite
        answering.week = week
        answering.recordsCacheUse = true
        answering.records = records
        var answers = try await answering.answer(file.questions)
        week.drivers = answers.weekDrivers
        let names = NameTable()
        let summaries = answers.reports.map { ReportSummary($0, nameTable: names) }
        // Each report is handed to the pages once, and leaves memory when they are written.
        let pending = PendingReports(answers.reports)
        answers.reports = []
        let alerts = try stage(.alerts) {
            try AlertEvaluator(alerts: file.alerts, path: file.path).evaluate(
                summaries, warn: warnings.add)
        }
        for alert in alerts where alert.triggered { environment.log(.alert(alert.description)) }

        let published = try await SitePublishing(
            options: options, version: version, files: files, layout: layout, warnings: warnings
        ).publish(
            answers, pending: pending, summaries: summaries, title: file.title, source: source,
            week: week, alerts: alerts, previousFeed: previousFeed, clock: clock)
        // Of the inputs as the build began, the answer cache stamped again: the build itself
        // may have added answers to it. A build whose narration fell back records no
        // fingerprint, so the next one tries again, but still its files: they are the ones a
        // later build may delete.
        records.recordState(
            answers.narrationFellBack ? nil : records.fingerprint(of: inputs),
            produced: published.produced,
            pages: summaries.count, asOf: source.asOf, warnings: warnings)
        do {
            try previousSite.keepRemoved(
                besides: Set(file.questions.map(\.id)), in: layout, files: files)
        } catch {
            warnings.add("cannot keep the reports of removed questions: \(error)")
        }
        clock.mark("write")
        var summary = BuildSummary(
            pages: summaries.count, asOf: source.asOf, files: published.written,
            warnings: warnings.list, alerts: alerts.filter(\.triggered).map(\.description),
            phases: clock.phases)
        summary.searchIndexBytes = published.searchIndexBytes
        summary.siteBytes = published.siteBytes
        summary.plan = answers.plan
        summary.execution = ExecutionCounters.shared.snapshot - counted
        return summary
    }

    /// What `almanac serve` watches to know when to build again.
    public func inputWatcher() -> InputWatcher {
        InputWatcher(options: options, environment: environment)
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
        let source = try BuildSource.open(
            location, asOf: options.asOf, today: today, warnings: warnings)
        let answering = answering(file, source, narrationSettings(file), warnings, PhaseClock())
        let answers = try await answering.answer([Question(id: id, text: text)])
        let report = try answers.charted(answers.reports[0])
        return (report, report.document(asOf: source.asOf, stats: source.stats), warnings.list)
    }

    // MARK: - Steps

    /// `--out` with its symbolic links resolved: a link to a folder publishes into the
    /// folder it points to, and the link stays as it is.
    private var outputFolder: URL {
        files.resolvingLinks(URL(fileURLWithPath: options.outputPath))
    }

    private var files: any FileSystem { environment.files }

    /// The wall clock's day, for `BuildSource`'s check of dates in the future.
    private var today: CivilDate {
        CivilDate(
            daysSinceEpoch: Int((environment.now().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

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
            cache: AnalysisCache(scope: ""), matchers: matchers)
    }

    private func stage<T>(
        _ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T
    ) throws -> T {
        try BuildError.wrapping(stage, question, body)
    }
}

extension ReportBuilder {
    /// A build as of a day before the report its folder holds would replace that report
    /// with an older one, and compare with nothing (a blind test found the older report's
    /// pages saying "new in this report" and its feed entry overwritten). `--force` replaces
    /// it all the same.
    func refuseOlderReport(_ feed: String?, asOf: CivilDate, in layout: SiteLayout) throws {
        guard !options.force, let feed,
            let latest = Feed.entries(in: feed).map(\.date).max(), latest > asOf.description
        else { return }
        throw BuildError(
            .writing,
            SiteError(
                path: layout.site.path,
                message:
                    "holds the report as of \(latest), later than this build's as-of date \(asOf): building would replace it with an older report. Build into another folder with --out, or run `almanac build --force` once to replace it"
            ))
    }

    /// A site inside the templates folder is read back as templates, and `serve`, which
    /// watches that folder, rebuilt it without end (a blind test: 93 builds in 8 s).
    func refuseSiteInTemplates(_ layout: SiteLayout) throws {
        guard let templates = options.templatesPath else { return }
        let folder = files.resolvingLinks(URL(fileURLWithPath: templates)).standardizedFileURL
            .path
        let site = files.resolvingLinks(layout.site).standardizedFileURL.path
        guard site == folder || site.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        else { return }
        throw SiteError(
            path: layout.site.path,
            message:
                "is inside the templates folder \(templates): the site would be read back as templates, and serve would rebuild it without end; choose an --out outside it"
        )
    }
}
