import Testing

@testable import AlmanacCore

@Suite struct MeasuredJSONTests {
    @Test("learning paths' key measures read the same from their measured part as from the whole")
    func learningPaths() throws {
        let paths = LearningPaths(
            transitions: [
                .init(from: "SQL", to: "Python", learners: 4, medianDays: 12.5),
                .init(from: "Python", to: "Git", learners: 2, medianDays: nil),
            ],
            topPaths: [.init(badges: ["SQL", "Python", "Git"], learners: 2)],
            startingBadges: [.init(badge: "SQL", learners: 3), .init(badge: "Git", learners: 2)],
            learners: 7, medianDaysToComplete: ["SQL": 3.5], filters: Filters())
        let spec = try #require(AnalysisKind.learningPaths.keyMeasures)
        let measures = spec.measures(in: paths.measuredJSON)
        #expect(measures == spec.measures(in: paths.json))
        // By hand: the learners, then each starting badge's.
        #expect(
            measures == [
                KeyMeasure(measure: "learners", subject: nil, value: 7),
                KeyMeasure(measure: "learners", subject: "SQL", value: 3),
                KeyMeasure(measure: "learners", subject: "Git", value: 2),
            ])
    }
}
