import Foundation

/// Turns the time words of a question into a half-open date range, counted from the
/// report's as-of date A. docs/metrics.md lists every form with an example.
///
/// The reading is in two steps. First every *point* is found: a day (`2025-03-04`, `today`),
/// a month (`March 2025`, `March`), a quarter (`Q3 2025`, `the third quarter`), a year, a
/// calendar unit around A (`this month`, `last quarter`), a rolling span (`past 30 days`)
/// or a span to date (`year to date`). Then the words before each point say what to do with
/// it: `between`/`from … to`, `since`, `after`, `before`, `until`, or just `in`. Whatever
/// time-like word is left over (`fiscal`, `holidays`, a year that no form used) is an error:
/// a window is never dropped in silence.
struct TimeWindow {
    var asOf: CivilDate

    struct Reading: Equatable {
        var range: DateRange?
        /// The second of two windows set against each other ("2025 against 2024").
        var versus: DateRange?
    }

    enum Problem: Error, Equatable {
        case impossibleDate(String)
        case twoWindows(String, String)
        /// A time-like phrase no form could use.
        case unreadable(String)
        /// The window ends before it starts.
        case backwards(String)
        /// The window set against the question's own is not as long.
        case unequal(String, String)
        /// The only window is the one compared with ("compared with last year").
        case comparedWithNothing(String)
        /// The window starts after the as-of date: there can be no data in it.
        case future(String, asOf: CivilDate)
        /// A window set against itself ("2025 against 2025").
        case sameWindow(String)
        /// Three windows or more set side by side ("Q3 vs Q2 vs Q1").
        case moreWindows([String])
    }

