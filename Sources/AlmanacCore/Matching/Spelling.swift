/// "Did you mean …?" for words typed by hand: a command name, a flag.
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
            let distance = EntityFinder.distance(typed, name, limit: limit)
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        guard typed.count >= 2 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
    }
}
