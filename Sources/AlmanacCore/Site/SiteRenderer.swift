import Foundation

/// Renders every file of a site from its reports: the question pages with their embed
/// pages, documents and Markdown twins, the index, the digest, the feed and the search index.
/// Templates, assets and renderers are prepared once per site.
///
/// Questions stream through it: each one's charts are drawn just before its pages, and all
/// of them are dropped once its files are written. The shared files read only the questions'
/// summaries, so memory stays flat in the number of questions.
public struct SiteRenderer: Sendable {
    /// Where the renderer writes each file, by path relative to the site.
    public typealias Sink = @Sendable (_ path: String, _ content: Data) throws -> Void
    /// The report of the question at an index, with its charts; asked once per question.
    public typealias Report = @Sendable (_ index: Int) throws -> QuestionReport

    /// How many tasks draw and render questions at once: enough to keep two cores busy while
    /// one task waits on a write. Each holds one question's charts and pages at a time.
    public static let tasks = 4

    private let renderer: PageRenderer
    private let twin: MarkdownTwin
    private let assets: SiteAssets
    private let title: String
    private let asOf: CivilDate

    /// - Parameter warn: receives what the reader of the build should know (a template name
    ///   that nothing uses, plotly.js from a CDN or of another version).
    /// - Throws: `TemplateError` for a template that does not parse; an I/O error for a
    ///   templates folder that cannot be read.
    public init(
        title: String, asOf: CivilDate, version: String, templatesFolder: URL?,
        plotly: () -> PlotlySource, plotlyName: String, files: any FileSystem,
        warn: (String) -> Void
    ) throws {
        var templates = TemplateSet.builtIn
        if let templatesFolder {
            templates = try templates.overlaid(with: templatesFolder, files: files)
            for problem in templates.unknownNames() + templates.outdatedProblems() { warn(problem) }
        }
        assets = try SiteAssets(templates: templates, plotly: plotly())
        if let digest = assets.plotlyDigest, digest != PlotlyJS.sha256 {
            warn(
                "\(plotlyName) is not the plotly.js \(PlotlyJS.version) that Almanac's charts are checked against (its sha256 differs); charts may not render"
            )
        }
        renderer = try PageRenderer(
            templates: templates, assets: assets, siteTitle: title, asOf: asOf, version: version)
        twin = MarkdownTwin(siteTitle: title, asOf: asOf)
        self.title = title
        self.asOf = asOf
    }

    /// Writes the whole site into `sink`; returns the search index's size in bytes.
    /// - Parameters:
    ///   - summaries: every question's summary, in order.
    ///   - previousFeed: the feed the site had, whose entries the new feed keeps.
    ///   - report: gives each question's report with its charts (its error names its own
    ///     stage and question), just before its pages are rendered.
    /// - Throws: the error of the first question in file order that failed (`QuestionFailure`
    ///   for rendering and writing, `report`'s own), or a shared file's.
    public func render(
        _ summaries: [ReportSummary], stats: DatabaseStats, week: WeeklyChange, digest: Digest,
        previousFeed: String?, report: @escaping Report, into sink: @escaping Sink
    ) async throws -> Int {
        for (path, data) in assets.files { try sink(path, data) }
        try await renderPages(summaries, report: report, stats: stats, into: sink)
        // Every report has been freed, on the render tasks' threads: the shared files below
        // are made on another.
        Allocator.releaseFreed()
        try sink(
            SiteLayout.indexName,
            Data(renderer.index(summaries: summaries, stats: stats, week: week).utf8))
        try sink(
            "index.md", Data(twin.index(summaries: summaries, stats: stats, week: week).utf8))
        try sink("digest.md", Data(digest.markdown.utf8))
        try sink(SiteLayout.digestName, Data(digest.json.prettyEncoded().utf8))
        let feed = Feed(title: title, asOf: asOf).render(
            digest: digest, previous: previousFeed, pages: Set(summaries.map(\.question.id)))
        try sink(SiteLayout.feedName, Data(feed.utf8))
        let search = SearchIndex(summaries: summaries).data
        try sink(SearchIndex.path, search)
        return search.count
    }

    /// A few tasks, each taking the next question not yet taken, draw, render and write it,
    /// then drop it; a file's bytes never depend on which task wrote it or when. The questions
    /// are taken in file order, so after a failure the tasks have taken every question before
    /// it: they finish those and stop, and the error reported is always that of the first
    /// failing question in file order.
    private func renderPages(
        _ summaries: [ReportSummary], report: @escaping Report, stats: DatabaseStats,
        into sink: @escaping Sink
    ) async throws {
        let width = Self.tasks
        let failure = FirstFailure()
        let dispenser = IndexDispenser(count: summaries.count)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(width, summaries.count) {
                group.addTask {
                    while let index = dispenser.next() {
                        guard !failure.precedes(index) else { return }
                        do {
                            try renderPage(
                                summaries, at: index, report: report, stats: stats, into: sink)
                        } catch {
                            failure.record(error, at: index)
                            return
                        }
                    }
                }
            }
        }
        if let error = failure.error { throw error }
    }

    private func renderPage(
        _ summaries: [ReportSummary], at index: Int, report: Report, stats: DatabaseStats,
        into sink: Sink
    ) throws {
        let report = try report(index)
        let previous = index > 0 ? summaries[index - 1].question : nil
        let next = index + 1 < summaries.count ? summaries[index + 1].question : nil
        try QuestionFailure.wrapping(report.question.id) {
            let id = report.question.id
            let (page, embeds) = renderer.pages(for: report, between: previous, and: next)
            try sink(id + ".html", Data(page.utf8))
            for embed in embeds { try sink(embed.path, Data(embed.html.utf8)) }
            try sink(id + ".json", report.document(asOf: asOf, stats: stats).prettyEncodedData())
            try sink(id + ".md", Data(twin.page(for: report).utf8))
        }
    }
}

/// The failure of the first question, in file order, among those that failed so far.
private final class FirstFailure: @unchecked Sendable {
    // @unchecked: `first` is only read and written under `lock`.
    private let lock = NSLock()
    private var first: (index: Int, error: any Error)?

    /// Whether a question before `index` failed: its work would be thrown away.
    func precedes(_ index: Int) -> Bool {
        lock.withLock { first.map { $0.index < index } ?? false }
    }

    func record(_ error: any Error, at index: Int) {
        lock.withLock {
            if first.map({ index < $0.index }) ?? true { first = (index, error) }
        }
    }

    var error: (any Error)? { lock.withLock { first?.error } }
}
