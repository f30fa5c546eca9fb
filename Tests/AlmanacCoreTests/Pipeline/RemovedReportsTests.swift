import Foundation
import Testing

@testable import AlmanacCore

/// A question taken out of the site and put back keeps its "since the last report": a
/// preview build of a questions file saved half-way removed three questions' pages, and
/// their history with them (a blind test).
@Suite struct RemovedReportsTests {
    static let both = """
        title: Removed
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
          - text: What is the completion rate by organization?
            id: completion
        """
    static let one = """
        title: Removed
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
        """

    @Test("a question removed and put back compares with its last report before")
    func putBack() async throws {
        let project = try Project(questions: Self.both)
        try await project.build(Self.both) { $0.asOf = CivilDate(iso: "2024-02-15") }
        try await project.build(Self.both) { $0.asOf = CivilDate(iso: "2024-03-01") }
        let since = try project.document("completion")["metadata"]?["since_last_report"]
        #expect(since?["as_of"] == .string("2024-02-15"))
        // Saved half-way: the second question is gone, its files with it.
        try await project.build(Self.one) { $0.asOf = CivilDate(iso: "2024-03-01") }
        #expect(
            !FileManager.default.fileExists(
                atPath: project.site.appending(path: "completion.json").path))
        // Put back: the same comparison with the report of 2024-02-15 as before.
        try await project.build(Self.both) { $0.asOf = CivilDate(iso: "2024-03-01") }
        let back = try project.document("completion")["metadata"]?["since_last_report"]
        #expect(back == since)
        #expect(back?["as_of"] == .string("2024-02-15"))
    }
}

/// An output folder inside the templates folder is refused before anything is written.
@Suite struct SiteInTemplatesTests {
    @Test("--out inside the templates folder is refused")
    func refused() async throws {
        let project = try Project()
        let templates = project.folder.appending(path: "templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let error = await #expect(throws: BuildError.self) {
            try await project.build {
                $0.templatesPath = templates.path
                $0.outputPath = templates.appending(path: "out").path
            }
        }
        #expect(error?.description.contains("is inside the templates folder") == true)
        #expect(!FileManager.default.fileExists(atPath: templates.appending(path: "out").path))
    }
}

/// `serve` watches the templates folder beside the questions file even before it exists.
@Suite struct TemplatesWatchTests {
    @Test("a templates folder made beside the questions file changes the watched stamps")
    func madeLater() async throws {
        let project = try Project()
        try await project.build()
        let watcher = project.builder(project.options).inputWatcher()
        let before = watcher.stamps()
        #expect(watcher.stamps() == before)
        let partials = project.folder.appending(path: "templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try Data("late".utf8).write(to: partials.appending(path: "footer.mustache"))
        #expect(watcher.stamps() != before)
        // Named by --templates, only that folder is watched.
        var flagged = project.options
        flagged.templatesPath = project.folder.appending(path: "elsewhere").path
        flagged.templatesFromFlag = true
        let other = project.builder(flagged).inputWatcher()
        let stamped = other.stamps()
        try Data("later".utf8).write(to: partials.appending(path: "nav.mustache"))
        #expect(other.stamps() == stamped)
    }
}
