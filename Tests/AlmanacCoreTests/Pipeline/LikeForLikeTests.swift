import Foundation
import Testing

@testable import AlmanacCore

/// Comparisons are like for like (docs/metrics.md): each earlier window is counted at the same
/// age as the current one, so a platform whose behaviour never changes shows no change.
@Suite struct LikeForLikeTests {
    /// Every day from 2023-01-01 to 2024-06-30 (547 days), four enrollments in one badge by
    /// 100 learners in turn: the first completes exactly 10 days after enrolling, the second
    /// 20 days after, the third drops out and the fourth is still in progress.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'Steady Co');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
        INSERT INTO users SELECT i, 'Learner ' || i, 1, '2022-12-01' FROM n;
        INSERT INTO badges VALUES (1, 'Steady Badge', 'Data');
        WITH RECURSIVE d(day) AS (SELECT 0 UNION ALL SELECT day + 1 FROM d WHERE day < 546),
        k(slot) AS (VALUES (0), (1), (2), (3))
        INSERT INTO enrollments
        SELECT day * 4 + slot + 1, (day * 4 + slot) % 100 + 1, 1,
               date('2023-01-01', '+' || day || ' days'),
               CASE slot WHEN 0 THEN 'completed' WHEN 1 THEN 'completed' WHEN 2 THEN 'dropped'
                         ELSE 'in_progress' END,
               CASE WHEN slot < 2 THEN 1.0 ELSE 0.5 END,
               CASE slot WHEN 0 THEN date('2023-01-01', '+' || (day + 10) || ' days')
                         WHEN 1 THEN date('2023-01-01', '+' || (day + 20) || ' days') END
        FROM d, k;
        """

    static let questions = """
        title: Steady
        questions:
          - text: What is the completion rate in the last 4 weeks?
            id: rate
            kind: completion_metrics
          - text: How many people enrolled in the last 12 weeks?
            id: recent
            kind: badge_enrollments
          - text: How have enrollments trended in the last 12 weeks?
            id: trend
            kind: organization_trends
        alerts:
          - {question: rate, measure: completion_rate, change_below: -0.01}
          - {question: rate, measure: completed, change_below: -0.01}
          - {question: recent, measure: completion_rate, change_below: -0.01}
          - {question: recent, measure: completed, change_below: -0.01}
          - {question: trend, measure: completed, change_below: -0.01}
        """

    @Test("with a constant completion behaviour, no comparison of a recent window changes")
    func constantBehaviourShowsNoChange() async throws {
        let project = try Project(rows: Self.rows, questions: Self.questions)
        let summary = try await project.build(Self.questions) {
            $0.asOf = CivilDate(iso: "2024-06-30")
        }
        #expect(summary.alerts.isEmpty)
        for id in ["rate", "recent", "trend"] {
            let comparison = try project.document(id)["metadata"]?["comparison"]
            let totals = (comparison?["measures"]?.arrayValue ?? []).filter {
                $0["subject"] == .null
            }
            #expect(!totals.isEmpty, "\(id) has no comparison")
            for row in totals {
                let measure = row["measure"]?.stringValue ?? ""
                // Recent windows hold enrollments that have not had time to complete: the
                // current window is not all completed, and neither are the others.
                #expect(row["current"] == row["previous"], "\(id) \(measure) against previous")
                #expect(row["current"] == row["year_ago"], "\(id) \(measure) against a year ago")
            }
        }
        // By hand: "the last 4 weeks" as of Sunday 2024-06-30 are the four whole weeks before
        // the week of the as-of date, 2024-05-27 to 2024-06-23: 112 enrollments. Of the 28
        // that complete after 10 days, those enrolled by 06-20 had by 06-30 (25); of the 28
        // that complete after 20 days, those enrolled by 06-10 (15): 40 completions.
        let overall = try project.document("rate")["metadata"]?["analytics_data"]?["overall"]
        #expect(overall?["enrollments"] == 112)
        #expect(overall?["completed"] == 40)
    }
}
