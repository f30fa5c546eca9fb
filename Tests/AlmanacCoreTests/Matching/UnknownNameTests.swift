import Testing

@testable import AlmanacCore

/// Issue 20: no part of a question vanishes. A name the question clearly gives that names
/// nothing, a measure the data does not hold, and joining the platform are refused, quoting
/// the words; the expected errors are written out whole.
@Suite struct UnknownNameTests {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Advanced Python", "Deep Learning", "Docker Basics"],
            organizations: ["Acme & Sons", "Globex Corporation", "Initech"]),
        asOf: CivilDate(iso: "2026-09-30")!)

    func refusal(_ text: String) -> MatchError.Reason? {
        do {
            let match = try matcher.route(Question(id: "q", text: text))
            Issue.record("routed as \(match.intentSummary) with \(match.filters)")
            return nil
        } catch let error as MatchError {
            return error.reason
        } catch {
            Issue.record("not a MatchError: \(error)")
            return nil
        }
    }

    @Test(
        "a name given clearly that names nothing is refused with the closest real names",
        arguments: [
            // After "from" or "at": an organization. Closest: most words shared, then edits.
            (
                "How many learners from Pied Piper completed a course?",
                MatchError.Reason.noSuchName(
                    kind: "organization", written: "Pied Piper",
                    closest: ["Initech", "Acme & Sons", "Globex Corporation"])
            ),
            // Closest (worked out with a separate Levenshtein in Python): a name that contains
            // the words, then most words shared, then fewest edits, then by name.
            // Before a badge word: a badge; "Basics" is shared with two names, which are
            // close; "Deep Learning", far from it, is left out.
            (
                "How many people enrolled in the Rust Basics course?",
                .noSuchName(
                    kind: "badge", written: "Rust Basics",
                    closest: ["Docker Basics", "Python Basics"])
            ),
            // In quotes, in lower case, with no word around it that says which kind.
            (
                "What is the completion rate for 'data science'?",
                .noSuchName(
                    kind: nil, written: "data science",
                    closest: ["Acme & Sons", "Deep Learning", "Initech"])
            ),
            // "the … badge" in lower case.
            (
                "How many people took the rust badge?",
                .noSuchName(
                    kind: "badge", written: "rust",
                    closest: ["Docker Basics", "Deep Learning", "Python Basics"])
            ),
            // A capitalized word in the middle of a question.
            (
                "What is the drop-out rate of Kubernetes learners?",
                .noSuchName(
                    kind: nil, written: "Kubernetes",
                    closest: ["Initech", "Acme & Sons", "Docker Basics"])
            ),
            // A word inside a longer name counts first: "Trust" holds "rust".
        ])
    func unknownName(text: String, expected: MatchError.Reason) {
        #expect(refusal(text) == expected)
    }

    @Test(
        "a measure the data does not hold is refused, quoting the word",
        arguments: [
            ("What was the revenue from Python Basics last year?", "revenue"),
            ("Which course has the best ratings?", "ratings"),
            ("Average test scores by organization", "scores"),
            ("What is the average age of learners at Initech?", "age"),
            ("How satisfied are learners? Show satisfaction by badge", "satisfied"),
            ("Salary of people who completed Deep Learning", "salary"),
            ("How much does Docker Basics cost?", "cost"),
            ("Revenue by quarter", "revenue"),
            ("Completions by country", "country"),
        ])
    func absentMeasure(text: String, word: String) {
        #expect(refusal(text) == .absentMeasure(word))
    }

    @Test(
        "joining the platform is never answered with enrollments",
        arguments: [
            ("How many new learners joined the platform last month?", "new learners"),
            ("How many learners joined in 2025?", "joined"),
            ("How many users signed up to the platform this year?", "signed up to the platform"),
        ])
    func joiningPlatform(text: String, phrase: String) {
        #expect(refusal(text) == .joiningPlatform(phrase))
    }

    @Test("ordinary capitals, time words and known names are not taken for names")
    func notNames() throws {
        for text in [
            "Which Badges Have The Most Enrollments In Q3 2025?",
            "What is the completion rate at Globex Corporation in March?",
            "How many learners joined Python Basics in 2025?",
            "What is the most popular course for Acme & Sons?",
            "Which badge has the lowest completion rate in H1 2026?",
            "How many people took the toughest course?",
        ] {
            #expect(throws: Never.self, "\(text)") {
                try matcher.route(Question(id: "q", text: text))
            }
        }
    }

    @Test("messages cut a long name, and every kind of name is cut the same way")
    func boundedMessages() {
        let long = String(repeating: "Rust ", count: 20_000)
        let error = MatchError(
            questionID: "q", text: "",
            reason: .noSuchName(kind: "badge", written: long, closest: [long, long, long]))
        #expect(error.description.count < 600)
        let miss = MatchError(
            questionID: "q", text: "",
            reason: .unknownName(kind: "badge", written: long, suggestion: long))
        #expect(miss.description.count < 300)
    }
}

