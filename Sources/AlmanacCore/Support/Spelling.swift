/// "Did you mean …?" for words typed by hand: a command, a key of questions.yaml, a badge name.
public enum Spelling {
    /// The candidate closest to `word`, when one is close enough to be a typo: at most two
    /// edits (letters added, dropped, changed, or two swapped), and fewer than half the
    /// word's letters; or a candidate that `word` is the start of. Ties go to the earlier
    /// candidate.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let limit = min(2, max(1, (typed.count - 1) / 2))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let name = Array(candidate.lowercased())
            let edits = distance(typed, name, limit: limit)
            if edits <= limit, edits < best?.distance ?? .max {
                best = (candidate, edits)
            }
        }
        if let best { return best.name }
        guard typed.count >= 2 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
    }

    /// Levenshtein distance, giving up early once it must exceed `limit`.
    static func distance<Typed: RandomAccessCollection, Name: RandomAccessCollection>(
        _ a: Typed, _ b: Name, limit: Int
    ) -> Int where Typed.Element == Character, Name.Element == Character {
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, x) in zip(1..., a) {
            current[0] = i
            var rowMinimum = current[0]
            for (j, y) in zip(1..., b) {
                let cost = x == y ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
