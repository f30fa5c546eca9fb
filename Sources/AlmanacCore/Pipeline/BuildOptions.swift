import Foundation

/// Everything `almanac build` was asked to do. The CLI fills it from flags and the
/// environment; the core never reads either itself.
public struct BuildOptions: Sendable {
    public var questionsPath: String
    /// Overrides `database:` in the questions file: a SQLite path or a `postgres://` URL.
    public var databasePath: String?
    /// Milliseconds a statement may run (PostgreSQL and SQLite), 0 for no limit; overrides
    /// `database_options.statement_timeout`. The default is five minutes.
    public var statementTimeout: Int?
    public var outputPath: String
    /// The user's home folder, which is refused as the output folder; nil when unknown.
    public var homeFolder: String?
    /// A folder whose templates replace the built-in ones of the same name.
    public var templatesPath: String?
    /// True when `--templates` named it; otherwise it is the `templates/` folder beside the
    /// questions file when there is one, which `serve` looks for again before each build.
    public var templatesFromFlag = false
    /// The report date; by default the latest activity in the data.
    public var asOf: CivilDate?
    /// A plotly.min.js to copy into the site instead of the one compiled into the binary.
    public var plotlyPath: String?
    public var plotlyFromCDN = false
    /// Where to write every SQL statement the build ran (`--dump-sql`).
    public var dumpSQLPath: String?
    public var force = false
    /// Identifies the Almanac binary (its size and modification time), so that a new build
    /// of the tool never takes the unchanged-input shortcut with an old site.
    public var toolIdentity = ""
    /// The language model; the offline narrator writes every answer when the mode is `off`.
    public var llm = LLMOptions(mode: .off)
    /// Fail when an answer quotes a figure that is not in its data.
    public var requireGrounded = false
    /// How many language-model requests may be in flight at once.
    public var jobs = 4
    /// Turn every warning into an error; the previous site stays as it was.
    public var strict = false
    public var chartLimit = 15

    public init(questionsPath: String, databasePath: String? = nil, outputPath: String) {
        self.questionsPath = questionsPath
        self.databasePath = databasePath
        self.outputPath = outputPath
    }

    /// The templates a build uses, first found: `flag` (`--templates DIR`); else the
    /// `templates/` folder beside the questions file, when there is one (what `almanac init`
    /// writes); else nil, the built-in templates. Either folder replaces only the built-in
    /// files it holds.
    public static func templatesFolder(
        flag: String?, questionsPath: String, files: any FileSystem
    ) -> String? {
        if let flag { return flag }
        let folder = (questionsPath as NSString).deletingLastPathComponent
        let beside =
            folder.isEmpty
            ? ProjectScaffold.templatesFolder
            : (folder as NSString).appendingPathComponent(ProjectScaffold.templatesFolder)
        return files.isDirectory(URL(fileURLWithPath: beside)) ? beside : nil
    }
}

/// What a build did.
public struct BuildSummary: Sendable, Equatable {
    public var pages: Int
    public var asOf: CivilDate
    public var files: WriteSummary
    public var warnings: [String]
    /// The alerts that were triggered, in words.
    public var alerts: [String] = []
    /// Wall time of each phase, in order: load, match, sql, charts, narration, render, write.
    public var phases: [BuildPhase] = []
    /// Bytes of `assets/search-index.js` and of the whole site, as built (0 when nothing was
    /// built because no input changed).
    public var searchIndexBytes = 0
    public var siteBytes = 0
    /// The analyses' plan: each shared statement with its scopes, rows and milliseconds.
    public var plan: [PlanStep] = []
    /// Every statement the build ran, and SQLite's virtual-machine steps over all of them.
    public var execution = ExecutionCounters.Snapshot()
}

extension WriteSummary: CustomStringConvertible {
    /// As the build's summary line says it: `3 files written, 18 kept, 0 deleted.`
    public var description: String {
        "\(written) \(written == 1 ? "file" : "files") written, \(kept) kept, \(deleted) deleted."
    }
}
