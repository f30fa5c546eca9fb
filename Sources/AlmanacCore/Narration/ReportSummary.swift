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
    /// Which key measures the question has (`Match.keyMeasures`): what an alert may name.
    public var keyMeasureSpec: KeyMeasureSpec?
    /// The badge or organization the question is filtered to: the subject of its totals.
    public var scopeName: String?
    /// The key measure the question asks about ("drop_rate" for "What is the drop-out rate
    /// for each badge?"), when it is one of its totals: "What changed" lists its moves first.
    public var askedMeasure: String?
    /// "all organizations" for a question that compares names: its key measures are of the
    /// whole scope, not of the names compared (`Match.acrossAll`).
    public var acrossAll: String?
    /// The report's own box, shared.
    @Indirect public var comparison: Comparison?
    /// What "What changed" reads.
    public var sinceLastReport: SinceLastReport?
    /// The most important insight, for the digest.
    public var topInsight: Insight?
    /// The distinct names in the key tables' text columns, in order, for the search index.
    public var names: [String] { nameNumbers.map(nameTable.name) }
    /// `names`, by their numbers in `nameTable`: a build's 10,000 pages name the same few
    /// hundred badges and organizations, each held once.
    private(set) var nameNumbers: [Int32]
    let nameTable: NameTable
    /// The names its answer may give: its key tables' and those it is filtered to.
    public var namesInText: [String] { names + filterNames }
    /// The badge and organization the question is filtered to.
    let filterNames: [String]
    /// "Why it changed", in Markdown: the search index finds a page by the drivers it names.
    public var whyItChanged: [String]

    /// - Parameter nameTable: where the names are kept; one for the whole build.
    public init(_ report: QuestionReport, nameTable: NameTable = NameTable()) {
        question = report.question
        kind = report.match.kind
        narration = report.narration.markdown
        keyMeasures = report.keyMeasures
        keyMeasureSpec = report.match.keyMeasures
        scopeName = report.match.filters.organization ?? report.match.filters.badge
        askedMeasure =
            report.match.askedKeyMeasure
            ?? report.keyMeasures.first {
                $0.subject == nil && $0.measure == report.match.askedHeadlineMeasure
            }?.measure
        acrossAll = report.match.acrossAll
        filterNames = [report.match.filters.organization, report.match.filters.badge].compactMap {
            $0
        }
        _comparison = report.$comparison
        sinceLastReport = report.sinceLastReport
        // A page comparing names has the insights of the whole scope, which the digest
        // would set under the names compared ("SQL Fundamentals rose most" under "Initech
        // and Hooli", blind test 40): they stay on the page.
        topInsight = report.match.acrossAll == nil ? report.insights.first : nil
        self.nameTable = nameTable
        nameNumbers = Self.names(in: report.tables).map(nameTable.number)
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

/// Distinct names, each with its number: the summaries of a build share one.
public final class NameTable: @unchecked Sendable {
    // @unchecked: `names` and `numbers` are only touched under `lock`.
    private let lock = NSLock()
    private var names: [String] = []
    private var numbers: [String: Int32] = [:]

    public init() {}

    /// Every name, by number.
    var all: [String] { lock.withLock { names } }

    /// The number of `name`, which is added when it is new.
    func number(_ name: String) -> Int32 {
        lock.withLock {
            if let number = numbers[name] { return number }
            let number = Int32(names.count)
            names.append(name)
            numbers[name] = number
            return number
        }
    }

    func name(_ number: Int32) -> String {
        lock.withLock { names[Int(number)] }
    }
}
