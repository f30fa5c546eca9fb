import Foundation
import Testing

@testable import AlmanacCore

/// A rebuild after a question's wording changed reads every scope's weekly series from the
/// last build's results, as it reads the analyses: no statement runs, and the insights the
/// series give are the same.
@Suite struct WeeklyCacheTests {
    /// Twelve enrollments every week from Monday 2024-01-01 (each by a new learner), forty in
    /// the week of 2024-04-01: as of Sunday 2024-04-07 that last whole week is unusual.
    static var rows: String {
        var users: [String] = []
        var enrollments: [String] = []
        for week in 0..<14 {
            let monday = CivilDate(iso: "2024-01-01")!.adding(days: 7 * week)
            for _ in 0..<(week == 13 ? 40 : 12) {
                let id = enrollments.count + 1
                users.append("(\(id), 'U\(id)', 1, '2023-01-01')")
                enrollments.append("(\(id), \(id), 1, '\(monday)', 'enrolled', 0.0, NULL)")
            }
        }
        return """
            INSERT INTO organizations VALUES (1, 'Acme');
            INSERT INTO badges VALUES (1, 'Python Basics', 'Programming');
            INSERT INTO users VALUES \(users.joined(separator: ", "));
            INSERT INTO enrollments VALUES \(enrollments.joined(separator: ", "));
            """
    }

    static func questions(_ second: String) -> String {
        """
        title: Fixture
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
          - text: \(second)
            id: completion
        """
    }

    @Test("a reworded question reruns nothing, and the weekly insights stay")
    func rewordedQuestion() async throws {
        let project = try Project(rows: Self.rows)
        let first = try await project.build(
            Self.questions("What is the completion rate by organization?")
        ) { $0.asOf = CivilDate(iso: "2024-04-07") }
        #expect(first.plan.map(\.name).contains("weekly"))
        let before = try project.document("badges")["metadata"]?["insights"]
        // 40 against a typical 12: the insight the weekly series gives.
        #expect(before?.arrayValue?.contains { $0["type"] == "unusual_change" } == true)

        let second = try await project.build(
            Self.questions("What is the completion rate for each organization?")
        ) { $0.asOf = CivilDate(iso: "2024-04-07") }
        #expect(second.plan.isEmpty)
        #expect(try project.document("badges")["metadata"]?["insights"] == before)
    }
}
