import Testing

@testable import AlmanacCore

/// "How many completions were there last week?" answers the completions of the week by
/// `completed_at` (115 in blind test 13), but its key measures were the completed
/// enrollments of the week's 166 enrollments (1 → 2): "▲ 100%" led What changed and fired an
/// alert. Its key measure is now the count it answers.
@Suite struct CompletionsInWindowTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-07-06")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "c", text: text))
    }

    /// The analysis data of the week, as `CompletionMetrics.json` writes its totals: 166
    /// enrollments, 2 of them completed, and 115 completions in the week.
    let data: JSONValue = [
        "overall": [
            "enrollments": 166, "completed": 2, "completion_rate": 0.012, "drop_rate": 0.3434,
            "median_days_to_complete": 5.5, "completed_in_window": 115,
            "completed_learners_in_window": 110,
        ]
    ]

    @Test("a question of the completions in its window has those completions as key measure")
    func keyMeasure() throws {
        let week = try route("How many completions were there last week?")
        #expect(week.countsCompletionsInWindow)
        #expect(
            week.keyMeasures?.measures(in: data)
                == [KeyMeasure(measure: "completions", subject: nil, value: 115)])
        // The learners who completed in a window have their own count (blind test 47)
        // (`LearnersCompletedInWindowTests`); the completed enrollments of a window and
        // completions without a window keep the kind's measures.
        let learners = try route("How many learners completed Python Basics last week?")
        #expect(!learners.countsCompletionsInWindow && learners.countsLearnersCompletedInWindow)
        #expect(learners.keyMeasures?.totals == ["learners_completed"])
        for text in [
            "What is the completion rate in the past 30 days?",
            "How many completions were there?",
        ] {
            let match = try route(text)
            #expect(!match.countsCompletionsInWindow, "\(text)")
            #expect(match.keyMeasures?.totals == match.kind.keyMeasures?.totals, "\(text)")
        }
    }

    func summary(_ match: Match) -> ReportSummary {
        var report = GoldenPageTests.second
        report.question = Question(id: "c", text: "How many completions were there last week?")
        report.match = match
        report.keyMeasures = [KeyMeasure(measure: "completions", subject: nil, value: 115)]
        return ReportSummary(report)
    }

    @Test("alerts read completions; `completed` is refused with the measure it has")
    func alerts() throws {
        let report = summary(try route("How many completions were there last week?"))
        let fired = try AlertEvaluator(
            alerts: [
                AlertRule(question: "c", measure: "completions", condition: .above, threshold: 100)
            ], path: "questions.yaml"
        ).evaluate([report])
        #expect(fired.map(\.value) == [115])
        #expect(fired.map(\.triggered) == [true])
        let old = AlertEvaluator(
            alerts: [
                AlertRule(
                    question: "c", measure: "completed", condition: .changeAbove, threshold: 5,
                    line: 12)
            ], path: "questions.yaml")
        #expect(
            throws: AlertError(
                path: "questions.yaml",
                problems: [
                    (
                        12,
                        "alert for `c`: unknown measure `completed` for a question of the completions in its window (by completed_at); expected one of: completions"
                    )
                ])
        ) { try old.evaluate([report]) }
    }

    /// Blind test 82: 110 → 137 completions (+24.5%, 27 / 110 to one decimal) fired "change above 10%" and nothing
    /// said it was within chance: 27 < 2 × √(110 + 137) = 31.4. 110 → 150 (40 > 32.6) is not.
    @Test("a count's change alert that fires within chance says so")
    func withinChance() throws {
        func fired(_ before: Double, _ after: Double) throws -> AlertResult {
            var report = GoldenPageTests.second
            report.question = Question(id: "c", text: "How many completions were there last week?")
            report.match = try route("How many completions were there last week?")
            let now = [KeyMeasure(measure: "completions", subject: nil, value: after)]
            report.keyMeasures = now
            func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
            let week = { (from: String, to: String) in
                DateRange(start: day(from), end: day(to), phrase: "")
            }
            report.comparison = Comparison(
                windows: ComparisonWindows(
                    current: week("2026-06-29", "2026-07-06"),
                    previous: week("2026-06-22", "2026-06-29"),
                    yearAgo: week("2025-06-30", "2025-07-07")),
                current: now,
                previous: [KeyMeasure(measure: "completions", subject: nil, value: before)],
                yearAgo: [])
            let results = try AlertEvaluator(
                alerts: [
                    AlertRule(
                        question: "c", measure: "completions", condition: .changeAbove,
                        threshold: 10)
                ], path: "questions.yaml"
            ).evaluate([ReportSummary(report)])
            return try #require(results.first)
        }
        let chance = try fired(110, 137)
        #expect(chance.triggered && chance.withinChance)
        #expect(chance.description.hasSuffix(": 24.5% (within what chance alone gives)"))
        #expect(chance.json["within_chance"] == .bool(true))
        #expect(AlertResult(json: chance.json)?.withinChance == true)
        let beyond = try fired(110, 150)
        #expect(beyond.triggered && !beyond.withinChance)
        #expect(beyond.json["within_chance"] == nil)
    }
}
