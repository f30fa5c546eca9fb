import Foundation

/// What a build keeps beside the site for the next one (`SiteLayout`'s sidecar folder).
///
/// - The unchanged-input shortcut: a hash of everything the output depends on. When it
///   matches the last build's and the site's files are as that build left them, the site
///   stands as it is. A PostgreSQL database has no file to stamp, so its sites are always
///   rebuilt.
/// - The analysis results, so that a rebuild after a question changed runs only the
///   analyses it has not seen.
///
/// Neither is needed for a correct site: a record that cannot be saved is a warning.
struct BuildRecords {
    var options: BuildOptions
    var version: String
    var environment: Environment
    var layout: SiteLayout
    private var files: any FileSystem { environment.files }

    /// What a build's output depends on, as the build began: the questions file's bytes as
    /// loaded, the database file's and its WAL's stamps before its snapshot, the templates'
    /// and plotly.js's stamps before they are read, and the settings. A build records these,
    /// not the files as they are when it ends: a questions file saved during a build (in
    /// `serve`, the next edit) was recorded as built, and every later build said nothing
    /// had changed (blind test 55). Only the answer cache is stamped again at the end
    /// (`fingerprint(of:)`), since the build writes its own answers there. Nil for a
    /// PostgreSQL database: nothing cheap tells whether its data changed.
    struct Inputs {
        fileprivate var parts: [String]
        fileprivate var answerCache: URL?
    }

    /// The build's inputs now: call it before the build reads the database or the templates.
    func inputs(_ file: QuestionFile, database: DatabaseLocation, narration: NarrationSettings)
        -> Inputs?
    {
        guard let path = database.filePath else { return nil }
        var parts = ["almanac \(version) \(options.toolIdentity)"]
        parts.append(
            file.digest
                ?? (try? files.contents(of: URL(fileURLWithPath: options.questionsPath)))?.map {
                    SHA256.hex($0)
                } ?? ""
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
        let model = narration.model.map {
            "\($0.model) \($0.temperature) \($0.maxTokens ?? -1) \($0.seed ?? -1) \($0.baseURL)"
        }
        parts += [
            path, options.asOf?.description ?? "", "\(options.plotlyFromCDN)",
            "\(options.chartLimit)", "\(options.strict)", "\(options.requireGrounded)",
            llm.mode.rawValue, model ?? "", llm.apiKey == nil ? "no key" : "key",
        ]
        let answerCache = narration.model != nil && llm.mode != .off ? narration.cacheFolder : nil
        return Inputs(parts: parts, answerCache: answerCache)
    }

    /// The inputs hashed, with the answer cache's stamps as they are now; see `BuildState`.
    func fingerprint(of inputs: Inputs?) -> String? {
        guard let inputs else { return nil }
        let cache = inputs.answerCache.map { [stamps(in: $0)] } ?? []
        return SHA256.hex(Array((inputs.parts + cache).joined(separator: "\n").utf8))
    }

    /// The last build's summary when nothing changed since it; nil when the site must be
    /// built. `--force` and `--dump-sql` always build.
    func unchanged(_ fingerprint: String?, clock: PhaseClock) -> BuildSummary? {
        guard !options.force, options.dumpSQLPath == nil, let fingerprint,
            let state = BuildState.load(from: layout, files: files),
            state.fingerprint == fingerprint,
            siteStamps(of: Set(state.files.keys)) == state.files,
            let asOf = CivilDate(iso: state.asOf)
        else { return nil }
        clock.mark("load")
        // The alerts are those the digest of that build recorded, the warnings its own.
        return BuildSummary(
            pages: state.pages, asOf: asOf,
            files: WriteSummary(written: 0, kept: state.files.count, deleted: 0),
            warnings: state.warnings ?? [],
            alerts: Digest.triggeredAlerts(in: layout, files: files), phases: clock.phases
        )
    }

    /// Records the build's state for the shortcut, with the files it produced as they are now
    /// (files someone else put in the folder are not the build's, and are never deleted). A
    /// build whose narration fell back to the offline narrator (a model that failed, a
    /// missing cached answer) passes no fingerprint, so that the next build tries again.
    func recordState(
        _ fingerprint: String?, produced: Set<String>, pages: Int, asOf: CivilDate,
        warnings: WarningLog
    ) {
        // Without a fingerprint (PostgreSQL, or narration that fell back) the state still
        // records the files, and no later build takes the shortcut from it: "" matches none.
        do {
            try BuildState(
                fingerprint: fingerprint ?? "", files: siteStamps(of: produced), pages: pages,
                asOf: asOf.description,
                warnings: warnings.list
            ).save(to: layout, files: files)
        } catch {
            warnings.add(String(describing: error))
        }
    }

    /// The site's own files, by path: what the shortcut compares. A file of `paths` that is
    /// gone has no stamp, so the comparison fails and the build restores it; a file someone
    /// else added is not looked at.
    private func siteStamps(of paths: Set<String>) -> [String: BuildState.Stamp] {
        var result: [String: BuildState.Stamp] = [:]
        for relative in paths {
            if let stamp = BuildState.stamp(
                layout.site.appending(path: relative).path, files: files)
            {
                result[relative] = stamp
            }
        }
        return result
    }

    // MARK: - Analysis results

    /// The last build's analysis results on the same data, date and tool; empty for
    /// `--force`, `--dump-sql` (which must show every statement) and PostgreSQL, whose data
    /// has no file to tell a change by.
    /// - Parameter stamps: the database file's `dataStamps`, taken before the build's snapshot
    ///   began: a write between the two then makes the next build start cold, where results
    ///   of the data before it were kept under a stamp of the data after it.
    func analysisCache(for source: BuildSource, stamps: String) -> AnalysisCache {
        let scope = analysisScope(source, stamps: stamps)
        guard keepsAnalyses(source), !options.force, options.dumpSQLPath == nil else {
            return AnalysisCache(scope: scope)
        }
        return AnalysisCache.load(from: layout.analysisCache, scope: scope, files: files)
    }

    /// Keeps this build's analysis results for the next one.
    func keep(_ cache: AnalysisCache, for source: BuildSource, warnings: WarningLog) {
        guard keepsAnalyses(source) else { return }
        do {
            try cache.save(to: layout.analysisCache, files: files)
        } catch {
            warnings.add(String(describing: error))
        }
    }

    private func keepsAnalyses(_ source: BuildSource) -> Bool {
        source.location.filePath != nil
    }

    /// The database file's size and time, and its write-ahead log's, as they are now.
    func dataStamps(_ location: DatabaseLocation) -> String {
        guard let database = location.filePath else { return location.description }
        return [
            BuildState.describe(database, files: files),
            BuildState.describe(database + "-wal", files: files),
        ].joined(separator: "\n")
    }

    /// What the analysis results depend on besides the questions.
    func analysisScope(_ source: BuildSource, stamps: String) -> String {
        [stamps, source.asOf.description, version, options.toolIdentity].joined(separator: "\n")
    }

    private func stamps(in folder: URL) -> String {
        guard let stamps = BuildState.stamps(in: folder, files: files) else {
            return "\(folder.path): cannot be listed"
        }
        return stamps.sorted { $0.key < $1.key }
            .map { "\($0.key):\($0.value.size):\($0.value.modified)" }.joined(separator: ",")
    }
}
