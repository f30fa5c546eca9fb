/// What a question asks for, beyond its kind: the number it wants, across what, in which
/// order. The matcher reads it from the wording; the answer leads with it.
public enum Measure: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case enrollments
    case learners
    case completions
    case completionRate = "completion_rate"
    case dropRate = "drop_rate"
    /// How many enrollments ended in a drop-out: a count, where `dropRate` is a share.
    case dropouts
    /// How many enrollments are still in progress.
    case inProgress = "in_progress"
    case timeToComplete = "time_to_complete"
    /// The mean days to complete, asked for as an "average" or a "mean"; `timeToComplete` is
    /// the median ("typical", "median", "how long").
    case meanTimeToComplete = "mean_time_to_complete"
    case averageProgress = "average_progress"
    case nextBadge = "next_badge"
    case previousBadge = "previous_badge"
    case firstBadge = "first_badge"
    case paths
    case growth

    /// Whether a smaller value is the better one: a drop-out rate, a time to complete.
    var lowerIsBetter: Bool {
        self == .dropRate || self == .dropouts || self == .timeToComplete
            || self == .meanTimeToComplete
    }

    /// The measures about the order of badges, whose answer is always a list of badges.
    var isSequence: Bool { kind == .learningPaths }

    /// The kind that computes this measure when the question gives no other clue.
    var kind: AnalysisKind {
        switch self {
        case .nextBadge, .previousBadge, .firstBadge, .paths: return .learningPaths
        case .completions, .completionRate, .dropRate, .dropouts, .inProgress, .timeToComplete,
            .meanTimeToComplete:
            return .completionMetrics
        case .growth: return .organizationTrends
        case .averageProgress, .enrollments, .learners: return .badgeEnrollments
        }
    }

    /// The measure a kind answers when the wording names none.
    static func main(of kind: AnalysisKind) -> Measure {
        switch kind {
        case .badgeEnrollments, .organizationTrends, .customSQL: return .enrollments
        case .completionMetrics: return .completionRate
        case .learningPaths: return .paths
        }
    }

    /// In words, for page text: "completion rate".
    public var words: String {
        switch self {
        case .enrollments: return "enrollments"
        case .learners: return "learners"
        case .completions: return "completions"
        case .completionRate: return "completion rate"
        case .dropRate: return "drop-out rate"
        case .dropouts: return "drop-outs"
        case .inProgress: return "enrollments in progress"
        case .timeToComplete: return "median days to complete"
        case .meanTimeToComplete: return "mean days to complete"
        case .averageProgress: return "average progress"
        case .nextBadge: return "next badge"
        case .previousBadge: return "previous badge"
        case .firstBadge: return "first badge"
        case .paths: return "learning paths"
        case .growth: return "enrollments over time"
        }
    }
}

/// What the measure is broken down by.
public enum Breakdown: String, Sendable, Equatable, Hashable, Codable {
    case badge
    case organization
    case cohort
    case period
}

/// "Top 5", "the lowest", "which badge has the most": an order and, optionally, how many.
public struct Ranking: Sendable, Equatable, Hashable, Codable {
    public enum Order: String, Sendable, Equatable, Hashable, Codable {
        case top
        case bottom
    }

    public var order: Order
    /// How many rows to keep; nil keeps them all, in order.
    public var count: Int?

    public init(_ order: Order, count: Int? = nil) {
        self.order = order
        self.count = count
    }

    /// "top 5", "bottom".
    public var description: String { count.map { "\(order.rawValue) \($0)" } ?? order.rawValue }
}

/// Who decided where a question goes.
public enum Routing: Sendable, Equatable {
    /// `kind:` or `sql:` on the question.
    case declared
    /// The matcher's rules and vocabulary.
    case rules
    /// A language model, asked because the rules could not route the question.
    case model
}

