import Foundation
import Testing

@testable import AlmanacCore

/// Long badge and organization names: cut on display, kept whole in the report document,
/// refused past 1,000 characters.
@Suite struct DisplayNameTests {
    @Test("a name is cut past 120 characters, with an ellipsis")
    func cut() {
        let exact = String(repeating: "a", count: 120)
        #expect(DisplayName.cut("Python Basics") == "Python Basics")
        #expect(DisplayName.cut(exact) == exact)
        #expect(DisplayName.cut(exact + "b") == String(repeating: "a", count: 119) + "…")
        let huge = DisplayName.cut(String(repeating: "ü", count: 1_000_000))
        #expect(huge.count == 120)
        #expect(huge.hasSuffix("ü…"))
    }

    @Test("check refuses a name over 1,000 characters and names its id; 1,000 pass")
    func longNames() throws {
        let rows =
            Fixture.platformRows + """
                UPDATE badges SET name = '\(String(repeating: "x", count: 1_001))' WHERE id = 2;
                UPDATE organizations SET name = '\(String(repeating: "o", count: 1_000))' WHERE id = 2;
                """
        let report = try SchemaChecker().check(SQLiteConnection(path: Fixture.database(rows)))
        let errors = report.errors.map(\.description)
        #expect(errors.contains("1 badge whose name is longer than 1,000 characters (ids 2)"))
        #expect(
            !errors.contains {
                $0.hasPrefix("organizations") || $0.contains("organization whose name is longer")
            })
    }

    @Test(
        "a page, its twin and its charts show a long name cut; the report document keeps it whole")
    func pages() async throws {
        let long = "Acme " + String(repeating: "and Sons ", count: 60)  // 545 characters
        let rows = Fixture.platformRows + "UPDATE organizations SET name = '\(long)' WHERE id = 1;"
        let project = try Project(rows: rows)
        try await project.build(
            "title: T\nquestions:\n  - text: What is the completion rate by organization?\n    id: c\n"
        )
        func read(_ name: String) throws -> String {
            try String(contentsOf: project.site.appending(path: name), encoding: .utf8)
        }
        let shown = String(long.prefix(119)) + "…"
        let page = try read("c.html")
        #expect(!page.contains(long))
        #expect(page.contains(shown.replacingOccurrences(of: "&", with: "&amp;")))
        let twin = try read("c.md")
        #expect(!twin.contains(long.trimmingCharacters(in: .whitespaces)))
        #expect(twin.contains(String(long.prefix(100))))
        let document = try read("c.json")
        #expect(document.contains(long))
    }
}

/// The questions file is read only when it is a regular file of bounded size.
@Suite struct QuestionsFileBoundsTests {
    @Test("a questions file over 5,000,000 bytes is refused with its size, before it is parsed")
    func tooLarge() async throws {
        let project = try Project()
        let path = project.folder.appending(path: "large.yaml")
        // 5,000,001 bytes: one more than the limit.
        try Data(("title: T\nquestions:\n" + String(repeating: "#", count: 5_000_001 - 20)).utf8)
            .write(to: path)
        let error = await #expect(throws: BuildError.self) {
            try await project.build { $0.questionsPath = path.path }
        }
        #expect(
            error
                == BuildError(
                    .questions,
                    InputError(
                        description:
                            "\(path.path): 5,000,001 bytes; a questions file may have at most 5,000,000 bytes"
                    )))
    }

    @Test("a FIFO as the questions file is refused at once, not read for ever")
    func fifo() async throws {
        let project = try Project()
        let path = project.folder.appending(path: "fifo.yaml").path
        #expect(mkfifo(path, 0o600) == 0)
        let error = await #expect(throws: BuildError.self) {
            try await project.build { $0.questionsPath = path }
        }
        #expect(
            error
                == BuildError(
                    .questions,
                    InputError(
                        description:
                            "\(path): not a regular file; --questions must name a YAML file"
                    )))
    }
}

/// A name in a question and in the database are one name when canonically equivalent.
@Suite struct NameNormalizationTests {
    @Test("a decomposed ü in the question finds the precomposed name, and the reverse")
    func canonicalEquivalence() throws {
        let precomposed = "Z\u{00FC}rich Analytics AG"
        let decomposed = "Zu\u{0308}rich Analytics AG"
        for (stored, typed) in [(precomposed, decomposed), (decomposed, precomposed)] {
            let catalogue = EntityCatalogue(badges: ["Python Basics"], organizations: [stored])
            let matcher = try Matcher(catalogue: catalogue, asOf: CivilDate(iso: "2026-09-30")!)
            let match = try matcher.route(
                Question(
                    id: "q",
                    text: "How many users from the \(typed) organization enrolled this year?"))
            // The filter carries the database's own spelling, which the SQL compares byte for byte.
            #expect(
                match.filters.organization.map { Array($0.unicodeScalars) }
                    == Array(stored.unicodeScalars))
        }
    }
}
