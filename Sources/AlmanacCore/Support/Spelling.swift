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
            let edits = distance(typed, name, limit: limit, swaps: true)
            if edits <= limit, edits < best?.distance ?? .max {
                best = (candidate, edits)
            }
        }
        if let best { return best.name }
        guard typed.count >= 2 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
    }

    /// Levenshtein distance, giving up early once it must exceed `limit`. With `swaps`, two
    /// neighbouring letters written the other way round are one edit, not two (the optimal
    /// string alignment distance): "Pyhton" is one from "Python".
    static func distance<Typed: RandomAccessCollection, Name: RandomAccessCollection>(
        _ a: Typed, _ b: Name, limit: Int, swaps: Bool = false
    ) -> Int where Typed.Element == Character, Name.Element == Character {
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        // The row before `previous`, kept only for swaps: the near-miss search counts none, and
        // runs this for every name at every place in every question.
        var twoBack: [Int] = swaps ? [Int](repeating: 0, count: b.count + 1) : []
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var lastX: Character?
        for (i, x) in zip(1..., a) {
            current[0] = i
            var rowMinimum = current[0]
            var lastY: Character?
            for (j, y) in zip(1..., b) {
                let cost = x == y ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if swaps {
                    if let lastX, let lastY, x == lastY, lastX == y, x != y {
                        value = min(value, twoBack[j - 2] + 1)
                    }
                    lastY = y
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // A row's least value never falls in the rows after it, swaps included: a swap
            // costs at least what the row before it reached.
            if rowMinimum > limit { return limit + 1 }
            if swaps {
                lastX = x
                swap(&twoBack, &previous)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
