import Foundation

/// A JSON document with a canonical encoding: sorted keys, fixed number formatting, no
/// locale or platform dependence. Everything Almanac publishes as JSON goes through it, so
/// the same data always gives the same bytes.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: Equatable {
    /// Numbers compare by value, as their encoding does: `1` and `1.0` are both written `1`.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default:
            guard let a = lhs.doubleValue, let b = rhs.doubleValue else { return false }
            return a == b
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue {
    /// An optional number, `null` when absent.
    public static func number(_ value: Double?) -> JSONValue {
        value.map(JSONValue.double) ?? .null
    }

    /// An optional string, `null` when absent.
    public static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as a number, whether it was stored as an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The same object without its null members, for optional attributes.
    public var withoutNulls: JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.value != .null })
    }
}

// MARK: - Canonical encoding

extension JSONValue {
    /// The compact canonical form.
    public func encoded() -> String {
        JSONWriter.encode(self, pretty: false, scriptSafe: false)
    }

    /// The canonical form with two-space indentation, for files people read in a diff.
    public func prettyEncoded() -> String {
        JSONWriter.encode(self, pretty: true, scriptSafe: false)
    }

    /// `prettyEncoded()` as UTF-8 bytes, for a file: no string is made and read again.
    public func prettyEncodedData() -> Data {
        Data(JSONWriter.bytes(self, pretty: true, scriptSafe: false))
    }

    /// The compact form, safe to place inside an HTML `<script>` element: `<`, `>`, `&`,
    /// U+2028 and U+2029 are written as `\u` escapes so no text can end the element.
    public func scriptSafeEncoded() -> String {
        JSONWriter.encode(self, pretty: false, scriptSafe: true)
    }

    /// Shortest round-trip digits, integers without a fraction, never exponent surprises
    /// from the locale. Non-finite values have no JSON form and become `null`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// Writes a `JSONValue` as UTF-8 bytes: strings are copied in runs between the few bytes
/// that need an escape, and the text is made once at the end.
private struct JSONWriter {
    private var bytes: [UInt8] = []
    private let pretty: Bool
    private let scriptSafe: Bool

    static func encode(_ value: JSONValue, pretty: Bool, scriptSafe: Bool) -> String {
        String(decoding: bytes(value, pretty: pretty, scriptSafe: scriptSafe), as: UTF8.self)
    }

    static func bytes(_ value: JSONValue, pretty: Bool, scriptSafe: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, scriptSafe: scriptSafe)
        writer.bytes.reserveCapacity(1024)
        writer.write(value, level: 0)
        if pretty { writer.bytes.append(UInt8(ascii: "\n")) }
        return writer.bytes
    }

    /// The bytes `write(_:)` looks at, by value: `"`, `\\`, control characters, the first
    /// byte of U+2028 and U+2029, and in a script also `<`, `>` and `&`. Every other byte is
    /// copied as it is.
    private static let marked: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }
    private static let markedInScript: [Bool] = (0..<256).map { byte in
        marked[byte] || byte == 0x3C || byte == 0x3E || byte == 0x26
    }

    private init(pretty: Bool, scriptSafe: Bool) {
        self.pretty = pretty
        self.scriptSafe = scriptSafe
    }

    private mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .int(let value): append(String(value))
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

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A string in quotes: `"`, `\\`, control characters, U+2028 and U+2029 escaped, and
    /// `<`, `>`, `&` too when the text goes inside a script element.
    private mutating func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let marks = scriptSafe ? Self.markedInScript : Self.marked
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
