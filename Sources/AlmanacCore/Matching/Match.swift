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
