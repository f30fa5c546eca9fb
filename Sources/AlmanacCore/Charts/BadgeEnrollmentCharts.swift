/// The charts of a badge_enrollments result: bar, radar, funnel and bubble.
struct BadgeEnrollmentCharts {
    var result: BadgeEnrollments
    var limit: Int
    var categories: [String]

    var charts: [Chart] { [bar, radar, funnel, bubble] }

    /// Enrollments per badge, stacked by status.
    var bar: Chart {
        let top = TopN(result.badges, limit: limit)
        var labels = top.kept.map(\.badge)
        var counts = top.kept.map { [$0.completed, $0.inProgress, $0.enrolled, $0.dropped] }
        if !top.rest.isEmpty {
            labels.append("Other (\(top.rest.count) badges)")
            counts.append(
                top.rest.reduce(into: [0, 0, 0, 0]) { sum, row in
                    for (index, value) in [
                        row.completed, row.inProgress, row.enrolled, row.dropped,
                    ].enumerated() {
                        sum[index] += value
                    }
                })
        }
        let traces: [JSONValue] = Palette.statuses.enumerated().map { index, status in
            [
                "type": "bar", "name": .string(status.label), "x": labels.json,
                "y": counts.map { $0[index] }.json, "marker": ["color": .string(status.colour)],
                "hovertemplate": .string("%{x}<br>\(status.label): %{y:,}<extra></extra>"),
            ]
        }
        var layout = Layout.base(
            title: "Enrollments per badge, by status", x: "Badge", y: "Enrollments")
        layout["barmode"] = "stack"
        // Badges that share the most are all named (docs/metrics.md, "Ties").
        let most = Tie.leading(result.badges, by: { Double($0.enrollments) })
        let summary =
            most.first.map {
                "Stacked bar chart of enrollments for \(result.badges.count) \(result.badges.count == 1 ? "badge" : "badges"), split by status. "
                    + (most.count == 1
                        ? "\($0.badge) has the most, with \(NumberText.count($0.enrollments)) enrollments."
                        : "\(Tie.names(most.map(\.badge))) tie for the most, with \(NumberText.count($0.enrollments)) enrollments each.")
            } ?? "Stacked bar chart of enrollments by status; there are no badges."
        return Chart(
            name: "bar", items: labels.count, title: "Enrollments per badge, by status",
            caption: "Tall bars are popular badges; the green share is the learners who finished.",
            summary: summary, figure: Layout.figure(traces, layout),
            table: DataTable(
                title: "Enrollments per badge, by status",
                columns: [.init("Badge", .text)] + Palette.statuses.map { .init($0.label, .count) },
                rows: zip(labels, counts).map { [.string($0)] + $1.map(JSONValue.int) }))
    }

    /// The rates of one badge (the filtered one, or the most popular) against the reference set.
    var radar: Chart {
        let badge = result.badges.first { $0.enrollments > 0 } ?? result.badges.first
        let axes = [
            "Completion rate", "Drop-out rate", "In progress", "Not started", "Average progress",
        ]
        func rates(_ mix: BadgeEnrollments.StatusMix) -> [Double] {
            [
                Metrics.rate(mix.completed, mix.enrollments),
                Metrics.rate(mix.dropped, mix.enrollments),
                Metrics.rate(mix.inProgress, mix.enrollments),
                Metrics.rate(mix.enrolled, mix.enrollments),
                mix.averageProgress,
            ]
        }
        let referenceName = result.filters.badge == nil ? "All badges shown" : "Platform"
        let badgeName = badge?.badge ?? "No badge"
        let badgeRates = rates(badge?.mix ?? .init())
        let referenceRates = rates(result.reference)
        func trace(_ name: String, _ values: [Double], _ colour: String) -> JSONValue {
            [
                "type": "scatterpolar", "name": .string(name), "fill": "toself",
                // The first axis again at the end closes the shape.
                "r": (values + [values[0]]).json, "theta": (axes + [axes[0]]).json,
                "line": ["color": .string(colour)],
                "hovertemplate": .string(
                    "\(PlotlyText.literal(name))<br>%{theta}: %{r:.2%}<extra></extra>"),
            ]
        }
        var layout = Layout.base(title: "\(badgeName) against \(referenceName.lowercased())")
        // The first spoke at the top, clockwise; the percent scale between two spokes.
        layout["polar"] = [
            "radialaxis": [
                "range": [0, 1], "tickformat": ".0%", "angle": 54, "tickfont": ["size": 10],
            ],
            "angularaxis": ["rotation": 90, "direction": "clockwise"],
            "bgcolor": "rgba(0,0,0,0)",
        ]
        return Chart(
            name: "radar", items: badge == nil ? 0 : 2,
            title: "\(badgeName) against \(referenceName.lowercased())",
            caption: "Where the badge's shape sticks out, it differs from the rest.",
            summary:
                "Radar chart comparing \(badgeName) with \(referenceName.lowercased()): completion rate \(NumberText.percent(badgeRates[0])) against \(NumberText.percent(referenceRates[0])), drop-out rate \(NumberText.percent(badgeRates[1])) against \(NumberText.percent(referenceRates[1])).",
            figure: Layout.figure(
                [
                    trace(referenceName, referenceRates, "#9aa5b1"),
                    trace(badgeName, badgeRates, Palette.categoryColours[0]),
                ],
                layout),
            table: DataTable(
                title: "Rates of \(badgeName) and \(referenceName.lowercased())",
                columns: [
                    .init("Measure", .text), .init(badgeName, .percent),
                    .init(referenceName, .percent),
                ],
                rows: axes.indices.map {
                    [.string(axes[$0]), .double(badgeRates[$0]), .double(referenceRates[$0])]
                }))
    }

