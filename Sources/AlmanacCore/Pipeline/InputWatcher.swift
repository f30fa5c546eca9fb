import Foundation

/// What `almanac serve` watches: the size and modification time of the questions file, the
/// database file (and its WAL), every file of the templates folder and of the answer cache.
/// Which database and which cache depend on the questions file, so it is read again only
/// when its own stamp changes, not on every look; a questions file that does not load still
/// counts by its own stamp.
public final class InputWatcher: @unchecked Sendable {
    // @unchecked: one watch loop asks at a time.
    private let options: BuildOptions
    private let environment: Environment
    private var questionsStamp: String?
    private var derived: (paths: [String], folders: [URL]) = ([], [])
    /// The answer cache's lines, and how many looks ago they were taken: it is looked at
    /// once in `cacheEvery` looks. It can hold thousands of answers, which Almanac writes
    /// itself (2,000 took 17 ms a look: a third of a core while `serve` sat idle at 20 looks
    /// a second); the questions, the database and the templates are looked at every time.
    private var cacheLines: [String] = []
    private var looksSinceCache = Int.max
    /// Looks between two looks at the answer cache: once a second at `serve`'s 0.05 s.
    static let cacheEvery = 20

    init(options: BuildOptions, environment: Environment) {
        self.options = options
        self.environment = environment
    }

    /// One line per watched file; any change to an input changes the text.
    public func stamps() -> String {
        let files = environment.files
        let questions = stampLine(options.questionsPath)
        if questions != questionsStamp {
            questionsStamp = questions
            derived = derive()
            looksSinceCache = Int.max
        }
        var lines = [questions] + derived.paths.map(stampLine)
        // The templates folder beside the questions file is watched even before it exists:
        // making it changes the stamps, and the next build uses it.
        if let templates = options.templatesPath
            ?? (options.templatesFromFlag ? nil : besideQuestions)
        {
            lines += Self.lines(in: URL(fileURLWithPath: templates), files: files)
        }
        if looksSinceCache >= Self.cacheEvery {
            cacheLines = derived.folders.flatMap { Self.lines(in: $0, files: files) }
            looksSinceCache = 0
        }
        looksSinceCache += 1
        return (lines + cacheLines).joined(separator: "\n")
    }

    private static func lines(in folder: URL, files: any FileSystem) -> [String] {
        (BuildState.stamps(in: folder, files: files) ?? [:]).sorted { $0.key < $1.key }
            .map { "\(folder.path)/\($0.key):\($0.value.size):\($0.value.modified)" }
    }

    private var besideQuestions: String {
        let folder = (options.questionsPath as NSString).deletingLastPathComponent
        return folder.isEmpty
            ? ProjectScaffold.templatesFolder
            : (folder as NSString).appendingPathComponent(ProjectScaffold.templatesFolder)
    }

    /// The database file and its WAL, and the answer cache, as the questions file names them.
    private func derive() -> (paths: [String], folders: [URL]) {
        let file = try? QuestionLoader().load(
            contentsOf: options.questionsPath, files: environment.files)
        let named = options.databasePath.flatMap { PostgresURL.matches($0) ? nil : $0 }
        let resolved = file.flatMap {
            try? $0.databaseLocation(
                override: options.databasePath, timeout: options.statementTimeout
            ).filePath
        }
        let paths = (resolved ?? named).map { [$0, $0 + "-wal"] } ?? []
        let folders = file.map {
            [
                options.llm.settings(for: $0, jobs: options.jobs, environment: environment)
                    .cacheFolder
            ]
        }
        return (paths, folders ?? [])
    }

    private func stampLine(_ path: String) -> String {
        BuildState.stamp(path, files: environment.files).map {
            "\(path):\($0.size):\($0.modified)"
        } ?? path
    }
}
