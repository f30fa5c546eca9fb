import Testing

@testable import AlmanacCore

/// Blind test 59: on a question of Docker Basics alone, `for: Docker Basics` was refused,
/// "names no badge … (it has )"; `for: docker basics` was refused where questions take any
/// letter case.
@Suite struct AlertSubjectTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Docker Basics", "Python Basics"], organizations: ["Umbrella Health"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func summary(_ text: String, _ measures: [KeyMeasure]) throws -> ReportSummary {
        var report = GoldenPageTests.second
        report.question = Question(id: "q", text: text)
        report.match = try matcher.route(report.question)
        report.keyMeasures = measures
        return ReportSummary(report)
    }

    func evaluate(_ rule: AlertRule, on summary: ReportSummary) throws -> [AlertResult] {
        try AlertEvaluator(alerts: [rule], path: "questions.yaml").evaluate([summary])
    }

    @Test("`for:` the question's own badge or organization reads its totals")
    func ownScope() throws {
        let docker = try summary(
            "How many people are enrolled in the Docker Basics badge?",
            [
                KeyMeasure(measure: "enrollments", subject: nil, value: 786),
                KeyMeasure(measure: "completion_rate", subject: nil, value: 0.5585),
            ])
        for written in ["Docker Basics", "docker basics"] {
            let count = try evaluate(
                AlertRule(
                    question: "q", measure: "enrollments", subject: written, condition: .above,
                    threshold: 700, line: 3), on: docker)
            #expect(count.map(\.value) == [786])
            #expect(count.map(\.triggered) == [true])
            let rate = try evaluate(
                AlertRule(
                    question: "q", measure: "completion_rate", subject: written,
                    condition: .below, threshold: 60, line: 3), on: docker)
            #expect(rate.map(\.value) == [55.85])
            // Said as the data writes it, however `for:` wrote it.
            #expect(rate.map(\.rule.subject) == ["Docker Basics"])
        }
    }

    @Test("another badge on a question of one badge is refused, saying there are no rows")
    func otherBadge() throws {
        let docker = try summary(
            "How many people are enrolled in the Docker Basics badge?",
            [KeyMeasure(measure: "enrollments", subject: nil, value: 786)])
        let error = #expect(throws: AlertError.self) {
            try evaluate(
                AlertRule(
                    question: "q", measure: "enrollments", subject: "Python Basics",
                    condition: .above, threshold: 1, line: 3), on: docker)
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(
            message.contains(
                "one total, with no row per badge; alert on a question of Python Basics alone, or of every badge"
            ))
        #expect(!message.contains("(it has )"))
    }

    @Test("a row of the list is found in any letter case")
    func anyCase() throws {
        let every = try summary(
            "How many people are enrolled in each badge?",
            [
                KeyMeasure(measure: "enrollments", subject: nil, value: 1_000),
                KeyMeasure(measure: "enrollments", subject: "Docker Basics", value: 786),
                KeyMeasure(measure: "enrollments", subject: "Python Basics", value: 214),
            ])
        let results = try evaluate(
            AlertRule(
                question: "q", measure: "enrollments", subject: "docker basics", condition: .above,
                threshold: 700, line: 3), on: every)
        #expect(results.map(\.value) == [786])
        #expect(results.map(\.rule.subject) == ["Docker Basics"])
    }

    @Test("an alert that reads what another reads, written otherwise, is a repeat")
    func repeatAsRead() throws {
        let docker = try summary(
            "How many people are enrolled in the Docker Basics badge?",
            [KeyMeasure(measure: "enrollments", subject: nil, value: 786)])
        let rules = [nil, "docker basics"].enumerated().map { index, subject in
            AlertRule(
                question: "q", measure: "enrollments", subject: subject, condition: .above,
                threshold: 700, line: 3 + index)
        }
        let error = #expect(throws: AlertError.self) {
            try AlertEvaluator(alerts: rules, path: "questions.yaml").evaluate([docker])
        }
        #expect(
            error.map { "\($0)" }
                == "questions.yaml:4: this alert repeats the one at line 3, which reads the same number; keep one"
        )
    }
}
