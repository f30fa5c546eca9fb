import Mustache

/// Text escaped for HTML exactly as Mustache's `{{name}}` escapes it, so that HTML written in
/// Swift has the same bytes as the template it stands in for.
enum HTMLText {
    /// `<`, `>`, `&`, `"` and `'` as `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`.
    ///
    /// Mustache replaces whole characters, so a `<` that a combining mark joins (`<` + U+0338)
    /// is left as it is. One pass over the UTF-8 bytes gives the same result when every such
    /// sign is a character of its own (`standsAlone`: always between ASCII bytes); otherwise
    /// the text goes character by character, as Mustache's own escape does.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        var text = text
        let simple = text.withUTF8 { utf8 -> Bool in
            var copied = 0
            for index in utf8.indices {
                let replacement: StaticString
                switch utf8[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if (index > 0 && utf8[index - 1] >= 0x80)
                    || (index + 1 < utf8.count && utf8[index + 1] >= 0x80)
                {
                    guard standsAlone(at: index, in: utf8) else { return false }
                }
                if bytes.isEmpty { bytes.reserveCapacity(utf8.count + 16) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                bytes.append(
                    contentsOf: UnsafeBufferPointer(
                        start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                copied = index + 1
            }
            guard copied > 0 else { return true }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
            return true
        }
        guard simple else { return byCharacter(text) }
        return bytes.isEmpty ? text : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the ASCII sign at `index` is a character of its own beside the scalars around
    /// it. Only they can join it: a prepended scalar before it (GB9b), a mark, joiner or
    /// spacing mark after it (GB9, GB9a); no other rule of grapheme breaking applies to an
    /// ASCII sign. So the three scalars, read as a string, are three characters exactly when
    /// the sign stands alone in the whole text.
    static func standsAlone(at index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = index
        if start > 0 {
            start -= 1
            // Back to the first byte of the scalar before (continuation bytes are 10xxxxxx).
            while start > 0 && utf8[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < utf8.count {
            end += 1
            while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(
            decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
        return window.count == window.unicodeScalars.count
    }

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    /// Mustache's own way: each character looked up whole.
    private static func byCharacter(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] {
                escaped += replacement
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}

/// Mustache's HTML escaping done by `HTMLText.escape`: the same bytes, without looking each
/// character up in a dictionary (which was a third of the time Mustache took on a page).
/// Every template the library holds starts with `pragma`, its own line, which swift-mustache
/// reads as nothing but the content type: a standalone tag leaves the parser where a
/// template's first line starts. Each template (a partial too) starts in HTML, and a
/// template's own `CONTENT_TYPE` pragma still takes over from where it stands.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }

    /// The first line of every template, registered once per process.
    static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: "ALMANAC_HTML")
        return "{{% CONTENT_TYPE: ALMANAC_HTML}}\n"
    }()
}
