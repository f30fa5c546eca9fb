/// A half-open range of days, `start` included and `end` excluded, applied to enrolled_at.
public struct DateRange: Sendable, Hashable, Codable {
    public var start: CivilDate?
    public var end: CivilDate?
    /// The words of the question that produced it, such as "last 12 weeks".
    public var phrase: String

    public init(start: CivilDate?, end: CivilDate?, phrase: String) {
        self.start = start
        self.end = end
        self.phrase = phrase
    }

    /// `{phrase, from, to}` as the report document writes a window: `to` is the last day
    /// included, which is what people read.
    public var json: JSONValue {
        var window: [String: JSONValue] = ["phrase": .string(phrase)]
        if let start { window["from"] = .string(start.description) }
        if let end { window["to"] = .string(end.adding(days: -1).description) }
        return .object(window)
    }

    /// The days it covers as people read them, the last one included: "2024-01-01 to
    /// 2024-12-31" (an open end is left out).
    public var days: String {
        [start?.description, end?.adding(days: -1).description].compactMap { $0 }
            .joined(separator: " to ")
    }

    /// Whether the window was written as a span of days or weeks ("the past 30 days", "last
    /// 4 weeks"): a period before it is as many days back, even when the span happens to be a
    /// whole month (the past 30 days as of 2026-06-30 are June, and their period before is May
    /// 2 to 31, not May's 31 days).
    public var writtenInDays: Bool {
        phrase.range(
            of: #"\b(?:days?|weeks?|fortnights?|\d+\s*d)\b"#,
            options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// A window's words after "against" or in a legend: "in Q1 2026" reads "Q1 2026".
    public static func words(_ phrase: String) -> String {
        phrase.hasPrefix("in ") ? String(phrase.dropFirst(3)) : phrase
    }
}

/// What a question narrows the data to.
public struct Filters: Sendable, Hashable, Codable {
    public var badge: String?
    public var organization: String?
    public var dateRange: DateRange?

    public init(badge: String? = nil, organization: String? = nil, dateRange: DateRange? = nil) {
        self.badge = badge
        self.organization = organization
        self.dateRange = dateRange
    }

    public var isEmpty: Bool { badge == nil && organization == nil && dateRange == nil }

    /// The filters in words, for a page's subtitle: "Python Basics · Acme & Sons · since 2024-03-01".
    public var summary: String {
        var parts: [String] = []
        if let badge { parts.append(badge) }
        if let organization { parts.append(organization) }
        if let range = dateRange { parts.append(range.phrase) }
        return parts.joined(separator: " · ")
    }

    /// The `filters` object of the report document.
    public var json: JSONValue {
        var members: [String: JSONValue] = [:]
        if let badge { members["badge"] = .string(badge) }
        if let organization { members["organization"] = .string(organization) }
        if let range = dateRange { members["enrolled_at"] = range.json }
        return .object(members)
    }
}
