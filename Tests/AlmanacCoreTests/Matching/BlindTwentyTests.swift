import Testing

@testable import AlmanacCore

/// Blind tests twenty and twenty-one (2026-12-06): an analyst's time windows and a manager's
/// shorthand. Each reading below answered another window, or for the name it left out.
@Suite struct BlindTwentyTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Deep Learning", "Leading Teams"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func days(_ range: DateRange?) -> [String] {
        [range?.start?.description ?? "-", range?.end?.adding(days: -1).description ?? "-"]
    }

    @Test(
        "a first window without a year is in the second's year, and the later is the question's own",
        arguments: [
            (
                "Enrollments in H2 vs H1 2025", ["2025-07-01", "2025-12-31"],
                ["2025-01-01", "2025-06-30"]
            ),
            (
                "Enrollments in Q2 vs Q1 2025", ["2025-04-01", "2025-06-30"],
                ["2025-01-01", "2025-03-31"]
            ),
            (
                "Enrollments in December vs November 2025", ["2025-12-01", "2025-12-31"],
                ["2025-11-01", "2025-11-30"]
            ),
            (
                "Enrollments in Q1 vs Q2 2025", ["2025-04-01", "2025-06-30"],
                ["2025-01-01", "2025-03-31"]
            ),
        ])
    func windowsInTheSecondsYear(text: String, own: [String], versus: [String]) throws {
        let match = try route(text)
        #expect(days(match.filters.dateRange) == own)
        #expect(days(match.versus) == versus)
    }

    @Test(
        "a range that ends in May without a year ends in May",
        arguments: [
            ("Enrollments between March and May", ["2026-03-01", "2026-05-31"]),
            ("Completions from January to May", ["2026-01-01", "2026-05-31"]),
            ("Enrollments between May 1 and May 15", ["2026-05-01", "2026-05-15"]),
        ])
    func rangeToMay(text: String, window: [String]) throws {
        #expect(days(try route(text).filters.dateRange) == window)
    }

    @Test(
        "'without', 'ignoring' a name is refused, not answered for that name",
        arguments: [
            "Top 3 badges by learners in 2025 without Acme & Sons",
            "Enrollments in H1 2026 ignoring Acme & Sons",
            "Completion rate in 2025 without Python Basics",
        ])
    func without(text: String) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let part, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(part == .exclusion)
    }

    @Test("'still in progress from Q1 2026' is the count in progress, not learning paths")
    func inProgressFrom() throws {
        let match = try route(
            "How many enrollments are still in progress from Q1 2026 for Python Basics?")
        #expect(match.intent.measure == .inProgress)
    }

    @Test("'the 3 months to March 2026' is not read as March 2026 alone")
    func monthsTo() throws {
        #expect(throws: MatchError.self) { try route("Enrollments in the 3 months to March 2026") }
    }

    @Test(
        "a manager's words the answer left out are refused",
        arguments: [
            ("eng completions", UnappliedPart.role),
            ("completions for eng team", .role),
            ("how many ppl in the marketing dept took Docker Basics", .role),
            ("completion rate for remote workers", .role),
            ("how many at Initech are behind on Leading Teams", .deadline),
            ("how long between Python Basics and Leading Teams", .timeBetweenBadges),
            ("what's the ratio of completions to drop outs at Initech", .twoMeasures),
            ("any courses nobody's taking?", .exclusion),
            ("how many finished Python Basics on their first try", .repeatEnrollment),
            ("Initech + Hooli completions", .combined),
        ])
    func managersWords(text: String, part: UnappliedPart) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let refused, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(refused == part)
    }

    @Test("logging in and devices are not in the data")
    func absent() throws {
        for text in [
            "how many ppl at Initech logged in last wk", "Docker Basics completions on mobile",
        ] {
            let error = try #require(throws: MatchError.self) { try route(text) }
            guard case .absentMeasure = error.reason else {
                Issue.record("\(text): \(error)")
                continue
            }
        }
    }

    @Test(
        "chat shorthand is read",
        arguments: [
            ("how many ppl at Initech", Measure.learners),
            ("pct of Hooli enrollments completed", .completionRate),
            ("top 2 orgs w/ highest drop pct in 2025", .dropRate),
            ("how many ppl are stuck on Deep Learning", .inProgress),
            ("what do ppl take b4 Deep Learning", .previousBadge),
            ("how far is Hooli thru Leading Teams", .averageProgress),
        ])
    func shorthand(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test(
        "readings a manager's questions got wrong",
        arguments: [
            ("what's the first thing Initech ppl take", Measure.firstBadge),
            ("are Initech ppl finishing Docker Basics faster than Hooli ppl", .timeToComplete),
            ("is Deep Learning getting more popular", .growth),
        ])
    func readings(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test("'versus the previous one' compares with the period before")
    func previousOne() throws {
        let match = try route("Enrollments last quarter versus the previous one")
        // As of 2026-06-30, last quarter is Q1 2026, and the one before it Q4 2025.
        #expect(days(match.filters.dateRange) == ["2026-01-01", "2026-03-31"])
        #expect(days(match.versus) == ["2025-10-01", "2025-12-31"])
    }

    @Test("the organization that declined (lost) the most is not answered with the most growth")
    func declined() throws {
        for text in [
            "Which organization declined the most in 2026?",
            "Which organization lost the most enrollments from Q1 to Q2 2026?",
        ] {
            #expect(throws: MatchError.self, "\(text)") { try route(text) }
        }
        #expect(
            try route("Which organization grew the most in 2026?").intent.ranking?.order == .top)
    }

    @Test(
        "blind test 22's misreadings",
        arguments: [
            (
                "Which badge did the most people drop in 2025?", Measure.dropouts, Breakdown.badge,
                Ranking(.top, count: 1)
            ),
            (
                "Which group had the fewest completions in 2025?", .completions, .organization,
                Ranking(.bottom, count: 1)
            ),
            (
                "Which badge has the min enrollments?", .enrollments, .badge,
                Ranking(.bottom, count: 1)
            ),
            (
                "Which organization has the max completions?", .completions, .organization,
                Ranking(.top, count: 1)
            ),
        ])
    func rankingsRead(text: String, measure: Measure, dimension: Breakdown, ranking: Ranking) throws
    {
        let match = try route(text)
        #expect(match.intent.measure == measure)
        #expect(match.intent.dimension == dimension)
        #expect(match.intent.ranking == ranking)
    }

    @Test(
        "'nobody at Initech' and 'without having started' are refused",
        arguments: [
            ("Which badges did nobody at Initech complete?", UnappliedPart.exclusion),
            (
                "How many learners are still enrolled in Python Basics without having started?",
                .enrolledOnly
            ),
        ])
    func refusedToo(text: String, part: UnappliedPart) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let refused, _) = error.reason else {
            Issue.record("refused for another reason: \(error)")
            return
        }
        #expect(refused == part)
    }

    @Test(
        "the ratio of completions (drop-outs) to enrollments is the completion (drop-out) rate",
        arguments: [
            ("What's the ratio of completions to enrollments at Initech?", Measure.completionRate),
            ("drop-outs per enrollment for Hooli", .dropRate),
        ])
    func ratioIsRate(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test(
        "'compare between Q1 and Q2 2026' sets the two quarters side by side; names compared keep one window"
    )
    func compareBetween() throws {
        let match = try route("How did Docker Basics enrollments compare between Q1 and Q2 2026?")
        #expect(days(match.filters.dateRange) == ["2026-04-01", "2026-06-30"])
        #expect(days(match.versus) == ["2026-01-01", "2026-03-31"])
        let names = try route(
            "Compare Initech and Hooli completions between January and March 2026")
        #expect(names.versus == nil)
        #expect(days(names.filters.dateRange) == ["2026-01-01", "2026-03-31"])
    }
}

/// Shorthand is written out around the names a question gives, never inside one.
@Suite struct ShorthandInNamesTests {
    @Test(
        "'PPL Ground School' and 'Thru Logistics' stay names; 'ppl' and 'thru' around them are read"
    )
    func namesKept() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["PPL Ground School", "Till Basics"], organizations: ["Thru Logistics"],
                categories: [:]),
            asOf: CivilDate(iso: "2026-06-30")!)
        let match = try matcher.route(
            Question(id: "q", text: "how many ppl at Thru Logistics completed PPL Ground School?"))
        #expect(match.filters.badge == "PPL Ground School")
        #expect(match.filters.organization == "Thru Logistics")
        #expect(match.intent.people)
        let till = try matcher.route(
            Question(id: "q", text: "Till Basics enrollments from January thru March 2026"))
        #expect(till.filters.badge == "Till Basics")
        #expect(till.filters.dateRange?.start == CivilDate(iso: "2026-01-01"))
    }
}
