/// A word of a name written alone: "pandas completion rate" for "Data Analysis with Pandas",
/// "github enrollments this year" for "Git & GitHub". A blind test got the platform's figure
/// for each (55.13 % for Pandas's 48.75 %): the word matched no name whole, so the question
/// named nothing. A word that is part of a name and of nothing else Almanac reads is refused,
/// with the names it is part of.
extension EntityFinder {
    /// A fragment found: the word as written, and the names it is a word of.
    struct Fragment: Equatable {
        var written: String
        /// The kind when every name it is part of is of one kind.
        var kind: Kind?
        var names: [String]
    }

    /// How many names a refusal lists.
    static let listedFragmentNames = 5

    /// The words a name stands before: "pandas completion rate", "github enrollments".
    private static let beforeMeasure: Set<String> = [
        "completion", "completions", "completed", "completers", "finishers", "drop", "dropout",
        "dropouts", "drop-out", "drop-outs", "enrollments", "enrolments", "enrollment",
        "enrolment", "learners", "learner", "students", "people", "users", "rate", "rates",
        "median", "progress", "path", "paths", "badge", "badges", "course", "courses", "track",
        "certification", "module", "class", "pass",
    ]
    /// The words a name stands after: "take after pandas", "finished visualization".
    private static let afterWord: Set<String> = [
        "after", "before", "for", "of", "in", "at", "from", "finished", "completed", "started",
        "took", "taking", "enrolled", "joined", "passed", "dropped", "abandoned",
    ]

    /// The first word of `masked` (the question with its names masked) that is a word of a
    /// name, not a word of Almanac's own, and stands where a name would: before a measure or
    /// after a word that takes one ("How deep into …", "the finish line in …" stay words).
    /// Nil when there is none.
    func fragment(in masked: String) -> Fragment? {
        guard !fragments.isEmpty else { return nil }
        let all = Self.words(masked)
        for (index, written) in all.enumerated() where written.count >= 3 {
            let word = Self.fold(written)
            guard let names = fragments[word], !Self.connectors.contains(word),
                !word.allSatisfy(\.isNumber), !Self.isVocabulary(written)
            else { continue }
            let next = index + 1 < all.count ? all[index + 1].lowercased() : ""
            let previous = index > 0 ? all[index - 1].lowercased() : ""
            guard Self.beforeMeasure.contains(next) || Self.afterWord.contains(previous) else {
                continue
            }
            let sorted = names.sorted { ($0.name.count, $0.name) < ($1.name.count, $1.name) }
            return Fragment(
                written: written, kind: Set(names.map(\.kind)).count == 1 ? names[0].kind : nil,
                names: sorted.prefix(Self.listedFragmentNames).map(\.name))
        }
        return nil
    }

    /// The words of a text: runs of letters, digits and apostrophes.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
    }
}
