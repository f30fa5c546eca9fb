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
        /// A second figure shown beside the value: the median beside a mean.
        public var beside: JSONValue?
        /// A period the data covers only in part (`PeriodCoverage`): marked on the chart,
        /// left out of sentences that compare periods.
        public var partial = false

        public init(
            subject: String, value: JSONValue, support: Int?, part: Part? = nil,
            beside: JSONValue? = nil, partial: Bool = false
        ) {
            self.subject = subject
            self.value = value
            self.support = support
            self.part = part
            self.beside = beside
            self.partial = partial
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
    /// The column of `Row.beside`: "Median days to complete" beside a mean.
    public var besideColumn: DataTable.Column?
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
    /// The same answer in the window the question sets against its own ("2024" in "2025
    /// against 2024"): one value per row, in the rows' order.
    public var versus: Versus?

    /// The answer's values in the window the question set against its own.
    public struct Versus: Sendable, Equatable {
        /// The question's own window's words ("in 2025").
        public var current: String
        /// The window's words, as the question gives them.
        public var phrase: String
        /// The days counted there: the window, cut at the same age as the question's own.
        public var range: DateRange
        /// One value per row of the answer, in its order.
        public var values: [JSONValue]
        /// The data's first day when the window ends on or before it: it counted nothing
        /// because the data had not begun, so its values are null, not 0 and a rise from it.
        public var dataBegins: CivilDate? = nil

        /// "2024 (2024-01-01 to 2024-12-31)": the words and the days they cover.
        public var description: String {
            let start = range.start?.description ?? "the first day"
            let end = range.end.map { $0.adding(days: -1).description } ?? "the as-of date"
            return "\(DateRange.words(phrase)) (\(start) to \(end))"
        }
    }

    /// This answer set beside `other`, the same question in another window: each row's value
    /// there, by subject (a subject with no row there counts zero, or has no rate).
    /// A window that ends on or before `firstDay` has no values.
    public func against(
        _ other: Answer, window: DateRange, current: String, firstDay: CivilDate? = nil
    ) -> Answer {
        var answer = self
        let zero: JSONValue = value.format == .count ? .int(0) : .null
        if let firstDay, let end = window.end, end <= firstDay {
            answer.versus = Versus(
                current: current, phrase: window.phrase, range: window,
                values: rows.map { _ in .null }, dataBegins: firstDay)
            return answer
        }
        // A badge or organization that had some only in the other window is listed too, with
        // none now: "the completion rate by badge this month against last month" left out
        // Python Basics, 50.00 % last month and no enrollment this month (an attack run). Not
        // in a ranking cut at N, whose rows are this window's top.
        if subjectTitle != nil, !isTimeline, intent.ranking == nil {
            let shown = Set(rows.map(\.subject))
            for row in other.rows where !shown.contains(row.subject) && row.value != zero {
                answer.rows.append(
                    Row(subject: row.subject, value: zero, support: row.support.map { _ in 0 }))
            }
        }
        answer.versus = Versus(
            current: current, phrase: window.phrase, range: window,
            values: answer.rows.map { row in
                other.rows.first { $0.subject == row.subject }?.value ?? zero
            })
        return answer
    }
    /// The periods of a timeline that the data covers only in part, in time order; a period
    /// with no day covered at all (before the first enrollment, after the as-of date) is
    /// `Row.partial` too, but not named here.
    public var partialPeriods: [String] = []
    /// The periods a ranking of periods left out as partial, which its lead names.
    public var partialLeftOut: [String] = []
    /// Cohorts too young to read: 90 % of completions come within `finishingDays` of
    /// enrolling, and these cohorts' last day is more recent than that before the as-of
    /// date. Their rows are `partial` too (drawn dashed, left out of sentences and records).
    public var finishingCohorts: [String] = []
    public var finishingDays: Double?
    /// For a growth ranking, the windows compared: the question's and the one before it.
    public var growthWindows: ComparisonWindows?
    /// `(no organization)`'s row, left out of a ranking of organizations: the lead gives its
    /// value, so that the reader knows where learners with no organization stand.
    public var leftOut: Row?

    /// The answer as the page's first key table.
    public var table: DataTable {
        var columns = [DataTable.Column]()
        if let subjectTitle { columns.append(.init(subjectTitle, .text)) }
        columns.append(value)
        if let supportTitle { columns.append(.init(supportTitle, .count)) }
        if let besideColumn { columns.append(besideColumn) }
        let differences = self.differences
        let rate = value.format == .percent
        if let versus {
            columns.append(.init("\(value.title), \(versus.phrase)", value.format))
        }
        if let first = rows.first, !differences.isEmpty {
            let against = versus?.phrase ?? DisplayName.cut(first.subject)
            columns.append(
                .init(
                    rate ? "Points against \(against)" : "Difference from \(against)",
                    rate || value.format == .days ? .decimal : .count))
            if !rate { columns.append(.init("Change from \(against)", .percent)) }
        }
        return DataTable(
            title: title, columns: columns,
            rows: rows.enumerated().map { index, row in
                var cells: [JSONValue] = subjectTitle == nil ? [] : [.string(row.subject)]
                cells.append(row.value)
                if supportTitle != nil { cells.append(row.support.map(JSONValue.int) ?? .null) }
                if besideColumn != nil { cells.append(row.beside ?? .null) }
                if let versus { cells.append(versus.values[index]) }
                if !differences.isEmpty {
                    let (difference, change) = differences[index]
                    cells.append(.number(difference))
                    if !rate { cells.append(.number(change)) }
                }
                return cells
            })
    }

    /// "Completion rate by badge, lowest first (3 of 20)".
    public var title: String {
        var text = value.title
        if let subjectTitle { text += " by " + subjectTitle.lowercased() }
        // A first-badge question about one badge lists every first badge: its anchor is
        // the badge the lead names, not a step the list follows.
        if let anchor, intent.measure != .firstBadge {
            text += intent.measure == .previousBadge ? ", before " + anchor : ", after " + anchor
        }
        guard subjectTitle != nil, !isTimeline else { return text }
        // Names set side by side keep the order the question gave them.
        if intent.compared.count > 1 { return text + ", in the order asked" }
        text += intent.ranking?.order == .bottom ? ", lowest first" : ", highest first"
        if rows.count < available { text += " (\(rows.count) of \(available))" }
        return text
    }

    /// The column of completions counted by the day they happened, in the question's window.
    static let completedInWindow = "Completions in the window"
    /// The same, counting each learner once.
    static let learnersCompletedInWindow = "Learners who completed in the window"

    /// The value counts completions by the day they happened (in the window, or per
    /// period), not enrollments made in the window.
    public var countsCompletionDay: Bool {
        value.title == Self.completedInWindow || value.title == Self.learnersCompletedInWindow
            || subjectTitle.map(Self.periodTitles.contains) == true
                && value.title == "Completions"
    }

    /// Rows are periods, in time order; a ranking of periods ("which month had the most")
    /// is a ranking like any other.
    public var isTimeline: Bool {
        guard let subjectTitle, intent.ranking == nil else { return false }
        return Self.periodTitles.contains(subjectTitle) || subjectTitle == "Cohort"
    }
    static let periodTitles: Set = [
        "Day", "Week", "Month", "Quarter", "Period", "Month of enrollment",
    ]

    /// The answer to `intent` in `output`; nil for custom SQL, whose query is its answer.
    /// With the as-of date and the database's first day, the periods of a timeline that the
    /// data covers only in part are marked (`Row.partial`).
    public static func make(
        _ output: any AnalysisOutput, intent: Intent, filters: Filters, asOf: CivilDate? = nil,
        firstDay: CivilDate? = nil, comparison: Comparison? = nil
    ) -> Answer? {
        if let growth = growth(comparison, intent: intent) { return growth.ranked() }
        var answer: Answer?
        var window = filters.dateRange
        switch output {
        case let result as BadgeEnrollments: answer = badges(result, intent, filters)
        case let result as OrganizationTrends:
            answer = organizations(
                result, intent, filters,
                coverage: PeriodCoverage(window: result.window, asOf: asOf, firstDay: firstDay))
            if filters.dateRange == nil { answer?.window = result.window.phrase }
            window = result.window
        case let result as CompletionMetrics: answer = completion(result, intent, filters)
        case let result as LearningPaths: answer = sequences(result, intent, filters)
        default: answer = nil
        }
        guard var answer else { return nil }
        if answer.isTimeline {
            let coverage = PeriodCoverage(window: window, asOf: asOf, firstDay: firstDay)
            for index in answer.rows.indices {
                answer.rows[index].partial = coverage.isPartial(answer.rows[index].subject)
            }
            answer.partialPeriods = answer.rows.filter {
                $0.partial && coverage.touches($0.subject)
            }.map(\.subject)
            if let metrics = output as? CompletionMetrics, let asOf {
                answer.markFinishing(days: metrics.overallP90Days, asOf: asOf)
            }
        } else if answer.intent.ranking != nil, let metrics = output as? CompletionMetrics,
            let asOf
        {
            // A ranking of cohorts compares whole months that have had time to finish: the
            // youngest would top every "lowest completion rate".
            let coverage = PeriodCoverage(window: window, asOf: asOf, firstDay: firstDay)
            answer.markFinishing(days: metrics.overallP90Days, asOf: asOf)
            // A cohort the data or the window covers in part is left out too, and said: a
            // blind test found 2024-01 (from 2024-01-04, 61.33 %) left out in silence above
            // "the highest completion rate is 2024-04: 60.48 %".
            answer.partialLeftOut = answer.rows.filter {
                !$0.partial && coverage.isPartial($0.subject) && coverage.touches($0.subject)
            }.map(\.subject)
            answer.rows.removeAll { $0.partial || coverage.isPartial($0.subject) }
        }
        return intent.compared.isEmpty ? answer.ranked() : answer.sideBySide()
    }

    /// A cohort's completion and drop-out rates keep moving until its learners have had time
    /// to finish: the latest months always look worst. Cohorts whose last day is fewer than
    /// `days` (90 % of completions) before the day after the as-of date are still finishing.
    private mutating func markFinishing(days: Double?, asOf: CivilDate) {
        guard let days, subjectTitle == "Cohort" || subjectTitle == "Month of enrollment"
        else { return }
        let settled = asOf.adding(days: 1).adding(days: -Int(days.rounded(.up)))
        for index in rows.indices where !rows[index].partial {
            // Its last day (the day before `end`) after `settled`: fewer than `days` before.
            guard let period = PeriodCoverage.days(of: rows[index].subject),
                settled < period.end.adding(days: -1)
            else { continue }
            rows[index].partial = true
            finishingCohorts.append(rows[index].subject)
        }
        if !finishingCohorts.isEmpty { finishingDays = days }
    }

    /// The compared badges or organizations, in the order the question names them; one with
    /// no rows in the scope counts zero (a rate or a median of nothing has no value). Ranked
    /// only when the question asks which of them is first.
    private func sideBySide() -> Answer {
        var answer = self
        let zero: JSONValue = value.format == .count ? .int(0) : .null
        answer.rows = intent.compared.map { name in
            rows.first { $0.subject == name } ?? Row(subject: name, value: zero, support: 0)
        }
        answer.available = answer.rows.count
        return intent.ranking == nil ? answer : answer.ranked()
    }

    /// For a comparison: each row's difference from the first named, in the measure's unit
    /// (points for a rate), and the change in percent of it (counts and days only).
    /// With a `versus` window, each row's difference from its value there instead.
    public var differences: [(difference: Double?, change: Double?)] {
        let bases: [Double?]
        if let versus {
            bases = versus.values.map(\.doubleValue)
        } else if intent.compared.count > 1, let first = rows.first?.value.doubleValue {
            bases = rows.map { _ in first }
        } else {
            return []
        }
        let rate = value.format == .percent
        return zip(rows, bases).map { row, base in
            guard let number = row.value.doubleValue, let first = base else { return (nil, nil) }
            // Points with two decimals: the rates are stored with four, so their difference
            // is exact there, and one decimal would round it a second time.
            if rate { return (Rounding.halfAwayFromZero((number - first) * 100, places: 2), nil) }
            // Six places: at four, 19 fewer of 55 (−34.545 %) was stored as −0.3455, which the
            // lead then wrote as "−34.55%", a value on a half read as a rounded rate's (blind
            // test 65); counts' changes are written with one decimal.
            let change =
                first == 0 ? nil : Rounding.halfAwayFromZero((number - first) / first, places: 6)
            return (Rounding.halfAwayFromZero(number - first, places: 1), change)
        }
    }

    /// The periods of a timeline that the data covers in whole.
    public var wholeRows: [Row] { rows.filter { !$0.partial } }

    /// A ranking of organizations is of organizations: learners with none are left out.
    private func withoutNoOrganization() -> Answer {
        guard subjectTitle == "Organization", intent.ranking != nil else { return self }
        var answer = self
        // Kept aside, so that the page says where it would stand (docs/metrics.md).
        answer.leftOut = rows.first { $0.subject == Scope.noOrganization && $0.value != .null }
        answer.rows.removeAll { $0.subject == Scope.noOrganization }
        answer.available = answer.rows.count
        return answer
    }

    /// The measure of a single-figure answer spread over the breakdown that says most about
    /// it, for the page's first chart: a badge's figure by organization, an organization's by
    /// badge (or by period, for trends), the platform's by badge. Nil when the answer already
    /// lists rows, or the analysis holds no such breakdown.
    public static func spread(
        _ output: any AnalysisOutput, intent: Intent, filters: Filters, asOf: CivilDate? = nil,
        firstDay: CivilDate? = nil
    ) -> Answer? {
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
        guard
            let answer = make(
                output, intent: spread, filters: filters, asOf: asOf, firstDay: firstDay),
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

    /// Sorted as the ranking says, nulls last, ties by name (Unicode code point order, as
    /// every list is: docs/metrics.md, Conventions); cut to its count.
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
                // Tied values by name, not in the analysis's order (by enrollments): a blind
                // test saw Python before C#, both with 5 drop-outs.
                if a.element.subject != b.element.subject {
                    return a.element.subject.utf8.lexicographicallyPrecedes(b.element.subject.utf8)
                }
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
