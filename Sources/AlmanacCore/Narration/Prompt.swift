/// The original design's prompt: a system message that keeps the model to the numbers, and a
/// user message with the database totals, the analysis data and the question.
public enum Prompt {
    public static let system = """
        You are a data analyst writing for a weekly report on a learning platform. \
        Explain what the numbers mean in three to six plain sentences of Markdown. \
        Use only the numbers given in the data; quote every figure exactly as it is given, \
        and never compute, estimate or invent a figure that is not there. \
        Rates are fractions: you may write 0.5625 as 56.25% or 56.3%. \
        When a comparison and insights are given, open with the most important insight and explain \
        what changed and why; their changes are already computed, so quote them and never work out \
        a difference or a percentage yourself. \
        An insight's drivers say what drove its move: name the drivers with their change and share \
        of it (a rate's parts are in points, with its rate and mix effects), or say the move is \
        broad-based when `broad_based` is true; never name a driver that is not listed. \
        If the data cannot answer the question, say so plainly.
        """

    /// How many rows of each list the model sees; the rest are counted, not shown.
    public static let rowBudget = 25

    /// The user message for one question.
    /// - Parameter intent: how Almanac read the question; the answer should open with it.
    public static func user(
        question: String, stats: DatabaseStats, data: JSONValue, comparison: JSONValue = .null,
        insights: JSONValue = [], intent: String? = nil
    ) -> String {
        var changes = ""
        if comparison != .null || insights != [] {
            // The comparison and the insights are computed; the model explains them.
            changes = """

                Comparison with the previous period and a year earlier (already computed; rates' changes are in percentage points):
                \(trimmed(comparison).prettyEncoded().trimmingCharacters(in: .newlines))

                Insights, most important first (already computed: explain them, do not recompute them):
                \(trimmed(insights).prettyEncoded().trimmingCharacters(in: .newlines))

                """
        }
        let reading =
            intent.map {
                "\nAlmanac read it as: \($0). Answer exactly that first, in the order it asks for, then explain."
            } ?? ""
        return """
            Based on the following data:
            - Total Users: \(stats.users)
            - Total Badges: \(stats.badges)
            - Total Enrollments: \(stats.enrollments)

            Analytics Data:
            \(trimmed(data).prettyEncoded().trimmingCharacters(in: .newlines))
            \(changes)
            Please analyze this query: \(question)\(reading)
            """
    }

    /// The short form of an earlier question in the conversation.
    public static func history(question: String) -> String {
        "Please analyze this query: \(question)"
    }

    /// The analysis data with every list cut to the row budget and a note of what was left out.
    public static func trimmed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items) where items.count > rowBudget:
            return .array(
                items.prefix(rowBudget).map(trimmed)
                    + [.string("… \(items.count - rowBudget) more rows not shown")])
        case .array(let items):
            return .array(items.map(trimmed))
        case .object(let members):
            return .object(members.mapValues(trimmed))
        default:
            return value
        }
    }
}
