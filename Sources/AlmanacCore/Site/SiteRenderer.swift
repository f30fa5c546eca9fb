import Foundation

/// Renders every file of a site from its reports: the question pages with their embed
/// pages, documents and Markdown twins, the index, the digest, the feed and the search index.
/// Templates, assets and renderers are prepared once per site.
public struct SiteRenderer: Sendable {
    /// Where the renderer writes each file, by path relative to the site.
    public typealias Sink = @Sendable (_ path: String, _ content: Data) throws -> Void

    /// How many tasks render pages at once. Each holds one question's pages at a time, so
    /// memory stays flat in the number of questions.
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
            for problem in templates.unknownNames() + templates.embedProblems() { warn(problem) }
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
    /// `previousFeed` is the feed the site had, whose entries the new feed keeps.
    public func render(
        _ reports: [QuestionReport], stats: DatabaseStats, week: WeeklyChange, digest: Digest,
        previousFeed: String?, into sink: @escaping Sink
    ) async throws -> Int {
        for (path, data) in assets.files { try sink(path, data) }
        try await renderPages(reports, stats: stats, into: sink)
        try sink(
            SiteLayout.indexName,
            Data(renderer.index(reports: reports, stats: stats, week: week).utf8))
        try sink("index.md", Data(twin.index(reports: reports, stats: stats, week: week).utf8))
        try sink("digest.md", Data(digest.markdown.utf8))
        try sink(SiteLayout.digestName, Data(digest.json.prettyEncoded().utf8))
        let feed = Feed(title: title, asOf: asOf).render(digest: digest, previous: previousFeed)
        try sink(SiteLayout.feedName, Data(feed.utf8))
        let search = Data(SearchIndex(reports: reports).text.utf8)
        try sink(SearchIndex.path, search)
        return search.count
    }

    /// A few tasks, each taking every n-th question, write pages as they finish them; a
    /// file's bytes never depend on which task wrote it or when.
    private func renderPages(
        _ reports: [QuestionReport], stats: DatabaseStats, into sink: @escaping Sink
    ) async throws {
        let width = Self.tasks
        try await withThrowingTaskGroup(of: Void.self) { group in
            for first in 0..<min(width, reports.count) {
                group.addTask {
                    for index in stride(from: first, to: reports.count, by: width) {
                        try renderPage(reports, at: index, stats: stats, into: sink)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    private func renderPage(
        _ reports: [QuestionReport], at index: Int, stats: DatabaseStats, into sink: Sink
    ) throws {
        let report = reports[index]
        let previous = index > 0 ? reports[index - 1] : nil
        let next = index + 1 < reports.count ? reports[index + 1] : nil
        let id = report.question.id
        try QuestionFailure.wrapping(id) {
            try renderPage(report, previous: previous, next: next, stats: stats, into: sink)
        }
    }

    private func renderPage(
        _ report: QuestionReport, previous: QuestionReport?, next: QuestionReport?,
        stats: DatabaseStats, into sink: Sink
    ) throws {
        let id = report.question.id
        let (page, embeds) = renderer.pages(for: report, previous: previous, next: next)
        try sink(id + ".html", Data(page.utf8))
        for embed in embeds { try sink(embed.path, Data(embed.html.utf8)) }
        let document = report.document(asOf: asOf, stats: stats).prettyEncoded()
        try sink(id + ".json", Data(document.utf8))
        try sink(id + ".md", Data(twin.page(for: report).utf8))
    }
}
