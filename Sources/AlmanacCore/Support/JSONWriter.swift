import Foundation

/// Writes JSON as UTF-8 bytes into `Bytes`: `[UInt8]` for a `JSONValue`, whose text is made
/// once at the end, or `Data` for a file written as it is made (`SearchIndex`, without a
/// tree of values or a string in between). Strings are copied in runs between the few bytes
/// that need an escape.
struct JSONWriter<Bytes: RangeReplaceableCollection> where Bytes.Element == UInt8 {
    private(set) var bytes = Bytes()
    private let pretty: Bool
    private let scriptSafe: Bool

    init(pretty: Bool, scriptSafe: Bool, capacity: Int) {
        self.pretty = pretty
        self.scriptSafe = scriptSafe
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue, level: Int = 0) {
        switch value {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .int(let value): write(value)
        case .double(let value): append(JSONValue.format(value))
        case .string(let value): write(value)
        case .array(let items):
            if items.isEmpty {
                append("[]")
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                append("{}")
                return
            }
            bytes.append(UInt8(ascii: "{"))
            // Keys are unique, so sorting the pairs by key is the order of the sorted keys.
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(member.key)
                append(pretty ? ": " : ":")
                write(member.value, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Text as it is: punctuation, or JSON made elsewhere.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Bytes as they are: text known to need no escape.
    mutating func append(contentsOf other: Data) {
        bytes.append(contentsOf: other)
    }

    mutating func write(_ value: Int) {
        append(String(value))
    }

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A string in quotes: `"`, `\\`, control characters, U+2028 and U+2029 escaped, and
    /// `<`, `>`, `&` too when the text goes inside a script element.
    mutating func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let marks = scriptSafe ? JSONEscapes.markedInScript : JSONEscapes.marked
        text.withUTF8 { utf8 in
            var copied = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if !marks[Int(byte)] {
                    index += 1
                    continue
                }
                var width = 1
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<") where scriptSafe: escape = "\\u003c"
                case UInt8(ascii: ">") where scriptSafe: escape = "\\u003e"
                case UInt8(ascii: "&") where scriptSafe: escape = "\\u0026"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR end a line in
                    // JavaScript.
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                append(escape)
                index += width
                copied = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONWriter where Bytes == [UInt8] {
    static func encode(_ value: JSONValue, pretty: Bool, scriptSafe: Bool) -> String {
        String(decoding: bytes(value, pretty: pretty, scriptSafe: scriptSafe), as: UTF8.self)
    }

    static func bytes(_ value: JSONValue, pretty: Bool, scriptSafe: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, scriptSafe: scriptSafe, capacity: 1024)
        writer.write(value)
        if pretty { writer.bytes.append(UInt8(ascii: "\n")) }
        return writer.bytes
    }
}

/// The bytes `JSONWriter.write(_:)` looks at, by value: `"`, `\\`, control characters, the
/// first byte of U+2028 and U+2029, and in a script also `<`, `>` and `&`. Every other byte
/// is copied as it is.
private enum JSONEscapes {
    static let marked: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }
    static let markedInScript: [Bool] = (0..<256).map { byte in
        marked[byte] || byte == 0x3C || byte == 0x3E || byte == 0x26
    }
}
