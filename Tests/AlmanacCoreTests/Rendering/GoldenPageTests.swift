// Golden files for the page renderer and the Markdown twin, in
// Tests/AlmanacCoreTests/Fixtures/Golden/: question.html, question.md, index.html, index.md.
//
// To re-record them after an intended change, run
//     ALMANAC_RECORD_GOLDEN=1 swift test --filter GoldenPageTests
// The run fails on purpose, naming each file it wrote, so a re-record never passes silently;
// review `git diff Tests/AlmanacCoreTests/Fixtures/Golden` by eye, then run the tests again
// without the variable.

import Foundation
import Testing

@testable import AlmanacCore

/// Pages rendered from hand-made reports, not a database: every number on them is one this
/// file chose.
@Suite struct GoldenPageTests {
    static let asOf = CivilDate(iso: "2024-03-14")!
    static let siteTitle = "Golden & Pulse"
    static let version = "1.2.3-golden"

    /// Two badges: Python Basics 12 enrollments by 10 learners, 6 completed (50 %), 1 dropped,
    /// median 14 days; SQL Fundamentals 8 by 8, 2 completed (25 %), 1 dropped, median 21 days.
    /// Together 20 enrollments, 8 completed: 40 %.
    static let badges = BadgeEnrollments(
        badges: [
            .init(
                badge: "Python Basics", category: "Programming", enrollments: 12, learners: 10,
                enrolled: 2, inProgress: 3, completed: 6, dropped: 1, completionRate: 0.5,
                averageProgress: 0.6, medianDaysToComplete: 14, progressSum: 7.2),
            .init(
                badge: "SQL Fundamentals", category: "Data", enrollments: 8, learners: 8,
                enrolled: 4, inProgress: 1, completed: 2, dropped: 1, completionRate: 0.25,
                averageProgress: 0.3, medianDaysToComplete: 21, progressSum: 2.4),
        ],
        totals: .init(enrollments: 20, learners: 17, completed: 8, completionRate: 0.4, badges: 2),
        reference: .init(
            enrollments: 20, enrolled: 6, inProgress: 4, completed: 8, dropped: 2,
            progressSum: 9.6, completionRate: 0.4),
        filters: Filters())

    /// The first question: text with markup in it, one chart, one statement, offline narration.
    static let first: QuestionReport = {
        let chart = Chart(
            name: "bar", items: 2, title: "Enrollments by badge",
            caption: "Python Basics has the most.",
            summary: "Bar chart: Python Basics 12, SQL Fundamentals 8.",
            figure: [
                "data": [
                    [
                        "type": "bar", "x": ["Python Basics", "SQL Fundamentals"], "y": [12, 8],
                    ]
                ],
                "layout": ["title": ["text": "Enrollments by badge"]],
            ],
            table: DataTable(
                title: "Enrollments by badge",
                columns: [.init("Badge", .text), .init("Enrollments", .count)],
                rows: [["Python Basics", 12], ["SQL Fundamentals", 8]]),
            placement: .answer)
        // The kind's other chart, behind "More charts".
        let more = Chart(
            name: "funnel", items: 3, title: "From enrollment to completion",
            caption: "Each step keeps the enrollments that got that far.",
            summary: "Funnel chart: 20 enrollments, 14 started, 8 completed.",
            figure: [
                "data": [
                    [
                        "type": "funnel", "y": ["Enrolled", "Started", "Completed"],
                        "x": [20, 14, 8],
                    ]
                ],
                "layout": ["title": ["text": "From enrollment to completion"]],
            ],
            table: DataTable(
                title: "From enrollment to completion",
                columns: [.init("Stage", .text), .init("Enrollments", .count)],
                rows: [["Enrolled", 20], ["Started", 14], ["Completed", 8]]),
            placement: .more)
        return QuestionReport(
            question: Question(
                id: "badges", text: "Which badges lead <script>alert(1)</script>?",
                section: "Badges"),
            match: Match(
                kind: .badgeEnrollments, confidence: 0.9,
                intent: Intent(measure: .enrollments, dimension: .badge)),
            output: badges, charts: [chart, more],
            narration: Narration(
                markdown: "Python Basics leads with **12** enrollments; SQL Fundamentals has 8.",
                source: .offline),
            grounding: Grounding(figures: 2, verified: 2, unverified: []),
            sql: ["SELECT name, count(*) AS enrollments FROM badges GROUP BY name"])
    }()

