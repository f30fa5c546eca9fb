/// The charts of a completion_metrics result: heatmap, sunburst and scatter matrix.
struct CompletionCharts {
    var result: CompletionMetrics
    var limit: Int
    var categories: [String]

    var charts: [Chart] { [heatmap, sunburst, matrix] }

    /// Completion rate for the busiest organizations × badges; the rest of each axis is
    /// pooled into one "Other" row and column, so every enrollment is in the picture.
    var heatmap: Chart {
        let badgeAxis = TopN(result.byBadge.map(\.name), limit: limit)
        let organizationAxis = TopN(result.byOrganization.map(\.name), limit: limit)
        let otherBadges =
            "Other (\(badgeAxis.rest.count) badge\(badgeAxis.rest.count == 1 ? "" : "s"))"
        let otherOrganizations =
            "Other (\(organizationAxis.rest.count) organization\(organizationAxis.rest.count == 1 ? "" : "s"))"
        // Labels are unique (`DisplayLabels`); should one still repeat, the first wins rather
        // than trapping.
        let badgeGroup = Dictionary(
            badgeAxis.kept.map { ($0, $0) } + badgeAxis.rest.map { ($0, otherBadges) },
            uniquingKeysWith: { first, _ in first })
        let organizationGroup = Dictionary(
            organizationAxis.kept.map { ($0, $0) }
                + organizationAxis.rest.map { ($0, otherOrganizations) },
            uniquingKeysWith: { first, _ in first })
        let badges = badgeAxis.kept + (badgeAxis.rest.isEmpty ? [] : [otherBadges])
        let organizations =
            organizationAxis.kept + (organizationAxis.rest.isEmpty ? [] : [otherOrganizations])
        var cells: [String: CompletionMetrics.Counts] = [:]
        for cell in result.byOrganizationAndBadge {
            guard let organization = organizationGroup[cell.organization],
                let badge = badgeGroup[cell.badge]
            else { continue }
            cells[organization + "\u{0}" + badge, default: CompletionMetrics.Counts()].add(
                cell.counts)
        }
        func cell(_ organization: String, _ badge: String) -> CompletionMetrics.Counts? {
            cells[organization + "\u{0}" + badge]
        }
        let z: [JSONValue] = organizations.map { organization in
            .array(
                badges.map { badge in
                    cell(organization, badge).map { .double($0.completionRate) } ?? .null
                })
        }
        let counts: [JSONValue] = organizations.map { organization in
            .array(badges.map { badge in .int(cell(organization, badge)?.enrollments ?? 0) })
        }
        let trace: JSONValue = [
            "type": "heatmap", "x": badges.json, "y": organizations.json, "z": .array(z),
            "customdata": .array(counts), "zmin": 0, "zmax": 1, "colorscale": "Viridis",
            "colorbar": ["title": ["text": "Completion rate"], "tickformat": ".0%"],
            "hovertemplate":
                "%{y} · %{x}<br>Completion rate: %{z:.2%}<br>Enrollments: %{customdata:,}<extra></extra>",
            "hoverongaps": false,
        ]
        var layout = Layout.base(
            title: "Completion rate by organization and badge", x: "Badge", y: "Organization")
        layout["height"] = .int(max(440, 140 + 28 * organizations.count))
        // The busiest organization at the top, as in the tables.
        layout["yaxis"] = [
            "title": ["text": "Organization"], "autorange": "reversed", "automargin": true,
        ]
        return Chart(
            name: "heatmap", items: min(organizations.count, badges.count),
            title: "Completion rate by organization and badge",
            caption:
                "Bright cells finish often, dark cells rarely; blank cells have no enrollments.",
            summary:
                "Heatmap of completion rates for \(organizations.count) organizations and \(badges.count) badges.",
            figure: Layout.figure([trace], layout),
            table: DataTable(
                title: "Completion rate by organization and badge",
                columns: [.init("Organization", .text)] + badges.map { .init($0, .percent) },
                rows: organizations.map { organization in
                    [.string(organization)]
                        + badges.map { badge in
                            cell(organization, badge).map { .double($0.completionRate) } ?? .null
                        }
                }))
    }

