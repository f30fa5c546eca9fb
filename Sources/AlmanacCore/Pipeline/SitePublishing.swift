import Foundation

/// The last steps of a build: each question's charts drawn and its pages rendered straight
/// into a staging folder, one question after another; the `--strict` check, the SQL dump, and
/// the swap that publishes the new site. A failure at any step removes the staging folder,
/// and the current site stays as it was.
struct SitePublishing {
    var options: BuildOptions
    var version: String
    var files: any FileSystem
    var layout: SiteLayout
    var warnings: WarningLog

    /// What publishing did.
    struct Published {
        var written: WriteSummary
        var searchIndexBytes: Int
        var siteBytes: Int
        /// The site's files this build wrote or kept: Almanac's own, which the build state
        /// records.
        var produced: Set<String>
    }

    /// - Throws: `BuildError` at the rendering, strict or writing stage.
    func publish(
        _ answers: QuestionAnswering.Answers, pending: PendingReports, summaries: [ReportSummary],
        title: String, source: BuildSource, week: WeeklyChange, alerts: [AlertResult],
        previousFeed: String?, clock: PhaseClock
    ) async throws -> Published {
        let site = try BuildError.wrapping(.writing, nil) {
            try SiteWriter(files: files).begin(layout, force: options.force)
        }
        do {
            let renderer = try BuildError.wrapping(.rendering, nil) {
                try siteRenderer(title: title, asOf: source.asOf)
            }
            var digest = Digest(
                title: title, asOf: source.asOf, alerts: alerts, summaries: summaries)
            digest.week = week
            let searchIndexBytes: Int
            do {
                searchIndexBytes = try await renderer.render(
                    summaries, stats: source.stats, week: week, digest: digest,
                    previousFeed: previousFeed,
                    report: { [answers] in try answers.charted(pending.take($0)) },
                    into: { try site.put($0, $1) })
            } catch let error as BuildError {
                throw error  // a chart's failure, which names its own stage
            } catch {
                // A page that cannot be written is the writing stage's failure, in its question.
                let underlying = (error as? QuestionFailure)?.underlying ?? error
                throw BuildError(underlying is SiteError ? .writing : .rendering, error)
            }
            clock.mark("render")
            if options.strict && !warnings.list.isEmpty {
                throw BuildError(.strict, StrictFailure(warnings: warnings.list))
            }
            // The dump first: a dump that cannot be written fails the build before the new
            // site is swapped in, so the old site stays, as for any other failure.
            if let dump = options.dumpSQLPath {
                try BuildError.wrapping(.writing, nil) {
                    try write(source.recorder.dump(analyses: answers.sql), to: dump)
                }
            }
            let written = try BuildError.wrapping(.writing, nil) { try site.finish() }
            return Published(
                written: written, searchIndexBytes: searchIndexBytes, siteBytes: site.size,
                produced: site.producedPaths)
        } catch {
            site.abandon()
            throw error
        }
    }

    /// Templates (the built-in ones, overlaid with `--templates`), plotly.js and the page
    /// renderers, prepared once for the site.
    private func siteRenderer(title: String, asOf: CivilDate) throws -> SiteRenderer {
        // The templates' warnings come first, then plotly.js's.
        let plotly = {
            PlotlySource.choose(
                fromCDN: options.plotlyFromCDN, file: options.plotlyPath,
                read: { [files] in try files.contents(of: URL(fileURLWithPath: $0)) },
                warn: warnings.add)
        }
        return try SiteRenderer(
            title: title, asOf: asOf, version: version,
            templatesFolder: options.templatesPath.map { URL(fileURLWithPath: $0) },
            plotly: plotly, plotlyName: options.plotlyPath ?? "plotly.min.js", files: files,
            warn: warnings.add)
    }

    /// Refuses a `--dump-sql` path that the dump cannot be written to as a file of its own,
    /// before the build runs: an empty one, a folder, a FIFO or a device (the dump replaced
    /// `/dev/full` with a file), or a path inside the site folder, which the new site
    /// replaces (the dump was written, then swapped away). A symbolic link is written
    /// through, to the file it points to.
    static func checkDump(_ path: String, site: URL, files: any FileSystem) throws {
        guard !path.isEmpty else {
            throw SiteError(
                path: "--dump-sql", message: "needs the path of a file to write the SQL to")
        }
        let target = files.resolvingLinks(URL(fileURLWithPath: path)).standardizedFileURL
        if let kind = files.attributes(of: target)?.kind, kind != .file {
            throw SiteError(
                path: path,
                message:
                    "--dump-sql must name a file, and this is \(kind == .directory ? "a folder" : "a FIFO, a device or a socket"); name a file to write the SQL to"
            )
        }
        // The dump replaces the file it names: a blind test turned its database, its
        // questions file and a template into SQL text so, and another its own schema and
        // migration scripts. A file that is there already must be an earlier dump.
        if let head = try? files.contents(of: target, limit: 256), !head.isEmpty,
            !StatementRecorder.isDump(head)
        {
            throw SiteError(
                path: path,
                message:
                    "--dump-sql replaces the file it names, and this one is not a dump Almanac wrote (it is \(Self.describe(head))); name a new file, or move this one away first"
            )
        }
        let folder = site.standardizedFileURL.path
        if target.path == folder || target.path.hasPrefix(folder + "/") {
            throw SiteError(
                path: path,
                message:
                    "the SQL dump would be inside the site folder \(folder), which the new site replaces; write it outside --out"
            )
        }
    }

    private static func describe(_ head: Data) -> String {
        if head.starts(with: Data("SQLite format 3".utf8)) { return "a SQLite database" }
        if head.contains(0) { return "a binary file" }
        let first =
            String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline)
            .first.map { String($0.prefix(40)) } ?? ""
        return "text beginning \"\(first)\""
    }

    private func write(_ dump: String, to path: String) throws {
        do {
            try files.write(
                Data(dump.utf8), to: files.resolvingLinks(URL(fileURLWithPath: path)))
        } catch {
            throw SiteError(
                path: path, message: "cannot write the SQL dump: \(error.localizedDescription)")
        }
    }
}

/// Warnings that `--strict` turned into a failure.
public struct StrictFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var warnings: [String]

    public var description: String {
        "--strict treats warnings as errors:\n" + warnings.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Every question's report without its charts, each handed out once and then dropped, so a
/// build holds only the reports of the questions not yet rendered.
///
/// The array is kept as it came, not copied: at 10,000 questions the reports are 3.4 MB in
/// place (their answers, matches and comparisons are boxed, `Indirect`). A report handed out
/// leaves a copy of the first one handed out in its place, which shares that report's boxes,
/// numbers and text: what the handed-out report held is let go, and the array itself goes
/// with the last one.
final class PendingReports: @unchecked Sendable {
    // @unchecked: `reports`, `taken`, `left` and `placeholder` are only touched under `lock`.
    private let lock = NSLock()
    private var reports: [QuestionReport]
    private var taken: [Bool]
    private var left: Int
    private var placeholder: QuestionReport?

    init(_ reports: consuming [QuestionReport]) {
        taken = Array(repeating: false, count: reports.count)
        left = reports.count
        self.reports = reports
    }

    /// The report at `index`, which is no longer held here. Each is taken once.
    func take(_ index: Int) -> QuestionReport {
        lock.withLock {
            precondition(!taken[index], "the report of question \(index) was taken twice")
            taken[index] = true
            left -= 1
            let report = reports[index]
            if left == 0 {
                reports = []
                placeholder = nil
                return report
            }
            if placeholder == nil { placeholder = report }
            reports[index] = placeholder!
            return report
        }
    }
}
