import Foundation

/// The charts of a learning_paths result: sankey, network and timeline.
struct LearningPathCharts {
    var result: LearningPaths
    var limit: Int
    var categories: [String]
    var badgeCategories: [String: String]
    var asOf: CivilDate

    var charts: [Chart] { [sankey, network, timeline] }

    /// The busiest transitions, at most twice the axis limit, so the diagram stays legible.
    private var transitions: ArraySlice<LearningPaths.Transition> {
        result.transitions.prefix(limit * 2)
    }

    /// Badges in the drawn transitions, by learners passing through, then name.
    private var nodes: [(name: String, weight: Int)] {
        var weight: [String: Int] = [:]
        for step in transitions {
            weight[step.from, default: 0] += step.learners
            weight[step.to, default: 0] += step.learners
        }
        return weight.map { ($0.key, $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.name < $1.name }
    }

    private func colour(_ badge: String) -> String {
        Palette.colour(forCategory: badgeCategories[badge] ?? "", among: categories)
    }

    private var transitionTable: DataTable {
        DataTable(
            title: "Transitions between badges",
            columns: [
                .init("From", .text), .init("To", .text), .init("Learners", .count),
                .init("Median days between", .days),
            ],
            rows: transitions.map {
                [.string($0.from), .string($0.to), .int($0.learners), .number($0.medianDays)]
            })
    }

    /// The first three steps of the most common paths, one column per step. Drawing the
    /// transition graph itself would loop (A → B and B → A), which a sankey cannot show
    /// legibly; by step, every band flows left to right.
    var sankey: Chart {
        var nodes: [String] = []
        var nodeIndex: [String: Int] = [:]
        var labels: [String] = []
        func node(_ badge: String, step: Int) -> Int {
            let id = "\(step)/\(badge)"
            if let index = nodeIndex[id] { return index }
            nodeIndex[id] = nodes.count
            nodes.append(id)
            labels.append(badge)
            return nodes.count - 1
        }
        var flows:
            [(source: Int, target: Int, from: String, to: String, step: Int, learners: Int)] = []
        var flowIndex: [String: Int] = [:]
        for path in result.topPaths {
            for step in 0..<(path.badges.count - 1) {
                let source = node(path.badges[step], step: step + 1)
                let target = node(path.badges[step + 1], step: step + 2)
                let key = "\(source)>\(target)"
                if let index = flowIndex[key] {
                    flows[index].learners += path.learners
                } else {
                    flowIndex[key] = flows.count
                    flows.append(
                        (
                            source, target, path.badges[step], path.badges[step + 1], step + 1,
                            path.learners
                        ))
                }
            }
        }
        let trace: JSONValue = [
            "type": "sankey", "arrangement": "snap",
            "node": [
                "label": labels.json, "color": .array(labels.map { .string(colour($0)) }),
                "pad": 14, "thickness": 16,
                "hovertemplate": "%{label}<br>%{value:,} learners<extra></extra>",
            ],
            "link": [
                "source": flows.map(\.source).json, "target": flows.map(\.target).json,
                "value": flows.map(\.learners).json, "color": "rgba(128,128,128,0.35)",
                "hovertemplate":
                    "%{source.label} → %{target.label}<br>%{value:,} learners<extra></extra>",
            ],
        ]
        var layout = Layout.base(title: "How learners move from their first badge to their third")
        layout["height"] = 520
        let widest = flows.max {
            $0.learners != $1.learners ? $0.learners < $1.learners : $0.from > $1.from
        }
        return Chart(
            name: "sankey", items: flows.count,
            title: "How learners move from their first badge to their third",
            caption:
                "Columns are the first, second and third badge of the \(result.topPaths.count) most common paths; wide bands are well-trodden steps.",
            summary:
                "Sankey diagram of the first three steps of the \(result.topPaths.count) most common learning paths\(widest.map { "; the widest band is \($0.from) to \($0.to), with \(NumberText.count($0.learners)) learners of these paths" } ?? "").",
            figure: Layout.figure([trace], layout),
            table: DataTable(
                title: "Steps of the most common paths",
                columns: [
                    .init("Step", .count), .init("From", .text), .init("To", .text),
                    .init("Learners", .count),
                ],
                rows: flows.map {
                    [.int($0.step), .string($0.from), .string($0.to), .int($0.learners)]
                }))
    }

    /// Badges on a circle in a fixed order (busiest first, clockwise from the top), edges
    /// as line segments whose width follows the learners.
    var network: Chart {
        let names = nodes.map(\.name)
        var position: [String: (x: Double, y: Double)] = [:]
        for (index, name) in names.enumerated() {
            let angle = Double.pi / 2 - 2 * Double.pi * Double(index) / Double(max(names.count, 1))
            position[name] = (
                Rounding.halfAwayFromZero(cos(angle), places: 4),
                Rounding.halfAwayFromZero(sin(angle), places: 4)
            )
        }
        let busiest = transitions.map(\.learners).max() ?? 1
        var traces: [JSONValue] = transitions.map { step in
            let (a, b) = (position[step.from]!, position[step.to]!)
            return [
                "type": "scatter", "mode": "lines", "x": [.double(a.x), .double(b.x)],
                "y": [.double(a.y), .double(b.y)], "hoverinfo": "skip", "showlegend": false,
                "line": [
                    "width": .double(
                        Rounding.halfAwayFromZero(
                            1 + 7 * Double(step.learners) / Double(busiest), places: 2)),
                    "color": "rgba(128,128,128,0.45)",
                ],
            ]
        }
        let weights = Dictionary(
            nodes.map { ($0.name, $0.weight) }, uniquingKeysWith: { first, _ in first })
        let heaviest = nodes.map(\.weight).max() ?? 1
        // Labels sit outside the circle, on the right of the right half and the left of the
        // left half, so neighbours near the top and bottom do not write over each other; only
        // a node right at the top or the bottom is labelled above or below it. One trace per
        // side, since Plotly.validate misreads a per-point text position.
        func side(_ name: String) -> String {
            let (x, y) = position[name]!
            return x > 0.01
                ? "middle right"
                : x < -0.01 ? "middle left" : y > 0 ? "top center" : "bottom center"
        }
        for placement in ["top center", "middle right", "bottom center", "middle left"] {
            let members = names.filter { side($0) == placement }
            guard !members.isEmpty else { continue }
            traces.append([
                "type": "scatter", "mode": "markers+text", "name": "Badges", "showlegend": false,
                "x": members.map { position[$0]!.x }.json,
                "y": members.map { position[$0]!.y }.json,
                "text": members.json, "textposition": .string(placement),
                "customdata": members.map { weights[$0]! }.json,
                "marker": [
                    "size": .array(
                        members.map {
                            .double(
                                Rounding.halfAwayFromZero(
                                    10 + 22 * Double(weights[$0]!) / Double(heaviest), places: 2))
                        }),
                    "color": .array(members.map { .string(colour($0)) }),
                    "line": ["width": 1, "color": "white"],
                ],
                "hovertemplate":
                    "%{text}<br>%{customdata:,} learners in drawn transitions<extra></extra>",
            ])
        }
        var layout = Layout.base(title: "Which badge learners take after which")
        layout["xaxis"] = ["visible": false, "range": [-2.1, 2.1], "fixedrange": true]
        layout["yaxis"] = ["visible": false, "range": [-1.25, 1.3], "fixedrange": true]
        // Two labels on one side near the top or bottom are about r·s² apart vertically, for
        // a radius of r pixels and s = 2π/n between n nodes: tall enough for 16 px between
        // them (the plot is about height − 64 px for 2.55 units of y, a radius being one).
        let step = 2 * Double.pi / Double(max(names.count, 1))
        layout["height"] = .int(max(560, 64 + Int((2.55 * 16 / (step * step)).rounded(.up))))
        return Chart(
            name: "network", items: names.count, title: "Which badge learners take after which",
            caption: "Big nodes are hubs; thick edges are the transitions most learners make.",
            summary:
                "Network of \(names.count) badges joined by their \(transitions.count) most common transitions\(names.first.map { "; \($0) is the busiest hub" } ?? "").",
            figure: Layout.figure(traces, layout), table: transitionTable)
    }

    /// The top paths as a calendar for a learner starting on the as-of date: each step lasts
    /// the median gap to the next badge, and the last step its median time to complete.
    var timeline: Chart {
        let paths = result.topPaths.prefix(5)
        var gaps: [String: Double] = [:]
        for step in result.transitions { gaps[step.from + "\u{0}" + step.to] = step.medianDays }
        var steps: [[(badge: String, start: Double, days: Double)]] = []
        for path in paths {
            var offset = 0.0
            var row: [(String, Double, Double)] = []
            for (index, badge) in path.badges.enumerated() {
                let days: Double
                if index + 1 < path.badges.count {
                    days = gaps[badge + "\u{0}" + path.badges[index + 1]] ?? 0
                } else {
                    days = result.medianDaysToComplete[badge] ?? 0
                }
                row.append((badge, offset, days))
                offset += days
            }
            steps.append(row)
        }
        let millisecondsPerDay = 86_400_000.0
        let traces: [JSONValue] = (0..<3).compactMap { position -> JSONValue? in
            var labels: [String] = []
            var badges: [String] = []
            var bases: [JSONValue] = []
            var lengths: [Double] = []
            var days: [Double] = []
            for (path, row) in zip(paths, steps) where position < row.count {
                let step = row[position]
                labels.append(path.label)
                badges.append(step.badge)
                // Whole days on the calendar, so each bar starts where the last one ends.
                let first = Int(step.start.rounded())
                let last = Int((step.start + step.days).rounded())
                bases.append(.string(asOf.adding(days: first).description))
                lengths.append(Double(last - first) * millisecondsPerDay)
                days.append(step.days)
            }
            guard !labels.isEmpty else { return nil }
            let colours: [JSONValue] = badges.map { .string(colour($0)) }
            let trace: JSONValue = [
                "type": "bar", "orientation": "h", "name": .string("Step \(position + 1)"),
                "y": labels.json, "base": .array(bases), "x": lengths.json,
                "text": badges.json, "textposition": "inside", "insidetextanchor": "middle",
                "customdata": days.json,
                "marker": ["color": .array(colours), "line": ["width": 1, "color": "white"]],
                "hovertemplate": .string(
                    "%{text}<br>about %{customdata:.1f} days<extra>Step \(position + 1)</extra>"),
            ]
            return trace
        }
        var layout = Layout.base(title: "Typical time along the top paths")
        layout["barmode"] = "overlay"
        // Room for half of the last date, centred on its tick at the right edge.
        layout["margin"] = ["t": 64, "r": 48, "b": 24, "l": 24]
        layout["showlegend"] = false
        layout["xaxis"] = [
            "type": "date", "title": ["text": .string("A learner starting on \(asOf)")],
            // Days as the site writes them, 2026-09-30, on the ticks and in the hover.
            "tickformat": "%Y-%m-%d", "hoverformat": "%Y-%m-%d",
            // Few enough dates to stand upright beside long path names; turned, they grow
            // into the axis title when the chart is fitted to a disclosure that opens.
            "nticks": 6, "tickangle": 0,
            "automargin": true,
        ]
        layout["yaxis"] = ["autorange": "reversed", "automargin": true]
        return Chart(
            name: "timeline", items: paths.count, title: "Typical time along the top paths",
            caption:
                "Each bar is one badge of a path: its median gap to the next badge, or for the last, its median time to complete.",
            summary:
                "Timeline of the \(paths.count) most common paths for a learner starting on \(asOf)\(steps.first.map { row in "; the top path takes about \(NumberText.decimal(row.reduce(0) { $0 + $1.days }, places: 0)) days" } ?? "").",
            figure: Layout.figure(traces, layout),
            table: DataTable(
                title: "Typical time along the top paths",
                columns: [
                    .init("Path", .text), .init("Step", .count), .init("Badge", .text),
                    .init("Starts on day", .days), .init("Days", .days),
                ],
                rows: zip(paths, steps).flatMap { path, row in
                    row.enumerated().map {
                        [
                            .string(path.label), .int($0.offset + 1), .string($0.element.badge),
                            .double($0.element.start), .double($0.element.days),
                        ]
                    }
                }))
    }
}

extension LearningPaths: ChartedAnalysis {
    public func charts(_ builder: ChartBuilder) -> [Chart] {
        LearningPathCharts(
            result: self, limit: builder.limit, categories: builder.categories,
            badgeCategories: builder.badgeCategories, asOf: builder.asOf
        ).charts
    }

    /// The next or the previous badge: the graph of transitions between badges. Paths and
    /// first badges: the flow from the first badge to the third.
    public func supportingChart(for match: Match) -> String? {
        switch match.intent.measure {
        case .nextBadge, .previousBadge: return "network"
        default: return "sankey"
        }
    }
}
