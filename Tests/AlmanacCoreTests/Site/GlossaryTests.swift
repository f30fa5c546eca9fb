import Foundation
import Testing

@testable import AlmanacCore

/// One meaning per word (docs/metrics.md, "Glossary"): the demo's questions built over a
/// seeded database, and every glossary word on the index, the pages and the digest checked
/// against a count taken with SQL written here, not the analyses'.
@Suite struct GlossaryTests {
    /// The repository's own questions.yaml: the demo.
    static let demoQuestions = URL(filePath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "questions.yaml")

    func count(_ db: SQLiteConnection, _ sql: String) throws -> Int {
        var result = -1
        try db.query(sql, []) { row in result = row.int(0) }
        return result
    }

    func number(_ text: String, after pattern: String) throws -> Int {
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try #require(
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let digits = String(text[Range(match.range(at: 1), in: text)!])
        return try #require(Int(digits.replacingOccurrences(of: ",", with: "")))
    }

    @Test("each glossary word carries one meaning across the index, the pages and the digest")
    func oneMeaning() async throws {
        let folder = Fixture.folder()
        var seed = SeedOptions()
        seed.users = 600
        let database = folder.appending(path: "demo.db").path
        try DemoSeeder(options: seed).write(to: database)
        let yaml = try String(contentsOf: Self.demoQuestions, encoding: .utf8)
        let project = Project(database: database, in: folder, questions: yaml)
        try await project.build()
        let db = try SQLiteConnection(path: database)
        let index = project.read("index.md")
        let asOfText = try #require(index.components(separatedBy: "As of ").dropFirst().first)
        let asOf = try #require(CivilDate(iso: asOfText.prefix(10)))
        let tomorrow = "'\(asOf.adding(days: 1))'"
        let names = try FileManager.default.contentsOfDirectory(atPath: project.site.path)
        let twins = names.filter { $0.hasSuffix(".md") }.sorted()
        #expect(twins.contains("digest.md") && twins.count > 30)

        // Registered users: every row of `users`, on the index only; never "learners".
        #expect(index.contains("| Registered users | Badges | Organizations | Enrollments |"))
        #expect(!index.contains("| Learners |"))
        let users = try count(db, "SELECT count(*) FROM users")
        #expect(try number(index, after: #"\| ---: \|\n\| ([\d,]+) \|"#) == users)

        // Learners: distinct users with an enrollment in the scope.
        let badges = project.read("badge-enrollments.md")
        let learners = try count(
            db,
            """
            SELECT count(DISTINCT e.user_id) FROM enrollments e JOIN badges b ON b.id = e.badge_id
            WHERE b.name = 'Python Basics' AND e.enrolled_at < \(tomorrow)
            """)
        #expect(try number(badges, after: #"Python Basics \(([\d,]+) learners\)"#) == learners)
        #expect(learners < users)

        // The last 7 days on the index, never "this week", which a question reads as the
        // ISO week: no page, index or digest says "this week" of a number.
        let first = "'\(asOf.adding(days: -6))'"
        #expect(index.contains("| | Last 7 days | The 7 days before |"))
        #expect(
            try number(index, after: #"\| Enrollments \| ([\d,]+) \|"#)
                == count(
                    db,
                    "SELECT count(*) FROM enrollments WHERE enrolled_at >= \(first) AND enrolled_at < \(tomorrow)"
                ))
        #expect(
            try number(index, after: #"\| Learners who enrolled \| ([\d,]+) \|"#)
                == count(
                    db,
                    "SELECT count(DISTINCT user_id) FROM enrollments WHERE enrolled_at >= \(first) AND enrolled_at < \(tomorrow)"
                ))
        // Completions: counted by the day they happened.
        #expect(
            try number(index, after: #"\| Completions \| ([\d,]+) \|"#)
                == count(
                    db,
                    "SELECT count(*) FROM enrollments WHERE status = 'completed' AND completed_at >= \(first) AND completed_at < \(tomorrow) AND enrolled_at < \(tomorrow)"
                ))
        for name in twins {
            let text = project.read(name)
            #expect(!text.lowercased().contains("this week"), "\(name) says \"this week\"")
            // A change table's "Completions" row would be completed enrollments by another name.
            if name != "index.md" {
                #expect(!text.contains("\n| Completions | "), "\(name) has a Completions row")
            }
        }

        // Completions in a window (by completed_at) and completed enrollments (of the
        // enrollments made in it), side by side on one page under their two names.
        let page = project.read("how-many-learners-completed-python-basics-in-q2-2026.md")
        let scope = """
            FROM enrollments e JOIN badges b ON b.id = e.badge_id WHERE b.name = 'Python Basics'
            AND e.status = 'completed' AND e.enrolled_at < \(tomorrow) AND e.completed_at < \(tomorrow)
            """
        // "How many learners completed …" counts learners, each once (issue 20).
        let completions = try count(
            db,
            "SELECT count(DISTINCT e.user_id) \(scope) AND e.completed_at >= '2026-04-01' AND e.completed_at < '2026-07-01'"
        )
        let completedEnrollments = try count(
            db,
            "SELECT count(*) \(scope) AND e.enrolled_at >= '2026-04-01' AND e.enrolled_at < '2026-07-01'"
        )
        #expect(completions != completedEnrollments)
        #expect(
            try number(
                page,
                after:
                    #"Learners who completed Python Basics between 2026-04-01 and 2026-06-30: ([\d,]+)"#
            )
                == completions)
        // The Change table follows the learners who completed (blind test 47); the Overall
        // table's Completed column is the completed enrollments of the window's enrollments.
        #expect(
            try number(page, after: #"\| Learners who completed \| ([\d,]+) \|"#) == completions)
        #expect(
            try number(
                page,
                after:
                    #"\| Enrollments \| Completed \| Dropped [^\n]*\n[^\n]*\n\| [\d,]+ \| ([\d,]+) \|"#
            )
                == completedEnrollments)
    }
}
