import Testing

@testable import AlmanacCore

/// An attack run named organizations "Total", "First", "Overall", "Each" and "Progress":
/// "how many enrollments were there in total" was Total's 12 months (507 where the whole
/// history is 24,090), "the most common first badge" became First's most popular badge, and
/// "the overall completion rate" Overall's. Written as the name is, they are still the names.
@Suite struct EverydayNameTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics"],
            organizations: ["Total", "First", "Overall", "Each", "Progress", "All", "New", "Top"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    @Test(
        "the word in a question of its own is not the organization",
        arguments: [
            "How many enrollments were there in total?",
            "Which badge is the most common first badge?",
            "What is the overall completion rate?",
            "How many people are enrolled in each badge?",
            "How do learners progress through badges?",
            "How many learners are in progress?",
            "Each badge's completion rate",
            // A second attack run: "All", "Each" and "First" took these too.
            "How many enrollments across all organizations?",
            "What is the completion rate at each organization?",
            "What do learners start with first?",
            "completion rate for learners from all companies",
        ])
    func word(text: String) throws {
        #expect(try route(text).filters.organization == nil, "\(text)")
    }

    @Test(
        "written as the name, quoted, or beside an organization word, it is the organization",
        arguments: [
            ("What is the completion rate at Total?", "Total"),
            ("Enrollments for the 'first' organization", "First"),
            ("How many learners does the progress organization have?", "Progress"),
            ("Top's completion rate", "Top"), ("Total's completion rate", "Total"),
        ])
    func name(text: String, organization: String) throws {
        #expect(try route(text).filters.organization == organization, "\(text)")
    }

    /// A review: the first word was read as a word whatever it was, and "Data completion rate"
    /// lost the organization Data; "the top and bottom badges" took the organization Top.
    @Test("a first word that is a name and no word that picks out is the name; 'and' marks none")
    func review() throws {
        let catalogue = EntityCatalogue(
            badges: ["Go", "Python Basics"], organizations: ["Data", "Top", "Each"], categories: [:]
        )
        let matcher = try Matcher(catalogue: catalogue, asOf: CivilDate(iso: "2026-06-30")!)
        func route(_ text: String) throws -> Match {
            try matcher.route(Question(id: "q", text: text))
        }
        #expect(try route("Data completion rate this year").filters.organization == "Data")
        #expect(try route("Go completion rate").filters.badge == "Go")
        // Refused as two questions, or read, but never as the organization Top.
        let both = try? route("Show the top and bottom badges by completion rate")
        #expect(both?.filters.organization == nil)
        #expect(
            try route("What is the completion rate of each and every badge?").filters.organization
                == nil)
    }

    @Test("two such names set side by side are both compared")
    func compared() throws {
        #expect(try route("Top vs New enrollments").intent.compared == ["Top", "New"])
    }
}

/// An attack run: a badge "2025 Security Awareness" made every "in 2025" question fail ("no
/// badge is called '2025'; did you mean '2025 Security Awareness'?"), and organizations
/// "March Networks" and "Last Week Tonight" did the same to "in March 2026" and "last week".
@Suite struct TimeWordNameTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["2025 Security Awareness", "Python Basics"],
            organizations: ["March Networks", "Last Week Tonight"], categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    @Test(
        "a name that begins with time words does not take the question's time",
        arguments: [
            ("How many enrollments in 2025?", "2025-01-01"),
            ("How many enrollments in March 2026?", "2026-03-01"),
            ("How many enrollments last week?", "2026-06-22"),
        ])
    func time(text: String, start: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: start), "\(text)")
        #expect(match.filters.badge == nil && match.filters.organization == nil)
    }

    @Test("written whole, the name is still found")
    func whole() throws {
        #expect(
            try route("Enrollments in 2025 Security Awareness").filters.badge
                == "2025 Security Awareness")
        #expect(
            try route("How many enrollments at Last Week Tonight?").filters.organization
                == "Last Week Tonight")
    }
}

/// An attack run: "How many new learners enrolled in Python Basics?" gave every learner of the
/// badge, "new" dropped; docs/metrics.md refuses new learners beside a badge too.
@Suite struct NewLearnersBesideBadgeTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-06-24")!)

    @Test("new learners beside a badge are refused as joining the platform")
    func refused() throws {
        #expect(
            try reason("How many new learners enrolled in Python Basics?")
                == .joiningPlatform("new learners"))
        // Where every learner begins is the first badge.
        #expect(try route("Which badge do new learners start with?").intent.measure == .firstBadge)
    }
}