    /// The second question: no section, no chart, answered by a model.
    static let second = QuestionReport(
        question: Question(id: "python", text: "How is Python Basics doing?"),
        match: Match(
            kind: .badgeEnrollments, confidence: 1, filters: Filters(badge: "Python Basics")),
        output: BadgeEnrollments(
            badges: [badges.badges[0]],
            totals: .init(
                enrollments: 12, learners: 10, completed: 6, completionRate: 0.5, badges: 1),
            reference: badges.reference, filters: Filters(badge: "Python Basics")),
        charts: [],
        narration: Narration(
            markdown: "Half of its 12 enrollments are completed.", source: .cache,
            model: "test-model"),
        grounding: Grounding(figures: 1, verified: 1, unverified: []), sql: [])

    static let stats = DatabaseStats(users: 17, badges: 2, organizations: 3, enrollments: 20)

    /// The week 2024-03-08 to 2024-03-14: 3 enrollments by 3 learners against 2 by 2 the week
    /// before (1 a year earlier); 1 completion both weeks.
    static let week = WeeklyChange(
        start: CivilDate(iso: "2024-03-08")!, asOf: asOf,
        enrollments: .init(current: 3, previous: 2, yearAgo: 1),
        completions: .init(current: 1, previous: 1),
        learners: .init(current: 3, previous: 2))

    func renderer() throws -> PageRenderer {
        // plotly.js from the CDN: a `<script src>` instead of 3.6 MB in the golden files.
        let assets = try SiteAssets(templates: .builtIn, plotly: .cdn)
        return try PageRenderer(
            templates: .builtIn, assets: assets, siteTitle: Self.siteTitle, asOf: Self.asOf,
            version: Self.version)
    }

    /// The page with its content-hashed asset names as placeholders, so a change to the
    /// stylesheet or a script does not show up as a change to every golden page.
    func normalized(_ html: String, _ assets: SiteAssets) -> String {
        html.replacingOccurrences(of: assets.style.name, with: "style-HASH.css")
            .replacingOccurrences(of: assets.script.name, with: "almanac-HASH.js")
            .replacingOccurrences(of: assets.search.name, with: "search-HASH.js")
    }

    var twin: MarkdownTwin { MarkdownTwin(siteTitle: Self.siteTitle, asOf: Self.asOf) }

