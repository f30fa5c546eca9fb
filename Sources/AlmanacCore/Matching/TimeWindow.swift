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
    }

    enum Problem: Error, Equatable {
        case impossibleDate(String)
        case twoWindows(String, String)
        /// A time-like phrase no form could use.
        case unreadable(String)
        /// The window ends before it starts.
        case backwards(String)
        /// The window starts after the as-of date: there can be no data in it.
        case future(String, asOf: CivilDate)
    }

    /// A span of days named by the question, before any operator applies.
    private struct Point {
        var range: NSRange
        var start: CivilDate
        /// The first day after it.
        var end: CivilDate
        /// A month or quarter written without a year, placed at its latest start on or
        /// before A; `from January to June 2025` moves it to the other end's year.
        var yearless: (unit: Int, index: Int)?
        /// A span that only makes sense on its own (`past 30 days`, `this month`): no
        /// operator applies to it.
        var standalone = false
        /// `3 weeks ago`: a day that needs `since`, `after` or `before`.
        var needsOperator = false
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    private static let monthPattern =
        #"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"#
    private static let year = #"((?:19|20)\d{2})"#
    private static let count =
        #"(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty)"#
    private static let ordinals = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]
    private static let counts = [
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
            #"\b(?:in |over |during |for |within )?(?:the )?(?:past|last|previous|prior|recent|trailing)\s+"#
                + count + #"\s+(day|week|month|quarter|year)s?\b"#
        ),
        ("ago", #"\b"# + count + #"\s+(day|week|month|quarter|year)s?\s+ago\b"#),
        ("to-date", #"\b(?:(year|month|quarter|week)[- ]to[- ]date|(ytd|mtd|qtd|wtd))\b"#),
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
        ("month", #"\b"# + monthPattern + #"(?:,?\s+(?:of\s+)?"# + year + #")?\b"#),
        ("year", #"\b"# + year + #"\b(?!-\d)"#),
        ("day", #"\b(today|yesterday)\b"#),
    ].map { ($0.0, regex($0.1)) }

    /// What the words just before a point make of it.
    private static let operatorBefore = regex(
        #"\b(between|from|since|after|before|prior to|until|till|through|thru|up to|up until|by|in|during|for|on|of|within|as of|over|at)\s+(?:the\s+(?:(start|end|beginning)\s+of\s+)?)?$"#
    )
    /// What may join the two ends of a range.
    private static let connector = regex(#"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$"#)

    /// Words that say "when" and that a point must account for.
    private static let timeLike: [NSRegularExpression] = [
        #"\b(?:19|20)\d{2}\b"#,
        #"\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b"#,
        #"\bmay\s+(?:19|20)\d{2}\b"#,
        #"\b(?:in|since|before|after|until|during|from|through)\s+may\b"#,
        #"(?<!per )(?<!by )(?<!each )(?<!every )\bquarters?\b(?! by quarter)"#, #"\bq[1-4]\b"#,
        #"\bh[12]\b"#, #"\bhalf[- ]years?\b"#,
        #"\b(?:first|second|1st|2nd|last|this|next)\s+half\b"#,
        #"\bbetween\b(?!\s+(?:‹badge›|badges|courses|organi[sz]ations|companies|teams|them|the two|these))"#,
        #"\bsince\b"#,
        #"\bbefore\b(?!\s+(?:(?:taking|starting|enrolling|doing|attempting|tackling|trying|they|moving|going|completing|finishing|earning|getting|it|that|them|this|one|another|the next)\b|(?:the\s+)?‹badge›))"#,
        #"\b(?:until|till|thru)\b"#, #"\bago\b"#, #"\bto[- ]date\b"#, #"\b(?:ytd|mtd|qtd|wtd)\b"#,
        #"\bfiscal\b"#, #"\bfy\s?'?\d*\b"#, #"\bholidays?\b"#, #"\bsemesters?\b"#,
        #"\bterms?\s+(?:\d|one|two|three)"#,
        #"\bseasons?\b"#, #"\bseasonal"#, #"\b(?:summer|winter|spring|autumn)\b"#,
        #"\bweekends?\b"#,
        #"\bfortnights?\b"#, #"\bdecades?\b"#, #"\b(?:yesterday|today|tomorrow|tonight)\b"#,
        #"\b(?:last|this|next|previous|past|coming|prior|recent|upcoming|current)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|quarters?|halfs?|halves)\b"#,
        #"\brecently\b"#, #"\blately\b"#, #"\bthese days\b"#, #"\bearlier this\b"#,
        #"\b\d{4}-\d{1,2}(?:-\d{1,2})?\b"#, #"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"#,
        // Units and modifiers a point leaves over: "the first week of 2025", "early 2025",
        // "3 months after", "the 12 months ending June", "not in 2025".
        #"(?<!how many )(?<!per )(?<!by )(?<!each )(?<!every )(?<!in )(?<!a )(?<!of )\b(?:days?|weeks?|months?|years?)\b(?!\s+(?:by|over|to|between|apart|later|long|on)\b)(?![- ](?:by|over|on)\b)"#,
        #"\b(?:early|mid|late)[- ]?(?:in\s+)?(?:19|20)\d{2}\b"#, #"\b(?:ending|ended)\b"#,
        #"\band a half\b"#,
        #"\b(?:not|except|outside|excluding|apart from)\s+(?:in\s+|during\s+|for\s+)?(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|last|this|january|february|march|april|june|july|august|september|october|november|december)"#,
        #"\b(?:start|beginning|end)\s+of\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|this|last|next|current|january|february|march|april|may|june|july|august|september|october|november|december|week|month|quarter|year)"#,
        #"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"#,
        #"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\d)"#,
        #"\bchristmas\b"#, #"\blaunch\b"#, #"\breorg\b"#, #"\bpandemic\b"#, #"\bcovid\b"#,
    ].map(regex)

    /// The forms that work, for error messages.
    static let forms = """
        in 2025 · in March 2025 · in Q3 2025 · the third quarter of 2025 · on 2025-03-04 · \
        between 2025-03-01 and 2025-06-30 · from January to June 2025 · since March 2025 · \
        after 2025-03-01 · before 2025 · until Q2 2025 · this/last week, month, quarter or year · \
        year to date · month to date · past 30 days (also weeks, months, quarters, years) · \
        today · yesterday
        """

    /// - Throws: `Problem` for a date that does not exist, two different windows, a window
    ///   that ends before it starts or starts after A, and any time-like word left unread.
    func read(_ text: String) throws -> Reading {
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
                if form == "month", groups[0] == "may", groups[1] == nil,
                    Self.prefix(before: match.range, in: lowered, matching: Self.operatorBefore)
                        == nil
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
            let word = lead.map { String(lowered[Range($0.range(at: 1), in: lowered)!]) }
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
            let phrase = Self.text(span, in: text)
            let tomorrow = asOf.adding(days: 1)
            let range: DateRange
            switch first.standalone ? nil : word {
            case "since", "from", "as of":
                range = DateRange(start: first.start, end: tomorrow, phrase: phrase)
            case "after":
                range = DateRange(start: first.end, end: tomorrow, phrase: phrase)
            case "before", "prior to":
                range = DateRange(start: nil, end: first.start, phrase: phrase)
            case "until", "till", "through", "thru", "up to", "up until", "by":
                range = DateRange(start: nil, end: first.end, phrase: phrase)
            default:
                if first.needsOperator { throw Problem.unreadable(phrase) }
                range = DateRange(start: first.start, end: first.end, phrase: phrase)
            }
            if let start = range.start, let end = range.end, !(start < end) {
                throw Problem.backwards(phrase)
            }
            windows.append((span, range))
            index += 1
        }
        for window in windows {
            if let start = window.range.start, asOf < start {
                throw Problem.future(window.range.phrase, asOf: asOf)
            }
        }
        if let other = windows.dropFirst().first(where: {
            $0.range.start != windows[0].range.start || $0.range.end != windows[0].range.end
        }) {
            throw Problem.twoWindows(windows[0].range.phrase, other.range.phrase)
        }
        if let leftover = Self.unread(lowered, original: text, used: windows.map(\.phrase)) {
            throw Problem.unreadable(leftover)
        }
        return Reading(range: windows.first?.range)
    }

    // MARK: - Points

    private func point(_ form: String, _ groups: [String?], phrase: String, range: NSRange) throws
        -> Point?
    {
        let tomorrow = asOf.adding(days: 1)
        func unit(_ name: String) -> Int {
            switch name {
            case "day": return 0
            case "week": return 1
            case "month": return 2
            case "quarter": return 3
            default: return 4
            }
        }
        switch form {
        case "iso":
            guard let day = CivilDate(iso: phrase), phrase.count == 10 else {
                throw Problem.impossibleDate(phrase)
            }
            return Point(range: range, start: day, end: day.adding(days: 1))
        case "rolling":
            guard let count = Self.number(groups[0]), count > 0, let name = groups[1] else {
                return nil
            }
            // Past 999 units is no window a report means; the start would leave the calendar.
            guard count < 1000 else { throw Problem.unreadable(phrase) }
            return Point(
                range: range, start: back(count, unit(name)), end: tomorrow, standalone: true)
        case "ago":
            guard let count = Self.number(groups[0]), count > 0, let name = groups[1] else {
                return nil
            }
            let day = back(count, unit(name))
            return Point(range: range, start: day, end: day.adding(days: 1), needsOperator: true)
        case "to-date":
            let name =
                groups[0] ?? ["ytd": "year", "mtd": "month", "qtd": "quarter", "wtd": "week"][
                    groups[1] ?? ""] ?? "year"
            return Point(
                range: range, start: start(of: unit(name), containing: asOf), end: tomorrow,
                standalone: true)
        case "unit":
            guard let which = groups[0], let name = groups[1] else { return nil }
            let current = start(of: unit(name), containing: asOf)
            switch which {
            case "this", "current", "the":
                return Point(range: range, start: current, end: tomorrow)
            case "past":
                return Point(
                    range: range, start: back(1, unit(name)), end: tomorrow, standalone: true)
            default:
                let previous = start(of: unit(name), containing: current.adding(days: -1))
                return Point(range: range, start: previous, end: current)
            }
        case "half", "year-half":
            let half: Int
            let year: Int?
            if form == "half" {
                half =
                    groups[0].flatMap { Int($0) } ?? (["first": 1, "1st": 1][groups[1] ?? ""] ?? 2)
                year = groups[2].flatMap { Int($0) }
            } else {
                year = groups[0].flatMap { Int($0) }
                half = groups[1].flatMap { Int($0) } ?? 1
            }
            return span(unit: 6, index: half, year: year, range: range)
        case "quarter", "year-quarter":
            let quarter: Int
            let year: Int?
            if form == "quarter" {
                quarter =
                    groups[0].flatMap { Int($0) } ?? groups[1].flatMap { Self.ordinals[$0] } ?? 1
                year = groups[2].flatMap { Int($0) }
            } else {
                year = groups[0].flatMap { Int($0) }
                quarter = groups[1].flatMap { Int($0) } ?? 1
            }
            return span(unit: 3, index: quarter, year: year, range: range)
        case "month":
            guard let name = groups[0],
                let month = Self.months.firstIndex(where: { $0.hasPrefix(name) })
            else { return nil }
            return span(
                unit: 1, index: month + 1, year: groups[1].flatMap { Int($0) }, range: range)
        case "year":
            guard let year = groups[0].flatMap({ Int($0) }),
                let start = CivilDate(year: year, month: 1, day: 1)
            else { return nil }
            return Point(
                range: range, start: start, end: CivilDate(year: year + 1, month: 1, day: 1)!)
        case "day":
            let day = groups[0] == "today" ? asOf : asOf.adding(days: -1)
            return Point(range: range, start: day, end: day.adding(days: 1))
        default:
            return nil
        }
    }

    /// A month (`months` 1) or quarter (3) of a year; without a year, the latest one that
    /// began on or before A.
    private func span(unit months: Int, index: Int, year: Int?, range: NSRange) -> Point {
        var point = Point(range: range, start: asOf, end: asOf)
        place(&point, months: months, index: index, year: year ?? asOf.year)
        if year == nil {
            if asOf < point.start {
                place(&point, months: months, index: index, year: asOf.year - 1)
            }
            point.yearless = (months, index)
        }
        return point
    }

    private func place(_ point: inout Point, months: Int, index: Int, year: Int) {
        let start = CivilDate(year: year, month: (index - 1) * months + 1, day: 1)!
        point.start = start
        point.end = start.adding(months: months)
    }

    /// `from January to June 2025`: a yearless end takes the other end's year, and the start
    /// moves a year back if it would come after the end.
    private func align(_ first: inout Point, _ last: inout Point) throws {
        if let yearless = first.yearless, last.yearless == nil {
            place(&first, months: yearless.unit, index: yearless.index, year: last.start.year)
            if !(first.start < last.end) {
                place(
                    &first, months: yearless.unit, index: yearless.index, year: last.start.year - 1)
            }
        } else if let yearless = last.yearless {
            let year = first.yearless == nil ? first.start.year : last.start.year
            place(&last, months: yearless.unit, index: yearless.index, year: year)
            if !(first.start < last.end) {
                place(&last, months: yearless.unit, index: yearless.index, year: year + 1)
            }
            if first.yearless != nil, asOf < last.start {
                // Both yearless and the end is still to come: the whole range is a year back.
                let back = (first.yearless!, yearless)
                place(&last, months: back.1.unit, index: back.1.index, year: last.start.year - 1)
                place(&first, months: back.0.unit, index: back.0.index, year: first.start.year - 1)
            }
        }
    }

    /// The first day of the calendar unit (1 week, 2 month, 3 quarter, 4 year) holding `day`.
    private func start(of unit: Int, containing day: CivilDate) -> CivilDate {
        switch unit {
        case 0: return day
        case 1: return day.adding(days: 1 - day.isoWeekday)
        case 2: return CivilDate(year: day.year, month: day.month, day: 1)!
        case 3: return CivilDate(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
        default: return CivilDate(year: day.year, month: 1, day: 1)!
        }
    }

    /// The first day of the last `count` units up to and including A: (A + 1 day) − count units.
    private func back(_ count: Int, _ unit: Int) -> CivilDate {
        let tomorrow = asOf.adding(days: 1)
        switch unit {
        case 0: return tomorrow.adding(days: -count)
        case 1: return tomorrow.adding(days: -7 * count)
        case 2: return tomorrow.adding(months: -count)
        case 3: return tomorrow.adding(months: -3 * count)
        default: return tomorrow.adding(months: -12 * count)
        }
    }

    private static func number(_ text: String?) -> Int? {
        guard let text else { return nil }
        return Int(text) ?? counts[text]
    }

    // MARK: - Words around points

    /// The operator that ends right where `range` starts.
    private static func prefix(
        before range: NSRange, in text: String, matching regex: NSRegularExpression
    ) -> NSTextCheckingResult? {
        let before = NSRange(location: 0, length: range.location)
        return regex.firstMatch(in: text, range: before)
    }

    /// Whether only a connector lies between two points.
    private static func joined(
        _ first: NSRange, _ second: NSRange, in text: String, and allowsAnd: Bool
    ) -> Bool {
        let gap = NSRange(location: first.upperBound, length: second.location - first.upperBound)
        guard gap.length >= 0, let range = Range(gap, in: text) else { return false }
        let words = String(text[range])
        guard connector.firstMatch(in: words, range: NSRange(words.startIndex..., in: words)) != nil
        else { return false }
        return allowsAnd || words.trimmingCharacters(in: .whitespaces) != "and"
    }

    private static func text(_ range: NSRange, in text: String) -> String {
        // Lower case keeps the offsets of almost every text; for the rare one it does not,
        // the phrase is quoted in lower case.
        let text = text.lowercased().utf16.count == text.utf16.count ? text : text.lowercased()
        guard let bounds = Range(range, in: text) else { return "" }
        return String(text[bounds]).trimmingCharacters(in: .whitespaces)
    }

    /// The first time-like phrase outside every window that was read.
    private static func unread(_ lowered: String, original: String, used: [NSRange]) -> String? {
        let whole = NSRange(lowered.startIndex..., in: lowered)
        var first: NSRange?
        for regex in timeLike {
            for match in regex.matches(in: lowered, range: whole)
            where !used.contains(where: {
                NSIntersectionRange($0, match.range).length == match.range.length
            }) {
                if first == nil || match.range.location < first!.location { first = match.range }
            }
        }
        return first.map { text(widened($0, in: lowered), in: original) }
    }

    private static let leading = regex(
        #"(?:\b(?:during|in|over|this|last|next|the|for|of|at|around|on)\s+)+$"#)
    private static let trailing = regex(#"^\s+(?:the\s+)?[\w'’-]+"#)

    /// A leftover word with the words that make it a phrase: "during the holidays",
    /// "since the launch", "in fiscal 2025".
    private static func widened(_ range: NSRange, in text: String) -> NSRange {
        var range = range
        if let lead = leading.firstMatch(
            in: text, range: NSRange(location: 0, length: range.location))
        {
            range = NSUnionRange(lead.range, range)
        }
        let word =
            (text as NSString).substring(with: range).split(separator: " ").last.map(String.init)
            ?? ""
        if ["since", "before", "until", "till", "thru", "between", "fiscal", "after"].contains(word)
        {
            let rest = NSRange(
                location: range.upperBound, length: (text as NSString).length - range.upperBound)
            if let tail = trailing.firstMatch(in: text, range: rest) {
                range = NSUnionRange(range, tail.range)
            }
        }
        return range
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
        case .future(let phrase, let asOf): return .futureWindow(phrase, asOf: asOf.description)
        }
    }
}
