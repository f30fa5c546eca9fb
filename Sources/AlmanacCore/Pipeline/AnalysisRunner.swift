import Foundation

/// Runs every question's analysis. The four built-in kinds share one pass over the
/// enrollments (see `EnrollmentScan`), which also checks every row against the schema;
/// the same analysis with the same filters is computed once however often it is asked;
/// custom SQL questions run their own statements. Results come back in question order.
struct AnalysisRunner {
    var db: any DatabaseConnection
    /// Where `db` came from, to open the custom queries' own connection.
    var location: DatabaseLocation
    var asOf: CivilDate

    struct Outcome: Sendable {
        var output: any AnalysisOutput
        /// The statements that only this question ran (custom SQL), parameters inlined.
        var sql: [String]
        var milliseconds: Int
    }

    /// What the shared pass read, for the progress line.
    struct Pass: Sendable {
        var rows: Int
        var milliseconds: Int
        /// Row problems that do not stop the build, such as completed rows with no date.
        var warnings: [SchemaFinding]
    }

    /// - Throws: `BuildError` for the database check, or the first failing question in order.
    func run(_ questions: [(Question, Match)], trace: () -> [String], cache: inout AnalysisCache) async throws
        -> ([Outcome], Pass)
    {
        let started = ContinuousClock.now
        // Analyses the last build computed on the same data need not run again.
        var results: [AnalysisKey: any AnalysisOutput] = [:]
        for (question, match) in questions {
            let key = AnalysisKey(question, match)
            if results[key] == nil, let cached = cache.output(for: key) { results[key] = cached }
        }
        // Custom queries run on a second read-only connection while the shared pass runs:
        // on two cores the two overlap.
        let custom = questions.filter { $0.1.kind == .customSQL && results[AnalysisKey($0.0, $0.1)] == nil }.map(\.0)
        let location = self.location
        let customRun = Task.detached { Self.runCustom(custom, location: location) }
        let scan = try stage(.database) { try EnrollmentScan(db: db) }
        var aggregators: [AnalysisKey: Aggregator] = [:]
        var consumers: [any EnrollmentConsumer] = []
        for (question, match) in questions where match.kind != .customSQL {
            let key = AnalysisKey(question, match)
            guard aggregators[key] == nil, results[key] == nil else { continue }
            let context = AnalysisContext(db: db, asOf: asOf, filters: match.filters, granularity: match.granularity)
            let aggregator: Aggregator
            switch match.kind {
            case .badgeEnrollments: aggregator = Aggregator(BadgeEnrollments.Aggregator(context, scan: scan))
            case .organizationTrends: aggregator = Aggregator(OrganizationTrends.Aggregator(context, scan: scan))
            case .completionMetrics: aggregator = Aggregator(CompletionMetrics.Aggregator(context, scan: scan))
            case .learningPaths: aggregator = Aggregator(LearningPaths.Aggregator(context, scan: scan))
            case .customSQL: continue
            }
            aggregators[key] = aggregator
            consumers.append(aggregator.consumer)
        }
        // With every analysis known, the pass (and its row check, done on this same data
        // before) is skipped.
        var pass = Pass(rows: 0, milliseconds: 0, warnings: cache.warnings)
        if !consumers.isEmpty || cache.entries.isEmpty {
            do {
                try stage(.database) { try scan.run(consumers) }
            } catch {
                customRun.cancel()
                throw error
            }
            let report = SchemaReport(findings: scan.validator.findings)
            if report.hasErrors {
                customRun.cancel()
                throw BuildError(.database, SchemaCheckError(path: db.location, report: report))
            }
            pass = Pass(rows: scan.validator.rows, milliseconds: Self.milliseconds(since: started),
                        warnings: report.warnings)
            cache.warnings = report.warnings
        }
        let customResults = await customRun.value

        var outcomes: [Outcome] = []
        for (question, match) in questions {
            let key = AnalysisKey(question, match)
            let begun = ContinuousClock.now
            if let done = results[key] {
                // Asked before in this build, or known from the last one.
                let sql = question.sql.map { [$0] } ?? [EnrollmentScan.sql]
                outcomes.append(Outcome(output: done, sql: sql, milliseconds: 0))
                continue
            }
            let output: any AnalysisOutput
            var sql = [EnrollmentScan.sql]
            var milliseconds = Self.milliseconds(since: begun)
            if let aggregator = aggregators[key] {
                output = aggregator.result()
            } else {
                // A custom question's own statement, as its connection ran it.
                let ran = customResults[question.id]!
                output = try stage(.analytics, question.id) { try ran.result.get() }
                sql = ran.sql
                milliseconds = ran.milliseconds
            }
            results[key] = output
            cache.store(output, for: key)
            outcomes.append(Outcome(output: output, sql: sql, milliseconds: milliseconds))
        }
        cache.keep(questions.map { AnalysisKey($0.0, $0.1) })
        return (outcomes, pass)
    }

    private struct CustomRun: Sendable {
        var result: Result<CustomSQL, any Error>
        var sql: [String]
        var milliseconds: Int
    }

    /// Runs the custom queries, one after another, on a connection of their own.
    private static func runCustom(_ questions: [Question], location: DatabaseLocation) -> [String: CustomRun] {
        guard !questions.isEmpty else { return [:] }
        var runs: [String: CustomRun] = [:]
        let connection: any DatabaseConnection
        do {
            connection = try location.open()
        } catch {
            for question in questions { runs[question.id] = CustomRun(result: .failure(error), sql: [], milliseconds: 0) }
            return runs
        }
        var statements: [String] = []
        connection.trace = { sql, bindings in statements.append(ReportBuilder.inline(sql, bindings)) }
        for question in questions where runs[question.id] == nil {
            let started = ContinuousClock.now
            let before = statements.count
            let result = Result { try CustomSQL.run(question.sql ?? "", questionID: question.id, on: connection) }
            runs[question.id] = CustomRun(
                result: result.mapError { $0 as any Error }, sql: Array(statements.dropFirst(before)),
                milliseconds: milliseconds(since: started))
        }
        return runs
    }

    /// One analysis's aggregator, whatever its kind.
    private struct Aggregator {
        var consumer: any EnrollmentConsumer
        var result: () -> any AnalysisOutput

        init<A: ScanAggregator>(_ aggregator: A) {
            consumer = aggregator
            result = { aggregator.result() }
        }
    }

    private func stage<T>(_ stage: BuildError.Stage, _ question: String? = nil, _ body: () throws -> T) throws -> T {
        try BuildError.wrapping(stage, question, body)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = start.duration(to: .now)
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// What identifies one analysis: asked twice, it runs once.
struct AnalysisKey: Hashable, Sendable {
    var kind: AnalysisKind
    var filters: Filters
    var granularity: Granularity?
    var sql: String?

    init(_ question: Question, _ match: Match) {
        kind = match.kind
        filters = match.filters
        granularity = match.granularity
        sql = question.sql
    }
}
