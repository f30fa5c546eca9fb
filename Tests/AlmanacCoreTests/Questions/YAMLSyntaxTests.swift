import Testing

@testable import AlmanacCore

@Suite struct YAMLSyntaxTests {
    func error(_ yaml: String) throws -> QuestionFileError {
        try #require(throws: QuestionFileError.self) {
            try QuestionLoader().load(yaml, path: "q.yaml")
        }
    }

    @Test("an unclosed quote is reported on the line where it opens, with the line and a caret")
    func unclosedQuote() throws {
        let yaml = """
            title: T
            questions:
              - text: "Why do people drop out?
              - text: How many enrolled?
              - text: Which badges?

            """
        let found = try error(yaml)
        #expect(found.problems.count == 1)
        let problem = try #require(found.problems.first)
        // `  - text: "`: the quote is the 11th character of line 3, not the end of line 6.
        #expect([problem.line, problem.column] == [3, 11])
        #expect(problem.message.contains("a quote opened here is never closed"))
        #expect(!problem.message.contains("scalar"))
        let lines = found.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("q.yaml:3:11: invalid YAML: a quote opened here"))
        #expect(lines[1] == " 3 |   - text: \"Why do people drop out?")
        // The caret sits under the quote: 10 characters of the line come before it.
        #expect(lines[2] == "   | " + String(repeating: " ", count: 10) + "^")
    }

    @Test("a single-quoted text left open is reported where it opens too")
    func unclosedSingleQuote() throws {
        let found = try error("title: 'Pulse\nquestions:\n  - text: A\n")
        #expect(found.problems.map { [$0.line, $0.column] } == [[1, 8]])
        #expect(found.problems.first?.message.contains("never closed") == true)
    }

    @Test("a key out of line with its list says so in words, naming the list's first line")
    func misalignedListItem() throws {
        let yaml = "title: T\nquestions:\n  - text: A\n  text: B\n"
        let problem = try #require(try error(yaml).problems.first)
        #expect(problem.line == 4)
        #expect(
            problem.message
                == "invalid YAML: this line does not line up with the list above it (it starts on line 3): start each item with `- ` at the same indentation as the first one"
        )
    }

    @Test("a second colon on a line asks for quotes")
    func colonInValue() throws {
        let problem = try #require(
            try error("title: T\nquestions:\n  - text: Why: a reason?\n").problems.first)
        #expect(problem.line == 3)
        #expect(problem.message.contains("a second `: ` on one line; put the value in quotes"))
    }

    @Test("a tab in the indentation is named as a tab")
    func tab() throws {
        let problem = try #require(
            try error("title: T\nquestions:\n\t- text: A\n").problems.first)
        #expect(problem.line == 3)
        #expect(problem.message.contains("a tab in the indentation"))
    }

    @Test("a value starting with a backtick or @ asks for quotes, naming the character")
    func reservedStart() throws {
        let problem = try #require(
            try error("title: T\nquestions:\n  - text: `almanac`\n").problems.first)
        #expect([problem.line, problem.column] == [3, 11])
        #expect(
            problem.message
                == "invalid YAML: a value cannot start with a backtick; put the value in quotes")
    }

    @Test("problems past the parser quote their line as well")
    func quotedStructureProblem() throws {
        let found = try error("title: T\nquestions:\n  - text: A\n    knd: badge_enrollments\n")
        let lines = found.description.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == " 4 |     knd: badge_enrollments")
        #expect(lines[2] == "   |     ^")
    }

    @Test("a mistyped key or kind names the one it is closest to")
    func mistypedKey() throws {
        let yaml = """
            titel: T
            questions:
              - text: A
                kind: badge
                sectoin: Badges
            """
        let messages = Set(try error(yaml).problems.map(\.message))
        #expect(
            messages == [
                "unknown key `titel` (did you mean `title`?); expected one of alerts, database, database_options, llm, patterns, questions, title",
                "unknown kind `badge` (did you mean `badge_enrollments`?); expected one of badge_enrollments, organization_trends, completion_metrics, learning_paths, custom_sql",
                "unknown key `sectoin` in a question (did you mean `section`?); expected one of charts, granularity, id, kind, section, sql, text",
                "missing `title`: the report needs a title",
            ])
    }

    @Test("a long line is shown as a window around the column, cut with …")
    func window() {
        let line = String(repeating: "a", count: 50) + "X" + String(repeating: "b", count: 100)
        let (shown, caret) = QuestionFileError.window(line, column: 51)
        // 20 characters before the column, cut at the start; 80 shown in all, then "…".
        #expect(
            shown == "…" + String(repeating: "a", count: 20) + "X"
                + String(repeating: "b", count: 59) + "…")
        #expect(caret == 21)
        #expect(Array(shown)[caret] == "X")
        #expect(QuestionFileError.window("\tkey: x", column: 2) == (" key: x", 1))
    }
}
