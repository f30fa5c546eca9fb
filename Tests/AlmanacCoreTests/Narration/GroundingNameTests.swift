import Foundation
import Testing

@testable import AlmanacCore

/// The names of the data are taken out of an answer before its figures are read: digits in a
/// name ("Level 12345") are not figures. These cover how a name is found in the answer.
@Suite struct GroundingNameTests {
    /// 1,234 is the only number of the data besides the names' list lengths (1 and 2).
    func context(_ names: [String]) -> JSONValue {
        ["names": .array(names.map(JSONValue.string)), "enrollments": 1234]
    }

    @Test("a longer name goes first, so a shorter one inside it leaves no digits behind")
    func longestFirst() {
        // "Level 12" first would leave "345" of "Level 12345", a figure not in the data.
        let result = Grounding.check(
            "Level 12345 has 1,234 enrollments; Level 12 too.",
            against: context(["Level 12", "Level 12345"]))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    @Test(
        "a name matches in either Unicode form of an accented letter",
        arguments: [
            ("Caf\u{E9} 451", "Cafe\u{301} 451 has 1,234 enrollments."),
            ("Cafe\u{301} 451", "Caf\u{E9} 451 has 1,234 enrollments."),
            ("Caf\u{E9} 451", "Caf\u{E9} 451 has 1,234 enrollments."),
        ])
    func canonicalForms(name: String, answer: String) {
        let result = Grounding.check(answer, against: context([name]))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    /// A custom query's label "4711 aaaa…" of 201 characters was quoted cut, as the pages show
    /// it, and its 4711 flagged as a figure not in the data (blind test 45); `--strict` failed.
    @Test("a long name quoted cut, as the pages show it, leaves no digits behind")
    func cutName() {
        let name = "4711 " + String(repeating: "a", count: 200)
        let answer = DisplayName.cut(name) + " has 1,234 enrollments."
        let result = Grounding.check(answer, against: context([name]))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    @Test("a name is not found inside a letter that carries an accent")
    func wholeCharacters() {
        // "Room 404" + U+0301 ends in an accented 4, another character than the name's last:
        // the name stays, and its 404 is a figure not in the data.
        let result = Grounding.check(
            "Room 404\u{301} has 1,234 enrollments.", against: context(["Room 404"]))
        #expect(result.unverified == ["404"])
        #expect(result.figures == 2)
    }

    @Test("a name is found in text with other non-ASCII letters and signs")
    func plainUnicode() {
        let answer = "Données Société 2 → 77 ▲ has 1,234 enrollments; Zürich 88 — none."
        let result = Grounding.check(
            answer, against: context(["Données Société 2 → 77", "Zürich 88"]))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    @Test("a name repeated on every row is taken out wherever it appears")
    func repeatedNames() {
        let names = Array(repeating: "Alpha 300", count: 50) + ["Beta 4000", "Alpha 300"]
        let result = Grounding.check(
            "Alpha 300, then Beta 4000, then Alpha 300 again: 1,234.", against: context(names))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    @Test("full-width digits in a name match ASCII ones in the answer")
    func numeralForms() {
        let result = Grounding.check(
            "Room 404 has 1,234 enrollments.", against: context(["Room \u{FF14}\u{FF10}\u{FF14}"]))
        #expect(result.unverified == [])
        #expect(result.figures == 1)
    }

    @Test("a name under three characters stays in the answer")
    func shortNames() {
        // "55" is two characters and stays, a figure not in the data; "B 77" goes.
        let result = Grounding.check("B 77 and 55 had 1,234.", against: context(["55", "B 77"]))
        #expect(result.unverified == ["55"])
        #expect(result.figures == 2)
    }

    @Test(
        "the byte search replaces every occurrence, left to right, without overlaps",
        arguments: [
            ("aaaa", "aa", "  "),
            ("xabcabcx", "abc", "x  x"),
            ("abc", "abcd", nil),
            ("no match here", "xyz", nil),
            ("→é→", "é", "→ →"),
        ] as [(String, String, String?)])
    func bytes(text: String, name: String, expected: String?) {
        #expect(Grounding.replacingBytes(of: name, in: text) == expected)
    }
}
