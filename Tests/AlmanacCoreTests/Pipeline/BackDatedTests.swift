import Foundation
import Testing

@testable import AlmanacCore

/// A report as of a date counts only what was true on that date (docs/metrics.md, "As of a
/// date"): rows written later, enrollments after the date and completions dated after it,
/// change none of its numbers.
@Suite struct BackDatedTests {
    static let questions = """
        title: Back-dated
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
            kind: badge_enrollments
          - text: How many learners enrolled in Python Basics in 2024?
            id: python
            kind: badge_enrollments
          - text: What is the completion rate by organization?
            id: completion
            kind: completion_metrics
          - text: How many enrollments were completed in February 2024?
            id: february
            kind: completion_metrics
          - text: How have enrollments trended over time?
            id: trend
            kind: organization_trends
          - text: Which badges do learners take after Python Basics?
            id: paths
            kind: learning_paths
        """
    static let ids = ["badges", "python", "completion", "february", "trend", "paths"]

    /// Every number of every page: the analysis, key measures, comparison and insights.
    func numbers(_ project: Project) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for id in Self.ids {
            let metadata = try project.document(id)["metadata"]
            for key in ["analytics_data", "key_measures", "comparison", "insights"] {
                result[id + "." + key] = metadata?[key] ?? .null
            }
        }
        return result
    }

    @Test("rows dated after the as-of date change no number of a report as of that date")
    func laterRowsChangeNothing() async throws {
        let project = try Project(questions: Self.questions)
        let asOf = CivilDate(iso: "2024-03-01")
        try await project.build(Self.questions) {
            $0.asOf = asOf
            $0.force = true
        }
        let before = try numbers(project)
        // The fixture has a learner in progress since 2024-03-01 (enrollment 4): on
        // 2024-03-01 it was in progress, whatever happened next.
        let python = before["badges.analytics_data"]?["badges"]?.arrayValue?.first {
            $0["badge"]?.stringValue == "Python Basics"
        }
        #expect(python?["in_progress"] == 1)
        #expect(python?["completed"] == 2)

        let db = try SQLiteConnection(path: project.database, mode: .create)
        try db.execute(
            """
            UPDATE enrollments SET status = 'completed', completed_at = '2024-03-02T09:00:00' WHERE id = 4;
            INSERT INTO enrollments VALUES
              (8, 2, 2, '2024-03-02', 'completed', 1.0, '2024-03-04'),
              (9, 3, 1, '2024-03-05T10:00:00', 'in_progress', 0.5, NULL),
              (10, 4, 3, '2024-04-01', 'dropped', 0.1, NULL);
            """)
        try await project.build(Self.questions) {
            $0.asOf = asOf
            $0.force = true
        }
        let after = try numbers(project)
        for key in before.keys.sorted() {
            #expect(after[key] == before[key], "\(key) changed")
        }

        // The same rows do count in a report as of a later date: the test can fail.
        try await project.build(Self.questions) {
            $0.asOf = CivilDate(iso: "2024-04-30")
            $0.force = true
        }
        let later = try numbers(project)
        #expect(later["badges.analytics_data"] != before["badges.analytics_data"])
    }

    @Test(
        "a back-dated report's pages say that drop-outs carry no date; an up-to-date one's do not")
    func dropOutsNotice() async throws {
        let project = try Project(questions: Self.questions)
        // The fixture's latest day is 2024-03-01 (enrollment 4).
        try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-02-15") }
        let page = project.read("completion.md")
        #expect(
            page.contains(
                "This report is as of 2024-02-15, before the data's latest day (2024-03-01)"))
        #expect(page.contains("drop-outs carry no date"))
        try await project.build(Self.questions) {
            $0.asOf = CivilDate(iso: "2024-03-01")
            $0.force = true
        }
        #expect(!project.read("completion.md").contains("drop-outs carry no date"))
    }

    @Test("a build as of a day before its folder's report is refused; --force replaces it")
    func olderThanTheFolder() async throws {
        let project = try Project(questions: Self.questions)
        try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-03-01") }
        let before = project.snapshot()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-02-15") }
        }
        #expect(
            error?.description.contains(
                "holds the report as of 2024-03-01, later than this build's as-of date 2024-02-15")
                == true)
        // Nothing of the later report was touched.
        #expect(Project.same(before, project.snapshot()))
        try await project.build(Self.questions) {
            $0.asOf = CivilDate(iso: "2024-02-15")
            $0.force = true
        }
        #expect(project.read("completion.md").contains("This report is as of 2024-02-15"))
        // The feed no longer holds the later report the forced one replaced, so the next
        // build of the same date is not refused (it was, with --force the only way on, and
        // `serve` has no --force: blind test 55).
        let feed = project.read("feed.xml")
        #expect(feed.contains("as of 2024-02-15"))
        #expect(!feed.contains("2024-03-01"))
        try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-02-15") }
        // The message says where --force goes (serve takes none).
        let again = await #expect(throws: BuildError.self) {
            try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-02-14") }
        }
        #expect(
            again?.description.contains("run `almanac build --force` once to replace it") == true)
    }

    @Test("a back-dated report's totals count the users and enrollments of its as-of date")
    func totalsAsOf() async throws {
        let project = try Project(questions: Self.questions)
        // As of 2024-02-14: enrollments 1, 2, 3 and 5 were made (6 and 7 on 02-15, 4 on
        // 03-01); the four users joined on 2024-01-01; three badges and two organizations.
        try await project.build(Self.questions) { $0.asOf = CivilDate(iso: "2024-02-14") }
        let stats = try project.document("badges")["metadata"]?["database_stats"]
        #expect(stats?["total_enrollments"] == .int(4))
        #expect(stats?["total_users"] == .int(4))
        #expect(stats?["total_badges"] == .int(3))
        #expect(stats?["total_organizations"] == .int(2))
    }

    /// An attack run: a back-dated page of a question's own `sql:` said "enrollments and
    /// completions dated after 2025-06-30 are left out" while its rows added up to every
    /// enrollment in the database. Its query runs as written, and the page says so.
    @Test("a back-dated page of a question's own SQL says the query reads all the data")
    func customSQLNotCut() async throws {
        let yaml = """
            title: Back-dated
            questions:
              - text: Every enrollment
                id: every
                sql: SELECT count(*) AS enrollments FROM enrollments
              - text: How many people are enrolled in each badge?
                id: badges
                kind: badge_enrollments
            """
        let project = try Project(questions: yaml)
        // Seven enrollments in the fixture, three of them after 2024-02-14 (04 on 03-01, 06
        // and 07 on 02-15): the query counts all seven.
        try await project.build(yaml) { $0.asOf = CivilDate(iso: "2024-02-14") }
        let every = project.read("every.md")
        #expect(every.contains("this question's own SQL runs as written"))
        #expect(!every.contains("are left out"))
        let rows = try project.document("every")["metadata"]?["analytics_data"]?["rows"]
        #expect(rows == [[7]])
        let badges = project.read("badges.md")
        #expect(badges.contains("dated after 2024-02-14 are left out"))
    }
}
