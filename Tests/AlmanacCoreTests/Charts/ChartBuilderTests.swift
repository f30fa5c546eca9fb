import Testing

@testable import AlmanacCore

/// Chart builders on the hand-worked fixture: trace types and values, not just "some JSON".
@Suite struct ChartBuilderTests {
    let asOf = CivilDate(iso: "2024-03-01")!

    func context(_ filters: Filters = Filters()) throws -> AnalysisContext {
        AnalysisContext(
            db: try SQLiteConnection(path: try Fixture.database(Fixture.platformRows)),
            asOf: asOf, filters: filters)
    }

    var builder: ChartBuilder {
        ChartBuilder(
            limit: 15,
            badgeCategories: [
                "Python Basics": "Programming", "SQL Fundamentals": "Data", "Empty Badge": "Data",
            ],
            asOf: asOf)
    }

    func charts(_ output: any AnalysisOutput, question: Question = Question(id: "q", text: "q"))
        throws -> [String: Chart]
    {
        Dictionary(
            uniqueKeysWithValues: try builder.charts(for: output, question: question).map {
                ($0.name, $0)
            })
    }

    func traces(_ chart: Chart?) -> [JSONValue] {
        chart?.figure["data"]?.arrayValue ?? []
    }

    @Test("badge charts: a bar stacked by status, a radar, a funnel and a bubble per category")
    func badges() throws {
        let result = try BadgeEnrollments.run(try context())
        let all = try charts(result)
        #expect(Set(all.keys) == ["bar", "radar", "funnel", "bubble"])

        let bar = traces(all["bar"])
        #expect(
            bar.map { $0["name"]?.stringValue } == [
                "Completed", "In progress", "Enrolled", "Dropped",
            ])
        #expect(bar[0]["x"] == ["Python Basics", "SQL Fundamentals", "Empty Badge"])
        #expect(bar[0]["y"] == [2, 2, 0])  // completed per badge
        #expect(bar[3]["y"] == [1, 0, 0])  // dropped
        #expect(all["bar"]?.figure["layout"]?["barmode"] == "stack")

        // Funnel: 7 enrolled, 6 started (all but enrollment 6), 4 completed.
        let funnel = traces(all["funnel"])
        #expect(funnel.first?["type"] == "funnel")
        #expect(funnel.first?["x"] == [7, 6, 4])

        // Radar: Python Basics (most enrollments) against all badges; first axis is completion.
        let radar = traces(all["radar"])
        #expect(radar.map { $0["type"] } == ["scatterpolar", "scatterpolar"])
        #expect(radar[1]["name"] == "Python Basics")
        #expect(radar[1]["r"]?.arrayValue?.first == 0.5)
        #expect(radar[0]["r"]?.arrayValue?.first == 0.5714)  // 4 of 7

