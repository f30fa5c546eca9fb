import Testing

@testable import AlmanacCore

/// A ranking of organizations leaves `(no organization)` out, and says so with its value
/// (docs/metrics.md, "The answer").
@Suite struct NoOrganizationRankingTests {
    /// North (user 1): 4 enrollments, 1 completed, 25%. South (user 2): 2, both completed,
    /// 100%. User 3 has no organization: 4 enrollments, 2 completed, 50%, which would rank
    /// second from the bottom.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'North'), (2, 'South');
        INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01'), (2, 'Bob', 2, '2024-01-01'),
            (3, 'Cy', NULL, '2024-01-01');
        INSERT INTO badges VALUES (1, 'Alpha', 'Data');
        INSERT INTO enrollments VALUES
            (1, 1, 1, '2024-02-01', 'completed', 1.0, '2024-02-10'),
            (2, 1, 1, '2024-02-02', 'dropped', 0.5, NULL),
            (3, 1, 1, '2024-02-03', 'dropped', 0.5, NULL),
            (4, 1, 1, '2024-02-04', 'dropped', 0.5, NULL),
            (5, 2, 1, '2024-02-01', 'completed', 1.0, '2024-02-10'),
            (6, 2, 1, '2024-02-02', 'completed', 1.0, '2024-02-11'),
            (7, 3, 1, '2024-02-01', 'completed', 1.0, '2024-02-10'),
            (8, 3, 1, '2024-02-02', 'completed', 1.0, '2024-02-12'),
            (9, 3, 1, '2024-02-03', 'dropped', 0.5, NULL),
            (10, 3, 1, '2024-02-04', 'dropped', 0.5, NULL);
        """

    @Test("the lowest completion rates rank North and South; (no organization)'s 50% is said")
    func lowest() throws {
        let metrics = try CompletionMetrics.run(try Fixture.context(Self.rows))
        let intent = Intent(
            measure: .completionRate, dimension: .organization, ranking: Ranking(.bottom))
        let answer = try #require(Answer.make(metrics, intent: intent, filters: Filters()))
        #expect(answer.rows.map(\.subject) == ["North", "South"])
        #expect(answer.leftOut?.value == .double(0.5))
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The organizations with the lowest completion rate are North (25.00%; 4 enrollments, a small base) and South (100.00%; 2 enrollments, a small base). Learners with no organization are not ranked (completion rate 50.00%, 4 enrollments)."
        )
        // Not a ranking: (no organization) is a row like the others, and nothing is said.
        let all = try #require(
            Answer.make(
                metrics, intent: Intent(measure: .completionRate, dimension: .organization),
                filters: Filters()))
        #expect(all.leftOut == nil && all.rows.count == 3)
    }
}
