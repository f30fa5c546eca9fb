import Foundation
import Testing

@testable import AlmanacCore

/// Planted fixtures through real builds, on SQLite and on PostgreSQL. The spike with
/// completions (`DriverFixtures.completingSpike`) as of Sunday 2024-04-07: the week of
/// 2024-04-01 is an unusual change and a record of both enrollments and completions, and
/// each carries its drivers into the report document, the page's narration and the digest. The all-mix and the even drop: a comparison's `change`
/// insights carry theirs.
@Suite struct DriversBuildTests {
    static let questions = """
        title: Spike
        questions:
          - text: How many enrollments does each badge have?
            id: badges
        """

    /// Python Basics named alone in its badge and its category (Programming) with `change`
    /// and `share`; the rest `rest` and `restShare`.
    static func pythonBasics(
        before: Double, after: Double, change: Double, share: Double, rest: Double,
        restShare: Double
    ) -> JSONValue {
        .array(
            [("badge", "Python Basics"), ("category", "Programming")].map { dimension, name in
                [
                    "dimension": .string(dimension),
                    "drivers": [
                        [
                            "name": .string(name), "before": .double(before),
                            "after": .double(after), "change": .double(change),
                            "share": .double(share),
                        ]
                    ],
                    "rest": ["change": .double(rest), "share": .double(restShare)],
                ]
            })
    }

    /// The week's enrollments, worked out in `DriversTests.spike`: 51 against a mean of
    /// 12.0, Python Basics 4.0 → 40 (+36.0, 0.9231), the rest +3.0 (0.0769).
    /// Every learner joined in one month: no join cohort to split over.
    static let enrollments: JSONValue = [
        "measure": "enrollments", "before": 12, "after": 51, "change": 39,
        "baseline": "over the 12 weeks before", "broad_based": false,
        "within_chance": false, "dimensions": ["badge", "category", "organization"],
        "by": pythonBasics(
            before: 4, after: 40, change: 36, share: 0.9231, rest: 3, restShare: 0.0769),
    ]

    /// The week's completions: 4 a week before (48 / 12 = 4.0), 4 + 36 = 40 in it: +36.0,
    /// all Python Basics (0 → 36, all of it, with (0 + 36/40)/2 = 0.45 of the completions,
    /// 1.5 × 0.45 = 0.675 < 1). Acme and Globex 2 → 20 each: half, not named.
    static let completions: JSONValue = [
        "measure": "completions", "before": 4, "after": 40, "change": 36,
        "baseline": "over the 12 weeks before", "broad_based": false,
        "within_chance": false, "dimensions": ["badge", "category", "organization"],
        "by": pythonBasics(before: 0, after: 36, change: 36, share: 1, rest: 0, restShare: 0),
    ]

