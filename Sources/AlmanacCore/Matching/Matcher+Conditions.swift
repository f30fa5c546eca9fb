import Foundation

extension Matcher {
    // MARK: - Conditions

    /// What every route must pass, the rules' or the model's: no condition that no analysis
    /// applies (a threshold, a category), no name misspelt or cut short, at most one badge
    /// and one organization. Returns the names the question mentions.
    func conditions(
        _ text: String, masked: String, mentions: [EntityFinder.Found],
        comparing: EntityFinder.Kind? = nil, _ failure: (MatchError.Reason) -> MatchError
    ) throws -> (badge: String?, organization: String?) {
        let whole = NSRange(masked.startIndex..., in: masked)
        // An alternative that reads a whole clause quotes its line alone (group 1, 2, …).
        if let threshold = Self.threshold.firstMatch(in: masked, range: whole),
            let range = Range(
                (1..<threshold.numberOfRanges).lazy.map(threshold.range(at:)).first {
                    $0.location != NSNotFound
                } ?? threshold.range, in: masked)
        {
            throw failure(.threshold(String(masked[range])))
        }
        // A name in quotes is surely meant whole: refuse it before a near miss inside it.
        let unknown = entities.unknownName(in: text, excluding: mentions)
        if let phrase = categoryNamedAsBadge(text, mentions) { throw failure(.category(phrase)) }
        if let category = categories?.firstMatch(in: masked, range: whole)
            ?? Self.byCategory.firstMatch(in: masked, range: whole),
            let range = Range(category.range, in: masked)
        {
            let phrase = String(masked[range])
            // "The Rust Programming badge": a badge's name that ends in a category's word is
            // a name the database does not have, not a category.
            if let unknown, let word = phrase.split(separator: " ").first {
                let written = unknown.written + " " + word
                if text.lowercased().contains(written.lowercased()) {
                    throw failure(
                        .noSuchName(
                            kind: "badge", written: written,
                            closest: entities.closest(to: written, kind: .badge)))
                }
            }
            throw failure(.category(phrase))
        }
        let notFound = unknown.map { failure($0.reason) }
        if let notFound, unknown?.quoted == true { throw notFound }
        // The longest run of words first: "South West" is the start of "South West Region",
        // and its "West" only that of "West Midlands Region".
        let misses = entities.nearMisses(in: text, excluding: mentions)
        if let miss = misses.enumerated().min(by: {
            ($1.element.range.count, $0.offset) < ($0.element.range.count, $1.offset)
        })?.element {
            // "North" begins "North Region" and "North Western Region": both are named.
            let alike = misses.filter { $0.range == miss.range && $0.distance == miss.distance }
            if alike.count > 1 {
                throw failure(
                    .noSuchName(
                        kind: Set(alike.map(\.kind)).count == 1 ? miss.kind.rawValue : nil,
                        written: miss.written,
                        closest: alike.map(\.name).sorted { ($0.count, $0) < ($1.count, $1) }))
            }
            throw failure(
                .unknownName(kind: miss.kind.rawValue, written: miss.written, suggestion: miss.name)
            )
        }
        if let notFound { throw notFound }
        if let numbered = Self.numberedName(masked, mentions) {
            throw failure(
                .noSuchName(kind: "badge", written: numbered.written, closest: [numbered.name]))
        }
        if let fragment = entities.fragment(in: masked) {
            throw failure(
                .noSuchName(
                    kind: fragment.kind?.rawValue, written: fragment.written,
                    closest: fragment.names))
        }
        var found: (badge: String?, organization: String?) = (nil, nil)
        for kind in [EntityFinder.Kind.badge, .organization] where kind != comparing {
            let names = Self.names(of: kind, in: mentions)
            if names.count > 1 { throw failure(.severalNames(kind: kind.rawValue, names: names)) }
            if kind == .badge {
                found.badge = names.first
            } else {
                found.organization = names.first
            }
        }
        return found
    }