extension UnknownNameTests {
    @Test("a name that contains the words comes first among the closest")
    func containing() {
        let matcher = try! Matcher(
            catalogue: EntityCatalogue(
                badges: ["Zero Trust Networks", "Python Basics", "Docker Basics"],
                organizations: []))
        // By edits alone "rust" is nearer "Docker Basics" (11) than "Zero Trust Networks" (15);
        // neither Basics is close to it (four letters allow one edit), so they are left out.
        #expect(
            throws: MatchError(
                questionID: "q", text: "How many people took the rust badge?",
                reason: .noSuchName(
                    kind: "badge", written: "rust", closest: ["Zero Trust Networks"]))
        ) { try matcher.route(Question(id: "q", text: "How many people took the rust badge?")) }
    }

    @Test("only the close names are offered when some are; a swap of two letters is one edit")
    func onlyClose() {
        let matcher = try! Matcher(
            catalogue: EntityCatalogue(
                badges: ["SQL Fundamentals", "Security Fundamentals", "Leading Teams"],
                organizations: ["Acme & Sons", "Hooli", "Initech"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        func refusal(_ text: String) -> MatchError? {
            do {
                _ = try matcher.route(Question(id: "q", text: text))
                return nil
            } catch { return error as? MatchError }
        }
        // "Fundamentals" is shared with two badges, which both come; "Leading Teams" shares
        // nothing and is 13 edits away, so it does not. SQL's "rust" → "sql" is four
        // edits, Security's six: SQL first.
        #expect(
            refusal("How many people are enrolled in the Rust Fundamentals badge?")?.reason
                == .noSuchName(
                    kind: "badge", written: "Rust Fundamentals",
                    closest: ["SQL Fundamentals", "Security Fundamentals"]))
        // "Hooil" is "Hooli" with its last two letters swapped: one edit, as many as its five
        // letters allow; "Initech" and "Acme & Sons" are 7 and 10 away (a separate OSA in Python).
        let hooil = refusal("What is the completion rate at Hooil?")
        #expect(
            hooil?.reason
                == .noSuchName(kind: "organization", written: "Hooil", closest: ["Hooli"]))
        #expect(
            hooil?.description
                == "question `q`: no organization is called 'Hooil'; the closest name is 'Hooli'. Name one that exists, or leave the name out to ask across all of them"
        )
        // Nothing close to "Pied Piper": the three nearest, as before.
        #expect(
            refusal("How many learners from Pied Piper completed a course?")?.reason
                == .noSuchName(
                    kind: "organization", written: "Pied Piper",
                    closest: ["Initech", "Hooli", "Acme & Sons"]))
    }
}

extension UnknownNameTests {
    @Test("ordinary words and headlines are no names, and the suggestions of a refusal all route")
    func noFalseNames() throws {
        let demo = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Python Basics", "Advanced Python", "Deep Learning", "Docker Basics"],
                organizations: ["Acme & Sons", "Globex Corporation", "Initech"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        for text in [
            "How many enrollments did we get YoY?",
            "Hi Almanac, how many enrollments were there in 2025?",
            "How many enrollments in 2025 (Excel export)?",
            "Top Badges By Enrollment Count",
            "Badge Popularity Ranking",
            "Which courses do people join the most?",
            "What is the difference in completion rate between Acme & Sons and Initech?",
            "What year-over-year growth did enrollments see?",
        ] {
            #expect(throws: Never.self, "\(text)") {
                try demo.route(Question(id: "q", text: text))
            }
        }
        for example in Matcher.examples {
            #expect(throws: Never.self, "\(example)") {
                try demo.route(Question(id: "q", text: example))
            }
        }
    }

    @Test(
        "registered users and new hires are joining the platform; the Sales team is a team the data does not hold"
    )
    func moreRefusals() {
        #expect(
            refusal("How many registered users do we have?") == .joiningPlatform("registered users")
        )
        #expect(refusal("How many new hires enrolled last month?") == .joiningPlatform("new hires"))
        #expect(
            refusal("How many learners from the Sales team completed Python Basics?")
                == .unapplied(.role, "sales team"))
    }
}
