import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 77: the README's own alert, "completion rate of Python Basics this quarter below
/// 30, min_enrollments 50", fired on 2026-10-04, the quarter's fourth day, with 0 %: 56
/// enrollments, past `min_enrollments`, none old enough to finish. A threshold on a rate is not
/// checked until its window has run `min_days` (28 by default) by the report's date.
@Suite struct NewWindowAlertTests {
    /// 56 learners of Acme, each with one Python Basics enrollment in progress, 14 a day from
    /// 2026-10-01 to 2026-10-04: the quarter's completion rate is 0 of 56, 0 %.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'Acme');
        INSERT INTO badges VALUES (1, 'Python Basics', 'Data');
        WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 55)
        INSERT INTO users SELECT n + 1, 'u' || n, 1, '2026-01-01' FROM d;
        WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 55)
        INSERT INTO enrollments
          SELECT n + 1, n + 1, 1, date('2026-10-01', '+' || (n / 14) || ' days'), 'in_progress',
                 0.2, NULL
          FROM d;
        """

    static func yaml(_ extra: String = "") -> String {
        """
        title: Quarter
        questions:
          - text: What is the completion rate of Python Basics this quarter?
            id: python-this-quarter
        alerts:
          - {question: python-this-quarter, measure: completion_rate, below: 30, min_enrollments: 50\(extra)}
        """
    }

    @Test("on the quarter's fourth day the rate is not checked, and the build and digest say why")
    func fourthDay() async throws {
        let project = try Project(rows: Self.rows, questions: Self.yaml())
        let summary = try await project.build { $0.asOf = CivilDate(iso: "2026-10-04") }
        #expect(summary.alerts.isEmpty)
        #expect(
            summary.warnings.contains {
                $0.hasSuffix(
                    "alert for `python-this-quarter` not checked: its completion rate is of a window 4 days old, fewer than 28, whose newest enrollments have had no time to finish (`min_days`)"
                )
            }, "\(summary.warnings)")
        let digest = try JSONDecoder().decode(
            JSONValue.self, from: Data(project.read("digest.json").utf8))
        let unchecked = digest["unchecked_alerts"]?.arrayValue
        #expect(unchecked?.first?["window_days"] == .int(4))
        #expect(unchecked?.first?["min_days"] == .int(28))
        #expect(project.read("digest.md").contains("Not checked, for too new a window:"))
    }

    @Test("min_days: 0 checks it: 0 of 56 completed is below 30 %")
    func checkedWhenAsked() async throws {
        let project = try Project(rows: Self.rows, questions: Self.yaml(", min_days: 0"))
        let summary = try await project.build { $0.asOf = CivilDate(iso: "2026-10-04") }
        #expect(summary.alerts.count == 1)
        // As the pages write a rate, two decimals ("0%" was written).
        #expect(summary.alerts == ["python-this-quarter: completion rate below 30%: 0.00%"])
    }

    /// 2026-10-27 is the window's 27th day, 2026-10-28 its 28th.
    @Test("from the window's 28th day on, the threshold is checked")
    func twentyEighthDay() async throws {
        let project = try Project(rows: Self.rows, questions: Self.yaml())
        let early = try await project.build { $0.asOf = CivilDate(iso: "2026-10-27") }
        #expect(early.alerts.isEmpty)
        let late = try await project.build { $0.asOf = CivilDate(iso: "2026-10-28") }
        #expect(late.alerts.count == 1)
    }

    @Test("min_days on a count or a change is said to do nothing")
    func minimumDaysIgnored() async throws {
        let yaml = """
            title: Quarter
            questions:
              - text: What is the completion rate of Python Basics this quarter?
                id: python-this-quarter
            alerts:
              - {question: python-this-quarter, measure: enrollments, above: 10, min_days: 7}
            """
        let project = try Project(rows: Self.rows, questions: yaml)
        let summary = try await project.build { $0.asOf = CivilDate(iso: "2026-10-04") }
        #expect(
            summary.warnings.contains {
                $0.hasSuffix(
                    "alert for `python-this-quarter`: `min_days` holds back only a rate's `above` or `below`, so it does nothing here"
                )
            }, "\(summary.warnings)")
        // 56 enrollments, above 10: checked and triggered.
        #expect(summary.alerts.count == 1)
    }

    @Test("min_days must be a whole number of days, 0 or more")
    func badMinimum() async throws {
        for bad in [", min_days: -1", ", min_days: soon"] {
            let project = try Project(rows: Self.rows, questions: Self.yaml(bad))
            await #expect(throws: (any Error).self, "\(bad)") {
                try await project.build { $0.asOf = CivilDate(iso: "2026-10-04") }
            }
        }
    }
}
