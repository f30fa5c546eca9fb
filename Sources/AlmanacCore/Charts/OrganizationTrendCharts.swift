/// The charts of an organization_trends result: line, area and box.
struct OrganizationTrendCharts {
    var result: OrganizationTrends
    /// Lines beyond a handful turn into spaghetti, so trends keep fewer than other axes.
    var limit: Int

    var charts: [Chart] { [line, area, box] }

    /// The organizations drawn, most enrollments first, and "Other" for the rest.
    private var groups: (names: [String], periods: [String], counts: [[Int]]) {
        let withActivity = Set(result.series.map(\.organization))
        let ordered = result.organizations.map(\.organization).filter(withActivity.contains)
        let top = TopN(ordered, limit: min(limit, 8))
        var periods: [String] = []
        var index: [String: Int] = [:]
        for point in result.series where index[point.period] == nil {
            index[point.period] = periods.count
            periods.append(point.period)
        }
        var names = top.kept
        if !top.rest.isEmpty { names.append("Other (\(top.rest.count) organizations)") }
        let row = Dictionary(
            top.kept.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = [[Int]](
            repeating: [Int](repeating: 0, count: periods.count), count: names.count)
        for point in result.series {
            let line = row[point.organization] ?? names.count - 1
            counts[line][index[point.period]!] += point.enrollments
        }
        return (names, periods, counts)
    }

    private var periodTitle: String {
        switch result.granularity {
        case .day: return "Day"
        case .week: return "Week"
        case .month: return "Month"
        case .quarter: return "Quarter"
        }
    }

    private func colour(_ index: Int) -> String {
        Palette.categoryColours[index % Palette.categoryColours.count]
    }

    var line: Chart {
        let (names, periods, counts) = groups
        let traces: [JSONValue] = names.indices.map { index in
            [
                "type": "scatter", "mode": "lines+markers", "name": .string(names[index]),
                "x": periods.json, "y": counts[index].json,
                "line": ["color": .string(colour(index))],
                "hovertemplate": .string(
                    "\(PlotlyText.literal(names[index]))<br>%{x}: %{y:,} enrollments<extra></extra>"
                ),
            ]
        }
        let title = "Enrollments per \(result.granularity.rawValue), top organizations"
        var layout = Layout.base(title: title, x: periodTitle, y: "Enrollments")
        layout["xaxis"] = Layout.periodAxis(periodTitle)
        return Chart(
            name: "line", items: min(names.count, periods.count), title: title,
            caption: "Rising lines are organizations whose enrollment is growing.",
            summary:
                "Line chart of enrollments per \(result.granularity.rawValue) for \(names.count) organizations over \(periods.count) periods, \(result.window.phrase).",
            figure: Layout.figure(traces, layout),
            table: table(title: title, names: names, periods: periods, counts: counts))
    }

    var area: Chart {
        let (names, periods, counts) = groups
        let cumulative = counts.map { row in
            row.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
        }
        let traces: [JSONValue] = names.indices.map { index in
            [
                "type": "scatter", "mode": "lines", "stackgroup": "one",
                "name": .string(names[index]),
                "x": periods.json, "y": cumulative[index].json,
                "line": ["color": .string(colour(index)), "width": 1],
                "hovertemplate": .string(
                    "\(PlotlyText.literal(names[index]))<br>%{x}: %{y:,} so far<extra></extra>"),
            ]
        }
        let title = "Enrollments so far, by organization"
        var layout = Layout.base(title: title, x: periodTitle, y: "Enrollments so far")
        layout["xaxis"] = Layout.periodAxis(periodTitle)
        let total = cumulative.reduce(0) { $0 + ($1.last ?? 0) }
        return Chart(
            name: "area", items: min(names.count, periods.count), title: title,
            caption:
                "The top edge is the running total; each band is one organization's share of it.",
            summary:
                "Stacked area chart of cumulative enrollments for \(names.count) organizations, reaching \(NumberText.count(total)) by \(periods.last ?? "the end").",
            figure: Layout.figure(traces, layout),
            table: table(title: title, names: names, periods: periods, counts: cumulative))
    }

    var box: Chart {
        let spreads = Array(result.perLearner.prefix(limit))
        let trace: JSONValue = [
            "type": "box", "name": "Enrollments per learner",
            "x": spreads.map(\.organization).json,
            "q1": spreads.map(\.lowerQuartile).json, "median": spreads.map(\.median).json,
            "q3": spreads.map(\.upperQuartile).json, "lowerfence": spreads.map(\.minimum).json,
            "upperfence": spreads.map(\.maximum).json, "mean": spreads.map(\.mean).json,
            "marker": ["color": .string(Palette.categoryColours[0])], "showlegend": false,
        ]
        let title = "Enrollments per learner, by organization"
        var layout = Layout.base(title: title, y: "Enrollments per learner")
        layout["xaxis"] = ["type": "category", "automargin": true]
        return Chart(
            name: "box", items: spreads.count, title: title,
            caption:
                "The box holds the middle half of learners; a high box means learners there take many badges.",
            summary:
                "Box plot of enrollments per learner for \(spreads.count) organizations\(spreads.first.map { "; at \($0.organization) the median learner has \(NumberText.decimal($0.median, places: 2))" } ?? "").",
            figure: Layout.figure([trace], layout),
            table: DataTable(
                title: title,
                columns: [
                    .init("Organization", .text), .init("Learners", .count),
                    .init("Minimum", .decimal),
                    .init("Lower quartile", .decimal), .init("Median", .decimal),
                    .init("Upper quartile", .decimal), .init("Maximum", .decimal),
                    .init("Mean", .decimal),
                ],
                rows: spreads.map {
                    [
                        .string($0.organization), .int($0.learners), .double($0.minimum),
                        .double($0.lowerQuartile), .double($0.median), .double($0.upperQuartile),
                        .double($0.maximum), .double($0.mean),
                    ]
                }))
    }

    private func table(title: String, names: [String], periods: [String], counts: [[Int]])
        -> DataTable
    {
        DataTable(
            title: title,
            columns: [.init(periodTitle, .text)] + names.map { .init($0, .count) },
            rows: periods.indices.map { column in
                [.string(periods[column])] + counts.map { .int($0[column]) }
            })
    }
}

extension OrganizationTrends: ChartedAnalysis {
    public func charts(_ builder: ChartBuilder) -> [Chart] {
        OrganizationTrendCharts(result: self, limit: builder.limit).charts
    }

    /// The organizations' lines, period by period: the answer's totals or ranking, split by
    /// who made them. The lines count enrollments: none supports an answer of completions.
    public func supportingChart(for match: Match) -> String? {
        match.intent.measure == .completions ? nil : "line"
    }
}
