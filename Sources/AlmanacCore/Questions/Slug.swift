import Foundation

/// Page ids: lowercase ASCII words joined by hyphens, safe in a file name and a URL.
public enum Slug {
    /// The slug of a question's text: accents folded, punctuation dropped, at most 60
    /// characters cut at a word boundary.
    public static func make(from text: String) -> String {
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
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 60 { break }
            slug = next
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(60)) }
        return slug.lowercased()
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
