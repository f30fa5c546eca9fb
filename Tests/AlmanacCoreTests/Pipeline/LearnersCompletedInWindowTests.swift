import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 47: "How many learners completed Python Basics in the past 7 days?" answered 18
/// learners, while its Change table, What changed and alerts followed the enrollments made in
/// the window (19, then 6) and their completed ones (0). Its key measure is now the count it
/// answers, `learners_completed`.
@Suite struct LearnersCompletedInWindowTests {
    /// The fixture's Python Basics: Ann completed on 2024-01-20 and Bo on 2024-02-09; the one
    /// enrollment made in February (Cy's) was dropped. In February 2024, 1 learner completed,
    /// and the enrollments made then hold 0 completed.
    @Test("the key measure is the learners who completed in the window, and alerts read it")
    func keyMeasure() async throws {
        let project = try Project()
        let (report, _, _) = try await project.ask(
            "How many learners completed Python Basics in February 2024?")
        #expect(
            report.keyMeasures == [
                KeyMeasure(measure: "learners_completed", subject: nil, value: 1)
            ])
        // The previous window, January 2024: Ann.
        #expect(report.comparison?.rows.first?.previous == 1)
        #expect(KeyMeasure.label("learners_completed") == "learners who completed")
    }

    @Test("completions in a window and the rate of its enrollments keep their own key measures")
    func others() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: []),
            asOf: CivilDate(iso: "2024-03-01")!)
        func totals(_ text: String) throws -> [String]? {
            try matcher.route(Question(id: "q", text: text)).keyMeasures?.totals
        }
        #expect(
            try totals("How many completions of Python Basics in February 2024?") == ["completions"]
        )
        #expect(
            try totals("What is the completion rate of Python Basics in February 2024?")
                == [
                    "enrollments", "completed", "completion_rate", "drop_rate",
                    "median_days_to_complete",
                ])
        #expect(try totals("How many learners completed Python Basics?")?.first == "enrollments")
    }
}
