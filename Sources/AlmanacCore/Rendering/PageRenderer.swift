import Foundation
import Mustache

/// The site's shared assets, with content-hashed file names.
public struct SiteAssets: Sendable {
    public var style: (name: String, text: String)
    public var script: (name: String, text: String)
    /// The search box's script; its data is `SearchIndex`, written beside it.
    public var search: (name: String, text: String)
    public var plotly: PlotlySource
    /// `assets/plotly-<hash>.min.js`, or the CDN URL.
    public var plotlyReference: String
    /// The sha256 of a self-hosted plotly.js.
    public var plotlyDigest: String?

    /// Names the assets by their content: `style-<first 12 hex of sha256>.css`.
    /// - Throws: `TemplateError` when a template folder lacks an asset.
    public init(templates: TemplateSet, plotly: PlotlySource) throws {
        guard let css = templates.asset("style.css") else {
            throw TemplateError(file: "assets/style.css", message: "missing stylesheet")
        }
        guard let js = templates.asset("almanac.js") else {
            throw TemplateError(file: "assets/almanac.js", message: "missing site script")
        }
        guard let searchJS = templates.asset("search.js") else {
            throw TemplateError(file: "assets/search.js", message: "missing search script")
        }
        style = ("style-\(SiteAssets.hash(Array(css.utf8))).css", css)
        search = ("search-\(SiteAssets.hash(Array(searchJS.utf8))).js", searchJS)
        script = ("almanac-\(SiteAssets.hash(Array(js.utf8))).js", js)
        self.plotly = plotly
        switch plotly {
        case .local(let data):
            plotlyDigest = SHA256.hex(data)
        case .embedded:
            plotlyDigest = PlotlyJS.embeddedDigest
        case .cdn: plotlyDigest = nil
        }
        plotlyReference =
            plotlyDigest.map { "assets/plotly-\($0.prefix(12)).min.js" } ?? PlotlyJS.cdnURL
    }

    static func hash(_ bytes: [UInt8]) -> String {
        String(SHA256.hex(bytes).prefix(12))
    }

    /// Every asset file, by its path inside the site.
    var files: [String: Data] {
        var files = [
            "assets/" + style.name: Data(style.text.utf8),
            "assets/" + script.name: Data(script.text.utf8),
            "assets/" + search.name: Data(search.text.utf8),
        ]
        switch plotly {
        case .local(let data): files[plotlyReference] = data
        case .embedded: files[plotlyReference] = PlotlyJS.embedded
        case .cdn: break
        }
        return files
    }
}

/// Renders question pages and the index from Mustache templates. It only produces text;
/// where the text goes is the site writer's business, so a preview server can reuse it.
public struct PageRenderer: Sendable {
    public var templates: TemplateSet
    public var assets: SiteAssets
    public var siteTitle: String
    public var asOf: CivilDate
    public var version: String

    private let library: MustacheLibrary
    /// Which built-in partials Swift writes (`BuiltInPartials`).
    private let written: (table: Bool, chart: Bool, sql: Bool)
    /// The page template has "More charts" (one from before it, copied by `init`, does not).
    private let disclosed: Bool

    /// - Throws: `TemplateError` when a template does not parse or is missing.
    public init(
        templates: TemplateSet, assets: SiteAssets, siteTitle: String, asOf: CivilDate,
        version: String
    ) throws {
        self.templates = templates
        self.assets = assets
        self.siteTitle = siteTitle
        self.asOf = asOf
        self.version = version
        var library = try templates.library()
        written = BuiltInPartials.written(for: templates)
        disclosed = templates.files["page.mustache"]?.contains("moreCharts") ?? false
        for (name, key, used) in [
            ("table", BuiltInPartials.tableKey, written.table),
            ("chart", BuiltInPartials.chartKey, written.chart),
            ("sql", BuiltInPartials.sqlKey, written.sql),
        ] where used {
            let text = templates.template(named: name)!
            try library.register(
                HTMLEscaping.pragma + BuiltInPartials.guarded(text, key: key), named: name)
        }
        self.library = library
        for name in ["page", "index", "embed"] where library.getTemplate(named: name) == nil {
            throw TemplateError(file: "\(name).mustache", message: "missing template")
        }
    }

    // MARK: - Pages

    /// The HTML page of one question.
    public func page(for report: QuestionReport, previous: QuestionReport?, next: QuestionReport?)
        -> String
    {
        pages(for: report, previous: previous, next: next).page
    }

    /// The question's page and its embed page (path, HTML; none for a question without
    /// charts), with each chart's figure encoded once for both.
    public func pages(for report: QuestionReport, previous: QuestionReport?, next: QuestionReport?)
        -> (page: String, embeds: [(path: String, html: String)])
    {
        pages(for: report, between: previous?.question, and: next?.question)
    }

