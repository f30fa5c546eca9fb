import Foundation
import Testing

@testable import AlmanacCore

/// A rate's `above`/`below` threshold is in percent. One written as a fraction (`0.99` for
/// 99 %), or one outside 0 to 100, is checked as written, and the build warns, naming the
/// line and what to write instead.
@Suite struct AlertThresholdTests {
    static let questions = """
        title: T
        questions:
          - {text: How many people are enrolled in each badge?, id: badges}
          - {text: What is the completion rate by organization?, id: completion}
        alerts:
          - {question: completion, measure: completion_rate, above: 0.99}
          - {question: completion, measure: drop_rate, below: 150}
          - {question: completion, measure: drop_rate, above: 35}
          - {question: badges, measure: enrollments, below: 0.5}
          - {question: completion, measure: completion_rate, above: -5}
        """

    @Test("a rate's threshold between 0 and 1, or outside 0 to 100, is warned of with its line")
    func rateThresholds() async throws {
        let project = try Project()
        let summary = try await project.build(Self.questions)
        let path = project.questionsFile.path
        let alertWarnings = summary.warnings.filter { $0.contains("alert for") }
        #expect(
            alertWarnings == [
                "\(path):6: alert for `completion`: `above: 0.99` means a completion rate above 0.99 %, since a rate's threshold is in percent; for 99 % write `above: 99`",
                "\(path):7: alert for `completion`: `below: 150` means a drop rate below 150 %, which every rate is, so the alert is always triggered; a rate's threshold is in percent, from 0 to 100",
                "\(path):10: alert for `completion`: `above: -5` means a completion rate above -5 %, which every rate is, so the alert is always triggered; a rate's threshold is in percent, from 0 to 100",
            ])
        // Checked as written: the fixture's 7 enrollments hold 4 completed (57.14 %) and 1
        // dropped (14.29 %). 57.14 > 0.99 and 14.29 < 150 and 57.14 > -5 trigger; 14.29 is not
        // above 35, and 7 enrollments are not below 0.5 (a count, so no warning).
        #expect(
            summary.alerts == [
                "completion: completion rate above 0.99%: 57.14%",
                "completion: drop rate below 150%: 14.29%",
                "completion: completion rate above -5%: 57.14%",
            ])
    }

    @Test("--strict fails on a rate's threshold written as a fraction, naming it")
    func strict() async throws {
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(Self.questions) { $0.strict = true }
        }
        #expect(error?.stage == .strict)
        #expect(String(describing: error).contains(":6: alert for `completion`: `above: 0.99`"))
    }
}

extension AlertThresholdTests {
    @Test("a threshold that is not a number says the unit of its own condition")
    func notANumber() throws {
        let error = #expect(throws: QuestionFileError.self) {
            try QuestionLoader().load(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: b}
                alerts:
                  - {question: b, measure: completion_rate, above: "35%"}
                  - {question: b, measure: enrollments, change_below: lots}
                """, path: "q.yaml")
        }
        #expect(
            error?.problems.map { "\($0.line): \($0.message)" } == [
                "5: `above` must be a number: a count, or a rate in percent (35 for 35 %)",
                "6: `change_below` must be a number: a change in percent, or in percentage points for a rate",
            ])
    }
}
