import Foundation

/// What the site's shared files and the alerts need of one question: the index, the Markdown
/// index, the search index, the digest and its feed entry. A build keeps one per question
/// while each question's charts and pages are made, written and dropped, so its memory does
/// not grow with the charts of every question.
public struct ReportSummary: Sendable {
    public var question: Question
    public var kind: AnalysisKind
    /// The narration as published (after the grounding check), in Markdown.
    public var narration: String
    /// What alerts read.
    public var keyMeasures: [KeyMeasure]
    public var comparison: Comparison?
    /// What "What changed" reads.
    public var sinceLastReport: SinceLastReport?
    /// The most important insight, for the digest.
    public var topInsight: Insight?
    /// The distinct names in the key tables' text columns, in order, for the search index.
    public var names: [String]
    /// "Why it changed", in Markdown: the search index finds a page by the drivers it names.
    public var whyItChanged: [String]

    public init(_ report: QuestionReport) {
        question = report.question
        kind = report.match.kind
        narration = report.narration.markdown
        keyMeasures = report.keyMeasures
        comparison = report.comparison
        sinceLastReport = report.sinceLastReport
        topInsight = report.insights.first
        names = Self.names(in: report.tables)
        whyItChanged = report.whyItChanged
    }

    /// Each distinct non-empty text of the tables' text columns, in order of appearance.
    static func names(in tables: [DataTable]) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        for table in tables {
            for (index, column) in table.columns.enumerated() where column.format == .text {
                for row in table.rows where index < row.count {
                    guard let name = row[index].stringValue, !name.isEmpty,
                        seen.insert(name).inserted
                    else { continue }
                    names.append(name)
                }
            }
        }
        return names
    }
}
