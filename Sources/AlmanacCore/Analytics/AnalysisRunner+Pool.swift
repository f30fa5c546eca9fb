import Foundation

// The pool: the plan's work on a few connections at once.
extension AnalysisRunner {
    /// Runs the work on `workers` connections at once, each taking the next piece as it
    /// finishes one, in the order of `order` (every index of `work` once; nil: in order);
    /// results come back in the order of `work`.
    static func execute(
        _ work: [Work], workers: Int, first: any DatabaseConnection, order: [Int]? = nil,
        open: @escaping @Sendable () throws -> (any DatabaseConnection)?
    ) async -> ([Done], [String]) {
        guard !work.isEmpty else { return ([], []) }
        let board = Board(order: order ?? Array(work.indices))
        let firstConnection = UncheckedConnection(first)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                DispatchQueue.concurrentPerform(iterations: max(1, workers)) { worker in
                    // A server at its connection limit only slows the build: the build's own
                    // connection takes all the work.
                    let db: any DatabaseConnection
                    do {
                        guard let opened = worker == 0 ? firstConnection.connection : try open()
                        else { return }
                        db = opened
                    } catch {
                        board.note(
                            "the analyses ran on one connection: \(error)"
                        )
                        return
                    }
                    // The build's temporary tables this connection has made.
                    var prepared: Set<String> = []
                    while let index = board.next() {
                        let started = ContinuousClock.now
                        let result = Result {
                            if case .statement(let statement) = work[index] {
                                let missing = statement.preparation.filter {
                                    !prepared.contains($0)
                                }
                                if !missing.isEmpty {
                                    try db.createTemporaryTables(missing)
                                    prepared.formUnion(missing)
                                }
                            }
                            return try run(work[index], on: db)
                        }
                        board.finish(
                            index, Done(result: result, milliseconds: milliseconds(since: started)))
                    }
                }
                continuation.resume(returning: (board.results, board.notes))
            }
        }
    }

    private static func run(_ work: Work, on db: any DatabaseConnection) throws -> Returned {
        switch work {
        case .statement(let statement): return .rows(try ResultSet.read(statement, from: db))
        case .custom(let sql, let questionID):
            return .custom(try CustomSQL.run(sql, questionID: questionID, on: db))
        case .rowRules: return .report(try SchemaChecker().check(db))
        }
    }
}

/// The pool's shared list: which piece is next, and what each returned.
private final class Board: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    private let lock = NSLock()
    private var position = 0
    private let order: [Int]
    private var finished: [Done?]
    private var problems: [String] = []

    init(order: [Int]) {
        self.order = order
        finished = Array(repeating: nil, count: order.count)
    }

    func next() -> Int? {
        lock.withLock {
            guard position < order.count else { return nil }
            defer { position += 1 }
            return order[position]
        }
    }

    func finish(_ index: Int, _ done: AnalysisRunner.Done) {
        lock.withLock { finished[index] = done }
    }

    func note(_ problem: String) {
        lock.withLock { problems.append(problem) }
    }

    var notes: [String] { lock.withLock { problems } }

    var results: [AnalysisRunner.Done] {
        lock.withLock { finished.map { $0! } }
    }
}

private typealias Done = AnalysisRunner.Done

/// The build's own connection, lent to the pool's first worker while the build waits.
private struct UncheckedConnection: @unchecked Sendable {
    // @unchecked: the build does not touch the connection until the pool has finished.
    var connection: any DatabaseConnection

    init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }
}
