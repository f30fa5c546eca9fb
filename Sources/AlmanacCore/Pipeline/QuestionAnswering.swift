import Foundation

/// Matcher, analytics, insights and narrator for a list of questions, in their order, and
/// each question's charts on demand: everything a build and `ask` share between opening the
/// database and rendering.
struct QuestionAnswering {
    var options: BuildOptions
    var file: QuestionFile
    var source: BuildSource
    var narration: NarrationSettings
    var warnings: WarningLog
    var clock: PhaseClock
    var log: @Sendable (BuildEvent) -> Void
    /// The analysis results of the last build (empty for `ask`, `--force` and `--dump-sql`);
    /// updated with this build's.
    var cache: AnalysisCache
    /// Where a build keeps this build's analysis results for the next one, as soon as they
    /// are known; nil for `ask`.
    var records: BuildRecords?
    /// The site about to be replaced, for "since the last report".
    var previousSite = PreviousSite()
    /// The index's last 7 days, whose drivers are counted with the questions'; nil for `ask`.
    var week: WeeklyChange?
    /// Whether to tell the answer cache which entries were used, so that `almanac cache
    /// prune` keeps them: a build does, `ask` does not (one question is not a build).
    var recordsCacheUse = false
    /// The builder's last matcher, used again when nothing it reads has changed.
    var matchers = MatcherShelf()

    /// What answering produced.
    struct Answers: Sendable {
        /// Every question's report with its numbers and narration, without its charts: a build
        /// draws each question's charts (`charted`) just before it renders that question's
        /// pages, so the figures of every question are never in memory at once.
        var reports: [QuestionReport]
        /// Draws the charts.
        var charts: ChartBuilder
        /// The shared statements that ran, parameters inlined, in plan order.
        var sharedSQL: [String]
        /// Each analysis's standalone statements, in question order, the comparison windows'
        /// after the questions'.
        var standaloneSQL: [StandaloneSQL]
        /// Some answer wanted from the model or the cache came from the offline narrator.
        var narrationFellBack: Bool
        /// The analyses' plan, for `--timings`.
        var plan: [PlanStep] = []
        /// The questions file, which a chart's mistake names with its line.
        var path: String? = nil
        /// What drove the index's last 7 days, by measure.
        var weekDrivers: [String: Drivers] = [:]

        /// The analyses' statements, each once, for `--dump-sql`: the shared statements, then
        /// each analysis's standalone statements. Written out here, since only the dump reads
        /// the comparison windows' statements.
        var sql: [String] {
            var seen = Set<String>()
            return (sharedSQL + standaloneSQL.flatMap(\.texts)).filter { seen.insert($0).inserted }
        }

        /// The report with its charts and its standalone statements written out. Narration
        /// and its grounding check never read them.
        /// - Throws: `BuildError` at the charts stage, naming the question.
        func charted(_ report: QuestionReport) throws -> QuestionReport {
            var report = report
            if let pending = report.pendingSQL {
                report.sql = pending.texts
                report.pendingSQL = nil
            }
            report.charts = try BuildError.wrapping(.charts, report.question.id) {
                do {
                    return try charts.charts(
                        for: report.output, question: report.question, answer: report.answer,
                        match: report.match)
                } catch var error as ChartError {
                    error.path = path
                    throw error
                }
            }
            return report
        }
    }

