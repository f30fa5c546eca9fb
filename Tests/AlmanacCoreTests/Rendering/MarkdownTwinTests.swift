import Foundation
import Testing

@testable import AlmanacCore

/// Answers every request from a script chosen by the question the request carries.
struct ScriptedTransport: HTTPTransport {
    /// The first reply whose key the request body contains; else the last reply.
    var replies: [(String, HTTPResponse)]

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = String(decoding: request.body, as: UTF8.self)
        return replies.first { body.contains($0.0) }?.1 ?? replies.last!.1
    }

    static func answer(_ content: String) -> HTTPResponse {
        let message: JSONValue = ["role": "assistant", "content": .string(content)]
        let choice: JSONValue = ["index": 0, "message": message, "finish_reason": "stop"]
        let body: JSONValue = ["choices": .array([choice])]
        return HTTPResponse(status: 200, body: Data(body.encoded().utf8))
    }
}

/// The Markdown twin keeps outside text inert: the model's HTML, servers' messages, names.
@Suite struct MarkdownTwinTests {
    @Test("the model's raw HTML and a server's message are inert in the twin")
    func hostileModel() async throws {
        var project = try Project()
        let hostileMessage = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
        let transport = ScriptedTransport(replies: [
            (
                "enrolled in each badge",
                ScriptedTransport.answer(
                    "<script>alert(1)</script> Python Basics leads; `a <b> tag` stays code.")
            ),
            (
                "completion rate",
                HTTPResponse(
                    status: 400, body: Data(#"{"error":{"message":"\#(hostileMessage)"}}"#.utf8))
            ),
        ])
        project.http = transport
        _ = try await project.build { options in
            options.llm.mode = .refresh
            options.llm.apiKey = "sk-test"
            options.llm.cacheFolder = project.folder.appending(path: "answers").path
        }
        let badges = try String(
            contentsOf: project.site.appending(path: "badges.md"), encoding: .utf8)
        #expect(!badges.contains("<script>"))
        #expect(
            badges.contains(
                "&lt;script>alert(1)&lt;/script> Python Basics leads; `a <b> tag` stays code."))
        let completion = try String(
            contentsOf: project.site.appending(path: "completion.md"), encoding: .utf8)
        #expect(!completion.replacingOccurrences(of: #"\<"#, with: "").contains("<img"))
        #expect(!completion.contains("[x](javascript"))
        // The server's own message is not published at all, only its status: the notice is
        // the same words each build.
        #expect(!completion.contains("onerror"))
        #expect(completion.contains("The language model was unavailable (HTTP 400)"))
    }

    @Test("a CRLF inside a name does not break a table row")
    func crlfInName() {
        #expect(MarkdownText.escape("Acme\r\nCorp|x") == #"Acme Corp\|x"#)
        #expect(MarkdownText.escape("a\rb\nc\u{2028}d") == "a b c d")
    }

    /// An attack run: a badge "Git & GitHub &amp; &lt;b&gt;" showed as "Git & GitHub & <b>".
    @Test("an entity reference in a name is written as it is; a lone ampersand is left alone")
    func entities() {
        #expect(MarkdownText.escape("Acme & Sons") == "Acme & Sons")
        // A number's "#" is escaped already, which keeps it from being a reference.
        #expect(
            MarkdownText.escape("Git &amp; &#38; &#x26; &lt;b&gt;")
                == ##"Git \&amp; &\#38; &\#x26; \&lt;b\&gt;"##)
        // Shaped like a reference, escaped too: it reads the same either way.
        #expect(MarkdownText.escape("R&D; Q&A") == #"R\&D; Q&A"#)
        #expect(MarkdownText.escape("Café &eacute;") == #"Café \&eacute;"#)
    }

    @Test("an answer is trimmed of white space and line breaks, Unicode's included")
    func trimmed() {
        #expect(MarkdownText.trimmed("  **12** learners.\n\n") == "**12** learners.")
        #expect(MarkdownText.trimmed("**12** learners.") == "**12** learners.")
        #expect(MarkdownText.trimmed("\u{2003}é\u{2028}") == "é")
        #expect(MarkdownText.trimmed("\t\r\n") == "")
        #expect(MarkdownText.trimmed("") == "")
        #expect(MarkdownText.trimmed("a\u{85}") == "a")
    }

    @Test("ASCII text is escaped a byte at a time as it is a character at a time")
    func asciiEscape() {
        // Written out by hand: every mark gets a backslash; LF, VT and FF become a space; a
        // tab and the other control characters stay.
        #expect(
            MarkdownText.escape(##"\`*_[]<>|#~ a-b.c!"##)
                == ##"\\\`\*\_\[\]\<\>\|\#\~ a-b.c!"##)
        #expect(MarkdownText.escape("1\n2\u{0B}3\u{0C}4\t5\u{01}") == "1 2 3 4\t5\u{01}")
        #expect(MarkdownText.escape("12,345") == "12,345")
        #expect(MarkdownText.escape("") == "")
        // A mark joined to a combining accent is another character: not escaped.
        #expect(MarkdownText.escape("*\u{301}|") == "*\u{301}\\|")
    }

    @Test(
        "code spans and fenced blocks keep their `<`",
        arguments: [
            ("<b>bold</b>", "&lt;b>bold&lt;/b>"),
            ("``x <y> `z` ``, <i>", "``x <y> `z` ``, &lt;i>"),
            ("a ` lone <", "a ` lone &lt;"),
            (
                "```html\n<p>kept</p>\n```\n<p>gone</p>",
                "```html\n<p>kept</p>\n```\n&lt;p>gone&lt;/p>"
            ),
        ])
    func codeKept(markdown: String, expected: String) {
        #expect(MarkdownTwin.withoutHTML(markdown) == expected)
    }
}
