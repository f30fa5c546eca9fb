import Testing

@testable import AlmanacCore

/// A chart the questions file declares for custom SQL is drawn even of one row: a blind test
/// found it dropped without a word, while a kind's own one-bar charts are left out because
/// they only repeat the answer.
@Suite struct DeclaredChartTests {
    @Test("a declared chart of one row is drawn")
    func oneRow() throws {
        var question = Question(id: "one", text: "One row")
        question.sql = "SELECT 1 AS x, 5 AS y"
        question.charts = [ChartDeclaration(type: "bar", columns: ["x": "x", "y": "y"], line: 4)]
        let result = CustomSQL(columns: ["x", "y"], rows: [[.int(1), .int(5)]], truncated: false)
        let charts = try ChartBuilder().charts(for: result, question: question)
        #expect(charts.map(\.name) == ["bar"])
        #expect(charts.first?.items == 1)
    }
}

extension DeclaredChartTests {
    func question() -> Question {
        var question = Question(id: "q", text: "Own")
        question.sql = "SELECT name, n FROM t"
        question.charts = [
            ChartDeclaration(type: "bar", columns: ["x": "name", "y": "n"], line: 7)
        ]
        return question
    }

    @Test("a NULL y is a gap in the chart, not 0; a text y is an error naming it")
    func yValues() throws {
        let gaps = CustomSQL(
            columns: ["name", "n"], rows: [[.string("a"), .int(3)], [.string("b"), .null]],
            truncated: false)
        let chart = try #require(try ChartBuilder().charts(for: gaps, question: question()).first)
        #expect(chart.figure["data"]?.arrayValue?.first?["y"] == [3.0, .null])
        let text = CustomSQL(
            columns: ["name", "n"], rows: [[.string("a"), .string("many")]], truncated: false)
        let error = try #require(throws: ChartError.self) {
            try ChartBuilder().charts(for: text, question: question())
        }
        #expect(error.line == 7)
        #expect(error.message.contains("must be a column of numbers"))
    }
}

/// A fault test's query returned 5,000,000 rows: the page said it "returned 1,000 rows", and
/// the chart's "Other (986)" bar summed 986 of the 4,999,986 rows past the first 14.
extension DeclaredChartTests {
    func cut() -> CustomSQL {
        CustomSQL(
            columns: ["name", "n"],
            rows: (1...CustomSQL.rowLimit).map { [.string("r\($0)"), .int($0)] },
            truncated: true)
    }

    @Test("a result cut at the row limit draws no 'Other', whose sum would be partial")
    func cutResultChart() throws {
        let chart = try #require(try ChartBuilder().charts(for: cut(), question: question()).first)
        let labels = chart.figure["data"]?.arrayValue?.first?["x"]?.arrayValue ?? []
        #expect(!labels.isEmpty)
        #expect(!labels.contains { $0.stringValue?.hasPrefix("Other") == true })
        #expect(chart.caption.contains("first 1,000 rows"))
        // Uncut, the rest is summed into "Other": 986 rows past the first 14 here.
        var whole = cut()
        whole.truncated = false
        let drawn = try #require(try ChartBuilder().charts(for: whole, question: question()).first)
        #expect(drawn.figure["data"]?.arrayValue?.first?["x"]?.arrayValue?.last == "Other (986)")
    }

    @Test("a cut result's summary says more than the limit, not the limit")
    func cutResultSummary() {
        let text = OfflineNarrator().narrate(cut(), question: question())
        #expect(text.contains("more than 1,000 rows"))
        #expect(!text.contains("returned 1,000 rows"))
    }
}
