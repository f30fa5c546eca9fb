import Foundation

/// Where a question was routed, and how clear that was.
public struct Match: Sendable, Equatable {
    public var kind: AnalysisKind
    /// 1 when `kind:` chose it; lower when the wording fits several kinds.
    public var confidence: Double
    public var filters: Filters
    /// Every kind whose rules matched, most specific first.
    public var candidates: [AnalysisKind]
    /// Week periods when the question says "weekly" or sets `granularity:`.
    public var granularity: Granularity?

    public init(kind: AnalysisKind, confidence: Double, filters: Filters = Filters(),
                candidates: [AnalysisKind] = [], granularity: Granularity? = nil) {
        self.kind = kind
        self.confidence = confidence
        self.filters = filters
        self.candidates = candidates
        self.granularity = granularity
    }
}

/// A question the matcher could not route.
public struct MatchError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case noMatch
        case unknownName(kind: String, written: String, suggestion: String)
        case severalNames(kind: String, names: [String])
        case impossibleDate(String)
        case twoWindows(String, String)
    }

    public var questionID: String
    public var text: String
    public var reason: Reason
    /// The question's line in its file; 0 when it came from elsewhere (`almanac ask`).
    public var line = 0

    public init(questionID: String, text: String, reason: Reason, line: Int = 0) {
        self.questionID = questionID
        self.text = text
        self.reason = reason
        self.line = line
    }

    public var description: String {
        switch reason {
        case .noMatch:
            let kinds = AnalysisKind.allCases.filter { $0 != .customSQL }
                .map { "  \($0.rawValue): \"\($0.example)\"" }.joined(separator: "\n")
            return """
                question `\(questionID)` ("\(text)") matches no kind of analysis. \
                Rephrase it like one of these, or add `kind:` to the question:
                \(kinds)
                """
        case .unknownName(let kind, let written, let suggestion):
            return "question `\(questionID)`: no \(kind) is called '\(written)'; did you mean '\(suggestion)'?"
        case .severalNames(let kind, let names):
            let list = names.map { "'\($0)'" }.joined(separator: " and ")
            return "question `\(questionID)` names \(names.count) \(kind)s, \(list); a question filters by at most one \(kind). Ask one question per \(kind), or write the query yourself with `sql:`"
        case .impossibleDate(let date):
            return "question `\(questionID)`: \(date) is not a date that exists; write dates as YYYY-MM-DD"
        case .twoWindows(let first, let second):
            return "question `\(questionID)` has two time windows, \"\(first)\" and \"\(second)\"; keep one"
        }
    }
}

