import Foundation

/// Runs every question's analysis in the database. The schema's row rules run first, as SQL
/// counts, unless the last build checked this same data; then every analysis's statements
/// (and every custom query) run on a small pool of connections, and each question's result
/// is decoded from its own statements' small results.
/// The same analysis with the same filters runs once however often it is asked, and one the
/// last build computed on the same data does not run at all. Results come back in question
/// order.
struct AnalysisRunner {
    /// The connection the build opened; it runs the check and takes part in the pool.
    var db: any DatabaseConnection
    /// One more connection to the same database, for the pool (in a build, one that reads the
    /// build's snapshot); nil when the build's connection must run everything alone.
    var open: @Sendable () throws -> (any DatabaseConnection)?
    var asOf: CivilDate
    /// Connections that run statements at once, the build's own included.
    static let connections = 2
    /// The `also` statements taken early in the pool: long ones. The weekly series (19 scopes
    /// on the demo, about a tenth of the pool's work) taken last kept one connection busy
    /// alone for most of its length after the other had finished.
    static let leading: Set<String> = ["drivers", "weekly"]
    var workers = connections
    /// The row rules' report when they were checked before the pool (beside the build's
    /// facts, `ReadSnapshot.prepareInBackground`); nil: the pool checks them.
    var rowRules: Result<SchemaReport, any Error>?

    struct Outcome: Sendable {
        var output: any AnalysisOutput
        /// The statements that computed this question's numbers, written out when asked.
        var sql: StandaloneSQL
        var milliseconds: Int
        /// The shared statements that computed them, and this question's scope of each.
        var shared: [SharedScope] = []
    }

    /// What the database check found, for the progress line.
    struct Pass: Sendable {
        var statements = 0
        var rows: Int
        var milliseconds: Int
        /// Row problems that do not stop the build, such as completed rows with no date.
        var warnings: [SchemaFinding]
        /// What went less well than it should but did not change a number.
        var notes: [String] = []
        /// The shared statements that ran, parameters inlined, in plan order.
        var sql: [String] = []
        /// One line per shared statement: what it computed, for how many scopes, its rows
        /// and milliseconds (`--timings`).
        var plan: [PlanStep] = []
        /// What each of the `also` statements returned, in their order.
        var also: [Result<ResultSet, any Error>] = []
    }

    /// Whether the shared statements read the build's facts from temporary tables (made
    /// once per connection) rather than defining them in their own `WITH`. A build with a
    /// result known from the last reads them in their own `WITH`: its few statements read the
    /// tables' rows once each, where making the facts and their indexes cost each connection
    /// four to six times one such statement (the demo: 0.2 s against 40 ms).
    var readsBuildFacts = true

    /// The spelling of the build's shared statements: on an engine that keeps temporary
    /// tables, and unless `readsBuildFacts` is false, they read the build's facts from them.
    var dialect: any SQLDialect {
        readsBuildFacts ? db.dialect.readingTemporaryTables() : db.dialect
    }

