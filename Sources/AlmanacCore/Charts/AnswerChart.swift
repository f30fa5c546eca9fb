/// The first chart of a page: the measure the question asked for, over the badges,
/// organizations, cohorts or periods of its answer, in the answer's order.
struct AnswerChart {
    var answer: Answer
    /// The most bars one chart shows; the table under it keeps every row.
    var limit: Int

    /// Nil when the answer is a single figure: the lead sentence says it, a bar would not.
    var chart: Chart? {
        if answer.versus != nil { return versusChart }
        guard let subject = answer.subjectTitle, !answer.rows.isEmpty else { return nil }
        let rows = answer.isTimeline ? answer.rows : Array(answer.rows.prefix(limit))
        let percent = answer.value.format == .percent
        let values: [JSONValue] = rows.map(\.value)
        let labels = rows.map(\.subject).json
        let format = Self.hoverFormat(answer.value.format)
        var layout: [String: JSONValue]
        var traces: [JSONValue]
        let partial = answer.partialPeriods
        let noun = PeriodCoverage.noun(subject)
        if answer.isTimeline {
            let hover = format.replacingOccurrences(of: "x", with: "y")
            // Whole periods on the solid line; a partial one, and the line to it, dashed.
            let near = Set(
                rows.indices.filter { index in
                    rows[max(0, index - 1)...min(rows.count - 1, index + 1)].contains(
                        where: \.partial)
                })
            traces = [
                [
                    "type": "scatter", "mode": "lines+markers", "x": labels,
                    "y": .array(rows.map { $0.partial ? .null : $0.value }),
                    "name": .string(answer.value.title),
                    "hovertemplate": .string(
                        "%{x}<br>\(PlotlyText.literal(answer.value.title)): \(hover)<extra></extra>"
                    ),
                ]
            ]
            if rows.contains(where: \.partial) {
                traces.append([
                    "type": "scatter", "mode": "lines+markers", "x": labels,
                    "y": .array(rows.indices.map { near.contains($0) ? rows[$0].value : .null }),
                    "name": .string("Partial \(noun)"), "opacity": 0.5,
                    "line": ["dash": "dash"], "marker": ["symbol": "circle-open"],
                    "customdata": .array(
                        rows.map {
                            .string(
                                answer.finishingCohorts.contains($0.subject)
                                    ? " (still finishing)" : $0.partial ? " (partial \(noun))" : "")
                        }),
                    "hovertemplate": .string(
                        "%{x}<br>\(PlotlyText.literal(answer.value.title)): \(hover)%{customdata}<extra></extra>"
                    ),
                ])
            }
            layout = Layout.base(
                title: answer.title, x: subject, y: answer.value.title, percentY: percent)
            layout["xaxis"] = Layout.periodAxis(subject)
        } else {
            traces = [
                [
                    "type": "bar", "orientation": "h", "x": .array(values), "y": labels,
                    "name": .string(answer.value.title),
                    "hovertemplate": .string(
                        "%{y}<br>\(PlotlyText.literal(answer.value.title)): \(format)<extra></extra>"
                    ),
                ]
            ]
            layout = Layout.base(
                title: answer.title, x: answer.value.title, y: subject, percentX: percent)
            // The first row at the top, as in the table.
            layout["yaxis"] = [
                "title": ["text": .string(subject)], "autorange": "reversed", "automargin": true,
            ]
            layout["height"] = .int(max(320, 120 + 28 * rows.count))
        }
        let shown =
            rows.count < answer.rows.count
            ? " (the first \(rows.count) of \(answer.rows.count))" : ""
        return Chart(
            name: "answer", items: rows.count, title: answer.title,
            caption: answer.isTimeline
                ? "What the question asked for, period by period."
                    + Self.partialNote(partial, noun: noun)
                    + Self.finishingNote(answer.finishingCohorts)
                : "What the question asked for, in the order it asked for\(shown).",
            summary:
                "\(answer.isTimeline ? "Line" : "Bar") chart of \(answer.value.title.lowercased()) for \(rows.count) \(subject.lowercased())\(rows.count == 1 ? "" : "s")\(shown).",
            figure: Layout.figure(traces, layout),
            table: answer.table)
    }
}

extension AnswerChart {
    /// A value in a hover label, as the tables write it.
    static func hoverFormat(_ format: DataTable.Format) -> String {
        format == .percent ? "%{x:.2%}" : format == .days ? "%{x:.1f} days" : "%{x:,}"
    }

    /// " 2026-W40 is a partial week: …", or nothing when every period is whole.
    /// "A", "A and B", "A, B and C"; nil for none.
    private static func listed(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The cohorts drawn dashed because their learners have not had time to finish.
    static func finishingNote(_ cohorts: [String]) -> String {
        guard let names = listed(cohorts) else { return "" }
        let one = cohorts.count == 1
        return
            " \(names) \(one ? "is a cohort" : "are cohorts") still finishing: \(one ? "its" : "their") learners have not had the time most completions take, so \(one ? "it is" : "they are") drawn dashed and left out of the summary."
    }

    static func partialNote(_ periods: [String], noun: String) -> String {
        guard let names = listed(periods) else { return "" }
        let verb = periods.count == 1 ? "is a partial \(noun)" : "are partial \(noun)s"
        return
            " \(names) \(verb): the data covers only some of \(periods.count == 1 ? "its" : "their") days, so \(periods.count == 1 ? "it is" : "they are") drawn dashed and left out of the summary's comparisons."
    }
}

extension ChartBuilder {
    /// The answer's chart, bounded like every other chart; nil for a single figure.
    public func chart(for answer: Answer) -> Chart? {
        AnswerChart(answer: answer, limit: limit).chart.flatMap {
            Self.comparesSeveral($0) ? Self.bounded($0) : nil
        }
    }

    /// A page's charts: what the question asked for first, then the one chart the kind chose
    /// to support it, then the kind's others (placed behind "More charts"). A single figure
    /// is drawn spread over the organizations, badges or periods it sums; a chart of one item
    /// is not drawn.
    /// - Throws: `ChartError` when a custom question declares an unknown type or column.
    /// A ranking of periods ("which month had the most completions") is drawn as its
    /// whole series, in time order: the peak among the rest. Its one bar was no chart, and
    /// the page's first chart was then the kind's, of enrollments (blind test 40).
    private func periodSeries(_ output: any AnalysisOutput, _ answer: Answer, _ match: Match)
        -> Answer?
    {
        guard match.intent.dimension == .period, match.intent.ranking != nil else { return nil }
        var series = match.intent
        series.ranking = nil
        guard
            let whole = Answer.make(
                output, intent: series, filters: match.filters, asOf: coverage.asOf,
                firstDay: coverage.firstDay),
            whole.isTimeline, whole.rows.count > answer.rows.count
        else { return nil }
        return whole
    }

    public func charts(
        for output: any AnalysisOutput, question: Question, answer: Answer?, match: Match
    ) throws -> [Chart] {
        let drawn = try charts(for: output, question: question)
        let supporting = Self.supporting(for: output, match: match, drawn: drawn)
        guard Self.hasData(output), let answer else {
            return Self.arranged(drawn, supporting: supporting)
        }
        let shown =
            answer.subjectTitle == nil && answer.versus == nil
            ? Answer.spread(
                output, intent: match.intent, filters: match.filters, asOf: coverage.asOf,
                firstDay: coverage.firstDay) : periodSeries(output, answer, match) ?? answer
        let first = shown.flatMap(chart(for:)).map { [$0] } ?? []
        return Self.arranged(first + drawn, supporting: supporting)
    }
}