    /// - Throws: `BuildError` naming the stage, and the question where there is one.
    func answer(_ questions: [Question]) async throws -> Answers {
        // A build with no result known from the last makes its facts on its connections while
        // the questions are matched; a rebuild's statements define them in their own `WITH`,
        // and the row rules were checked on its data before. Where the facts are made once
        // and copied (SQLite, up to `BuildFacts.sharedBytes`), the other connection checks
        // the row rules meanwhile; otherwise they run in the pool beside the first statements.
        if !cache.knowsThisData {
            source.snapshot.prepareInBackground(
                BuildFacts.preparation([.facts], source.db.dialect.readingTemporaryTables()),
                sharingUpTo: BuildFacts.sharedBytes(enrollments: source.stats.enrollments),
                checkingRowRules: true)
        }
        let (matches, routingKeys) = try await preparing { try await match(questions) }
        clock.mark("match")
        try stage(.analytics) { try validateCustomSQL(questions) }
        let (analysed, sql, plan, weekDrivers):
            (
                [Analysed], (shared: [String], standalone: [StandaloneSQL]), [PlanStep],
                [String: Drivers]
            )
        do {
            // The analysis results kept for the next build leave memory once saved.
            var cache = cache
            (analysed, sql, plan, weekDrivers) = try await analyse(
                questions, matches, cache: &cache)
            records?.keep(cache, for: source, warnings: warnings)
        }
        Allocator.releaseFreed()
        clock.mark("sql")
        let charts = ChartBuilder(
            limit: options.chartLimit, badgeCategories: source.catalogue.categories,
            asOf: source.asOf, firstDay: source.firstDay)
        let answers = zip(matches, analysed).map(answer)
        // Exactly as many as there are questions: a report is 1.3 KB in place, and the
        // array's doubling left 8 MB unused at 10,000 questions.
        var reports: [QuestionReport] = []
        reports.reserveCapacity(questions.count)
        for index in questions.indices {
            let (question, match, outcome) = (questions[index], matches[index], analysed[index])
            var output = outcome.output
            if var trends = output as? OrganizationTrends {
                trends.dataBegins = source.firstDay
                output = trends
            }
            var report = QuestionReport(
                question: question, match: match, output: output, answer: answers[index],
                charts: [], narration: Narration(markdown: "", source: .offline),
                grounding: Grounding(figures: 0, verified: 0, unverified: []), sql: [],
                engine: source.db.dialect.name)
            report.pendingSQL = outcome.sql
            report.keyMeasures = match.keyMeasures(outcome.measures, answer: answers[index])
            report.shared = outcome.shared
            report.backDated = source.latestActivity.map { (source.asOf, $0) }
            // Said on the pages whose window reaches past the data's last day: "Enrollments in
            // 2024" as of after it is whole.
            if let ends = source.dataEnds,
                (match.filters.dateRange?.end).map({ $0 > ends.adding(days: 1) }) ?? true
            {
                report.dataEnds = ends
            }
            report.comparison = outcome.comparison
            report.insights = outcome.insights
            let previous = previousSite.documents[question.id]
            report.sinceLastReport = SinceLastReport.make(
                measures: report.keyMeasures, previous: previous, asOf: source.asOf,
                kind: match.kind, window: match.filters.dateRange,
                intent: previous == nil ? nil : match.intentJSON)
            reports.append(report)
        }
        let (narrated, fellBack) = try await narrate(
            consume reports, milliseconds: analysed.map(\.milliseconds), routingKeys: routingKeys)
        Allocator.releaseFreed()
        clock.mark("narration")
        return Answers(
            reports: narrated, charts: charts, sharedSQL: sql.shared,
            standaloneSQL: sql.standalone, narrationFellBack: fellBack, plan: plan,
            path: file.path, weekDrivers: weekDrivers)
    }

    /// A question's answer, set beside the same answer in the window it names against its
    /// own ("2025 against 2024").
    private func answer(_ match: Match, _ outcome: Analysed) -> Answer? {
        let answer = Answer.make(
            outcome.output, intent: match.intent, filters: match.filters, asOf: source.asOf,
            firstDay: source.firstDay, comparison: outcome.comparison)
        guard let versus = match.versus, let other = outcome.versus else { return answer }
        var filters = match.filters
        filters.dateRange = versus
        // The earlier window is counted at the same age: the days it covers end at its own
        // as-of date, and the label says so.
        var counted = versus
        if let cutoff = outcome.comparison?.windows.previousAsOf.adding(days: 1),
            let end = versus.end, cutoff < end
        {
            counted.end = cutoff
            counted.phrase = versus.phrase + " to the same day"
        } else if let asOf = outcome.comparison?.windows.previousAsOf, asOf < source.asOf,
            Self.countsStatus(match.intent)
        {
            // "Q2 vs Q1 completion rate": Q1's rate as it stood at the end of Q1 (37.82%),
            // not as it stands now (56.03%, the answer to "the completion rate in Q1"), said.
            counted.phrase = versus.phrase + " as it stood on \(asOf)"
        }
        // Every row of the earlier window: a name ranked in this window's top 3 but not in
        // that one's was set against 0 ("Git & GitHub 236 against 0"; it had 157).
        var whole = match.intent
        whole.ranking?.count = nil
        return Answer.make(other, intent: whole, filters: filters).flatMap {
            answer?.against(
                $0, window: counted, current: match.filters.dateRange?.phrase ?? "",
                firstDay: source.firstDay)
        }
    }