    /// - Throws: the database check's error (`SchemaCheckError` for rows that break the
    ///   schema's rules), or `QuestionFailure` for the first failing question in order.
    /// - Parameters:
    ///   - asOf: each analysis's own as-of date when it is not the build's (the earlier
    ///     comparison windows, counted at the same age); empty when all are the build's.
    ///   - measuresOnly: for each question, true when only its key measures are read (see
    ///     `AnalysisRequest.measuresOnly`); empty when every output is read whole.
    ///   - also: statements of the build's own to run in the same pool (the weekly series),
    ///     spelled in `dialect`; what they return is `Pass.also`.
    func run(
        _ questions: [(Question, Match)], asOf cutoffs: [CivilDate?] = [],
        measuresOnly: [Bool] = [], also: [SQLStatement] = [],
        cache: inout AnalysisCache
    ) async throws -> ([Outcome], Pass) {
        var keys = questions.indices.map { index in
            AnalysisKey(
                questions[index].0, questions[index].1,
                asOf: (index < cutoffs.count ? cutoffs[index] : nil) ?? asOf,
                measuresOnly: index < measuresOnly.count && measuresOnly[index])
        }
        // An analysis also asked whole is read from its whole output.
        let whole = Set(keys.filter { !$0.measuresOnly })
        for index in keys.indices where keys[index].measuresOnly {
            var twin = keys[index]
            twin.measuresOnly = false
            if whole.contains(twin) { keys[index] = twin }
        }
        let started = ContinuousClock.now
        // One job per distinct analysis that neither this build nor the last has computed.
        var jobs: [Job] = []
        var jobOfKey: [AnalysisKey: Int] = [:]
        var known: [AnalysisKey: any AnalysisOutput] = [:]
        for ((question, match), key) in zip(questions, keys) {
            guard known[key] == nil, jobOfKey[key] == nil else { continue }
            if let cached = cache.output(for: key) {
                known[key] = cached
                continue
            }
            jobOfKey[key] = jobs.count
            jobs.append(
                Job(
                    question: question, match: match, key: key, dialect: db.dialect))
        }

        // The row rules guard every number: checked on this data before when a result of it
        // is known (`AnalysisCache.knowsThisData`), their warnings kept; otherwise they run
        // in the pool beside the first statements, and no result is read before they pass.
        var pass = Pass(rows: 0, milliseconds: 0, warnings: cache.warnings)
        let checking = !cache.knowsThisData

        // The plan: every analysis of one kind shares that kind's statements, each job one
        // scope of them; a custom query runs alone.
        var plan = Plan(jobs: jobs, dialect: dialect)
        let analyses = plan.work.count
        for statement in also {
            plan.work.append(.statement(statement))
            plan.steps.append(
                Plan.Step(name: statement.name, scopes: Set(statement.scopes.values).count))
        }
        let pooled = checking && rowRules == nil
        let work = (pooled ? [Work.rowRules] : []) + plan.work
        // The long statements of the build's own (the drivers' and the weekly series) are
        // taken early, right after the first statements, so that neither ends the pool on one
        // connection (each is put third in turn, so the later in `also` runs first).
        var order = Array(work.indices)
        let offset = pooled ? 1 : 0
        for (number, statement) in also.enumerated() where Self.leading.contains(statement.name) {
            let index = offset + analyses + number
            order.removeAll { $0 == index }
            order.insert(index, at: min(offset + 2, order.count))
        }
        let (finished, notes) = await Self.execute(
            work, workers: min(workers, work.count), first: db, order: order, open: open)
        let all = Array(finished.dropFirst(offset))
        let checked: SchemaReport?
        do {
            checked =
                pooled ? try finished[0].result.get().report : checking ? try rowRules?.get() : nil
        } catch let error as DatabaseError {
            // A timeout here is the row rules', which no question's statement is: said so (an
            // attack run's message named nothing).
            guard case .timeout(let milliseconds) = error.reason else { throw error }
            throw DatabaseError(
                path: error.path,
                reason: .rejected(
                    "the check of every row against docs/schema.md's rules (`almanac check`), which a build runs first, ran longer than statement_timeout (\(DatabaseError.seconds(milliseconds))); raise --statement-timeout"
                ))
        }
        if let report = checked {
            if report.hasErrors {
                throw SchemaCheckError(path: db.location, report: report)
            }
            pass.warnings = report.warnings
            cache.warnings = report.warnings
        }
        pass.also = all[analyses...].map { finished in
            finished.result.map { returned in
                guard case .rows(let set) = returned else {
                    return ResultSet(columns: [], rows: [])
                }
                return set
            }
        }
        pass.notes = notes
        // The analyses' statements: those the analysis cache saves a build from running.
        pass.statements = analyses
        pass.rows = all[..<analyses].reduce(0) { $0 + $1.rows }
        pass.milliseconds = Self.milliseconds(since: started)
        // The temporary tables first, so that `--dump-sql` replays in order.
        var preparation: [String] = []
        for case .statement(let statement) in plan.work {
            preparation += statement.preparation.filter { !preparation.contains($0) }
        }
        pass.sql = preparation + plan.work.map(\.sql)
        pass.plan = zip(plan.steps, all).map { step, finished in
            PlanStep(
                name: step.name, scopes: step.scopes, rows: finished.rows,
                milliseconds: finished.milliseconds)
        }

        // Reserved to their sizes: at 10,000 questions an array that grows by doubling held
        // its old buffer and a new one twice as large while it copied, at the SQL phase's end.
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(questions.count)
        var results: [Outcome] = []
        results.reserveCapacity(jobs.count)
        // Each job's scope is read, and encoded for the next build, on every core: one after
        // another, they were a second of one core at 2,000 questions. A failure is the first
        // failing question's, in file order, as before.
        let decoded = await Array(zip(jobs, plan.results(in: all))).concurrentMap {
            job, returned in
            let (finished, scope) = returned
            return Result {
                let output = try QuestionFailure.wrapping(job.question.id) {
                    try job.decode(finished, scope: scope)
                }
                let milliseconds = finished.reduce(0) { $0 + $1.milliseconds }
                return (output, milliseconds, AnalysisCache.encoded(output))
            }
        }
        for (job, done) in zip(jobs, decoded) {
            let (output, milliseconds, data) = try done.get()
            results.append(
                Outcome(
                    output: output, sql: job.standalone, milliseconds: milliseconds,
                    shared: job.shared))
            cache.store(encoded: data, for: job.key)
        }
        for ((question, match), key) in zip(questions, keys) {
            if let number = jobOfKey[key] {
                outcomes.append(results[number])
            } else if let output = known[key] {
                // Known from the last build: the statements that computed it are the same.
                let job = Job(question: question, match: match, key: key, dialect: db.dialect)
                outcomes.append(
                    Outcome(
                        output: output, sql: job.standalone, milliseconds: 0, shared: job.shared))
            }
        }
        cache.keep(keys)
        return (outcomes, pass)
    }

