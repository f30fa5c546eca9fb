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

    /// The scaffold's questions with its commented examples (custom SQL, patterns, alerts)
    /// switched on, as a new user does after reading them.
    static func uncommented() -> String {
        ProjectScaffold.questions.split(separator: "\n", omittingEmptySubsequences: false).map {
            line -> String in
            let examples = [
                "# - text:", "#   sql:", "#     ", "#   charts:", "# patterns:",
                "#   learning_paths", "# alerts:", "#   - {question",
            ]
            guard let start = examples.lazy.compactMap({ line.range(of: $0) }).first?.lowerBound
            else { return String(line) }
            let body = line[line.index(start, offsetBy: 2)...]
            // `# - text:` becomes `- text:` at the comment's column; the rest keep their indent.
            return String(line[..<start]) + body
        }.joined(separator: "\n")
    }

    @Test("every commented example in the new project's questions builds once switched on")
    func examplesBuild() async throws {
        let yaml = Self.uncommented()
        #expect(yaml.contains("\nalerts:\n  - {question: which-organizations-grew-this-year"))
        #expect(
            yaml.contains("\n  - text: Which categories attract the most learners?\n    sql: |"))
        let project = try Project(questions: yaml)
        let summary = try await project.build()
        #expect(summary.pages == 5)
        // Both alerts were checked: the build would have stopped on one it could not check.
        let digest = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: project.site.appending(path: "digest.json")))
        #expect(digest["alerts"] != nil)
        // The custom query was routed by its `sql:`, and its page says so.
        #expect(
            project.read("which-categories-attract-the-most-learners.md").contains(
                "- Routed by: the question's own `sql:`"))
        // The page says it in words, without the Markdown's backticks.
        #expect(
            project.read("which-categories-attract-the-most-learners.html").contains(
                "<dt>Routed by</dt><dd>the question&#39;s own sql:</dd>"))
    }

    @Test("`make commit` records a week, and a week with no change says so and succeeds")
    func makeCommit() throws {
        let folder = Fixture.folder()
        _ = try ProjectScaffold(files: DiskFileSystem()).create(in: folder)
        try FileManager.default.createDirectory(
            at: folder.appending(path: "site"), withIntermediateDirectories: true)
        try Data("# Report\n\nAs of 2024-03-01\n".utf8).write(
            to: folder.appending(path: "site/index.md"))
        func run(_ arguments: [String]) -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.currentDirectoryURL = folder
            process.environment = [
                "PATH": "/usr/bin:/bin", "HOME": folder.path, "GIT_AUTHOR_NAME": "T",
                "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
                "GIT_COMMITTER_EMAIL": "t@example.org",
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch { return (-1, "\(error)") }
            let text = String(
                decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(run(["git", "init", "-q"]).0 == 0)
        // `true` stands for almanac: the build is not what is tested here.
        let first = run(["make", "--no-print-directory", "ALMANAC=true", "commit"])
        #expect(first.0 == 0)
        #expect(run(["git", "log", "--format=%s"]).1 == "Report as of 2024-03-01\n")
        let again = run(["make", "--no-print-directory", "ALMANAC=true", "commit"])
        #expect(again.0 == 0)
        #expect(again.1.contains("Nothing changed since the last commit."))
        #expect(run(["git", "log", "--format=%s"]).1 == "Report as of 2024-03-01\n")
    }

    /// A blind test's `almanac init /` wrote 16 files into the root folder.
    @Test("init refuses the root and the home folder, writing nothing")
    func rootAndHome() throws {
        let memory = FakeFileSystem()
        #expect(throws: SiteError.self) {
            try ProjectScaffold(files: memory).create(in: URL(fileURLWithPath: "/"), home: nil)
        }
        #expect(memory.written.isEmpty)
        let home = Fixture.folder()
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        #expect(throws: SiteError.self) {
            try ProjectScaffold(files: DiskFileSystem()).create(in: home, home: home.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }

    @Test("init onto a file, and a build with no questions file, say what to do")
    func wrongPlace() throws {
        let folder = Fixture.folder()
        let file = folder.appending(path: "questions.yaml")
        try Data("title: T\n".utf8).write(to: file)
        let error = #expect(throws: SiteError.self) {
            try ProjectScaffold(files: DiskFileSystem()).create(in: file)
        }
        #expect(
            error?.description
                == "\(file.path): is a file, not a folder; name a folder for the project")
        // Nothing was written beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["questions.yaml"])

        let missing = folder.appending(path: "elsewhere/questions.yaml").path
        let noFile = #expect(throws: InputError.self) {
            try QuestionLoader().load(contentsOf: missing, files: DiskFileSystem())
        }
        #expect(
            noFile?.description
                == "\(missing): no such questions file; run this in a report project (`almanac init DIR` makes one), or pass --questions PATH"
        )
    }
}
