/// Where a question was routed, and how clear that was.
public struct Match: Sendable, Equatable {
    public var kind: AnalysisKind
    /// 1 when `kind:` chose it; lower when the wording fits several kinds.
    public var confidence: Double
    public var filters: Filters
    /// Every kind whose rules matched, most specific first.
    public var candidates: [AnalysisKind]
    /// The length of periods, from the wording ("weekly") or `granularity:`.
    public var granularity: Granularity?
    /// What is measured, by what, in which order.
    public var intent: Intent
    public var routing: Routing
    /// A second window the question sets its own against ("2025 against 2024"): the
    /// comparison's previous window, answered side by side.
    public var versus: DateRange?
    /// Names written one edit away from exactly one real name, read as that name.
    public var corrections: [NameCorrection] = []

    public init(
        kind: AnalysisKind, confidence: Double, filters: Filters = Filters(),
        candidates: [AnalysisKind] = [], granularity: Granularity? = nil,
        intent: Intent? = nil, routing: Routing = .rules
    ) {
        self.kind = kind
        self.confidence = confidence
        self.filters = filters
        self.candidates = candidates
        self.granularity = granularity
        self.intent = intent ?? Intent(measure: Measure.main(of: kind))
        self.routing = routing
    }
}

/// A name the question misspelt by one edit, read as the one real name that close to it:
/// the page and `ask` say "read 'Pyhton Basics' as 'Python Basics'".
public struct NameCorrection: Sendable, Equatable, Hashable {
    public var written: String
    public var name: String

    public init(written: String, name: String) {
        self.written = written
        self.name = name
    }

    /// "read 'Pyhton Basics' as 'Python Basics'".
    public var summary: String {
        "read '\(DisplayName.cut(written, limit: 60))' as '\(DisplayName.cut(name))'"
    }
}
