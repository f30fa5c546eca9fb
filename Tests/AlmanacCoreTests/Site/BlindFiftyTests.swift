import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 50: an analyst's own database, with an organization named "Café Élan & Co.".
@Suite struct BlindFiftyTests {
    /// The index read "…: Nordwind Logistik 183 and Café Élan & Co." and lost the rest.
    @Test("the index's first sentence runs past a name that ends in a period")
    func dottedName() {
        let answer =
            "Enrollments: Nordwind Logistik 183 and Café Élan & Co. 96; Café Élan & Co. has 87 fewer (−47.5%). More follows."
        let names = ["Nordwind Logistik", "Café Élan & Co."]
        let whole =
            "Enrollments: Nordwind Logistik 183 and Café Élan & Co. 96; Café Élan & Co. has 87 fewer (−47.5%)."
        #expect(PageRenderer.firstSentence(of: answer, names: names) == whole)
        #expect(PageRenderer.firstSentence(of: answer, plain: false, names: names) == whole)
        // A name the answer does not give still ends nothing; without names, the old cut.
        #expect(
            PageRenderer.firstSentence(of: answer)
                == "Enrollments: Nordwind Logistik 183 and Café Élan & Co.")
        // A period inside a name: "St. Jude Health 183" was cut to "…: St.".
        #expect(
            PageRenderer.firstSentence(
                of: "Enrollments: St. Jude Health 183 and U.S. Bank 90. More.",
                names: ["St. Jude Health", "U.S. Bank"])
                == "Enrollments: St. Jude Health 183 and U.S. Bank 90.")
    }

    @Test(
        "the index and its twin give the whole first sentence of a question filtered to such a name"
    )
    func indexLead() async throws {
        let project = try Project(
            rows: Fixture.platformRows.replacingOccurrences(of: "'Globex'", with: "'Globex Co.'"),
            questions: """
                title: Fixture Pulse
                questions:
                  - text: How many enrollments does each organization have?
                    id: orgs
                  - text: How did monthly enrollments at Globex Co. trend?
                    id: monthly
                """)
        try await project.build()
        // Globex Co. is user 3's: enrollments 3 (2024-02-01) and 6 (2024-02-15), both in
        // February; the sentence goes on past the name to that count.
        let lead = "Globex Co. in the 12 months up to 2024-03-01: 2 in 2024-02;"
        let twin = project.read("index.md")
        let line = try #require(twin.split(separator: "\n").first { $0.contains("(monthly.md)") })
        #expect(line.contains(lead), "\(line)")
        #expect(project.read("index.html").contains(lead))
    }
}

