import Foundation

/// Text placed into Markdown: the twin pages, the digest, the offline summaries.
public enum MarkdownText {
    /// Text from the data or a question, made inert: Markdown and HTML characters escaped,
    /// pipes escaped for tables, line breaks flattened.
    public static func escape(_ text: String) -> String {
        if let escaped = escapeASCII(text) { return escaped }
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~":
                result += "\\" + String(character)
            // `isNewline` also catches "\r\n", which is one Character and equals neither "\n"
            // nor "\r", and the Unicode line and paragraph separators.
            case _ where character.isNewline: result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// `escape` of ASCII text without CR, a byte at a time (each byte is a character there:
    /// only CR joins a following LF); nil for other text. Most cells (numbers, dates, names)
    /// need nothing escaped and are returned as they are.
    private static func escapeASCII(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var needs = false
            for byte in bytes {
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte < 0x20 || special[Int(byte)] { needs = true }
            }
            guard needs else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                switch byte {
                // LF, VT and FF are newlines; CR was ruled out above.
                case 0x0A, 0x0B, 0x0C: result.append(UInt8(ascii: " "))
                case _ where special[Int(byte)]:
                    result.append(UInt8(ascii: "\\"))
                    result.append(byte)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The text without the white space and line breaks around it
    /// (`trimmingCharacters(in: .whitespacesAndNewlines)`); a text that starts and ends with
    /// a visible ASCII character is returned as it is, without asking Foundation.
    public static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
            first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The ASCII characters `escape` puts a backslash before, by byte.
    private static let special: [Bool] = (0..<128).map { byte in
        "\\`*_[]<>|#~".utf8.contains(UInt8(byte))
    }
}
