import Testing

@testable import AlmanacCore

@Suite struct MarkdownRendererTests {
    @Test("renders GitHub tables and emphasis")
    func tables() {
        let html = MarkdownRenderer.html("**Bold**\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(html.contains("<strong>Bold</strong>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
    }

    @Test("leaves raw HTML and script out")
    func safe() {
        let html = MarkdownRenderer.html(
            "Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
        )
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("javascript:"))
    }
}
