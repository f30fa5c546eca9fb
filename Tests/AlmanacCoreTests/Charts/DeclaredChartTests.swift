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
