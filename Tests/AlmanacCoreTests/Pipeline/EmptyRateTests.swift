import Testing

@testable import AlmanacCore

/// A rate of no enrollments has no value (docs/metrics.md): a blind test's unused badge read
/// "Completion rate for Unused Badge: 0.00% (enrollments: 0)", and its table row 0.00%.
@Suite struct EmptyRateTests {
    @Test("the completion and drop-out rates of a badge with no enrollments are none")
    func emptyBadge() async throws {
        let project = try Project(questions: Project.questions)
        let (report, document, _) = try await project.ask(
            "What is the completion rate for Empty Badge?")
        let overall = document["metadata"]?["analytics_data"]?["overall"]
        #expect(overall?["enrollments"] == 0)
        #expect(overall?["completion_rate"] == .null)
        #expect(overall?["drop_rate"] == .null)
        #expect(
            report.narration.markdown.contains(
                "Completion rate for Empty Badge: none, as there are no enrollments."),
            "\(report.narration.markdown)")
        #expect(!report.narration.markdown.contains("0.00%"))
        // Only the overall table has a row: "By badge", "By organization" and "By cohort"
        // were headings over nothing.
        #expect(report.tables.map(\.title) == ["Overall"])
    }

    @Test("a badge with no enrollments has no rate in the tables by badge; the others keep theirs")
    func emptyRow() async throws {
        let project = try Project(questions: Project.questions)
        let (_, document, _) = try await project.ask("How many people are enrolled in each badge?")
        guard case .array(let rows)? = document["metadata"]?["analytics_data"]?["badges"] else {
            Issue.record("no badges table")
            return
        }
        let byName = Dictionary(
            uniqueKeysWithValues: rows.compactMap { row -> (String, JSONValue)? in
                guard case .string(let name)? = row["badge"] else { return nil }
                return (name, row)
            })
        #expect(byName["Empty Badge"]?["completion_rate"] == .null)
        // Python Basics by hand from Fixture.platformRows: enrollments 1 and 2 completed, 3
        // dropped, 4 in progress: 2 of 4.
        #expect(byName["Python Basics"]?["completion_rate"] == .double(0.5))
    }

    /// "Enrollments in 2023" was a bare 0 for data that begins on 2024-01-10 (the first
    /// enrollment of `Fixture.platformRows`): a window before the data says so.
    @Test("a window before the data's first day says where the data begins")
    func windowBeforeTheData() async throws {
        let project = try Project(questions: Project.questions)
        let (before, _, _) = try await project.ask("How many enrollments were there in 2023?")
        #expect(
            before.narration.markdown.contains("The data begins on 2024-01-10, after this window."),
            "\(before.narration.markdown)")
        let (within, _, _) = try await project.ask("How many enrollments were there in 2024?")
        #expect(!within.narration.markdown.contains("The data begins"))
    }
}
