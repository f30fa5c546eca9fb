import Testing

@testable import AlmanacCore

/// Blind test 82: pages asking for enrollments in progress (36 → 41 in a week), average
/// progress (69.13% → 68.91%) or an organization's learners (32 → 34) said, "since the
/// report", how every other number moved but not theirs. The answer's one figure is now a
/// key measure of its own.
@Suite struct AskedHeadlineTests {
    func route(_ text: String) throws -> Match {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Python Basics", "Cloud Practitioner"], organizations: ["Wayne"]),
            asOf: CivilDate(iso: "2026-10-04")!)
        return try matcher.route(Question(id: "q", text: text))
    }

    func single(_ match: Match, _ value: JSONValue) -> Answer {
        Answer(
            match.intent, nil, .init("Value", .count), nil,
            [.init(subject: "", value: value, support: nil)])
    }

    @Test(
        "the asked measure the kind's key measures lack is the answer's figure",
        arguments: [
            ("How many enrollments are in progress for Cloud Practitioner?", "in_progress", 41.0),
            ("What is the average progress in Python Basics?", "average_progress", 0.6891),
            ("How many learners did Wayne have in the last 12 weeks?", "learners", 34.0),
        ])
    func asked(text: String, measure: String, value: Double) throws {
        let match = try route(text)
        #expect(match.askedHeadlineMeasure == measure, "\(text): \(match.intent)")
        let measures = match.keyMeasures([], answer: single(match, .number(value)))
        #expect(measures == [KeyMeasure(measure: measure, subject: nil, value: value)])
    }

    @Test("a measure the kind's key measures hold, or an answer of many rows, adds nothing")
    func nothing() throws {
        let rate = try route("What is the completion rate for Python Basics?")
        #expect(rate.askedHeadlineMeasure == nil)
        let list = try route("How many enrollments are in progress per badge?")
        let answer = Answer(
            list.intent, "Badge", .init("In progress", .count), nil,
            [
                .init(subject: "Python Basics", value: .int(3), support: nil),
                .init(subject: "Cloud Practitioner", value: .int(4), support: nil),
            ])
        #expect(list.keyMeasures([], answer: answer).isEmpty)
    }

    @Test("average progress moves in points, like a rate")
    func points() {
        #expect(KeyMeasure.text("average_progress", 0.6913) == "69.13%")
        #expect(KeyMeasure.change("average_progress", from: 0.6913, to: 0.6891) == -0.22)
        #expect(KeyMeasure.label("in_progress") == "enrollments in progress")
        // A review: statuses move as a window's enrollments age, so they compare only at the
        // same age, as completed enrollments do.
        for status in ["in_progress", "learners_in_progress", "dropped", "learners_dropped"] {
            #expect(KeyMeasure.isCohort(status))
        }
        #expect(!KeyMeasure.isCohort("learners"))
    }

    /// The week the figure became a key measure, the earlier report did not record it: it is
    /// not "none → 68.91%". A slice that came is still a change.
    @Test("a total one report does not record is not compared; a new slice is")
    func unrecorded() {
        let earlier = [KeyMeasure(measure: "enrollments", subject: nil, value: 2005)]
        let current = [
            KeyMeasure(measure: "enrollments", subject: nil, value: 2012),
            KeyMeasure(measure: "average_progress", subject: nil, value: 0.6891),
            KeyMeasure(measure: "enrollments", subject: "Python Basics", value: 7),
        ]
        let changes = SinceLastReport.changes(from: earlier, to: current)
        #expect(changes.map(\.measure) == ["enrollments", "enrollments"])
        #expect(changes.map(\.subject) == [nil, "Python Basics"])
        // Back the other way: the total moved, the slice went, average progress is not said.
        let back = SinceLastReport.changes(from: current, to: earlier)
        #expect(back.map(\.measure) == ["enrollments", "enrollments"])
        #expect(back.map(\.subject) == [nil, "Python Basics"])
    }
}
