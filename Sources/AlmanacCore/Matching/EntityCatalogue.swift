/// The badge and organization names in the database, which a question can name to filter by.
public struct EntityCatalogue: Sendable, Equatable {
    public var badges: [String]
    public var organizations: [String]
    /// Badge name → category.
    public var categories: [String: String]

    public init(badges: [String], organizations: [String], categories: [String: String] = [:]) {
        self.badges = badges
        self.organizations = organizations
        self.categories = categories
    }

    public static func read(from db: any DatabaseConnection) throws -> EntityCatalogue {
        var categories: [String: String] = [:]
        let badges = try db.rows("SELECT name, category FROM badges ORDER BY name") { row in
            let name = row.string(0) ?? ""
            categories[name] = row.string(1) ?? ""
            return name
        }
        return EntityCatalogue(
            badges: badges,
            organizations: try db.rows("SELECT name FROM organizations ORDER BY name") {
                $0.string(0) ?? ""
            },
            categories: categories)
    }
}

/// Finds badge and organization names in a question's text.
///
/// Names match case-insensitively on word boundaries, longest first, so "Python Basics
/// Advanced" is found before "Python Basics" and the shorter name inside it is not found
/// again. A run of words that is one or two edits away from a name ("Pyton Basics") is
/// reported with a suggestion instead of being silently ignored.
struct EntityFinder {
    enum Kind: String {
        case badge
        case organization
    }

    struct Found: Equatable {
        var kind: Kind
        var name: String
        var range: Range<Int>
    }

    struct NearMiss: Equatable {
        var kind: Kind
        var written: String
        var name: String
        /// Where `written` is, in characters of the question.
        var range: Range<Int>
        /// Edits from `written` to `name`; 0 for the start of a longer name.
        var distance = 0
    }

    /// Each name lowercased, with the number of words it has (worked out once: a name may be
    /// a megabyte long).
    let names: [(kind: Kind, name: String, folded: [Character], words: Int)]
    let catalogue: EntityCatalogue
    /// The first word of each name, and every word with a digit ("docker" of "Docker
    /// Basics", "101" of "Statistics 101"), folded, with the one kind of name it begins, or
    /// nil for both: a lower-case word alone that only a name could be.
    let leads: [String: Kind?]

    init(_ catalogue: EntityCatalogue) {
        self.catalogue = catalogue
        var names: [(Kind, String, [Character], Int)] = []
        for (kind, list) in [
            (Kind.badge, catalogue.badges), (.organization, catalogue.organizations),
        ] {
            for name in list where !name.isEmpty {
                let folded = Array(Self.fold(name))
                names.append((kind, name, folded, folded.split(separator: " ").count))
            }
        }
        var leads: [String: Kind?] = [:]
        for (kind, _, folded, _) in names {
            let words = String(folded).split(separator: " ").map(String.init)
            for (index, word) in words.enumerated()
            where (index == 0 || word.contains(where: \.isNumber)) && word.count >= 3 {
                if let known = leads[word], known != kind {
                    leads[word] = .some(nil)
                } else {
                    leads[word] = kind
                }
            }
        }
        self.leads = leads
        // Longest first; ties by kind then name so the order never depends on the database.
        self.names = names.sorted {
            ($0.2.count, $1.0.rawValue, $1.1) > ($1.2.count, $0.0.rawValue, $0.1)
        }
        // "acme and sons" is how people type "Acme & Sons": a blind test found the name
        // dropped, and the platform's drop-out rate given for it. Only exact mentions read it.
        spelled =
            (names.compactMap { kind, name, folded, _ in
                let text = String(folded)
                guard text.contains(" & ") else { return nil }
                return (kind, name, Array(text.replacingOccurrences(of: " & ", with: " and ")), 0)
            } + self.names).sorted {
                ($0.2.count, $1.0.rawValue, $1.1) > ($1.2.count, $0.0.rawValue, $0.1)
            }
        var fragments: [String: [(kind: Kind, name: String)]] = [:]
        for (kind, name, folded, _) in names where folded.count <= 200 {
            let words = Set(Self.words(String(folded)))
            for word in words where word.count >= 3 && !Self.connectors.contains(word) {
                fragments[word, default: []].append((kind, name))
            }
        }
        self.fragments = fragments
        accentTwins = Dictionary(grouping: names) { "\($0.0.rawValue) \(String($0.2))" }
            .mapValues { Array(Set($0.map(\.1))).sorted() }.filter { $0.value.count > 1 }
        starts = self.names.map { entry in
            guard entry.words > 1 else { return [] }
            let nameWords = entry.folded.split(separator: " ").map(Array.init)
            return (1..<entry.words).compactMap { width in
                // A start of time words is the question's time: a badge "2025 Security
                // Awareness" made every "in 2025" a near miss of it, and an organization
                // "Last Week Tonight" every "last week" (an attack run).
                guard !nameWords.prefix(width).allSatisfy(Self.isTimeWord) else { return nil }
                let prefix = Array(nameWords.prefix(width).joined(separator: " "))
                // In lower case, only a start that no everyday word could be: two words or
                // more, or one with an apostrophe, an ampersand or a digit ("o'reilly").
                return (width, prefix, width > 1 || prefix.contains { !$0.isLetter })
            }
        }
    }

