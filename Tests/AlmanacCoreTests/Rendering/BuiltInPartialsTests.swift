import Foundation
import Mustache
import Testing

@testable import AlmanacCore

/// The `table` and `chart` partials that Swift writes must be the built-in templates' bytes,
/// and a site with its own partials must still get them.
@Suite struct BuiltInPartialsTests {
    /// Text that HTML escaping must get right: every escaped sign, a `<` joined by a combining
    /// mark (Mustache leaves that character alone), an Arabic prepended mark before `<`, and
    /// letters outside ASCII.
    static let awkward = [
        "", "Plain", "<b>Bold</b> & \"quoted\" 'single'", "<\u{338} not less",
        "\u{600}<sign", "Données → Société ▲ 12%", "a<b>c&d", "<<>>&&",
        // A sign beside a letter that does not join it, beside one that does (a combining
        // accent, a joiner, a spacing mark), and at either end of the text.
        "'Ōsaka Robotics 大阪'", "é<é>é&é\"é'é", "&\u{301}x", "x'\u{200D}", "<\u{93F}",
        "大<", ">阪", "\u{301}<\u{301}", "e\u{301}'", "🇫🇷&🇩🇪", "👍🏽<",
    ]

    static let tables: [DataTable] =
        awkward.map { text in
            DataTable(
                title: text,
                columns: [.init(text.isEmpty ? "Name" : text, .text), .init("N", .count)],
                rows: [[.string(text), 1234], [.string("x"), .double(0.5)], [.null, .null]])
        } + [
            DataTable(title: "No rows", columns: [.init("A", .percent)], rows: []),
            DataTable(title: "No columns", columns: [], rows: [[1], [2]]),
        ]

    /// Mustache's own rendering of a built-in partial, the reference.
    func mustache(_ context: Any, _ partial: String) throws -> String {
        try #require(TemplateSet.builtIn.library().render(context, withTemplate: partial))
    }

    @Test("a table written in Swift is what table.mustache writes", arguments: tables)
    func table(table: DataTable) throws {
        let context = TableContext(table, builtIn: false)
        #expect(BuiltInPartials.table(table) == (try mustache(context, "table")))
    }

