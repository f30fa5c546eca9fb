import Foundation
import Testing

@testable import AlmanacCore

/// A rate's `above`/`below` threshold is in percent. One written as a fraction (`0.99` for
/// 99 %) is checked as written, and the build warns, naming the line and what to write
/// instead; one outside what the measure can be (a rate outside 0 to 100, a negative count)
/// is an error of the questions file, with its line and column.
@Suite struct AlertThresholdTests {
    static let questions = """
        title: T
        questions:
          - {text: How many people are enrolled in each badge?, id: badges}
          - {text: What is the completion rate by organization?, id: completion}
        alerts:
          - {question: completion, measure: completion_rate, above: 0.99, min_enrollments: 0}
          - {question: completion, measure: drop_rate, below: 15, min_enrollments: 0}
          - {question: completion, measure: drop_rate, above: 35, min_enrollments: 0}
          - {question: badges, measure: enrollments, below: 0.5}
        """

    @Test("a rate's threshold between 0 and 1 is warned of with its line and both readings")
    func rateThresholds() async throws {
        let project = try Project()
        let summary = try await project.build(Self.questions)
        let path = project.questionsFile.path
        let alertWarnings = summary.warnings.filter { $0.contains("alert for") }
        #expect(
            alertWarnings == [
                "\(path):6: alert for `completion`: `above: 0.99` means a completion rate above 0.99 %, since a rate's threshold is in percent; for 99 % write `above: 99`"
            ])
        // Checked as written: the fixture's 7 enrollments hold 4 completed (57.14 %) and 1
        // dropped (14.29 %). 57.14 > 0.99 and 14.29 < 15 trigger; 14.29 is not above 35, and
        // 7 enrollments are not below 0.5 (a count, so no warning).
        #expect(
            summary.alerts == [
                "completion: completion rate above 0.99%: 57.14%",
                "completion: drop rate below 15%: 14.29%",
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
    @Test("a threshold outside what its measure can be is an error with its line and column")
    func outOfRange() throws {
        let error = #expect(throws: QuestionFileError.self) {
            try QuestionLoader().load(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: b}
                alerts:
                  - {question: b, measure: drop_rate, below: 150}
                  - {question: b, measure: completion_rate, above: -5}
                  - {question: b, measure: enrollments, below: -1}
                  - {question: b, measure: completion_rate, change_below: -120}
                  - {question: b, measure: enrollments, change_below: -150}
                  - {question: b, measure: enrollments, change_above: 250}
                  - {question: b, measure: completion_rate, above: 99.9}
                  - {question: b, measure: enrollments, below: 0}
                  - {question: b, measure: drop_rate, above: 100}
                  - {question: b, measure: drop_rate, below: 0.01}
                  - {question: b, measure: enrollments, change_below: -100}
                  - {question: b, measure: drop_rate, change_above: 100}
                  - {question: b, measure: drop_rate, change_below: -100}
                  - {question: b, measure: enrollments, above: 1e300}
                  - {question: b, measure: enrollments, change_above: 1e19}
                  - {question: b, measure: enrollments, below: -1e300}
                """, path: "q.yaml")
        }
        // Columns counted by hand on each line: the value after `below: `, `above: ` or
        // `change_below: `. Lines 10, 11 and 14 are possible: a count can grow by 250 %, a
        // rate can pass 99.9 % and fall below 0.01 %.
        #expect(
            error?.problems.map { "\($0.line):\($0.column): \($0.message)" } == [
                "5:46: `below: 150` is outside what a rate can be: a rate's threshold is in percent, from 0 to 100 (35 for 35 %)",
                "6:52: `above: -5` is outside what a rate can be: a rate's threshold is in percent, from 0 to 100 (35 for 35 %)",
                "7:48: `below: -1` is below zero, which no enrollments can be: a count's threshold is 0 or more",
                "8:59: `change_below: -120` is outside what a rate's change can be: in percentage points, from −100 to 100",
                "9:55: `change_below: -150` is a fall of more than 100 %, which no enrollments can make: a change is in percent, from −100 up",
                "12:48: `below: 0` can never be triggered: `enrollments` is never below zero",
                "13:46: `above: 100` can never be triggered: no rate is above 100 %",
                // Strictly below −100 %, or beyond ±100 points: no change passes.
                "15:55: `change_below: -100` can never be triggered: no enrollments falls by more than 100 %",
                "16:53: `change_above: 100` can never be triggered: no rate rises by more than 100 points",
                "17:53: `change_below: -100` can never be triggered: no drop rate falls by more than 100 points",
                // Lines 18 and 19 are possible, if never met; huge numbers are written, not a crash.
                "20:48: `below: -1e+300` is below zero, which no enrollments can be: a count's threshold is 0 or more",
            ])
    }

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

    /// Blind test 45: the same alert written twice fired twice ("2 alerts triggered").
    @Test("an alert written twice is an error at the second, naming the first")
    func repeated() throws {
        let error = #expect(throws: QuestionFileError.self) {
            try QuestionLoader().load(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: b}
                alerts:
                  - {question: b, measure: enrollments, below: 100}
                  - {question: b, measure: enrollments, below: 200}
                  - {question: b, measure: enrollments, below: 100}
                """, path: "q.yaml")
        }
        #expect(
            error?.problems.map { "\($0.line): \($0.message)" } == [
                "7: this alert repeats the one at line 5; keep one"
            ])
    }
}
