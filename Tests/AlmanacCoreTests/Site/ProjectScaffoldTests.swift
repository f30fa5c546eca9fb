import Foundation
import Testing

@testable import AlmanacCore

@Suite struct ProjectScaffoldTests {
    @Test("the new project's questions look for the database where seed and init --demo write it")
    func databaseWhereTheSeedGoes() throws {
        let folder = Fixture.folder()
        _ = try ProjectScaffold(files: DiskFileSystem()).create(in: folder)
        let path = folder.appending(path: "questions.yaml").path
        let file = try QuestionLoader().load(contentsOf: path, files: DiskFileSystem())
        #expect(file.database == "data/demo.db")
        let location = try file.databaseLocation(override: nil, timeout: nil)
        #expect(location.description.hasSuffix(folder.path + "/data/demo.db"))
    }

    @Test("--templates wins, then templates/ beside the questions file, then the built-in set")
    func templatesPrecedence() throws {
        let files = DiskFileSystem()
        let project = Fixture.folder()
        let questions = project.appending(path: "questions.yaml").path
        #expect(
            BuildOptions.templatesFolder(flag: nil, questionsPath: questions, files: files) == nil)
        try FileManager.default.createDirectory(
            at: project.appending(path: "templates"), withIntermediateDirectories: true)
        #expect(
            BuildOptions.templatesFolder(flag: nil, questionsPath: questions, files: files)
                == project.path + "/templates")
        #expect(
            BuildOptions.templatesFolder(flag: "/elsewhere", questionsPath: questions, files: files)
                == "/elsewhere")
        // A bare file name is relative to the working folder: `templates`, as typed.
        let here = FileManager.default.currentDirectoryPath
        let expected =
            files.isDirectory(URL(fileURLWithPath: here + "/templates")) ? "templates" : nil
        #expect(
            BuildOptions.templatesFolder(flag: nil, questionsPath: "questions.yaml", files: files)
                == expected)
        // A file named templates is not a folder of templates.
        let other = Fixture.folder()
        try Data().write(to: other.appending(path: "templates"))
        #expect(
            BuildOptions.templatesFolder(
                flag: nil, questionsPath: other.appending(path: "q.yaml").path, files: files) == nil
        )
    }
}
