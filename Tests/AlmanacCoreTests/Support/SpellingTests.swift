import Testing

@testable import AlmanacCore

@Suite struct SpellingTests {
    let commands = ["build", "serve", "ask", "seed", "check", "schema", "init", "cache", "notify"]

    @Test(
        "a typo of a command finds it",
        arguments: [
            ("biuld", "build"), ("buidl", "build"), ("srve", "serve"), ("chek", "check"),
            ("schmea", "schema"), ("BUILD", "build"), ("notfy", "notify"), ("ini", "init"),
            ("bui", "build"),
        ])
    func typo(word: String, expected: String) {
        #expect(Spelling.closest(to: word, among: commands) == expected)
    }

    @Test("a word far from every command finds none", arguments: ["deploy", "x", "", "publish"])
    func noMatch(word: String) {
        #expect(Spelling.closest(to: word, among: commands) == nil)
    }

    /// A blind test's alert `for: Pyhton Basic` got no "did you mean": a swap and a dropped
    /// letter were three edits, where the suggestion allows two.
    @Test("two letters swapped are one edit when suggesting, as the doc says")
    func swaps() {
        #expect(
            Spelling.closest(to: "Pyhton Basic", among: ["SQL Fundamentals", "Python Basics"])
                == "Python Basics")
        #expect(Spelling.distance(Array("pyhton"), Array("python"), limit: 3, swaps: true) == 1)
        #expect(Spelling.distance(Array("pyhton"), Array("python"), limit: 3) == 2)
        #expect(Spelling.distance(Array("ab"), Array("ba"), limit: 2, swaps: true) == 1)
        // By hand: "ca" to "abc" is three edits with swaps (no letter both swapped and edited).
        #expect(Spelling.distance(Array("ca"), Array("abc"), limit: 5, swaps: true) == 3)
        #expect(Spelling.distance(Array("kitten"), Array("sitting"), limit: 5, swaps: true) == 3)
    }
}
