import Foundation

extension EntityFinder {
    /// The exact mentions that are not the head of a near miss of a longer name. In "Python
    /// Basic", "Python" is a badge, but the words are one letter from "Python Basics": read
    /// as "Python", the question lost "Basic" without a word (a blind test). Such a mention
    /// is dropped, so the near miss is read as the longer name, with a note, or refused.
    func outsideLongerMisses(_ found: [Found], in text: String) -> [Found] {
        guard !found.isEmpty else { return found }
        // One edit only: "Python Basics do" is two from "Python Basics II", and no misspelling.
        let misses = nearMisses(in: text, excluding: []).filter { $0.distance == 1 }
        guard !misses.isEmpty else { return found }
        return found.filter { mention in
            !misses.contains { miss in
                miss.name != mention.name && miss.range.count > mention.range.count
                    && miss.range.lowerBound <= mention.range.lowerBound
                    && mention.range.upperBound <= miss.range.upperBound
            }
        }
    }
}

extension EntityFinder {
    /// The exact mentions that are not an everyday word written in lower case. A badge
    /// called "Go" or an organization called "Open" is in "how did enrollments go" and "open
    /// enrollments" (a blind test found both read as names). Written as the name is
    /// ("Go"), in quotes, beside a badge or organization word ("the go badge"), or after a
    /// preposition that takes a name ("the completion rate of data"), it is still the name.
    func outsideEverydayWords(_ found: [Found], in text: String) -> [Found] {
        let characters = Array(text)
        guard characters.count == Array(Self.fold(text)).count else { return found }
        return found.filter { mention in
            let written = String(characters[mention.range])
            let before = String(characters[..<mention.range.lowerBound])
            // The question's first word is capitalized whatever it is: "Each badge's
            // completion rate" is about each badge, with an organization called "Each" (a
            // word that picks out only: "Data completion rate" is still the name Data).
            let opening = before.allSatisfy { $0.isWhitespace }
            let lowered = written.lowercased()
            let word = opening && Self.determiners.contains(lowered) ? lowered : written
            guard Self.everyday.contains(word) else { return true }
            let after = String(characters[mention.range.upperBound...])
            return Self.marked(word, before: before, after: after)
        }
    }

    /// Whether an everyday word is marked as a name: quoted, before a badge or organization
    /// word ("the go badge"; not a word that picks badges out: "the most common first
    /// badge"), or after a word that takes a name ("the completion rate of data"; not a
    /// phrase of its own: "in total", "in each badge", "in progress").
    private static func marked(_ word: String, before: String, after: String) -> Bool {
        let quotes: Set<Character> = ["'", "\"", "‘", "’", "“", "”"]
        if let last = before.last, quotes.contains(last) { return true }
        func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        // "Top's completion rate", "Top vs New enrollments": a name's own marks (not "and":
        // "the top and bottom badges", "each and every badge").
        if matches(ownsOrJoins, after) { return true }
        // A word that picks out ("across all organizations", "at each company", "new hires at
        // Total") is marked by nothing but quotes and its own marks (an attack run's
        // organizations "All", "Each" and "New").
        guard !determiners.contains(word) else { return false }
        if matches(kindAfter, after) { return true }
        guard matches(kindBefore, before) else { return false }
        let previous = before.split(whereSeparator: \.isWhitespace).last.map {
            $0.lowercased()
        }
        return !phrases.contains("\(previous ?? "") \(word)")
    }

    private static let ownsOrJoins = try! NSRegularExpression(
        pattern: #"^(?:['’]s\b|\s+(?:vs\.?|versus)\s)"#, options: [.caseInsensitive])

    /// Words that pick badges or organizations out rather than name one.
    private static let determiners: Set<String> = [
        "first", "last", "next", "new", "top", "best", "all", "any", "each", "every", "most",
        "more", "one", "two", "active", "core", "basic", "total", "overall", "average",
    ]

    /// A word that takes a name and an everyday word that make a phrase of their own. An
    /// attack run's organizations "Total", "Each" and "Progress" took "how many enrollments
    /// in total", "how many are enrolled in each badge" and a question of learners in progress.
    private static let phrases: Set<String> = [
        "in progress", "in general", "over time", "in time", "on time", "for now", "by now",
        "for good", "for free", "at least", "in short", "for short", "in particular",
    ]

    private static let kindAfter = try! NSRegularExpression(
        pattern:
            #"^\s*(?:\s(?:\#(Vocabulary.badgeWord)|\#(Vocabulary.orgWord)|and|or|vs\.?|versus)\b)"#,
        options: [.caseInsensitive])
    private static let kindBefore = try! NSRegularExpression(
        pattern:
            #"\b(?:\#(Vocabulary.badgeWord)|\#(Vocabulary.orgWord)|of|at|for|in|from|about|on|to|with|within|across|vs\.?|versus|and|or|compare)\s+$"#,
        options: [.caseInsensitive])

    /// Lower-case words a question uses as themselves: verbs, adjectives and small words that
    /// a badge or organization may also be called.
    private static let everyday: Set<String> = [
        "go", "goes", "going", "open", "run", "make", "get", "set", "take", "use", "see", "try",
        "do", "be", "can", "may", "will", "must", "lead", "learn", "start", "stop", "grow",
        "move", "change", "rise", "fall", "drop", "join", "leave", "build", "test", "read",
        "write", "next", "new", "first", "last", "best", "top", "all", "any", "most", "more",
        "less", "over", "up", "out", "now", "one", "two", "free", "live", "active", "basic",
        "core", "base", "total", "rate", "time", "day", "week", "month", "year", "early",
        "late", "long", "short", "fast", "slow", "high", "low", "well", "good", "great",
        "data", "design", "still", "ever", "every", "each", "per", "so", "as", "on", "in",
        "at", "by", "for", "from", "to", "with", "about", "after", "before", "since", "it",
        "is", "are", "was", "were", "has", "have", "had", "did", "done", "overall",
        "progress", "average", "general", "least", "particular", "median",
    ]
}
