import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML through cmark-gfm, with raw HTML left out (cmark's safe
/// default), so text from a model or a database can never inject markup.
public enum MarkdownRenderer {
    public static func html(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        // No autolink: a name from the database such as `https://evil.example/x` became a
        // live link in the summary (a blind test). A link is made only by Markdown's own
        // `[text](url)`, which names from the database never are (`md` escapes them).
        for name in ["table", "strikethrough", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard
            let rendered = cmark_render_html(
                document, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// One paragraph's HTML without its `<p>`: for a sentence inside a list item.
    public static func inline(_ markdown: String) -> String {
        var text = html(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<p>"), text.hasSuffix("</p>"), !text.dropFirst(3).contains("<p>") {
            text = String(text.dropFirst(3).dropLast(4))
        }
        return text
    }
}
