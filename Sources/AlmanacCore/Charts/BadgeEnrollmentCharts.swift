/// The charts of a badge_enrollments result.
struct BadgeEnrollmentCharts {
    var result: BadgeEnrollments
    var limit: Int

    var charts: [Chart] { [bar] }

    /// Enrollments per badge, stacked by status.
    var bar: Chart {
        let top = TopN(result.badges, limit: limit)
        var labels = top.kept.map(\.badge)
        var counts = top.kept.map { row in
            [row.completed, row.inProgress, row.enrolled, row.dropped]
        }
        if !top.rest.isEmpty {
            labels.append("Other (\(top.rest.count) badges)")
            counts.append(top.rest.reduce(into: [0, 0, 0, 0]) { sum, row in
                sum[0] += row.completed
                sum[1] += row.inProgress
                sum[2] += row.enrolled
                sum[3] += row.dropped
            })
        }
        let traces: [JSONValue] = Palette.statuses.enumerated().map { index, status in
            [
                "type": "bar",
                "name": .string(status.label),
                "x": .array(labels.map(JSONValue.string)),
                "y": .array(counts.map { .int($0[index]) }),
                "marker": ["color": .string(status.colour)],
                "hovertemplate": .string("%{x}<br>\(status.label): %{y:,}<extra></extra>"),
            ]
        }
        var layout = Layout.base(title: "Enrollments per badge", x: "Badge", y: "Enrollments")
        layout["barmode"] = "stack"
        let leader = result.badges.first
        let summary =
            leader.map {
                "Stacked bar chart of enrollments for \(result.badges.count) badges by status. "
                    + "\($0.badge) has the most, with \($0.enrollments) enrollments."
            } ?? "Stacked bar chart of enrollments by status; no badge has enrollments."
        return Chart(
            name: "bar", title: "Enrollments per badge, by status",
            caption: "Tall bars are popular badges; the green share is how many finished.",
            summary: summary,
            figure: ["data": .array(traces), "layout": .object(layout)],
            table: DataTable(
                title: "Enrollments per badge, by status",
                columns: [.init("Badge", .text)] + Palette.statuses.map { .init($0.label, .count) },
                rows: zip(labels, counts).map { label, row in
                    [.string(label)] + row.map(JSONValue.int)
                }))
    }
}

