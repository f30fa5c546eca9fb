import Foundation

/// One chart of a question: the Plotly figure plus everything a reader without the picture
/// needs (a label in words and the data as a table).
public struct Chart: Sendable, Equatable {
    /// The name in `visualization`, such as `bar`.
    public var name: String
    public var title: String
    /// One line on what to look for.
    public var caption: String
    /// The `aria-label`: what the chart shows, in words.
    public var summary: String
    /// A Plotly figure, `{data, layout}`.
    public var figure: JSONValue
    public var table: DataTable
    /// How many things the chart sets side by side (bars, dots, badges; for lines over time,
    /// the fewer of lines and periods): a chart of one thing says nothing the answer does not,
    /// so it is not drawn.
    public var items: Int
    /// Where the page shows it; `ChartBuilder` decides.
    public var placement: Placement

    /// Where a chart sits on its page.
    public enum Placement: String, Sendable, Equatable {
        /// What the question asked for, first.
        case answer
        /// The one chart, chosen for the question, that is shown under the answer.
        case supporting
        /// The rest of the kind's charts, drawn behind a "More charts" disclosure.
        case more
    }

    public init(
        name: String, items: Int, title: String, caption: String, summary: String,
        figure: JSONValue, table: DataTable, placement: Placement = .more
    ) {
        self.name = name
        self.title = title
        self.caption = caption
        self.summary = summary
        self.figure = figure
        self.table = table
        self.items = items
        self.placement = placement
    }
}

/// The colours of the site: one per status and one per category, the same on every chart.
public enum Palette {
    public static let statuses: [(status: String, label: String, colour: String)] = [
        ("completed", "Completed", "#2e9e5b"),
        ("in_progress", "In progress", "#3b7dd8"),
        ("enrolled", "Enrolled", "#9aa5b1"),
        ("dropped", "Dropped", "#d9534f"),
    ]

    public static let categoryColours = [
        "#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#eeca3b",
        "#9d755d",
    ]

    /// A category's colour, fixed by the sorted list of all categories so it never changes
    /// from one chart to the next.
    public static func colour(forCategory category: String, among categories: [String]) -> String {
        let index = categories.sorted().firstIndex(of: category) ?? 0
        return categoryColours[index % categoryColours.count]
    }
}

/// Shared pieces of Plotly layout.
enum Layout {
    /// Transparent backgrounds so the page's light or dark theme shows through; the site
    /// script sets font and grid colours from the theme.
    static func base(
        title: String, x: String? = nil, y: String? = nil, percentX: Bool = false,
        percentY: Bool = false
    ) -> [String: JSONValue] {
        var layout: [String: JSONValue] = [
            "title": ["text": .string(title), "x": 0, "xanchor": "left"],
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
            "margin": ["t": 64, "r": 24, "b": 24, "l": 24],
            // Beside the plot, from its top edge down: the toolbar (modebar) sits in the top
            // margin above it and cannot cover an entry. Narrow screens, which show no
            // toolbar, move it above the plot (the site script).
            "legend": ["orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"],
            "height": 440,
        ]
        if let x { layout["xaxis"] = axis(x, percent: percentX) }
        if let y { layout["yaxis"] = axis(y, percent: percentY) }
        return layout
    }

    static func axis(_ title: String, percent: Bool = false) -> JSONValue {
        var axis: [String: JSONValue] = ["title": ["text": .string(title)], "automargin": true]
        if percent { axis["tickformat"] = ".0%" }
        return .object(axis)
    }

    /// An axis of periods, labelled as the site writes them everywhere (`2026-09-21`,
    /// `2026-W39`, `2026-09`, `2026-Q3`): categories, so Plotly does not read `2026-09` as a
    /// date and write it "Sep 2026".
    static func periodAxis(_ title: String) -> JSONValue {
        ["title": ["text": .string(title)], "type": "category", "automargin": true]
    }

    /// Trace types drawn with WebGL.
    static let webGLTypes: Set = ["splom", "scattergl", "heatmapgl", "parcoords"]

    /// Trace types drawn on x and y axes, where plot background and axes mean something.
    static let cartesianTypes: Set = ["bar", "scatter", "box", "heatmap", "funnel", "splom"]

    /// A figure from its traces and layout. `Plotly.validate` reports layout keys that no
    /// trace uses, and even throws on a legend that nothing shows, so those are dropped here.
    static func figure(_ traces: [JSONValue], _ layout: [String: JSONValue]) -> JSONValue {
        var layout = layout
        let types = traces.compactMap { $0["type"]?.stringValue }
        if !types.contains(where: cartesianTypes.contains) {
            for key in ["plot_bgcolor", "xaxis", "yaxis", "barmode"] { layout[key] = nil }
        }
        // An axis title keeps its distance from the tick labels, and the margins grow to hold
        // both (a long category otherwise runs into "Path" or "Organization").
        for (key, axis) in layout where isAxis(key) {
            guard case .object(var members) = axis else { continue }
            if case .object(var title) = members["title"], title["standoff"] == nil {
                title["standoff"] = 12
                members["title"] = .object(title)
            }
            if members["visible"] != .bool(false) { members["automargin"] = true }
            layout[key] = .object(members)
        }
        let legendEntries = traces.filter { $0["showlegend"] != .bool(false) }.count
        if legendEntries < 2 || layout["showlegend"] == .bool(false) {
            layout["legend"] = nil
        }
        // Names stay as the database has them: the report document holds them raw, and the
        // page makes them literal for Plotly where it draws the figure (`PlotlyText.drawn`).
        return ["data": .array(traces.map(\.withoutNulls)), "layout": .object(layout)]
    }

    /// Whether a layout key names an axis: what the regular expression `^[xy]axis\d*$`
    /// matches (ICU's `\d` is any decimal digit, and its `$` also matches before a line
    /// terminator that ends the text), without compiling it for every key of every figure.
    static func isAxis(_ key: String) -> Bool {
        var scalars = Substring(key).unicodeScalars[...]
        guard scalars.first == "x" || scalars.first == "y" else { return false }
        scalars = scalars.dropFirst()
        guard scalars.starts(with: "axis".unicodeScalars) else { return false }
        scalars = scalars.dropFirst(4)
        if scalars.last == "\n", scalars.dropLast().last == "\r" {
            scalars = scalars.dropLast(2)
        } else if let last = scalars.last,
            ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(last)
        {
            scalars = scalars.dropLast()
        }
        return scalars.allSatisfy { $0.properties.generalCategory == .decimalNumber }
    }
}

extension Array where Element == String {
    var json: JSONValue { .array(map(JSONValue.string)) }
}

extension Array where Element == Int {
    var json: JSONValue { .array(map(JSONValue.int)) }
}

extension Array where Element == Double {
    var json: JSONValue { .array(map(JSONValue.double)) }
}

/// Keeps a long categorical axis readable and a page light: the first `limit` entries stay
/// and the rest are summed into "Other".
struct TopN<Item> {
    var kept: [Item]
    var rest: [Item]

    init(_ items: [Item], limit: Int) {
        if items.count <= limit {
            kept = items
            rest = []
        } else {
            kept = Array(items.prefix(limit - 1))
            rest = Array(items.dropFirst(limit - 1))
        }
    }
}
