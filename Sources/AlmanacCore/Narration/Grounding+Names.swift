import Foundation

extension Grounding {
    /// `text` with every name of three characters or more replaced by a space, longest names
    /// first (ties in the context's order), so "Statistics 101" does not leave "101" behind.
    ///
    /// The result is what `text.replacingOccurrences(of: name, with: " ")` for each name in
    /// that order gives: Foundation's search, which compares canonically equivalent text and
    /// never splits a composed character. It is found by a byte search wherever that is the
    /// same, when every scalar of the text and of the name is plain (`PlainScalars`), and by
    /// Foundation otherwise. A name is searched for again only when the text changed since it
    /// was last not found, so a name the context repeats (a badge on every row) costs one
    /// search, not one per row.
    static func removingNames(_ names: [String], from text: String) -> String {
        var forms: [ExactText: (form: String, length: Int)] = [:]
        let entries = names.map { name in
            if let known = forms[ExactText(name)] { return known }
            let form = normalizedNumerals(name)
            let entry = (form: form, length: form.count)
            forms[ExactText(name)] = entry
            return entry
        }
        var plain = PlainScalars()
        var result = text
        var resultIsPlain = plain.all(result)
        var absent: Set<ExactText> = []
        for (name, length) in entries.sorted(by: { $0.length > $1.length }) where length >= 3 {
            let key = ExactText(name)
            guard !absent.contains(key) else { continue }
            let replaced: String?
            if resultIsPlain && plain.all(name) {
                replaced = replacingBytes(of: name, in: result)
            } else {
                let foundation = result.replacingOccurrences(of: name, with: " ")
                replaced = foundation.utf8.elementsEqual(result.utf8) ? nil : foundation
            }
            if let replaced {
                result = replaced
                resultIsPlain = plain.all(result)
                absent.removeAll(keepingCapacity: true)
            } else {
                absent.insert(key)
            }
        }
        return result
    }

    /// `text` with every occurrence of `name`, left to right and not overlapping, replaced by
    /// a space; nil when there is none.
    static func replacingBytes(of name: String, in text: String) -> String? {
        let needle = Array(name.utf8)
        let haystack = Array(text.utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count && haystack[index + matched] == needle[matched] {
                    matched += 1
                }
                if matched == needle.count {
                    output.append(contentsOf: haystack[copied..<index])
                    output.append(UInt8(ascii: " "))
                    index += needle.count
                    copied = index
                    continue
                }
            }
            index += 1
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: haystack[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}

/// A string compared and hashed by its exact bytes. `String`'s own `==` treats canonically
/// equivalent strings as equal, which a byte search does not.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in
                left.count == right.count
                    && (left.isEmpty
                        || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// The bytes in one call where the string holds them in one piece (a native string does).
    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }
}

/// Which scalars a byte search treats as Foundation's search does: ASCII, and every scalar
/// that canonical normalization neither changes nor joins to a neighbour (not a mark, not a
/// grapheme extender or emoji modifier, not Hangul, its own NFC form). Foundation's answer
/// for a scalar is kept, so each distinct scalar asks it once.
struct PlainScalars {
    private var known: [Unicode.Scalar: Bool] = [:]

    mutating func all(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !scalar.isASCII {
            if let plain = known[scalar] {
                guard plain else { return false }
                continue
            }
            let plain = Self.isPlain(scalar)
            known[scalar] = plain
            guard plain else { return false }
        }
        return true
    }

    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        guard properties.canonicalCombiningClass == .notReordered,
            !properties.isGraphemeExtend, !properties.isEmojiModifier
        else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .surrogate, .unassigned, .control,
            .format:
            return false
        default: break
        }
        switch scalar.value {
        // Hangul jamo and syllables: an LV syllable and a trailing jamo compose.
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0xAC00...0xD7A3: return false
        default: break
        }
        // Singletons (U+212A KELVIN SIGN is "K") and composition exclusions are not their
        // own NFC form.
        let normalized = String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars
        return normalized.count == 1 && normalized.first == scalar
    }
}