    /// The question's page and embed pages, between the questions its page links to.
    public func pages(for report: QuestionReport, between previous: Question?, and next: Question?)
        -> (page: String, embeds: [(path: String, html: String)])
    {
        let charts = report.charts.map { chart(for: $0, questionID: report.question.id) }
        let embeds =
            report.charts.isEmpty
            ? [] : [(path: Self.embedPath(of: report), html: embed(charts, of: report))]
        var context = common(title: "\(report.question.text) · \(siteTitle)")
        context["question"] = report.question.text
        context["kind"] = report.match.kind.rawValue
        context["intent"] = report.match.intentSummary
        // The summary marks `sql:` and `kind:` as code for the Markdown twin; a page's text
        // would show the backticks.
        context["routedBy"] = report.match.routingSummary.replacingOccurrences(of: "`", with: "")
        context["confidence"] = NumberText.decimal(report.match.confidence, places: 2)
        let filters = report.match.appliedFiltersSummary(asOf: asOf)
        if !filters.isEmpty { context["filters"] = filters }
        context["answerHTML"] = MarkdownRenderer.html(report.narration.markdown)
        context["narrator"] = report.narration.label
        context["notices"] = report.notices
        let entries = zip(report.charts, charts).map { chart, context in
            (chart.placement, withEmbedLink(context, Self.embedHref(of: chart, in: report)))
        }
        // The answer and its supporting chart in view; the kind's others behind "More charts",
        // drawn all the same (the site script fits them to the width when it opens).
        // A page template from before "More charts" (copied by `init`) would drop the kind's
        // other charts; there, every chart is drawn in order instead (`disclosed`).
        context["charts"] = entries.filter { $0.0 != .more || !disclosed }.map(\.1)
        let more = disclosed ? entries.filter { $0.0 == .more }.map(\.1) : []
        context["moreCharts"] = more
        context["hasMoreCharts"] = !more.isEmpty
        context["moreChartsCount"] = more.count
        context["hasCharts"] = !report.charts.isEmpty
        // Plotly draws WebGL traces (the scatter matrix) with shaders that regl compiles
        // through `new Function`; only pages that have one relax the policy for it.
        context["needsEval"] = report.charts.contains(where: Self.needsEval)
        if let comparison = report.comparison {
            context["comparison"] =
                [
                    "window": ChangeText.windows(comparison, across: report.match.acrossAll),
                    "previousLabel": ChangeText.previousLabel(comparison),
                    "rows": ChangeText.rows(comparison).map { row in
                        [
                            "label": row.label, "current": row.current, "previous": row.previous,
                            "change": row.change,
                            "tone": row.tone, "yearAgo": row.yearAgo, "yearChange": row.yearChange,
                            "yearTone": row.yearTone,
                        ]
                    },
                ] as [String: Any]
        }
        context["sinceLastReport"] = ChangeText.sinceLastReport(report) { DisplayName.cut($0) }
        let why = report.whyItChanged
        if !why.isEmpty {
            context["whyItChanged"] = ["items": why.map { ["html": MarkdownRenderer.inline($0)] }]
        }
        context["tables"] = report.tables.map { TableContext($0, builtIn: written.table) }
        context["hasTables"] = !report.tables.isEmpty
        context["sql"] = report.sql
        if written.sql { context[BuiltInPartials.sqlKey] = BuiltInPartials.sql(report.sql) }
        context["engine"] = report.engine == "postgresql" ? "PostgreSQL" : "SQLite"
        context["hasSQL"] = !report.sql.isEmpty
        context["shared"] = report.shared.map { ["statement": $0.statement, "scope": $0.scope] }
        context["hasShared"] = !report.shared.isEmpty
        context["json"] = report.question.id + ".json"
        context["markdown"] = report.question.id + ".md"
        if let previous { context["previous"] = link(previous) }
        if let next { context["next"] = link(next) }
        return (library.render(context, withTemplate: "page") ?? "", embeds)
    }

    /// The embed page of a question, for an `<iframe>`: no navigation and no search; every
    /// chart of the question, each with its title, its data and a link back to its question,
    /// of which the site script shows the one the URL's fragment names (`#bar`), the answer
    /// chart by default, or a list of the charts for a name the page does not have.
    public func embed(of report: QuestionReport) -> String {
        embed(report.charts.map { chart(for: $0, questionID: report.question.id) }, of: report)
    }

