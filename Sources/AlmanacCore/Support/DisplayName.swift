/// Names as pages, charts, twins and summaries show them: a badge or organization name past
/// `limit` characters is cut with "…", so one long name cannot swell every page that mentions
/// it. The report document keeps the full value.
public enum DisplayName {
    /// Characters a name keeps on display (docs/metrics.md, README).
    public static let limit = 120
    /// The label of learners with no organization (`Scope.noOrganization`), which `check`
    /// also keeps from the organizations' own names.
    public static let noOrganization = "(no organization)"
    /// Characters any one text of a chart's figure keeps: titles and hover texts hold names.
    public static let figureLimit = 400

    /// The name as shown: itself, or its first `limit − 1` characters and "…".
    public static func cut(_ name: String, limit: Int = limit) -> String {
        guard isLonger(name, than: limit) else { return name }
        return String(name.prefix(limit - 1)) + "…"
    }

    /// The text with each control character (but for line breaks, carriage returns and tabs) and each
    /// text-direction embedding, override or isolate written out as `\u{202E}`: a query's
    /// own result is not checked as names are, and a U+202E in one reversed the rest of its
    /// page's summary (an attack run).
    /// With `invisible`, every default-ignorable code point too (U+2060, a soft hyphen): a
    /// message telling two names apart that differ only by one.
    public static func visible(_ text: String, invisible: Bool = false) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar != "\n" && scalar != "\t" && scalar != "\r" && isHiding(scalar))
                || (invisible && scalar.properties.isDefaultIgnorableCodePoint)
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                result.append(
                    contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                        .unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A control character, or a text-direction embedding, override or isolate (U+202A to
    /// U+202E, U+2066 to U+2069): either can hide or reverse the text around it.
    static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether a text has more than `limit` characters. Counting stops at the limit: a
    /// megabyte name is not walked to its end.
    static func isLonger(_ text: String, than limit: Int) -> Bool {
        // A character has one byte or more: a text of `limit` bytes or fewer is not longer.
        if text.utf8.count <= limit { return false }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex)
        else {
            return false
        }
        return end != text.endIndex
    }

    /// A table as a page shows it: every text cell and column title cut to `limit`.
    public static func cut(_ table: DataTable) -> DataTable {
        var table = table
        table.title = cut(table.title, limit: figureLimit)
        table.columns = table.columns.map { DataTable.Column(cut($0.title), $0.format) }
        table.rows = table.rows.map { $0.map { cut($0, limit: limit) } }
        return table
    }

    /// A JSON value with every string cut to `limit`: the data behind a chart.
    static func cut(_ value: JSONValue, limit: Int) -> JSONValue {
        switch value {
        case .string(let text): return .string(cut(text, limit: limit))
        case .array(let items): return .array(items.map { cut($0, limit: limit) })
        case .object(let members): return .object(members.mapValues { cut($0, limit: limit) })
        default: return value
        }
    }
}
