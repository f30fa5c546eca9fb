import Foundation
import Testing

@testable import AlmanacCore

/// A build records the inputs as it began, not as they are when it ends: a questions file or
/// a database written during a build (in `serve`, the next edit saved while the last one
/// builds) was recorded as built, and every later build said nothing had changed, keeping
/// the pages of the earlier inputs (blind test 55).
@Suite struct MidBuildEditTests {
    static func questions(_ text: String) -> String {
        """
        title: Edits
        questions:
          - text: \(text)
            id: q
          - text: Counted
            id: counted
            sql: SELECT count(*) AS n FROM enrollments
        """
    }

    static let first = "How many people are enrolled in the Python Basics badge?"
    static let second = "How many people are enrolled in the SQL Fundamentals badge?"

    /// Builds without writing `questions.yaml`, and whether the build said nothing changed.
    func rebuild(_ project: Project) async throws -> Bool {
        let before = project.log.events.count
        try await project.builder(project.options).build()
        return project.log.events.dropFirst(before).contains {
            if case .unchanged = $0 { return true }
            return false
        }
    }

    func question(_ project: Project) throws -> JSONValue? {
        try project.document("q")["question"]
    }

    func counted(_ project: Project) throws -> JSONValue? {
        try project.document("counted")["metadata"]?["analytics_data"]?["rows"]?.arrayValue?
            .first?.arrayValue?.first
    }

    @Test("a questions file saved during a build is built by the next build")
    func questionsSavedMidBuild() async throws {
        var project = try Project(questions: Self.questions(Self.first))
        let (file, later) = (project.questionsFile, Self.questions(Self.second))
        project.observe = { event in
            guard case .started = event else { return }
            try? Data(later.utf8).write(to: file)
        }
        try await project.build()
        #expect(try question(project) == .string(Self.first))
        project.observe = { _ in }
        #expect(try await !rebuild(project))
        #expect(try question(project) == .string(Self.second))
        // And then it is the same: nothing to build.
        #expect(try await rebuild(project))
    }

    @Test("a database written during a build is read by the next build")
    func databaseWrittenMidBuild() async throws {
        let path = try Fixture.database(Fixture.platformRows)
        try SQLiteConnection(path: path, mode: .create).execute("PRAGMA journal_mode = WAL")
        var project = Project(database: path, questions: Self.questions(Self.first))
        project.observe = { event in
            guard case .started = event else { return }
            try? SQLiteConnection(path: path, mode: .create).execute(ReadSnapshotTests.write)
        }
        try await project.build()
        // The fixture's 7 enrollments: the build read its snapshot from before the write.
        #expect(try counted(project) == .int(7))
        project.observe = { _ in }
        #expect(try await !rebuild(project))
        #expect(try counted(project) == .int(10))
    }
}