    private func embed(_ contexts: [ChartContext], of report: QuestionReport) -> String {
        let id = report.question.id
        var context = common(title: "\(report.question.text) · Charts · \(siteTitle)")
        context["embed"] = true
        context["hasCharts"] = true
        context["needsEval"] = report.charts.contains(where: Self.needsEval)
        let charts = zip(report.charts, contexts).map { chart, context in
            var context = context
            context.name = chart.name
            context.pageHref = id + ".html#" + context.id
            return context
        }
        context["charts"] = charts
        let first = report.charts.firstIndex { $0.placement == .answer } ?? 0
        context["defaultChart"] = report.charts.isEmpty ? "" : report.charts[first].name
        context["questionHref"] = id + ".html"
        context["question"] = report.question.text
        // An embed template from before one page per question (copied by `init`) draws the
        // one chart under `chart`: the answer chart.
        if !charts.isEmpty {
            context["chart"] = charts[first]
            context["pageHref"] = charts[first].pageHref
        }
        return library.render(context, withTemplate: "embed") ?? ""
    }

    /// Where a question's embed page lives in the site: `<question id>.embed.html`, beside
    /// the question's page, so it shares the relative asset paths.
    public static func embedPath(of report: QuestionReport) -> String {
        "\(report.question.id).embed.html"
    }

    /// The address of one chart's embed: the question's embed page, the chart named by the
    /// fragment, `<question id>.embed.html#<chart name>` (chart names are plain words).
    public static func embedHref(of chart: Chart, in report: QuestionReport) -> String {
        embedPath(of: report) + "#" + chart.name
    }

    static func needsEval(_ chart: Chart) -> Bool {
        chart.figure["data"]?.arrayValue?.contains {
            Layout.webGLTypes.contains($0["type"]?.stringValue ?? "")
        } ?? false
    }

    /// The index: title, totals and every section with its questions.
    public func index(reports: [QuestionReport], stats: DatabaseStats, week: WeeklyChange) -> String
    {
        index(summaries: reports.map { ReportSummary($0) }, stats: stats, week: week)
    }

    /// The index from the questions' summaries.
    public func index(summaries: [ReportSummary], stats: DatabaseStats, week: WeeklyChange)
        -> String
    {
        var context = common(title: siteTitle)
        var weekContext: [String: Any] =
            [
                "start": week.start.description,
                "measures": week.rows.map { row in
                    let cells = week.cells(row.measure)
                    return [
                        "label": row.label, "current": NumberText.count(row.measure.current),
                        "previous": cells.previous, "yearAgo": cells.yearAgo,
                        // No change given is no direction to colour.
                        "change": cells.change,
                        "direction": cells.change == "–" ? "flat" : row.measure.direction,
                    ]
                },
                "drivers": week.rows.compactMap { row in
                    row.drivers.map {
                        ["label": row.label, "html": MarkdownRenderer.inline($0.sentence)]
                    }
                },
                "hasDrivers": week.rows.contains { $0.drivers != nil },
            ]
        // Only when there is one: swift-mustache renders a section of an empty string.
        if let caveat = week.caveat { weekContext["caveat"] = caveat }
        context["week"] = weekContext
        let moves = ChangeText.whatChanged(summaries)
        context["whatChanged"] = moves.map { move in
            [
                "href": move.questionID + ".html", "question": move.question,
                "text": move.text { DisplayName.cut($0) },
                "tone": move.change.change.map { KeyMeasure.tone(move.change.measure, change: $0) }
                    ?? "flat",
                "drivers": move.change.drivers.map { MarkdownRenderer.inline($0.sentence) } ?? "",
                "hasDrivers": move.change.drivers != nil,
            ] as [String: Any]
        }
        context["hasWhatChanged"] = !moves.isEmpty
        context["whatChangedSince"] =
            summaries.compactMap { $0.sinceLastReport?.asOf.description }.max() ?? ""
        context["stats"] = [
            "users": NumberText.count(stats.users), "badges": NumberText.count(stats.badges),
            "organizations": NumberText.count(stats.organizations),
            "enrollments": NumberText.count(stats.enrollments),
        ]
        context["sections"] = Self.sections(of: summaries).map { name, members in
            [
                "name": name,
                "questions": members.map { summary in
                    var entry = link(summary.question)
                    entry["lead"] = Self.firstSentence(
                        of: summary.narration, names: summary.namesInText)
                    return entry
                },
            ] as [String: Any]
        }
        if let first = summaries.first { context["next"] = link(first.question) }
        return library.render(context, withTemplate: "index") ?? ""
    }

