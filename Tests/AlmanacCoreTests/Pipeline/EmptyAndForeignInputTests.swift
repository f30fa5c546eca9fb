import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 45: an empty `--out` built into the current folder, an empty `database:` was
/// taken for the questions file's folder, `~/x.db` for a folder named `~`, and a `mysql://`
/// URL for a file, whose advice (`almanac seed --out mysql://…`) made folders named `mysql:`.
@Suite struct EmptyAndForeignInputTests {
    func file(database: String) throws -> QuestionFile {
        let folder = Fixture.folder()
        let path = folder.appending(path: "questions.yaml").path
        try Data(
            "title: T\ndatabase: \"\(database)\"\nquestions:\n  - text: How many enrollments?\n"
                .utf8
        ).write(to: URL(fileURLWithPath: path))
        return try QuestionLoader().load(contentsOf: path, files: DiskFileSystem())
    }

    @Test("an empty database: is said to be empty")
    func emptyDatabase() throws {
        let questions = try file(database: "")
        let error = try #require(throws: InputError.self) {
            try questions.databaseLocation(override: nil, timeout: nil)
        }
        #expect(
            error.description.hasSuffix(
                "`database:` is empty; name a SQLite file or a postgres:// URL, or pass --db"))
    }

    @Test("a database: under ~ is under the home folder")
    func home() throws {
        let location = try file(database: "~/reports/x.db").databaseLocation(
            override: nil, timeout: nil)
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        #expect(location.filePath == home + "/reports/x.db")
    }

    @Test("a URL of another database is refused by name, and is no file")
    func otherURL() throws {
        let location = DatabaseLocation("mysql://u@h/db")
        #expect(location.filePath == nil)
        #expect(
            throws: DatabaseError(
                path: "mysql://u@h/db",
                reason: .cannotOpen(
                    "a mysql:// URL is not a database Almanac reads: it reads a SQLite file by its path, or PostgreSQL by a postgres:// URL"
                ))
        ) { _ = try location.open() }
        #expect(DatabaseLocation("postgres://u@h/db").filePath == nil)
        #expect(DatabaseLocation("data/x.db").filePath == "data/x.db")
    }

    @Test("an empty --out is refused before anything is written")
    func emptyOut() async throws {
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build { $0.outputPath = "" }
        }
        #expect(
            error
                == BuildError(
                    .writing, SiteError(path: "--out", message: "is empty; name the site's folder"))
        )
    }
}
