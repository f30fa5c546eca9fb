import Foundation
import Testing

@testable import AlmanacCore

/// Chart titles in plain words, and periods written one way on every chart: the way the
/// tables and the text write them (`2024-01-08`, `2024-W02`, `2024-01`, `2024-Q1`).
@Suite struct ChartWordingTests {
    let asOf = CivilDate(iso: "2024-03-01")!

    func context(_ granularity: Granularity? = nil) throws -> AnalysisContext {
        AnalysisContext(
            db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
            asOf: asOf, granularity: granularity)
    }

    var builder: ChartBuilder {
        ChartBuilder(
            limit: 15,
            badgeCategories: ["Python Basics": "Programming", "SQL Fundamentals": "Data"],
            asOf: asOf)
    }

    func charts(_ output: any AnalysisOutput, _ match: Match) throws -> [String: Chart] {
        let answer = Answer.make(output, intent: match.intent, filters: match.filters)
        let charts = try builder.charts(
            for: output, question: Question(id: "q", text: "q"), answer: answer, match: match)
        return Dictionary(uniqueKeysWithValues: charts.map { ($0.name, $0) })
    }

    @Test("weeks are categories written 2024-W02 on the answer and on the organizations' lines")
    func weeks() throws {
        let match = Match(
            kind: .organizationTrends, confidence: 1, granularity: .week,
            intent: Intent(measure: .growth, dimension: .period))
        let all = try charts(try OrganizationTrends.run(try context(.week)), match)
        for name in ["answer", "line"] {
            let layout = try #require(all[name]?.figure["layout"], "\(name)")
            #expect(layout["xaxis"]?["type"] == "category", "\(name)")
            #expect(layout["xaxis"]?["title"]?["text"] == "Week", "\(name)")
            let trace = try #require(all[name]?.figure["data"]?.arrayValue?.first)
            let labels = trace["x"]?.arrayValue?.compactMap(\.stringValue) ?? []
            // 2024-01-10, the first enrollment, is the Wednesday of ISO week 2 (Monday
            // 2024-01-08); 2024-03-01, the as-of date, is the Friday of week 9.
            #expect(labels.contains("2024-W02"), "\(name)")
            #expect(labels.last == "2024-W09", "\(name)")
            #expect(
                labels.allSatisfy {
                    $0.range(of: #"^\d{4}-W\d{2}$"#, options: .regularExpression) != nil
                },
                "\(name)")
        }
        #expect(all["answer"]?.title == "Enrollments by week")
    }

    @Test("the paths' timeline writes its days 2024-03-01, on the ticks and in the hover")
    func days() throws {
        let match = Match(kind: .learningPaths, confidence: 1, intent: Intent(measure: .paths))
        let xaxis = try charts(try LearningPaths.run(try context()), match)["timeline"]?
            .figure["layout"]?["xaxis"]
        #expect(xaxis?["tickformat"] == "%Y-%m-%d")
        #expect(xaxis?["hoverformat"] == "%Y-%m-%d")
    }

    @Test("no title or axis title holds a column name or the word ISO")
    func plainWords() throws {
        let outputs: [(any AnalysisOutput, Match)] = [
            (
                try BadgeEnrollments.run(try context()),
                Match(kind: .badgeEnrollments, confidence: 1)
            ),
            (
                try OrganizationTrends.run(try context(.week)),
                Match(kind: .organizationTrends, confidence: 1, granularity: .week)
            ),
            (
                try CompletionMetrics.run(try context()),
                Match(
                    kind: .completionMetrics, confidence: 1,
                    intent: Intent(measure: .timeToComplete, dimension: .badge))
            ),
            (try LearningPaths.run(try context()), Match(kind: .learningPaths, confidence: 1)),
        ]
        var words: [String] = []
        for (output, match) in outputs {
            for chart in try charts(output, match).values {
                words.append(chart.title)
                guard case .object(let layout) = chart.figure["layout"] else { continue }
                for (key, axis) in layout where key.contains("axis") {
                    if let title = axis["title"]?["text"]?.stringValue { words.append(title) }
                }
                for trace in chart.figure["data"]?.arrayValue ?? [] {
                    for dimension in trace["dimensions"]?.arrayValue ?? [] {
                        words.append(dimension["label"]?.stringValue ?? "")
                    }
                }
                words += chart.table.columns.map(\.title)
            }
        }
        #expect(words.count > 40)
        #expect(
            words.filter { $0.contains("_") || $0.contains("ISO") || $0.contains("iso ") } == [])
        #expect(words.contains("Median days to complete"))
        #expect(!words.contains("Drop rate"))
    }

    @Test("titled axes stand off from their ticks; legends sit beside the plot, under the toolbar")
    func layout() throws {
        let match = Match(
            kind: .organizationTrends, confidence: 1, granularity: .week,
            intent: Intent(measure: .growth, dimension: .period))
        let all = try charts(try OrganizationTrends.run(try context(.week)), match)
        let line = try #require(all["line"]?.figure["layout"])
        for axis in ["xaxis", "yaxis"] {
            #expect(line[axis]?["title"]?["standoff"] == 12, "\(axis)")
            #expect(line[axis]?["automargin"] == true, "\(axis)")
        }
        // Three lines (Acme, Globex, no organization): a legend, top-left corner at the
        // plot's top right, so the toolbar above the plot cannot cover it.
        #expect(line["legend"]?["orientation"] == "v")
        #expect(line["legend"]?["x"] == 1.02)
        #expect(line["legend"]?["y"] == 1)
        #expect(line["legend"]?["yanchor"] == "top")
    }

    @Test(
        "an axis key is what ^[xy]axis\\d*$ matches, as ICU reads it",
        arguments: [
            "xaxis", "yaxis", "yaxis2", "xaxis10", "zaxis", "Xaxis", "xaxis2a", "xaxi", "axis", "",
            "xaxis\n", "xaxis\r\n", "xaxis\r", "xaxis\n\n", "xaxis2\n", "xaxis\u{2028}",
            "xaxis\u{85}", "xaxis\u{0B}", "xaxis\u{0C}", "xaxis\u{663}", "yaxis\u{FF11}", "xaxis²",
            " xaxis", "xaxis ", "\nxaxis", "xaxis\u{301}", "plot_bgcolor",
        ])
    func axisKeys(key: String) {
        // The reference is the regular expression the check replaces.
        let expected = key.range(of: #"^[xy]axis\d*$"#, options: .regularExpression) != nil
        #expect(Layout.isAxis(key) == expected)
    }
}