    /// Whether a measure reads the enrollments' statuses, which the earlier window counts as
    /// of its own date. Enrollments, completions by their day and drop-outs (which carry no
    /// date) are the same either way. Average progress is not back-dated (progress carries
    /// no date, docs/metrics.md): its earlier window is as it stands now, and the label said
    /// "as it stood" (blind test 37).
    static func countsStatus(_ intent: Intent) -> Bool {
        switch intent.measure {
        case .completionRate, .inProgress, .timeToComplete, .meanTimeToComplete:
            return true
        case .completions: return intent.completedEnrollments
        default: return false
        }
    }

    // MARK: - Matching

    private func match(_ questions: [Question]) async throws -> ([Match], Set<String>) {
        let matcher = try stage(.matching) {
            try matchers.matcher(
                overrides: file.patterns, catalogue: source.catalogue, asOf: source.asOf)
        }
        let routed = await QuestionRouting(
            matcher: matcher, model: ModelRouter(settings: narration, catalogue: source.catalogue)
        ).route(questions)
        matcher.memo.keepRoutes(of: questions)
        warnings.add(routed.notes)
        if !routed.errors.isEmpty {
            let failures = MatchFailures(path: file.path, errors: routed.errors)
            throw BuildError(.matching, question: failures.questionID, failures)
        }
        // A name read as the one real name a letter away is said at build time too, with the
        // line to fix: the page says it only under "How this was computed".
        for (question, match) in zip(questions, routed.matches) {
            // `ask`'s question has no line in a file (0): no place to point at.
            let place = question.line > 0 ? "\(file.path):\(question.line): " : ""
            for correction in match.corrections {
                warnings.add(
                    "\(place)question `\(question.id)`: \(correction.summary); write the name as the database has it"
                )
            }
        }
        return (routed.matches, routed.usedKeys)
    }

    // MARK: - Analytics

    /// Custom SQL is checked before any query runs, so a bad statement costs nothing, and
    /// every bad one is reported at once.
    private func validateCustomSQL(_ questions: [Question]) throws {
        var refused = CustomSQLFailures(path: file.path, failures: [])
        for question in questions {
            guard let sql = question.sql else { continue }
            do {
                try CustomSQL.validate(sql, questionID: question.id, on: source.db)
            } catch {
                refused.failures.append(
                    .init(questionID: question.id, line: question.line, message: "\(error)"))
            }
        }
        if !refused.failures.isEmpty {
            throw BuildError(.analytics, question: refused.questionID, refused)
        }
    }

    /// One question's numbers: its analysis, the key measures with their comparison
    /// windows, and the insights read from them.
    struct Analysed: Sendable {
        var output: any AnalysisOutput
        var sql: StandaloneSQL
        var milliseconds: Int
        var shared: [SharedScope]
        var measures: [KeyMeasure]
        var comparison: Comparison?
        var insights: [Insight]
        /// The analysis of the window the question sets against its own ("against 2024").
        var versus: (any AnalysisOutput)?
    }

