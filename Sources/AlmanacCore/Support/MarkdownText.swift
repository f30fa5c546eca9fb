import Foundation

/// Text placed into Markdown: the twin pages, the digest, the offline summaries.
public enum MarkdownText {
    /// Text from the data or a question, made inert: Markdown and HTML characters escaped,
    /// pipes escaped for tables, line breaks flattened.
    public static func escape(_ text: String) -> String {
        let escaped = escapeCharacters(text)
        // Only text with an ampersand can hold an entity reference.
        return escaped.utf8.contains(UInt8(ascii: "&")) ? escapingEntities(escaped) : escaped
    }

    /// `&amp;`, `&#38;` and `&#x26;` written in a name stay as written: Markdown reads an
    /// entity reference as the character, and a badge called "Git &amp; &lt;b&gt;" showed as
    /// "Git & <b>" in the answer (an attack run). An ampersand that begins one is escaped; the
    /// others ("Acme & Sons") are left alone.
    private static func escapingEntities(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == "&", beginsEntity(characters, at: index + 1) { result += "\\" }
            result.append(character)
        }
        return result
    }

    /// Whether `characters` from `start` hold a name or number and then ";".
    private static func beginsEntity(_ characters: [Character], at start: Int) -> Bool {
        var index = start
        if index < characters.count, characters[index] == "#" { index += 1 }
        let first = index
        while index < characters.count, characters[index].isASCII,
            characters[index].isLetter || characters[index].isNumber
        {
            index += 1
        }
        return index > first && index < characters.count && characters[index] == ";"
    }

    private static func escapeCharacters(_ text: String) -> String {
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
