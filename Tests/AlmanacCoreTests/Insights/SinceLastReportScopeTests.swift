import Testing

@testable import AlmanacCore

/// "Since the last report" compares like with like: a blind tester's weekly builds claimed
/// moves that were a changed question ("past 30 days" become "past 60 days": 127 → 522), a
/// quarter that began again (2,583 → 121), and cohorts counted at different ages (April as
/// of 05-04 against April as of 05-11). Values worked out by hand.
@Suite struct SinceLastReportScopeTests {
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// A previous report document: its as-of date, its question and its key measures.
    static func previous(
        asOf: String, kind: String = "completion_metrics", measure: String = "completion_rate",
        filters: JSONValue, values: [(String, Double)]
    ) -> JSONValue {
        [
            "metadata": [
                "as_of": .string(asOf),
                "key_measures": .array(
                    values.map {
                        ["measure": .string($0.0), "subject": .null, "value": .double($0.1)]
                    }
                ),
                "intent": [
                    "kind": .string(kind), "measure": .string(measure), "filters": filters,
                ],
            ]
        ]
    }

    static func window(_ phrase: String, _ from: String, _ to: String) -> JSONValue {
        ["enrolled_at": ["phrase": .string(phrase), "from": .string(from), "to": .string(to)]]
    }

    static func measures(_ values: [(String, Double)]) -> [KeyMeasure] {
        values.map { KeyMeasure(measure: $0.0, subject: nil, value: $0.1) }
    }

    /// This build's question: its window (`to` the last day) and `metadata.intent`.
    static func since(
        _ previous: JSONValue, asOf: String, phrase: String, from: String, to: String,
        kind: String = "completion_metrics", measure: String = "completion_rate",
        extra: [String: JSONValue] = [:], values: [(String, Double)]
    ) -> SinceLastReport? {
        var filters: [String: JSONValue] = extra
        filters["enrolled_at"] = [
            "phrase": .string(phrase), "from": .string(from), "to": .string(to),
        ]
        let intent: JSONValue = [
            "kind": .string(kind), "measure": .string(measure), "filters": .object(filters),
        ]
        return SinceLastReport.make(
            measures: measures(values), previous: previous, asOf: day(asOf),
            kind: AnalysisKind(rawValue: kind),
            window: DateRange(start: day(from), end: day(to).adding(days: 1), phrase: phrase),
            intent: intent)
    }

    static func whatChanged(_ since: SinceLastReport) -> [SinceLastReport.Change] {
        var report = GoldenPageTests.second
        report.question = Question(id: "q1", text: "The question")
        report.sinceLastReport = since
        return ChangeText.whatChanged([ReportSummary(report)]).map(\.change)
    }

    static func page(_ since: SinceLastReport) -> String {
        var report = GoldenPageTests.second
        report.sinceLastReport = since
        return ChangeText.sinceLastReport(report) { $0 }
    }

    /// "In the past 30 days" as of 2026-05-25 is 2026-04-26 to 2026-05-25 (5 days of April,
    /// 25 of May); as of 2026-06-01 it is 2026-05-03 to 2026-06-01 (29 + 1 days).
    static let thirtyDays = previous(
        asOf: "2026-05-25", filters: window("in the past 30 days", "2026-04-26", "2026-05-25"),
        values: [("enrollments", 867), ("completed", 127), ("completion_rate", 0.1465)])

    /// A 30-day window as of 2026-06-01, 2026-05-03 to 2026-06-01, against `thirtyDays`.
    static func june(_ phrase: String = "in the past 30 days", values: [(String, Double)])
        -> SinceLastReport?
    {
        since(
            thirtyDays, asOf: "2026-06-01", phrase: phrase, from: "2026-05-03", to: "2026-06-01",
            values: values)
    }

    /// The question reworded to "in the past 60 days" as of 2026-06-01: 2026-04-03 to
    /// 2026-06-01 (28 + 31 + 1 days).
    static let sixtyDays = since(
        thirtyDays, asOf: "2026-06-01", phrase: "in the past 60 days", from: "2026-04-03",
        to: "2026-06-01",
        values: [("enrollments", 1815), ("completed", 522), ("completion_rate", 0.2876)])