    // MARK: - Jobs

    /// One statement to run, one question's own query, or the schema's row rules.
    enum Work: Sendable {
        case statement(SQLStatement)
        case custom(sql: String, questionID: String)
        case rowRules

        var sql: String {
            switch self {
            case .statement(let statement): return statement.inlined
            case .custom(let sql, _): return sql.trimmingCharacters(in: .whitespacesAndNewlines)
            case .rowRules: return ""
            }
        }
    }

    /// What one piece of work returned.
    struct Done: Sendable {
        var result: Result<Returned, any Error>
        var milliseconds: Int
        var rows: Int {
            switch result {
            case .success(.rows(let set)): return set.rows.count
            case .success(.custom(let custom)): return custom.rows.count
            case .success(.report), .failure: return 0
            }
        }
    }

    enum Returned: Sendable {
        case rows(ResultSet)
        case custom(CustomSQL)
        case report(SchemaReport)

        var report: SchemaReport? {
            if case .report(let report) = self { return report }
            return nil
        }
    }

    /// One analysis: its standalone statements, and how to read its scope of the shared
    /// results.
    struct Job: Sendable {
        var question: Question
        var match: Match
        var analysis: (any Analysis.Type)?
        var key: AnalysisKey
        var request: AnalysisRequest
        /// The statements of this analysis alone (one scope), as a page shows them.
        var standalone: StandaloneSQL
        /// The shared statements of its kind, each with its scope: the same row of the
        /// scope list as the standalone statement's one row.
        var shared: [SharedScope] = []

        init(question: Question, match: Match, key: AnalysisKey, dialect: any SQLDialect) {
            self.question = question
            self.match = match
            self.key = key
            request = key.request
            analysis = match.kind.analysis
            if let analysis {
                let statements = analysis.statements(for: [request], in: dialect)
                standalone = StandaloneSQL(match.kind, request, in: dialect)
                shared = statements.map { statement in
                    SharedScope(
                        statement: "\(match.kind.rawValue).\(statement.name)",
                        scope: statement.scopeDescriptions[1] ?? "")
                }
            } else {
                standalone = StandaloneSQL(custom: question.sql ?? "")
            }
        }

        /// - Parameter scope: this job's rows of the shared statements, by statement name;
        ///   nil for a custom query, whose one result is `done`.
        func decode(_ done: [Done], scope: ResultSets?) throws -> any AnalysisOutput {
            for finished in done {
                // A failed shared statement fails every analysis that shares it.
                if case .custom(let custom) = try finished.result.get() { return custom }
            }
            guard let analysis, let scope else {
                throw CustomSQLError(questionID: question.id, message: "the query did not run")
            }
            return try analysis.decode(scope, for: request)
        }
    }

