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
}
