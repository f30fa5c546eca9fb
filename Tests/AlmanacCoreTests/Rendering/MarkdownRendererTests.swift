import Testing

@testable import AlmanacCore

/// cmark-gfm through `MarkdownRenderer`: the whole HTML is compared, so empty output fails.
@Suite struct MarkdownRendererTests {
    @Test("renders GitHub tables and emphasis")
    func tables() {
        let html = MarkdownRenderer.html("**Bold**\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(
            html == """
                <p><strong>Bold</strong></p>
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th align="right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>1</td>
                <td align="right">2</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test("leaves raw HTML and script out, and keeps the text around them")
    func safe() {
        let html = MarkdownRenderer.html(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
        )
        // cmark's safe mode: raw HTML becomes a comment, a javascript: link an empty href.
        #expect(
            html == """
                <p>Hi <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>
                <!-- raw HTML omitted -->
                <p><a href="">x</a></p>

                """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }

    @Test("empty Markdown is empty HTML, and text is a paragraph")
    func plain() {
        #expect(MarkdownRenderer.html("") == "")
        #expect(MarkdownRenderer.html("5 < 6 & 7") == "<p>5 &lt; 6 &amp; 7</p>\n")
    }
}