    static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    static let monthPattern =
        #"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"#
    private static let year = #"((?:19|20)\d{2})"#
    /// What follows "May" the month, never "may" the verb: "May enrollments".
    static let mayNouns =
        #"\s*,?\s+(?:vs\b|versus\b|against\b|compared\b)|\s+(?:enrol+ments|completions|sign[- ]?ups|registrations|cohorts?|intakes?|drop[- ]?outs|dropouts|figures|numbers|totals?|counts?|starts|data|stats|statistics|activity|results)\b"#
    private static let count =
        #"(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty)"#
    static let ordinals = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]
    static let counts = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
        "thirty": 30,
    ]

    /// Each point form, tried in this order; a later match that overlaps an earlier one is
    /// not a point of its own.
    private static let points: [(form: String, regex: NSRegularExpression)] = [
        ("iso", #"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"#),
        (
            "rolling",
            #"\b(?:in |over |during |for |within )?(?:the )?(?:(rolling|trailing)\s+(?:(?:past|last|previous|prior|recent)\s+)?|(?:past|last|previous|prior|recent)\s+(?:(rolling|trailing)\s+)?)"#
                + count
                + #"\s+(day|week|month|quarter|year)s?\b(?:,?\s+\(?(rolling|trailing)\b\)?)?"#
        ),
        ("ago", #"\b"# + count + #"\s+(day|week|month|quarter|year)s?\s+ago\b"#),
        ("to-date", #"\b(?:(year|month|quarter|week)[- ]to[- ]date|(ytd|mtd|qtd|wtd))\b"#),
        // "The last complete quarter": the latest one that has ended by A's end, A's own when A
        // is its last day ("Q2" as of 2026-09-30, where Q3 was complete: a blind test).
        (
            "whole-unit",
            #"\b(?:last|previous|prior|past|latest|most recent)\s+(?:full|complete|completed|whole|entire|finished)\s+(week|month|quarter|year)\b|\blatest whole (week|month|quarter|year)\b"#
        ),
        ("unit", #"\b(this|current|last|previous|prior|past)\s+(week|month|quarter|year)\b"#),
        // "since the start of the year": the year holding A.
        ("unit", #"(?<=(?:start|beginning|end) of )(the)\s+(week|month|quarter|year)\b"#),
        ("year-half", #"\b"# + year + #"[-\s]?h([12])\b"#),
        (
            "half",
            #"\b(?:h([12])|(?:the\s+)?(first|second|1st|2nd)\s+half)(?:,?\s+(?:of\s+)?"# + year
                + #")?\b"#
        ),
        ("year-quarter", #"\b"# + year + #"[-\s]?q([1-4])\b"#),
        (
            "quarter",
            #"\b(?:q([1-4])|(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:,?\s+(?:of\s+)?"#
                + year + #")?\b"#
        ),
        // A day written with its month's name: "March 1", "June 30, 2026", "1 March 2026".
        (
            "month-day",
            #"\b"# + monthPattern + #"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+"# + year + #")?\b"#
        ),
        (
            "day-month",
            #"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"# + monthPattern + #"(?:,?\s+"# + year
                + #")?\b"#
        ),
        ("month", #"\b"# + monthPattern + #"(?:,?\s+(?:of\s+)?"# + year + #")?\b"#),
        ("year", #"\b"# + year + #"\b(?!-\d)"#),
        ("day", #"\b(today|yesterday)\b"#),
    ].map { ($0.0, regex($0.1)) }

    /// "More completions than last month": the window is what the question compares with
    /// (answered last month alone as its own, a blind test).
    private static let comparedWith = regex(
        #"\b(?:compared? (?:with|to|against)|against|vs\.?|versus|relative to|than(?:\s+(?:in|during|for|at))?)\s+(?:the\s+)?$"#
    )
    /// "Up or down from last quarter", "change from last month", "up 5% on last month": a
    /// word of change right before the window's own "from" (or "up", "down" or a percentage
    /// before its "on") makes it what the question compares with; "down from last quarter"
    /// gave the fall from Q1 to Q2, where Q3 rose (a blind test). Not so for a span the
    /// window itself sets ("increase from Q1 to Q2", which growth reads), "up" of "signed up",
    /// nor "over": "enrollments from last month" are last month's, "dropped on 2025-06-30"
    /// that day's, "growth over the past 6 months" and "changed over the last month" are in
    /// that window (a review).
    private static let changedFrom = regex(
        #"\b(?:change[sd]?|changing|\#(changeUp)|down|increased?|decreased?|growth|grown|grew|rose|risen|fell|fallen|jumped|climbed|higher|lower|better|worse|\d+(?:\.\d+)?\s*%)\s+(from)\s"#
    )
    private static let changedOn = regex(
        #"\b(?:\#(changeUp)|down|\d+(?:\.\d+)?\s*%)\s+(on)\s"#)
    /// "Up" as a change, not the end of "signed up", "showed up" or "picked up".
    private static let changeUp =
        #"(?<!sign )(?<!signed )(?<!signing )(?<!show )(?<!showed )(?<!showing )(?<!turn )(?<!turned )(?<!pick )(?<!picked )(?<!set )up"#
    /// A window that is itself a span of two points: "from Q1 to Q2 2026".
    private static let span = regex(#"\b(?:to|and|until|till|through|thru)\b"#)
    /// Whether a word of change comes right before the window's own first word.
    private static func changedBefore(_ phrase: NSRange, in text: String) -> Bool {
        guard span.firstMatch(in: text, range: phrase) == nil else { return false }
        let whole = NSRange(text.startIndex..., in: text)
        return [changedFrom, changedOn].contains { pattern in
            pattern.matches(in: text, range: whole).contains {
                $0.range(at: 1).location == phrase.location
            }
        }
    }
    /// What the words just before a point make of it.
    private static let operatorBefore = regex(
        #"\b(between|from|since|after|before|prior to|until|till|through|thru|up to|up until|by|in|during|for|on|of|within|as of|over|at|"#
            + boundWords.keys.sorted { $0.count > $1.count }.joined(separator: "|")
            + #")\s+(?:the\s+(?:(start|end|beginning)\s+of\s+)?)?$"#
    )
    /// Words before a point that bound a window in other words, by the word that bounds it
    /// the same way: "on or after 2026-06-20" is since it, "no later than Q1" through it.
    /// Without them, "on or before" was read as before (the day itself left out), "not
    /// before" as before (the opposite side), and "no earlier than", "later than" or "up to
    /// and including" as the day alone, each with a number (a blind test found 23).
    private static let boundWords: [String: String] = [
        "on or after": "since", "at or after": "since", "no earlier than": "since",
        "not earlier than": "since", "not before": "since", "starting": "since",
        "starting from": "since", "starting on": "since", "starting with": "since",
        "beginning": "since", "beginning from": "since", "beginning on": "since",
        "as from": "since", "effective": "since", "later than": "after",
        "earlier than": "before", "on or before": "through", "at or before": "through",
        "no later than": "through", "not later than": "through", "not after": "through",
        "up to and including": "through", "until and including": "through",
        "through and including": "through", "up to & including": "through",
        // A second round (blind test 37): the day itself kept, or the side the words say.
        "on and after": "since", "on or later than": "since", "in or after": "since",
        "in and after": "since", "after or on": "since",
        "following": "after", "subsequent to": "after", "beyond": "after",
        "ahead of": "before", "preceding": "before", "in the run-up to": "before",
        "in the lead-up to": "before", "leading up to": "before",
        "up to but not including": "before", "up to but excluding": "before",
        "until but not including": "before", "on and before": "through",
        "on or earlier than": "through", "in or before": "through", "in and before": "through",
        "before or on": "through", "before and on": "through", "before or in": "through",
    ]
    /// Words after a point that make it one end of a window: "2026-06-20 or later", "Q1
    /// 2025 and earlier", "after June 20 inclusive"; an end that is now, "between June 2025
    /// and now".
    private static let boundAfter = regex(
        #"^\s*,?\s*(?:(?:or|and)\s+(later|after|beyond|since|earlier|before|prior)\b(?!\s+(?:the\s+)?(?:(?:19|20)\d{2}|\d{1,2}\b|q[1-4]\b|h[12]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|last\b|this\b|next\b|today\b|yesterday\b))|(onwards?|forwards?|ever since)\b|\(?(inclusive|included)\b\)?|(?:and|to|till|until|through|up to|-|–)\s+(?:(?:the\s+)?(?:present(?:\s+day)?|current date)|now|date|today|right now)\b)"#
    )
    /// What joins a window's start to its end: "no earlier than X and no later than Y".
    private static let bothEnds = regex(#"^\W*(?:and|but)\W*$"#)
    /// A month (and day) and the word that joins it to the end of a range.
    private static let rangeEndBefore = regex(
        #"\b"# + monthPattern
            + #"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?\s*(?:and|to|through|thru|until|till|-|–)\s*$"#
    )
    /// The words for the whole history: "ever", "historical", "(of) all time", "since the beginning" (not
    /// "since the beginning of 2025"), "over the whole history".
    private static let allTime = regex(
        #"\b(?:(?:of|for|over|in)\s+)?all[- ]time\b|\bever\b|\bhistorical(?:ly)?\b|\b(?:since|from)\s+(?:the\s+)?(?:very\s+)?(?:beginning|start)\b(?!\s+of\b)|\bsince\s+records\s+began\b|\b(?:over|in|across)\s+(?:the\s+|its\s+|their\s+)?(?:whole|entire)\s+history\b"#
    )
    /// The words for the whole history that only stress another window beside them: "has
    /// anyone ever completed it in 2025", "historical enrollments in 2025".
    private static let stressing: Set = ["ever", "historical", "historically"]
    /// What may join the two ends of a range.
    static let connector = regex(#"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$"#)

    /// The forms that work, for error messages.
    static let forms = """
        in 2025 · in March 2025 · in Q3 2025 · the third quarter of 2025 · on 2025-03-04 · \
        between 2025-03-01 and 2025-06-30 · from January to June 2025 · since March 2025 · \
        after 2025-03-01 · on or after 2025-03-01 · before 2025 · until Q2 2025 · no later than Q2 2025 · \
        this/last week, month, quarter or year · \
        year to date · month to date · past 30 days (also weeks, months, quarters, years) · \
        today · yesterday · ever (all time)
        """

    /// "May" without a year, in a form that names a month: a month only after a preposition
    /// ("in May"), since "learners may …" is a verb.
    private static func isBareMay(_ form: String, _ groups: [String?]) -> Bool {
        switch form {
        case "month": return groups[0] == "may" && groups[1] == nil
        case "month-day": return groups[0] == "may" && groups[2] == nil
        case "day-month": return groups[1] == "may" && groups[2] == nil
        default: return false
        }
    }

    /// - Throws: `Problem` for a date that does not exist, two different windows, a window
    ///   that ends before it starts or starts after A, and any time-like word left unread.
    func read(_ text: String) throws -> Reading {
        let text = writingYearsOut(text)
        if let same = try samePeriodLastYear(text) { return same }
        if let before = try periodBefore(text) { return before }
        let lowered = text.lowercased()
        let whole = NSRange(lowered.startIndex..., in: lowered)
        var found: [Point] = []
        for (form, regex) in Self.points {
            for match in regex.matches(in: lowered, range: whole) {
                guard
                    !found.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }
                    )
                else { continue }
                let groups = (1..<match.numberOfRanges).map { index -> String? in
                    Range(match.range(at: index), in: lowered).map { String(lowered[$0]) }
                }
                let phrase = String(lowered[Range(match.range, in: lowered)!])
                // "may" is a month only with a year or after a preposition.
                if Self.isBareMay(form, groups),
                    Self.prefix(before: match.range, in: lowered, matching: Self.operatorBefore)
                        == nil,
                    // "Between March and May", "from January to May": the end of a range.
                    Self.prefix(before: match.range, in: lowered, matching: Self.rangeEndBefore)
                        == nil,
                    !Self.namesMay(match.range, in: lowered)
                {
                    continue
                }
                guard let point = try point(form, groups, phrase: phrase, range: match.range) else {
                    continue
                }
                found.append(point)
            }
        }
        found.sort { $0.range.location < $1.range.location }

        var windows: [(phrase: NSRange, range: DateRange)] = []
        var index = 0
        while index < found.count {
            var first = found[index]
            let lead = Self.prefix(before: first.range, in: lowered, matching: Self.operatorBefore)
            var word = lead.map { String(lowered[Range($0.range(at: 1), in: lowered)!]) }
                .map { Self.boundWords[$0] ?? $0 }
            // "the start of last year", "the end of March": the first or the last day.
            if let edge = lead.flatMap({ Range($0.range(at: 2), in: lowered) }).map({
                String(lowered[$0])
            }) {
                let day = edge == "end" ? first.end.adding(days: -1) : first.start
                first = Point(range: first.range, start: day, end: day.adding(days: 1))
            }
            var span = lead.map { NSUnionRange($0.range, first.range) } ?? first.range
            // A pair: "between X and Y", "from X to Y", "X to Y".
            if index + 1 < found.count, !first.standalone, !found[index + 1].standalone,
                word == nil || word == "between" || word == "from",
                Self.joined(
                    first.range, found[index + 1].range, in: lowered, and: word == "between")
            {
                var last = found[index + 1]
                try align(&first, &last)
                span = NSUnionRange(span, last.range)
                let phrase = Self.text(span, in: text)
                guard first.start < last.end else { throw Problem.backwards(phrase) }
                windows.append((span, DateRange(start: first.start, end: last.end, phrase: phrase)))
                index += 2
                continue
            }
            if !first.standalone,
                let tail = Self.boundAfter.firstMatch(
                    in: lowered, range: Self.rest(after: span, in: lowered))
            {
                span = NSUnionRange(span, tail.range)
                word = try Self.bound(word, tail, in: lowered, phrase: Self.text(span, in: text))
            }
            let phrase = Self.text(span, in: text)
            let tomorrow = asOf.adding(days: 1)
            let range: DateRange
            switch first.standalone ? nil : word {
            // "Enrollments from Q1 2026" are those of Q1 2026 (they were read as since Q1 2026,
            // half a year more); "from March 2026 onwards" and "from 2026-03-01" are since.
            case "from"
            where first.end > first.start.adding(days: 1)
                && Self.onwards.firstMatch(in: lowered, range: Self.rest(after: span, in: lowered))
                    == nil:
                range = DateRange(start: first.start, end: first.end, phrase: phrase)
            case "since", "from":
                range = DateRange(start: first.start, end: tomorrow, phrase: phrase)
            case "after":
                range = DateRange(start: first.end, end: tomorrow, phrase: phrase)
            case "before", "prior to":
                range = DateRange(start: nil, end: first.start, phrase: phrase)
            // "As of March 2026": the state then, everything up to the end of March.
            case "until", "till", "through", "thru", "up to", "up until", "by", "as of":
                range = DateRange(start: nil, end: first.end, phrase: phrase)
            default:
                if first.needsOperator { throw Problem.unreadable(phrase) }
                range = DateRange(start: first.start, end: first.end, phrase: phrase)
            }
            if let start = range.start, let end = range.end, !(start < end) {
                // "Since 2026-01-01" as of 2024-02-14 starts after the as-of date: said so,
                // not "ends before it starts", which the question never wrote (blind test 82).
                if end == tomorrow, asOf < start { throw Problem.future(phrase, asOf: asOf) }
                throw Problem.backwards(phrase)
            }
            windows.append((span, range))
            index += 1
        }
        // In the order of the question ("H2 vs H1 2025": H2 is its own window, H1 the one it
        // is compared with); the forms are tried in another order.
        windows.sort { $0.phrase.location < $1.phrase.location }
        // "No earlier than 1 March 2026 and no later than 31 May 2026": a start and an end
        // joined by "and" are the two ends of one window (a blind test got two windows).
        if windows.count == 2, let start = windows[0].range.start,
            windows[0].range.end == asOf.adding(days: 1), windows[1].range.start == nil,
            let end = windows[1].range.end,
            Self.bothEnds.firstMatch(
                in: lowered,
                range: NSRange(
                    location: windows[0].phrase.upperBound,
                    length: max(0, windows[1].phrase.location - windows[0].phrase.upperBound)))
                != nil
        {
            guard start < end else {
                throw Problem.backwards(
                    Self.text(NSUnionRange(windows[0].phrase, windows[1].phrase), in: text))
            }
            let span = NSUnionRange(windows[0].phrase, windows[1].phrase)
            windows = [(span, DateRange(start: start, end: end, phrase: Self.text(span, in: text)))]
        }
        // "Ever", "all time", "since the beginning": the whole history up to the as-of date,
        // read as a window, so that a kind with a window of its own by default (organization
        // trends' 12 months) does not put it in place of the question's. A bare "ever" beside
        // another window only stresses it ("has anyone ever completed it in 2025").
        if let all = Self.allTime.firstMatch(in: lowered, range: whole),
            windows.isEmpty || !Self.stressing.contains(Self.text(all.range, in: lowered))
                || Self.comparing.firstMatch(in: lowered, range: whole) != nil
        {
            windows.append(
                (all.range, DateRange(start: nil, end: asOf.adding(days: 1), phrase: "all time")))
            windows.sort { $0.phrase.location < $1.phrase.location }
        }
        // "Enrollments at Initech compared with last year": the one window is what the
        // question compares with, and nothing is compared with it.
        if windows.count == 1,
            Self.prefix(before: windows[0].phrase, in: lowered, matching: Self.comparedWith) != nil
                || Self.changedBefore(windows[0].phrase, in: lowered)
        {
            let phrase = windows[0].range.phrase
            throw Problem.comparedWithNothing(
                phrase.replacingOccurrences(
                    of: #"^(?:from|on|over)\s+"#, with: "",
                    options: [.regularExpression, .caseInsensitive]))
        }
        for window in windows {
            if let start = window.range.start, asOf < start {
                throw Problem.future(window.range.phrase, asOf: asOf)
            }
        }
        let others = windows.dropFirst().filter {
            $0.range.start != windows[0].range.start || $0.range.end != windows[0].range.end
        }
        // "2025 against 2025": the comparison would vanish with the second window.
        if others.isEmpty, windows.count == 2,
            Self.compares(windows[0].phrase, windows[1].phrase, in: lowered)
        {
            throw Problem.sameWindow(windows[1].range.phrase)
        }
        // "Q3 vs Q2 vs Q1" was told to set its windows side by side with "against", which it
        // had (blind test 65): a comparison is of two.
        if windows.count > 2, others.count > 1,
            Self.compares(windows[0].phrase, windows[1].phrase, in: lowered)
        {
            throw Problem.moreWindows(windows.map(\.range.phrase))
        }
        // Two windows set against each other are a comparison; any other second window is
        // one too many.
        if let other = others.first,
            others.count > 1 || windows.count > 2
                || !Self.compares(windows[0].phrase, other.phrase, in: lowered)
        {
            throw Problem.twoWindows(windows[0].range.phrase, other.range.phrase)
        }
        if let leftover = Self.unread(lowered, original: text, used: windows.map(\.phrase)) {
            throw Problem.unreadable(leftover)
        }
        // "Q1 vs Q2 2025", "H2 vs H1 2025": the first window without a year is in the
        // second's year (it was Q1 2026, the latest, and then H2 2024, blind tests found).
        // Not when it would be the second itself: "Q2 vs Q2 last year", "March vs March 2025"
        // set Q2 2025 against Q2 2025 ("level", a blind test found): the first is the
        // latest begun, as alone.
        var first = others.first.map { sameYear(windows[0].range, as: $0.range) }
        let versus = others.first.map { inYearOf(windows[0].range, $0.range) }
        if let carried = first, let versus, carried.start == versus.start,
            carried.end == versus.end
        {
            first = windows[0].range
            if windows[0].range.start == versus.start, windows[0].range.end == versus.end {
                throw Problem.sameWindow(versus.phrase)
            }
        }
        return Reading(
            range: (first ?? windows.first?.range).map { counted($0) },
            versus: versus.map { counted($0) })
    }

    /// The bound a point takes from the words after it (`boundAfter`), with `word` the one
    /// before it: "2026-06-20 or later" and "between June 2025 and now" are since it, "Q1 or
    /// earlier" through it, "after June 20 inclusive" since June 20.
    /// - Throws: `Problem.unreadable` for words that contradict each other ("after Q1 or
    ///   earlier").
    private static func bound(
        _ word: String?, _ tail: NSTextCheckingResult, in text: String, phrase: String
    ) throws -> String? {
        let group = { (index: Int) in
            Range(tail.range(at: index), in: text).map { String(text[$0]) }
        }
        // Which side of the point the words after it open: later, earlier, or neither.
        let later: Bool? =
            group(2) != nil ? true : group(1).map(["later", "after", "beyond", "since"].contains)
        switch (later, group(3) != nil) {
        case (true?, _):
            // "In 2025 or later", "since March onwards".
            guard [nil, "in", "since", "from"].contains(word) else {
                throw Problem.unreadable(phrase)
            }
            return "since"
        case (false?, _):
            // "In 2024 or earlier", "until Q1 or before".
            guard [nil, "in", "until", "till", "through", "thru", "up to", "by"].contains(word)
            else { throw Problem.unreadable(phrase) }
            return "through"
        case (nil, true):
            // "After June 20 inclusive" counts June 20; "through Q1 inclusive" is as it was.
            return word == "after" ? "since" : word == "before" ? "through" : word
        case (nil, false):
            // An end that is now: "between June 2025 and now", "from 2026-06-20 to date".
            guard [nil, "between", "from", "since"].contains(word) else {
                throw Problem.unreadable(phrase)
            }
            return "since"
        }
    }

    /// A month, quarter or half without a year, in the year of `other`, which has one: "Q2"
    /// against "Q1 2025" is Q2 2025, "December" against "November 2025" December 2025.
    private func sameYear(_ bare: DateRange, as other: DateRange) -> DateRange {
        let phrase = bare.phrase.lowercased()
        guard let start = other.start,
            Self.yearWritten.firstMatch(
                in: other.phrase, range: NSRange(other.phrase.startIndex..., in: other.phrase))
                != nil,
            Self.bareUnit.firstMatch(in: phrase, range: NSRange(phrase.startIndex..., in: phrase))
                != nil,
            let yearEnd = CivilDate(iso: String(format: "%04d-12-31", start.year)),
            let reread = try? TimeWindow(asOf: yearEnd).read("in " + phrase),
            let range = reread.range, reread.versus == nil
        else { return bare }
        return DateRange(start: range.start, end: range.end, phrase: bare.phrase)
    }

    /// "March 2025 vs February": a second window without a year is the latest that began by
    /// the end of the first, not the latest before the as-of date (February 2026, a blind
    /// test found); "Q1 2026 vs Q4" is Q4 2025.
    private func inYearOf(_ first: DateRange, _ other: DateRange) -> DateRange {
        let phrase = other.phrase.lowercased()
        // "The first half of 2025 compared with the second half" is of one year: the other
        // half of it (it was the second half of 2024, blind test 40).
        if Self.secondHalf.firstMatch(in: phrase, range: NSRange(phrase.startIndex..., in: phrase))
            != nil,
            Self.firstHalf.firstMatch(
                in: first.phrase.lowercased(),
                range: NSRange(first.phrase.startIndex..., in: first.phrase)) != nil
        {
            return sameYear(other, as: first)
        }
        guard let end = first.end,
            Self.yearWritten.firstMatch(
                in: first.phrase, range: NSRange(first.phrase.startIndex..., in: first.phrase))
                != nil,
            Self.bareUnit.firstMatch(in: phrase, range: NSRange(phrase.startIndex..., in: phrase))
                != nil,
            let reread = try? TimeWindow(asOf: end.adding(days: -1)).read("in " + phrase),
            let range = reread.range, reread.versus == nil
        else { return other }
        return DateRange(start: range.start, end: range.end, phrase: other.phrase)
    }

    private static let yearWritten = regex(#"\b(?:19|20)\d{2}\b"#)
    private static let secondHalf = regex(#"^(?:in\s+|the\s+)*(?:second|2nd)\s+half$|^h2$"#)
    private static let firstHalf = regex(#"\b(?:first|1st)\s+half\b|\bh1\b"#)
    /// A month, quarter or half named without a year.
    private static let bareUnit = regex(
        #"^(?:in\s+|the\s+)*(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:half|quarter)|h[12]|q[1-4]|"#
            + monthPattern + #")$"#)

    /// A window as it is counted: no day after the as-of date, which the data does not hold
    /// yet ("in 2026" as of 2026-09-30 ends on 2026-09-30, and its months after September
    /// are not periods of 0 enrollments). The phrase stays the question's.
    private func counted(_ range: DateRange) -> DateRange {
        let tomorrow = asOf.adding(days: 1)
        guard let end = range.end, tomorrow < end else { return range }
        return DateRange(start: range.start, end: tomorrow, phrase: range.phrase)
    }
}

extension TimeWindow.Problem {
    /// The matcher's error for this problem.
    var reason: MatchError.Reason {
        switch self {
        case .impossibleDate(let date): return .impossibleDate(date)
        case .twoWindows(let first, let second): return .twoWindows(first, second)
        case .unreadable(let phrase): return .unreadableTime(phrase)
        case .backwards(let phrase): return .backwardsWindow(phrase)
        case .unequal(let own, let other): return .unequalWindows(own, other)
        case .comparedWithNothing(let other): return .comparedWithNothing(other)
        case .future(let phrase, let asOf): return .futureWindow(phrase, asOf: asOf.description)
        case .sameWindow(let phrase): return .sameWindow(phrase)
        case .moreWindows(let phrases): return .moreWindows(phrases)
        }
    }
}
