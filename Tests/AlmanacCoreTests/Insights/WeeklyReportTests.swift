import Foundation
import Testing

@testable import AlmanacCore

/// The comparison, "since the last report", the digest and the feed, through real builds.
@Suite struct WeeklyReportTests {
    /// As of Thursday 2024-03-14, "the rolling 2 weeks" is 2024-03-01 to 2024-03-14; the window
    /// before is 2024-02-16 to 2024-02-29; a year earlier, 2023-03-01 to 2023-03-14.
    ///
    /// Current: Python Basics 3 (1 completed), SQL Fundamentals 1. Previous: Python Basics 1,
    /// SQL Fundamentals 2 (1 completed). Year ago: Python Basics 2 (1 completed). Enrollment
    /// 10 is after the as-of date and 11 is a day before the previous window: neither counts.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'Acme');
        INSERT INTO users VALUES (1, 'U1', 1, '2023-01-01'), (2, 'U2', 1, '2023-01-01'), (3, 'U3', 1, '2023-01-01'),
          (4, 'U4', 1, '2023-01-01'), (5, 'U5', 1, '2023-01-01'), (6, 'U6', 1, '2023-01-01'),
          (7, 'U7', 1, '2023-01-01'), (8, 'U8', 1, '2023-01-01'), (9, 'U9', 1, '2023-01-01');
        INSERT INTO badges VALUES (1, 'Python Basics', 'Programming'), (2, 'SQL Fundamentals', 'Data'),
          (3, 'Empty Badge', 'Data');
        INSERT INTO enrollments VALUES
          (1, 1, 1, '2024-03-02', 'completed', 1.0, '2024-03-10'),
          (2, 2, 1, '2024-03-05', 'enrolled', 0.0, NULL),
          (3, 3, 1, '2024-03-12', 'in_progress', 0.5, NULL),
          (4, 4, 2, '2024-03-14', 'enrolled', 0.0, NULL),
          (5, 5, 1, '2024-02-20', 'enrolled', 0.0, NULL),
          (6, 6, 2, '2024-02-16', 'completed', 1.0, '2024-02-25'),
          (7, 7, 2, '2024-02-29', 'dropped', 0.2, NULL),
          (8, 8, 1, '2023-03-01', 'completed', 1.0, '2023-03-05'),
          (9, 9, 1, '2023-03-14', 'enrolled', 0.0, NULL),
          (10, 1, 2, '2024-03-15', 'enrolled', 0.0, NULL),
          (11, 2, 2, '2024-02-15', 'enrolled', 0.0, NULL);
        """

    /// Builds `yaml` over `database` in a new project (or `project`) as of `asOf`.
    func build(
        _ yaml: String, database: String, in project: Project? = nil, asOf: String,
        configure: (inout BuildOptions) -> Void = { _ in }
    ) async throws -> (BuildSummary, URL) {
        let project = project ?? Project(database: database)
        let summary = try await project.build(yaml) { options in
            options.databasePath = database
            options.asOf = CivilDate(iso: asOf)
            configure(&options)
        }
        return (summary, project.site)
    }

    func document(_ site: URL, _ id: String) throws -> JSONValue {
        try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: site.appending(path: id + ".json")))
    }

    func row(_ comparison: JSONValue?, _ measure: String, _ subject: String? = nil) -> JSONValue? {
        comparison?["measures"]?.arrayValue?.first {
            $0["measure"]?.stringValue == measure && $0["subject"]?.stringValue == subject
        }
    }

    static let fixtureQuestions = """
        title: Fixture
        questions:
          - text: How many people enrolled in each badge in the rolling 2 weeks?
            id: recent
            kind: badge_enrollments
          - text: How many people are enrolled in each badge?
            id: all-time
            kind: badge_enrollments
        alerts:
          - {question: recent, measure: enrollments, change_above: 30}
          - {question: recent, measure: completion_rate, change_below: -10}
          - {question: recent, measure: enrollments, for: SQL Fundamentals, below: 2}
          - {question: all-time, measure: completion_rate, above: 50}
        """

    @Test("the previous window and the year-ago window are computed like the main numbers")
    func comparison() async throws {
        let database = try Fixture.database(Self.rows)
        let (summary, site) = try await build(
            Self.fixtureQuestions, database: database, asOf: "2024-03-14")
        let comparison = try document(site, "recent")["metadata"]?["comparison"]
        // Each earlier window is counted as of the as-of date moved back as the window was:
        // 14 days, and 12 months.
        #expect(
            comparison?["current"] == [
                "from": "2024-03-01", "to": "2024-03-14", "as_of": "2024-03-14",
            ])
        #expect(
            comparison?["previous"] == [
                "from": "2024-02-16", "to": "2024-02-29", "as_of": "2024-02-29",
            ]
        )
        #expect(
            comparison?["year_ago"] == [
                "from": "2023-03-01", "to": "2023-03-14", "as_of": "2023-03-14",
            ]
        )
        // 4 against 3: +1, +33.3 %; a year ago 2.
        #expect(
            row(comparison, "enrollments") == [
                "measure": "enrollments", "subject": nil, "current": 4, "previous": 3,
                "year_ago": 2, "change": 1,
                "change_percent": 33.3,
            ])
        // 1/4 = 0.25 against 1/3 = 0.3333: −8.33 points, no percent; a year ago 1/2.
        #expect(
            row(comparison, "completion_rate") == [
                "measure": "completion_rate", "subject": nil, "current": 0.25, "previous": 0.3333,
                "year_ago": 0.5,
                "change": -8.33, "change_percent": nil,
            ])
        #expect(row(comparison, "completed")?["change"] == 0)
        #expect(row(comparison, "learners")?["current"] == 4)
        // Per badge: Python Basics 1 → 3 (+200 %), SQL Fundamentals 2 → 1 (−50 %), Empty 0 → 0.
        #expect(row(comparison, "enrollments", "Python Basics")?["change_percent"] == 200)
        #expect(row(comparison, "enrollments", "SQL Fundamentals")?["change"] == -1)
        #expect(row(comparison, "enrollments", "Empty Badge")?["change_percent"] == .null)
        // A question with no window has no comparison.
        #expect(try document(site, "all-time")["metadata"]?["comparison"] == nil)

        // Top movers and contribution: +2 and −1 of a +1 change are shares 2 and −1.
        let insights = try document(site, "recent")["metadata"]?["insights"]?.arrayValue ?? []
        let contribution = insights.first { $0["type"] == "contribution" }
        #expect(
            contribution?["slices"] == [
                ["subject": "Python Basics", "change": 2, "share": 2],
                ["subject": "SQL Fundamentals", "change": -1, "share": -1],
            ])
        let movers = insights.first { $0["type"] == "top_movers" }
        #expect(movers?["rise"]?["subject"] == "Python Basics")
        #expect(movers?["fall"]?["subject"] == "SQL Fundamentals")

        // Alerts: +33.3 % > 30 fires; −8.33 points is not below −10; SQL Fundamentals has 1 < 2
        // and fires; all-time completion is 3 of 10 enrollments
        // (enrollment 11 counts here) = 30 %, not above 50.
        #expect(summary.alerts.count == 2)
        let digest = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: site.appending(path: "digest.json")))
        #expect(digest["alerts"]?.arrayValue?.map { $0["value"] } == [33.3, 1])
        #expect(digest["alerts"]?.arrayValue?.map { $0["threshold"] } == [30, 2])
        let page = try String(contentsOf: site.appending(path: "recent.html"), encoding: .utf8)
        #expect(page.contains("<td class=\"change good\">▲ 1 (+33.3%)</td>"))
        #expect(page.contains("<td class=\"change bad\">▼ 8.33 pts</td>"))
        #expect(page.contains("New in this report"))
    }

    @Test("bad alerts are reported with their line and what to change")
    func badAlerts() async throws {
        let database = try Fixture.database(Self.rows)
        do {
            _ = try QuestionLoader().load(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: b}
                alerts:
                  - {question: nope, measure: enrollments, above: 1}
                  - {question: b, measure: enrollments}
                  - {question: b, measure: enrollments, above: 1, below: 2}
                  - {question: b, measure: enrollments, above: lots}
                  - {question: b, measure: enrollments, over: 3}
                """, path: "q.yaml")
            Issue.record("expected an error")
        } catch let error as QuestionFileError {
            let messages = error.problems.map { "\($0.line): \($0.message)" }
            #expect(messages.count == 5)
            #expect(messages[0].hasPrefix("5: alert for `nope`: no question has that id"))
            #expect(messages[1].hasPrefix("6: an alert needs exactly one of above, below"))
            #expect(
                messages[2]
                    == "7: an alert needs exactly one of above, below, change_above, change_below (found 2)"
            )
            #expect(messages[3].hasPrefix("8: `above` must be a number"))
            #expect(messages[4].hasPrefix("9: unknown key `over` in an alert"))
        }
        // Checked after matching: a measure the kind does not have, a name not in the data,
        // a change on a question with no window.
        do {
            _ = try await build(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: b, kind: badge_enrollments}
                alerts:
                  - {question: b, measure: drop_rate, above: 1}
                  - {question: b, measure: enrollments, for: Ruby Basics, above: 1}
                  - {question: b, measure: enrollments, change_above: 10}
                  - {question: b, measure: completion rate, above: 50}
                  - {question: b, measure: enrollments, for: Pyton Basics, above: 1}
                """, database: database, asOf: "2024-03-14")
            Issue.record("expected an error")
        } catch let error as BuildError {
            // Alerts are checked against the answers, all at once: the file's, not a question's.
            #expect(error.stage == .alerts)
            #expect(error.questionID == nil)
            let text = String(describing: error)
            #expect(
                text.contains(
                    ":5: alert for `b`: unknown measure `drop_rate` for a badge_enrollments question; expected one of: enrollments, learners, completed, completion_rate"
                ))
            #expect(
                text.contains(
                    ":6: alert for `b`: `for: Ruby Basics` names no badge of this question's enrollments (it has Python Basics, SQL Fundamentals, Empty Badge)"
                ))
            #expect(text.contains(":7: alert for `b`: `change_above` needs a time window"))
            // A measure written with a space, and a misspelt name, get the right one.
            #expect(
                text.contains(
                    ":8: alert for `b`: unknown measure `completion rate` (did you mean `completion_rate`?)"
                ))
            #expect(
                text.contains(
                    "`for: Pyton Basics` names no badge of this question's enrollments (did you mean `Python Basics`?)"
                ))
        }
    }

    /// Blind test 59: a mistyped id got the list of ids, and no "did you mean".
    @Test("an alert's mistyped question id gets a did-you-mean before the list of ids")
    func mistypedID() throws {
        do {
            _ = try QuestionLoader().load(
                """
                title: T
                questions:
                  - {text: How many people are enrolled in each badge?, id: e01-docker}
                  - {text: What is the completion rate of each badge?, id: e02-leading}
                alerts:
                  - {question: e02-leadng, measure: completion_rate, below: 60}
                  - {question: leading-e02, measure: completion_rate, below: 60}
                """, path: "q.yaml")
            Issue.record("expected an error")
        } catch let error as QuestionFileError {
            // Blind test 84: an id renamed with its words in another order had no guess.
            #expect(
                error.problems.map(\.message) == [
                    "alert for `e02-leadng`: no question has that id (did you mean `e02-leading`?); ids are e01-docker, e02-leading",
                    "alert for `leading-e02`: no question has that id (did you mean `e02-leading`?); ids are e01-docker, e02-leading",
                ])
        }
    }

    /// `for:` with a measure of the question's total said the name was a badge, whatever
    /// the user named: the total cannot be narrowed by it.
    @Test("an alert on a total's rate for one organization says why it cannot, and what to do")
    func totalForOneRow() async throws {
        let database = try Fixture.database(Self.rows)
        do {
            _ = try await build(
                """
                title: T
                questions:
                  - {text: What is the completion rate by organization?, id: c, kind: completion_metrics}
                alerts:
                  - {question: c, measure: drop_rate, for: Initech, above: 35}
                """, database: database, asOf: "2024-03-14")
            Issue.record("expected an error")
        } catch let error as BuildError {
            #expect(error.stage == .alerts)
            #expect(
                String(describing: error).contains(
                    ":5: alert for `c`: `drop_rate` is this completion_metrics question's total, which `for: Initech` cannot narrow: with `for`, an alert reads one badge's `completed`. For Initech's drop rate, alert on a question of Initech alone"
                ))
        }
    }

    @Test("--fail-on-alert's summary: an unchanged rebuild still reports the alerts of its digest")
    func alertsOnUnchangedRebuild() async throws {
        let database = try Fixture.database(Self.rows)
        let project = Project(database: database)
        let (first, _) = try await build(
            Self.fixtureQuestions, database: database, in: project, asOf: "2024-03-14")
        let (again, _) = try await build(
            Self.fixtureQuestions, database: database, in: project, asOf: "2024-03-14")
        #expect(again.files.written == 0)
        #expect(first.alerts.count == 2 && again.alerts.count == 2)
    }

    @Test(
        "since the last report: an earlier document, a rebuild of the same date, a later one, an older format"
    )
    func sinceLastReport() throws {
        let now = [
            KeyMeasure(measure: "enrollments", subject: nil, value: 12),
            KeyMeasure(measure: "completion_rate", subject: nil, value: 0.5),
            KeyMeasure(measure: "enrollments", subject: "New Badge", value: 2),
        ]
        let earlier: JSONValue = [
            "id": "q", "type": "badge_enrollments",
            "metadata": [
                "as_of": "2024-03-07",
                "key_measures": [
                    ["measure": "enrollments", "subject": nil, "value": 10],
                    ["measure": "completion_rate", "subject": nil, "value": 0.4],
                    ["measure": "enrollments", "subject": "Old Badge", "value": 3],
                ],
            ],
        ]
        let asOf = CivilDate(iso: "2024-03-14")!
        let since = try #require(SinceLastReport.make(measures: now, previous: earlier, asOf: asOf))
        // 10 → 12 (+2); 0.4 → 0.5 is +10 points; New Badge came, Old Badge went.
        #expect(
            since.json == [
                "as_of": "2024-03-07",
                "changes": [
                    [
                        "measure": "enrollments", "subject": nil, "before": 10, "after": 12,
                        "change": 2,
                    ],
                    [
                        "measure": "completion_rate", "subject": nil, "before": 0.4, "after": 0.5,
                        "change": 10,
                    ],
                    [
                        "measure": "enrollments", "subject": "New Badge", "before": nil, "after": 2,
                        "change": nil,
                    ],
                    [
                        "measure": "enrollments", "subject": "Old Badge", "before": 3, "after": nil,
                        "change": nil,
                    ],
                ],
            ])
        // The document this build writes, read back by a rebuild of the same date, gives the
        // same comparison with the report of 2024-03-07.
        let written: JSONValue = [
            "id": "q",
            "metadata": [
                "as_of": "2024-03-14", "key_measures": .array(now.map(\.json)),
                "since_last_report": since.json,
            ],
        ]
        #expect(SinceLastReport.make(measures: now, previous: written, asOf: asOf) == since)
        // A document of a later date, or a new one at the same date, gives no block.
        #expect(
            SinceLastReport.make(
                measures: now, previous: earlier, asOf: CivilDate(iso: "2024-03-01")!) == nil)
        let fresh: JSONValue = [
            "id": "q", "metadata": ["as_of": "2024-03-14", "key_measures": []],
        ]
        #expect(SinceLastReport.make(measures: now, previous: fresh, asOf: asOf) == nil)
        // A document written before key measures existed is read from its analytics_data.
        let old: JSONValue = [
            "id": "q", "type": "badge_enrollments",
            "metadata": [
                "as_of": "2024-03-07",
                "analytics_data": [
                    "totals": [
                        "enrollments": 10, "learners": 9, "completed": 4, "completion_rate": 0.4,
                    ], "badges": [],
                ],
            ],
        ]
        let fromData = try #require(SinceLastReport.make(measures: now, previous: old, asOf: asOf))
        #expect(
            fromData.changes.first
                == SinceLastReport.Change(
                    measure: "enrollments", subject: nil, before: 10, after: 12))
    }

    @Test("every name the built-in templates use is one a context provides")
    func templateVocabulary() {
        #expect(TemplateSet.builtIn.unknownNames() == [])
    }

    // MARK: - Narration

    @Test("the offline narration answers the question, and tells only an insight about its measure")
    func offlineOpening() async throws {
        let database = try Fixture.database(Self.rows)
        let (_, site) = try await build(
            Self.fixtureQuestions, database: database, asOf: "2024-03-14")
        // The weekly counts are too small for an unusual change or a record, so top movers
        // come first: Python Basics 1 → 3 enrollments, SQL Fundamentals 2 → 1.
        let recent = try document(site, "recent")
        let movers = recent["metadata"]?["insights"]?.arrayValue?.first
        #expect(movers?["type"] == "top_movers")
        #expect(movers?["measure"] == "enrollments")
        // The question asks for learners ("how many people"), so the opening is its answer
        // alone (issue 21): learners 1, 2, 3 took Python Basics, learner 4 SQL Fundamentals.
        let response = recent["response"]?.stringValue ?? ""
        #expect(
            response.components(separatedBy: "\n\n").first
                == "Learners by badge between 2024-03-01 and 2024-03-14, most first: Python Basics (3 learners) and SQL Fundamentals (1 learner)."
        )
    }

    static let key = "sk-test-weekly"

    func modelBuild(
        _ server: LoopbackServer, database: String, requireGrounded: Bool = false
    ) async throws -> (BuildSummary, URL) {
        let yaml = Self.fixtureQuestions.replacingOccurrences(
            of: "title: Fixture\n", with: "title: Fixture\nllm:\n  model: test-model\n")
        return try await build(yaml, database: database, asOf: "2024-03-14") {
            options in
            options.llm = LLMOptions(mode: .auto)
            options.llm.apiKey = Self.key
            options.llm.baseURL = server.baseURL
            options.requireGrounded = requireGrounded
        }
    }

    @Test("the prompt carries the comparison and the insights, and derived numbers are grounded")
    func promptAndDerivedGrounding() async throws {
        let database = try Fixture.database(Self.rows)
        // −8.33 points is the completion rate's change: in no analysis field, only in the comparison.
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("The completion rate fell 8.33 points."))
        ])
        defer { server.stop() }
        let (summary, site) = try await modelBuild(server, database: database)
        let prompt =
            server.requests.compactMap { request in
                ((request.json["messages"] as? [[String: Any]])?.last?["content"] as? String)
            }.first { $0.contains("enrolled in each badge in the rolling 2 weeks") } ?? ""
        #expect(prompt.contains("Comparison with the previous period and a year earlier"))
        #expect(prompt.contains("\"change_percent\": 33.3"))
        #expect(prompt.contains("Insights, most important first"))
        #expect(prompt.contains("\"type\": \"contribution\""))
        let recent = try document(site, "recent")
        #expect(recent["response"] == "The completion rate fell 8.33 points.")
        #expect(recent["metadata"]?["grounding"]?["unverified"] == [])
        // The other question has no comparison, so the same sentence is not grounded there.
        #expect(!summary.warnings.contains { $0.contains("question `recent`") })
        #expect(summary.warnings.contains { $0.contains("question `all-time`: 8.33") })
    }

    @Test(
        "an answer with a figure found nowhere gives way to the offline narration; --require-grounded fails"
    )
    func ungroundedAnswer() async throws {
        let database = try Fixture.database(Self.rows)
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("The completion rate fell 9.99 points."))
        ])
        defer { server.stop() }
        let (summary, site) = try await modelBuild(server, database: database)
        let recent = try document(site, "recent")
        #expect(
            recent["response"]?.stringValue?.hasPrefix(
                "Learners by badge between 2024-03-01 and 2024-03-14, most first: ") == true)
        #expect(
            recent["metadata"]?["narration"]?["note"]?.stringValue?.contains(
                "not in the data (9.99)") == true)
        #expect(summary.warnings.contains { $0.contains("9.99") })
        let twin = try String(contentsOf: site.appending(path: "recent.md"), encoding: .utf8)
        #expect(!twin.contains("fell 9.99 points"))
        let error = await #expect(throws: BuildError.self) {
            try await modelBuild(server, database: database, requireGrounded: true)
        }
        // Checked once every answer is in; both quote 9.99, so no single question.
        #expect(
            error
                == BuildError(
                    .narration,
                    GroundingFailure(questions: [
                        "question `recent`: 9.99", "question `all-time`: 9.99",
                    ])))
    }
}
