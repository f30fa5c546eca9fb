import Testing

@testable import AlmanacCore

@Suite struct QuestionLoaderTests {
    func load(_ yaml: String) throws -> QuestionFile {
        try QuestionLoader().load(yaml, path: "q.yaml")
    }

    func problems(_ yaml: String) -> [QuestionFileError.Problem] {
        do {
            _ = try load(yaml)
            return []
        } catch let error as QuestionFileError {
            return error.problems
        } catch {
            return [.init(line: 0, column: 0, message: "unexpected \(error)")]
        }
    }

    @Test("a question whose text would give a reserved id gets one of its own")
    func derivedReservedIDs() throws {
        let file = try load("title: T\nquestions:\n  - text: Index\n  - text: Digest?\n")
        #expect(file.questions.map(\.id) == ["index-question", "digest-question"])
    }

    @Test("YAML's null is no question: a bare item, `- ~`, `text: null`")
    func nullQuestions() {
        #expect(
            problems("title: T\nquestions:\n  -\n  - text: How many enrollments?\n").map(\.message)
                == ["question 1 is empty; write `- text: …`, or remove the line"])
        #expect(
            problems("title: T\nquestions:\n  - ~\n").map(\.message)
                == ["question 1 is empty; write `- text: …`, or remove the line"])
        #expect(
            problems("title: T\nquestions:\n  - text: null\n    id: a\n").map(\.message)
                == ["question 1 has no `text`"])
        // Quoted, "null" is text.
        #expect(problems("title: T\nquestions:\n  - text: \"null\"\n").isEmpty)
    }

    @Test("reads titles, ids, kinds, sections and custom SQL")
    func valid() throws {
        let file = try load(
            """
            title: Pulse
            database: data/x.db
            questions:
              - text: How many people are enrolled in the Python Basics badge?
                section: Badges
              - text: Trend?
                id: trend
                kind: organization_trends
                granularity: week
              - text: Categories
                sql: SELECT 1 AS one
                charts:
                  - {type: bar, x: one, y: one}
              - Just a string question about a badge
            """)
        #expect(file.title == "Pulse")
        #expect(file.database == "data/x.db")
        #expect(
            file.questions.map(\.id) == [
                "how-many-people-are-enrolled-in-the-python-basics-badge", "trend", "categories",
                "just-a-string-question-about-a-badge",
            ])
        #expect(file.questions[0].section == "Badges")
        #expect(file.questions[0].line == 4)
        #expect(file.questions[1].kind == .organizationTrends)
        #expect(file.questions[1].granularity == .week)
        #expect(file.questions[2].kind == .customSQL)
        #expect(
            file.questions[2].charts == [
                ChartDeclaration(type: "bar", columns: ["x": "one", "y": "one"], line: 13)
            ])
    }

    @Test("reports every problem together, each with its line and column")
    func allProblems() {
        let found = problems(
            """
            title: Pulse
            questions:
              - text: One
                kind: badges
              - id: Bad Id
                text: Two
              - text: Three
                colour: blue
            """)
        #expect(
            found == [
                .init(
                    line: 4, column: 11,
                    message:
                        "unknown kind `badges`; expected one of badge_enrollments, organization_trends, completion_metrics, learning_paths, custom_sql"
                ),
                .init(
                    line: 5, column: 9,
                    message:
                        "`id` must be lowercase letters, digits and single hyphens, like `python-basics`; got `Bad Id`"
                ),
                .init(
                    line: 8, column: 5,
                    message:
                        "unknown key `colour` in a question; expected one of charts, granularity, id, kind, section, sql, text"
                ),
            ])
    }

    @Test("a duplicate id names both lines")
    func duplicates() {
        let found = problems(
            """
            title: T
            questions:
              - text: One question about a badge
                id: same
              - text: Another question about a badge
                id: same
            """)
        #expect(
            found.map(\.message) == [
                "duplicate id `same`: the question on line 3 has the same `id:`; an id names a question's pages, so change one of them"
            ])
        #expect(found.first?.line == 5)
    }

    @Test("the same question twice without an id is refused, once for each copy")
    func sameQuestionTwice() throws {
        let found = problems(
            """
            title: T
            questions:
              - text: How many people are enrolled in each badge?
              - text: How many people are enrolled in each badge?
              - text: How many people are enrolled in each badge?
            """)
        #expect(
            found.map { "\($0.line): \($0.message)" } == [
                "4: the same question as on line 3; remove one, or give one of them an `id:` to keep both",
                "5: the same question as on line 3; remove one, or give one of them an `id:` to keep both",
            ])
        // With an `id:`, both are kept: the id says they are meant to be two pages.
        let kept = try QuestionLoader().load(
            """
            title: T
            questions:
              - text: How many people are enrolled in each badge?
              - text: How many people are enrolled in each badge?
                id: again
            """, path: "q.yaml")
        #expect(
            kept.questions.map(\.id) == ["how-many-people-are-enrolled-in-each-badge", "again"])
    }

    @Test("a mistyped key of `llm`, `patterns` or `database_options` names the closest one")
    func settingsTypos() {
        let found = problems(
            """
            title: T
            llm:
              modle: gpt-4o
            database_options:
              statement_timout: 30
            patterns:
              learning_path: {add: ["(?i)roadmap"]}
              badge_enrollments: {ad: ["(?i)popular"]}
            questions:
              - text: How many people are enrolled in each badge?
            """)
        #expect(
            found.map { "\($0.line): \($0.message)" } == [
                "3: unknown key `modle` in `llm` (did you mean `model`?); expected model, temperature, max_tokens or seed",
                "5: unknown key `statement_timout` in `database_options` (did you mean `statement_timeout`?); expected statement_timeout",
                "7: unknown kind `learning_path` in `patterns` (did you mean `learning_paths`?); expected one of badge_enrollments, organization_trends, completion_metrics, learning_paths",
                "8: unknown key `ad` under `patterns.badge_enrollments` (did you mean `add`?); expected `add` or `replace`",
            ])
    }

    @Test("an empty list of questions is reported on its own line")
    func emptyList() {
        let found = problems("# The report\ntitle: T\n\nquestions: []\n")
        #expect(found.map { [$0.line, $0.column] } == [[4, 1]])
    }

    @Test("an empty questions file, or one of comments only, says it is empty")
    func emptyFile() {
        for text in ["", "# only a comment\n", "\n\n"] {
            #expect(
                problems(text).map(\.message) == [
                    "the file is empty: it needs a `title:` and a list of `questions:`"
                ])
        }
    }

    @Test(
        "different texts never derive the same id: a cut slug or a repeated one takes the text's fingerprint"
    )
    func derivedIDsKeepApart() throws {
        // Fingerprints are the first six hex digits of SHA-256, from Python's hashlib.
        let file = try QuestionLoader().load(
            """
            title: T
            questions:
              - text: Same question about a badge
              - text: Same question about a badge!
              - How many people from each organization are enrolled in the AWS Solutions Architect badge in 2024?
              - How many people from each organization are enrolled in the AWS Solutions Architect badge in 2025?
            """, path: "q.yaml")
        #expect(
            file.questions.map(\.id) == [
                "same-question-about-a-badge",
                "same-question-about-a-badge-a65f7b",
                "how-many-people-from-each-organization-are-enrolled-in-the-7b71e6",
                "how-many-people-from-each-organization-are-enrolled-in-the-4f0d5d",
            ])
        // A declared id is never taken over, whichever comes first.
        let declared = try QuestionLoader().load(
            """
            title: T
            questions:
              - text: Same question about a badge!
              - text: Another question
                id: same-question-about-a-badge
            """, path: "q.yaml")
        #expect(
            declared.questions.map(\.id) == [
                "same-question-about-a-badge-a65f7b", "same-question-about-a-badge",
            ])
    }

    @Test("an unclosed bracket is reported where it opens, not at the end of the file")
    func syntax() {
        let found = problems("title: T\nquestions:\n  - text: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML: a `[` opened here") == true)
        // `  - text: [`: the bracket is the 11th character of line 3.
        #expect(found.first.map { [$0.line, $0.column] } == [3, 11])
    }

    @Test(
        "structural mistakes are explained",
        arguments: [
            ("questions: []", "missing `title`: the report needs a title"),
            ("title: T", "missing `questions`: a list of questions"),
            ("title: T\nquestions: []", "`questions` is empty: add at least one question"),
            (
                "title: T\nquestions: {a: 1}",
                "`questions` must be a list; start each question with `- text: …`"
            ),
            ("- just a list", "expected a mapping with `title` and `questions`"),
            (
                "title: T\nquestions:\n  - text: x\n    kind: custom_sql",
                "`kind: custom_sql` needs an `sql:` statement"
            ),
            (
                "title: T\nquestions:\n  - text: x\n    sql: SELECT 1\n    kind: learning_paths",
                "a question with `sql:` is `kind: custom_sql`, not `learning_paths`"
            ),
            (
                "title: T\nquestions:\n  - text: Index\n    id: index\n",
                "the id `index` is reserved for the site itself; choose another `id:`"
            ),
            // `digest.md` and `digest.json` are the site's own.
            (
                "title: T\nquestions:\n  - text: x\n    id: digest\n",
                "the id `digest` is reserved for the site itself; choose another `id:`"
            ),
            (
                "title: T\nquestions:\n  - text: x\npatterns:\n  learning_paths: {add: ['(unclosed']}",
                "`(unclosed` is not a valid regular expression"
            ),
            // "(a+)+$" took 27 s over a question of 30 letters (blind test 23).
            (
                "title: T\nquestions:\n  - text: x\npatterns:\n  badge_enrollments: {add: ['(a+)+$']}",
                "`(a+)+$` repeats a group that itself repeats (such as `(a+)+`), which can take unbounded time on some questions; write it without the nested repetition"
            ),
            (
                "title: T\nquestions:\n  - text: x\nllm: {temperature: hot}",
                "`llm.temperature` must be a number from 0 to 2"
            ),
        ])
    func structure(yaml: String, message: String) {
        #expect(problems(yaml).map(\.message).contains(message))
    }

    @Test("lists 50 problems, then says how many more")
    func manyProblems() throws {
        let entries = (1...60).map { "  - {text: Question \($0), kind: nope}" }
        let yaml = "title: T\nquestions:\n" + entries.joined(separator: "\n")
        let error = try #require(throws: QuestionFileError.self) { try load(yaml) }
        #expect(error.problems.count == 50)
        #expect(error.omitted == 10)
        // 50 problems, each its place, its line and a caret, then the count of the 10 left out.
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 151)
        #expect(lines.first?.hasPrefix("q.yaml:3:") == true)
        #expect(lines.last == "q.yaml: and 10 more")
    }

    @Test("a question over 2,000 characters is refused without echoing it")
    func longQuestion() throws {
        let fine = String(repeating: "y", count: 2_000)
        #expect(try load("title: T\nquestions:\n  - text: \(fine)").questions.count == 1)
        let long = String(repeating: "x", count: 2_001)
        let found = problems("title: T\nquestions:\n  - text: \(long)\n  - \(long)")
        let start = String(repeating: "x", count: 40)
        #expect(
            found.map(\.message) == [
                "question 1 is 2001 characters long (“\(start)…”); the limit is 2000",
                "question 2 is 2001 characters long (“\(start)…”); the limit is 2000",
            ])
    }

    @Test("ids that Windows reserves get a suffix when derived, and are refused when given")
    func windowsNames() throws {
        let file = try load(
            """
            title: T
            questions:
              - text: Con
              - text: NUL?
              - com1
              - text: LPT9
              - text: Console
            """)
        #expect(
            file.questions.map(\.id) == [
                "con-question", "nul-question", "com1-question", "lpt9-question", "console",
            ])
        #expect(
            problems("title: T\nquestions:\n  - text: Printers\n    id: prn").map(\.message) == [
                "the id `prn` is a device name on Windows, where `prn.html` cannot be checked out; choose another `id:`"
            ])
    }

    @Test("slugs fold accents and drop punctuation")
    func slugs() {
        #expect(
            Slug.make(from: "How many people enrolled in Données & Société?")
                == "how-many-people-enrolled-in-donnees-societe")
        #expect(Slug.make(from: "¿?") == "")
        #expect(Slug.isValid("python-basics-2"))
        #expect(!Slug.isValid("Python"))
        #expect(!Slug.isValid("a--b"))
    }
}