    @Test("a table by hand: caption, numeric columns classed, cells escaped and formatted")
    func tableByHand() {
        let table = DataTable(
            title: "A & B", columns: [.init("Badge", .text), .init("Share", .percent)],
            rows: [["<Python>", 0.5627]])
        #expect(
            BuiltInPartials.table(table)
                == """
                <div class="table-wrap">
                <table>
                <caption>A &amp; B</caption>
                <thead><tr><th scope="col">Badge</th><th scope="col" class="num">Share</th></tr></thead>
                <tbody>
                <tr><td>&lt;Python&gt;</td><td class="num">56.27%</td></tr>
                </tbody>
                </table>
                </div>

                """)
    }

    @Test("a chart written in Swift is what chart.mustache writes, with and without its embed link")
    func chart() throws {
        for (text, table) in zip(Self.awkward, Self.tables) {
            for href in [nil, "q.embed.html#\(text)"] {
                let chart = ChartContext(
                    id: "chart-\(text)", title: text, caption: "Caption " + text,
                    summary: text + " summary", figureJSON: #"{"data":[1]}"#,
                    table: TableContext(table, builtIn: false), embedHref: href)
                let html = BuiltInPartials.chart(chart, tableHTML: BuiltInPartials.table(table))
                #expect(html == (try mustache(chart, "chart")))
            }
        }
    }

    @Test("the embed snippet a reader copies keeps a quote in the title inside its attribute")
    func snippetTitle() throws {
        // A blind test's badge `ML" onload="…`: the copied snippet ran the script.
        let chart = ChartContext(
            id: "c", title: #"ML" onload="document.title='PWNED'"#, caption: "", summary: "",
            figureJSON: "{}", table: TableContext(Self.tables[0], builtIn: false),
            embedHref: "q.embed.html#bar")
        let html = BuiltInPartials.chart(chart, tableHTML: BuiltInPartials.table(Self.tables[0]))
        #expect(html == (try mustache(chart, "chart")))
        // The text shown (the page's entities read once) is the HTML to paste: the quote
        // stays an entity inside the attribute.
        let shown = try #require(html.components(separatedBy: "<code").last)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(shown.contains(#"title="ML&quot; onload=&quot;document.title=&#39;PWNED&#39;""#))
        #expect(!shown.contains(#"onload="document"#))
    }

    @Test("a page's SQL written in Swift is what sql.mustache writes")
    func sql() throws {
        for statements in [[], ["SELECT 1"], Self.awkward] {
            #expect(BuiltInPartials.sql(statements) == (try mustache(["sql": statements], "sql")))
        }
        #expect(
            BuiltInPartials.sql(["SELECT a < b", "SELECT 'x'"])
                == "<pre><code>SELECT a &lt; b</code></pre>\n<pre><code>SELECT &#39;x&#39;</code></pre>\n"
        )
    }

    @Test(
        "a page template with the SQL inline, as init copied it before sql.mustache, renders the same page"
    )
    func inlineSQL() throws {
        let inline = try renderer { files in
            files["page.mustache"] = files["page.mustache"]!.replacingOccurrences(
                of: "{{> sql}}\n", with: "{{#sql}}\n<pre><code>{{.}}</code></pre>\n{{/sql}}\n")
        }
        #expect(
            inline.templates.files["page.mustache"] != TemplateSet.builtIn.files["page.mustache"])
        let builtIn = try renderer { _ in }
        let page = builtIn.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(page.contains("<pre><code>"))
        #expect(inline.page(for: GoldenPageTests.first, previous: nil, next: nil) == page)
    }

    @Test("an sql.mustache of the site's own is used")
    func ownSQL() throws {
        let renderer = try renderer {
            $0["partials/sql.mustache"] = "{{#sql}}<pre class=\"sql\">{{.}}</pre>\n{{/sql}}"
        }
        #expect(written(renderer.templates) == [true, true, false])
        let html = renderer.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(html.contains("<pre class=\"sql\">"))
        #expect(!html.contains("<pre><code>"))
    }

    @Test("escaping matches Mustache's, character by character", arguments: awkward)
    func escaping(text: String) throws {
        let template = try MustacheTemplate(string: "{{text}}")
        #expect(HTMLText.escape(text) == template.render(["text": text]))
    }

    @Test(
        "a template with the escaping pragma first renders as the template alone",
        arguments: [
            "", "{{text}}", "{{> part}}\n<body>{{text}}", "  {{#items}}\n{{.}}\n  {{/items}}\n",
            "{{% CONTENT_TYPE: TEXT}}\n{{text}}", "{{text}}{{% CONTENT_TYPE: TEXT}}{{text}}",
            "{{=<% %>=}}\n<%text%>", "\n{{text}}", "{{! a comment }}\n{{text}}\n",
            "{{^missing}}\n  none\n{{/missing}}", "{{{text}}}|{{&text}}", "\r\n{{text}}",
        ])
    func pragma(template: String) throws {
        // Partials are rendered in HTML whatever includes them, with or without the pragma.
        func render(_ prefix: String) throws -> String? {
            var library = MustacheLibrary()
            try library.register(prefix + template, named: "page")
            try library.register(prefix + "[{{text}}]\n", named: "part")
            return library.render(
                ["text": Self.awkward.joined(separator: "|"), "items": Self.awkward]
                    as [String: Any],
                withTemplate: "page")
        }
        #expect(try render(HTMLEscaping.pragma) == (try render("")))
    }

    @Test("escaping by hand")
    func escapingByHand() {
        #expect(HTMLText.escape(#"a<b & 'c" é>"#) == "a&lt;b &amp; &#39;c&quot; é&gt;")
        #expect(HTMLText.escape("<\u{338}") == "<\u{338}")
        #expect(HTMLText.escape("nothing to do") == "nothing to do")
        // Beside a letter, escaped; joined by a combining accent, left as it is.
        #expect(HTMLText.escape("'Ōsaka 大阪'") == "&#39;Ōsaka 大阪&#39;")
        #expect(HTMLText.escape("é&\u{301}<é") == "é&\u{301}&lt;é")
    }

    // MARK: - Templates of a site's own

    func renderer(_ change: (inout [String: String]) -> Void) throws -> PageRenderer {
        var files = TemplateSet.builtIn.files
        change(&files)
        let templates = TemplateSet(files: files)
        return try PageRenderer(
            templates: templates, assets: try SiteAssets(templates: templates, plotly: .cdn),
            siteTitle: "T", asOf: GoldenPageTests.asOf, version: "1")
    }

    /// Whether Swift writes the table and the chart partial.
    func written(_ templates: TemplateSet) -> [Bool] {
        let written = BuiltInPartials.written(for: templates)
        return [written.table, written.chart, written.sql]
    }

    @Test("the built-in templates, as init copies them, let Swift write both partials")
    func builtInTemplates() {
        #expect(written(.builtIn) == [true, true, true])
    }

    @Test("a table.mustache of the site's own is used for every table, charts' included")
    func ownTable() throws {
        let renderer = try renderer {
            $0["partials/table.mustache"] =
                "<ul>{{#rows}}<li>{{#cells}}[{{text}}]{{/cells}}</li>{{/rows}}</ul>\n"
        }
        #expect(written(renderer.templates) == [false, false, true])
        let html = renderer.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(
            html.contains("<ul><li>[Python Basics][12]</li><li>[SQL Fundamentals][8]</li></ul>"))
        #expect(!html.contains("<div class=\"table-wrap\">\n<table>\n<caption>"))
    }

    @Test("a chart.mustache of the site's own is used, around the built-in table")
    func ownChart() throws {
        let renderer = try renderer {
            $0["partials/chart.mustache"] =
                "<section id=\"{{id}}\">{{title}}{{#table}}{{> table}}{{/table}}</section>\n"
        }
        #expect(written(renderer.templates) == [true, false, true])
        let html = renderer.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(
            html.contains(
                "<section id=\"chart-badges-bar\">Enrollments by badge<div class=\"table-wrap\">\n<table>\n<caption>Enrollments by badge</caption>"
            ))
    }

    @Test("a partial included indented is left to Mustache, which indents each line")
    func indented() throws {
        let renderer = try renderer { files in
            files["page.mustache"] = "{{#tables}}\n  {{> table}}\n{{/tables}}\n"
        }
        #expect(written(renderer.templates) == [false, false, false])
        let html = renderer.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(html.hasPrefix("  <div class=\"table-wrap\">\n  <table>\n  <caption>"))
    }

    @Test("a partial included outside its object renders as Mustache would, not as Swift")
    func elsewhere() throws {
        // At the top of the page the partial sees the page's values: `title` is the page's.
        let page = "{{> table}}"
        let renderer = try renderer { $0["page.mustache"] = page }
        #expect(written(renderer.templates) == [true, true, true])
        let html = renderer.page(for: GoldenPageTests.first, previous: nil, next: nil)
        #expect(html.hasPrefix("<div class=\"table-wrap\">\n<table>\n<caption>Which badges lead"))
    }
}
