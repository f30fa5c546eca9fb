import Foundation

extension EntityFinder {
    /// A run of words the question clearly gives as a name, which names nothing in the
    /// database.
    struct Unknown: Equatable {
        /// Badge or organization, when the words around the name say which.
        var kind: Kind?
        var written: String
        /// The catalogue's names closest to `written`, closest first, at most three.
        var closest: [String]
        /// Given in quotes: the surest sign of a name, checked before any near miss.
        var quoted = false

        /// The matcher's error for it.
        var reason: MatchError.Reason {
            .noSuchName(kind: kind?.rawValue, written: written, closest: closest)
        }
    }

    // MARK: - Typos

    /// The near misses that are one edit from exactly one name ("Pyhton Basics"), read as that
    /// name; the mentions they add go with the exact ones. Any other near miss stays an error.
    func corrections(in text: String, excluding found: [Found]) -> (
        found: [Found], corrections: [NameCorrection]
    ) {
        let misses = nearMisses(in: text, excluding: found).filter { $0.distance > 0 }
        var bySpan: [Range<Int>: [NearMiss]] = [:]
        for miss in misses { bySpan[miss.range, default: []].append(miss) }
        let single = bySpan.compactMap { span, misses -> NearMiss? in
            let close = misses.filter { $0.distance == 1 }
            return close.count == 1 ? close[0] : nil
        }
        // Longest first, then in the order of the text, so one reading never overlaps another.
        var taken = found.map(\.range)
        var added: [Found] = []
        var corrections: [NameCorrection] = []
        for miss in single.sorted(by: {
            ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound)
        }) where !taken.contains(where: { $0.overlaps(miss.range) }) {
            taken.append(miss.range)
            added.append(Found(kind: miss.kind, name: miss.name, range: miss.range))
            corrections.append(NameCorrection(written: miss.written, name: miss.name))
        }
        let all = (found + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
        let order = Dictionary(
            added.map { ($0.name, $0.range.lowerBound) }, uniquingKeysWith: { a, _ in a })
        return (all, corrections.sorted { order[$0.name, default: 0] < order[$1.name, default: 0] })
    }

    // MARK: - Names that are not there

    /// The first run of words that the question clearly gives as a name but that names no
    /// badge or organization: a quoted phrase, a capitalized run of words that are not
    /// Almanac's own vocabulary ("learners at Pied Piper"), or "the … badge".
    func unknownName(in text: String, excluding found: [Found]) -> Unknown? {
        // With no names at all there is nothing a name could be checked against.
        guard !names.isEmpty else { return nil }
        let original = Array(text)
        let lowered = Array(Self.fold(text))
        // The ranges of `found` count characters of the folded text.
        guard original.count == lowered.count else { return nil }
        let inQuotes = quoted(original, found)
        let candidates =
            inQuotes.isEmpty
            ? capitalized(original, found) + theBadge(lowered, found)
                + afterPreposition(lowered, found) + leadWords(original, lowered, found)
                + lettersAndDigits(lowered, found)
            : inQuotes
        guard let first = candidates.min(by: { $0.range.lowerBound < $1.range.lowerBound })
        else { return nil }
        let written = String(original[first.range])
        return Unknown(
            kind: first.kind, written: written, closest: closest(to: written, kind: first.kind),
            quoted: !inQuotes.isEmpty)
    }

    private typealias Candidate = (range: Range<Int>, kind: Kind?)