    /// The build's plan: the shared statements of each kind over all its jobs, then each
    /// custom query.
    struct Plan {
        struct Step {
            var name: String
            var scopes: Int
        }

        var work: [Work] = []
        var steps: [Step] = []
        /// Per job: the range of `work` that computed it, and its scope number there (nil for
        /// a custom query).
        private var place: [(range: Range<Int>, scope: Int?)] = []

        init(jobs: [Job], dialect: any SQLDialect) {
            place = Array(repeating: (0..<0, nil), count: jobs.count)
            var kinds: [AnalysisKind] = []
            var members: [AnalysisKind: [Int]] = [:]
            for (number, job) in jobs.enumerated() where job.analysis != nil {
                if members[job.match.kind] == nil { kinds.append(job.match.kind) }
                members[job.match.kind, default: []].append(number)
            }
            // The longest statements first, so that the pool's connections finish together.
            let first = kinds.filter { $0 == .learningPaths }
            for kind in first + kinds.filter({ $0 != .learningPaths }) {
                guard let analysis = kind.analysis, let numbers = members[kind] else { continue }
                let statements = analysis.statements(
                    for: numbers.map { jobs[$0].request }, in: dialect)
                let range = work.count..<(work.count + statements.count)
                work += statements.map(Work.statement)
                steps += statements.map {
                    Step(
                        name: "\(kind.rawValue).\($0.name)",
                        scopes: $0.scopes.isEmpty ? numbers.count : Set($0.scopes.values).count)
                }
                for (index, number) in numbers.enumerated() { place[number] = (range, index + 1) }
            }
            for (number, job) in jobs.enumerated() where job.analysis == nil {
                place[number] = (work.count..<(work.count + 1), nil)
                work.append(.custom(sql: job.question.sql ?? "", questionID: job.question.id))
                steps.append(Step(name: "custom_sql \(job.question.id)", scopes: 1))
            }
        }

        /// Per job: what computed it, and its rows of the shared statements (nil for a
        /// custom query).
        func results(in done: [Done]) -> [([Done], ResultSets?)] {
            // Each statement's rows by scope, split once.
            var split: [Int: [Int: ResultSet]] = [:]
            for (index, piece) in work.enumerated() {
                guard case .statement(let statement) = piece,
                    case .success(.rows(let rows)) = done[index].result
                else { continue }
                split[index] = ResultSets([statement.name: rows]).byScope().compactMapValues {
                    $0.byName[statement.name]
                }
            }
            return place.map { range, request in
                let finished = Array(done[range])
                guard let request else { return (finished, nil) }
                var sets: [String: ResultSet] = [:]
                for index in range {
                    guard case .statement(let statement) = work[index] else { continue }
                    let scope = statement.scopes.isEmpty ? request : statement.scopes[request]
                    if let scope, let rows = split[index]?[scope] { sets[statement.name] = rows }
                }
                return (finished, ResultSets(sets))
            }
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = start.duration(to: .now)
        return Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds
                / 1_000_000_000_000_000)
    }
}

/// What identifies one analysis: asked twice, it runs once.
struct AnalysisKey: Hashable, Sendable {
    var kind: AnalysisKind
    var filters: Filters
    var granularity: Granularity?
    var sql: String?
    /// The date the analysis is counted as of: the build's, or an earlier window's own.
    var asOf: CivilDate
    /// Only the key measures are read (`AnalysisRequest.measuresOnly`).
    var measuresOnly: Bool

    init(_ question: Question, _ match: Match, asOf: CivilDate, measuresOnly: Bool = false) {
        kind = match.kind
        filters = match.filters
        granularity = match.granularity
        sql = question.sql
        self.asOf = asOf
        // A custom query has no parts to leave out.
        self.measuresOnly = measuresOnly && match.kind.analysis != nil
    }

    var request: AnalysisRequest {
        AnalysisRequest(
            filters: filters, asOf: asOf, granularity: granularity, measuresOnly: measuresOnly)
    }
}