    /// Category → badge → status.
    var sunburst: Chart {
        let top = TopN(result.byBadge, limit: limit)
        var ids: [String] = []
        var labels: [String] = []
        var parents: [String] = []
        var values: [Int] = []
        var rows: [[JSONValue]] = []
        func node(_ id: String, _ label: String, _ parent: String, _ value: Int) {
            ids.append(id)
            labels.append(label)
            parents.append(parent)
            values.append(value)
        }
        for category in categories {
            let members = top.kept.filter { result.categories[$0.name] == category }
            let others = top.rest.filter { result.categories[$0.name] == category }
            guard !members.isEmpty || !others.isEmpty else { continue }
            var groups = members.map { ($0.name, $0.counts) }
            if !others.isEmpty {
                var sum = CompletionMetrics.Counts()
                for row in others { sum.add(row.counts) }
                groups.append(("Other \(category) (\(others.count))", sum))
            }
            node(category, category, "", groups.reduce(0) { $0 + $1.1.enrollments })
            for (badge, counts) in groups {
                let badgeID = category + "/" + badge
                node(badgeID, badge, category, counts.enrollments)
                let split = [counts.completed, counts.inProgress, counts.enrolled, counts.dropped]
                for (status, count) in zip(Palette.statuses, split) where count > 0 {
                    node(badgeID + "/" + status.status, status.label, badgeID, count)
                }
                rows.append([.string(category), .string(badge)] + split.map(JSONValue.int))
            }
        }
        let colours: [JSONValue] = ids.map { id in
            if let status = Palette.statuses.first(where: { id.hasSuffix("/" + $0.status) }) {
                return .string(status.colour)
            }
            let category = String(id.split(separator: "/").first ?? "")
            return .string(Palette.colour(forCategory: category, among: categories))
        }
        let trace: JSONValue = [
            "type": "sunburst", "ids": ids.json, "labels": labels.json, "parents": parents.json,
            "values": values.json, "branchvalues": "total", "marker": ["colors": .array(colours)],
            // Categories and badges at first; a click on a badge opens its statuses.
            "maxdepth": 2,
            "hovertemplate":
                "%{label}<br>%{value:,} enrollments<br>%{percentParent:.1%} of %{parent}<extra></extra>",
        ]
        return Chart(
            name: "sunburst", items: result.byBadge.count,
            title: "Enrollments by category, badge and status",
            caption:
                "Categories, then their badges; click a badge to see how its enrollments ended.",
            summary:
                "Sunburst chart of \(NumberText.count(result.overall.enrollments)) enrollments by category, badge and status.",
            figure: Layout.figure(
                [trace], Layout.base(title: "Enrollments by category, badge and status")),
            table: DataTable(
                title: "Enrollments by category, badge and status",
                columns: [.init("Category", .text), .init("Badge", .text)]
                    + Palette.statuses.map { .init($0.label, .count) },
                rows: rows))
    }

    /// Every per-badge measure against every other.
    var matrix: Chart {
        let badges = result.byBadge.prefix(limit * 4)
        let measures: [(String, [JSONValue])] = [
            ("Enrollments", badges.map { .int($0.counts.enrollments) }),
            ("Completion rate", badges.map { .double($0.counts.completionRate) }),
            ("Drop-out rate", badges.map { .double($0.counts.dropRate) }),
            ("Median days to complete", badges.map { .number($0.medianDaysToComplete) }),
        ]
        let trace: JSONValue = [
            "type": "splom",
            "dimensions": .array(
                measures.map { ["label": .string($0.0), "values": .array($0.1)] }),
            "text": badges.map(\.name).json,
            "marker": [
                "color": .array(
                    badges.map {
                        .string(
                            Palette.colour(
                                forCategory: result.categories[$0.name] ?? "", among: categories))
                    }),
                "size": 7, "line": ["width": 0.5, "color": "white"],
            ],
            "diagonal": ["visible": false], "showupperhalf": false,
            "hovertemplate":
                "%{text}<br>%{xaxis.title.text}: %{x}<br>%{yaxis.title.text}: %{y}<extra></extra>",
        ]
        var layout = Layout.base(title: "How the badges compare")
        layout["height"] = 620
        layout["dragmode"] = "select"
        // The lower half without the diagonal: x axes for all measures but the last, y axes
        // for all but the first. Each gets room for its ticks and its title (the measure).
        for (index, name) in measures.map(\.0).enumerated() {
            let suffix = index == 0 ? "" : String(index + 1)
            var axis: [String: JSONValue] = ["automargin": true, "title": ["standoff": 10]]
            if name.hasSuffix("rate") { axis["tickformat"] = ".0%" }
            if index < measures.count - 1 { layout["xaxis" + suffix] = .object(axis) }
            if index > 0 { layout["yaxis" + suffix] = .object(axis) }
        }
        return Chart(
            name: "matrix", items: badges.count, title: "How the badges compare",
            caption:
                "Each dot is a badge, coloured by category; look for measures that move together.",
            summary:
                "Scatter matrix of enrollments, completion rate, drop-out rate and median days to complete for \(badges.count) badges.",
            figure: Layout.figure([trace], layout),
            table: DataTable(
                title: "Badge measures",
                columns: [
                    .init("Badge", .text), .init("Enrollments", .count),
                    .init("Completion rate", .percent),
                    .init("Drop-out rate", .percent), .init("Median days to complete", .days),
                ],
                rows: badges.map {
                    [
                        .string($0.name), .int($0.counts.enrollments),
                        .double($0.counts.completionRate),
                        .double($0.counts.dropRate), .number($0.medianDaysToComplete),
                    ]
                }))
    }
}

extension CompletionMetrics: ChartedAnalysis {
    public func charts(_ builder: ChartBuilder) -> [Chart] {
        CompletionCharts(result: self, limit: builder.limit, categories: builder.categories).charts
    }

    /// A rate or a count of completions: the rate for each organization and badge, which
    /// shows where the answer's figure comes from. A time to complete: the badges' measures
    /// side by side, which hold the median days. The sunburst of statuses answers no
    /// question of its own, so it is never the one shown.
    public func supportingChart(for match: Match) -> String? {
        switch match.intent.measure {
        case .timeToComplete: return "matrix"
        default: return "heatmap"
        }
    }
}
