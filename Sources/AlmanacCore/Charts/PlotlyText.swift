/// Text Plotly draws as it is. Plotly reads a subset of HTML in every label (`<a href>`,
/// `<br>`, `<b>`, entities) and `%{…}` in hover templates, so a badge called `<a
/// href="https://…">Click me</a>` became a live link in the charts, and an organization
/// called `%{x}<br>%{y}` showed the data in its hover label (a blind test found both).
/// Names from the database are made literal: `&`, `<` and `>` become entities when the text
/// holds a tag's bracket, and `%{` is broken with a zero-width space. Other text is left as
/// it is, so the figures of ordinary names do not change. Only what a page draws is made
/// literal (`drawn`); the report document keeps the names as they are, except inside its
/// hover templates, which are Plotly markup.
enum PlotlyText {
    static func literal(_ text: String) -> String {
        // Nearly every name holds neither: one pass over its bytes says so, where Foundation's
        // `contains` of a string took 3 % of a 2,000-question build.
        var bracket = false
        var template = false
        var percent = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") { bracket = true }
            if percent && byte == UInt8(ascii: "{") { template = true }
            percent = byte == UInt8(ascii: "%")
        }
        guard bracket || template else { return text }
        var text = text
        if bracket {
            text = text.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        if template { text = text.replacingOccurrences(of: "%{", with: "%\u{200B}{") }
        return text
    }

    /// A figure as a page hands it to Plotly: every name made literal, its templates kept.
    /// The figure itself (and so the report document's `visualization`) holds names raw.
    static func drawn(_ figure: JSONValue) -> JSONValue { literal(figure) }

    /// The keys whose text is Almanac's own markup for Plotly, made with `literal` names.
    static let templates: Set<String> = ["hovertemplate", "texttemplate"]

    /// Every text in a trace or layout made literal, but its templates.
    static func literal(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(literal(text))
        case .array(let items): return .array(items.map(literal))
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                result[key] = templates.contains(key) ? member : literal(member)
            }
            return .object(result)
        default: return value
        }
    }
}
