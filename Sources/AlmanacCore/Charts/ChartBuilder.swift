/// A chart that a custom SQL question declares but cannot have.
public struct ChartError: Error, Equatable, Sendable, CustomStringConvertible {
    public var questionID: String
    public var line: Int
    public var message: String

    public var description: String { "question `\(questionID)`, line \(line): \(message)" }
}

/// Builds the charts for any analysis result.
public struct ChartBuilder: Sendable {
    /// How many categories an axis keeps before the rest become "Other".
    public var limit: Int

    /// The chart types a custom SQL question may declare, and the columns each takes.
    public static let customTypes: [String: (required: [String], optional: [String])] = [
        "bar": (["x", "y"], ["color"]),
        "line": (["x", "y"], ["color"]),
    ]

    public init(limit: Int = 15) {
        self.limit = limit
    }

    /// - Throws: `ChartError` when a custom question declares an unknown type or column.
    public func charts(for output: any AnalysisOutput, question: Question) throws -> [Chart] {
        switch output {
        case let result as BadgeEnrollments:
            return BadgeEnrollmentCharts(result: result, limit: limit).charts
        case let result as CustomSQL:
            return try question.charts.map { try CustomCharts(result: result, limit: limit).chart(for: $0, question: question) }
        default:
            return []
        }
    }
}
