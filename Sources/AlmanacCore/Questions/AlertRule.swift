/// One entry of `alerts:` in questions.yaml: a line that one of a question's key measures
/// should not cross.
public struct AlertRule: Sendable, Equatable {
    public enum Condition: String, Sendable, Equatable, CaseIterable {
        /// The current value is above the threshold (a rate's threshold is in percent).
        case above
        case below
        /// The change from the previous window is above the threshold: in percent of the
        /// previous value, or in percentage points for a rate.
        case changeAbove = "change_above"
        case changeBelow = "change_below"
    }

    public var question: String
    public var measure: String
    /// A badge or organization name; nil for the question's total.
    public var subject: String?
    public var condition: Condition
    public var threshold: Double
    /// Where the entry starts in questions.yaml, for messages.
    public var line: Int
    /// The fewest enrollments a rate is checked over (`min_enrollments:`; 20 by default, as
    /// "What changed" judges rates): below it, a rate is noise and the alert is not checked.
    public var minimumEnrollments: Int = AlertRule.defaultMinimumEnrollments

    /// "What changed" leaves out rates of fewer enrollments (`InsightFinder.comparableRate`).
    public static let defaultMinimumEnrollments = 20

    public init(
        question: String, measure: String, subject: String? = nil, condition: Condition,
        threshold: Double, line: Int = 0
    ) {
        self.question = question
        self.measure = measure
        self.subject = subject
        self.condition = condition
        self.threshold = threshold
        self.line = line
    }
}
