import Testing

@testable import AlmanacCore

/// An organization is never what a count counts. "How many organizations have enrolled
/// learners in 2025?" answered 2,772, the learners of 2025, and "did more organizations enroll
/// in Q2 than in Q1 2026?" set each organization's enrollments side by side: neither is the
/// number of organizations asked for. Both are refused as counting the catalogue.
@Suite struct OrganizationCountTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech", "Globex Corporation"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a count of organizations is refused",
        arguments: [
            "How many organizations have enrolled learners in 2025?",
            "How many companies completed Python Basics?",
            "How many different teams took Python Basics this year?",
            "What is the number of organizations with completions in 2025?",
            "Did more organizations enroll in Q2 than in Q1 2026?",
            "Were there fewer companies enrolling in 2025 than in 2024?",
            "More organizations enrolled in Q2 than Q1?",
        ])
    func refused(text: String) throws {
        #expect(try refusedPart(text) == .catalogue, "\(text)")
    }

    @Test(
        "learners, enrollments and rates by organization are still read",
        arguments: [
            ("How many learners from each organization enrolled in 2025?", Measure.learners),
            ("How many enrollments did organizations have in 2025?", .enrollments),
            ("What is the completion rate by organization?", .completionRate),
            ("Which organization has the most learners?", .learners),
        ])
    func read(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure, "\(text)")
    }
}
