import Testing

@testable import AlmanacCore

/// Learners with no organization are counted but not ranked among the organizations: the lead
/// sentence says so ("Learners with no organization are not ranked"), and the summary after
/// it does not rank them either. On the demo, "which organization is worst at finishing Deep
/// Learning" answered Ōsaka Robotics, then said "(no organization) trails at 15.0%".
@Suite struct NoOrganizationNarrationTests {
    /// One badge, Alpha, all enrolled on 2024-02-20. North (user 1) has 24 enrollments, 12
    /// completed: 50.0%. South (user 2) has 20, 5 completed: 25.0%. User 3 has no
    /// organization and 30 enrollments, none completed: 0.0%, and the most enrollments.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'North'), (2, 'South');
        INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01'), (2, 'Bob', 2, '2024-01-01'),
            (3, 'Cy', NULL, '2024-01-01');
        INSERT INTO badges VALUES (1, 'Alpha', 'Data');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 74)
        INSERT INTO enrollments
        SELECT i, CASE WHEN i <= 24 THEN 1 WHEN i <= 44 THEN 2 ELSE 3 END, 1, '2024-02-20',
               CASE WHEN i <= 12 OR i BETWEEN 25 AND 29 THEN 'completed' ELSE 'dropped' END,
               CASE WHEN i <= 12 OR i BETWEEN 25 AND 29 THEN 1.0 ELSE 0.5 END,
               CASE WHEN i <= 12 OR i BETWEEN 25 AND 29 THEN '2024-02-25' END
        FROM n;
        """

    @Test("completion metrics: North leads and South trails; learners with none do not trail")
    func completion() throws {
        let text = OfflineNarrator().narrate(
            try CompletionMetrics.run(try Fixture.context(Self.rows)))
        #expect(
            text.contains(
                "Among organizations, North leads on completion rate at 50.0% and South trails at 25.0%."
            ),
            "\(text)")
        #expect(!text.contains("(no organization)"), "\(text)")
    }

    @Test("organization trends: North leads on enrollments and rate, not learners with none")
    func trends() throws {
        let text = OfflineNarrator().narrate(
            try OrganizationTrends.run(try Fixture.context(Self.rows)))
        #expect(text.contains("North led with 24, followed by South (20)."), "\(text)")
        #expect(text.contains("North has the highest completion rate, 50.0%."), "\(text)")
        #expect(!text.contains("(no organization)"), "\(text)")
        // The 30 enrollments of learners with none are still counted.
        #expect(
            text.contains(
                "74 enrollments came from 2 organizations and from learners with no organization"),
            "\(text)")
    }

    /// Blind test 47: "Half of those who finished took 1 days or less".
    @Test("a median of one day is one day")
    func oneDay() {
        #expect(OfflineNarrator.days(1) == "1 day")
        #expect(OfflineNarrator.days(1.04) == "1 day")
        #expect(OfflineNarrator.days(15.2) == "15.2 days")
        #expect(OfflineNarrator.days(0.5) == "0.5 days")
    }

    /// An attack run: a real organization named "(no organization)" led "Completion rate for
    /// (no organization): 100.00%", read as the learners with none (0.00 %).
    @Test("a real organization named like the placeholder is said to be one")
    func namedLikePlaceholder() {
        let narrator = OfflineNarrator()
        #expect(
            narrator.scope(Filters(badge: "Python Basics", organization: Scope.noOrganization))
                == " for Python Basics at the organization named (no organization)")
        #expect(narrator.scope(Filters(organization: "Acme")) == " for Acme")
    }
}
