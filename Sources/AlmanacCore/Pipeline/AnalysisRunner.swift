import Foundation

/// Runs every question's analysis, several at once, each on its own read-only connection.
/// The same analysis with the same filters runs once however often it is asked, and results
/// come back in question order whatever finished first.
struct AnalysisRunner: Sendable {
    var databasePath: String
    var asOf: CivilDate
    /// How many analyses run at the same time.
    var jobs: Int

    struct Outcome: Sendable {
        var output: any AnalysisOutput
        /// The statements it ran, parameters inlined, in the order they ran.
        var sql: [String]
        var milliseconds: Int
        /// False when an earlier question already ran the same analysis.
        var firstRun: Bool
    }

    private struct Work: Sendable {
        var key: AnalysisKey
        var question: Question
        var match: Match
    }

    /// - Throws: `BuildError` for the first question, in file order, whose analysis failed.
    func run(_ questions: [(Question, Match)]) async throws -> [Outcome] {
        var firstIndex: [AnalysisKey: Int] = [:]
        var work: [Work] = []
        for (question, match) in questions {
            let key = AnalysisKey(kind: match.kind, filters: match.filters,
                                  granularity: match.granularity, sql: question.sql)
            if firstIndex[key] == nil {
                firstIndex[key] = work.count
                work.append(Work(key: key, question: question, match: match))
            }
        }

        var results = [Result<Outcome, BuildError>?](repeating: nil, count: work.count)
        try await withThrowingTaskGroup(of: (Int, Result<Outcome, BuildError>).self) { group in
            var next = 0
            func schedule() {
                guard next < work.count else { return }
                let index = next
                let item = work[index]
                next += 1
                group.addTask { (index, self.analyse(item)) }
            }
            for _ in 0..<max(1, jobs) { schedule() }
            while let (index, result) = try await group.next() {
                results[index] = result
                schedule()
            }
        }

        var outcomes: [Outcome] = []
        for (question, match) in questions {
            let key = AnalysisKey(kind: match.kind, filters: match.filters,
                                  granularity: match.granularity, sql: question.sql)
            let index = firstIndex[key]!
            switch results[index]! {
            case .failure(let error): throw error
            case .success(var outcome):
                if work[index].question.id != question.id {
                    outcome.firstRun = false
                    outcome.milliseconds = 0
                }
                outcomes.append(outcome)
            }
        }
        return outcomes
    }

    private func analyse(_ work: Work) -> Result<Outcome, BuildError> {
        let started = ContinuousClock.now
        do {
            let db = try SQLiteConnection(path: databasePath)
            var statements: [String] = []
            db.trace = { sql, bindings in statements.append(ReportBuilder.inline(sql, bindings)) }
            let context = AnalysisContext(
                db: db, asOf: asOf, filters: work.match.filters, granularity: work.match.granularity)
            let output: any AnalysisOutput
            switch work.match.kind {
            case .badgeEnrollments: output = try BadgeEnrollments.run(context)
            case .organizationTrends: output = try OrganizationTrends.run(context)
            case .completionMetrics: output = try CompletionMetrics.run(context)
            case .learningPaths: output = try LearningPaths.run(context)
            case .customSQL:
                output = try CustomSQL.run(work.question.sql ?? "", questionID: work.question.id, on: db)
            }
            let elapsed = started.duration(to: .now)
            return .success(Outcome(
                output: output, sql: statements,
                milliseconds: Int(elapsed.components.seconds * 1000
                    + elapsed.components.attoseconds / 1_000_000_000_000_000),
                firstRun: true))
        } catch {
            return .failure(BuildError(.analytics, question: work.question.id, error))
        }
    }
}

/// What identifies one analysis run: asked twice, it runs once.
struct AnalysisKey: Hashable, Sendable {
    var kind: AnalysisKind
    var filters: Filters
    var granularity: Granularity?
    var sql: String?
}