    @Test("the same id with a longer window is another question: nothing is compared")
    func longerDefinition() throws {
        let since = try #require(Self.sixtyDays)
        #expect(since.asOf == Self.day("2026-05-25"))
        #expect(since.changes.isEmpty)
        #expect(
            since.questionChanged
                == .init(
                    was: "completion rate, in the past 30 days",
                    now: "completion rate, in the past 60 days"))
        #expect(since.json["question_changed"]?["was"] == "completion rate, in the past 30 days")
        #expect(Self.whatChanged(since).isEmpty)
        #expect(
            Self.page(since)
                == "Since the report of 2026-05-25 the question changed: it then asked for “completion rate, in the past 30 days”, and now for “completion rate, in the past 60 days”, so its numbers are not compared with that report's."
        )
    }

    @Test("a reworded window of the same definition still compares")
    func reworded() throws {
        // "over the last 30 days" as of 2026-06-01: 2026-05-03 to 2026-06-01, as "in the past
        // 30 days" read on that day. 127 → 150 is a count's move of 23 ≥ 10.
        let since = try #require(
            Self.june(
                "over the last 30 days",
                values: [("enrollments", 867), ("completed", 150), ("completion_rate", 0.173)]))
        #expect(since.questionChanged == nil)
        #expect(since.ages == nil)
        #expect(since.changes.map(\.measure) == ["completed", "completion_rate"])
        // The rate, 14.65% → 17.30% of 867 enrollments each time, moved within chance: pooled
        // 277 / 1,734 = 0.1597, 2 standard errors √(0.1597 × 0.8403 × 2 / 867) × 2 = 3.52
        // points, more than its 2.65. What changed lists the count alone.
        #expect(Self.whatChanged(since).map(\.measure) == ["completed"])
    }

    @Test("another badge, or an organization added to the scope, is another question")
    func otherScope() throws {
        let python = Self.previous(
            asOf: "2026-05-25", measure: "time_to_complete",
            filters: ["badge": "Python Basics"], values: [("completed", 22)])
        let docker = SinceLastReport.make(
            measures: Self.measures([("completed", 4)]), previous: python,
            asOf: Self.day("2026-06-01"), kind: .completionMetrics,
            intent: [
                "kind": "completion_metrics", "measure": "time_to_complete",
                "filters": ["badge": "Docker Basics"],
            ])
        #expect(
            docker?.questionChanged
                == .init(
                    was: "median days to complete of Python Basics, all time",
                    now: "median days to complete of Docker Basics, all time"))
        #expect(docker?.changes == [])
        let all = Self.previous(
            asOf: "2026-05-25", kind: "organization_trends", measure: "enrollments",
            filters: [:], values: [("enrollments", 10975)])
        let initech = SinceLastReport.make(
            measures: Self.measures([("enrollments", 1078)]), previous: all,
            asOf: Self.day("2026-06-01"), kind: .organizationTrends,
            intent: [
                "kind": "organization_trends", "measure": "enrollments",
                "filters": ["organization": "Initech"],
            ])
        #expect(initech?.questionChanged?.now == "enrollments at Initech, all time")
        #expect(initech?.changes == [])
    }

    @Test("learners instead of enrollments is another question; a report without `counted` is not")
    func counted() {
        func earlier(_ counted: JSONValue?) -> JSONValue {
            var intent: [String: JSONValue] = [
                "kind": "completion_metrics", "measure": "completions", "filters": [:],
            ]
            intent["counted"] = counted
            return [
                "metadata": ["as_of": "2026-05-25", "intent": .object(intent), "key_measures": []]
            ]
        }
        func changed(_ counted: JSONValue?) -> Bool {
            SinceLastReport.make(
                measures: [], previous: earlier(counted), asOf: Self.day("2026-06-01"),
                intent: [
                    "kind": "completion_metrics", "measure": "completions", "filters": [:],
                    "counted": "enrollments",
                ]
            )?.questionChanged != nil
        }
        #expect(changed("learners"))
        #expect(!changed("enrollments"))
        #expect(!changed(nil))
    }

    /// The document the "past 60 days" build of 2026-06-01 wrote, with what it found of the
    /// earlier report (`since`): what a rebuild of the same day reads.
    static func sixtyDaysDocument(_ since: SinceLastReport) -> JSONValue {
        [
            "metadata": [
                "as_of": "2026-06-01",
                "key_measures": [["measure": "completed", "subject": .null, "value": 522]],
                "intent": [
                    "kind": "completion_metrics", "measure": "completion_rate",
                    "filters": Self.window("in the past 60 days", "2026-04-03", "2026-06-01"),
                ],
                "since_last_report": since.json,
            ]
        ]
    }

    @Test("a rebuild of the same day keeps the first build's changed question")
    func rebuildKeepsQuestionChange() throws {
        let first = try #require(Self.sixtyDays)
        let document = Self.sixtyDaysDocument(first)
        let again = try #require(
            Self.since(
                document, asOf: "2026-06-01", phrase: "in the past 60 days",
                from: "2026-04-03", to: "2026-06-01", values: [("completed", 522)]))
        #expect(again == first)
    }

    /// A report author reworded a question to another badge and back, rebuilding the same
    /// day: the page still said the question had changed, "now" to the badge it no longer
    /// asked, and listed nothing. Back to the earlier report's question, it compares with
    /// that report again: 127 then (of 2026-05-25), 131 now.
    @Test("a question changed and changed back on the same day compares with the earlier report")
    func changedBack() throws {
        let changed = try #require(Self.sixtyDays)
        let document = Self.sixtyDaysDocument(changed)
        let back = try #require(
            Self.since(
                document, asOf: "2026-06-01", phrase: "in the past 30 days",
                from: "2026-05-03", to: "2026-06-01",
                values: [("enrollments", 900), ("completed", 131), ("completion_rate", 0.1456)]))
        #expect(back.questionChanged == nil)
        #expect(back.asOf == Self.day("2026-05-25"))
        let pairs = Dictionary(
            uniqueKeysWithValues: back.changes.map { ($0.measure, [$0.before, $0.after]) })
        #expect(pairs["enrollments"] == [867, 900])
        #expect(pairs["completed"] == [127, 131])
        #expect(pairs["completion_rate"] == [0.1465, 0.1456])
        // A third question is still another question, against the earlier report's.
        let third = try #require(
            Self.since(
                document, asOf: "2026-06-01", phrase: "in the past 90 days",
                from: "2026-03-04", to: "2026-06-01", values: [("completed", 700)]))
        #expect(third.questionChanged?.was == changed.questionChanged?.was)
        #expect(third.questionChanged?.now != changed.questionChanged?.now)
        #expect(third.changes.isEmpty)
    }

    /// "Compare the completion rate of Acme & Sons and Initech": the page's line read
    /// "enrollments: 21,286 → 21,430" beside the two organizations' rates, unlabelled.
    @Test("a page that compares names says its totals are of every name")
    func comparedTotals() throws {
        var report = GoldenPageTests.second
        report.match.intent.compared = ["Acme & Sons", "Initech"]
        report.match.intent.dimension = .organization
        report.sinceLastReport = SinceLastReport(
            asOf: Self.day("2026-06-30"),
            changes: [
                SinceLastReport.Change(
                    measure: "enrollments", subject: nil, before: 21_286, after: 21_430)
            ])
        #expect(
            ChangeText.sinceLastReport(report) { $0 }.hasPrefix(
                "Since the report of 2026-06-30: across all organizations, not only those compared, enrollments: 21,286 → 21,430"
            ))
        report.match.intent.compared = []
        #expect(
            ChangeText.sinceLastReport(report) { $0 }.hasPrefix(
                "Since the report of 2026-06-30: enrollments: 21,286 → 21,430"))
    }
}
