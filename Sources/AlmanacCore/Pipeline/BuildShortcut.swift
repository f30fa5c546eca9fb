import Foundation

/// The unchanged-input shortcut: a hash of everything a build's output depends on. When it
/// matches the last build's and the site's files are as that build left them, the site
/// stands as it is. A PostgreSQL database has no file to stamp, so its sites are always
/// rebuilt.
struct BuildShortcut {
    var options: BuildOptions
    var version: String
    var environment: Environment
    private var files: any FileSystem { environment.files }

    /// Everything the output depends on, hashed; see `BuildState`. Nil for a PostgreSQL
    /// database: nothing cheap tells whether its data changed.
    func fingerprint(_ file: QuestionFile, database: DatabaseLocation, narration: NarrationSettings)
        -> String?
    {
        guard let path = database.filePath else { return nil }
        var parts = ["almanac \(version) \(options.toolIdentity)"]
        parts.append(
            FileManager.default.contents(atPath: options.questionsPath).map { SHA256.hex($0) } ?? ""
        )
        parts += [
            BuildState.describe(path, files: files),
            BuildState.describe(path + "-wal", files: files),
        ]
        if let templates = options.templatesPath {
            parts.append(stamps(in: URL(fileURLWithPath: templates)))
        }
        if let plotly = options.plotlyPath {
            parts.append(BuildState.describe(plotly, files: files))
        }
        let llm = options.llm
        if narration.model != nil && llm.mode != .off {
            parts.append(stamps(in: narration.cacheFolder))
        }
        let model = narration.model.map {
            "\($0.model) \($0.temperature) \($0.maxTokens ?? -1) \($0.seed ?? -1) \($0.baseURL)"
        }
        parts += [
            path, options.asOf?.description ?? "", "\(options.plotlyFromCDN)",
            "\(options.chartLimit)", "\(options.strict)", "\(options.requireGrounded)",
            llm.mode.rawValue, model ?? "", llm.apiKey == nil ? "no key" : "key",
        ]
        return SHA256.hex(Array(parts.joined(separator: "\n").utf8))
    }

    /// The last build's summary when nothing changed since it; nil when the site must be
    /// built. `--force` and `--dump-sql` always build.
    func unchanged(_ fingerprint: String?, layout: SiteLayout, clock: PhaseClock) -> BuildSummary? {
        guard !options.force, options.dumpSQLPath == nil, let fingerprint,
            let state = BuildState.load(from: layout, files: files),
            state.fingerprint == fingerprint,
            BuildState.stamps(in: layout.site, files: files) == state.files,
            let asOf = CivilDate(iso: state.asOf)
        else { return nil }
        clock.mark("load")
        // The alerts are those the digest of that build recorded.
        return BuildSummary(
            pages: state.pages, asOf: asOf,
            files: WriteSummary(written: 0, kept: state.files.count, deleted: 0), warnings: [],
            alerts: Digest.triggeredAlerts(in: layout, files: files), phases: BuildPhase.list(clock)
        )
    }

    /// The size and modification time of every input `almanac serve` watches: the questions
    /// file, the database file (and its WAL), the templates folder and the answer cache. A
    /// questions file that does not load still counts by its own stamp.
    func inputStamps() -> String {
        var paths = [options.questionsPath]
        var folders: [URL] = []
        if let templates = options.templatesPath { folders.append(URL(fileURLWithPath: templates)) }
        let file = try? QuestionLoader().load(contentsOf: options.questionsPath, files: files)
        let named = options.databasePath.flatMap { PostgresURL.matches($0) ? nil : $0 }
        let resolved = file.flatMap {
            try? $0.databaseLocation(
                override: options.databasePath, timeout: options.statementTimeout
            ).filePath
        }
        if let database = resolved ?? named { paths += [database, database + "-wal"] }
        if let file {
            folders.append(
                options.llm.settings(for: file, jobs: options.jobs, environment: environment)
                    .cacheFolder)
        }
        var lines = paths.map { path in
            BuildState.stamp(path, files: files).map { "\(path):\($0.size):\($0.modified)" } ?? path
        }
        for folder in folders {
            lines += BuildState.stamps(in: folder, files: files).sorted { $0.key < $1.key }
                .map { "\(folder.path)/\($0.key):\($0.value.size):\($0.value.modified)" }
        }
        return lines.joined(separator: "\n")
    }

    private func stamps(in folder: URL) -> String {
        BuildState.stamps(in: folder, files: files).sorted { $0.key < $1.key }
            .map { "\($0.key):\($0.value.size):\($0.value.modified)" }.joined(separator: ",")
    }
}
