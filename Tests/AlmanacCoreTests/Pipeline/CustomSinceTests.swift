import Testing

@testable import AlmanacCore

/// Blind test 77: a custom query's page said "Since the report of 2026-09-27, no key number
/// changed" where its table had (Programming 3,656 → 3,717 learners): it has no key numbers.
@Suite struct CustomSinceTests {
    @Test("a custom query's page says it has no key numbers to compare, not that none changed")
    func custom() async throws {
        let yaml = """
            title: T
            questions:
              - text: How many enrollments are there?
                id: count
                sql: SELECT count(*) AS enrollments FROM enrollments
            """
        let project = try Project(questions: yaml)
        try await project.build(yaml) { $0.asOf = CivilDate(iso: "2026-06-20") }
        try await project.build(yaml) { $0.asOf = CivilDate(iso: "2026-06-27") }
        let page = project.read("count.md")
        #expect(
            page.contains(
                "Since the report of 2026-06-20: a custom query has no key numbers to compare; its rows are this report's."
            ), "\(page)")
        #expect(!page.contains("no key number changed"))
    }
}