    /// The questions' analyses, then the previous and year-ago windows of those that have
    /// key measures, through the same runner and cache; then each scope's weekly series.
    /// - Returns: each question's numbers, the shared statements that ran, and every
    ///   analysis's standalone statements, the questions' own first.
    private func analyse(_ questions: [Question], _ matches: [Match], cache: inout AnalysisCache)
        async throws -> (
            [Analysed], sql: (shared: [String], standalone: [StandaloneSQL]), plan: [PlanStep],
            week: [String: Drivers]
        )
    {
        let windows = matches.map { match in
            match.kind.keyMeasures == nil ? nil : ComparisonWindows.of(match, asOf: source.asOf)
        }
        // Reserved to their sizes: at 10,000 questions these arrays grew by doubling at the
        // end of the SQL phase, the build's peak, each holding an old buffer and a new one.
        var pairs: [(Question, Match)] = []
        pairs.reserveCapacity(matches.count + 2 * windows.count { $0 != nil })
        pairs += zip(questions, matches)
        // The earlier windows are counted at the same age as the current one.
        var cutoffs: [CivilDate?] = Array(repeating: nil, count: pairs.count)
        // Only their key measures are read, but for the window a question sets against its
        // own ("against 2024"), which its page shows whole.
        var measuresOnly = Array(repeating: false, count: pairs.count)
        for (index, window) in windows.enumerated() {
            guard let window else { continue }
            pairs.append((questions[index], window.match(matches[index], for: window.previous)))
            pairs.append((questions[index], window.match(matches[index], for: window.yearAgo)))
            cutoffs += [window.previousAsOf, window.yearAgoAsOf]
            // A total summed over a series' periods needs the series.
            let summed = !(matches[index].keyMeasures?.sums.isEmpty ?? true)
            measuresOnly += [matches[index].versus == nil && !summed, !summed]
        }
        // The pool's connections read the build's snapshot; it ends with the pool's work (the
        // build's last statements), and a writer waiting for a rollback-journal lock goes on.
        let snapshot = source.snapshot
        defer { snapshot.end() }
        var runner = AnalysisRunner(
            db: source.db, open: { try snapshot.connection() }, asOf: source.asOf)
        runner.rowRules = snapshot.rowRulesChecked
        runner.readsBuildFacts = !cache.knowsThisData
        // Every scope's weekly series: the last build's where it counted the same scope as of
        // the same day, the others from one shared statement run in the same pool.
        var scopes: [Filters] = []
        for match in matches where match.kind.keyMeasures != nil && !scopes.contains(match.filters)
        {
            scopes.append(match.filters)
        }
        var weekly: [Filters: WeeklySeries] = [:]
        // The series known from the last build, as kept: stored again as they are.
        var kept: [Filters: Data] = [:]
        for scope in scopes {
            guard let data = cache.weeklyData(for: scope, asOf: source.asOf),
                let series = try? JSONDecoder().decode(WeeklySeries.self, from: data)
            else { continue }
            (weekly[scope], kept[scope]) = (series, data)
        }
        let missing = scopes.filter { weekly[$0] == nil }
        let weeklyStatement =
            missing.isEmpty
            ? nil : WeeklySeries.statement(for: missing, asOf: source.asOf, in: runner.dialect)
        // The windows of the moves known now are counted in the same pool; the runner keeps
        // only this build's analyses in the cache.
        var early = EarlyDrivers(earlyDriverWindows(matches, windows), cache, runner.dialect)
        let earlyCache = cache
        let (outcomes, pass): ([AnalysisRunner.Outcome], AnalysisRunner.Pass)
        do {
            (outcomes, pass) = try await runner.run(
                pairs, asOf: cutoffs, measuresOnly: measuresOnly,
                also: [weeklyStatement, early.statement].compactMap { $0 }, cache: &cache)
        } catch let failure as QuestionFailure {
            // A query SQLite refuses only as it runs ("not authorized" for load_extension) is
            // given at its line, as the ones refused before any ran are (blind test 82).
            if let custom = failure.underlying as? CustomSQLError,
                let question = questions.first(where: { $0.id == custom.questionID })
            {
                throw BuildError(
                    .analytics, question: custom.questionID,
                    CustomSQLFailures(
                        path: file.path,
                        failures: [
                            .init(
                                questionID: custom.questionID, line: question.line,
                                message: "\(custom)")
                        ]))
            }
            throw BuildError(.analytics, failure)
        } catch {
            throw BuildError(.database, error)
        }
        // The pool's statements are done: what their sorters and results held, freed on the
        // pool's threads, goes back before the outcomes are read into the questions' numbers.
        Allocator.releaseFreed()
        if pass.statements > 0 {
            log(
                .queried(
                    statements: pass.statements, rows: pass.rows, milliseconds: pass.milliseconds))
        }
        warnings.add(pass.warnings.map { "\(source.path): \($0.description)" })
        warnings.add(pass.notes.map { "\(source.path): \($0)" })
        if let weeklyStatement, let returned = pass.also.first {
            let set = try stage(.analytics) { try returned.get() }
            let series = WeeklySeries.series(
                from: set, of: weeklyStatement, filters: missing, asOf: source.asOf)
            for (scope, counted) in zip(missing, series) { weekly[scope] = counted }
        }
        if early.statement != nil, let returned = pass.also.last {
            early.read(try stage(.analytics) { try returned.get() })
        }
        // The new series encoded on every core (2,000 questions' took a third of a second of
        // one), the known ones kept as they were read.
        let counted = missing.compactMap { scope in weekly[scope].map { (scope, $0) } }
        let encoded = await counted.map(\.1).concurrentMap { try? JSONEncoder().encode($0) }
        for ((scope, _), data) in zip(counted, encoded) {
            cache.store(encoded: data, for: scope, asOf: source.asOf)
        }
        for (scope, data) in kept { cache.store(encoded: data, for: scope, asOf: source.asOf) }
        // Where each question's previous and year-ago windows are among the outcomes.
        var windowsAt: [Int?] = []
        windowsAt.reserveCapacity(matches.count)
        var extra = questions.count
        for window in windows {
            windowsAt.append(window == nil ? nil : extra)
            if window != nil { extra += 2 }
        }
        // Each question's key measures, comparison and insights, on every core: they read
        // its analysis as JSON (`measuredJSON`), three times with its windows.
        let firstDay = source.firstDay
        var analysed = await Array(matches.indices).concurrentMap { [weekly, windowsAt] index in
            let (match, outcome) = (matches[index], outcomes[index])
            var result = Analysed(
                output: outcome.output, sql: outcome.sql, milliseconds: outcome.milliseconds,
                shared: outcome.shared,
                measures: match.keyMeasures?.measures(in: outcome.output.measuredJSON) ?? [],
                insights: [])
            if let window = windows[index], let spec = match.keyMeasures,
                let at = windowsAt[index]
            {
                let (previous, yearAgo) = (outcomes[at], outcomes[at + 1])
                if match.versus != nil { result.versus = previous.output }
                result.comparison = Comparison(
                    windows: window, current: result.measures,
                    previous: spec.measures(in: previous.output.measuredJSON),
                    yearAgo: spec.measures(in: yearAgo.output.measuredJSON), firstDay: firstDay)
            }
            // A previous window before the data began would make every badge "rise" from 0.
            result.insights = InsightFinder().insights(
                kind: match.kind, measures: result.measures,
                comparison: result.comparison.flatMap {
                    Self.mostlyCovered($0.windows, firstDay: firstDay) ? $0 : nil
                },
                weekly: weekly[match.filters], scope: match.filters)
            return result
        }
        let drivers = try await addDrivers(
            to: &analysed, matches: matches, weekly: weekly,
            counts: early.counts, earlier: earlyCache, cache: &cache)
        // What ran (the shared statements), then each page's standalone statements.
        let sql = (shared: pass.sql + drivers.sql, standalone: outcomes.map(\.sql))
        return (analysed, sql, pass.plan + (drivers.plan.map { [$0] } ?? []), drivers.week)
    }

    /// Runs `body` while the build's connections make its facts, and waits for them.
    private func preparing<T>(_ body: () async throws -> T) async rethrows -> T {
        defer { source.snapshot.ready() }
        return try await body()
    }

    private func stage<T>(
        _ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T
    ) throws -> T {
        try BuildError.wrapping(stage, question, body)
    }
}
