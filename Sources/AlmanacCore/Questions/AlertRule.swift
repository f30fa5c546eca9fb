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

    /// The fewest days a rate's window must have run by the report's date, from its first
    /// day, for a threshold (`above`/`below`) to be checked (`min_days:`; 28 by default): the
    /// enrollments of a younger window have had no time to finish. A change is not held back:
    /// it sets each window against the other at the same age.
    public var minimumDays: Int = AlertRule.defaultMinimumDays

    /// "What changed" leaves out rates of fewer enrollments (`InsightFinder.comparableRate`).
    public static let defaultMinimumEnrollments = 20
    /// Four weeks: the demo's median time to complete is 24.2 days, Python Basics' 14.4. The
    /// README's own alert, a completion rate of this quarter below 30 %, fired with 0 % on the
    /// quarter's fourth day over 56 enrollments, past `min_enrollments` (blind test 77).
    public static let defaultMinimumDays = 28

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
