/// A chart that a custom SQL question declares but cannot have.
public struct ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    public var questionID: String
    public var line: Int
    public var message: String
    /// The questions file, once the build knows it: then the message leads with
    /// `file:line`, as every other mistake in the file does.
    public var path: String? = nil

    public var description: String {
        guard let path else { return "question `\(questionID)`, line \(line): \(message)" }
        return "\(path):\(line): question `\(questionID)`: \(message)"
    }
}

/// A built-in analysis that draws its own charts. Every kind conforms, in its `…Charts.swift`.
public protocol ChartedAnalysis: Analysis {
    /// The charts of this result.
    func charts(_ builder: ChartBuilder) -> [Chart]
    /// The name of the one chart that best supports the answer to this question, shown under
    /// it; nil when none of the kind's charts is about the question.
    func supportingChart(for match: Match) -> String?
}

/// Builds the charts for any analysis result.
public struct ChartBuilder: Sendable {
    /// How many categories an axis keeps before the rest become "Other".
    public var limit: Int
    /// Every badge category of the site, sorted, so each keeps one colour on every chart.
    public var categories: [String]
    /// The category of each badge.
    public var badgeCategories: [String: String]
    /// The report date, where a timeline starts.
    public var asOf: CivilDate

    /// The chart types a custom SQL question may declare, and the columns each takes.
    public static let customTypes: [String: (required: [String], optional: [String])] = [
        "bar": (["x", "y"], ["color"]),
        "line": (["x", "y"], ["color"]),
    ]

    /// The as-of date and the database's first day when the builder was given them: what
    /// marks the partial periods of a timeline (`PeriodCoverage`).
    public var coverage: (asOf: CivilDate?, firstDay: CivilDate?)

    public init(
        limit: Int = 15, badgeCategories: [String: String] = [:], asOf: CivilDate? = nil,
        firstDay: CivilDate? = nil
    ) {
        self.limit = limit
        self.badgeCategories = badgeCategories
        self.categories = Array(Set(badgeCategories.values)).sorted()
        self.asOf = asOf ?? CivilDate(daysSinceEpoch: 0)
        coverage = (asOf, firstDay)
    }

    /// False when there is nothing to draw: empty axes would only mislead.
    static func hasData(_ output: any AnalysisOutput) -> Bool {
        switch output {
        case let result as any Analysis: return result.hasData
        case let result as CustomSQL: return !result.rows.isEmpty
        default: return true
        }
    }

    /// - Throws: `ChartError` when a custom question declares an unknown type or column.
    public func charts(for output: any AnalysisOutput, question: Question) throws -> [Chart] {
        // A chart the question declared (custom SQL's `charts:`) is drawn even of one row: it
        // was asked for, and a declared chart that vanished said nothing (a blind test).
        let declared = output is CustomSQL
        return try drawn(for: output, question: question)
            .filter { declared || Self.comparesSeveral($0) }.map(Self.bounded)
    }

    /// False for a chart of one bar, one dot or one slice: it would only repeat the answer.
    static func comparesSeveral(_ chart: Chart) -> Bool { chart.items > 1 }

    /// The answer first, then the chart chosen to support it, then the rest, placed behind
    /// "More charts" in the kind's own order.
    static func arranged(_ charts: [Chart], supporting: String?) -> [Chart] {
        var featured: [Chart] = []
        var more: [Chart] = []
        for var chart in charts {
            if chart.name == "answer" {
                chart.placement = .answer
                featured.insert(chart, at: 0)
            } else if chart.name == supporting {
                chart.placement = .supporting
                featured.append(chart)
            } else {
                chart.placement = .more
                more.append(chart)
            }
        }
        return featured + more
    }

    /// The chart that supports the answer: the kind's choice, or a custom question's first
    /// declared chart.
    static func supporting(for output: any AnalysisOutput, match: Match, drawn: [Chart])
        -> String?
    {
        switch output {
        case let result as any ChartedAnalysis: return result.supportingChart(for: match)
        default: return drawn.first?.name
        }
    }

    /// A chart whose texts are cut to `DisplayName`'s limits, so that a long name in the data
    /// cannot swell the page: the figure's texts, the title and summary, the table's cells.
    static func bounded(_ chart: Chart) -> Chart {
        var chart = chart
        chart.title = DisplayName.cut(chart.title, limit: DisplayName.figureLimit)
        chart.summary = DisplayName.cut(chart.summary, limit: DisplayName.figureLimit)
        chart.figure = DisplayName.cut(chart.figure, limit: DisplayName.figureLimit)
        chart.table = DisplayName.cut(chart.table)
        return chart
    }

    private func drawn(for output: any AnalysisOutput, question: Question) throws -> [Chart] {
        guard Self.hasData(output) else { return [] }
        switch output {
        case let result as any ChartedAnalysis:
            return result.charts(self)
        case let result as CustomSQL:
            // Two charts of one type are `bar` and `bar-2`, so ids and keys stay unique.
            var seen: [String: Int] = [:]
            return try question.charts.map { declaration in
                var chart = try CustomCharts(result: result, limit: limit).chart(
                    for: declaration, question: question)
                seen[chart.name, default: 0] += 1
                if let count = seen[chart.name], count > 1 { chart.name += "-\(count)" }
                return chart
            }
        default:
            return []
        }
    }
}
