import Foundation

/// Page ids: lowercase ASCII words joined by hyphens, safe in a file name and a URL.
public enum Slug {
    /// The longest slug, in characters.
    static let limit = 60

    /// The slug of a question's text: accents folded, punctuation dropped, at most 60
    /// characters cut at a word boundary.
    public static func make(from text: String) -> String {
        words(text).slug
    }

    /// The id a question without `id:` gets: its slug, and when the slug had to be cut,
    /// `-` and the first six hex digits of the SHA-256 of the whole text, so two questions
    /// that differ only after the cut keep apart. Empty when the text has no ASCII letter
    /// or digit at all.
    public static func derived(from text: String) -> String {
        let (slug, cut) = words(text)
        return cut ? slug + "-" + fingerprint(text) : slug
    }

    /// The first six hex digits of the SHA-256 of `text` in UTF-8.
    public static func fingerprint(_ text: String) -> String {
        String(SHA256.hex(Array(text.utf8)).prefix(6))
    }

    private static func words(_ text: String) -> (slug: String, cut: Bool) {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        var used = 0
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > limit { break }
            slug = next
            used += 1
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(limit)) }
        return (slug.lowercased(), used < words.count)
    }

    /// True when `id` is already a slug.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 80, !id.hasPrefix("-"), !id.hasSuffix("-"),
            !id.contains("--")
        else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
