import Mustache

// The contexts of the `table` and `chart` partials, as types instead of `[String: Any]`:
// a value is made only when a template asks for it, so a table whose HTML was written in
// Swift (`BuiltInPartials`) never builds a context per cell.

/// A data table: `title`, `columns` (`title`, `numeric`) and `rows` (`cells`: `text`,
/// `numeric`).
struct TableContext: MustacheParent {
    let table: DataTable
    /// The built-in `table` partial's output, when the templates let Swift write it.
    let builtInHTML: String?

    init(_ table: DataTable, builtIn: Bool) {
        self.table = table
        builtInHTML = builtIn ? BuiltInPartials.table(table) : nil
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": return table.title
        case "columns":
            return table.columns.map { column -> [String: Any] in
                ["title": column.title, "numeric": column.format != .text]
            }
        case "rows":
            return table.rows.map { row -> [String: Any] in
                [
                    "cells": zip(row, table.columns).map { value, column -> [String: Any] in
                        [
                            "text": NumberText.cell(value, column.format),
                            "numeric": column.format != .text,
                        ]
                    }
                ]
            }
        case BuiltInPartials.tableKey: return builtInHTML
        default: return nil
        }
    }
}

/// One chart: `id`, `title`, `caption`, `summary`, `figureJSON`, `table`; on a question's
/// page, `embedHref`; on its embed page, `name` and `pageHref`.
struct ChartContext: MustacheParent {
    var id: String
    var title: String
    var caption: String
    var summary: String
    var figureJSON: String
    var table: TableContext
    var embedHref: String?
    /// The chart's name (`bar`) and its place on its question's page, for the embed page.
    var name: String?
    var pageHref: String?
    /// The built-in `chart` partial's output, when the templates let Swift write it.
    var builtInHTML: String?

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "title": return title
        case "caption": return caption
        case "summary": return summary
        case "figureJSON": return figureJSON
        case "table": return table
        case "embedHref": return embedHref
        // The embed snippet is HTML a reader copies: its title attribute is escaped once
        // for it, and again by the page that shows it as text.
        case "snippetTitle": return HTMLText.escape(title)
        case "snippetHref": return embedHref.map(HTMLText.escape)
        case "name": return self.name
        case "pageHref": return pageHref
        case BuiltInPartials.chartKey: return builtInHTML
        default: return nil
        }
    }
}
