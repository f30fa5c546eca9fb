import Foundation
import Testing

@testable import AlmanacCore

/// A report author's "completion rate of Python Basics this quarter, below 30" fired with
/// 0 % a week into the quarter: 16 enrollments, none old enough to finish (the median time to
/// complete is 14.4 days). "What changed" leaves out rates of fewer than 20 enrollments; an
/// alert on such a rate is not checked either, and the build says so.
@Suite struct FewEnrollmentsTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-07-07")!)

    func summary(enrollments: Double, rate: Double) throws -> ReportSummary {
        var report = GoldenPageTests.second
        report.question = Question(
            id: "q", text: "What is the completion rate of Python Basics this quarter?")
        report.match = try matcher.route(report.question)
        report.keyMeasures = [
            KeyMeasure(measure: "enrollments", subject: nil, value: enrollments),
            KeyMeasure(measure: "completion_rate", subject: nil, value: rate),
        ]
        return ReportSummary(report)
    }

    let below30 = AlertRule(
        question: "q", measure: "completion_rate", condition: .below, threshold: 30, line: 9)

    /// The alert below 30 on a rate of `enrollments`, with the warnings the build gives.
    func evaluated(enrollments: Double, rate: Double) throws -> ([AlertResult], [String]) {
        var warnings: [String] = []
        let results = try AlertEvaluator(alerts: [below30], path: "questions.yaml").evaluate(
            [try summary(enrollments: enrollments, rate: rate)], warn: { warnings.append($0) })
        return (results, warnings)
    }

    @Test("a rate over fewer than 20 enrollments is not checked, and a warning says why")
    func tooFew() throws {
        let (results, warnings) = try evaluated(enrollments: 16, rate: 0)
        #expect(results.map(\.triggered) == [false])
        #expect(results.map(\.tooFew) == [16])
        #expect(
            warnings == [
                "questions.yaml:9: alert for `q` not checked: its completion rate is over 16 enrollments, fewer than 20 (`min_enrollments`)"
            ])
    }

    /// Blind test 82: an empty quarter's rate was "over 0 enrollments, fewer than 20".
    @Test("a rate of a window with no enrollments is not checked, for having no value")
    func empty() throws {
        let (results, warnings) = try evaluated(enrollments: 0, rate: 0)
        #expect(results.map(\.triggered) == [false])
        #expect(
            warnings == [
                "questions.yaml:9: alert for `q` not checked: its completion rate has no value, as its window holds no enrollments (`min_enrollments`)"
            ])
    }

    @Test("from 20 enrollments on, the rate is checked as before")
    func enough() throws {
        let results = try AlertEvaluator(alerts: [below30], path: "questions.yaml").evaluate(
            [try summary(enrollments: 20, rate: 0.25)])
        #expect(results.map(\.triggered) == [true])
        #expect(results.map(\.value) == [25])
        #expect(results.map(\.tooFew) == [nil])
    }

    /// The fixture's 7 enrollments hold 1 dropped (14.29 %): by default too few to check;
    /// `min_enrollments: 0` checks the rate however few, and 7 does too.
    @Test("min_enrollments sets the fewest enrollments a rate alert is checked over")
    func minimum() async throws {
        func build(_ minimum: String) async throws -> BuildSummary {
            try await Project().build(
                """
                title: T
                questions:
                  - {text: What is the completion rate by organization?, id: completion}
                alerts:
                  - {question: completion, measure: drop_rate, above: 10\(minimum)}
                """)
        }
        let project = try Project()
        let byDefault = try await project.build(
            """
            title: T
            questions:
              - {text: What is the completion rate by organization?, id: completion}
            alerts:
              - {question: completion, measure: drop_rate, above: 10}
            """)
        #expect(byDefault.alerts.isEmpty)
        // The digest says it was not checked, where it said nothing of it (blind test 56):
        // docs/metrics.md promises its entry with `too_few_enrollments`.
        let digest = try JSONDecoder().decode(
            JSONValue.self, from: Data(project.read("digest.json").utf8))
        #expect(digest["alerts"] == .array([]))
        let unchecked = digest["unchecked_alerts"]?.arrayValue
        #expect(unchecked?.count == 1)
        #expect(unchecked?.first?["too_few_enrollments"] == .int(7))
        #expect(unchecked?.first?["triggered"] == .bool(false))
        #expect(
            project.read("digest.md").contains(
                "Not checked, for too few enrollments:\n\n- [What is the completion rate by organization?](completion.md): drop rate above 10%; not checked: its drop rate is over 7 enrollments, fewer than 20\n"
            ))
        #expect(
            byDefault.warnings.contains {
                $0.hasSuffix(
                    "alert for `completion` not checked: its drop rate is over 7 enrollments, fewer than 20 (`min_enrollments`)"
                )
            }, "\(byDefault.warnings)")
        for minimum in [", min_enrollments: 0", ", min_enrollments: 7"] {
            let checked = try await build(minimum)
            #expect(checked.alerts == ["completion: drop rate above 10%: 14.29%"], "\(minimum)")
        }
        await #expect(throws: (any Error).self) { try await build(", min_enrollments: -1") }
        await #expect(throws: (any Error).self) { try await build(", min_enrollments: many") }
    }
}

/// Blind test 84: "drop rate change below -5 pts: -7.22 pts" fired on windows that had had
/// different times to collect drop-outs, which carry no date.
@Suite struct DropRateChangeAlertTests {
    @Test("a change alert on the drop rate is refused, with what to alert on instead")
    func refused() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: "2026-07-07")!)
        var report = GoldenPageTests.second
        report.question = Question(id: "q", text: "What is the drop-out rate this month?")
        report.match = try matcher.route(report.question)
        report.keyMeasures = [
            KeyMeasure(measure: "enrollments", subject: nil, value: 605),
            KeyMeasure(measure: "drop_rate", subject: nil, value: 0.2876),
        ]
        let rule = AlertRule(
            question: "q", measure: "drop_rate", condition: .changeBelow, threshold: -5, line: 7)
        #expect(
            throws: AlertError(
                path: "questions.yaml",
                problems: [
                    (
                        7,
                        "alert for `q`: `change_below` on the drop rate compares windows that have had different times to collect drop-outs, which carry no date, so an earlier window's is higher by that alone; alert on the drop rate `above` or `below` a line, or on the completion rate's change"
                    )
                ])
        ) {
            try AlertEvaluator(alerts: [rule], path: "questions.yaml").evaluate([
                ReportSummary(report)
            ])
        }
    }
}