    @Test("a question's page matches question.html, with its question text escaped")
    func questionPage() throws {
        let renderer = try renderer()
        let (page, embeds) = renderer.pages(for: Self.first, previous: nil, next: Self.second)
        let html = normalized(page, renderer.assets)
        Golden.check(html, against: "question.html")
        // By hand: the question's markup is text, in the heading and the title.
        #expect(html.contains("<h1>Which badges lead &lt;script&gt;alert(1)&lt;/script&gt;?</h1>"))
        #expect(
            html.contains(
                "<title>Which badges lead &lt;script&gt;alert(1)&lt;/script&gt;? · Golden &amp; Pulse</title>"
            ))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<strong>12</strong>"))
        #expect(html.contains("href=\"python.html\""))
        // Every chart stays embeddable, the one behind "More charts" too.
        #expect(embeds.map(\.path) == ["badges.embed.html"])
        #expect(html.contains("<a href=\"badges.embed.html#bar\">open it alone</a>"))
        #expect(html.contains("<a href=\"badges.embed.html#funnel\">open it alone</a>"))
        // The embed page: both charts, the answer chart shown without a fragment.
        let embed = normalized(embeds[0].html, renderer.assets)
        Golden.check(embed, against: "embed.html")
        #expect(embed.contains("<main data-embed-default=\"bar\">"))
        #expect(embed.contains("<div class=\"embed-chart\" data-chart=\"funnel\" hidden>"))
        #expect(
            embed.contains(
                "<title>Which badges lead &lt;script&gt;alert(1)&lt;/script&gt;? · Charts · Golden &amp; Pulse</title>"
            ))
        let disclosure = try #require(html.range(of: "<details class=\"more-charts\">"))
        #expect(html.range(of: "id=\"chart-badges-bar\"")!.lowerBound < disclosure.lowerBound)
        #expect(html.range(of: "id=\"chart-badges-funnel\"")!.lowerBound > disclosure.lowerBound)
    }

    @Test("a page template from before More charts (copied by init) still shows every chart")
    func templateWithoutMoreCharts() throws {
        var files = TemplateSet.builtIn.files
        let page = try #require(files["page.mustache"])
        let start = try #require(page.range(of: "{{#hasMoreCharts}}"))
        let end = try #require(page.range(of: "{{/hasMoreCharts}}\n"))
        files["page.mustache"] = page.replacingCharacters(
            in: start.lowerBound..<end.upperBound, with: "")
        let templates = TemplateSet(files: files)
        let renderer = try PageRenderer(
            templates: templates,
            assets: try SiteAssets(templates: templates, plotly: .cdn), siteTitle: Self.siteTitle,
            asOf: Self.asOf, version: Self.version)
        let html = renderer.page(for: Self.first, previous: nil, next: nil)
        #expect(!html.contains("more-charts"))
        let bar = try #require(html.range(of: "id=\"chart-badges-bar\""))
        let funnel = try #require(html.range(of: "id=\"chart-badges-funnel\""))
        #expect(bar.lowerBound < funnel.lowerBound)
    }

    @Test(
        "an embed template from before one embed page per question (copied by init) shows the answer chart"
    )
    func embedTemplateOfOneChart() throws {
        var files = TemplateSet.builtIn.files
        files["embed.mustache"] = """
            {{> head}}
            <body class="embedded">
            <main>
            {{#chart}}
            {{> chart}}
            {{/chart}}
            <p class="embed-source"><a href="{{pageHref}}" target="_top">{{question}}</a></p>
            </main>
            </body>
            </html>
            """
        let templates = TemplateSet(files: files)
        let renderer = try PageRenderer(
            templates: templates,
            assets: try SiteAssets(templates: templates, plotly: .cdn), siteTitle: Self.siteTitle,
            asOf: Self.asOf, version: Self.version)
        let html = renderer.embed(of: Self.first)
        #expect(html.contains("id=\"chart-badges-bar\""))
        #expect(!html.contains("chart-badges-funnel"))
        #expect(html.contains("<a href=\"badges.html#chart-badges-bar\" target=\"_top\">"))
    }

    @Test("a question's Markdown twin matches question.md, its table row holding the given numbers")
    func questionTwin() {
        let markdown = twin.page(for: Self.first)
        Golden.check(markdown, against: "question.md")
        // By hand: the numbers given above, as the twin's table formats them.
        #expect(
            markdown.contains("| Python Basics | Programming | 12 | 10 | 6 | 1 | 50.00% | 14 |\n"))
        #expect(markdown.contains("| SQL Fundamentals | Data | 8 | 8 | 2 | 1 | 25.00% | 21 |\n"))
        #expect(markdown.hasPrefix("# Which badges lead \\<script\\>alert(1)\\</script\\>?\n"))
        #expect(markdown.contains("\nAs of 2024-03-14\n"))
    }

    @Test("the index matches index.html and index.md, with the totals and the week given")
    func index() throws {
        let renderer = try renderer()
        let reports = [Self.first, Self.second]
        let html = normalized(
            renderer.index(reports: reports, stats: Self.stats, week: Self.week),
            renderer.assets)
        Golden.check(html, against: "index.html")
        let markdown = twin.index(reports: reports, stats: Self.stats, week: Self.week)
        Golden.check(markdown, against: "index.md")
        // By hand: 17 learners, 2 badges, 3 organizations, 20 enrollments; 3 against 2 is +50 %.
        #expect(markdown.contains("| 17 | 2 | 3 | 20 |\n"))
        #expect(markdown.contains("| Enrollments | 3 | 2 | ▲ 50.0% | 1 |\n"))
        #expect(markdown.contains("| Completions | 1 | 1 | no change | 0 |\n"))
        #expect(markdown.contains("[How is Python Basics doing?](python.md)"))
        #expect(html.contains("<title>Golden &amp; Pulse</title>"))
        #expect(html.contains("href=\"badges.html\"") && html.contains("href=\"python.html\""))
    }

    @Test("the first difference names its line and both texts")
    func difference() {
        #expect(Golden.firstDifference(expected: "a\nb\n", actual: "a\nb\n") == nil)
        #expect(
            Golden.firstDifference(expected: "a\nb\nc", actual: "a\nB\nc")
                == "at line 2: expected \"b\", got \"B\"")
        #expect(
            Golden.firstDifference(expected: "a\n", actual: "a\nmore")
                == "at line 2: expected \"\", got \"more\"")
        #expect(
            Golden.firstDifference(expected: "a", actual: "a\n")
                == "at line 2: expected (end of text), got \"\"")
    }
}