/// Blind test 50: what `kind:`, a file's own rule and `granularity:` set must not drop a
/// part of the question's words.
@Suite struct DeclaredRoutingTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func reason(_ question: Question, _ matcher: Matcher? = nil) -> MatchError.Reason? {
        do {
            _ = try (matcher ?? self.matcher).route(question)
            return nil
        } catch let error as MatchError {
            return error.reason
        } catch {
            return nil
        }
    }

    @Test("a measure the declared kind does not compute is refused, not swapped for its own")
    func kindCannotAnswer() {
        // Organization trends gave enrollments by organization for the drop-out rate by badge.
        #expect(
            reason(
                Question(
                    id: "q", text: "What is the drop-out rate by badge in 2025?",
                    kind: .organizationTrends))
                == .kindCannotAnswer(
                    kind: "organization_trends", measure: "drop-out rate", rule: false))
        #expect(
            reason(
                Question(
                    id: "q", text: "What is the completion rate of Python Basics in 2025?",
                    kind: .learningPaths))
                == .kindCannotAnswer(
                    kind: "learning_paths", measure: "completion rate", rule: false))
        // A measure the kind does compute, and words that name none, are the kind's.
        #expect(
            reason(
                Question(
                    id: "q", text: "What is the completion rate of Python Basics in 2025?",
                    kind: .completionMetrics)) == nil)
        #expect(reason(Question(id: "q", text: "Anything at all", kind: .learningPaths)) == nil)
    }

    @Test("a rule of the questions file that routes a measure to a kind that lacks it is refused")
    func ruleCannotAnswer() throws {
        let matcher = try Matcher(
            overrides: [.learningPaths: PatternOverride(add: ["(?i)roadmap"])],
            catalogue: EntityCatalogue(
                badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        #expect(
            reason(
                Question(id: "q", text: "What is the drop-out rate of the data roadmap?"), matcher)
                == .kindCannotAnswer(kind: "learning_paths", measure: "drop-out rate", rule: true))
    }

    /// A file's rule gave "the most learners" the completion rate by badge, and "how many
    /// enrollments" learning paths by organization (blind test 55).
    @Test("a count of learners or enrollments the rule's kind does not compute is refused")
    func ruleCannotCount() throws {
        let matcher = try Matcher(
            overrides: [
                .completionMetrics: PatternOverride(add: ["(?i)five badges"]),
                .learningPaths: PatternOverride(add: ["(?i)each organization"]),
            ],
            catalogue: EntityCatalogue(
                badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        #expect(
            reason(Question(id: "q", text: "Which five badges have the most learners?"), matcher)
                == .kindCannotAnswer(kind: "completion_metrics", measure: "learners", rule: true))
        #expect(
            reason(
                Question(id: "q", text: "How many enrollments does each organization have?"),
                matcher)
                == .kindCannotAnswer(kind: "learning_paths", measure: "enrollments", rule: true))
        // A masked name between the count and what it counts (blind test 55's review).
        #expect(
            reason(
                Question(id: "q", text: "Which five badges have the most Initech learners?"),
                matcher)
                == .kindCannotAnswer(kind: "completion_metrics", measure: "learners", rule: true))
        // Counts the kind computes, and learners who are not counted, still route.
        #expect(
            reason(
                Question(id: "q", text: "Which five badges have the most enrollments?"), matcher)
                == nil)
        // A `kind:` the user wrote reads its own words: paths are counted in learners, and
        // completion metrics answer their completers.
        for text in [
            "In which order do most learners take their badges?",
            "Which badges do the most learners take together?",
        ] {
            #expect(reason(Question(id: "q", text: text, kind: .learningPaths)) == nil, "\(text)")
        }
        for text in [
            "Which badges do the most learners see through to the end?",
            "How many learners got their Python Basics badge?",
        ] {
            #expect(
                reason(Question(id: "q", text: text, kind: .completionMetrics)) == nil, "\(text)")
        }
        #expect(
            reason(
                Question(
                    id: "q", text: "What learning journeys do learners follow?",
                    kind: .learningPaths)) == nil)
        #expect(
            reason(
                Question(
                    id: "q", text: "How many learners are enrolled in Python Basics?",
                    kind: .badgeEnrollments)) == nil)
        #expect(
            reason(
                Question(
                    id: "q", text: "How many learners completed Python Basics?",
                    kind: .completionMetrics)) == nil)
    }

    /// Asked with no rule, they gave the paths' page, the rate left out.
    @Test(
        "a rate, time or status of learning paths is refused",
        arguments: [
            ("What is the drop-out rate of learning paths?", "drop-out rate"),
            ("What is the drop-out rate of the learning journeys?", "drop-out rate"),
            ("Which learning path has the highest completion rate?", "completion rate"),
            (
                "How many learners dropped out of the most common learning journey?",
                "drop-outs"
            ),
            ("How long does the most common learning path take?", "median days to complete"),
        ])
    func rateOfPaths(text: String, measure: String) {
        #expect(
            reason(Question(id: "q", text: text))
                == .unsupported(measure: measure, dimension: "learning path"))
    }

    /// Blind test 53: all 1,722 learners of SQL Fundamentals were followed, where 1,166
    /// completed it; "who dropped" was refused already.
    @Test(
        "the learners of one status of a badge are refused, as paths follow every learner",
        arguments: [
            "What do learners who finished Python Basics do next?",
            "What do learners who completed Python Basics take next?",
            "What do learners who complete Python Basics most often take next?",
        ])
    func pathOfCompleters(text: String) {
        guard case .unapplied(.pathStatus, _) = reason(Question(id: "q", text: text)) else {
            Issue.record("\(text) was not refused as a status of the path's badge")
            return
        }
    }

    @Test(
        "a path that starts where a badge was completed or dropped is still read",
        arguments: [
            "Which badge do learners take next after completing Python Basics?",
            "What do learners take after finishing Python Basics?",
            "What do learners take next after they drop Python Basics?",
            "What is the most common learning path?",
            "What do Python Basics dropouts take next?",
            "On completion of Python Basics, what do learners take next?",
        ])
    func pathStarts(text: String) throws {
        #expect(try matcher.route(Question(id: "q", text: text)).kind == .learningPaths)
    }

    /// A review found them refused: broad words read as a count, and a period the reading
    /// implies, are no part the declared kind or period drops.
    @Test("kind:, a rule and granularity: still route broad words and implied periods")
    func declaredStillRoutes() throws {
        #expect(
            reason(
                Question(
                    id: "q", text: "Which badges do learners take together?",
                    kind: .learningPaths)) == nil)
        let rule = try Matcher(
            overrides: [.learningPaths: PatternOverride(add: ["(?i)roadmap"])],
            catalogue: EntityCatalogue(
                badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        #expect(
            try rule.route(Question(id: "q", text: "What is the most popular roadmap?")).kind
                == .learningPaths)
        // "When did … peak" is read by month unless the question sets another period.
        let weekly = try matcher.route(
            Question(id: "q", text: "When did Python Basics enrollments peak?", granularity: .week))
        #expect(weekly.granularity == .week)
    }

    @Test("words that ask for one period and a granularity: that sets another are refused")
    func granularityConflict() throws {
        #expect(
            reason(
                Question(
                    id: "q", text: "Monthly enrollments at Initech in 2025", granularity: .quarter))
                == .granularityConflict(words: "monthly", declared: "quarter"))
        #expect(
            reason(
                Question(id: "q", text: "Weekly completions in 2025", granularity: .month))
                == .granularityConflict(words: "weekly", declared: "month"))
        // The same period twice, or the setting alone, is read.
        let agreed = try matcher.route(
            Question(id: "q", text: "Monthly enrollments at Initech in 2025", granularity: .month))
        #expect(agreed.granularity == .month)
        let declared = try matcher.route(
            Question(id: "q", text: "Enrollments at Initech in 2025", granularity: .quarter))
        #expect(declared.granularity == .quarter)
    }
}

