/// The part of a result that answers a question's intent: one measure, for each badge,
/// organization, cohort or period (or for the filters as a whole), in the order the
/// ranking asks and cut to its count. Every value is one the database computed; the answer
/// only picks and orders them.
public struct Answer: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var subject: String
        /// The measure; `.null` when there is none (a median over no completions).
        public var value: JSONValue
        /// How many enrollments (or learners, or completions) the value stands on.
        public var support: Int?
        /// The count behind a rate, for a single figure: "393 dropped".
        public var part: Part?

        public init(subject: String, value: JSONValue, support: Int?, part: Part? = nil) {
            self.subject = subject
            self.value = value
            self.support = support
            self.part = part
        }
    }

    public struct Part: Sendable, Equatable {
        public var count: Int
        public var noun: String
    }

    public var intent: Intent
    /// What a row is: "Badge", "Organization", "Cohort", "Month", "Path"; nil for a single
    /// figure over the filters.
    public var subjectTitle: String?
    public var value: DataTable.Column
    /// The column of `Row.support`, such as "Enrollments".
    public var supportTitle: String?
    /// In the order the ranking asks (or the measure's own: highest first, periods in time
    /// order), cut to the ranking's count.
    public var rows: [Row]
    /// How many rows there were before the cut.
    public var available: Int
    /// The badge a sequence question counts from ("after Python Basics").
    public var anchor: String?
    /// The window the analysis chose when the question set none ("the 12 months up to
    /// 2026-09-30"), which every figure of the answer depends on.
    public var window: String?

    /// The answer as the page's first key table.
    public var table: DataTable {
        var columns = [DataTable.Column]()
        if let subjectTitle { columns.append(.init(subjectTitle, .text)) }
        columns.append(value)
        if let supportTitle { columns.append(.init(supportTitle, .count)) }
        return DataTable(
            title: title, columns: columns,
            rows: rows.map { row in
                var cells: [JSONValue] = subjectTitle == nil ? [] : [.string(row.subject)]
                cells.append(row.value)
                if supportTitle != nil { cells.append(row.support.map(JSONValue.int) ?? .null) }
                return cells
            })
    }

    /// "Completion rate by badge, lowest first (3 of 20)".
    public var title: String {
        var text = value.title
        if let subjectTitle { text += " by " + subjectTitle.lowercased() }
        if let anchor {
            text += intent.measure == .previousBadge ? ", before " + anchor : ", after " + anchor
        }
        guard subjectTitle != nil, !isTimeline else { return text }
        text += intent.ranking?.order == .bottom ? ", lowest first" : ", highest first"
        if rows.count < available { text += " (\(rows.count) of \(available))" }
        return text
    }

    /// The column of completions counted by the day they happened, in the question's window.
    static let completedInWindow = "Completed in the window"

    /// Rows are periods, in time order.
    public var isTimeline: Bool {
        guard let subjectTitle else { return false }
        return Self.periodTitles.contains(subjectTitle)
            || subjectTitle == "Cohort" && intent.ranking == nil
    }
    static let periodTitles: Set = ["Day", "Week", "Month", "Quarter", "Period"]

    /// The answer to `intent` in `output`; nil for custom SQL, whose query is its answer.
    public static func make(_ output: any AnalysisOutput, intent: Intent, filters: Filters)
        -> Answer?
    {
        let answer: Answer?
        switch output {
        case let result as BadgeEnrollments: answer = badges(result, intent, filters)
        case let result as OrganizationTrends:
            var answer = organizations(result, intent, filters)
            if filters.dateRange == nil { answer.window = result.window.phrase }
            return answer.ranked()
        case let result as CompletionMetrics: answer = completion(result, intent, filters)
        case let result as LearningPaths: answer = sequences(result, intent, filters)
        default: answer = nil
        }
        return answer.map { $0.ranked() }
    }

    /// A ranking of organizations is of organizations: learners with none are left out.
    private func withoutNoOrganization() -> Answer {
        guard subjectTitle == "Organization", intent.ranking != nil else { return self }
        var answer = self
        answer.rows.removeAll { $0.subject == Scope.noOrganization }
        answer.available = answer.rows.count
        return answer
    }

    /// The measure of a single-figure answer spread over the breakdown that says most about
    /// it, for the page's first chart: a badge's figure by organization, an organization's by
    /// badge (or by period, for trends), the platform's by badge. Nil when the answer already
    /// lists rows, or the analysis holds no such breakdown.
    public static func spread(_ output: any AnalysisOutput, intent: Intent, filters: Filters)
        -> Answer?
    {
        guard intent.dimension == nil, !intent.measure.isSequence else { return nil }
        var spread = intent
        spread.ranking = nil
        switch output {
        case is OrganizationTrends:
            spread.dimension = .period
        case is CompletionMetrics:
            spread.dimension = filters.badge == nil ? .badge : .organization
        case is BadgeEnrollments:
            guard filters.badge == nil else { return nil }
            spread.dimension = .badge
        default:
            return nil
        }
        guard let answer = make(output, intent: spread, filters: filters),
            answer.subjectTitle != nil,
            answer.rows.count > 1
        else { return nil }
        return answer
    }

    init(
        _ intent: Intent, _ subject: String?, _ value: DataTable.Column, _ support: String?,
        _ rows: [Row], anchor: String? = nil
    ) {
        self.intent = intent
        subjectTitle = subject
        self.value = value
        supportTitle = support
        self.rows = rows
        available = rows.count
        self.anchor = anchor
    }

    /// Sorted as the ranking says, nulls last, ties by subject; cut to its count.
    private func ranked() -> Answer {
        guard subjectTitle != nil, !isTimeline else { return self }
        var answer = withoutNoOrganization()
        let ascending = intent.ranking?.order == .bottom
        answer.rows = answer.rows.enumerated().sorted { a, b in
            switch (a.element.value.doubleValue, b.element.value.doubleValue) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x != y { return ascending ? x < y : x > y }
                return a.offset < b.offset
            }
        }.map(\.element)
        if let count = intent.ranking?.count, count < answer.rows.count {
            // Rows tied with the last one kept stay: which of them to show would be arbitrary.
            var end = count
            while end < answer.rows.count, answer.rows[end].value == answer.rows[count - 1].value {
                end += 1
            }
            answer.rows = Array(answer.rows.prefix(end))
        }
        return answer
    }
}
