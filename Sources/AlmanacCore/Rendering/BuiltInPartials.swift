import Foundation

/// The built-in `table`, `chart` and `sql` partials, written in Swift. A demo page's tables
/// hold thousands of cells, and Mustache looks up and escapes each one through `Any` casts,
/// a character at a time, as it does the page's SQL (13 KB a page); this writes the same bytes
/// in one pass.
///
/// Templates stay the authority: a site whose partial is not the built-in one (`--templates`,
/// `templates/`) renders that partial with Mustache as before.
/// Where Swift writes a partial, the library holds it `guarded`: the Swift HTML when the
/// object the partial is rendered with carries it, else the template itself.
enum BuiltInPartials {
    /// The keys under which `TableContext` and `ChartContext` carry their HTML.
    static let tableKey = "builtInTableHTML"
    static let chartKey = "builtInChartHTML"
    /// The key under which the page's context carries its SQL's HTML.
    static let sqlKey = "builtInSQLHTML"

    /// Which partials Swift writes for `templates`: the table and the SQL when their templates
    /// are the built-in ones, the chart when its and the table's are. None when a template
    /// includes one of them indented on its own line, since Mustache then indents every line
    /// of the partial.
    static func written(for templates: TemplateSet) -> (table: Bool, chart: Bool, sql: Bool) {
        let indented = try! NSRegularExpression(
            pattern: #"^[ \t]+\{\{>\s*(chart|table|sql)\s*\}\}"#, options: [.anchorsMatchLines])
        for (path, text) in templates.files where path.hasSuffix(".mustache") {
            let range = NSRange(text.startIndex..., in: text)
            if indented.firstMatch(in: text, range: range) != nil { return (false, false, false) }
        }
        let table = isBuiltIn("table", in: templates)
        return (table, table && isBuiltIn("chart", in: templates), isBuiltIn("sql", in: templates))
    }

    /// Whether the template Mustache uses for `name` has the built-in text, byte for byte.
    private static func isBuiltIn(_ name: String, in templates: TemplateSet) -> Bool {
        guard let used = templates.template(named: name),
            let builtIn = TemplateSet.builtIn.template(named: name)
        else { return false }
        return used.utf8.elementsEqual(builtIn.utf8)
    }

    /// The partial registered in place of the built-in `text`: the object's HTML under `key`
    /// when it has one, else `text` rendered as Mustache would.
    static func guarded(_ text: String, key: String) -> String {
        "{{#.\(key)}}{{{.}}}{{/.\(key)}}{{^.\(key)}}" + text + "{{/.\(key)}}"
    }

    // MARK: - The partials' output

    /// What `partials/table.mustache` writes for `table`.
    static func table(_ table: DataTable) -> String {
        var html = "<div class=\"table-wrap\">\n<table>\n<caption>"
        html += HTMLText.escape(table.title)
        html += "</caption>\n<thead><tr>"
        for column in table.columns {
            html +=
                column.format == .text ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">"
            html += HTMLText.escape(column.title)
            html += "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (value, column) in zip(row, table.columns) {
                html += column.format == .text ? "<td>" : "<td class=\"num\">"
                html += HTMLText.escape(NumberText.cell(value, column.format))
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        return html
    }

    /// What `partials/sql.mustache` writes for a page's statements.
    static func sql(_ statements: [String]) -> String {
        statements.map { "<pre><code>" + HTMLText.escape($0) + "</code></pre>\n" }.joined()
    }

    /// What `partials/chart.mustache` writes for `chart`, whose table's HTML is written.
    static func chart(_ chart: ChartContext, tableHTML: String) -> String {
        let id = HTMLText.escape(chart.id)
        let title = HTMLText.escape(chart.title)
        var html = "<figure class=\"chart\">\n<figcaption><strong>\(title)</strong> "
        html += HTMLText.escape(chart.caption)
        html += "</figcaption>\n<div class=\"plot\" id=\"\(id)\" role=\"img\" aria-label=\""
        html += HTMLText.escape(chart.summary)
        html += "\"></div>\n<script type=\"application/json\" data-for=\"\(id)\">"
        html += chart.figureJSON
        html +=
            "</script>\n<details class=\"chart-data\">\n<summary>Data for this chart</summary>\n"
        html += tableHTML
        if let href = chart.embedHref.map(HTMLText.escape) {
            html += "<p class=\"embed\">Embed this chart in a wiki page or a slide (<a href=\""
            html += "\(href)\">open it alone</a>):</p>\n<pre class=\"embed-snippet\"><code "
            // The snippet is HTML that a reader pastes elsewhere: its attributes are escaped
            // for it, then the whole for this page (a badge named `A" onload="…` ran its
            // script in the page it was pasted into).
            let quoted = (
                href: HTMLText.escape(HTMLText.escape(chart.embedHref ?? "")),
                title: HTMLText.escape(HTMLText.escape(chart.title))
            )
            html += "data-embed=\"\(href)\">&lt;iframe src=\"\(quoted.href)\" "
            html += "title=\"\(quoted.title)\" "
            html += "width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"&gt;"
            html += "&lt;/iframe&gt;</code></pre>\n"
        }
        html += "</details>\n</figure>\n"
        return html
    }
}