/// Routes a question to a kind of analysis by regular-expression rules.
///
/// Every rule of every kind is tried. When several kinds match, the most specific wins, in
/// this order: learning_paths, completion_metrics, organization_trends, badge_enrollments.
/// Each later kind's wording ("how many", "users", "badge") also appears in questions
/// about the earlier ones, so the earlier kind is the narrower reading.
public struct Matcher: Sendable {
    public static let builtInRules: [AnalysisKind: [String]] = [
        .badgeEnrollments: [#"(?i)(how many|enrollments?|users?|learners?|people).+(badge|course)"#],
        .organizationTrends: [
            #"(?i)(how many|enrollments?|users?).+(organization|org)"#,
            #"(?i)(trend|over time|historical)"#,
        ],
        .completionMetrics: [#"(?i)(completion|success).+(rate|percentage)"#],
        .learningPaths: [
            #"(?i)\b(learning )?(path|journey|progression|sequence)s?\b"#,
            #"(?i)\bafter (completing|finishing|earning)\b"#,
            #"(?i)\bnext badges?\b"#,
            #"(?i)\b(take|takes|taken|go on to|move on to|progress to)\b.+\bnext\b"#,
            #"(?i)\b(progress|progresses|move|moves|advance|advances)\s+(through|from)\b"#,
            #"(?i)\b(which|what) (badges?|courses?) (do|does) .+ (follow|take) (after|next|before)\b"#,
        ],
    ]

    /// Most specific first; see the type's documentation.
    public static let specificity: [AnalysisKind] = [
        .learningPaths, .completionMetrics, .organizationTrends, .badgeEnrollments,
    ]

    private let rules: [(kind: AnalysisKind, regex: NSRegularExpression)]
    private let entities: EntityFinder
    private let asOf: CivilDate?

    /// Builds the rule set, applying a questions file's `patterns:` block.
    /// - Parameters:
    ///   - catalogue: the names a question can filter by.
    ///   - asOf: the date that relative windows such as "last month" count back from.
    /// - Throws: an error for a pattern that is not a valid regular expression.
    public init(
        overrides: [AnalysisKind: PatternOverride] = [:],
        catalogue: EntityCatalogue = EntityCatalogue(badges: [], organizations: []),
        asOf: CivilDate? = nil
    ) throws {
        self.entities = EntityFinder(catalogue)
        self.asOf = asOf
        var rules: [(AnalysisKind, NSRegularExpression)] = []
        for kind in Self.specificity {
            let override = overrides[kind] ?? PatternOverride()
            let patterns = (override.replace ?? Self.builtInRules[kind] ?? []) + override.add
            for pattern in patterns {
                rules.append((kind, try NSRegularExpression(pattern: pattern)))
            }
        }
        self.rules = rules
    }

    /// The kinds whose rules match `text`, most specific first, with how many rules each hit.
    public func candidates(for text: String) -> [(kind: AnalysisKind, hits: Int)] {
        let range = NSRange(text.startIndex..., in: text)
        var hits: [AnalysisKind: Int] = [:]
        for rule in rules where rule.regex.firstMatch(in: text, range: range) != nil {
            hits[rule.kind, default: 0] += 1
        }
        return Self.specificity.compactMap { kind in hits[kind].map { (kind, $0) } }
    }

    /// Routes a question and reads its filters; `kind:` on the question wins with confidence 1.
    /// - Throws: `MatchError` when no rule fits, a name is misspelt, or a window is invalid.
    public func route(_ question: Question) throws -> Match {
        var match: Match
        if let kind = question.kind {
            match = Match(kind: kind, confidence: 1, candidates: [kind])
        } else {
            let found = candidates(for: question.text)
            guard let best = found.first else {
                throw MatchError(questionID: question.id, text: question.text, reason: .noMatch, line: question.line)
            }
            match = Match(
                kind: best.kind, confidence: Self.confidence(best: best.hits, kinds: found.count),
                candidates: found.map(\.kind))
        }
        // A custom query filters itself; its text is only a title.
        guard match.kind != .customSQL else { return match }
        func failure(_ reason: MatchError.Reason) -> MatchError {
            MatchError(questionID: question.id, text: question.text, reason: reason, line: question.line)
        }

        let mentions = entities.exact(in: question.text)
        if let miss = entities.nearMisses(in: question.text, excluding: mentions).first {
            throw failure(.unknownName(kind: miss.kind.rawValue, written: miss.written, suggestion: miss.name))
        }
        for kind in [EntityFinder.Kind.badge, .organization] {
            var names: [String] = []
            for mention in mentions where mention.kind == kind && !names.contains(mention.name) {
                names.append(mention.name)
            }
            if names.count > 1 { throw failure(.severalNames(kind: kind.rawValue, names: names)) }
            if kind == .badge { match.filters.badge = names.first } else { match.filters.organization = names.first }
        }

        if let asOf {
            do {
                let reading = try TimeWindow(asOf: asOf).read(question.text)
                match.filters.dateRange = reading.range
                if reading.weekly { match.granularity = .week }
            } catch TimeWindow.Problem.impossibleDate(let date) {
                throw failure(.impossibleDate(date))
            } catch TimeWindow.Problem.twoWindows(let first, let second) {
                throw failure(.twoWindows(first, second))
            }
        }
        if let granularity = question.granularity { match.granularity = granularity }
        return match
    }

    /// One kind matched: 0.9, or 0.95 when two or more of its rules agree. Each other kind
    /// that also matched takes 0.2 off, down to 0.3: the route is a guess worth checking.
    static func confidence(best hits: Int, kinds: Int) -> Double {
        let base = hits > 1 ? 0.95 : 0.9
        return Metrics.round(max(0.3, base - 0.2 * Double(kinds - 1)), places: 2)
    }
}
