import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 50: an analyst's own database, with an organization named "Café Élan & Co.".
@Suite struct BlindFiftyTests {
    /// The index read "…: Nordwind Logistik 183 and Café Élan & Co." and lost the rest.
    @Test("the index's first sentence runs past a name that ends in a period")
    func dottedName() {
        let answer =
            "Enrollments: Nordwind Logistik 183 and Café Élan & Co. 96; Café Élan & Co. has 87 fewer (−47.5%). More follows."
        let names = ["Nordwind Logistik", "Café Élan & Co."]
        let whole =
            "Enrollments: Nordwind Logistik 183 and Café Élan & Co. 96; Café Élan & Co. has 87 fewer (−47.5%)."
        #expect(PageRenderer.firstSentence(of: answer, names: names) == whole)
        #expect(PageRenderer.firstSentence(of: answer, plain: false, names: names) == whole)
        // A name the answer does not give still ends nothing; without names, the old cut.
        #expect(
            PageRenderer.firstSentence(of: answer)
                == "Enrollments: Nordwind Logistik 183 and Café Élan & Co.")
        // The name at the very end of the sentence.
        #expect(
            PageRenderer.firstSentence(
                of: "Most growth: Café Élan & Co. Then others.", names: names)
                == "Most growth: Café Élan & Co. Then others.")
    }

    @Test(
        "the index and its twin give the whole first sentence of a question filtered to such a name"
    )
    func indexLead() async throws {
        let project = try Project(
            rows: Fixture.platformRows.replacingOccurrences(of: "'Globex'", with: "'Globex Co.'"),
            questions: """
                title: Fixture Pulse
                questions:
                  - text: How many enrollments does each organization have?
                    id: orgs
                  - text: How did monthly enrollments at Globex Co. trend?
                    id: monthly
                """)
        try await project.build()
        // Globex Co. is user 3's: enrollments 3 (2024-02-01) and 6 (2024-02-15), both in
        // February; the sentence goes on past the name to that count.
        let lead = "Globex Co. in the 12 months up to 2024-03-01: 2 in 2024-02;"
        let twin = project.read("index.md")
        let line = try #require(twin.split(separator: "\n").first { $0.contains("(monthly.md)") })
        #expect(line.contains(lead), "\(line)")
        #expect(project.read("index.html").contains(lead))
    }
}
