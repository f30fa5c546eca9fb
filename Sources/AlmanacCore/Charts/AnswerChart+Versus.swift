extension AnswerChart {
    /// An answer set against another window ("2025 against 2024"): both windows' values side
    /// by side, one pair of bars per row (or one pair for a single figure).
    var versusChart: Chart? {
        guard let versus = answer.versus, !answer.rows.isEmpty else { return nil }
        let count = min(answer.rows.count, limit)
        let rows = Array(answer.rows.prefix(count))
        let labels: JSONValue =
            answer.subjectTitle == nil
            ? [.string(answer.value.title)] : rows.map(\.subject).json
        let percent = answer.value.format == .percent
        let format = Self.hoverFormat(answer.value.format)
        let current = DateRange.words(versus.current)
        let traces: [JSONValue] = [
            [
                "type": "bar", "orientation": "h", "name": .string(current),
                "x": .array(rows.map(\.value)), "y": labels,
                "hovertemplate": .string("%{y}<br>\(current): \(format)<extra></extra>"),
            ],
            [
                "type": "bar", "orientation": "h", "name": .string(DateRange.words(versus.phrase)),
                "x": .array(Array(versus.values.prefix(count))), "y": labels,
                "hovertemplate": .string(
                    "%{y}<br>\(DateRange.words(versus.phrase)): \(format)<extra></extra>"),
            ],
        ]
        let subject = answer.subjectTitle ?? "Measure"
        var layout = Layout.base(
            title: answer.title + ", against " + DateRange.words(versus.phrase),
            x: answer.value.title,
            y: answer.subjectTitle, percentX: percent)
        layout["barmode"] = "group"
        layout["yaxis"] = [
            "title": answer.subjectTitle.map { ["text": .string($0)] } ?? [:],
            "autorange": "reversed", "automargin": true,
        ]
        layout["height"] = .int(max(320, 140 + 44 * rows.count))
        let shown = rows.count < answer.rows.count ? " (the first \(rows.count))" : ""
        return Chart(
            name: "answer", items: 2 * rows.count,
            title: answer.title + ", against " + DateRange.words(versus.phrase),
            caption: "What the question asked for, beside the window it is set against\(shown).",
            summary:
                "Bar chart of \(answer.value.title.lowercased()) in two windows for \(rows.count) \(subject.lowercased())\(rows.count == 1 ? "" : "s")\(shown).",
            figure: Layout.figure(traces, layout),
            table: answer.table)
    }
}