    /// Enrolled → started → completed, over the filtered enrollments.
    var funnel: Chart {
        let mix = result.badges.reduce(BadgeEnrollments.StatusMix()) { $0.adding($1.mix) }
        let stages = ["Enrolled", "Started", "Completed"]
        let values = [mix.enrollments, mix.enrollments - mix.enrolled, mix.completed]
        let trace: JSONValue = [
            "type": "funnel", "y": stages.json, "x": values.json,
            "texttemplate": "%{value:,}<br>%{percentInitial:.1%}",
            "marker": ["color": ["#9aa5b1", "#3b7dd8", "#2e9e5b"]],
            "hovertemplate": "%{y}: %{x:,}<br>%{percentInitial:.1%} of enrollments<extra></extra>",
        ]
        var layout = Layout.base(title: "From enrollment to completion")
        layout["yaxis"] = ["automargin": true]
        return Chart(
            name: "funnel", items: stages.count, title: "From enrollment to completion",
            caption:
                "Each step keeps the enrollments that got that far; started means any status but enrolled.",
            summary:
                "Funnel chart: \(NumberText.count(values[0])) enrollments, \(NumberText.count(values[1])) started, \(NumberText.count(values[2])) completed.",
            figure: Layout.figure([trace], layout),
            table: DataTable(
                title: "From enrollment to completion",
                columns: [
                    .init("Stage", .text), .init("Enrollments", .count),
                    .init("Share of enrollments", .percent),
                ],
                rows: zip(stages, values).map {
                    [.string($0), .int($1), .double(Metrics.rate($1, values[0]))]
                }))
    }

    /// Popularity against completion: x enrollments, y completion rate, size learners.
    var bubble: Chart {
        let badges = result.badges.filter { $0.enrollments > 0 }.prefix(limit * 4)
        let largest = badges.map(\.learners).max() ?? 1
        let present = Set(badges.map(\.category))
        // One row per badge, named on the axis, so every bubble is labelled and no label
        // can sit on another: most enrollments at the top, completion rate across.
        let traces: [JSONValue] = categories.filter(present.contains).map { category in
            let members = badges.filter { $0.category == category }
            return [
                "type": "scatter", "mode": "markers", "name": .string(category),
                "x": members.map(\.completionRate).json, "y": members.map(\.badge).json,
                "customdata": .array(
                    members.map { [.int($0.enrollments), .int($0.learners)] }),
                "marker": [
                    "size": members.map(\.learners).json, "sizemode": "area",
                    // The largest bubble about 24 px across, so neighbouring rows stay apart.
                    "sizeref": .double(
                        Rounding.halfAwayFromZero(2 * Double(largest) / (24 * 24), places: 4)),
                    "sizemin": 4,
                    "color": .string(Palette.colour(forCategory: category, among: categories)),
                    "opacity": 0.8,
                ],
                "hovertemplate":
                    "%{y}<br>Completion rate: %{x:.2%}<br>Enrollments: %{customdata[0]:,}<br>Learners: %{customdata[1]:,}<extra></extra>",
            ]
        }
        var layout = Layout.base(
            title: "Popularity and completion", x: "Completion rate", y: "Badge", percentX: true)
        layout["xaxis"] = [
            "title": ["text": "Completion rate"], "range": [-0.05, 1.05], "tickformat": ".0%",
        ]
        layout["yaxis"] = [
            "title": ["text": "Badge, most enrollments first"], "type": "category",
            "categoryorder": "array", "categoryarray": badges.map(\.badge).json,
            "autorange": "reversed",
        ]
        layout["height"] = .int(max(440, 120 + 26 * badges.count))
        return Chart(
            name: "bubble", items: badges.count, title: "Popularity and completion",
            caption:
                "Popular badges at the top; those to the right are finished more often; bigger bubbles have more learners.",
            summary:
                "Bubble chart of \(badges.count) \(badges.count == 1 ? "badge" : "badges"), most enrollments first: completion rate across, bubble size for learners, colour for category.",
            figure: Layout.figure(traces, layout),
            table: DataTable(
                title: "Popularity and completion",
                columns: [
                    .init("Badge", .text), .init("Category", .text), .init("Enrollments", .count),
                    .init("Completion rate", .percent), .init("Learners", .count),
                ],
                rows: badges.map {
                    [
                        .string($0.badge), .string($0.category), .int($0.enrollments),
                        .double($0.completionRate), .int($0.learners),
                    ]
                }))
    }
}

extension BadgeEnrollments: ChartedAnalysis {
    public func charts(_ builder: ChartBuilder) -> [Chart] {
        BadgeEnrollmentCharts(result: self, limit: builder.limit, categories: builder.categories)
            .charts
    }

    /// One badge, or its average progress: the badge against the others. Several badges:
    /// how each one's enrollments ended, status by status.
    public func supportingChart(for match: Match) -> String? {
        match.filters.badge != nil || match.intent.measure == .averageProgress ? "radar" : "bar"
    }
}
