import Testing

@testable import AlmanacCore

/// Issue 20's answers on `Fixture.platformRows`, as of 2024-03-01, worked out by hand:
/// - Acme & Sons (users 1, 2): enrollments 1, 2, 5, all completed → completion rate 100%.
/// - Globex (user 3): enrollment 3 dropped, 6 enrolled → 0 of 2 completed, 1 drop-out.
/// - No organization (user 4): enrollment 4 in progress, 7 completed.
/// - Python Basics: enrollments 1–4 (2 in January, 1 in February, 1 on 2024-03-01);
///   SQL Fundamentals: 5–7 (1 in January, 2 in February).
extension AnswerTests {
    static let february = DateRange(
        start: CivilDate(iso: "2024-02-01"), end: CivilDate(iso: "2024-03-01"),
        phrase: "February 2024")
    static let january = DateRange(
        start: CivilDate(iso: "2024-01-01"), end: CivilDate(iso: "2024-02-01"),
        phrase: "January 2024")

    @Test("the most drop-outs is a count; enrollments in progress are counted")
    func counts() throws {
        let metrics = try run(CompletionMetrics.self)
        let dropouts = try #require(
            Answer.make(
                metrics,
                intent: Intent(
                    measure: .dropouts, dimension: .organization, ranking: Ranking(.top, count: 1)),
                filters: Filters()))
        #expect(dropouts.rows == [Answer.Row(subject: "Globex", value: .int(1), support: 2)])
        let inProgress = try #require(
            Answer.make(metrics, intent: Intent(measure: .inProgress), filters: Filters()))
        #expect(inProgress.rows.map(\.value) == [.int(1)])
        #expect(
            Lead.sentence(for: inProgress, filters: Filters()) == "Enrollments in progress: 1.")
    }

    @Test("two organizations side by side: values, the difference in points, and the lead")
    func organizations() throws {
        let answer = try #require(
            Answer.make(
                try run(CompletionMetrics.self),
                intent: Intent(
                    measure: .completionRate, dimension: .organization,
                    compared: ["Acme & Sons", "Globex"]),
                filters: Filters()))
        #expect(answer.rows.map(\.subject) == ["Acme & Sons", "Globex"])
        #expect(answer.rows.map(\.value) == [.double(1), .double(0)])
        #expect(answer.differences.map(\.difference) == [0, -100])
        #expect(answer.table.columns.map(\.title).last == "Points against Acme & Sons")
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "Completion rate: Acme & Sons 100.00% and Globex 0.00%; Globex is 100 points lower."
        )
    }

    @Test("a compared name with nothing in scope counts zero, and keeps its place")
    func zero() throws {
        let answer = try #require(
            Answer.make(
                try run(BadgeEnrollments.self),
                intent: Intent(
                    measure: .enrollments, dimension: .badge,
                    compared: ["Empty Badge", "Python Basics"]),
                filters: Filters()))
        #expect(answer.rows.map(\.subject) == ["Empty Badge", "Python Basics"])
        #expect(answer.rows.map(\.value) == [.int(0), .int(4)])
        // The change from zero has no percentage.
        #expect(answer.differences.map(\.change) == [nil, nil])
    }

    @Test("peaks rank whole months with data; ties are both kept")
    func peaks() throws {
        let trends = try run(OrganizationTrends.self, Filters())
        let top = try #require(
            Answer.make(
                trends,
                intent: Intent(
                    measure: .enrollments, dimension: .period, ranking: Ranking(.top, count: 1)),
                filters: Filters()))
        // January (1, 2, 5) and February (3, 6, 7) have 3 each; March (4) has 1.
        #expect(top.rows.map(\.subject) == ["2024-01", "2024-02"])
        #expect(top.rows.map(\.value) == [.int(3), .int(3)])
        let bottom = try #require(
            Answer.make(
                trends,
                intent: Intent(
                    measure: .enrollments, dimension: .period, ranking: Ranking(.bottom, count: 1)),
                filters: Filters(), asOf: asOf, firstDay: CivilDate(iso: "2024-01-10")))
        // March holds 1 enrollment but only its first day is in the window, and the data
        // begins on 2024-01-10: partial months are left out of a ranking, as are the empty
        // months of 2023 before the data, so the only whole month is February.
        #expect(bottom.rows.map(\.subject) == ["2024-02"])
        #expect(!bottom.rows.contains { $0.subject.hasPrefix("2023") })
    }

    @Test("a window against another: each badge beside its value there, with the change")
    func againstWindow() throws {
        let (february, january) = (Self.february, Self.january)
        let intent = Intent(measure: .enrollments, dimension: .badge)
        let current = try #require(
            Answer.make(
                try run(BadgeEnrollments.self, Filters(dateRange: february)), intent: intent,
                filters: Filters(dateRange: february)))
        let before = try #require(
            Answer.make(
                try run(BadgeEnrollments.self, Filters(dateRange: january)), intent: intent,
                filters: Filters(dateRange: january)))
        let answer = current.against(before, window: january, current: "February 2024")
        // February: SQL Fundamentals 2 (6, 7), Python Basics 1 (3); January: 1 (5) and 2 (1, 2).
        #expect(answer.rows.map(\.subject) == ["SQL Fundamentals", "Python Basics"])
        #expect(answer.versus?.values == [.int(1), .int(2)])
        #expect(answer.differences.map(\.difference) == [1, -1])
        #expect(answer.differences.map(\.change) == [1, -0.5])
        #expect(
            Lead.sentence(for: answer, filters: Filters(dateRange: february))
                == "Enrollments by badge between 2024-02-01 and 2024-02-29, against January 2024 (2024-01-01 to 2024-01-31): SQL Fundamentals 2 against 1, 1 more (+100.0%); Python Basics 1 against 2, 1 fewer (−50.0%)."
        )
    }

    @Test("drop-outs set against another window say that neither is counted at the other's age")
    func dropsAgainstWindow() throws {
        let (february, january) = (Self.february, Self.january)
        for measure in [Measure.dropouts, .dropRate, .completionRate] {
            let intent = Intent(measure: measure)
            func answer(_ window: DateRange) throws -> Answer {
                try #require(
                    Answer.make(
                        try run(CompletionMetrics.self, Filters(dateRange: window)), intent: intent,
                        filters: Filters(dateRange: window)))
            }
            let lead = try #require(
                Lead.sentence(
                    for: try answer(february).against(
                        try answer(january), window: january, current: "February 2024"),
                    filters: Filters(dateRange: february)))
            // Completions are counted at the same age; drop-outs carry no date (metrics.md).
            #expect(
                lead.hasSuffix(
                    " Drop-outs carry no date, so each window counts every drop-out recorded by the report's date, and the older window has had longer to collect them."
                )
                    == (measure != .completionRate), "\(lead)")
        }
    }

    /// A blind tester: "how many people dropped out in August" means drops made then, which
    /// the data cannot date; the lead says what the window counts instead.
    @Test("drop-outs in a window say that the window is of the enrollments")
    func dropsInWindow() throws {
        let february = Filters(dateRange: Self.february)
        for (people, ending) in [
            (
                false,
                "these are the enrollments made in the window that had been dropped by the report's date."
            ),
            (
                true,
                "these are the learners whose enrollments made in the window had been dropped by the report's date."
            ),
        ] {
            var intent = Intent(measure: .dropouts)
            intent.people = people
            let answer = try #require(
                Answer.make(
                    try run(CompletionMetrics.self, february), intent: intent, filters: february))
            let lead = try #require(Lead.sentence(for: answer, filters: february))
            #expect(lead.hasSuffix(" Drop-outs carry no date: " + ending), "\(lead)")
            // With no window, nothing to say.
            let all = try #require(
                Answer.make(try run(CompletionMetrics.self), intent: intent, filters: Filters()))
            #expect(!(Lead.sentence(for: all, filters: Filters()) ?? "").contains("carry no date"))
        }
    }

    /// An attack run: "the completion rate by badge this month against last month" left out
    /// Python Basics, which had enrollments only last month.
    @Test("a badge with some only in the other window is listed, with none now")
    func onlyBefore() throws {
        let intent = Intent(measure: .completionRate, dimension: .badge)
        let rate = DataTable.Column("Completion rate", .percent)
        let now = Answer(
            intent, "Badge", rate, "Enrollments",
            [Answer.Row(subject: "SQL Fundamentals", value: .double(0), support: 1)])
        let before = Answer(
            intent, "Badge", rate, "Enrollments",
            [
                Answer.Row(subject: "SQL Fundamentals", value: .double(0.5), support: 2),
                Answer.Row(subject: "Python Basics", value: .double(0.5), support: 4),
            ])
        let answer = now.against(before, window: Self.january, current: "February 2024")
        #expect(answer.rows.map(\.subject) == ["SQL Fundamentals", "Python Basics"])
        #expect(answer.rows.map(\.value) == [.double(0), .null])
        #expect(answer.versus?.values == [.double(0.5), .double(0.5)])
        let lead = try #require(Lead.sentence(for: answer, filters: Filters()))
        #expect(
            lead.contains("Python Basics none, with no enrollments now, against 50.00%"), "\(lead)")
        // A top 1 stays this window's top.
        var top = intent
        top.ranking = Ranking(.top, count: 1)
        var ranked = now
        ranked.intent = top
        #expect(
            ranked.against(before, window: Self.january, current: "February 2024").rows.count == 1)
    }

    @Test("learners counted once, and the mean beside the median")
    func learnersAndMeans() throws {
        let metrics = try run(CompletionMetrics.self)
        // Completed enrollments 1, 2, 5, 7 belong to users 1, 2, 1, 4: three learners.
        var intent = Intent(measure: .completions)
        intent.people = true
        let learners = try #require(Answer.make(metrics, intent: intent, filters: Filters()))
        #expect(learners.rows.map(\.value) == [.int(3)])
        #expect(learners.rows.map(\.support) == [4])
        #expect(Lead.sentence(for: learners, filters: Filters()) == "Learners who completed: 3.")
        // The badge is what they completed, dropped out of or are in progress in.
        let badge = Filters(badge: "Python Basics", organization: "Acme")
        #expect(
            Lead.sentence(for: learners, filters: badge)
                == "Learners who completed Python Basics at Acme: 3.")
        var dropped = learners
        dropped.intent.measure = .dropouts
        dropped.value.title = "Learners who dropped out"
        #expect(
            Lead.sentence(for: dropped, filters: badge)
                == "Learners who dropped out of Python Basics at Acme: 3.")
        // Days to complete: 10, 30, 5 and 7.5 (enrollment 7, 2024-02-15 to 02-22 noon):
        // mean 52.5 / 4 = 13.125 → 13.1; median (7.5 + 10) / 2 = 8.75 → 8.8.
        let mean = try #require(
            Answer.make(
                metrics, intent: Intent(measure: .meanTimeToComplete), filters: Filters()))
        #expect(mean.rows.map(\.value) == [.double(13.1)])
        #expect(mean.rows.map(\.beside) == [.double(8.8)])
        #expect(
            Lead.sentence(for: mean, filters: Filters())
                == "Mean days to complete: 13.1 days (completed: 4); median days to complete: 8.8 days."
        )
    }
}