    /// A folded word that names or counts time: a number, a month, "last", "week", "q3".
    static func isTimeWord(_ word: [Character]) -> Bool {
        !word.isEmpty && (word.allSatisfy(\.isNumber) || timeWords.contains(String(word)))
    }

    private static let timeWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "last", "this", "next", "past", "previous", "week",
        "weeks", "month", "months", "quarter", "quarters", "year", "years", "day", "days",
        "today", "yesterday", "q1", "q2", "q3", "q4", "h1", "h2", "ytd", "since", "until",
    ]

    /// Each word of three letters or more of the names, folded, with the names it is in
    /// (`fragment(in:)`).
    let fragments: [String: [(kind: Kind, name: String)]]

    /// Names of one kind that fold alike but differ in their accents ("Zürich" and
    /// "Zurich"), by their kind and folded form.
    private let accentTwins: [String: [String]]

    /// The names and, for a name with " & ", its spelling with " and ", longest first.
    private let spelled: [(kind: Kind, name: String, folded: [Character], words: Int)]

    /// For each of `names`, its starts of one word to all but one of its words (`partial`),
    /// worked out once rather than once per question.
    private let starts: [[(width: Int, prefix: [Character], distinctive: Bool)]]

    /// Every exact mention, in the order of the text.
    func exact(in text: String) -> [Found] {
        let folded = Array(Self.fold(text))
        var taken = [Bool](repeating: false, count: folded.count)
        var found: [Found] = []
        // A name longer than the question cannot be in it.
        for entry in spelled where entry.folded.count <= folded.count {
            var start = 0
            while let range = Self.find(entry.folded, in: folded, from: start) {
                start = range.upperBound
                guard !taken[range].contains(true) else { continue }
                for index in range { taken[index] = true }
                found.append(Found(kind: entry.kind, name: entry.name, range: range))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `found` with each name that has accent twins ("Zurich" and "Zürich", which fold
    /// alike, and which the rules' text no longer tells apart) replaced by the twin the
    /// question wrote, when it wrote exactly one of them: a blind test's "Zürich" got
    /// Zurich's numbers, whichever was asked.
    func writtenTwins(_ found: [Found], question: String) -> [Found] {
        guard !accentTwins.isEmpty else { return found }
        let written = Array(Self.lower(question.precomposedStringWithCanonicalMapping))
        return found.map { mention in
            guard let twins = accentTwins["\(mention.kind.rawValue) \(Self.fold(mention.name))"]
            else { return mention }
            let present = twins.filter { twin in
                Self.find(Array(Self.lower(twin)), in: written, from: 0) != nil
            }
            guard present.count == 1, let twin = present.first, twin != mention.name else {
                return mention
            }
            var mention = mention
            mention.name = twin
            return mention
        }
    }

    /// Runs of words close to a name but not equal to it, outside the exact mentions.
    func nearMisses(in text: String, excluding found: [Found]) -> [NearMiss] {
        // Ranges from `exact` count characters of the lowercased text; use the original only
        // when lowercasing kept every character in place.
        let original = Array(text)
        // ASCII text (no CR, which joins a following LF into one character) folds to its
        // lower case character for character, so a run of words folds to the same run of the
        // lowered text, and has as many characters as it spans.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let lowered = ascii ? Array(text.lowercased()) : Array(Self.fold(text))
        let characters = original.count == lowered.count ? original : lowered
        let words = Self.words(in: characters).filter { word in
            !found.contains { $0.range.overlaps(word) }
        }
        // Each run of words is written out and folded once, not once per name it is compared
        // with.
        var texts: [Range<Int>: (text: String, pieces: Int)] = [:]
        var folds: [Range<Int>: [Character]] = [:]
        func written(_ span: Range<Int>) -> (text: String, pieces: Int) {
            if let known = texts[span] { return known }
            let text = String(characters[span])
            let written = (text: text, pieces: text.split(separator: " ").count)
            texts[span] = written
            return written
        }
        // The pieces between spaces, as `written` counts them: in ASCII text, without
        // writing the run out (each byte is a character).
        func pieces(_ span: Range<Int>) -> Int {
            guard ascii else { return written(span).pieces }
            var count = 0
            var inPiece = false
            for character in characters[span] {
                let space = character == " "
                if !space && !inPiece { count += 1 }
                inPiece = !space
            }
            return count
        }
        // A slice of the lowered text in ASCII (not copied out for each name it is compared
        // with: a third of the near misses' time at 2,000 questions).
        func folded(_ span: Range<Int>) -> ArraySlice<Character> {
            if ascii { return lowered[span] }
            if let known = folds[span] { return known[...] }
            let folded = Array(Self.fold(String(characters[span])))
            folds[span] = folded
            return folded[...]
        }
        // Each word that is a joining word, once (most are not: nil).
        let joining: [String?] = words.map { word in
            guard word.count <= 6 else { return nil }
            let text = String(folded(word))
            return Self.joiningWords.contains(text) ? text : nil
        }
        var misses: [NearMiss] = []
        // Two edits at most: a name longer than the question by more cannot be a near miss.
        for entry in names
        where entry.folded.count >= 5 && entry.folded.count <= characters.count + 2 {
            let width = entry.words
            guard words.count >= width else { continue }
            for start in 0...(words.count - width) {
                let span = words[start].lowerBound..<words[start + width - 1].upperBound
                let allowed = entry.folded.count >= 10 ? 2 : 1
                // More edits than allowed for the difference in length alone
                // (`Spelling.distance` gives up on it the same way).
                if ascii && abs(span.count - entry.folded.count) > allowed { continue }
                // Words must be adjacent in the text (only spaces between them).
                guard pieces(span) == width else { continue }
                let candidate = folded(span)
                // A run that ends or starts on a little word the name does not have there is no
                // misspelling of it: "osaka robotics in (the first half)" was quoted as the
                // unknown name for Ōsaka Robotics 大阪 (a blind test).
                if width > 1,
                    Self.strayEnd(joining[start], of: entry.folded, last: false)
                        || Self.strayEnd(joining[start + width - 1], of: entry.folded, last: true)
                {
                    continue
                }
                let distance = Spelling.distance(candidate, entry.folded, limit: allowed)
                if distance > 0 && distance <= allowed {
                    misses.append(
                        NearMiss(
                            kind: entry.kind, written: written(span).text, name: entry.name,
                            range: span, distance: distance))
                }
            }
        }
        // A name of several words written as one ("ddd2014j" for DDD 2014J, "statistics101"):
        // one edit away, so read as the name when it is the only one so written.
        for entry in names where entry.words > 1 {
            let compact = entry.folded.filter { $0 != " " }
            guard compact.count >= 4 else { continue }
            for word in words
            where word.count == compact.count && folded(word).elementsEqual(compact) {
                misses.append(
                    NearMiss(
                        kind: entry.kind, written: written(word).text, name: entry.name,
                        range: word, distance: 1))
            }
        }
        return misses + partial(characters, words, ascii: ascii, folded: folded)
    }

    /// Words that join a name to the rest of a question, never a misspelling of a name's word.
    private static let joiningWords: Set<String> = [
        "in", "at", "of", "for", "on", "by", "to", "from", "since", "during", "and", "or", "the",
        "vs", "with", "over", "per", "than",
    ]

    /// Whether the joining word `word`, at the first (or last) end of a run, is not the word
    /// the folded `name` has at that end.
    private static func strayEnd(_ word: String?, of name: [Character], last: Bool) -> Bool {
        guard let word else { return false }
        let end = last ? name.lastIndex(of: " ").map { $0 + 1 } ?? 0 : 0
        let own = last ? name[end...] : name[..<(name.firstIndex(of: " ") ?? name.endIndex)]
        return !own.elementsEqual(word)
    }

    /// Runs of words that are the start of a longer name and nothing more: "Globex" for
    /// "Globex Corporation". Read as nothing, they would leave the question unfiltered. A
    /// single everyday-looking word counts only when capitalized, and not as the question's
    /// first word, which every question capitalizes.
    private func partial(
        _ characters: [Character], _ words: [Range<Int>], ascii: Bool,
        folded: (Range<Int>) -> ArraySlice<Character>
    ) -> [NearMiss] {
        var misses: [NearMiss] = []
        for (entry, starts) in zip(names, starts) {
            for (width, prefix, distinctive) in starts where words.count >= width {
                guard prefix.count >= 4 else { continue }
                for start in 0...(words.count - width)
                where words[start].lowerBound > 0 || distinctive {
                    let span = words[start].lowerBound..<words[start + width - 1].upperBound
                    // ASCII folds character for character: a run of another length differs.
                    if ascii && span.count != prefix.count { continue }
                    guard distinctive || characters[words[start].lowerBound].isUppercase else {
                        continue
                    }
                    guard folded(span).elementsEqual(prefix) else { continue }
                    misses.append(
                        NearMiss(
                            kind: entry.kind,
                            written: String(
                                characters[Self.nameRun(span, start + width, words, characters)]),
                            name: entry.name, range: span))
                }
            }
        }
        return misses
    }

    /// `span` with the capitalized words right after it, as the name the question wrote:
    /// "Globex Corp" and "Zürich Labs" were quoted as 'Globex' and 'Zürich' (blind test 60).
    /// A word with a digit ("Q3"), a joining word or one of Almanac's own ("Globex By Badge",
    /// "Globex And Hooli") is not part of a name.
    static func nameRun(
        _ span: Range<Int>, _ next: Int, _ words: [Range<Int>], _ characters: [Character]
    ) -> Range<Int> {
        var end = span.upperBound
        var index = next
        while index < words.count, let first = characters[words[index]].first,
            first.isUppercase, !characters[words[index]].contains(where: \.isNumber),
            characters[end..<words[index].lowerBound].allSatisfy({ $0 == " " }),
            case let word = String(characters[words[index]]),
            !connectors.contains(word.lowercased()), !isVocabulary(word)
        {
            end = words[index].upperBound
            index += 1
        }
        return span.lowerBound..<end
    }

    // MARK: - Text

    /// Lower case without accents, so "zurich" finds "Zürich" and "Donnees" "Données"; when
    /// dropping accents would change the number of characters, lower case only, so ranges
    /// stay true to the text.
    static func fold(_ text: String) -> String {
        let lower = lower(text)
        let plain = lower.folding(options: .diacriticInsensitive, locale: nil)
        return plain.count == lower.count ? plain : lower
    }

    /// Lower case, accents kept. "O’Reilly" as phones and word processors type it is
    /// "O'Reilly": one character for one, so ranges in the folded text stay those of the
    /// question.
    static func lower(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "‘", with: "'")
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Finds `needle` in `haystack` with a word boundary on each side.
    private static func find(_ needle: [Character], in haystack: [Character], from start: Int)
        -> Range<Int>?
    {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0],
                haystack[index..<index + needle.count].elementsEqual(needle)
            {
                let before =
                    index == 0
                    || !isWordCharacter(haystack[index - 1])
                        && !joins(haystack, at: index - 1)
                let end = index + needle.count
                let after =
                    end == haystack.count
                    || !isWordCharacter(haystack[end])
                        && !joins(haystack, at: end)
                if before && after { return index..<end }
            }
            index += 1
        }
        return nil
    }

    /// An ampersand or apostrophe between two word characters joins them into one word:
    /// "R&D" is not the badge "R", nor "O'Brien" a name "Brien". A possessive ("Python's")
    /// still ends the word before it.
    private static func joins(_ text: [Character], at index: Int) -> Bool {
        guard index > 0, index + 1 < text.count, text[index] == "&" || text[index] == "'",
            isWordCharacter(text[index - 1]), isWordCharacter(text[index + 1])
        else { return false }
        let possessive =
            text[index] == "'" && text[index + 1] == "s"
            && (index + 2 == text.count || !isWordCharacter(text[index + 2]))
        return !possessive
    }

    /// The ranges of the words of a text; a word may carry an apostrophe or an ampersand
    /// inside it, as names do.
    static func words(in characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            let inWord =
                isWordCharacter(character) || character == "'" || character == "’"
                || character == "&"
            if inWord, start == nil { start = index }
            if !inWord, let begin = start {
                ranges.append(begin..<index)
                start = nil
            }
        }
        if let begin = start { ranges.append(begin..<characters.count) }
        return ranges
    }
}