    func check(_ project: Project, postgres: Bool) async throws {
        let built = try await project.build { $0.asOf = CivilDate(iso: "2024-04-07") }
        // The weekly facts' windows are known only after the analyses: their own statement.
        #expect(built.plan.map(\.name).contains("drivers"))
        let insights = try project.document("badges")["metadata"]?["insights"]?.arrayValue ?? []
        // Enrollments: the 12 weeks before were 12 each, a median of 12 with no spread, a
        // score of 51 − 12 = 39; and 51 beats the 12 of every earlier week. Completions: 4 a
        // week, then 40: a score of 36, and a record above 4.
        #expect(
            insights.map { "\($0["type"]?.stringValue ?? "") \($0["measure"]?.stringValue ?? "")" }
                == [
                    "unusual_change enrollments", "unusual_change completed",
                    "record enrollments", "record completed",
                ])
        #expect(insights.map { $0["score"] ?? nil } == [39, 36, nil, nil])
        #expect(insights.map { $0["previous_record"] ?? nil } == [nil, nil, 12, 4])
        for insight in insights {
            let expected = insight["measure"] == "enrollments" ? Self.enrollments : Self.completions
            #expect(insight["drivers"] == expected, "\(insight["type"] ?? nil)")
        }
        let named = "the badge Python Basics (+36, 92.3% of the change)"
        let page = project.read("badges.md")
        #expect(page.contains(named))
        let digest = project.read("digest.md")
        #expect(digest.contains(named))
        try checkLastSevenDays(project)
        // Built again: on SQLite every window's counts come from the last build's results
        // (PostgreSQL keeps none: its data has no file to tell a change by).
        let again = try await project.build { $0.asOf = CivilDate(iso: "2024-04-07") }
        #expect(again.plan.map(\.name).contains("drivers") == postgres)
        #expect(try project.document("badges")["metadata"]?["insights"]?.arrayValue == insights)
    }

    /// The index's last 7 days (2024-04-01 to 2024-04-07) against the 7 before: the same
    /// week's moves in whole numbers. Enrollments 12 → 51, +39 (beyond chance, 2 × √63 =
    /// 15.9): Python Basics 4 → 40. Learners 12 → 12: no move. Completions 4 → 40, +36 (2 ×
    /// √44 = 13.3): Python Basics 0 → 36, all of it.
    func checkLastSevenDays(_ project: Project) throws {
        let document = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: project.site.appending(path: "digest.json")))
        var days: [String: JSONValue] = [:]
        for row in document["last_7_days"]?.arrayValue ?? [] {
            days[row["measure"]?.stringValue ?? ""] = row["drivers"] ?? nil
        }
        func seven(_ weekly: JSONValue) -> JSONValue {
            guard case .object(var members) = weekly else { return weekly }
            members["baseline"] = "in the 7 days before"
            return .object(members)
        }
        #expect(days["enrollments"] == seven(Self.enrollments))
        #expect(days["learners"] == .null)
        #expect(days["completions"] == seven(Self.completions))
        #expect(project.read("index.md").contains("Python Basics (+36, 92.3% of the change)"))
    }

    /// A project over `rows`, in a SQLite file or a schema of the PostgreSQL test server.
    static func project(_ rows: String, _ questions: String, postgres: Bool) throws -> Project {
        guard postgres else { return try Project(rows: rows, questions: questions) }
        let url = try #require(try TestPostgres.fixtureURL(rows))
        return Project(database: url, questions: questions)
    }

    @Test("SQLite: the record week's drivers name Python Basics in the document, page and digest")
    func sqlite() async throws {
        try await check(
            Self.project(DriverFixtures.completingSpike, Self.questions, postgres: false),
            postgres: false)
    }

    @Test(
        "PostgreSQL: the same drivers from the same rows",
        .enabled(
            if: TestPostgres.url != nil,
            "needs ALMANAC_TEST_POSTGRES_URL (make test starts a server)"))
    func postgres() async throws {
        try await check(
            Self.project(DriverFixtures.completingSpike, Self.questions, postgres: true),
            postgres: true)
    }

    // MARK: - A comparison's change insights

    /// The `change` insights of a page: measure → drivers.
    func changes(_ project: Project, _ id: String) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for insight in try project.document(id)["metadata"]?["insights"]?.arrayValue ?? []
        where insight["type"] == "change" {
            result[insight["measure"]?.stringValue ?? ""] = insight["drivers"] ?? nil
        }
        return result
    }

    /// A project over `rows` whose one question, `page`, asks `question`, built as of `asOf`.
    func built(_ rows: String, _ question: String, asOf: String, postgres: Bool) async throws
        -> Project
    {
        let questions = """
            title: Drivers
            questions:
              - text: \(question)
                id: page
            """
        let project = try Self.project(rows, questions, postgres: postgres)
        try await project.build { $0.asOf = CivilDate(iso: asOf) }
        return project
    }

    /// `DriverFixtures.allMix` as of 2024-03-17: the last 7 days against the 7 before, each
    /// counted as of its own Sunday (the late completion of 2024-03-12 is not one of the
    /// first week's 100). Enrollments (200 → 200) and learners (2 → 2) did not move;
    /// completed 100 → 64, the completion rate 0.5 → 0.32 (all mix, `DriversTests.allMix`),
    /// the drop-out rate 0.1 → 0.16. Then `DriverFixtures.evenDrop` as of 2024-03-31: the
    /// last 14 days' 16 against the 40 of the 14 before, broad-based. The previous periods,
    /// by hand: 2024-03-04 to 03-10 (the 7 days before 03-11) and 2024-03-04 to 03-17 (the 14
    /// days before 03-18), named in each baseline (blind test 84).
    func checkComparisons(postgres: Bool) async throws {
        let mix = try await built(
            DriverFixtures.allMix, "What is the completion rate in the last 7 days?",
            asOf: "2024-03-17", postgres: postgres)
        let moved = try changes(mix, "page")
        // The drop-out rate's +6.00 points are within chance (`DriversTests.allMix`): no
        // change insight.
        #expect(moved.keys.sorted() == ["completed", "completion_rate"])
        // One join month: no cohort to split over.
        let all: JSONValue = ["badge", "category", "organization"]
        // Python Basics 0.8 in both weeks, −11.70 points of −18.00 (centred on the mean
        // rate 0.41, `DriversTests.allMix`); the rest (SQL Fundamentals) −6.30.
        #expect(
            moved["completion_rate"] == [
                "measure": "completion_rate", "before": 0.5, "after": 0.32, "change": -18,
                "baseline": "in the previous period (2024-03-04 to 2024-03-10)",
                "broad_based": false,
                "within_chance": false, "dimensions": all,
                "by": Self.pythonBasics(
                    before: 0.8, after: 0.8, change: -11.7, share: 0.65, rest: -6.3,
                    restShare: 0.35),
                "rate_effect": 0, "mix_effect": -18,
            ])
        // Completed 100 → 64: Python Basics 80 → 32, −48 of −36; the rest +12.
        #expect(
            moved["completed"] == [
                "measure": "completed", "before": 100, "after": 64, "change": -36,
                "baseline": "in the previous period (2024-03-04 to 2024-03-10)",
                "broad_based": false,
                "within_chance": false,
                "dimensions": all,
                "by": Self.pythonBasics(
                    before: 80, after: 32, change: -48, share: 1.3333, rest: 12,
                    restShare: -0.3333),
            ])
        #expect(mix.read("page.md").contains("Python Basics (−11.7 points"))

        let even = try await built(
            DriverFixtures.evenDrop, "How many enrollments were there in the last 14 days?",
            asOf: "2024-03-31", postgres: postgres)
        #expect(
            try changes(even, "page") == [
                "enrollments": [
                    "measure": "enrollments", "before": 40, "after": 16, "change": -24,
                    "baseline": "in the previous period (2024-03-04 to 2024-03-17)",
                    "broad_based": true,
                    "within_chance": false,
                    "dimensions": ["badge", "category", "organization", "cohort"], "by": [],
                ]
            ])
        #expect(even.read("page.md").contains("broad-based"))
    }

    @Test("SQLite: a comparison's change insights carry the all-mix and the broad-based drivers")
    func comparisonsSQLite() async throws {
        try await checkComparisons(postgres: false)
    }

    @Test(
        "PostgreSQL: the same change insights",
        .enabled(
            if: TestPostgres.url != nil,
            "needs ALMANAC_TEST_POSTGRES_URL (make test starts a server)"))
    func comparisonsPostgres() async throws {
        try await checkComparisons(postgres: true)
    }
}