/// A question as the matcher read it: `metadata.intent` in the report document.
public struct Intent: Sendable, Equatable {
    public var measure: Measure
    public var dimension: Breakdown?
    public var ranking: Ranking?
    /// The badges or organizations set side by side ("Acme & Sons against Initech"), in the
    /// order the question names them; the breakdown is by their kind.
    public var compared: [String]
    /// A count of completions, drop-outs or enrollments in progress that counts people
    /// ("how many learners dropped out"): distinct learners, not enrollments.
    public var people = false
    /// A count of completions that counts the enrollments made in the window that were
    /// completed ("completed enrollments", docs/metrics.md), not the completions that
    /// happened in it.
    public var completedEnrollments = false

    public init(
        measure: Measure, dimension: Breakdown? = nil, ranking: Ranking? = nil,
        compared: [String] = []
    ) {
        self.measure = measure
        self.dimension = dimension
        self.ranking = ranking
        self.compared = compared
    }
}

extension Match {
    /// `metadata.intent`: kind, measure, dimension, ranking, filters, granularity, and who
    /// routed the question with what confidence.
    public var intentJSON: JSONValue {
        var members: [String: JSONValue] = [
            "kind": .string(kind.rawValue),
            "measure": kind == .customSQL ? .null : .string(intent.measure.rawValue),
            "dimension": intent.dimension.map { .string($0.rawValue) } ?? .null,
            "ranking": intent.ranking.map { ranking in
                [
                    "order": .string(ranking.order.rawValue),
                    "count": ranking.count.map { .int($0) } ?? .null,
                ]
            } ?? .null,
            "filters": filters.json,
            "granularity": granularity.map { .string($0.rawValue) } ?? .null,
            "confidence": .double(confidence),
        ]
        if let versus { members["versus"] = versus.json }
        if [.completions, .dropouts, .inProgress].contains(intent.measure) {
            members["counted"] = intent.people ? "learners" : "enrollments"
        }
        if intent.completedEnrollments { members["dated_by"] = "enrolled_at" }
        if !intent.compared.isEmpty {
            members["compared"] = .array(intent.compared.map { .string($0) })
        }
        if !corrections.isEmpty {
            members["read_names_as"] = .array(
                corrections.map { ["written": .string($0.written), "name": .string($0.name)] })
        }
        switch routing {
        case .declared: members["routed_by"] = "question"
        case .rules: members["routed_by"] = "rules"
        case .model: members["routed_by"] = "model"
        }
        return .object(members)
    }

    /// "all organizations" (or badges) when the question sets names side by side: its scope
    /// holds every name of that kind, and the figures beside the comparison are of them all.
    public var acrossAll: String? {
        guard !intent.compared.isEmpty else { return nil }
        return intent.dimension == .badge ? "all badges" : "all organizations"
    }

    /// Who routed the question, in words.
    public var routingSummary: String {
        switch routing {
        case .declared:
            return kind == .customSQL ? "the question's own `sql:`" : "the question's own `kind:`"
        case .rules: return "Almanac's rules"
        case .model:
            return "the language model (the rules could not route it, or only with low confidence)"
        }
    }

    /// The intent in one line, for `ask` and "How this was computed": "completion rate by
    /// badge, bottom 3".
    public var intentSummary: String {
        guard kind != .customSQL else { return "your own SQL" }
        var text = intent.completedEnrollments ? "completed enrollments" : intent.measure.words
        if intent.people {
            switch intent.measure {
            case .completions: text = "learners who completed"
            case .dropouts: text = "learners who dropped out"
            default: text = "learners with an enrollment in progress"
            }
        }
        if !intent.compared.isEmpty {
            text += ", " + intent.compared.map { DisplayName.cut($0) }.joined(separator: " vs ")
        } else if let dimension = intent.dimension {
            text += " by " + dimension.rawValue
        }
        if let ranking = intent.ranking { text += ", " + ranking.description }
        if let granularity { text += ", per " + granularity.rawValue }
        if let versus, let range = filters.dateRange {
            text += ", " + range.phrase + " against " + versus.phrase
        }
        for correction in corrections { text += " · " + correction.summary }
        return text
    }
}
