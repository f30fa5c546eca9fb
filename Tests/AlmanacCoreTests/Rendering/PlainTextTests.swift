import Foundation
import Testing

@testable import AlmanacCore

@Suite struct PlainTextTests {
    /// The regular expressions `PageRenderer.plainText` replaces: escaped characters set
    /// aside behind a marker, `**` and unescaped backticks dropped, the marker dropped. Not
    /// quite the old code: its last step compared characters, and so left the marker (U+E000,
    /// a private-use character) in the index where a combining mark followed it (`\**` and an
    /// accent); here it goes by scalar, as `plainText` has none.
    static func expressions(_ line: String) -> String {
        let kept = "\u{E000}"
        var text = line.replacingOccurrences(
            of: #"\\([\\`*_\[\]<>|#~])"#, with: kept + "$1", options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"\*\*|(?<!\#(kept))`"#, with: "", options: .regularExpression)
        // By scalar: the expressions' own last step compared characters, and left the marker
        // in where a combining mark followed it (`\**` and an accent).
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" }))
    }

    @Test(
        "the marks are dropped and the escapes written out as the regular expressions did",
        arguments: [
            ("**96 %** of learners", "96 % of learners"),
            (#"Back\`tick"#, "Back`tick"),
            (#"a\*\*b"#, "a**b"),
            (#"*\*"#, "**"),
            (#"\**"#, ""),
            (#"\\*"#, #"\*"#),
            ("`code` and ***three***", "code and *three*"),
            (#"Ca\_fé \[x\] \|"#, "Ca_fé [x] |"),
            (#"ends with \"#, #"ends with \"#),
            (#"\q stays"#, #"\q stays"#),
            ("*́*", "*́*"),
        ])
    func knownLines(line: String, plain: String) {
        #expect(PageRenderer.plainText(line) == plain)
        #expect(Self.expressions(line) == plain)
    }

    @Test("a first line that is only marks is skipped, as when the whole answer was made plain")
    func firstSentenceSkipsMarksOnly() {
        #expect(
            PageRenderer.firstSentence(of: "**\n\n`` Acme leads. Then Globex.") == " Acme leads.")
        #expect(PageRenderer.firstSentence(of: "**\n\nAcme leads.", plain: false) == "**")
    }

    @Test("on 5,000 random lines of marks, escapes and letters, the same as the expressions")
    func randomLines() {
        let alphabet: [String] = [
            "\\", "*", "`", "_", "[", "]", "|", "#", "~", "<", ">", "a", " ", "é", "\u{301}", "q",
        ]
        // A fixed seed: the same lines on every run.
        var random = SeededRandom(seed: 0x5EED)
        for _ in 0..<5_000 {
            let length = random.int(below: 13)
            let line = (0..<length).map { _ in alphabet[random.int(below: alphabet.count)] }
                .joined()
            let (scanned, matched) = (PageRenderer.plainText(line), Self.expressions(line))
            #expect(
                Array(scanned.unicodeScalars) == Array(matched.unicodeScalars),
                "\(line.unicodeScalars.map { String($0.value, radix: 16) }) → \(scanned.unicodeScalars.map { String($0.value, radix: 16) }) against \(matched.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }
}
