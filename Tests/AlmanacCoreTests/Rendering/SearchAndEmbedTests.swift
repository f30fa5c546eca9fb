import Foundation
import Testing

@testable import AlmanacCore

/// The search index, the embed pages and the plotly.js the binary carries.
@Suite struct SearchAndEmbedTests {
    /// The JSON inside `assets/search-index.js`.
    static func index(_ project: Project) throws -> (names: [String], pages: [[Any]], text: String)
    {
        let text = project.read(SearchIndex.path)
        let prefix = "window.AlmanacSearch = "
        #expect(text.hasPrefix(prefix) && text.hasSuffix(";\n"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(text.dropFirst(prefix.count).dropLast(2).utf8))
                as? [String: Any])
        return (
            try #require(json["names"] as? [String]), try #require(json["pages"] as? [[Any]]), text
        )
    }

    @Test(
        "the search index lists each page with its title, section, answer and the names in its key tables"
    )
    func searchIndex() async throws {
        let project = try Project()
        let summary = try await project.build()
        let (names, pages, text) = try Self.index(project)
        #expect(names == names.sorted() && Set(names).count == names.count)
        #expect(pages.map { $0[0] as? String } == ["badges.html", "completion.html", "own.html"])
        #expect(pages[0][1] as? String == "How many people are enrolled in each badge?")
        #expect(pages[0][2] as? String == "Badges")
        #expect(pages[1][2] as? String == "Questions")
        func named(_ page: Int) -> Set<String> {
            Set((pages[page][4] as? [Int] ?? []).map { names[$0] })
        }
        // The fixture's badges and organizations (Fixture.platformRows).
        #expect(named(0).isSuperset(of: ["Python Basics", "SQL Fundamentals"]))
        #expect(named(1).isSuperset(of: ["Acme & Sons", "Globex"]))
        #expect(named(2) == ["Python Basics", "SQL Fundamentals", "Empty Badge"])
        // Script-safe: no name can end the script or start markup.
        #expect(!text.contains("<") && !text.contains("&"))
        #expect(summary.searchIndexBytes == Data(text.utf8).count)
        #expect(summary.searchIndexBytes * 20 < summary.siteBytes)
        // Every page loads the index and the box; the box starts hidden, for pages without script.
        let page = project.read("badges.html")
        #expect(page.contains("<script src=\"assets/search-index.js\" defer></script>"))
        #expect(page.contains("<div class=\"site-search\" role=\"search\" hidden>"))
        #expect(project.read("index.html").contains("assets/search-index.js"))
    }

    @Test(
        "a question has one embed page: every chart with its title, its data and a link back, chosen by fragment; no navigation or search"
    )
    func embeds() async throws {
        let project = try Project()
        _ = try await project.build()
        let page = project.read("badges.html")
        let charts = try NSRegularExpression(pattern: #"id="chart-badges-([a-z]+)""#)
            .matches(in: page, range: NSRange(page.startIndex..., in: page))
            .map { String(page[Range($0.range(at: 1), in: page)!]) }
        #expect(charts.count >= 2)
        let embed = project.read("badges.embed.html")
        #expect(!embed.contains("<nav") && !embed.contains("search"))
        #expect(embed.contains("<body class=\"embedded\">"))
        // The answer chart is the one shown without a fragment.
        #expect(embed.contains("<main data-embed-default=\"answer\">"))
        #expect(charts.first == "answer")
        for name in charts {
            #expect(embed.contains("<div class=\"embed-chart\" data-chart=\"\(name)\" hidden>"))
            #expect(embed.contains("id=\"chart-badges-\(name)\""))
            #expect(
                embed.contains(
                    "<a href=\"badges.html#chart-badges-\(name)\" target=\"_top\">How many people are enrolled in each badge?</a>"
                ))
            // The list shown for a fragment the page lacks.
            #expect(embed.contains("<li><a href=\"#\(name)\">"))
            // The snippet on the question's page, as text a reader copies.
            let href = "badges.embed.html#\(name)"
            #expect(page.contains("<code data-embed=\"\(href)\">&lt;iframe src=\"\(href)\""))
        }
        let tables = embed.components(separatedBy: "<summary>Data for this chart</summary>")
        #expect(tables.count == charts.count + 1)
        #expect(embed.contains("<div class=\"embed-missing\" role=\"alert\" hidden>"))
        #expect(
            project.read("own.embed.html").contains(
                "<a href=\"own.html#chart-own-bar\" target=\"_top\">Own query</a>"))
        // One embed page per question, none per chart.
        let names = try FileManager.default.contentsOfDirectory(atPath: project.site.path)
        #expect(names.filter { $0.contains(".chart-") }.isEmpty)
        #expect(
            Set(names.filter { $0.hasSuffix(".embed.html") })
                == ["badges.embed.html", "completion.embed.html", "own.embed.html"])
    }

    @Test(
        "templates copied by init before one embed page per question get a warning: an old embed template, or an old site script"
    )
    func oldEmbedTemplates() async throws {
        let project = try Project()
        let folder = Fixture.folder()
        try FileManager.default.createDirectory(
            at: folder.appending(path: "assets"), withIntermediateDirectories: true)
        // The embed template of one chart, as `init` copied it before.
        let oneChart =
            "{{> head}}\n<body class=\"embedded\">\n{{#chart}}\n{{> chart}}\n{{/chart}}\n</body>\n</html>\n"
        try Data(oneChart.utf8).write(to: folder.appending(path: "embed.mustache"))
        // The fixture's builds load plotly.js from the CDN, which is a warning of its own.
        func warnings(_ summary: BuildSummary) -> [String] {
            summary.warnings.filter { !$0.hasPrefix("pages load plotly.js") }
        }
        var summary = try await project.build { $0.templatesPath = folder.path }
        #expect(warnings(summary).count == 1)
        #expect(
            warnings(summary).first?.hasPrefix(
                "embed.mustache is from before one embed page per question") == true)
        // Only the answer chart is in the embed page.
        #expect(project.read("badges.embed.html").contains("id=\"chart-badges-answer\""))
        #expect(!project.read("badges.embed.html").contains("id=\"chart-badges-bar\""))
        // The new embed template, with a site script that does not choose its chart.
        try FileManager.default.removeItem(at: folder.appending(path: "embed.mustache"))
        let script = try #require(TemplateSet.builtIn.asset("almanac.js"))
        let old = script.replacingOccurrences(of: "data-embed-default", with: "data-other")
        try Data(old.utf8).write(to: folder.appending(path: "assets/almanac.js"))
        summary = try await project.build { $0.templatesPath = folder.path }
        #expect(warnings(summary).count == 1)
        #expect(warnings(summary).first?.hasPrefix("assets/almanac.js does not choose") == true)
        // The built-in ones, copied as they are: no warning.
        try Data(script.utf8).write(to: folder.appending(path: "assets/almanac.js"))
        summary = try await project.build { $0.templatesPath = folder.path }
        #expect(warnings(summary).isEmpty)
        // A page from before "Why it changed": said, since no other part of the page would
        // say what drove a move.
        let page = try #require(TemplateSet.builtIn.template(named: "page"))
        let start = try #require(page.range(of: "{{#whyItChanged}}"))
        let end = try #require(page.range(of: "{{/whyItChanged}}\n"))
        try Data((String(page[..<start.lowerBound]) + page[end.upperBound...]).utf8).write(
            to: folder.appending(path: "page.mustache"))
        summary = try await project.build { $0.templatesPath = folder.path }
        #expect(
            warnings(summary) == [
                "page.mustache has no `{{#whyItChanged}}` section, so pages do not say what drove each move (it is from before drivers); copy the built-in one (`almanac init` in an empty folder writes it) or delete yours"
            ])
    }

    @Test("the site self-hosts the plotly.js inside the binary, the pinned file, with no warning")
    func embeddedPlotly() async throws {
        let embedded = try #require(
            PlotlyJS.embedded,
            "this build carries no plotly.min.js: run `make setup` before building the tests")
        #expect(
            SHA256.hex(embedded)
                == "6d21266ce1bd7d9e5ab4e115989c70c20de0382fd973a8f26ab58619eba4d603")
        let project = try Project()
        let summary = try await project.build {
            $0.plotlyFromCDN = false
            $0.plotlyPath = nil
        }
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let file = project.site.appending(path: "assets/plotly-6d21266ce1bd.min.js")
        #expect(FileManager.default.contents(atPath: file.path) == embedded)
        #expect(
            project.read("badges.html").contains(
                "<script src=\"assets/plotly-6d21266ce1bd.min.js\" defer>"))
    }

    @Test(
        "--plotly-file that does not exist: the pages use the CDN and the build says which file was missing"
    )
    func missingPlotlyFile() async throws {
        let project = try Project()
        let summary = try await project.build {
            $0.plotlyFromCDN = false
            $0.plotlyPath = "/nonexistent/plotly.min.js"
        }
        #expect(
            summary.warnings == [
                "--plotly-file /nonexistent/plotly.min.js: no such file; pages load plotly.js 2.35.2 from https://cdn.plot.ly/plotly-2.35.2.min.js"
            ])
        #expect(
            project.read("badges.html").contains("src=\"https://cdn.plot.ly/plotly-2.35.2.min.js\"")
        )
    }
}
