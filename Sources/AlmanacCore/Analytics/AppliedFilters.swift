extension Match {
    /// The column whose day a window counts: completions asked for by when they happened are
    /// counted by `completed_at` (completion metrics' `completed_in_window`, organization
    /// trends' periods); every other figure by `enrolled_at`, completed enrollments included.
    public var windowColumn: String {
        guard intent.measure == .completions, !intent.completedEnrollments else {
            return "enrolled_at"
        }
        switch kind {
        case .completionMetrics:
            return intent.dimension == .cohort || intent.dimension == .period
                ? "enrolled_at" : "completed_at"
        case .organizationTrends:
            let timeline =
                intent.dimension == .period
                || intent.dimension == nil && filters.organization == nil
            return timeline ? "completed_at" : "enrolled_at"
        default:
            return "enrolled_at"
        }
    }

    /// The window the answer counts: the question's own, or the one its analysis chose when
    /// it set none (organization trends: the 12 months up to the as-of date).
    public func window(asOf: CivilDate) -> DateRange? {
        if let range = filters.dateRange { return range }
        guard kind == .organizationTrends else { return nil }
        return OrganizationTrends.window(for: AnalysisRequest(filters: filters, asOf: asOf))
    }

    /// `metadata.filters`: every condition the answer applies, the chosen window and the
    /// compared names included, with the window under the column whose day it counts.
    public func appliedFiltersJSON(asOf: CivilDate) -> JSONValue {
        var applied = filters
        applied.dateRange = nil
        guard case .object(var members) = applied.json else { return applied.json }
        if let range = window(asOf: asOf) { members[windowColumn] = range.json }
        if !intent.compared.isEmpty {
            let key = intent.dimension == .badge ? "badges" : "organizations"
            members[key] = .array(intent.compared.map { .string($0) })
        }
        return .object(members)
    }

    /// The conditions in words, for the page's subtitle and "Filters": "Acme & Sons vs Globex
    /// · completed in 2025".
    public func appliedFiltersSummary(asOf: CivilDate) -> String {
        var parts: [String] = []
        if !intent.compared.isEmpty {
            parts.append(intent.compared.map { DisplayName.cut($0) }.joined(separator: " vs "))
        }
        var applied = filters
        applied.dateRange = nil
        if !applied.isEmpty { parts.append(applied.summary) }
        if let range = window(asOf: asOf) {
            var phrase = windowColumn == "completed_at" ? "completed " + range.phrase : range.phrase
            if let versus { phrase += " against " + versus.phrase }
            parts.append(phrase)
        }
        return parts.joined(separator: " · ")
    }
}
