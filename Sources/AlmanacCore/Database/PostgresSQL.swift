/// The text-level work PostgreSQL needs before a statement is sent: Almanac's SQL uses
/// SQLite's `?` placeholders, PostgreSQL numbers them `$1…$n`.
enum PostgresSQL {
    /// What a byte of a statement belongs to.
    enum Part: Equatable {
        case code
        /// Inside a string literal, a quoted identifier or a dollar-quoted body, quotes included.
        case quoted
        case comment
    }

    /// The statement with each `?` outside literals, quoted identifiers and comments
    /// replaced by `$1`, `$2`, … in order. PostgreSQL's jsonb `?` operators therefore cannot
    /// be written in Almanac's SQL; `jsonb_exists` does the same.
    static func numberingPlaceholders(_ sql: String) -> String {
        guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
        let bytes = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var number = 0
        visit(bytes) { offset, part in
            if part == .code && bytes[offset] == UInt8(ascii: "?") {
                number += 1
                output += Array("$\(number)".utf8)
            } else {
                output.append(bytes[offset])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// How many statements the text holds: pieces between top-level semicolons that contain
    /// more than whitespace and comments.
    static func statementCount(_ sql: String) -> Int {
        let bytes = Array(sql.utf8)
        var count = 0
        var pieceHasContent = false
        visit(bytes) { offset, part in
            let byte = bytes[offset]
            if part == .code && byte == UInt8(ascii: ";") {
                if pieceHasContent { count += 1 }
                pieceHasContent = false
            } else if part == .quoted || (part == .code && !Self.isSpace(byte)) {
                pieceHasContent = true
            }
        }
        return count + (pieceHasContent ? 1 : 0)
    }

    /// A bound value as the text PostgreSQL parses; nil for NULL.
    static func text(of value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        // Swift prints the shortest text that reads back as the same double.
        case .real(let number): return "\(number)"
        case .text(let text): return text
        }
    }

    /// Calls `body` with every byte's offset and what it belongs to, following PostgreSQL's
    /// lexer: '' and E'\'' strings, "" identifiers, -- and nested /* */ comments, and
    /// $tag$ … $tag$ dollar quotes.
    static func visit(_ bytes: [UInt8], _ body: (Int, Part) -> Void) {
        var index = 0
        func mark(_ end: Int, _ part: Part) {
            while index < end {
                body(index, part)
                index += 1
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case UInt8(ascii: "'"):
                let escapes =
                    index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                    && (index < 2 || !isIdentifier(bytes[index - 2]))
                mark(quoteEnd(bytes, from: index, quote: byte, backslashEscapes: escapes), .quoted)
            case UInt8(ascii: "\""):
                mark(quoteEnd(bytes, from: index, quote: byte, backslashEscapes: false), .quoted)
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                var end = index
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                mark(end, .comment)
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                var end = index + 2
                var depth = 1
                while end < bytes.count && depth > 0 {
                    if bytes[end] == UInt8(ascii: "/"), end + 1 < bytes.count,
                        bytes[end + 1] == UInt8(ascii: "*")
                    {
                        depth += 1
                        end += 2
                    } else if bytes[end] == UInt8(ascii: "*"), end + 1 < bytes.count,
                        bytes[end + 1] == UInt8(ascii: "/")
                    {
                        depth -= 1
                        end += 2
                    } else {
                        end += 1
                    }
                }
                mark(end, .comment)
            case UInt8(ascii: "$") where index == 0 || !isIdentifier(bytes[index - 1]):
                if let end = dollarQuoteEnd(bytes, from: index) {
                    mark(end, .quoted)
                } else {
                    mark(index + 1, .code)
                }
            default:
                mark(index + 1, .code)
            }
        }
    }

    /// The offset after the closing quote (or the end of the text when it never closes).
    private static func quoteEnd(
        _ bytes: [UInt8], from start: Int, quote: UInt8, backslashEscapes: Bool
    ) -> Int {
        var end = start + 1
        while end < bytes.count {
            if backslashEscapes && bytes[end] == UInt8(ascii: "\\") {
                end += 2
            } else if bytes[end] == quote {
                // A doubled quote stands for one quote inside the literal.
                if end + 1 < bytes.count && bytes[end + 1] == quote {
                    end += 2
                } else {
                    return end + 1
                }
            } else {
                end += 1
            }
        }
        return bytes.count
    }

    /// For `$tag$` at `start`, the offset after the matching `$tag$`; nil when `$` starts no
    /// dollar quote (such as `$1`).
    private static func dollarQuoteEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var tagEnd = start + 1
        while tagEnd < bytes.count && bytes[tagEnd] != UInt8(ascii: "$") {
            let byte = bytes[tagEnd]
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isIdentifier(byte), !(isDigit && tagEnd == start + 1) else { return nil }
            tagEnd += 1
        }
        guard tagEnd < bytes.count else { return nil }
        let tag = bytes[start...tagEnd]
        var end = tagEnd + 1
        while end + tag.count <= bytes.count {
            if bytes[end..<end + tag.count].elementsEqual(tag) { return end + tag.count }
            end += 1
        }
        return bytes.count
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0d).contains(byte)
    }
}
