import Testing

@testable import AlmanacCore

/// The matcher keeps what it read of each masked wording (`Matcher.Memo`) and folds ASCII
/// text by its lower case (`EntityFinder.nearMisses`); neither may change a route.
@Suite struct MatcherMemoTests {
    static let texts =
        (IntentTableTests.rows + IntentTableTests.roundThree + IntentTableTests.blindFour)
        .map(\.text)
        + (IntentTableTests.refusals + IntentTableTests.roundThreeRefusals
        + IntentTableTests.blindFourRefusals).map(\.text)

    static func fresh() -> Matcher {
        try! Matcher(
            catalogue: IntentTableTests.catalogue, asOf: CivilDate(iso: "2026-09-30")!)
    }

    /// A route or its refusal, comparable.
    static func outcome(_ matcher: Matcher, _ text: String) -> Result<Match, MatchError> {
        do {
            return .success(try matcher.route(Question(id: "q", text: text)))
        } catch let error as MatchError {
            return .failure(error)
        } catch {
            Issue.record("not a MatchError: \(error)")
            return .failure(MatchError(questionID: "q", text: text, reason: .noMatch(closest: [])))
        }
    }

    @Test("one matcher routing every phrasing twice routes each as a new matcher does")
    func memoKeepsRoutes() {
        #expect(Self.texts.count > 300)
        let shared = Self.fresh()
        // Names swapped for others of the same kind: the same masked wording, other names.
        let swapped = Self.texts.map {
            $0.replacingOccurrences(of: "Python Basics", with: "Docker Basics")
                .replacingOccurrences(of: "Initech", with: "Stark Industries")
        }
        for text in Self.texts + swapped + Self.texts {
            let expected = Self.outcome(Self.fresh(), text)
            #expect(Self.outcome(shared, text) == expected, "\(text)")
        }
    }

    @Test("every ASCII character but CR folds to its lower case, alone and in a run")
    func asciiFolds() {
        // The near-miss search folds ASCII text by lowercasing it whole (no accents to drop).
        var all = ""
        for value in UInt8(0)...0x7F where value != 0x0D {
            let text = String(UnicodeScalar(value))
            #expect(EntityFinder.fold(text) == text.lowercased())
            #expect(Array(EntityFinder.fold(text)).count == 1)
            all += text
        }
        #expect(Array(EntityFinder.fold(all)) == Array(all.lowercased()))
        #expect(Array(all).count == 127)
    }

    @Test("a misspelt name is found the same in ASCII text and beside an accented word")
    func nearMissesAcrossPaths() {
        let finder = EntityFinder(IntentTableTests.catalogue)
        // By hand: "Pyhton" is two edits from "Python" (a swap), allowed for a name of 10
        // characters or more; "Umbrela" one from "Umbrella".
        let expected: Set = ["Python Basics/Pyhton Basics/2", "Umbrella Health/Umbrela Health/1"]
        for text in [
            "Completion rate of Pyhton Basics at Umbrela Health",
            "Completion rate of Pyhton Basics à Umbrela Health",
        ] {
            let misses = finder.nearMisses(in: text, excluding: finder.exact(in: text))
            #expect(Set(misses.map { "\($0.name)/\($0.written)/\($0.distance)" }) == expected)
        }
        // The start of a longer name, capitalized: read as that name cut short.
        let cut = finder.nearMisses(in: "How many at Umbrella?", excluding: [])
        #expect(cut.map(\.name) == ["Umbrella Health"])
        #expect(cut.map(\.range) == [12..<20])
    }

    @Test("serve's builder keeps its matcher only while the patterns, names and date are the same")
    func shelfKeepsMatcher() throws {
        let shelf = MatcherShelf()
        let asOf = CivilDate(iso: "2026-09-30")!
        let before = EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"])
        let first = try shelf.matcher(overrides: [:], catalogue: before, asOf: asOf)
        #expect(
            try shelf.matcher(overrides: [:], catalogue: before, asOf: asOf).memo === first.memo)
        let question = Question(
            id: "rust", text: "How many people are enrolled in Rust Basics?", line: 4)
        // Refused as unknown while the database has no such badge ...
        #expect(throws: MatchError.self) { try first.route(question) }
        // ... and read once it has: a new badge makes a new matcher, which does not remember
        // the refusal.
        let after = EntityCatalogue(
            badges: ["Python Basics", "Rust Basics"], organizations: ["Initech"])
        let second = try shelf.matcher(overrides: [:], catalogue: after, asOf: asOf)
        #expect(second.memo !== first.memo)
        #expect(try second.route(question).filters.badge == "Rust Basics")
        // Another as-of date or another pattern is another matcher too.
        let later = try shelf.matcher(
            overrides: [:], catalogue: after, asOf: CivilDate(iso: "2026-10-07")!)
        #expect(later.memo !== second.memo)
        let patterned = try shelf.matcher(
            overrides: [.badgeEnrollments: PatternOverride(add: ["signups"])],
            catalogue: after, asOf: CivilDate(iso: "2026-10-07")!)
        #expect(patterned.memo !== later.memo)
    }

    @Test("a new badge category is a new matcher too, and only the file's routes are kept")
    func shelfCategoriesAndPruning() throws {
        let shelf = MatcherShelf()
        let asOf = CivilDate(iso: "2026-09-30")!
        let plain = EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech"], categories: [:])
        let first = try shelf.matcher(overrides: [:], catalogue: plain, asOf: asOf)
        let grouped = EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech"],
            categories: ["Python Basics": "Programming"])
        #expect(
            try shelf.matcher(overrides: [:], catalogue: grouped, asOf: asOf).memo !== first.memo)
        let kept = Question(id: "a", text: "How many people are enrolled in Python Basics?")
        let edited = Question(id: "b", text: "How many people are enrolled in each badge?")
        _ = try first.route(kept)
        _ = try first.route(edited)
        #expect(first.memo.routeCount == 2)
        first.memo.keepRoutes(of: [kept])
        #expect(first.memo.routeCount == 1)
    }

    @Test("a question read again on another line is refused with that line")
    func routeKeyHasLine() {
        let matcher = Self.fresh()
        let text = "How many people are enrolled in Pyhton Basiks Advanced Edition?"
        for line in [3, 9] {
            #expect {
                try matcher.route(Question(id: "q", text: text, line: line))
            } throws: { ($0 as? MatchError)?.line == line }
        }
    }
}
