import Foundation

/// The site's search data, `assets/search-index.js`: one script that sets
/// `window.AlmanacSearch`, read by the search box's script (`assets/search-<hash>.js`).
///
/// A script rather than a JSON file fetched at run time, because `fetch` of a local file is
/// refused from `file://`, and a script loaded by a `<script src>` tag is allowed there and by
/// the site's CSP (`script-src 'self'`). The format is compact and documented here, so no
/// search library is needed: `names` holds every distinct name from the key tables once,
/// sorted, and each page is `[href, title, section, answer and "Why it changed" as plain text,
/// [name numbers]]`.
/// The name is not content-hashed: every page refers to it, and a hashed name would change
/// every page whenever one question changed.
public struct SearchIndex: Sendable {
    public static let path = "assets/search-index.js"

    public var text: String

    /// The search data of every question, in the questions' order.
    public init(summaries: [ReportSummary]) {
        var names = Set<String>()
        for summary in summaries { names.formUnion(summary.names) }
        let sorted = names.sorted()
        var number: [String: Int] = [:]
        for (index, name) in sorted.enumerated() { number[name] = index }
        let pages: [JSONValue] = summaries.map { summary in
            [
                .string(summary.question.id + ".html"),
                .string(summary.question.text),
                .string(summary.question.section ?? "Questions"),
                .string(
                    Self.plain(
                        ([summary.narration] + summary.whyItChanged).joined(separator: "\n\n"))),
                .array(summary.names.compactMap { number[$0] }.sorted().map(JSONValue.int)),
            ]
        }
        let data: JSONValue = [
            "names": .array(sorted.map(JSONValue.string)), "pages": .array(pages),
        ]
        text = "window.AlmanacSearch = " + data.scriptSafeEncoded() + ";\n"
    }

    /// Markdown as the words a reader searches for: emphasis, code marks and escapes removed,
    /// lines joined.
    static func plain(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(
            of: "`", with: "")
        text = text.replacingOccurrences(
            of: #"\\([\\`*_\[\]<>|#~])"#, with: "$1", options: .regularExpression)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
