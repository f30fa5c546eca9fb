import Testing

@testable import AlmanacCore

/// A tenth blind test (2026-12-06), after the day's new readings: "top" with a low-end word,
/// "as of" a month for a status, learners of a window's enrollments, and refusals of
/// reasonable questions. As of 2026-09-30; worked out by hand.
@Suite struct BlindTenTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Deep Learning", "SQL Fundamentals"],
            organizations: ["Acme & Sons", "Globex Corporation", "Initech", "Hooli"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    @Test(
        "'top N' marks the ranking; the next order word gives its order",
        arguments: [
            ("Top 3 fastest badges to complete", "time_to_complete", "bottom"),
            ("Top 3 badges with the lowest completion rate", "completion_rate", "bottom"),
            ("Top 3 least popular badges", "enrollments", "bottom"),
            ("Top 5 organizations with the fewest completions in 2025", "completions", "bottom"),
            ("Top 3 slowest badges to complete", "time_to_complete", "top"),
            ("Top 3 badges by enrollments", "enrollments", "top"),
            ("Top 5 most popular badges", "enrollments", "top"),
        ])
    func topMarker(text: String, measure: String, order: String) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.intent.ranking?.order.rawValue == order)
    }

    @Test(
        "a rate, a status or a time 'as of' a past day is refused with --as-of; counts are read",
        arguments: [
            ("What is the completion rate as of March 2026?", true),
            ("How many learners were in progress as of December 2025?", true),
            ("Median time to complete Python Basics as of December 2025", true),
            ("How many enrollments did Python Basics have as of March 2026?", false),
            ("How many completions as of December 2025?", false),
        ])
    func statusAsOf(text: String, refused: Bool) throws {
        if refused {
            let error = try #require(throws: MatchError.self) { try route(text) }
            guard case .statusOnDay = error.reason else {
                Issue.record("\(error.reason)")
                return
            }
        } else {
            #expect(try route(text).filters.dateRange?.start == nil)
        }
    }

    @Test(
        "learners who enrolled in a window and completed: distinct learners, dated by enrollment",
        arguments: [
            "Learners who enrolled in Q1 2026 and completed",
            "How many learners enrolled in Q1 2026 and completed?",
            "Learners at Initech who enrolled in Q1 2026 and finished",
        ])
    func enrolledAndCompleted(text: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .completions)
        #expect(match.intent.people)
        #expect(match.intent.completedEnrollments)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-01-01"))
    }

    @Test("the learners of an organization written with 's are counted as learners")
    func possessiveLearners() throws {
        let match = try route(
            "How many of Globex Corporation's learners completed a badge in 2025?")
        #expect(match.intent.people)
        #expect(match.filters.organization == "Globex Corporation")
    }
}

extension BlindTenTests {
    @Test(
        "reasonable questions the day's refusals caught are answered",
        arguments: [
            ("Top 3 badges by completion rate and their completion rates", "completion_rate"),
            ("Which badge has the most enrollments and how many does it have?", "enrollments"),
            ("How many badges did learners at Initech complete?", "completions"),
            ("Which badge takes the least time at Acme & Sons?", "time_to_complete"),
        ])
    func answered(text: String, measure: String) throws {
        #expect(try route(text).intent.measure.rawValue == measure)
    }

    @Test(
        "refused with their own reason",
        arguments: [
            (
                "Which badge has the most enrollments in every organization?",
                UnappliedPart.twoBreakdowns
            ),
            ("How many completions per badge per month?", .twoBreakdowns),
            ("Quarterly completions for each badge", .twoBreakdowns),
            ("Weekly completions by organization", .twoBreakdowns),
        ])
    func refused(text: String, part: UnappliedPart) throws {
        let error = try #require(throws: MatchError.self) { try route(text) }
        guard case .unapplied(let refused, _) = error.reason else {
            Issue.record("\(error.reason)")
            return
        }
        #expect(refused == part)
    }

    @Test("'late 2025' is a time Almanac cannot read, not a deadline")
    func lateYear() throws {
        let error = try #require(throws: MatchError.self) {
            try route("How many enrollments in late 2025?")
        }
        guard case .unreadableTime = error.reason else {
            Issue.record("\(error.reason)")
            return
        }
    }
}

extension BlindTenTests {
    @Test(
        "a second window without a year is the latest begun by the end of the first",
        arguments: [
            ("How many enrollments in March 2025 vs February?", "2025-02-01", "2025-03-01"),
            ("Enrollments in Q2 2025 vs Q1", "2025-01-01", "2025-04-01"),
            (
                "Enrollments in the second half of 2025 vs the first half", "2025-01-01",
                "2025-07-01"
            ),
            ("Enrollments in Q1 2026 vs Q4", "2025-10-01", "2026-01-01"),
            // Neither with a year: the latest before the as-of date, as any window.
            ("Enrollments in March vs February", "2026-02-01", "2026-03-01"),
        ])
    func versusYear(text: String, start: String, end: String) throws {
        let match = try route(text)
        #expect(match.versus?.start == CivilDate(iso: start))
        #expect(match.versus?.end == CivilDate(iso: end))
    }
}

extension BlindTenTests {
    @Test("a category named with the word 'category' is a category, refused")
    func categoryWord() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Cloud Practitioner", "Python Basics"], organizations: ["Initech"],
                categories: ["Cloud Practitioner": "Cloud", "Python Basics": "Programming"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        let error = try #require(throws: MatchError.self) {
            try matcher.route(
                Question(id: "q", text: "Which badge in the cloud category is most popular?"))
        }
        #expect(error.reason == .category("cloud category"))
    }
}

extension BlindTenTests {
    @Test(
        "a change from a window to another that leaves its year to the second is the two windows",
        arguments: [
            ("How did enrollments grow from Q1 to Q2 2026?", "2026-04-01", "2026-01-01"),
            (
                "How did enrollments change between March and April 2026?", "2026-04-01",
                "2026-03-01"
            ),
        ])
    func fromToWithOneYear(text: String, start: String, versus: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: start))
        #expect(match.versus?.start == CivilDate(iso: versus))
    }
}

extension BlindTenTests {
    @Test(
        "names set side by side without a measure compare enrollments; 'more learners' counts learners",
        arguments: [
            ("Compare Initech and Hooli", "enrollments", ["Initech", "Hooli"]),
            ("Python Basics at Initech vs Hooli", "enrollments", ["Initech", "Hooli"]),
            ("Which has more learners: Initech or Hooli?", "learners", ["Initech", "Hooli"]),
            ("Does Initech or Hooli have more learners?", "learners", ["Initech", "Hooli"]),
        ])
    func namesCompared(text: String, measure: String, compared: [String]) throws {
        let match = try route(text)
        #expect(match.intent.measure.rawValue == measure)
        #expect(match.intent.compared == compared)
    }
}

extension BlindTenTests {
    @Test(
        "users who registered are the platform's sign-ups, refused; registered for a badge enrolled"
    )
    func registered() throws {
        let error = try #require(throws: MatchError.self) {
            try route("How many users registered in 2025?")
        }
        #expect(error.description.contains("joining the platform"), "\(error.description)")
        let match = try route("How many learners registered for Python Basics in 2025?")
        #expect(match.filters.badge == "Python Basics")
        #expect(match.intent.measure == .learners)
    }
}
