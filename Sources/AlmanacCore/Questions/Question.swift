/// The analyses a question can be routed to.
public enum AnalysisKind: String, CaseIterable, Sendable {
    case badgeEnrollments = "badge_enrollments"
    case organizationTrends = "organization_trends"
    case completionMetrics = "completion_metrics"
    case learningPaths = "learning_paths"
    case customSQL = "custom_sql"

    /// A phrasing that reaches this kind, for error messages that teach.
    public var example: String {
        switch self {
        case .badgeEnrollments: return "How many people are enrolled in the Python Basics badge?"
        case .organizationTrends: return "How have enrollments by organization trended over time?"
        case .completionMetrics: return "What is the completion rate by organization?"
        case .learningPaths:
            return "Which badge do learners take next after completing SQL Fundamentals?"
        case .customSQL: return "(any text, with `sql: SELECT …` on the question)"
        }
    }
}

/// Period length for time series.
public enum Granularity: String, Sendable, Equatable, Codable, CaseIterable {
    case day
    case week
    case month
    case quarter

    /// "daily", "weekly", "monthly", "quarterly".
    public var adverb: String {
        switch self {
        case .day: return "daily"
        case .week: return "weekly"
        case .month: return "monthly"
        case .quarter: return "quarterly"
        }
    }
}

/// A chart that a custom SQL question declares: its type and which columns it takes.
public struct ChartDeclaration: Sendable, Hashable {
    public var type: String
    /// Role → column name, for example `x: badge`, `y: learners`.
    public var columns: [String: String]
    public var line: Int

    public init(type: String, columns: [String: String], line: Int) {
        self.type = type
        self.columns = columns
        self.line = line
    }
}

/// One entry of questions.yaml.
public struct Question: Sendable, Hashable {
    public var id: String
    public var text: String
    /// Set by `kind:` (or implied by `sql:`), which skips the matcher.
    public var kind: AnalysisKind?
    public var section: String?
    public var sql: String?
    public var charts: [ChartDeclaration]
    public var granularity: Granularity?
    /// Where the question starts in its file, for error messages.
    public var line: Int

    public init(
        id: String, text: String, kind: AnalysisKind? = nil, section: String? = nil,
        sql: String? = nil, charts: [ChartDeclaration] = [], granularity: Granularity? = nil,
        line: Int = 0
    ) {
        self.id = id
        self.text = text
        self.kind = kind
        self.section = section
        self.sql = sql
        self.charts = charts
        self.granularity = granularity
        self.line = line
    }
}

/// How a `patterns:` entry changes the built-in rules of one kind.
public struct PatternOverride: Sendable, Equatable {
    public var add: [String] = []
    /// When set, these replace the built-in rules instead of adding to them.
    public var replace: [String]?

    public init(add: [String] = [], replace: [String]? = nil) {
        self.add = add
        self.replace = replace
    }
}

/// Language model settings from the `llm:` block.
public struct LLMSettings: Sendable, Equatable {
    public var model: String?
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?

    public init(
        model: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil, seed: Int? = nil
    ) {
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
    }
}

/// The whole of questions.yaml.
public struct QuestionFile: Sendable, Equatable {
    public var path: String
    public var title: String
    public var database: String?
    /// `database_options.statement_timeout`, in milliseconds (the file says seconds).
    public var statementTimeout: Int?
    public var questions: [Question]
    public var patterns: [AnalysisKind: PatternOverride]
    public var llm: LLMSettings
    /// `alerts:`, checked after every build.
    public var alerts: [AlertRule] = []
    /// SHA-256 of the bytes the file was read from (`QuestionLoader.load(contentsOf:)`): what
    /// a build records as the questions it built, whatever the file holds by its end.
    public var digest: String?

    public init(
        path: String, title: String, database: String? = nil, questions: [Question],
        patterns: [AnalysisKind: PatternOverride] = [:], llm: LLMSettings = LLMSettings()
    ) {
        self.path = path
        self.title = title
        self.database = database
        self.questions = questions
        self.patterns = patterns
        self.llm = llm
    }
}