    /// "'Rust Mastery'", “Data Science”.
    private func quoted(_ characters: [Character], _ found: [Found]) -> [Candidate] {
        let pairs: [Character: Set<Character>] = [
            "\"": ["\""], "“": ["”", "\""], "‘": ["’", "'"], "'": ["'", "’"], "«": ["»"],
            "„": ["“", "\""],
        ]
        var result: [Candidate] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard let closers = pairs[character],
                index == 0 || !Self.isWordCharacter(characters[index - 1])
            else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, !closers.contains(characters[end]) { end += 1 }
            guard end < characters.count, end - index > 1,
                end + 1 == characters.count || !Self.isWordCharacter(characters[end + 1])
            else {
                index += 1
                continue
            }
            let inside = (index + 1)..<end
            let words = String(characters[inside]).trimmingCharacters(in: .whitespaces)
            // A name with more words in the same quotes ("Hooli Inc") is quoted whole: the
            // words left over alone ("no organization is called 'Inc'") were not what was
            // written (blind test 45).
            let within = found.filter { $0.range.overlaps(inside) }
            let leftover = String(
                inside.filter { position in !within.contains { $0.range.contains(position) } }
                    .map { characters[$0] }
            ).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            if !words.isEmpty, within.isEmpty || !leftover.isEmpty && !Self.isVocabulary(leftover),
                !Self.isVocabulary(words)
            {
                result.append((inside, kind(around: inside, in: characters)))
            }
            index = end + 1
        }
        return result
    }

    /// Runs of capitalized words that are neither a known name nor Almanac's own words.
    private func capitalized(_ characters: [Character], _ found: [Found]) -> [Candidate] {
        let words = Self.words(in: characters).filter { word in
            !found.contains { $0.range.overlaps(word) }
        }

        var result: [Candidate] = []
        var run: [Range<Int>] = []
        func close() {
            // Connectors and Almanac's words at either end are not part of the name.
            while let first = run.first, isOrdinary(first) { run.removeFirst() }
            while let last = run.last, isOrdinary(last) { run.removeLast() }
            defer { run = [] }
            guard let first = run.first, let last = run.last else { return }
            let span = first.lowerBound..<last.upperBound
            result.append((span, kind(around: span, in: characters)))
        }
        func isOrdinary(_ word: Range<Int>) -> Bool {
            let text = String(characters[word])
            // "How many enrollments did WE have": Wayne Enterprises' initials, not "we"
            // (blind test 66 got the platform's 10,266).
            if Self.isCapitals(text), isInitials(text) { return false }
            return Self.connectors.contains(text.lowercased()) || Self.isVocabulary(text)
                || text.allSatisfy(\.isNumber)
        }
        for (position, word) in words.enumerated() {
            let text = String(characters[word])
            let adjacent =
                run.last.map { previous in
                    characters[previous.upperBound..<word.lowerBound].allSatisfy {
                        $0 == " " || $0 == "-"
                    }
                } ?? true
            if !adjacent { close() }
            // The question's first word is capitalized in any question; written in capitals
            // it is a name ("UH completion rate YTD" gave the platform's rate, blind test 65),
            // unless it is a common abbreviation ("YTD completion rate").
            let capitals =
                Self.isCapitals(text) && !Self.abbreviations.contains(text.lowercased())
            let capital = text.first?.isUppercase == true && (word.lowerBound > 0 || capitals)
            let inside =
                !run.isEmpty
                && (Self.connectors.contains(text.lowercased()) || text.allSatisfy(\.isNumber))
            if capital || inside {
                run.append(word)
            } else {
                close()
            }
            if position == words.count - 1 { close() }
        }
        return result
    }

    /// Whether a word is two capital letters or more: "UH", "WE".
    private static func isCapitals(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { $0.isUppercase && $0.isLetter }
    }

    /// Whether a word is the initials of a badge or an organization ("WE").
    private func isInitials(_ word: String) -> Bool {
        let letters = Self.fold(word)
        return (catalogue.badges + catalogue.organizations).contains {
            Self.initials(of: Self.fold($0)) == letters
        }
    }

    /// The first letters of a folded name's words: "umbrella health" → "uh".
    static func initials(of folded: String) -> String {
        String(folded.split(separator: " ").compactMap(\.first).filter(\.isLetter))
    }

    /// "docker", "aws", "stats 101": a lower-case word that begins a name (or a word of a
    /// name with a digit in it), written alone. A blind test found "the median time to
    /// complete docker" answered for the whole platform. Almanac's own words ("data",
    /// "learning", "intro") are not names.
    private func leadWords(_ original: [Character], _ lowered: [Character], _ found: [Found])
        -> [Candidate]
    {
        let words = Self.words(in: lowered)
        return words.enumerated().compactMap { position, whole in
            // "Café's enrollments": the name's word without the possessive.
            let range =
                whole.count > 3 && lowered[whole].suffix(2) == ["'", "s"]
                ? whole.lowerBound..<(whole.upperBound - 2) : whole
            let word = String(lowered[range])
            let before = position > 0 ? String(lowered[words[position - 1]]) : ""
            // In lower case, or capitalized as the question's first word ("Docker completion
            // rate?"), which the capitalized runs leave out.
            let written = String(original[range])
            guard let kind = leads[word],
                written == word || position == 0 && Self.fold(written) == word,
                !found.contains(where: { $0.range.overlaps(range) }),
                !Self.isVocabulary(word), !Self.connectors.contains(word),
                !Self.commonLeads.contains(word), !Self.degree.contains(before),
                // "In 2025" is a year, though a badge is called "AWS Summit 2025": a blind
                // test found every question of that year refused as naming no badge. ("Stats
                // 101" still names "Statistics 101".)
                !Self.isYear(word)
            else { return nil }
            return (range, kind)
        }
    }

    /// A year of the calendar as a window writes it: 1900 to 2099.
    static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isNumber)
            && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    /// Short forms of the words that begin badges' names, for the closest names only.
    private static let spelledOut: [String: String] = [
        "k8s": "kubernetes", "js": "javascript", "ts": "typescript", "py": "python",
        "ml": "machine learning", "dl": "deep learning", "ai": "artificial intelligence",
        "viz": "visualization", "dataviz": "data visualization", "infosec": "security",
        "gh": "github", "tf": "terraform", "pm": "project management",
    ]

    /// Abbreviations a question may open with that are not names.
    /// (Not "HR", "IT", "EMEA" or "USA": a department or a place, which a name's error at
    /// least does not drop.)
    private static let abbreviations: Set<String> = [
        "ytd", "qtd", "mtd", "wtd", "yoy", "qoq", "mom", "wow", "kpi", "kpis", "fyi", "tldr",
        "asap", "eod", "eow", "eom", "eoy", "pls", "btw", "faq", "fy", "ok", "avg", "no", "pct",
        "tl", "dr", "hi", "re", "fw", "fwd", "ps", "nb", "ceo", "cto", "cfo", "coo", "cio",
        "vp", "svp", "evp", "lms", "fte", "ftes", "eta",
    ]

    /// English words that begin names but mostly mean themselves in a question ("how deep
    /// into", "in the cloud"), and words of degree before an adjective ("how deep").
    private static let commonLeads: Set<String> = [
        "deep", "machine", "cloud", "security", "zero", "communication", "open", "digital",
        "modern", "applied", "general", "global", "business", "project", "product", "team",
        "creative", "effective", "professional", "design", "web", "mobile", "health", "public",
        "social", "human", "personal", "practical", "essential", "introduction", "foundations",
        "leadership", "management", "customer", "sales", "marketing", "finance", "financial",
        "safety", "quality", "new", "first", "better", "smart", "green", "blue", "red", "real",
        "full", "high", "low", "key", "core", "clear", "critical", "ethical", "responsible",
    ]
    private static let degree: Set<String> = [
        "how", "so", "too", "very", "quite", "more", "less", "most", "least", "rather",
    ]

    /// "the rust badge": lower-case words that only a name could be, before a badge word.
    private func theBadge(_ lowered: [Character], _ found: [Found]) -> [Candidate] {
        let text = String(lowered)
        let whole = NSRange(text.startIndex..., in: text)
        return Self.theBadgePattern.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range(at: 1), in: text) else { return nil }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let span = start..<(start + text[range].count)
            let words = text[range].split(separator: " ").map(String.init)
            guard !found.contains(where: { $0.range.overlaps(span) }),
                !words.contains(where: { Self.isVocabulary($0) || Self.connectors.contains($0) })
            else { return nil }
            return (span, .badge)
        }
    }

    /// "the drop rate at pied piper", "completion rate for acme corp": lower-case words that
    /// end the question (or its clause) right after "at", "from" or "for", which only a name
    /// could be. A blind test found them dropped, and the platform's rate given.
    private func afterPreposition(_ lowered: [Character], _ found: [Found]) -> [Candidate] {
        let text = String(lowered)
        let whole = NSRange(text.startIndex..., in: text)
        return Self.afterPrepositionPattern.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range(at: 2), in: text),
                let preposition = Range(match.range(at: 1), in: text)
            else { return nil }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let span = start..<(start + text[range].count)
            let words = text[range].split(separator: " ").map(String.init)
            guard !found.contains(where: { $0.range.overlaps(span) }),
                !words.contains(where: {
                    Self.isVocabulary($0) || Self.connectors.contains($0)
                        || Self.notNames.contains($0) || $0.allSatisfy(\.isNumber)
                })
            else { return nil }
            return (span, text[preposition] == "for" ? nil : .organization)
        }
    }

    /// "Drop-outs of k8s", "completions in py3": a word of letters and digits after a
    /// preposition, which only a name (or its nickname) could be; a blind test found it
    /// dropped and the platform's total given. Times and counts ("q3", "2025h1", "30d",
    /// "fy25", "3rd", "wk38", "p90") are not names.
    private func lettersAndDigits(_ lowered: [Character], _ found: [Found]) -> [Candidate] {
        let text = String(lowered)
        let whole = NSRange(text.startIndex..., in: text)
        return Self.mixedWord.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range(at: 1), in: text) else { return nil }
            let word = String(text[range])
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let span = start..<(start + word.count)
            guard !found.contains(where: { $0.range.overlaps(span) }),
                Self.timeOrCount.firstMatch(
                    in: word, range: NSRange(word.startIndex..., in: word)) == nil
            else { return nil }
            return (span, nil)
        }
    }

    /// A word of letters and digits anywhere: "dropped out of k8s", and "drop out rate
    /// ddd2014j" (a course code run together, which a test on other data found dropped and the
    /// platform's rate given).
    private static let mixedWord = compile(
        #"(?<![\p{L}\d\-/.'’#])(?=[\p{L}\d]*\p{L})(?=[\p{L}\d]*\d)([\p{L}\d]{2,16})(?![\p{L}\d])(?![-/.'’+#]\w)"#
    )
    private static let timeOrCount = compile(
        #"^(?:q\d{1,2}|h\d|fy\d{0,4}|\d+(?:st|nd|rd|th|s|d|w|m|y|k|x|h|hrs?|mins?|days?|wks?|weeks?|months?|yrs?|years?|pm|am)|wk?\d{1,2}|\d{2,4}(?:q[1-4]|h[12])|(?:q[1-4]|h[12])\d{2,4}|p\d{1,3}|(?:19|20)\d{2}[a-z]{1,2})$"#
    )

    /// Words after "at", "from" or "for" that are no name.
    private static let notNames: Set<String> = [
        "risk", "once", "home", "work", "school", "scale", "random", "times", "everyone",
        "everybody", "anyone", "anybody", "someone", "somebody", "us", "them", "him", "her",
        "you", "me", "scratch", "now", "then", "later", "earlier", "beginners", "newbies",
        "sure", "real", "good", "example", "instance", "reference", "comparison", "context",
        "or",
    ]
    private static let afterPrepositionPattern = compile(
        #"\b(at|from|for)\s+((?:[\p{L}][\p{L}\p{N}&'+.]*\s+){0,2}[\p{L}][\p{L}\p{N}&'+.]*)\s*(?=$|[?.!,;:)]|\s+(?:in|during|since|over|this|last|between|before|after|until|on|vs|versus|against|compared|and|who|that|by|per)\b)"#
    )

    /// Badge or organization, from the word after a name ("course", "company") or before it
    /// ("at", "from").
    private func kind(around span: Range<Int>, in characters: [Character]) -> Kind? {
        let after = String(characters[span.upperBound...]).lowercased()
        let before = String(characters[..<span.lowerBound]).lowercased()
        func starts(_ pattern: NSRegularExpression, _ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        if starts(Self.badgeAfter, after) { return .badge }
        if starts(Self.organizationAfter, after) || starts(Self.organizationBefore, before) {
            return .organization
        }
        return nil
    }

    /// The catalogue's names closest to `written`, at most three: a name that contains it
    /// ("rust" in "Zero Trust Networks"), then most words in common, then fewest edits (two
    /// letters swapped are one), then by name. When some name is close (it contains the
    /// words, shares a word, or is one edit away for every three letters), only the close ones:
    /// "Leading Teams" listed beside "SQL Fundamentals" for "Rust Fundamentals", or "Initech"
    /// beside "Hooli" for "Hooil", only made the list longer (a blind test). When none is, the
    /// three nearest, which say at least what the names look like.
    func closest(to written: String, kind: Kind?) -> [String] {
        // "k8s" is Kubernetes: its closest names were 'Hooli', 'Initech' (blind test 65).
        let plain = Self.fold(String(written.prefix(200)))
        let text = Self.spelledOut[plain] ?? plain
        let target = Array(text)
        // Words that say something: "Rust & Go" shares "&" with every "… & …".
        let targetWords = Set(
            target.split(separator: " ").map { String($0) }.filter {
                $0.count >= 3 && !Self.connectors.contains($0)
            })
        let pool =
            kind == .badge
            ? catalogue.badges
            : kind == .organization
                ? catalogue.organizations
                : catalogue.badges + catalogue.organizations
        let typos = max(1, target.count / 3)
        let scored = pool.filter { !$0.isEmpty }.map {
            name -> (contains: Int, shared: Int, edits: Int, name: String, close: Bool) in
            let folded = Self.fold(String(name.prefix(200)))
            let shared = Set(folded.split(separator: " ").map { String($0) })
                .intersection(targetWords).count
            // "UH" is Umbrella Health's initials (blind test 65): as close as a name that
            // contains what was written.
            let initials = Self.initials(of: folded)
            let contains =
                target.count >= 3 && folded.contains(text)
                    || target.count >= 2 && !text.contains(" ") && initials == text ? 0 : 1
            let edits = Spelling.distance(target, Array(folded), limit: 400, swaps: true)
            // One word written is set against each word of the name too, for closeness only:
            // "Globx" is one edit from Globex Corporation's "globex", not thirteen from the
            // whole name.
            let wordEdits =
                targetWords.count == 1 && !target.contains(" ")
                ? folded.split(separator: " ").filter { $0.count >= 3 }.map {
                    Spelling.distance(target, Array($0), limit: 400, swaps: true)
                }.min() ?? edits : edits
            let close = contains == 0 || shared > 0 || min(edits, wordEdits) <= typos
            return (contains, -shared, edits, name, close)
        }
        .sorted {
            ($0.contains, $0.shared, $0.edits, $0.name) < (
                $1.contains, $1.shared, $1.edits, $1.name
            )
        }
        let close = scored.filter(\.close)
        return (close.isEmpty ? scored : close).prefix(3).map(\.name)
    }

    // MARK: - Words that are not names

    /// Words that join the words of a name ("Bank of Ireland", "Müller & Söhne").
    static let connectors: Set<String> = [
        "of", "and", "&", "de", "du", "des", "la", "le", "von", "van", "der", "den", "y", "e",
        "the", "for",
    ]

    /// Question words, time words and the rest of Almanac's vocabulary, which capitals do not
    /// make a name ("How Many Learners Completed In Q3?").
    static let ordinary: Set<String> = [
        "what", "which", "who", "whom", "whose", "how", "when", "where", "why", "is", "are",
        "was", "were", "do", "does", "did", "can", "could", "would", "should", "will", "has",
        "have", "had", "show", "list", "give", "tell", "compare", "rank", "find", "get", "me",
        "us", "i", "we", "our", "my", "your", "their", "a", "an", "in", "on", "at", "by", "to",
        "from", "with", "per", "each", "every", "all", "any", "many", "much", "most", "least",
        "than", "versus", "vs", "against", "between", "since", "before", "after", "until",
        "during", "over", "under", "about", "across", "among", "this", "last", "next", "past",
        "previous", "year", "years", "quarter", "quarters", "month", "months", "week", "weeks",
        "day", "days", "today", "yesterday", "ytd", "qtd", "mtd", "ltm", "ttm", "ntm", "iso", "q1",
        "q2", "q3",
        "q4", "h1", "h2", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "number", "total", "overall",
        "average", "mean", "median", "typical", "rate", "rates", "share", "percentage",
        "percent", "ratio", "people", "new", "time", "top", "bottom", "first", "same", "both",
        "other", "only", "there", "it", "its", "they", "them", "these", "those", "that",
        "please", "far", "up", "down", "out", "off", "not", "no", "yes", "then",
        "now", "currently", "still", "ever", "often", "usually", "generally", "typically",
        "platform", "data", "report", "summary", "breakdown", "trend", "trends", "growth",
        "popular", "biggest", "highest", "lowest", "best", "worst", "fastest", "slowest",
        "longest", "shortest", "most", "fewest", "largest", "smallest", "learning", "path",
        "paths", "journey", "journeys", "sequence", "cohort", "cohorts", "one", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "half", "rolling", "so",
        "end", "start", "beginning", "whole", "entire", "completion", "completions", "progress",
        "holiday", "holidays", "christmas", "easter", "summer", "winter", "spring", "autumn",
        "fall", "fiscal", "fy", "semester", "term", "season", "usual", "typical", "common",
        "favourite", "favorite", "hardest", "easiest", "current", "main", "core", "single",
        "own", "second", "third", "final", "right", "wrong", "big", "small", "long", "short",
        "hard", "easy", "difficult", "tough", "good", "bad", "great", "free", "paid", "online",
        "intro", "introductory", "beginner", "advanced", "intermediate", "basic", "required",
        "mandatory", "optional", "recommended", "entry", "level", "same", "like", "such",
        "yoy", "mom", "qoq", "wow", "wtd", "hi", "hello", "hey", "thanks", "almanac", "excel",
        "export", "csv", "pdf", "count", "counts", "date", "dates", "ranking", "rankings",
        "popularity", "reports", "dashboard", "kpi", "kpis", "metric", "metrics", "chart",
        "table", "overview", "stats", "statistics", "please", "quick", "question", "just",
        "also", "and", "or", "but", "ok", "okay", "sorted", "ascending", "descending",
    ]

    private static func compile(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let vocabularyPatterns =
        Vocabulary.anchors + Vocabulary.measures.flatMap(\.patterns)
        + Vocabulary.dimensions.flatMap(\.patterns) + Vocabulary.top + Vocabulary.bottom
        + Vocabulary.better + Vocabulary.worse
    /// Every pattern in one expression, anchored: one search per word instead of hundreds
    /// (a build may hold thousands of questions).
    private static let vocabularyStart = compile(
        "^(?:" + vocabularyPatterns.map { "(?:\($0))" }.joined(separator: "|") + ")")
    private static let vocabularyWhole = compile(
        "^(?:" + vocabularyPatterns.map { "(?:\($0))" }.joined(separator: "|") + ")$")

    /// Whether a word or phrase is Almanac's own: a question word, a time word, a measure, a
    /// breakdown, an order, or a word for people, badges or organizations.
    static func isVocabulary(_ words: String) -> Bool {
        let lowered = words.lowercased()
        let parts = Self.words(lowered)
        // Superlatives ("the toughest course") are never names in lower case; "FY2025" is a
        // fiscal year, which the time reader refuses with the forms that work.
        if !parts.isEmpty,
            parts.allSatisfy({
                ordinary.contains($0) || connectors.contains($0)
                    || (words == lowered && $0.count > 4 && $0.hasSuffix("est"))
                    || $0.hasPrefix("fy") && $0.dropFirst(2).allSatisfy(\.isNumber)
                    // "Q5 2025", "W10", "H3": a quarter, week or half that the time reader
                    // refuses as such (they were refused as names "Q5", "W10").
                    || $0.range(of: #"^(?:q\d{1,2}|h\d|wk?\d{1,2})$"#, options: .regularExpression)
                        != nil
            })
        {
            return true
        }
        let whole = NSRange(lowered.startIndex..., in: lowered)
        // A word of the vocabulary starts a single word ("Enrollments"), and covers a phrase,
        // not one word inside a name ("Data Team").
        let regex = parts.count == 1 ? vocabularyStart : vocabularyWhole
        return regex.firstMatch(in: lowered, range: whole) != nil
    }

    private static let theBadgePattern = compile(
        #"\bthe\s+((?:[\p{L}\p{N}][\p{L}\p{N}&'+#.]*\s+){0,2}[\p{L}\p{N}][\p{L}\p{N}&'+#.]*)\s+(?:badge|course|certification|certificate|track|program|programme|module|class)\b"#
    )
    private static let badgeAfter = compile(
        #"^\s*(?:badges?|courses?|certifications?|certificates?|tracks?|programs?|programmes?|modules?|class)\b"#
    )
    private static let organizationAfter = compile(#"^\s*\#(Vocabulary.orgWord)\b"#)
    private static let organizationBefore = compile(
        #"\b(?:at|from|employees of|staff of|people of|learners of|users of|members of|works? (?:at|for))\s*$"#
    )
}
