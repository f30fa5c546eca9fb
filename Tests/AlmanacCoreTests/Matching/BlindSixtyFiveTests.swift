import Testing

@testable import AlmanacCore

/// Blind test sixty-five (2026-12-07), a head of learning's hurried questions: "so far this yr
/// vs same time ly" dropped its comparison (213 completions given, against 166 the same days
/// of 2025), "UH completion rate YTD" gave the platform's 49.59 %, "for clinical staff" and
/// "for the frontline team" the whole organization's rate, "top course YTD and its
/// completion rate" every badge by rate, and "2026 vs 2025 YoY" was refused. As of
/// 2026-09-30; windows worked out by hand.
@Suite struct BlindSixtyFiveTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Deep Learning"],
            organizations: ["Umbrella Health", "Hooli", "Initech"], categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "'same time ly' is the same days of last year",
        arguments: [
            "umbrella health completions so far this yr vs same time ly",
            "umbrella health enrollments this yr vs same time ly",
        ])
    func sameTimeLastYear(text: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: "2025-01-01"), "\(text)")
        #expect(match.versus?.end == CivilDate(iso: "2025-10-01"), "\(text)")
    }

    @Test("two years set side by side with 'YoY' are the two years")
    func yearOverYear() throws {
        for text in [
            "umbrella health completions 2026 vs 2025 YoY", "YoY completions 2026 vs 2025",
            "completions 2026 vs 2025 year over year",
        ] {
            let match = try route(text)
            #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"), "\(text)")
            #expect(match.versus?.start == CivilDate(iso: "2025-01-01"), "\(text)")
            #expect(match.intent.measure == .completions, "\(text)")
        }
        // Alone, "YoY growth" is still the growth.
        #expect(try route("YoY growth in enrollments").intent.measure == .growth)
    }

    @Test("a name in capitals that opens the question is a name, with its initials' match")
    func initialsOpening() throws {
        #expect(
            try reason("UH completion rate YTD")
                == .noSuchName(kind: nil, written: "UH", closest: ["Umbrella Health"]))
        for text in [
            "YTD completion rate", "KPI completion rate this year", "MoM enrollments at Initech",
        ] {
            #expect(throws: Never.self, "\(text)") { try route(text) }
        }
    }

    @Test(
        "a part of an organization's staff is refused as a role",
        arguments: [
            "umbrella health completion rate for clinical staff",
            "umbrella health completion rate for the frontline team",
        ])
    func staff(text: String) throws {
        #expect(try refusedPart(text) == .role, "\(text)")
    }

    @Test("first-timers are first-time learners, which the data does not hold")
    func firstTimers() throws {
        #expect(
            try reason("umbrella health completion rate for first-timers")
                == .absentMeasure("first-timers"))
    }

    @Test(
        "the top course and its rate is ranked by one measure, reported in another",
        arguments: [
            "umbrella health top course YTD and its completion rate",
            "umbrella health most popular course YTD and its completion rate",
        ])
    func topCourseRate(text: String) throws {
        #expect(try refusedPart(text) == .rankedByAnother, "\(text)")
    }

    /// "How are we doing at Umbrella Healthcare" listed example questions; "completion rate
    /// at Umbrella Healthcare" said the name was not there, with the closest.
    @Test("a question of no kind that names what is not there says so")
    func unknownNameOfNoKind() throws {
        #expect(
            try reason("how are we doing at Umbrella Healthcare")
                == .noSuchName(
                    kind: "organization", written: "Umbrella Healthcare",
                    closest: ["Umbrella Health"]))
        guard case .noMatch = try reason("how are we doing at Initech") else {
            Issue.record(
                "a known name in a question of no kind: \(try reason("how are we doing at Initech"))"
            )
            return
        }
    }

    /// "Q3 vs Q2 vs Q1" was told to set its windows side by side with "against", as it had.
    @Test("three windows set side by side are named, all three")
    func threeWindows() throws {
        #expect(
            try reason("umbrella health enrollments Q3 vs Q2 vs Q1")
                == .moreWindows(["Q3", "Q2", "Q1"]))
    }

    /// "umbrella health k8s completion rate" was offered 'Hooli', 'Initech', 'Acme & Sons'.
    @Test("a short form of a badge's first word finds that badge among the closest")
    func shortForm() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Kubernetes Essentials", "Python Basics"],
                organizations: ["Umbrella Health", "Hooli"], categories: [:]),
            asOf: CivilDate(iso: "2026-09-30")!)
        let error = try #require(throws: MatchError.self) {
            try matcher.route(Question(id: "q", text: "umbrella health k8s completion rate"))
        }
        #expect(
            error.reason
                == .noSuchName(kind: nil, written: "k8s", closest: ["Kubernetes Essentials"]))
    }
}

