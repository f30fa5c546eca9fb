import Testing

@testable import AlmanacCore

/// Tied values in a ranking go by name, as every list does (docs/metrics.md, Conventions),
/// not by the analysis's own order.
@Suite struct TieOrderTests {
    /// Python (id 1): 12 enrollments, 5 dropped; C# (id 2): 10 enrollments, 5 dropped; Go
    /// (id 3): 3 enrollments, 3 dropped. The analysis lists Python before C# (more
    /// enrollments); by name, "C#" (C = U+0043) comes before "Python" (P = U+0050).
    static let rows = """
        INSERT INTO organizations VALUES (1, 'North');
        INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01');
        INSERT INTO badges VALUES (1, 'Python', 'Code'), (2, 'C#', 'Code'), (3, 'Go', 'Code');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
        INSERT INTO enrollments
        SELECT i, 1, CASE WHEN i <= 12 THEN 1 WHEN i <= 22 THEN 2 ELSE 3 END, '2024-02-01',
               CASE WHEN i <= 5 OR (i > 12 AND i <= 17) OR i > 22 THEN 'dropped' ELSE 'enrolled' END,
               0.5, NULL
        FROM n;
        """

    @Test("C# and Python tie at 5 drop-outs: C# first, by name, then Go with 3")
    func byName() throws {
        let metrics = try CompletionMetrics.run(try Fixture.context(Self.rows))
        #expect(metrics.byBadge.map(\.name) == ["Python", "C#", "Go"])
        for order in [Ranking.Order.top, .bottom] {
            let intent = Intent(measure: .dropouts, dimension: .badge, ranking: Ranking(order))
            let answer = try #require(Answer.make(metrics, intent: intent, filters: Filters()))
            let expected = order == .top ? ["C#", "Python", "Go"] : ["Go", "C#", "Python"]
            #expect(answer.rows.map(\.subject) == expected)
        }
    }
}