/// "Enrollments in the last 3 months against the 3 months before" had, as "Why it changed",
/// a week's unusual completions: a blind test read it as the cause of the answer's move.
@Suite struct WhyItChangedScopeTests {
    @Test("two windows side by side list their own move's drivers, not a week's")
    func versusKeepsItsOwnMove() async throws {
        let project = try Project(
            rows: DriverFixtures.completingSpike, questions: DriversBuildTests.questions)
        let asOf: (inout BuildOptions) -> Void = { $0.asOf = CivilDate(iso: "2024-04-07") }
        // Without a second window, the spike week (2024-04-01) is why the numbers moved.
        let plain = try await project.ask(
            "How many enrollments does each badge have?", configure: asOf)
        #expect(plain.report.whyItChanged.contains { $0.contains("in the week of 2024-04-01") })
        // Set against another window, the same report lists only its changes' drivers.
        var versus = plain.report
        versus.match.versus = DateRange(
            start: CivilDate(iso: "2023-01-01"), end: CivilDate(iso: "2024-01-01"), phrase: "2023")
        #expect(!versus.whyItChanged.contains { $0.contains("in the week of") })
        #expect(versus.whyItChanged.count < plain.report.whyItChanged.count)
        // A comparison's own changes keep their drivers beside a week's: "this month compared
        // with last month" has them, and the spike week's are added to its insights.
        var compared = try await project.ask(
            "How many enrollments this month compared with last month?", configure: asOf
        ).report
        let changes = compared.insights.filter(\.isChange).compactMap(\.why)
        #expect(!changes.isEmpty)
        compared.insights += plain.report.insights.filter { !$0.isChange && $0.why != nil }
        #expect(compared.whyItChanged == changes)
    }
}
