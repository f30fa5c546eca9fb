/// What an analysis is asked: the question's filters, the report's as-of date and the size
/// of its periods. Two questions with the same request share one analysis.
public struct AnalysisRequest: Sendable, Hashable, Codable {
    public var filters: Filters
    public var asOf: CivilDate
    public var granularity: Granularity?
    /// True for an analysis only its key measures are read from (the previous and year-ago
    /// windows of a question): the statements that compute nothing a key measure reads
    /// leave its scope out, and its output holds those parts empty.
    public var measuresOnly = false

    public init(
        filters: Filters = Filters(), asOf: CivilDate, granularity: Granularity? = nil,
        measuresOnly: Bool = false
    ) {
        self.filters = filters
        self.asOf = asOf
        self.granularity = granularity
        self.measuresOnly = measuresOnly
    }
}

/// A request with the connection to run it on, for running one analysis by itself.
public struct AnalysisContext {
    public var db: any DatabaseConnection
    public var request: AnalysisRequest

    public init(
        db: any DatabaseConnection, asOf: CivilDate, filters: Filters = Filters(),
        granularity: Granularity? = nil
    ) {
        self.db = db
        request = AnalysisRequest(filters: filters, asOf: asOf, granularity: granularity)
    }

    /// Runs an analysis's standalone statements (its scope alone), one after another, and
    /// decodes their results.
    /// - Throws: `DatabaseError` with the statement that failed.
    public func run<A: Analysis>(_ type: A.Type) throws -> A {
        let statements = A.statements(for: [request], in: db.dialect)
        var results: [String: ResultSet] = [:]
        for statement in statements {
            results[statement.name] = try ResultSet.read(statement, from: db)
        }
        return try A.decode(ResultSets(results), for: request)
    }
}

/// One built-in kind of analysis, whole: the SQL it asks the database to run (per dialect),
/// how it reads the small results back, and, in the Narration folder, its offline summary.
/// Each also draws its own charts: `ChartedAnalysis`, in the Charts folder. `AnalysisKind.analysis` lists every conformer.
public protocol Analysis: AnalysisOutput, Codable {
    /// The kind a question is routed to.
    static var kind: AnalysisKind { get }
    /// The shared statements that compute every field of `analytics_data` for every request
    /// at once, named for `decode`. Request `i` is scope `i + 1`: every row the statements
    /// return carries its scope in a `scope` column, and a list of one request gives the
    /// standalone statements of that request.
    static func statements(for requests: [AnalysisRequest], in dialect: any SQLDialect)
        -> [SQLStatement]
    /// The result, from what each statement returned for this request's scope.
    static func decode(_ results: ResultSets, for request: AnalysisRequest) throws -> Self
    /// False when there is nothing to draw: empty axes would only mislead.
    var hasData: Bool { get }
    /// A plain-language summary written from the numbers alone (the offline narrator).
    func summary() -> String
}

extension Analysis {
    /// Runs this analysis by itself on a connection.
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> Self {
        try context.run(Self.self)
    }
}

extension AnalysisKind {
    /// The type that implements a built-in kind; nil for custom SQL, which runs the
    /// question's own statement. The one place that lists the kinds: a new case that is
    /// missing here does not compile.
    public var analysis: (any Analysis.Type)? {
        switch self {
        case .badgeEnrollments: return BadgeEnrollments.self
        case .organizationTrends: return OrganizationTrends.self
        case .completionMetrics: return CompletionMetrics.self
        case .learningPaths: return LearningPaths.self
        case .customSQL: return nil
        }
    }
}

/// The numbers an analysis produced, in every shape the later stages need.
public protocol AnalysisOutput: Sendable {
    /// `metadata.analytics_data` in the report document: the contract of docs/metrics.md.
    var json: JSONValue { get }
    /// The key numbers as tables.
    var tables: [DataTable] { get }
    /// How many rows the main list has, for the progress line.
    var rowCount: Int { get }
    /// The members of `json` that the kind's key measures read (`KeyMeasureSpec`): `json`
    /// itself unless a kind has a cheaper part to give.
    var measuredJSON: JSONValue { get }
}

extension AnalysisOutput {
    public var measuredJSON: JSONValue { json }
}