        // Bubble: one trace per category with enrollments, sorted by category name; each
        // badge on its own named row, most enrollments first (Python Basics 4, SQL 3).
        let bubble = traces(all["bubble"])
        #expect(bubble.map { $0["name"] } == ["Data", "Programming"])
        #expect(bubble[1]["x"] == [0.5])  // 2 of Python Basics' 4 enrollments completed
        #expect(bubble[1]["y"] == ["Python Basics"])
        #expect(bubble[1]["marker"]?["size"] == [4])
        let rows = all["bubble"]?.figure["layout"]?["yaxis"]
        #expect(rows?["categoryarray"] == ["Python Basics", "SQL Fundamentals"])
        #expect(rows?["autorange"] == "reversed")
    }

    @Test("every chart has a label in words, a data table and a title")
    func accessible() throws {
        var checked = 0
        for output in [
            try BadgeEnrollments.run(try context()) as any AnalysisOutput,
            try OrganizationTrends.run(try context()), try CompletionMetrics.run(try context()),
            try LearningPaths.run(try context()),
        ] {
            let charts = try builder.charts(for: output, question: Question(id: "q", text: "q"))
            #expect(charts.count >= 2, "every kind draws charts")
            checked += charts.count
            for chart in charts {
                #expect(!chart.summary.isEmpty, "\(chart.name)")
                #expect(!chart.table.rows.isEmpty, "\(chart.name)")
                #expect(chart.figure["layout"]?["title"]?["text"] != nil, "\(chart.name)")
            }
        }
        #expect(checked >= 8)
    }

    @Test("organization charts: lines per organization, cumulative stacked areas, boxes")
    func organizations() throws {
        let result = try OrganizationTrends.run(try context())
        let all = try charts(result)
        #expect(Set(all.keys) == ["line", "area", "box"])
        let line = traces(all["line"])
        #expect(line.map { $0["name"] } == ["Acme & Sons", "(no organization)", "Globex"])
        // Acme: 3 enrollments in 2024-01, none after; the x axis runs 2023-03 … 2024-03.
        #expect(line[0]["y"]?.arrayValue?.suffix(3) == [3, 0, 0])
        let area = traces(all["area"])
        #expect(area[0]["stackgroup"] == "one")
        #expect(area[0]["y"]?.arrayValue?.suffix(3) == [3, 3, 3])  // cumulative
        // Enrollments per learner: Acme has u1 with 2 and u2 with 1.
        let box = traces(all["box"]).first
        #expect(box?["type"] == "box")
        #expect(box?["x"]?.arrayValue?.first == "Acme & Sons")
        #expect(box?["median"]?.arrayValue?.first == 1.5)
        #expect(box?["upperfence"]?.arrayValue?.first == 2)
    }

    @Test("completion charts: heatmap of rates, sunburst of statuses, splom of measures")
    func completion() throws {
        let result = try CompletionMetrics.run(try context())
        let all = try charts(result)
        let heatmap = traces(all["heatmap"]).first
        #expect(heatmap?["x"] == ["Python Basics", "SQL Fundamentals"])
        #expect(heatmap?["y"] == ["Acme & Sons", "(no organization)", "Globex"])
        #expect(heatmap?["z"] == [[1, 1], [0, 1], [0, 0]])
        let sunburst = traces(all["sunburst"]).first
        #expect(sunburst?["type"] == "sunburst")
        let ids = sunburst?["ids"]?.arrayValue ?? []
        let values = sunburst?["values"]?.arrayValue ?? []
        let value = Dictionary(uniqueKeysWithValues: zip(ids.compactMap(\.stringValue), values))
        #expect(value["Programming"] == 4)
        #expect(value["Programming/Python Basics/completed"] == 2)
        #expect(value["Data/SQL Fundamentals/enrolled"] == 1)
        let matrix = traces(all["matrix"]).first
        #expect(matrix?["type"] == "splom")
        #expect(matrix?["dimensions"]?.arrayValue?.count == 4)
    }

    @Test(
        "path charts: a left-to-right sankey, a graph with deterministic positions, a dated timeline"
    )
    func paths() throws {
        let result = try LearningPaths.run(try context())
        let all = try charts(result)
        let sankey = traces(all["sankey"]).first
        #expect(
            sankey?["node"]?["label"] == [
                "Python Basics", "SQL Fundamentals", "SQL Fundamentals", "Python Basics",
            ])
        #expect(sankey?["link"]?["value"] == [2, 1])
        let network = traces(all["network"])
        // The busiest node sits at the top of the circle, in the first node trace.
        #expect(network.count == 4)  // two edges, then a node trace for each side with labels
        #expect(network[2]["x"]?.arrayValue?.first == 0)
        #expect(network[2]["y"]?.arrayValue?.first == 1)
        let first = try charts(result)["network"]?.figure
        #expect(first == all["network"]?.figure)
        let timeline = traces(all["timeline"])
        #expect(timeline.first?["orientation"] == "h")
        #expect(timeline.first?["base"]?.arrayValue?.first == "2024-03-01")
        // Step 1 of Python Basics → SQL Fundamentals lasts the 12-day median gap.
        #expect(timeline.first?["x"]?.arrayValue?.first == .double(12 * 86_400_000))
        #expect(all["timeline"]?.figure["layout"]?["xaxis"]?["type"] == "date")
    }

    @Test("long axes keep the top N and put the rest in Other")
    func otherBucket() throws {
        let result = try BadgeEnrollments.run(try context())
        let bar = try ChartBuilder(limit: 2).charts(
            for: result, question: Question(id: "q", text: "q")
        )
        .first { $0.name == "bar" }
        let x = bar?.figure["data"]?.arrayValue?.first?["x"]
        #expect(x == ["Python Basics", "Other (2 badges)"])
    }

    @Test("the heatmap pools the rest of each axis into Other")
    func heatmapOther() throws {
        let result = try CompletionMetrics.run(try context())
        let heatmap = try ChartBuilder(limit: 2).charts(
            for: result, question: Question(id: "q", text: "q")
        )
        .first { $0.name == "heatmap" }?.figure["data"]?.arrayValue?.first
        #expect(heatmap?["y"] == ["Acme & Sons", "Other (2 organizations)"])
        // Other = (no organization) and Globex: Python Basics 0 of 2 completed, SQL 1 of 2.
        #expect(heatmap?["z"] == [[1, 1], [0, 0.5]])
        #expect(heatmap?["customdata"] == [[2, 1], [2, 2]])
    }

    @Test("custom SQL charts take the declared columns and refuse unknown ones")
    func custom() throws {
        let db = try context().db as! SQLiteConnection
        let result = try CustomSQL.run(
            "SELECT name, id FROM badges ORDER BY id", questionID: "q", on: db)
        let question = Question(
            id: "q", text: "q", sql: "x",
            charts: [ChartDeclaration(type: "bar", columns: ["x": "name", "y": "id"], line: 7)])
        let bar = try builder.charts(for: result, question: question).first
        #expect(bar?.figure["data"]?.arrayValue?.first?["y"] == [1, 2, 3])
        var wrong = question
        wrong.charts = [ChartDeclaration(type: "bar", columns: ["x": "nope", "y": "id"], line: 7)]
        #expect(
            throws: ChartError(
                questionID: "q", line: 7,
                message: "no column `nope` in the query's result; it has name, id")
        ) {
            try builder.charts(for: result, question: wrong)
        }
        var twice = question
        twice.charts = [question.charts[0], question.charts[0]]
        #expect(try builder.charts(for: result, question: twice).map(\.name) == ["bar", "bar-2"])
        wrong.charts = [ChartDeclaration(type: "pie", columns: [:], line: 8)]
        #expect(throws: ChartError.self) { try builder.charts(for: result, question: wrong) }
    }

    @Test("the same data gives byte-identical figures")
    func deterministic() throws {
        let first = try builder.charts(
            for: try CompletionMetrics.run(try context()), question: Question(id: "q", text: "q"))
        let second = try builder.charts(
            for: try CompletionMetrics.run(try context()), question: Question(id: "q", text: "q"))
        #expect(first.map { $0.figure.encoded() } == second.map { $0.figure.encoded() })
    }

    @Test("a custom chart's mistake in a build names the questions file and the chart's line")
    func customChartInBuild() async throws {
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(
                """
                title: T
                questions:
                  - text: Own query
                    id: own
                    sql: SELECT name, id FROM badges ORDER BY id
                    charts: [{type: pie, x: name, y: id}]
                """)
        }
        #expect(error?.stage == .charts)
        #expect(
            String(describing: error).contains(
                "\(project.questionsFile.path):6: question `own`: unknown chart type `pie`; custom SQL charts can be bar, line"
            ))
    }
}