/// Blind test sixty-six (2026-12-07): a channel ("the Q3 email campaign", "the partner
/// channel", "the Python Basics promo"), a way of taking a badge ("instructor-led Python
/// Basics"), initials ("WE") and a role after an organization's name ("Acme & Sons managers")
/// were dropped and the wider scope's number given.
@Suite struct BlindSixtySixTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "Leading Teams"],
            organizations: ["Acme & Sons", "Wayne Enterprises", "Umbrella Health"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a channel is data Almanac does not hold, quoted",
        arguments: [
            (
                "What is the completion rate at Acme & Sons for the Q3 email campaign?",
                "email campaign"
            ),
            ("How many enrollments came through the partner channel this year?", "partner channel"),
            ("How many enrollments did the Python Basics promo drive in September 2026?", "promo"),
            ("How many enrollments in Python Basics came from the September campaign?", "campaign"),
            ("How many learners completed Docker Basics via the partner portal?", "partner portal"),
            ("What's the completion rate for the webinar cohort?", "webinar"),
            ("How many learners enrolled via Slack?", "via slack"),
            ("How many completions came from the Android app?", "android app"),
            ("What is the completion rate for Gen Z learners?", "gen z"),
            ("How many referrals enrolled in 2025?", "referrals"),
            // A final probe: an age, which got the thresholds' message.
            (
                "How many Umbrella Health learners under 30 completed a badge this year?",
                "learners under 30"
            ),
            ("How many learners over 50 enrolled?", "learners over 50"),
        ])
    func channel(text: String, quoted: String) throws {
        #expect(try reason(text) == .absentMeasure(quoted), "\(text)")
    }

    @Test(
        "a way of taking a badge, or a role after an organization's name, is refused",
        arguments: [
            (
                "What is the completion rate for instructor-led Python Basics?",
                UnappliedPart.attribute
            ),
            ("How many Acme & Sons managers completed Leading Teams?", .role),
            ("How many Umbrella Health nurses completed Python Basics?", .role),
        ])
    func partOfScope(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    /// "How many alumni does Hooli have" gave its 327 completed enrollments; 102 learners
    /// completed (`sqlite3` on the demo).
    @Test("alumni and graduates counted are learners who completed")
    func alumniArePeople() throws {
        for text in [
            "How many alumni does Umbrella Health have?", "Number of graduates of Python Basics",
        ] {
            let match = try route(text)
            #expect(match.intent.measure == .completions, "\(text)")
            #expect(match.intent.people, "\(text)")
        }
        #expect(try !route("How many completions did Umbrella Health have?").intent.people)
    }

    @Test("a name's initials in capitals inside the question are a name; 'we' is a word")
    func initialsInside() throws {
        #expect(
            try reason("How many enrollments did WE have in 2025?")
                == .noSuchName(kind: nil, written: "WE", closest: ["Wayne Enterprises"]))
        #expect(throws: Never.self) { try route("How many enrollments did we have in 2025?") }
        #expect(try route("What is the completion rate by cohort?").intent.dimension == .cohort)
    }
}