    /// Questions grouped by section in file order; unsectioned ones form "Questions".
    static func sections(of summaries: [ReportSummary]) -> [(String, [ReportSummary])] {
        var order: [String] = []
        var members: [String: [ReportSummary]] = [:]
        for summary in summaries {
            let name = summary.question.section ?? "Questions"
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(summary)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// The first sentence of a Markdown answer, as plain text.
    /// With `plain`, emphasis marks and backslash escapes are removed for HTML; without, the
    /// sentence stays Markdown (for index.md).
    /// - Parameter names: the names the answer may give; a sentence does not end at a period
    ///   of one ("Café Élan & Co.", "St. Jude": a blind test's index lost "96; 87 fewer").
    static func firstSentence(
        of markdown: String, plain: Bool = true, names: [String] = []
    ) -> String {
        // The marks never span a line: each line is made plain on its own, up to the first
        // that is not empty then (the index made the whole answer plain, one regular
        // expression after another, to keep its first line: a third of a second at 2,000
        // questions, on one core). A line ends at each line feed, even after a carriage
        // return and a mark ("x\r`\n": made plain first, its "\r\n" was one character).
        var paragraph = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
            paragraph = plain ? plainText(String(line)) : String(line)
            if !paragraph.isEmpty { break }
        }
        // Where the answer writes a name with a period ("Café Élan & Co.", "St. Jude"), as
        // written in this text: Markdown escapes a name's own marks.
        let written = names.filter { $0.contains(".") }.flatMap { name in
            plain ? [name] : [name, MarkdownText.escape(name)]
        }
        var inside: [Range<Substring.Index>] = []
        for name in written {
            var from = paragraph.startIndex
            while let found = paragraph.range(of: name, range: from..<paragraph.endIndex) {
                inside.append(found)
                from = found.upperBound
            }
        }
        var searched = paragraph.startIndex..<paragraph.endIndex
        while let end = paragraph.range(of: ". ", range: searched) {
            if !inside.contains(where: { $0.contains(end.lowerBound) }) {
                return String(paragraph[..<end.upperBound].dropLast())
            }
            searched = end.upperBound..<paragraph.endIndex
        }
        return String(paragraph)
    }

    /// Markdown's emphasis and code marks dropped: every `**`, and every backtick that is
    /// not escaped. Escaped characters are a name's own ("Back\`tick"): written without
    /// their backslash, and never taken for a mark (a blind test's index read "Back\tick").
    /// Read by Unicode scalar, as the regular expressions this replaces matched (whose marker
    /// for an escape could be left in the index beside a combining mark).
    static func plainText(_ line: String) -> String {
        let escapable: Set<Unicode.Scalar> = [
            "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~",
        ]
        // The line with each escaped character marked (`true`), its backslash gone.
        var marked: [(scalar: Unicode.Scalar, escaped: Bool)] = []
        var scalars = line.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\\", let next = pending, escapable.contains(next) {
                marked.append((next, true))
                pending = scalars.next()
            } else {
                marked.append((scalar, false))
            }
        }
        var plain = String.UnicodeScalarView()
        var index = 0
        while index < marked.count {
            let (scalar, escaped) = marked[index]
            if scalar == "*", index + 1 < marked.count, marked[index + 1] == ("*", false) {
                // Two stars are a mark, the first escaped or not, as `\*\*` matched them
                // (an escaped second star had the escape's marker before it).
                index += 2
                continue
            }
            if scalar == "`" && !escaped {
                index += 1
                continue
            }
            plain.append(scalar)
            index += 1
        }
        return String(plain)
    }

    // MARK: - Contexts

    private func common(title: String) -> [String: Any] {
        var assetNames: [String: Any] = [
            "style": assets.style.name, "script": assets.script.name, "search": assets.search.name,
            "plotly": assets.plotlyReference,
        ]
        if assets.plotly == .cdn { assetNames["plotlyIntegrity"] = PlotlyJS.integrity }
        return [
            "title": title, "siteTitle": siteTitle, "asOf": asOf.description, "version": version,
            "plotlyCDN": assets.plotly == .cdn, "assets": assetNames,
        ]
    }

    private func link(_ question: Question) -> [String: Any] {
        ["href": question.id + ".html", "question": question.text]
    }

    /// A chart as the `chart` partial sees it, without the link to its embed page.
    private func chart(for chart: Chart, questionID: String) -> ChartContext {
        var context = ChartContext(
            id: "chart-\(questionID)-\(chart.name)", title: chart.title, caption: chart.caption,
            summary: chart.summary, figureJSON: PlotlyText.drawn(chart.figure).scriptSafeEncoded(),
            table: TableContext(chart.table, builtIn: written.table))
        if written.chart, let table = context.table.builtInHTML {
            context.builtInHTML = BuiltInPartials.chart(context, tableHTML: table)
        }
        return context
    }

    /// The chart on its question's page, with the link to its embed page.
    private func withEmbedLink(_ chart: ChartContext, _ href: String) -> ChartContext {
        var chart = chart
        chart.embedHref = href
        if let table = chart.table.builtInHTML, chart.builtInHTML != nil {
            chart.builtInHTML = BuiltInPartials.chart(chart, tableHTML: table)
        }
        return chart
    }
}
