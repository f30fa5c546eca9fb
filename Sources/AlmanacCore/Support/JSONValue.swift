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
        JSONWriter<[UInt8]>.encode(self, pretty: false, scriptSafe: false)
    }

    /// The canonical form with two-space indentation, for files people read in a diff.
    public func prettyEncoded() -> String {
        JSONWriter<[UInt8]>.encode(self, pretty: true, scriptSafe: false)
    }

    /// `prettyEncoded()` as UTF-8 bytes, for a file: no string is made and read again.
    public func prettyEncodedData() -> Data {
        Data(JSONWriter<[UInt8]>.bytes(self, pretty: true, scriptSafe: false))
    }

    /// The compact form, safe to place inside an HTML `<script>` element: `<`, `>`, `&`,
    /// U+2028 and U+2029 are written as `\u` escapes so no text can end the element.
    public func scriptSafeEncoded() -> String {
        JSONWriter<[UInt8]>.encode(self, pretty: false, scriptSafe: true)
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
