import Foundation

/// Runs every question's analysis. The four built-in kinds share one pass over the
/// enrollments (see `EnrollmentScan`), which also checks every row against the schema;
/// the same analysis with the same filters is computed once however often it is asked;
/// custom SQL questions run their own statements. Results come back in question order.
struct AnalysisRunner {
    var db: SQLiteConnection
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
    func run(_ questions: [(Question, Match)], trace: () -> [String]) throws -> ([Outcome], Pass) {
        let started = ContinuousClock.now
        let scan = try stage(.database) { try EnrollmentScan(db: db) }
        var aggregators: [AnalysisKey: Aggregator] = [:]
        var consumers: [any EnrollmentConsumer] = []
        for (question, match) in questions where match.kind != .customSQL {
            let key = AnalysisKey(question, match)
            guard aggregators[key] == nil else { continue }
            let context = AnalysisContext(db: db, asOf: asOf, filters: match.filters, granularity: match.granularity)
            let aggregator: Aggregator
            switch match.kind {
            case .badgeEnrollments: aggregator = .badges(BadgeEnrollments.Aggregator(context, names: scan.names))
            case .organizationTrends:
                aggregator = .trends(OrganizationTrends.Aggregator(context, names: scan.names, users: scan.usersPerOrganization))
            case .completionMetrics: aggregator = .completion(CompletionMetrics.Aggregator(context, names: scan.names))
            case .learningPaths: aggregator = .paths(LearningPaths.Aggregator(context, names: scan.names))
            case .customSQL: continue
            }
            aggregators[key] = aggregator
            consumers.append(aggregator.consumer)
        }
        try stage(.database) { try scan.run(consumers) }
        let report = SchemaReport(findings: scan.validator.findings)
        if report.hasErrors {
            throw BuildError(.database, SchemaCheckError(path: db.path, report: report))
        }
        let pass = Pass(rows: scan.validator.rows, milliseconds: Self.milliseconds(since: started),
                        warnings: report.warnings)

        var outcomes: [Outcome] = []
        var results: [AnalysisKey: any AnalysisOutput] = [:]
        for (question, match) in questions {
            let key = AnalysisKey(question, match)
            let begun = ContinuousClock.now
            if let done = results[key] {
                let sql = aggregators[key] == nil ? [question.sql ?? ""] : [EnrollmentScan.sql]
                outcomes.append(Outcome(output: done, sql: sql, milliseconds: 0))
                continue
            }
            let before = trace().count
            let output: any AnalysisOutput = try stage(.analytics, question.id) {
                if let aggregator = aggregators[key] { return aggregator.result() }
                return try CustomSQL.run(question.sql ?? "", questionID: question.id, on: db)
            }
            results[key] = output
            // A built-in analysis reads the shared pass; a custom one, its own statement.
            let sql = aggregators[key] == nil ? Array(trace().dropFirst(before)) : [EnrollmentScan.sql]
            outcomes.append(Outcome(output: output, sql: sql, milliseconds: Self.milliseconds(since: begun)))
        }
        return (outcomes, pass)
    }

    /// One analysis's aggregator, whatever its kind.
    private enum Aggregator {
        case badges(BadgeEnrollments.Aggregator)
        case trends(OrganizationTrends.Aggregator)
        case completion(CompletionMetrics.Aggregator)
        case paths(LearningPaths.Aggregator)

        var consumer: any EnrollmentConsumer {
            switch self {
            case .badges(let aggregator): return aggregator
            case .trends(let aggregator): return aggregator
            case .completion(let aggregator): return aggregator
            case .paths(let aggregator): return aggregator
            }
        }

        func result() -> any AnalysisOutput {
            switch self {
            case .badges(let aggregator): return aggregator.result()
            case .trends(let aggregator): return aggregator.result()
            case .completion(let aggregator): return aggregator.result()
            case .paths(let aggregator): return aggregator.result()
            }
        }
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
