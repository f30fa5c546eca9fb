import Testing

@testable import AlmanacCore

/// A ranking set against another window: each ranked name beside its own value there, not
/// beside 0 because it was not in that window's ranking (a blind test read "Git & GitHub 236
/// against 0, 236 more"; it had 157).
@Suite struct VersusRankingTests {
    @Test("the top badge of one window beside its value in the other, outside that one's top")
    func rankedAgainstWindow() async throws {
        let project = try Project(questions: Project.questions)
        let (report, _, _) = try await project.ask(
            "Which badge had the most enrollments in February 2024 vs January 2024?")
        // By hand from Fixture.platformRows: February has SQL Fundamentals 2 (enrollments 6
        // and 7) and Python Basics 1 (3); January has Python Basics 2 (1, 2), top there, and
        // SQL Fundamentals 1 (5).
        let answer = try #require(report.answer)
        #expect(answer.rows.map(\.subject) == ["SQL Fundamentals"])
        #expect(answer.versus?.values == [.int(1)])
        #expect(
            report.narration.markdown.contains("SQL Fundamentals 2 against 1, 1 more (+100.0%)"),
            "\(report.narration.markdown)")
    }
}
