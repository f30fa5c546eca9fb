import Testing

@testable import AlmanacCore

/// Names from the database are drawn as text by Plotly, never as its HTML or templates: a
/// blind test found a badge named `<a href="https://evil.example/x">Click me</a>` drawn as a
/// live link, an organization named `%{x}<br>%{y}` showing the data in its hover label, and
/// a URL-like name linked in the summary.
@Suite struct PlotlyTextTests {
    @Test("a tag's brackets and template marks are made literal; other names are left alone")
    func literal() {
        #expect(
            PlotlyText.literal(#"<a href="https://evil.example/x">Click me</a>"#)
                == #"&lt;a href="https://evil.example/x"&gt;Click me&lt;/a&gt;"#)
        #expect(PlotlyText.literal("R&D <b>") == "R&amp;D &lt;b&gt;")
        #expect(PlotlyText.literal("%{x}") == "%\u{200B}{x}")
        for name in ["Acme & Sons", "Git & GitHub", "Ōsaka Robotics 大阪", "100% Club"] {
            #expect(PlotlyText.literal(name) == name)
        }
    }

    @Test("a drawn figure's names are literal, its own hover templates are not touched")
    func figure() {
        let trace: JSONValue = [
            "type": "bar", "x": ["<b>Bold</b>", "Plain"], "y": [1, 2], "name": "%{y}",
            "hovertemplate": "%{x}<br>Enrollments: %{y:,}<extra></extra>",
        ]
        let raw = Layout.figure([trace], Layout.base(title: "Top <i>badges</i>"))
        // The figure, as the report document holds it, keeps the names as they are.
        #expect(raw["data"]?.arrayValue?.first?["x"] == ["<b>Bold</b>", "Plain"])
        #expect(raw["layout"]?["title"]?["text"] == "Top <i>badges</i>")
        let figure = PlotlyText.drawn(raw)
        let drawn = figure["data"]?.arrayValue?.first
        #expect(drawn?["x"] == ["&lt;b&gt;Bold&lt;/b&gt;", "Plain"])
        #expect(drawn?["name"] == "%\u{200B}{y}")
        #expect(drawn?["hovertemplate"] == "%{x}<br>Enrollments: %{y:,}<extra></extra>")
        #expect(figure["layout"]?["title"]?["text"] == "Top &lt;i&gt;badges&lt;/i&gt;")
    }

    @Test("a bare URL in a summary stays text; a Markdown link is still a link")
    func noAutolink() {
        #expect(!MarkdownRenderer.html("Led by https://evil.example/y with 40.").contains("<a"))
        #expect(MarkdownRenderer.html("[docs](https://example.org)").contains("<a href="))
    }
}
