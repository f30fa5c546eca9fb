import Testing

@testable import AlmanacCore

/// Blind test nineteen (2026-12-06): 209 questions a new user wrote, 38 numbers checked by
/// hand in sqlite3. Each reading below answered something other than what was asked.
@Suite struct BlindNineteenTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: [
                "Python Basics", "Python Intermediate", "Docker Basics", "Leading Teams",
                "Cloud Practitioner", "AWS Solutions Architect", "Security Fundamentals",
            ],
            organizations: ["Initech", "Globex Corporation", "Umbrella Health"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func refusal(_ text: String) throws -> MatchError.Reason {
        try #require(throws: MatchError.self) { try route(text) }.reason
    }

    @Test(
        "each of these is refused for the part the answer would have left out",
        arguments: [
            (
                "How long does it take the slowest 10% of learners to finish Python Basics?",
                UnappliedPart.percentile
            ),
            ("What's the 75th percentile of days to complete Docker Basics?", .percentile),
            ("Show top 3 and bottom 3 badges by completion rate", .twoQuestions),
            ("Completion rate and drop-out rate for Python Basics in 2025", .twoMeasures),
            (
                "How many dropouts did Umbrella Health have in 2025 and how many completions?",
                .twoMeasures
            ),
            (
                "Top 3 badges by completions last month, and their completion rates",
                .rankedByAnother
            ),
            (
                "How many people are currently enrolled in Leading Teams but haven't started?",
                .enrolledOnly
            ),
            (
                "How many learners completed Python Basics but dropped Python Intermediate?",
                .intersection
            ),
            (
                "How many learners completed Cloud Practitioner in 2025 and then enrolled in AWS Solutions Architect?",
                .intersection
            ),
            ("how many learners took Python Intermediate but never Python Basics", .intersection),
            ("How many learners dropped out after completing Python Basics?", .intersection),
            (
                "Number of learners who enrolled in Docker Basics and finished within a week",
                .threshold
            ),
            ("How many people are halfway through Leading Teams?", .threshold),
            ("How many learners completed 3 or more badges?", .perLearner),
            ("How many active learners does Globex Corporation have?", .twoStatuses),
            (
                "Completion rate for Python Basics in 2025 for those who are still active",
                .statusFilter
            ),
        ])
    func refused(text: String, part: UnappliedPart) throws {
        guard case .unapplied(let refused, _) = try refusal(text) else {
            Issue.record("refused for another reason")
            return
        }
        #expect(refused == part)
    }

    @Test("joining the platform is refused even with a badge named")
    func joinedWithBadge() throws {
        let reason = try refusal(
            "What is the completion rate for Security Fundamentals among people who joined the platform in 2025?"
        )
        guard case .joiningPlatform = reason else {
            Issue.record("not refused as joining the platform: \(reason)")
            return
        }
        // Joining a badge is enrolling in it.
        #expect(
            try route("How many people joined Python Basics in 2025?").filters.badge
                == "Python Basics")
    }

    @Test(
        "a count after the ranking word is the ranking's count",
        arguments: [
            ("Median days to complete by organization, fastest 3", 3),
            ("average progress by badge, lowest 4", 4),
        ])
    func countAfterWord(text: String, count: Int) throws {
        #expect(try route(text).intent.ranking?.count == count)
    }

    @Test("the mean against the median is the mean's page, which gives the median beside it")
    func meanVersusMedian() throws {
        let match = try route("What is the mean days to complete Python Basics vs median?")
        #expect(match.intent.measure == .meanTimeToComplete)
    }

    @Test(
        "misspelt measure words are read",
        arguments: [
            ("compl rate for Python Basics in Q1 2026", Measure.completionRate),
            ("whats the complection rate for python basics", .completionRate),
            ("enrollmnts by badge in 2025", .enrollments),
        ])
    func misspelt(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test(
        "near misses of the new rules are answered (a review found each refused or misread)",
        arguments: [
            ("Which badge takes the maximum time to complete?", Measure.timeToComplete),
            ("Did nobody finish Docker Basics at Initech?", .completions),
            ("Completion rate for Initech, which is still active", .completionRate),
            ("How many compleitons at Initech?", .completions),
            ("How many learners are still active in Leading Teams?", .inProgress),
        ])
    func nearMisses(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure)
    }

    @Test("'from highest to lowest' keeps the top; 'and which has the lowest' is refused")
    func order() throws {
        let top = try route("Top 5 organizations by learners, from highest to lowest")
        #expect(top.intent.ranking == Ranking(.top, count: 5))
        // An attack run: "top to bottom" was listed lowest first, as the bottom.
        let whole = try route("completion rate, top to bottom, by organization")
        #expect(whole.intent.ranking == nil && whole.intent.dimension == .organization)
        guard
            case .unapplied(let part, _) = try refusal(
                "Which org has the highest completion rate, and which has the lowest?")
        else {
            Issue.record("not refused")
            return
        }
        #expect(part == .twoQuestions)
    }

    @Test("a word of letters and digits after a preposition is refused as a name, not dropped")
    func lettersAndDigits() throws {
        guard case .noSuchName(_, let written, _) = try refusal("how many ppl dropped out of k8s")
        else {
            Issue.record("not refused as a name")
            return
        }
        #expect(written == "k8s")
        // Times and counts stay what they are.
        #expect(try route("completions in the last 30d").filters.dateRange != nil)
        #expect(
            try route("enrollments in 2025h1").filters.dateRange?.start
                == CivilDate(iso: "2025-01-01"))
    }

    @Test(
        "rankings a review found misread",
        arguments: [
            ("Which is the busiest organization?", Breakdown.organization, Ranking(.top, count: 1)),
            ("Which is the least active organization?", .organization, Ranking(.bottom, count: 1)),
            (
                "What's the maximum number of enrollments in a month?", .period,
                Ranking(.top, count: 1)
            ),
        ])
    func rankings(text: String, dimension: Breakdown, ranking: Ranking) throws {
        let match = try route(text)
        #expect(match.intent.dimension == dimension)
        #expect(match.intent.ranking == ranking)
    }

    @Test("'the most recent 30 days' is a window, not a ranking")
    func mostRecent() throws {
        let match = try route("Enrollments for the most recent 30 days")
        #expect(match.intent.ranking == nil)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-06-01"))
    }

    @Test(
        "'started X this quarter and already finished it' counts that quarter's enrollments completed"
    )
    func startedAndFinished() throws {
        let match = try route(
            "How many people started Docker Basics this quarter and already finished it?")
        #expect(match.intent.measure == .completions)
        #expect(match.intent.completedEnrollments)
    }

    @Test(
        "a rate of the learners of one status, or of the busiest badge, is refused",
        arguments: [
            (
                "What's the completion rate among learners still enrolled?",
                UnappliedPart.statusFilter
            ),
            ("Completion rate for the busiest badge", .rankedByAnother),
        ])
    func rateFilters(text: String, part: UnappliedPart) throws {
        guard case .unapplied(let refused, _) = try refusal(text) else {
            Issue.record("refused for another reason")
            return
        }
        #expect(refused == part)
    }
}
