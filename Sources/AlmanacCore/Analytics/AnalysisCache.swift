import Foundation

/// The last build's analysis results, kept in a file beside the site (`SiteLayout`),
/// so that a rebuild after a question changed runs only the analyses it has not seen: the
/// others come back from here while the database, the as-of date and the tool are the same.
struct AnalysisCache {
    /// Everything the results depend on besides the question itself.
    var scope: String
    private(set) var entries: [String: Entry] = [:]
    /// Row warnings of the database's last full check, to repeat when the pass is skipped.
    var warnings: [SchemaFinding] = []

    /// Whether a result of this data is known from the last build. The cache holds results
    /// only of a build on this same data (the file's size and time, the as-of date, the tool)
    /// that passed the row rules, so a build that knows one does not check them again (it
    /// repeats `warnings`), and makes no temporary facts (`BuildFacts`): its few statements
    /// define them in their own `WITH` (`AnalysisRunner.readsBuildFacts`). A build that knows
    /// none makes them, and checks the rules before any result is read.
    var knowsThisData: Bool { !entries.isEmpty }

    struct Entry: Codable {
        var kind: String
        var output: Data
    }

    private struct File: Codable {
        var scope: String
        var entries: [String: Entry]
        var warnings: [String]
    }

    /// The cache for this scope; empty when the file is missing, unreadable or for another
    /// database, date or tool: every analysis then simply runs.
    static func load(from url: URL, scope: String, files: any FileSystem) -> AnalysisCache {
        var cache = AnalysisCache(scope: scope)
        guard let data = try? files.contents(of: url),
            let file = try? JSONDecoder().decode(File.self, from: data), file.scope == scope
        else { return cache }
        cache.entries = file.entries
        cache.warnings = file.warnings.map { SchemaFinding(severity: .warning, message: $0) }
        return cache
    }

    /// Records this build's results. A failure only costs the next build its shortcut, so
    /// the caller reports it as a warning.
    /// - Throws: `FileSystemError` with the cache file's path and the system's reason.
    func save(to url: URL, files: any FileSystem) throws {
        do {
            try files.createDirectory(at: url.deletingLastPathComponent())
            try files.write(encoded(), to: url)
        } catch {
            throw FileSystemError(
                path: url.path,
                reason:
                    "cannot save the analysis results (the next build will run every analysis again): \(error.localizedDescription)"
            )
        }
    }

    /// The file, as `JSONDecoder` reads a `File` (each output in base64), written straight
    /// into one buffer: `JSONEncoder`'s tree and base64 strings took twice the file's size
    /// (7.5 MB at 2,000 questions) at the end of the SQL phase, where the build's memory is
    /// at its peak. Entries in the order of their names.
    func encoded() -> Data {
        let sizes = entries.values.reduce(0) {
            $0 + 96 + $1.kind.utf8.count + $1.output.count * 4 / 3
        }
        let texts = ([scope] + warnings.map(\.description)).reduce(0) { $0 + 2 * $1.utf8.count }
        var writer = JSONWriter<Data>(
            pretty: false, scriptSafe: false, capacity: 64 + sizes + texts)
        writer.append("{\"scope\":")
        writer.write(scope)
        writer.append(",\"warnings\":[")
        for (index, warning) in warnings.enumerated() {
            if index > 0 { writer.append(UInt8(ascii: ",")) }
            writer.write(warning.description)
        }
        writer.append("],\"entries\":{")
        for (index, name) in entries.keys.sorted().enumerated() {
            guard let entry = entries[name] else { continue }
            if index > 0 { writer.append(UInt8(ascii: ",")) }
            writer.write(name)
            writer.append(":{\"kind\":")
            writer.write(entry.kind)
            writer.append(",\"output\":\"")
            // Base64's letters, digits, `+`, `/` and `=` need no escape in a JSON string.
            writer.append(contentsOf: entry.output.base64EncodedData())
            writer.append("\"}")
        }
        writer.append("}}")
        return writer.bytes
    }

