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

extension VersusRankingTests {
    @Test("a growth question says the window's total against the period before")
    func growthTotal() async throws {
        let project = try Project(questions: Project.questions)
        let (report, _, _) = try await project.ask("How have enrollments grown in February 2024?")
        // By hand from Fixture.platformRows: February has enrollments 3, 6 and 7; January,
        // the period before, 1, 2 and 5; the data begins on 2024-01-10, so January is covered
        // 22 days of 31, under nine tenths.
        #expect(
            report.narration.markdown.contains(
                "In all, 3 enrollments against 3 in the period before (2024-01-01 to 2024-01-31): the same. The data begins on 2024-01-10, so that period is counted from then."
            ), "\(report.narration.markdown)")
        // A period before the data began: nothing to compare with, and said so.
        let (first, _, _) = try await project.ask("How have enrollments grown in January 2024?")
        #expect(
            first.narration.markdown.contains(
                "The data begins on 2024-01-10, after the period before (2023-12-01 to 2023-12-31): there is nothing to compare the 3 enrollments with."
            ), "\(first.narration.markdown)")
    }
}

extension VersusRankingTests {
    @Test("the numbers of a window's own words are not figures the data must hold")
    func windowWordsGrounded() async throws {
        let project = try Project(questions: Project.questions)
        let (report, _, _) = try await project.ask(
            "How many enrollments in the last 30 days vs the previous 30 days?")
        // "against the 30 days before" is the question's; the page said 30 "could not be
        // found in the data" (a blind test).
        #expect(report.narration.markdown.contains("the 30 days before"))
        #expect(report.grounding.unverified == [])
        #expect(report.notices.isEmpty)
    }
}
