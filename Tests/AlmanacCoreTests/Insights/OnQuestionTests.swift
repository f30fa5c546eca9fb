import Testing

@testable import AlmanacCore

/// Pages that stay on their question: the opening's insight, plain words, "What changed"
/// ranked by how unusual a change is, and growth ranked by growth. Values worked out by hand.
@Suite struct OnQuestionTests {
    /// 146 completions in the week of 2026-09-21 against a median of 106 and a MAD of 5:
    /// score |146 − 106| / (1.4826 · 5) = 40 / 7.413 = 5.40.
    let completions = Insight.unusualChange(
        .init(
            measure: "completed", week: CivilDate(iso: "2026-09-21")!, value: 146,
            baselineWeeks: 12, median: 106, mad: 5, score: 5.4, threshold: 3.5))

    @Test("the insight sentence is in plain words; the score stays in the JSON")
    func plainWords() {
        #expect(
            completions.sentence
                == "Completions were unusually high in the week of 2026-09-21: 146, against a typical 106 a week over the 12 weeks before."
        )
        #expect(completions.json["score"] == 5.4)
        #expect(completions.json["threshold"] == 3.5)
    }

    func opening(_ measure: Measure?) -> String {
        opening(of: completions, measure: measure)
    }

    /// The offline narration's first paragraph after "The lead." with `insight`.
    func opening(
        of insight: Insight, measure: Measure?, comparesWindows: Bool = false,
        leadNamesSlices: Bool = false
    ) -> String {
        NarrationItem(
            question: Question(id: "q", text: "q"),
            output: CustomSQL(columns: [], rows: [], truncated: false),
            stats: DatabaseStats(users: 0, badges: 0, organizations: 0, enrollments: 0),
            lead: "The lead.", insights: [insight], measure: measure,
            comparesWindows: comparesWindows, leadNamesSlices: leadNamesSlices
        ).offline.components(separatedBy: "\n\n")[0]
    }

    /// Blind test 23: "499 against 383, 116 more (+30.3%). Enrollments rose by 116, from 383
    /// to 499, against Q1 2025." said the comparison twice.
    @Test("two windows side by side: the lead compares them, and the change is not told again")
    func changeNotRepeated() {
        let change = Insight.change(
            .init(
                measure: "enrollments", previous: 383, current: 499, change: 116,
                against: "Q1 2025",
                drivers: Drivers(
                    measure: "enrollments", before: 383, after: 499, change: 116,
                    baseline: "Q1 2025")))
        func opening(comparesWindows: Bool) -> String {
            self.opening(of: change, measure: .enrollments, comparesWindows: comparesWindows)
        }
        #expect(
            opening(comparesWindows: false)
                == "The lead. Enrollments rose by 116, from 383 to 499, against Q1 2025.")
        #expect(opening(comparesWindows: true) == "The lead.")
    }

    /// Blind test 75: after "the organization with the lowest completion rate … is Müller &
    /// Söhne GmbH: 44.16%", "Completion rate rose by 2.15 points, from 48.14% to 50.29%" read as
    /// Müller's, whose rate fell; it was the whole scope's.
    @Test("after a lead that names badges or organizations, the total's change says 'Overall'")
    func overallAfterSlices() {
        let change = Insight.change(
            .init(
                measure: "completion_rate", previous: 0.4814, current: 0.5029, change: 2.15,
                against: "the previous period",
                drivers: Drivers(
                    measure: "completion_rate", before: 0.4814, after: 0.5029, change: 0.0215,
                    baseline: "the previous period")))
        func opening(slices: Bool) -> String {
            self.opening(of: change, measure: .completionRate, leadNamesSlices: slices)
        }
        #expect(
            opening(slices: true)
                == "The lead. Overall, the completion rate rose by 2.15 points, from 48.14% to 50.29%, against the previous period."
        )
        #expect(
            opening(slices: false)
                == "The lead. Completion rate rose by 2.15 points, from 48.14% to 50.29%, against the previous period."
        )
    }

    @Test("the opening tells an insight only about the question's own measure")
    func onMeasure() {
        #expect(opening(.completions) == "The lead. " + completions.sentence)
        #expect(opening(.timeToComplete) == "The lead.")
        #expect(opening(.enrollments) == "The lead.")
        #expect(opening(nil) == "The lead.")
    }

    /// Counts: A 100 → 130 is +30 / √100 = 3; B 400 → 420 is +20 / √400 = 1; C 25 → 36 is
    /// +11 / √25 = 2.2; E 10,000 → 10,400 is +400 / √10,000 = 4. D 4 → 10 moved by 6, a
    /// handful: no score. The median of 1, 2.2, 3, 4 is 2.6; the deviations 1.6, 0.4, 0.4,
    /// 1.4 have the median 0.9, so the spread is 1.4826 · 0.9 = 1.33434: A 0.4 / 1.33434 =
    /// 0.30, B 1.6 / 1.33434 = 1.20, C 0.30, E 1.4 / 1.33434 = 1.05. The one rate, 0.5 →
    /// 0.45 over 40 and 44 enrollments, is −5 points, the median of its kind: score 0.
    @Test("what changed ranks by a robust score among changes of a kind; a handful never scores")
    func changeScores() {
        func count(_ before: Double, _ after: Double) -> SinceLastReport.Change {
            .init(measure: "enrollments", subject: nil, before: before, after: after)
        }
        let changes = [
            count(100, 130), count(400, 420), count(25, 36), count(4, 10), count(10_000, 10_400),
            .init(
                measure: "completion_rate", subject: nil, before: 0.5, after: 0.45,
                base: .init(before: 40, after: 44)),
        ]
        #expect(InsightFinder.changeScores(changes) == [0.3, 1.2, 0.3, nil, 1.05, 0])
    }

    /// This year (2026-01-01 to 2026-09-30) against the 9 months before (2025-04-01 to
    /// 2025-12-31): Globex 1,178 → 1,457 (+279), Acme 2,725 → 2,986 (+261), Initech 800 →
    /// 756 (−44); learners with no organization are left out of a ranking of organizations.
    @Test("a question about growth ranks organizations by growth and says which grew")
    func growth() throws {
        func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
        let windows = ComparisonWindows(
            current: DateRange(start: day("2026-01-01"), end: day("2026-10-01"), phrase: ""),
            previous: DateRange(start: day("2025-04-01"), end: day("2026-01-01"), phrase: ""),
            yearAgo: DateRange(start: day("2025-01-01"), end: day("2025-10-01"), phrase: ""))
        func enrollments(_ subject: String, _ value: Double) -> KeyMeasure {
            KeyMeasure(measure: "enrollments", subject: subject, value: value)
        }
        let comparison = Comparison(
            windows: windows,
            current: [
                enrollments("Acme", 2986), enrollments("Globex", 1457),
                enrollments("Initech", 756), enrollments(Scope.noOrganization, 500),
            ],
            previous: [
                enrollments("Acme", 2725), enrollments("Globex", 1178),
                enrollments("Initech", 800), enrollments(Scope.noOrganization, 100),
            ], yearAgo: [])
        let intent = Intent(measure: .growth, dimension: .organization)
        let answer = try #require(
            Answer.make(
                CustomSQL(columns: [], rows: [], truncated: false), intent: intent,
                filters: Filters(), comparison: comparison))
        #expect(answer.rows.map(\.subject) == ["Globex", "Acme", "Initech"])
        #expect(answer.rows.map(\.value) == [279, 261, -44])
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "2 of 3 organizations had more enrollments than in the period before (2025-04-01 to 2025-12-31), most growth first: Globex (+279) and Acme (+261); Initech fell most (−44)."
        )
    }
}

/// Blind test 77: a question of 2024 put "Completions were unusually low in the week of
/// 2024-12-23" into every Monday's digest. As of Wednesday 2026-09-30, the weeks that began on
/// 2026-09-21 (9 days before) and the bound 2026-09-17 (13 days) are news; 2026-09-16 (14
/// days) and the Monday 2026-09-14 are not.
@Suite struct StaleDigestInsightTests {
    func week(_ iso: String) -> Insight {
        .unusualChange(
            .init(
                measure: "completed", week: CivilDate(iso: iso)!, value: 71, baselineWeeks: 12,
                median: 94, mad: 5, score: 3.9, threshold: 3.5))
    }

    @Test("a week's fact from more than 13 days before the as-of date is left out of the digest")
    func stale() {
        let asOf = CivilDate(iso: "2026-09-30")!
        #expect(!Digest.isStale(week("2026-09-21"), asOf: asOf))
        #expect(!Digest.isStale(week("2026-09-17"), asOf: asOf))
        #expect(Digest.isStale(week("2026-09-16"), asOf: asOf))
        #expect(Digest.isStale(week("2026-09-14"), asOf: asOf))
        #expect(Digest.isStale(week("2024-12-23"), asOf: asOf))
    }
}
