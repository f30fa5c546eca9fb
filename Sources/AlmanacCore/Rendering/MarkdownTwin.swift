/// The Markdown twin of each page: the same report as self-contained GitHub-flavoured
/// Markdown, the file a reviewer reads in a pull request's diff.
struct MarkdownTwin: Sendable {
    var siteTitle: String
    var asOf: CivilDate

    func page(for report: QuestionReport) -> String {
        var lines = ["# \(MarkdownText.escape(report.question.text))", ""]
        var meta = "As of \(asOf)"
        let filters = report.match.appliedFiltersSummary(asOf: asOf)
        if !filters.isEmpty { meta += " · " + MarkdownText.escape(filters) }
        lines += [meta, ""]
        // A notice may carry a server's own error text: escaped like any other outside text.
        for notice in report.notices {
            lines += ["> **Note:** \(MarkdownText.escape(notice))", ""]
        }
        var narration = MarkdownText.trimmed(report.narration.markdown)
        // The model's Markdown is kept, its raw HTML is not: the page drops it, and GitHub or
        // another viewer of the twin might not.
        if report.narration.model != nil { narration = Self.withoutHTML(narration) }
        lines += [narration, ""]
        let why = report.whyItChanged
        if !why.isEmpty {
            lines += ["## Why it changed", ""] + why.map { "- " + $0 } + [""]
        }
        lines += [
            MarkdownText.escape(ChangeText.sinceLastReport(report) { DisplayName.cut($0) }), "",
        ]
        if let comparison = report.comparison {
            lines += [
                "## Change", "",
                MarkdownText.escape(ChangeText.windows(comparison, across: report.match.acrossAll)),
                "",
                "| Measure | Now | \(ChangeText.previousLabel(comparison)) | Change | A year earlier | Change on the year |",
                "| --- | ---: | ---: | --- | ---: | --- |",
            ]
            for row in ChangeText.rows(comparison) {
                lines.append(
                    "| \(row.label) | \(row.current) | \(row.previous) | \(row.change) | \(row.yearAgo) | \(row.yearChange) |"
                )
            }
            lines.append("")
        }
        if !report.charts.isEmpty {
            lines += ["## Charts", ""]
            let more = report.charts.filter { $0.placement == .more }
            for chart in report.charts where chart.placement != .more {
                lines.append(chartLine(chart, of: report))
            }
            if !more.isEmpty {
                lines += ["", "More charts:", ""] + more.map { chartLine($0, of: report) }
            }
            lines.append("")
        }
        if !report.tables.isEmpty {
            lines += ["## Key numbers", ""]
            for table in report.tables {
                lines += ["### \(MarkdownText.escape(table.title))", ""] + Self.table(table) + [""]
            }
        }
        lines += [
            "## How this was computed", "",
            "- Read as: \(MarkdownText.escape(report.match.intentSummary))",
            "- Kind: `\(report.match.kind.rawValue)`",
            "- Routed by: \(report.match.routingSummary)",
            "- Confidence: \(NumberText.decimal(report.match.confidence, places: 2))",
            "- Filters: \(filters.isEmpty ? "none" : MarkdownText.escape(filters))",
            "- Narrator: \(report.narration.label)", "",
        ]
        if !report.shared.isEmpty {
            lines += [
                "The answer and the key numbers are this page's rows of the build's shared statements:",
                "",
            ]
            lines += report.shared.map { "- `\($0.statement)`: \(MarkdownText.escape($0.scope))" }
            lines += [
                "",
                "The comparison with earlier windows and the weekly insights come from other scopes of the same statements and from the `weekly` statement (`almanac build --dump-sql FILE` writes them all). The answer and the key numbers for this question alone:",
                "",
            ]
        }
        for statement in report.sql {
            lines += ["```sql", statement, "```", ""]
        }
        lines.append(
            "[Page](\(report.question.id).html) · [JSON](\(report.question.id).json) · [Index](index.md)"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// One chart in the list: its title, linking to the figures in the JSON, and its summary.
    private func chartLine(_ chart: Chart, of report: QuestionReport) -> String {
        "- [\(MarkdownText.escape(chart.title))](\(report.question.id).json): \(MarkdownText.escape(chart.summary))"
    }

    func index(reports: [QuestionReport], stats: DatabaseStats, week: WeeklyChange) -> String {
        index(summaries: reports.map { ReportSummary($0) }, stats: stats, week: week)
    }

    /// `index.md` from the questions' summaries.
    func index(summaries: [ReportSummary], stats: DatabaseStats, week: WeeklyChange) -> String {
        var lines = [
            "# \(MarkdownText.escape(siteTitle))", "", "As of \(asOf)", "",
            "| Registered users | Badges | Organizations | Enrollments |",
            "| ---: | ---: | ---: | ---: |",
            "| \(NumberText.count(stats.users)) | \(NumberText.count(stats.badges)) | \(NumberText.count(stats.organizations)) | \(NumberText.count(stats.enrollments)) |",
            "", "## The last 7 days", "",
            "The 7 days \(week.start) to \(week.asOf), against the 7 days before and the same 7 days a year earlier.",
            "",
        ]
        if let caveat = week.caveat { lines += ["> **Note:** \(MarkdownText.escape(caveat))", ""] }
        lines += [
            "| | Last 7 days | The 7 days before | Change | A year earlier |",
            "| --- | ---: | ---: | --- | ---: |",
        ]
        for row in week.rows {
            let cells = week.cells(row.measure)
            lines.append(
                "| \(row.label) | \(NumberText.count(row.measure.current)) | \(cells.previous) | \(cells.change) | \(cells.yearAgo) |"
            )
        }
        lines.append("")
        let drivers = week.rows.compactMap { row in row.drivers.map { (row.label, $0) } }
        if !drivers.isEmpty {
            lines += drivers.map { "- **\($0.0):** \($0.1.sentence)" } + [""]
        }
        let moves = ChangeText.whatChanged(summaries)
        if !moves.isEmpty {
            let since = summaries.compactMap { $0.sinceLastReport?.asOf.description }.max() ?? ""
            lines += [
                "## What changed", "", "The most unusual moves since the report of \(since).", "",
            ]
            for move in moves {
                lines.append(
                    "- [\(MarkdownText.escape(move.question))](\(move.questionID).md): "
                        + MarkdownText.escape(move.text { DisplayName.cut($0) })
                        + (move.change.drivers.map { ". " + $0.sentence } ?? ""))
            }
            lines.append("")
        }
        for (section, members) in PageRenderer.sections(of: summaries) {
            lines += ["## \(MarkdownText.escape(section))", ""]
            for summary in members {
                let lead = PageRenderer.firstSentence(
                    of: summary.narration, plain: false, names: summary.namesInText)
                lines.append(
                    "- [\(MarkdownText.escape(summary.question.text))](\(summary.question.id).md): \(lead)"
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown with every `<` outside code written as `&lt;`, so no raw HTML survives; code
    /// spans and fenced blocks, where `<` is already literal, are left as they are.
    static func withoutHTML(_ markdown: String) -> String {
        var lines: [String] = []
        var fence: String?
        let normalized = markdown.replacingOccurrences(of: "\r\n", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let start = line.drop { $0 == " " }
            if let open = fence {
                if start.hasPrefix(open) { fence = nil }
                lines.append(String(line))
            } else if start.hasPrefix("```") || start.hasPrefix("~~~") {
                fence = String(start.prefix(3))
                lines.append(String(line))
            } else {
                lines.append(inlineWithoutHTML(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line outside a fenced block: `<` escaped except inside a code span.
    private static func inlineWithoutHTML(_ line: Substring) -> String {
        var result = ""
        var index = line.startIndex
        var openRun: Int?  // the backtick count of the open code span
        while index < line.endIndex {
            let character = line[index]
            if character == "`" {
                let run = line[index...].prefix { $0 == "`" }
                let after = run.endIndex
                if let open = openRun {
                    if run.count == open { openRun = nil }
                } else if Self.hasRun(of: run.count, in: line[after...]) {
                    openRun = run.count
                }
                result += run
                index = after
                continue
            }
            result += (character == "<" && openRun == nil) ? "&lt;" : String(character)
            index = line.index(after: index)
        }
        return result
    }

    /// True when `text` holds a run of exactly `count` backticks, which would close a span.
    private static func hasRun(of count: Int, in text: Substring) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "`" {
                let run = text[index...].prefix { $0 == "`" }
                if run.count == count { return true }
                index = run.endIndex
            } else {
                index = text.index(after: index)
            }
        }
        return false
    }

    /// A GFM table; numbers right-aligned.
    static func table(_ table: DataTable) -> [String] {
        let header =
            "| " + table.columns.map { MarkdownText.escape($0.title) }.joined(separator: " | ")
            + " |"
        let rule =
            "| "
            + table.columns.map { $0.format == .text ? "---" : "---:" }.joined(separator: " | ")
            + " |"
        let rows = table.rows.map { row in
            "| "
                + zip(row, table.columns).map {
                    MarkdownText.escape(NumberText.cell($0, $1.format))
                }.joined(
                    separator: " | ") + " |"
        }
        return [header, rule] + rows
    }
}
