import Testing

@testable import AlmanacCore

/// An attack run (2026-12-07): on data that began on 2025-03-05, as of 2025-03-25, "which
/// month had the most enrollments in 2025" had no answer and a summary of "peaked at 0 in 2
/// months, tied: 2025-01 and 2025-02", months before the data; the 12-month trend led with "0
/// in 2024-03 (a partial month)". With every learner outside an organization, "which
/// organization has the highest completion rate" had no answer, and with every enrollment
/// dropped, "the month with the most completions is 2025-03: 0".
@Suite struct NothingToRankTests {
    /// One learner of Acme, 21 enrollments, one a day from 2025-03-05 to 2025-03-25.
    static let lateStart = """
        INSERT INTO organizations VALUES (1, 'Acme');
        INSERT INTO users VALUES (1, 'u', 1, '2025-01-01');
        INSERT INTO badges VALUES (1, 'Python Basics', 'Data');
        WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 20)
        INSERT INTO enrollments
          SELECT n + 1, 1, 1, date('2025-03-05', '+' || n || ' days'), 'in_progress', 0.5, NULL
          FROM d;
        """

    @Test("months before the data are not ranked, peaked at, or led with")
    func beforeTheData() async throws {
        let yaml = """
            title: Late start
            questions:
              - text: Which month had the most enrollments in 2025?
                id: month
              - text: How have enrollments trended over time?
                id: trend
            """
        let project = try Project(rows: Self.lateStart, questions: yaml)
        try await project.build(yaml)
        let month = project.read("month.md")
        #expect(month.contains("No whole month to rank: 2025-03 is a partial month, left out."))
        #expect(!month.contains("peaked at 0"))
        let trend = project.read("trend.md")
        // 21 enrollments, all in March, the month of the as-of date.
        #expect(
            trend.contains(
                "Enrollments per month in the 12 months up to 2025-03-25: no whole month in the data; 21 in 2025-03, a partial month."
            ))
        #expect(!trend.contains("peaked at 0") && !trend.contains("could not be found"))
    }

    @Test("a ranking of organizations with none, and of months with no completions, says so")
    func nothingToRank() async throws {
        let rows = """
            INSERT INTO organizations VALUES (1, 'Acme');
            INSERT INTO users VALUES (1, 'u', NULL, '2025-01-01'), (2, 'v', NULL, '2025-01-01');
            INSERT INTO badges VALUES (1, 'Python Basics', 'Data');
            INSERT INTO enrollments VALUES (1, 1, 1, '2025-03-01', 'dropped', 0.1, NULL),
              (2, 2, 1, '2025-03-20', 'dropped', 0.1, NULL);
            """
        let yaml = """
            title: Nothing
            questions:
              - text: Which organization has the highest completion rate?
                id: organization
              - text: Which month had the most completions?
                id: month
            """
        let project = try Project(rows: rows, questions: yaml)
        try await project.build(yaml) { $0.asOf = CivilDate(iso: "2025-04-02") }
        #expect(
            project.read("organization.md").contains(
                "No organization has enrollments to rank. Learners with no organization are not ranked (completion rate 0.00%, 2 enrollments)."
            ))
        #expect(
            project.read("month.md").contains(
                "No month in the 12 months up to 2025-04-02 had any completions: 0 in each."))
    }

    /// An attack run: "the highest median days to complete … is no completions yet to the
    /// tenth of a day, shared by 23 badges".
    @Test("a ranking of times with no completion to time says so")
    func noTimes() async throws {
        let yaml = """
            title: No times
            questions:
              - text: Which badge takes the longest to complete?
                id: slowest
            """
        let project = try Project(rows: Self.lateStart, questions: yaml)
        try await project.build(yaml)
        #expect(project.read("slowest.md").contains("No badge has a completion to time yet."))
    }

    /// An attack run: daily over all time, from a stray 1971 row, for 300 organizations was
    /// six million points, 3.8 GB and 77 s. Days from 1971-01-01 to 2025-06-01, both
    /// included: 19,876 (Python's date arithmetic: 19,875 between them, plus one).
    @Test("a series too long to show is refused with what to ask instead")
    func seriesTooLong() async throws {
        let rows = """
            INSERT INTO organizations VALUES (1, 'Acme'), (2, 'Globex');
            INSERT INTO users VALUES (1, 'u', 1, '1971-01-01'), (2, 'v', 2, '1971-01-01');
            INSERT INTO badges VALUES (1, 'Python Basics', 'Data');
            INSERT INTO enrollments VALUES (1, 1, 1, '1971-01-01', 'enrolled', 0, NULL),
              (2, 2, 1, '2025-06-01', 'enrolled', 0, NULL);
            """
        let daily = """
            title: Long
            questions:
              - text: How have enrollments trended daily over all time?
                id: daily
            """
        let project = try Project(rows: rows, questions: daily)
        let error = await #expect(throws: BuildError.self) { try await project.build(daily) }
        #expect(
            String(describing: error).contains(
                "the series would list 19,876 days for 2 organizations, too many to show"))
        // Monthly, the same history is 654 months: shown.
        let monthly = daily.replacingOccurrences(of: "daily", with: "monthly")
        let summary = try await project.build(monthly)
        #expect(summary.pages == 1)
    }
}
