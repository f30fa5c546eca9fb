import Foundation
import Testing

@testable import AlmanacCore

/// Questions stream through charts, render and write (`SiteRenderer`): what a reader of the
/// site and of a failed build can tell of it.
@Suite struct StreamingTests {
    /// Eight custom questions, each with a bar chart; those at `failing` chart a column the
    /// query does not return.
    static func questions(failing: Set<Int>) -> String {
        var lines = ["title: T", "questions:"]
        for index in 0..<8 {
            lines += [
                "  - text: Question \(index)", "    id: q\(index)",
                "    sql: SELECT name, id FROM badges ORDER BY id",
            ]
            let y = failing.contains(index) ? "missing" : "id"
            lines.append("    charts: [{type: bar, x: name, y: \(y)}]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "of several questions whose charts fail, the first in the file names the error, whichever task drew it"
    )
    func firstFailure() async throws {
        let project = try Project()
        // Four tasks take every fourth question: q4 is the second of its task, q5 to q7 the
        // second of theirs, so any of them may fail first in time.
        for _ in 0..<3 {
            let error = await #expect(throws: BuildError.self) {
                try await project.build(Self.questions(failing: [4, 5, 6, 7]))
            }
            #expect(error?.stage == .charts)
            #expect(error?.questionID == "q4")
            #expect(String(describing: error).contains("`missing`"))
        }
        // The questions before it were written to the staging folder only, which is gone.
        #expect(project.read("q0.html").isEmpty)
    }

    @Test("each page links the questions before and after it, across the tasks")
    func neighbours() async throws {
        let project = try Project()
        try await project.build(Self.questions(failing: []))
        for index in 0..<8 {
            let page = project.read("q\(index).html")
            if index > 0 {
                #expect(page.contains("href=\"q\(index - 1).html\""), "q\(index)")
            }
            if index < 7 {
                #expect(page.contains("href=\"q\(index + 1).html\""), "q\(index)")
            }
            // Each page has its own figures, drawn just before it was rendered.
            let document = try project.document("q\(index)")
            #expect(document["visualization"]?["bar"] != nil, "q\(index)")
        }
        #expect(project.read("index.html").contains("href=\"q7.html\""))
    }
}
