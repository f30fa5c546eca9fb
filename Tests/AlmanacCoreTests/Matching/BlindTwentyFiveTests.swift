import Testing

@testable import AlmanacCore

/// Blind test twenty-five (2026-12-06): an analyst's precise questions, each number checked
/// with the tester's SQL on the demo database (as of 2026-06-30).
@Suite struct BlindTwentyFiveTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics", "SQL Fundamentals"],
            organizations: ["Initech", "Hooli", "Müller & Söhne GmbH"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func reason(_ text: String) throws -> MatchError.Reason {
        try #require(throws: MatchError.self) { try route(text) }.reason
    }

    /// "Excluding zero-progress ones" was the average progress of all 1,055 (1,002 have
    /// some); "excluding zero" listed exactly the three badges with none.
    @Test(
        "excluding zeros is refused like any exclusion",
        arguments: [
            "How many enrollments in 2025 at Initech, excluding zero-progress ones?",
            "Bottom 3 badges by enrollments at Müller & Söhne GmbH in Q1 2026 excluding zero",
        ])
    func excludingZero(text: String) throws {
        guard case .unapplied(let part, _) = try reason(text) else {
            Issue.record("refused for another reason")
            return
        }
        #expect(part == .exclusion)
    }

    /// Joining in 2025 (55.33%, 83 of 150) was read as enrolling in 2025 (52.67%); "who
    /// joined in Q1 2025 completed Python Basics" counted completions in Q1 2025.
    @Test(
        "joining or being hired in a window is joining the platform, a badge named or not",
        arguments: [
            "What is the completion rate of Python Basics at Initech for learners who joined in 2025?",
            "How many learners who joined in Q1 2025 completed Python Basics?",
            "What is the completion rate for people hired in 2025 at Initech?",
        ])
    func joinedInWindow(text: String) throws {
        guard case .joiningPlatform = try reason(text) else {
            Issue.record("refused for another reason")
            return
        }
    }

    @Test("enrolling in a badge in a window is still enrolling")
    func joinedBadge() throws {
        let match = try route("people who joined Python Basics in 2025")
        #expect(match.filters.badge == "Python Basics")
        #expect(match.filters.dateRange != nil)
    }

    /// "In fall 2025" was the whole of 2025 (10,266; September to December hold 3,704).
    @Test("a season named 'fall' is a time Almanac cannot read")
    func fall() throws {
        guard case .unreadableTime = try reason("How many enrollments in fall 2025?") else {
            Issue.record("refused for another reason")
            return
        }
    }

    /// 25.1 days over the enrollments made in Q1 2026; the completions made then took 23.4.
    @Test(
        "the time to complete of the completions in a window is refused",
        arguments: [
            "What is the median time to complete for completions between 2026-01-01 and 2026-03-31?",
            "How long did learners who completed a badge in Q1 2026 take, median?",
            "For Python Basics completions in 2025 at Initech, what was the median days to complete?",
        ])
    func completionWindow(text: String) throws {
        guard case .unapplied(let part, _) = try reason(text) else {
            Issue.record("refused for another reason")
            return
        }
        #expect(part == .completionWindow)
    }

    @Test(
        "the time to complete of a window's enrollments is still answered",
        arguments: [
            "median time to complete in Q1 2026", "how long does Python Basics take in 2025",
        ])
    func timeOfEnrollments(text: String) throws {
        #expect(try route(text).intent.measure == .timeToComplete)
    }

    /// Only "which badge did they drop most" was answered; the total (217) was dropped.
    @Test("a count and a question about it are two questions")
    func countAndQuestion() throws {
        guard
            case .unapplied(let part, _) = try reason(
                "How many Initech learners dropped out in 2025, and which badge did they drop most?"
            )
        else {
            Issue.record("refused for another reason")
            return
        }
        #expect(part == .twoQuestions)
    }
}
