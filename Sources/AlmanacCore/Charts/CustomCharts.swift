/// The charts a custom SQL question declares, drawn from its columns.
struct CustomCharts {
    var result: CustomSQL
    var limit: Int

    func chart(for declaration: ChartDeclaration, question: Question) throws -> Chart {
        func failure(_ message: String) -> ChartError {
            ChartError(questionID: question.id, line: declaration.line, message: message)
        }
        guard let spec = ChartBuilder.customTypes[declaration.type] else {
            let known = ChartBuilder.customTypes.keys.sorted().joined(separator: ", ")
            throw failure(
                "unknown chart type `\(declaration.type)`; custom SQL charts can be \(known)")
        }
        for role in spec.required where declaration.columns[role] == nil {
            throw failure(
                "a `\(declaration.type)` chart needs `\(role):`, the name of a result column")
        }
        for (role, column) in declaration.columns.sorted(by: { $0.key < $1.key }) {
            guard spec.required.contains(role) || spec.optional.contains(role) else {
                throw failure(
                    "a `\(declaration.type)` chart takes \((spec.required + spec.optional).joined(separator: ", ")), not `\(role)`"
                )
            }
            guard result.column(column) != nil else {
                throw failure(
                    "no column `\(column)` in the query's result; it has \(result.columns.joined(separator: ", "))"
                )
            }
        }
        let x = result.column(declaration.columns["x"]!)!
        let y = result.column(declaration.columns["y"]!)!
        // A text in the y column is no number to draw (it was drawn as 0); a NULL is a gap.
        if let text = result.rows.first(where: {
            if case .string = $0[y] { return true }
            return false
        })?[y].stringValue {
            throw failure(
                "`y: \(declaration.columns["y"]!)` must be a column of numbers; it holds the text “\(DisplayName.cut(text, limit: 40))”"
            )
        }
        let rows = TopN(result.rows, limit: limit)
        var labels = rows.kept.map { NumberText.cell($0[x], .text) }
        var values: [Double?] = rows.kept.map { $0[y].doubleValue }
        // A result cut at `CustomSQL.rowLimit` holds only part of the rest: its sum would be
        // drawn as the rest's total (a fault test's "Other (986)" summed 986 of 4,999,986).
        if !rows.rest.isEmpty, !result.truncated {
            labels.append("Other (\(rows.rest.count))")
            values.append(rows.rest.reduce(0) { $0 + ($1[y].doubleValue ?? 0) })
        }
        let xName = Self.readable(declaration.columns["x"]!)
        let yName = Self.readable(declaration.columns["y"]!)
        let trace: JSONValue = [
            "type": declaration.type == "line" ? "scatter" : "bar",
            "mode": declaration.type == "line" ? "lines+markers" : nil,
            "name": .string(yName),
            "x": .array(labels.map(JSONValue.string)),
            "y": .array(values.map { $0.map(JSONValue.double) ?? .null }),
            "marker": ["color": .string(Palette.categoryColours[0])],
            "hovertemplate": .string("%{x}<br>\(PlotlyText.literal(yName)): %{y:,}<extra></extra>"),
        ]
        let title = "\(yName) by \(xName.lowercased())"
        return Chart(
            name: declaration.type, items: labels.count, title: title,
            caption: result.truncated
                ? "Drawn from the question's own SQL: the first \(NumberText.count(rows.kept.count)) of the first \(NumberText.count(CustomSQL.rowLimit)) rows it returned; the rest were not kept."
                : "Drawn from the question's own SQL.",
            summary:
                "\(declaration.type == "line" ? "Line" : "Bar") chart of \(yName) for \(labels.count) values of \(xName).",
            figure: Layout.figure([trace], Layout.base(title: title, x: xName, y: yName)),
            table: DataTable(
                title: title, columns: [.init(xName, .text), .init(yName, .decimal)],
                rows: zip(labels, values).map { [.string($0), $1.map(JSONValue.double) ?? .null] }))
    }

    /// A column name as words: `learners_per_badge` → "Learners per badge".
    static func readable(_ column: String) -> String {
        let words = column.replacingOccurrences(of: "_", with: " ").trimmingCharacters(
            in: .whitespaces)
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
