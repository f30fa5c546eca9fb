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
    static let periodTitles: Set = ["Day", "ISO week", "Month", "Quarter", "Period"]

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

    private init(
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

    // MARK: - Per kind

    private static func badges(_ result: BadgeEnrollments, _ intent: Intent, _ filters: Filters)
        -> Answer
    {
        // Badges with nothing are left out, except when the question asks for the fewest.
        let rows = result.badges.filter {
            $0.enrollments > 0 || filters.badge != nil || intent.ranking?.order == .bottom
        }
        func list(
            _ column: DataTable.Column, _ support: String?,
            _ pick: (BadgeEnrollments.Row) -> (JSONValue, Int?)
        ) -> Answer {
            Answer(
                intent, "Badge", column, support,
                rows.map { row in
                    let (value, support) = pick(row)
                    return Row(subject: row.badge, value: value, support: support)
                })
        }
        let single = filters.badge != nil && intent.dimension == nil
        var answer: Answer
        switch intent.measure {
        case .learners:
            answer = list(.init("Learners", .count), nil) { (.int($0.learners), nil) }
            if intent.dimension == nil && filters.badge == nil {
                return Answer(
                    intent, nil, .init("Learners", .count), nil,
                    [Row(subject: "", value: .int(result.totals.learners), support: nil)])
            }
        case .completions:
            answer = list(.init("Completed", .count), "Enrollments") {
                (.int($0.completed), $0.enrollments)
            }
        case .completionRate:
            answer = list(.init("Completion rate", .percent), "Enrollments") {
                (.double($0.completionRate), $0.enrollments)
            }
        case .averageProgress:
            answer = list(.init("Average progress", .percent), "Enrollments") {
                (.number($0.averageProgress), $0.enrollments)
            }
        case .timeToComplete:
            answer = list(.init("Median days to complete", .days), "Completed") {
                (.number($0.medianDaysToComplete), $0.completed)
            }
        default:
            answer = list(.init("Enrollments", .count), "Learners") {
                (.int($0.enrollments), $0.learners)
            }
            if intent.dimension == nil && filters.badge == nil {
                return Answer(
                    intent, nil, .init("Enrollments", .count), "Learners",
                    [
                        Row(
                            subject: "", value: .int(result.totals.enrollments),
                            support: result.totals.learners)
                    ])
            }
        }
        if single { answer.subjectTitle = nil }
        return answer
    }

    private static func organizations(
        _ result: OrganizationTrends, _ intent: Intent, _ filters: Filters
    ) -> Answer {
        let timeline =
            intent.measure == .growth || intent.dimension == .period
            || (intent.measure == .completions && intent.dimension == nil
                && filters.organization == nil)
        if timeline {
            let completions = intent.measure == .completions
            let title: String
            switch result.granularity {
            case .day: title = "Day"
            case .week: title = "ISO week"
            case .month: title = "Month"
            case .quarter: title = "Quarter"
            }
            return Answer(
                intent, title, .init(completions ? "Completions" : "Enrollments", .count), nil,
                result.byPeriod.map {
                    Row(
                        subject: $0.period,
                        value: .int(completions ? $0.completions : $0.enrollments), support: nil)
                })
        }
        let rows = result.organizations.filter {
            $0.enrollments > 0 || filters.organization != nil || intent.ranking?.order == .bottom
        }
        var answer: Answer
        func list(
            _ column: DataTable.Column, _ support: String?,
            _ pick: (OrganizationTrends.Organization) -> (JSONValue, Int?)
        ) -> Answer {
            Answer(
                intent, "Organization", column, support,
                rows.map { row in
                    let (value, support) = pick(row)
                    return Row(subject: row.organization, value: value, support: support)
                })
        }
        switch intent.measure {
        case .learners:
            answer = list(.init("Learners", .count), "Users") { (.int($0.learners), $0.users) }
        case .completions:
            answer = list(.init("Completed", .count), "Enrollments") {
                (.int($0.completed), $0.enrollments)
            }
        case .completionRate:
            answer = list(.init("Completion rate", .percent), "Enrollments") {
                (.double($0.completionRate), $0.enrollments)
            }
        case .averageProgress:
            answer = list(.init("Average progress", .percent), "Enrollments") {
                (.number($0.averageProgress), $0.enrollments)
            }
        default:
            answer = list(.init("Enrollments", .count), "Learners") {
                (.int($0.enrollments), $0.learners)
            }
        }
        if filters.organization != nil && intent.dimension == nil { answer.subjectTitle = nil }
        return answer
    }

    private static func completion(
        _ result: CompletionMetrics, _ intent: Intent, _ filters: Filters
    ) -> Answer {
        let column: DataTable.Column
        let support: String?
        let pick: (CompletionMetrics.Counts, Double?) -> (JSONValue, Int?)
        switch intent.measure {
        case .enrollments:
            (column, support) = (.init("Enrollments", .count), nil)
            pick = { counts, _ in (.int(counts.enrollments), nil) }
        case .completions where result.completedInWindow != nil && intent.dimension != .cohort:
            // With a window, completions are counted by the day they happened.
            let window = result.completedInWindow!
            let column = DataTable.Column(Self.completedInWindow, .count)
            // Rows from the completions themselves: a badge finished in the window may have had
            // no enrollment in it. In name order, for `ranked()` to sort by count.
            switch intent.dimension {
            case .badge:
                return Answer(
                    intent, "Badge", column, nil,
                    window.byBadge.sorted { $0.key < $1.key }.map {
                        Row(subject: $0.key, value: .int($0.value), support: nil)
                    })
            case .organization:
                return Answer(
                    intent, "Organization", column, nil,
                    window.byOrganization.sorted { $0.key < $1.key }.map {
                        Row(subject: $0.key, value: .int($0.value), support: nil)
                    })
            default:
                return Answer(
                    intent, nil, column, nil,
                    [Row(subject: "", value: .int(window.overall), support: nil)])
            }
        case .completions:
            (column, support) = (.init("Completed", .count), "Enrollments")
            pick = { counts, _ in (.int(counts.completed), counts.enrollments) }
        case .dropRate:
            (column, support) = (.init("Drop-out rate", .percent), "Enrollments")
            pick = { counts, _ in (.double(counts.dropRate), counts.enrollments) }
        case .timeToComplete:
            (column, support) = (.init("Median days to complete", .days), "Completed")
            pick = { counts, median in (.number(median), counts.completed) }
        default:
            (column, support) = (.init("Completion rate", .percent), "Enrollments")
            pick = { counts, _ in (.double(counts.completionRate), counts.enrollments) }
        }
        func rows(_ list: [CompletionMetrics.Row]) -> [Row] {
            list.map { row in
                let (value, support) = pick(row.counts, row.medianDaysToComplete)
                return Row(subject: row.name, value: value, support: support)
            }
        }
        switch intent.dimension {
        case .badge: return Answer(intent, "Badge", column, support, rows(result.byBadge))
        case .organization:
            return Answer(intent, "Organization", column, support, rows(result.byOrganization))
        case .cohort, .period:
            // A cohort is the month of enrollment, the only period completion is counted by.
            return Answer(intent, "Cohort", column, support, rows(result.byCohort))
        case nil:
            let (value, count) = pick(result.overall, result.overallMedianDays)
            let part: Part? =
                switch intent.measure {
                case .dropRate: Part(count: result.overall.dropped, noun: "dropped")
                case .completionRate: Part(count: result.overall.completed, noun: "completed")
                default: nil
                }
            return Answer(
                intent, nil, column, support,
                [Row(subject: "", value: value, support: count, part: part)])
        }
    }

    private static func sequences(_ result: LearningPaths, _ intent: Intent, _ filters: Filters)
        -> Answer
    {
        let learners = DataTable.Column("Learners", .count)
        func badges(_ list: [LearningPaths.Start]) -> [Row] {
            list.map { Row(subject: $0.badge, value: .int($0.learners), support: nil) }
        }
        switch intent.measure {
        case .firstBadge:
            return Answer(intent, "First badge", learners, nil, badges(result.firstBadges))
        case .previousBadge where filters.badge != nil:
            return Answer(
                intent, "Badge", learners, nil, badges(result.previousBadges), anchor: filters.badge
            )
        case .nextBadge where filters.badge != nil:
            let next = result.transitions.filter { $0.from == filters.badge }
            return Answer(
                intent, "Badge", learners, nil,
                next.map { Row(subject: $0.to, value: .int($0.learners), support: nil) },
                anchor: filters.badge)
        case .nextBadge, .previousBadge:
            return Answer(
                intent, "Step", learners, nil,
                result.transitions.map {
                    Row(subject: "\($0.from) → \($0.to)", value: .int($0.learners), support: nil)
                })
        default:
            return Answer(
                intent, "Path", learners, nil,
                result.topPaths.map {
                    Row(subject: $0.label, value: .int($0.learners), support: nil)
                })
        }
    }
}
