import Testing

@testable import AlmanacCore

/// Blind test sixty-three (2026-12-07): a device, a channel or a place was dropped and the
/// badge's number given ("Kubernetes Essentials on their phones" was its 732 learners, "the
/// drop-out rate on iPad for Deep Learning" its 64.38 %), "the completion rate for the 3
/// slowest badges" gave their median days, and "enrolled in Python Basics at the moment" those
/// in progress alone (37, where 132 more had not started).
@Suite struct BlindSixtyThreeTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Kubernetes Essentials", "Deep Learning", "Docker Basics"],
            organizations: ["Initech", "Hooli"], categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a device or a channel is a measure the data does not hold, quoted whole",
        arguments: [
            ("How many learners took Kubernetes Essentials on their phones?", "on their phones"),
            ("How many learners enrolled via the iOS app last month?", "via the ios app"),
            ("What is the drop-out rate on iPad for Deep Learning?", "on ipad"),
            ("How many learners completed Python Basics on a desktop?", "on a desktop"),
            ("How many mobile learners completed Python Basics?", "mobile learners"),
            ("How many enrollments came from tablets?", "from tablets"),
            ("How many completions on the mobile app?", "on the mobile app"),
            (
                "How many learners enrolled in Docker Basics after a reminder email?",
                "after a reminder email"
            ),
        ])
    func device(text: String, quoted: String) throws {
        #expect(try reason(text) == .absentMeasure(quoted), "\(text)")
    }

    @Test(
        "a rate of badges ranked by their speed is ranked by another measure",
        arguments: [
            "What is the completion rate for the 3 slowest badges?",
            "Drop-out rate of the fastest badge",
        ])
    func rateOfSlowest(text: String) throws {
        #expect(try refusedPart(text) == .rankedByAnother, "\(text)")
    }

    @Test("the time to complete of the slowest badges is still their ranking by it")
    func timeOfSlowest() throws {
        let match = try route("What is the median time to complete for the 3 slowest badges?")
        #expect(match.intent.measure == .timeToComplete)
        #expect(match.intent.ranking == Ranking(.top, count: 3))
    }

    @Test(
        "enrolled or taking a badge now is two statuses",
        arguments: [
            "How many learners are enrolled in Python Basics at the moment?",
            "How many learners are enrolled in Python Basics right now at Hooli?",
            "How many people are taking Python Basics today?",
        ])
    func enrolledNow(text: String) throws {
        #expect(try refusedPart(text) == .twoStatuses, "\(text)")
    }

    @Test(
        "a status named beside 'currently', enrollments made today, and today as a window's end are still read",
        arguments: [
            ("How many learners enrolled in 2025 are currently in progress?", Measure.inProgress),
            ("How many learners are in progress in Python Basics right now?", .inProgress),
            ("How many enrollments were made today?", .enrollments),
            ("How many learners are currently taking Python Basics?", .inProgress),
            // A review found these refused as two statuses.
            (
                "How many learners are enrolled in Python Basics from January until today?",
                .learners
            ),
        ])
    func statusNamed(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure, "\(text)")
    }

    @Test(
        "a place is refused as a place",
        arguments: [
            "How many learners in Germany completed Python Basics?",
            "How many enrollments came from France in 2025?",
            "What is the completion rate in Europe?",
            "How many US learners enrolled in 2025?",
        ])
    func place(text: String) throws {
        #expect(try refusedPart(text) == .place, "\(text)")
    }

    @Test(
        "a time no form reads is quoted with the words after the one that opens it",
        arguments: [
            ("How many learners enrolled since last summer?", "since last summer"),
            ("How many enrollments this summer?", "this summer"),
            ("umbrella health enrollments since we launched", "since we launched"),
        ])
    func unreadTime(text: String, phrase: String) throws {
        #expect(try reason(text) == .unreadableTime(phrase))
    }

    @Test("learners who enrolled themselves are a kind of learner, not a line on a measure")
    func selfEnrolled() throws {
        #expect(
            try refusedPart("How many self-enrolled learners completed Python Basics?")
                == .attribute)
    }

    /// An attack run: "Which badges are most popular with people who took Python Basics?"
    /// gave "Python Basics (2,829 learners)", the badge ranked among itself (the learners of
    /// Python Basics took Python Intermediate next most, 1,722).
    @Test(
        "badges asked of one badge's learners are refused, not ranked among that one badge",
        arguments: [
            "Which badges are most popular with people who took Python Basics?",
            "What other badges do Python Basics learners take?",
            "Which 3 badges have the most learners among Deep Learning learners?",
            // A review: ranked among itself, "Python Basics (66.17%)".
            "Where does Python Basics rank among badges by completion rate?",
        ])
    func badgesOfOneBadge(text: String) throws {
        #expect(try refusedPart(text) == .badgeAmongBadges, "\(text)")
    }

    @Test(
        "one badge named beside a ranking of badges, or what its learners take next, is read",
        arguments: [
            "What is the completion rate of Python Basics, our most popular badge?",
            "What do Python Basics learners take next?",
            "How many learners are enrolled in Python Basics?",
        ])
    func oneBadgeRead(text: String) throws {
        #expect(throws: Never.self, "\(text)") { try route(text) }
    }
}