/// Blind test 50: "Completions 446 vs 263, +69.6%" against a window the data covered 12 of
/// its 18 months of, with no word of it.
@Suite struct PartlyCoveredWindowTests {
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    func comparison(previousFrom start: String, firstDay: String) -> Comparison {
        let windows = ComparisonWindows(
            current: DateRange(start: day("2025-01-01"), end: day("2026-07-01"), phrase: ""),
            previous: DateRange(start: day(start), end: day("2025-01-01"), phrase: ""),
            yearAgo: DateRange(start: day("2024-01-01"), end: day("2025-07-01"), phrase: ""))
        return Comparison(
            windows: windows, current: [], previous: [], yearAgo: [], firstDay: day(firstDay))
    }

    @Test("an earlier window the data begins inside says so; one it misses a few days of does not")
    func said() {
        // The previous window, 2023-07-01 to 2024-12-31, 550 days; the data from 2024-01-01
        // misses 184 of them. The year-ago window starts on the data's first day.
        let partly = comparison(previousFrom: "2023-07-01", firstDay: "2024-01-01")
        #expect(partly.dataBeginsWithin == day("2024-01-01"))
        #expect(partly.previousPartlyBeforeData && !partly.yearAgoPartlyBeforeData)
        #expect(
            ChangeText.windows(partly).hasSuffix(
                " The data begins on 2024-01-01, inside the earlier window, which counts only the days from then."
            ))
        // From 2024-01-04, the year-ago window (547 days) misses 3: under a twentieth. The
        // previous one misses 187 of 550.
        let few = comparison(previousFrom: "2023-07-01", firstDay: "2024-01-04")
        #expect(few.previousPartlyBeforeData && !few.yearAgoPartlyBeforeData)
        // 28 missed days of 550 is a twentieth or more (27.5); 27 is not.
        #expect(
            comparison(previousFrom: "2023-07-01", firstDay: "2023-07-29").previousPartlyBeforeData)
        #expect(
            !comparison(previousFrom: "2023-07-01", firstDay: "2023-07-28").previousPartlyBeforeData
        )
        // Wholly covered: nothing said.
        let whole = comparison(previousFrom: "2023-07-01", firstDay: "2023-07-01")
        #expect(whole.dataBeginsWithin == nil)
        #expect(!ChangeText.windows(whole).contains("The data begins"))
    }
}

/// Blind test 50: "Quarterly completions since 2025-01-01" answered 446 completions, and its
/// Change table compared the completed enrollments of the window's enrollments (390 vs 263).
@Suite struct CompletionsPerPeriodTests {
    @Test("completions per period compare and alert on the completions of their window")
    func completionsCompared() async throws {
        let project = try Project(
            questions: """
                title: Fixture Pulse
                questions:
                  - text: Monthly completions since 2024-02-01
                    id: mc
                """)
        try await project.build()
        let metadata = try #require(try project.document("mc")["metadata"])
        // Completed from 2024-02-01 to 2024-03-01: enrollments 2 (2024-02-09) and 7
        // (2024-02-22). The window's enrollments (3, 4, 6, 7) hold one completed: 7.
        #expect(
            metadata["key_measures"]
                == [["measure": "completions", "subject": .null, "value": .int(2)]])
        // The 30 days before, 2024-01-02 to 2024-01-31: 1 (01-20) and 5 (01-25).
        let row = try #require(metadata["comparison"]?["measures"]?.arrayValue?.first)
        #expect(row["measure"] == "completions")
        #expect(row["previous"] == .int(2))
        // An alert may name them.
        let alerted = try await project.build(
            """
            title: Fixture Pulse
            questions:
              - text: Monthly completions since 2024-02-01
                id: mc
            alerts:
              - {question: mc, measure: completions, above: 1}
            """)
        #expect(alerted.alerts.count == 1)
    }
}
