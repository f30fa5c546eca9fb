import Foundation

@testable import AlmanacCore

/// The tests' one build harness: a temporary project folder holding a small SQLite database
/// and a `questions.yaml`, built into `site/` by `ReportBuilder`, and read back.
///
/// `builder(_:)` is the only place the tests construct a `ReportBuilder`; `build` and `ask`
/// both go through it, so a change to the builder's initializer is a change to one line.
struct Project {
    /// The fixture's questions: two kinds over `Fixture.platformRows` (one in a section) and a
    /// custom query with a chart.
    static let questions = """
        title: Fixture Pulse
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
            section: Badges
          - text: What is the completion rate by organization?
            id: completion
          - text: Own query
            id: own
            sql: SELECT name, id FROM badges ORDER BY id
            charts: [{type: bar, x: name, y: id}]
        """

    /// The project's folder: `questions.yaml`, `site/`, `answers/` and anything a test adds.
    var folder: URL
    /// The SQLite database every build reads unless a test names another.
    var database: String
    /// What `build()` writes to `questions.yaml` when a test gives no text of its own.
    var questions: String
    /// Every event of every build and `ask` of this project, in order.
    let log = BuildLog()
    /// Where builds read and write files: the disk unless a test puts a fake here.
    var files: any FileSystem = DiskFileSystem()
    /// How builds reach the language model: real HTTP (to a loopback server) unless a test
    /// puts a fake transport here.
    var http: any HTTPTransport = URLSessionTransport()
    /// The wall clock builds see: only the check of data dated in the future reads it.
    var now: @Sendable () -> Date = { Date() }
    /// Sees each event as the build logs it, on the build's own path (a test can act between
    /// the build's steps).
    var observe: @Sendable (BuildEvent) -> Void = { _ in }

    /// A project over a new database holding `rows` (SQL statements).
    init(rows: String = Fixture.platformRows, questions: String = Project.questions) throws {
        self.init(database: try Fixture.database(rows), questions: questions)
    }

    /// A project over an existing database.
    init(database: String, in folder: URL = Fixture.folder(), questions: String = Project.questions)
    {
        self.folder = folder
        self.database = database
        self.questions = questions
    }

    var site: URL { folder.appending(path: "site") }
    var answers: URL { folder.appending(path: "answers") }
    var questionsFile: URL { folder.appending(path: "questions.yaml") }

    // MARK: - Building

    /// The options every build starts from: this project's files, plotly.js from the CDN so
    /// pages stay small, no language model.
    var options: BuildOptions {
        var options = BuildOptions(
            questionsPath: questionsFile.path, databasePath: database, outputPath: site.path)
        options.plotlyFromCDN = true
        return options
    }

    /// The builder for `options`, logging into `log`: the one place the tests construct it.
    func builder(_ options: BuildOptions) -> ReportBuilder {
        let (log, observe) = (self.log, self.observe)
        let environment = Environment.test(
            files: files, http: http, now: now,
            log: {
                log.add($0)
                observe($0)
            })
        return ReportBuilder(options: options, version: "test", environment: environment)
    }

    /// Writes `yaml` (or `questions`) to `questions.yaml` and builds the site into `site/`.
    /// - Throws: the build's `BuildError`.
    @discardableResult
    func build(
        _ yaml: String? = nil, configure: (inout BuildOptions) -> Void = { _ in }
    ) async throws -> BuildSummary {
        try Data((yaml ?? questions).utf8).write(to: questionsFile)
        var options = self.options
        configure(&options)
        return try await builder(options).build()
    }

    /// `almanac ask`: one question through the build's matcher, analytics and narrator, with
    /// `yaml` as the questions file when given (otherwise there is none).
    /// - Throws: the build's `BuildError`.
    func ask(
        _ text: String, questions yaml: String? = nil,
        configure: (inout BuildOptions) -> Void = { _ in }
    ) async throws -> (report: QuestionReport, document: JSONValue, warnings: [String]) {
        if let yaml { try Data(yaml.utf8).write(to: questionsFile) }
        var options = self.options
        configure(&options)
        return try await builder(options).ask(text)
    }

    // MARK: - Reading the site

    /// A file of the site as text; empty when it is missing.
    func read(_ name: String) -> String {
        (try? String(contentsOf: site.appending(path: name), encoding: .utf8)) ?? ""
    }

    /// A question's report document, `site/<id>.json`.
    func document(_ id: String) throws -> JSONValue {
        try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: site.appending(path: id + ".json")))
    }

    /// Every file of the site with its bytes and modification time, by its path in the site.
    func snapshot() -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let date = attributes?[.modificationDate] as? Date ?? .distantPast
            result[String(url.path.dropFirst(site.path.count))] = (data, date)
        }
        return result
    }

    /// Whether two snapshots hold the same files with the same bytes and times.
    static func same(_ a: [String: (Data, Date)], _ b: [String: (Data, Date)]) -> Bool {
        a.keys.sorted() == b.keys.sorted()
            && a.allSatisfy { key, value in b[key]!.0 == value.0 && b[key]!.1 == value.1 }
    }

    /// Every file under a folder, as text.
    func texts(in folder: URL) -> [String] {
        var result: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path) {
                result.append(String(decoding: data, as: UTF8.self))
            }
        }
        return result
    }
}

/// The events a build logs, recorded from whichever task logs them.
final class BuildLog: @unchecked Sendable {
    // @unchecked: `recorded` is only touched under `lock`.
    private let lock = NSLock()
    private var recorded: [BuildEvent] = []

    func add(_ event: BuildEvent) {
        lock.lock()
        recorded.append(event)
        lock.unlock()
    }

    var events: [BuildEvent] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