    /// A stable name for an analysis.
    static func name(_ key: AnalysisKey) -> String {
        let range = key.filters.dateRange
        let parts =
            [
                key.kind.rawValue, key.filters.badge ?? "", key.filters.organization ?? "",
                range?.start?.description ?? "", range?.end?.description ?? "", range?.phrase ?? "",
                key.granularity?.rawValue ?? "", key.sql ?? "", key.asOf.description,
            ] + (key.measuresOnly ? ["measures only"] : [])
        return SHA256.hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    func output(for key: AnalysisKey) -> (any AnalysisOutput)? {
        guard let entry = entries[Self.name(key)] else { return nil }
        // An entry that no longer decodes (another tool version wrote it) is computed again.
        let decoder = JSONDecoder()
        guard let analysis = key.kind.analysis else {
            return try? decoder.decode(CustomSQL.self, from: entry.output)
        }
        return try? decoder.decode(analysis, from: entry.output)
    }

    mutating func store(_ output: any AnalysisOutput, for key: AnalysisKey) {
        store(encoded: Self.encoded(output), for: key)
    }

    /// An output as an entry keeps it; nil for one that cannot be kept.
    static func encoded(_ output: any AnalysisOutput) -> Data? {
        let encoder = JSONEncoder()
        switch output {
        case let result as any Analysis: return try? encoder.encode(result)
        case let result as CustomSQL: return try? encoder.encode(result)
        default: return nil
        }
    }

    /// Keeps an output `encoded` already (the build encodes its outputs on every core).
    mutating func store(encoded data: Data?, for key: AnalysisKey) {
        if let data { entries[Self.name(key)] = Entry(kind: key.kind.rawValue, output: data) }
    }

    /// A scope's weekly series as of a date (`WeeklySeries`), kept beside the analyses so
    /// that a rebuild whose scopes are all known runs no statement for them.
    static func weeklyName(_ filters: Filters, asOf: CivilDate) -> String {
        let range = filters.dateRange
        let parts = [
            "weekly", filters.badge ?? "", filters.organization ?? "",
            range?.start?.description ?? "", range?.end?.description ?? "", asOf.description,
        ]
        return SHA256.hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    func weekly(for filters: Filters, asOf: CivilDate) -> WeeklySeries? {
        weeklyData(for: filters, asOf: asOf).flatMap {
            try? JSONDecoder().decode(WeeklySeries.self, from: $0)
        }
    }

    /// A scope's weekly series as kept: stored again as it is, not encoded again.
    func weeklyData(for filters: Filters, asOf: CivilDate) -> Data? {
        entries[Self.weeklyName(filters, asOf: asOf)]?.output
    }

    mutating func store(_ series: WeeklySeries, for filters: Filters, asOf: CivilDate) {
        store(encoded: try? JSONEncoder().encode(series), for: filters, asOf: asOf)
    }

    /// Keeps a weekly series `encoded` already (the build encodes them on every core).
    mutating func store(encoded data: Data?, for filters: Filters, asOf: CivilDate) {
        guard let data else { return }
        entries[Self.weeklyName(filters, asOf: asOf)] = Entry(kind: "weekly", output: data)
    }

    static func driversName(_ window: DriverWindow) -> String {
        SHA256.hex(Array(window.cacheName.utf8))
    }

    /// A window's counts for the drivers of a move (`DriverCounts`), kept the same way.
    /// Nil when `learners` are wanted and the kept counts have none.
    func drivers(for window: DriverWindow, learners: Bool) -> DriverCounts? {
        guard let entry = entries[Self.driversName(window)],
            let counts = try? JSONDecoder().decode(DriverCounts.self, from: entry.output),
            counts.countsLearners || !learners
        else { return nil }
        return counts
    }

    mutating func store(_ counts: DriverCounts, for window: DriverWindow) {
        guard let data = try? JSONEncoder().encode(counts) else { return }
        entries[Self.driversName(window)] = Entry(kind: "drivers", output: data)
    }

    /// Keeps only the analyses this build used.
    mutating func keep(_ keys: [AnalysisKey]) {
        let names = Set(keys.map(Self.name))
        entries = entries.filter { names.contains($0.key) }
    }
}