extension QuestionLoaderTests {
    @Test(
        "a repetition of a repetition is found; other repetitions are not",
        arguments: [
            ("(a+)+$", true), (#"(?:\w+\s?)+"#, true), ("((a)+)+", true), ("(x*){2,}", true),
            (#"\b(?:foo|bar)+\b"#, false), ("(ab)+", false), ("[+*()]+", false),
            (#"\(a+\)+"#, false), (#"\benrol+ments?\b"#, false), ("(a+)?b", false),
            (#"(?:most|top) (\d+)"#, false),
        ])
    func nestedRepetition(pattern: String, nested: Bool) {
        #expect(QuestionLoader.repeatsRepetition(pattern) == nested)
    }
}

extension QuestionLoaderTests {
    /// A fault attack's `title: [1,2]` was both "missing `title`" and "must be text".
    @Test(
        "a title or text that is not text is said once",
        arguments: [
            "title: [1, 2]\nquestions:\n  - text: x",
            "title: T\nquestions:\n  - text: [a, b]",
        ])
    func notTextOnce(yaml: String) {
        let messages = problems(yaml).map(\.message)
        #expect(messages.count == 1, "\(messages)")
        #expect(
            !messages.contains { $0.contains("missing `title`") || $0.contains("has no `text`") })
    }
}

extension QuestionLoaderTests {
    /// An attack run: `title:` with no value stopped the build with "error: questions: " and
    /// no message; `title: ""` built pages with an empty <title>.
    @Test(
        "an empty title is refused with its line",
        arguments: ["title:", "title: ~", "title: null", "title: \"\"", "title: \"   \""])
    func emptyTitle(line: String) {
        let found = problems(line + "\nquestions:\n  - text: How many enrollments?\n    id: a")
        #expect(found.map(\.message) == ["`title` is empty: the report needs a title"], "\(line)")
        #expect(found.map(\.line) == [1])
    }
}
