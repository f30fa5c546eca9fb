import Testing

@testable import AlmanacCore

@Suite struct MatcherTests {
    let matcher = try! Matcher()

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    @Test(
        "routes clear phrasings",
        arguments: [
            (
                "How many people are enrolled in the Python Basics badge?",
                AnalysisKind.badgeEnrollments
            ),
            ("How many enrollments does each organization have?", .organizationTrends),
            ("How have enrollments trended over time?", .organizationTrends),
            ("What is the completion rate by organization?", .completionMetrics),
            ("What are the most common learning paths?", .learningPaths),
            ("Which badge do learners take next after completing Python Basics?", .learningPaths),
        ])
    func clear(text: String, kind: AnalysisKind) throws {
        #expect(try route(text).kind == kind)
    }

    @Test(
        "best and worst rank by how good a value is: the worst drop-out rate is the highest",
        arguments: [
            ("Which organization had the worst drop-out rate last quarter?", Ranking.Order.top),
            ("Which badge has the best drop-out rate?", .bottom),
            ("Which badges are the worst for time to complete?", .top),
            ("Which badge has the worst completion rate?", .bottom),
            ("Which organization has the best completion rate?", .top),
            ("Which badges are the weakest on completion rate?", .bottom),
            // Words of size keep their direction whatever the measure.
            ("Which badge has the lowest drop-out rate?", .bottom),
            ("Which badge takes the longest to complete?", .top),
        ])
    func betterAndWorse(text: String, order: Ranking.Order) throws {
        #expect(try route(text).intent.ranking?.order == order)
    }

    @Test("the most specific kind wins an ambiguous question, with lower confidence")
    func ambiguity() throws {
        // "How many … badge" (badge_enrollments) and "completion … rate" both match.
        let match = try route(
            "How many learners finish the badge, and what is its completion rate?")
        #expect(match.kind == .completionMetrics)
        #expect(match.candidates == [.completionMetrics, .badgeEnrollments])
        #expect(match.confidence == 0.85)
        #expect(try route("What is the completion rate by organization?").confidence == 0.95)
        // Wording that no seed expression knows: the vocabulary alone.
        #expect(try route("Which companies are ghosting Docker Basics?").confidence == 0.9)
    }

    @Test("kind: skips the matcher with confidence 1")
    func explicit() throws {
        let match = try matcher.route(
            Question(id: "q", text: "Anything at all", kind: .learningPaths))
        #expect(
            match
                == Match(
                    kind: .learningPaths, confidence: 1, candidates: [.learningPaths],
                    routing: .declared))
    }

    @Test("no match is an error that lists the three closest examples and suggests kind:")
    func noMatch() {
        let error = #expect(throws: MatchError.self) {
            try route("How many hats does Globex sell per store?")
        }
        guard case .noMatch(let closest) = error?.reason else {
            Issue.record("expected no match, got \(String(describing: error))")
            return
        }
        // Ranked by the Jaccard index of words of three letters or more, worked out with
        // Python over Matcher.examples.
        #expect(
            closest == [
                "How many learners does each badge have?",
                "How long does it take to complete Deep Learning?",
                "How many users from Acme & Sons enrolled in 2024?",
            ])
        #expect(
            Matcher.closest(to: "Drop-out rate per badge, please") == [
                "What is the drop-out rate for each badge?",
                "What is the completion rate by organization?",
                "What is the completion rate by cohort?",
            ])
        let message = error!.description
        for example in closest { #expect(message.contains(example)) }
        for kind in [
            AnalysisKind.badgeEnrollments, .organizationTrends, .completionMetrics, .learningPaths,
        ] {
            #expect(message.contains(kind.rawValue))
        }
        #expect(message.contains("kind:"))
    }

    @Test("patterns: can add to or replace a kind's rules")
    func overrides() throws {
        let added = try Matcher(overrides: [.learningPaths: PatternOverride(add: ["(?i)roadmap"])])
        #expect(try added.route(Question(id: "q", text: "Show the roadmap")).kind == .learningPaths)
        let replaced = try Matcher(overrides: [
            .badgeEnrollments: PatternOverride(replace: ["(?i)^badges$"])
        ])
        #expect(throws: MatchError.self) {
            try replaced.route(Question(id: "q", text: "How many people are in the badge?"))
        }
    }
}

/// Conditions the analyses cannot apply are refused, never dropped.
@Suite struct UnappliedConditionTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Zero Trust Networks", "Python Basics"], organizations: ["Globex"],
            categories: ["Zero Trust Networks": "Security", "Python Basics": "Programming"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func reason(_ text: String) -> MatchError.Reason? {
        do {
            _ = try matcher.route(Question(id: "q", text: text))
            return nil
        } catch let error as MatchError {
            return error.reason
        } catch {
            return nil
        }
    }

    @Test("a threshold on a number is an error that quotes it; a year after 'over' is a window")
    func thresholds() throws {
        #expect(
            reason("Which badges have fewer than 50 enrollments?") == .threshold("fewer than 50"))
        #expect(reason("Badges with a completion rate above 60%") == .threshold("above 60%"))
        #expect(
            try matcher.route(Question(id: "q", text: "How many enrollments over 2025?")).filters
                .dateRange?.start
                == CivilDate(iso: "2025-01-01"))
    }

    @Test("a category before a badge word is an error; a category word alone is just a word")
    func categories() throws {
        #expect(
            reason("Which security course has the worst drop-out rate?")
                == .category("security course"))
        #expect(reason("Drop-out rate of Programming badges") == .category("Programming badges"))
        // A category word alone is a word: "the security team" is a team, which the data
        // does not hold (it was answered with the platform's rate), not the category.
        #expect(
            reason("What is the drop-out rate for the security team?")
                == .unapplied(.role, "security team"))
    }

    @Test("two windows set against each other: the second is the comparison's, in the intent")
    func versus() throws {
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        let match = try matcher.route(
            Question(
                id: "q", text: "What is the completion rate this year compared with last year?"))
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"))
        #expect(match.versus?.start == CivilDate(iso: "2025-01-01"))
        #expect(match.versus?.end == CivilDate(iso: "2026-01-01"))
        #expect(
            match.intentJSON["versus"]
                == ["phrase": "last year", "from": "2025-01-01", "to": "2025-12-31"])
        let windows = try #require(
            ComparisonWindows.of(match, asOf: CivilDate(iso: "2026-09-30")!))
        // Counted as of 2025-09-30, the same age as 2026's: its days end there, and so does
        // its label.
        #expect(
            windows.previous
                == DateRange(
                    start: CivilDate(iso: "2025-01-01"), end: CivilDate(iso: "2025-10-01"),
                    phrase: "last year to the same day"))
    }

    @Test(
        "people counted are distinct learners; enrollments otherwise",
        arguments: [
            ("How many learners dropped out of Deep Learning?", Measure.dropouts, true),
            ("How many enrollments were dropped?", .dropouts, false),
            ("How many people completed a course in 2025?", .completions, true),
            ("How many completions were there in 2025?", .completions, false),
            ("Which badge has the most learners in progress?", .inProgress, true),
        ])
    func people(text: String, measure: Measure, people: Bool) throws {
        let matcher = try Matcher(asOf: CivilDate(iso: "2026-09-30")!)
        let match = try matcher.route(Question(id: "q", text: text))
        #expect(match.intent.measure == measure)
        #expect(match.intent.people == people)
        #expect(match.intentJSON["counted"] == (people ? "learners" : "enrollments"))
    }
}