    /// "The Data badges", "the Data category": a badge that has its category's name, named in
    /// the plural or with "category", means the category (a blind test found the one badge's
    /// numbers given for it). "The Data badge" stays the badge.
    private func categoryNamedAsBadge(_ text: String, _ mentions: [EntityFinder.Found])
        -> String?
    {
        guard let categories, mentions.contains(where: { $0.kind == .badge }) else { return nil }
        let whole = NSRange(text.startIndex..., in: text)
        for match in categories.matches(in: text, range: whole)
        where match.range(at: 1).location != NSNotFound {
            guard let range = Range(match.range, in: text) else { continue }
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let span = start..<(start + text[range].count)
            if mentions.contains(where: {
                $0.kind == .badge && span.lowerBound <= $0.range.lowerBound
                    && $0.range.upperBound <= span.upperBound
            }) {
                return String(text[range])
            }
        }
        return nil
    }

    /// Puts a question's windows into its match. "Last year compared to this year": the later
    /// window is the one counted as of the as-of date, the earlier one at the same age,
    /// whichever is named first. A window with no first day ("before 2025", "all time") is the
    /// one compared with: the comparison counts from the other's first day.
    /// - Throws: two windows that both have no first day.
    static func place(
        _ window: TimeWindow.Reading, in match: inout Match,
        _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        match.filters.dateRange = window.range
        match.versus = window.versus
        if let versus = window.versus, let range = window.range {
            switch (range.start, versus.start) {
            case (nil, nil): throw failure(.twoWindows(range.phrase, versus.phrase))
            case (nil, _?):
                match.filters.dateRange = versus
                match.versus = range
            case (let start?, let other?) where start < other:
                match.filters.dateRange = versus
                match.versus = range
            default: break
            }
        }
        // "2014 against in 2013", "June 2026 against in May 2026": the window compared with
        // is named after "against", where its own "in" is one word too many.
        if var versus = match.versus,
            let bare = versus.phrase.range(
                of: #"^(?:in|during|for|of)\s+"#, options: [.regularExpression, .caseInsensitive])
        {
            versus.phrase.removeSubrange(bare)
            match.versus = versus
        }
    }

    /// Learning paths have no comparison windows, and periods are not compared whole.
    static func refuseUncomparedWindows(
        _ match: Match, asOf: CivilDate?, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        guard let versus = match.versus else { return }
        if let range = match.filters.dateRange, !Self.comparable(range, versus, asOf: asOf) {
            throw failure(.unequalWindows(range.phrase, versus.phrase))
        }
        // A series, or growth (itself against the period before), has no one value per row to
        // set beside the other window's: its periods would each count against nothing.
        if match.intent.dimension == .period || match.intent.measure == .growth {
            throw failure(.seriesAgainstWindow(versus.phrase))
        }
        if match.kind.keyMeasures == nil {
            throw failure(.twoWindows(match.filters.dateRange?.phrase ?? "", versus.phrase))
        }
    }

    /// Whether two windows set side by side compare: as long (whole months by their count of
    /// months, so a quarter against a quarter though one has 90 days and the other 92; any
    /// other by days, within a tenth: "the last 30 days against August"), or the question's
    /// own runs to the as-of date and the other starts a whole number of its own lengths
    /// before it ("this year against last year", "this quarter against last quarter" in its
    /// second month), so that counting the other at the same age compares like with like.
    /// "Q3 2026 against last year" does not: last year, counted at the same age, would be
    /// its first quarter. A window with an open end is not measured.
    static func comparable(_ range: DateRange, _ versus: DateRange, asOf: CivilDate?) -> Bool {
        guard let a = range.start, let b = range.end, let c = versus.start, let d = versus.end
        else { return true }
        let months = CivilDate.wholeMonths(from:to:)
        // Running to the as-of date, shorter, a whole number of the other's months (or, for
        // a window of days such as a week, of its days) after it.
        if let asOf, b == asOf.adding(days: 1) {
            if let other = months(c, d), b <= a.adding(months: other),
                let apart = months(c, a), apart > 0, apart % other == 0
            {
                return true
            }
            let other = d.daysSinceEpoch - c.daysSinceEpoch
            let apart = a.daysSinceEpoch - c.daysSinceEpoch
            if months(c, d) == nil, other > 0, b.daysSinceEpoch - a.daysSinceEpoch <= other,
                apart > 0, apart % other == 0
            {
                return true
            }
        }
        if let one = months(a, b), let other = months(c, d) { return one == other }
        let one = Double(b.daysSinceEpoch - a.daysSinceEpoch)
        let other = Double(d.daysSinceEpoch - c.daysSinceEpoch)
        return abs(one - other) <= 0.1 * max(one, other)
    }

    /// The names of one kind a question gives, each once, in the order it gives them.
    static func names(of kind: EntityFinder.Kind, in mentions: [EntityFinder.Found]) -> [String] {
        var names: [String] = []
        for mention in mentions where mention.kind == kind && !names.contains(mention.name) {
            names.append(mention.name)
        }
        return names
    }

    /// The most names a comparison sets side by side.
    static let comparedLimit = 5

    /// Two to five badges, or organizations, named in one question are compared side by
    /// side: the question is read as a breakdown by them, cut to them. Returns the kind
    /// compared, whose names are then no filter.
    func compare(
        _ match: inout Match, mentions: [EntityFinder.Found],
        _ failure: (MatchError.Reason) -> MatchError
    ) throws -> EntityFinder.Kind? {
        let badges = Self.names(of: .badge, in: mentions)
        let organizations = Self.names(of: .organization, in: mentions)
        guard badges.count > 1 || organizations.count > 1 else { return nil }
        // Several of both, or several badges of a sequence, is not one comparison.
        let (kind, names, dimension): (EntityFinder.Kind, [String], Breakdown) =
            badges.count > 1
            ? (.badge, badges, .badge) : (.organization, organizations, .organization)
        guard badges.count < 2 || organizations.count < 2, !match.intent.measure.isSequence,
            names.count <= Self.comparedLimit, match.intent.measure != .growth,
            match.intent.dimension == nil || match.intent.dimension == dimension
        else {
            throw failure(.severalNames(kind: kind.rawValue, names: names))
        }
        match.intent.dimension = dimension
        match.intent.compared = names
        if match.routing == .rules {
            guard
                let routed = Self.kind(
                    for: match.intent, badgeNamed: !badges.isEmpty,
                    organizationNamed: !organizations.isEmpty)
            else {
                throw failure(
                    .unsupported(measure: match.intent.measure.words, dimension: dimension.rawValue)
                )
            }
            match.kind = routed
        } else if !match.intent.measure.answers(match.kind) {
            throw failure(
                .unsupported(measure: match.intent.measure.words, dimension: dimension.rawValue))
        }
        return kind
    }

    /// A question's text as the rules read it, the names it gives (a name one edit from
    /// exactly one real name read as that name), and the text with those names masked.
    struct Reading {
        /// The question as written (folded), before its shorthand is written out.
        var written = ""
        var text: String
        var mentions: [EntityFinder.Found]
        var corrections: [NameCorrection]
        var masked: String
    }

    func read(_ question: String) -> Reading {
        let plain = Self.normalized(question)
        // Shorthand is written out around the names, never inside one ("PPL Ground School").
        let names = entities.exact(in: plain)
        let text = Self.expandingShorthand(
            plain, outside: names.map(\.range), expand: memo.shorthand)
        // Most questions hold no shorthand: their names are those just found.
        let found = text == plain ? names : entities.exact(in: text)
        let exact = entities.writtenTwins(
            entities.outsideLongerMisses(
                entities.outsideEverydayWords(found, in: text), in: text),
            question: question)
        let (mentions, corrections) = entities.corrections(in: text, excluding: exact)
        return Reading(
            written: plain, text: text, mentions: mentions, corrections: corrections,
            masked: Self.masked(text, mentions))
    }

    /// Refuses a question about a measure the data does not hold ("revenue", "ratings").
    func refuseAbsentMeasures(_ masked: String, _ failure: (MatchError.Reason) -> MatchError)
        throws
    {
        let lowered = masked.lowercased()
        let whole = NSRange(lowered.startIndex..., in: lowered)
        if let found = Self.absentMeasure.firstMatch(in: lowered, range: whole),
            let range = Range(found.range, in: lowered)
        {
            throw failure(.absentMeasure(String(lowered[range])))
        }
    }

    /// Periods are what an analysis counts: enrollments and completions per day, week, month
    /// or quarter (organization trends), and rates and status counts per month of enrollment
    /// (completion metrics' cohorts). A "weekly completion rate" or "which year had the most"
    /// would be a number no statement computes. `peak` is the unit a peak named ("year").
    func refuseUncomputedPeriods(
        _ peak: String?, _ match: Match, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        let computed: Bool
        switch match.kind {
        case .organizationTrends:
            // Learners who completed per month were the month's completions (510 in January
            // 2026, where 495 learners completed): periods count enrollments, not people.
            computed =
                match.intent.measure != .learners && !match.intent.people
                && (peak == nil || match.granularity != nil)
        case .completionMetrics:
            computed = match.granularity == .month || match.granularity == nil && peak == nil
        default: computed = true
        }
        guard computed else {
            let unit = peak ?? match.granularity?.rawValue ?? "period"
            let words =
                !match.intent.people
                ? match.intent.measure.words
                : match.intent.measure == .dropouts
                    ? "learners who dropped out" : "learners who completed"
            throw failure(.unsupported(measure: words, dimension: unit))
        }
    }

    private static let absentMeasure = try! NSRegularExpression(
        pattern: Vocabulary.absentMeasures, options: [.caseInsensitive])
    // MARK: - The text the rules read

    /// The question as the rules read it: compatibility forms folded (full-width "２０２５"),
    /// every decimal digit as its ASCII digit ("٢٠٢٥"), and format characters (a pasted
    /// right-to-left mark, a zero-width space) and combining marks dropped, so that none of
    /// them can hide a time word or a name. Errors still quote the question as written.
    static func normalized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format: continue
            // Marks on ASCII letters and digits ("Q́3", an accent on a year's digit); the marks
            // of other scripts are part of their letters.
            case .nonspacingMark where scalars.last?.isASCII == true: continue
            case .enclosingMark where scalars.last?.isASCII == true: continue
            case .decimalNumber:
                let digit = scalar.properties.numericValue.map { Int($0) } ?? 0
                scalars.append(Unicode.Scalar(UInt8(48 + digit)))
            default: scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// "Python Basics 2": a badge's name with a number after it that counts nothing, a name
    /// the database does not have (a blind test got Python Basics' learners). "Python Basics
    /// 2025", "Python Basics 2 years ago" and "Python Basics 3 times" are other things.
    static func numberedName(_ masked: String, _ mentions: [EntityFinder.Found])
        -> (written: String, name: String)?
    {
        let whole = NSRange(masked.startIndex..., in: masked)
        guard let found = numberAfterBadge.firstMatch(in: masked, range: whole),
            let range = Range(found.range, in: masked),
            let number = Range(found.range(at: 1), in: masked)
        else { return nil }
        let before = masked[..<range.lowerBound].components(separatedBy: "‹badge›").count - 1
        let badges = mentions.filter { $0.kind == .badge }
        guard before < badges.count else { return nil }
        let name = badges[before].name
        return (name + " " + masked[number], name)
    }

    private static let numberAfterBadge = try! NSRegularExpression(
        pattern:
            #"‹badge›\s+(\d{1,2})\b(?![.,:/]\d)(?!\s*(?:%|percent|st\b|nd\b|rd\b|th\b|days?|weeks?|months?|years?|quarters?|hours?|times?|learners?|people|students|users|enrol\w*|completions?|badges?|courses?|organi[sz]ations?|orgs?|of\b|or\b|and\b|to\b|-))"#,
        options: [.caseInsensitive])

    /// The question with each name it mentions replaced by `‹badge›` or `‹org›`, so that the
    /// words and dates of a name ("Class of 2024") are not read as the question's own.
    static func masked(_ text: String, _ mentions: [EntityFinder.Found]) -> String {
        let characters = Array(text)
        guard !mentions.isEmpty, characters.count == Array(text.lowercased()).count else {
            return text
        }
        var result = ""
        var index = 0
        for mention in mentions where mention.range.lowerBound >= index {
            result += String(characters[index..<mention.range.lowerBound])
            result += mention.kind == .badge ? "‹badge›" : "‹org›"
            index = mention.range.upperBound
        }
        return result + String(characters[index...])
    }
}
