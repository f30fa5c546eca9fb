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

    /// The file's bytes, written as they are made: no tree of values and no string in between,
    /// so that a large site holds one copy of its search index (6 MB at 10,000 questions).
    public var data: Data

    /// The file as text.
    public var text: String { String(decoding: data, as: UTF8.self) }

    /// The search data of every question, in the questions' order.
    public init(summaries: [ReportSummary]) {
        // The names each page uses, from its summary's table (a build's summaries share one).
        var tables: [ObjectIdentifier: (names: [String], used: [Bool])] = [:]
        for summary in summaries {
            let table = ObjectIdentifier(summary.nameTable)
            if tables[table] == nil {
                let names = summary.nameTable.all
                tables[table] = (names, Array(repeating: false, count: names.count))
            }
            for name in summary.nameNumbers { tables[table]?.used[Int(name)] = true }
        }
        var distinct = Set<String>()
        for (names, used) in tables.values {
            for (name, isUsed) in zip(names, used) where isUsed { distinct.insert(name) }
        }
        let sorted = distinct.sorted()
        var number: [String: Int] = [:]
        for (index, name) in sorted.enumerated() { number[name] = index }
        // Each table's numbers as numbers in `sorted`.
        let numbering = tables.mapValues { table in table.names.map { number[$0] ?? -1 } }
        // Room for every byte but the escapes (the plain text is never longer than its
        // Markdown): what is reserved and never written costs no memory, a block this large
        // being mapped on its own, page by page as it is touched.
        var capacity = 64 + sorted.reduce(0) { $0 + $1.utf8.count + 3 }
        for summary in summaries {
            capacity += 32 + summary.question.id.utf8.count + summary.question.text.utf8.count
            capacity += (summary.question.section ?? "Questions").utf8.count
            capacity += summary.narration.utf8.count + 8 * summary.nameNumbers.count
            capacity += summary.whyItChanged.reduce(0) { $0 + $1.utf8.count + 2 }
        }
        var writer = JSONWriter<Data>(
            pretty: false, scriptSafe: true, capacity: capacity + capacity / 8)
        // The same bytes as `JSONValue.scriptSafeEncoded()` of
        // `{"names": [...], "pages": [[href, title, section, text, [numbers]], ...]}`.
        writer.append("window.AlmanacSearch = {\"names\":[")
        // Names come from the data (a query's own text among them), shown by the search box:
        // their control and direction characters are written out, as on the pages (a U+202E
        // from a query was raw here, an attack run).
        for (index, name) in sorted.enumerated() {
            if index > 0 { writer.append(UInt8(ascii: ",")) }
            writer.write(DisplayName.visible(name))
        }
        writer.append("],\"pages\":[")
        for (index, summary) in summaries.enumerated() {
            if index > 0 { writer.append(UInt8(ascii: ",")) }
            writer.append(UInt8(ascii: "["))
            writer.write(summary.question.id + ".html")
            writer.append(UInt8(ascii: ","))
            writer.write(summary.question.text)
            writer.append(UInt8(ascii: ","))
            writer.write(summary.question.section ?? "Questions")
            writer.append(UInt8(ascii: ","))
            writer.write(
                Self.plain(([summary.narration] + summary.whyItChanged).joined(separator: "\n\n")))
            writer.append(",[")
            let numbers = numbering[ObjectIdentifier(summary.nameTable)] ?? []
            let names = summary.nameNumbers.map { numbers[Int($0)] }.sorted()
            for (position, name) in names.enumerated() {
                if position > 0 { writer.append(UInt8(ascii: ",")) }
                writer.write(name)
            }
            writer.append("]]")
        }
        writer.append("]};\n")
        data = writer.bytes
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
