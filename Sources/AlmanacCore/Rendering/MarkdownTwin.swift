/// The Markdown twin of each page: the same report as self-contained GitHub-flavoured
/// Markdown, the file a reviewer reads in a pull request's diff.
struct MarkdownTwin: Sendable {
    var siteTitle: String
    var asOf: CivilDate

    func page(for report: QuestionReport) -> String {
        var lines = ["# \(Self.escape(report.question.text))", ""]
        var meta = "As of \(asOf)"
        if !report.match.filters.isEmpty { meta += " · " + Self.escape(report.match.filters.summary) }
        lines += [meta, ""]
        for notice in report.notices { lines += ["> **Note:** \(notice)", ""] }
        lines += [report.narration.markdown.trimmingCharacters(in: .whitespacesAndNewlines), ""]
        if !report.charts.isEmpty {
            lines += ["## Charts", ""]
            for chart in report.charts {
                lines.append("- [\(Self.escape(chart.title))](\(report.question.id).json): \(Self.escape(chart.summary))")
            }
            lines.append("")
        }
        if !report.tables.isEmpty {
            lines += ["## Key numbers", ""]
            for table in report.tables {
                lines += ["### \(Self.escape(table.title))", ""] + Self.table(table) + [""]
            }
        }
        lines += ["## How this was computed", "",
                  "- Kind: `\(report.match.kind.rawValue)`",
                  "- Confidence: \(NumberText.decimal(report.match.confidence, places: 2))",
                  "- Filters: \(report.match.filters.isEmpty ? "none" : Self.escape(report.match.filters.summary))",
                  "- Narrator: \(report.narration.label)", ""]
        for statement in report.sql {
            lines += ["```sql", statement, "```", ""]
        }
        lines.append("[Page](\(report.question.id).html) · [JSON](\(report.question.id).json) · [Index](index.md)")
        return lines.joined(separator: "\n") + "\n"
    }

    func index(reports: [QuestionReport], stats: DatabaseStats, week: WeeklyChange) -> String {
        var lines = ["# \(Self.escape(siteTitle))", "", "As of \(asOf)", "",
                     "| Learners | Badges | Organizations | Enrollments |", "| ---: | ---: | ---: | ---: |",
                     "| \(NumberText.count(stats.users)) | \(NumberText.count(stats.badges)) | \(NumberText.count(stats.organizations)) | \(NumberText.count(stats.enrollments)) |",
                     "", "## This week", "",
                     "The 7 days \(week.start) to \(week.asOf), against the 7 days before.", "",
                     "| | This week | The week before | Change |", "| --- | ---: | ---: | --- |",
                     "| New enrollments | \(NumberText.count(week.enrollments.current)) | \(NumberText.count(week.enrollments.previous)) | \(week.enrollments.text) |",
                     "| Completions | \(NumberText.count(week.completions.current)) | \(NumberText.count(week.completions.previous)) | \(week.completions.text) |",
                     ""]
        for (section, members) in PageRenderer.sections(of: reports) {
            lines += ["## \(Self.escape(section))", ""]
            for report in members {
                let lead = PageRenderer.firstSentence(of: report.narration.markdown, plain: false)
                lines.append("- [\(Self.escape(report.question.text))](\(report.question.id).md): \(lead)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// A GFM table; numbers right-aligned.
    static func table(_ table: DataTable) -> [String] {
        let header = "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |"
        let rule = "| " + table.columns.map { $0.format == .text ? "---" : "---:" }.joined(separator: " | ") + " |"
        let rows = table.rows.map { row in
            "| " + zip(row, table.columns).map { escape(NumberText.cell($0, $1.format)) }.joined(separator: " | ") + " |"
        }
        return [header, rule] + rows
    }

    /// Text from the data or a question, made inert: Markdown and HTML characters escaped,
    /// pipes escaped for tables, line breaks flattened.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": result += "\\" + String(character)
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
