import Foundation

/// The intent's parts read from a question's wording, before the kind is chosen.
struct Wording: Equatable {
    var measure: Measure?
    /// The measure came from a broad word only ("popular", "how many"), with nothing that ties
    /// the question to learning data.
    var unanchored = false

    /// The measure, when specific words name it: not a count or learners read from "how
    /// many", "popular" or "take", which `kind:` and a file's rule are there to route.
    var specificMeasure: Measure? {
        guard let measure, !unanchored, measure != .enrollments, measure != .learners else {
            return nil
        }
        return measure
    }
    /// A count word before the people or enrollments it counts: "the most learners", "how
    /// many Initech users", "number of enrollments".
    var countsNamed = false

    /// A count of what the words name, which a file's rule routed to `kind`: a rule gave
    /// "Which five badges have the most learners?" the completion rate, and "How many
    /// enrollments does each organization have?" learning paths (blind test 55). Learning
    /// paths count learners. A `kind:` the user wrote is left to read its own words ("which
    /// badges do the most learners take together" with `kind: learning_paths`).
    func countNamed(routedTo kind: AnalysisKind) -> Measure? {
        guard let measure, countsNamed, !(measure == .learners && kind == .learningPaths),
            measure == .enrollments || measure == .learners
        else { return nil }
        return measure
    }
    /// A rate, time or status the words also ask for beside a learning-path measure ("the
    /// drop-out rate of learning paths"): no kind computes it per path, and the paths'
    /// page answered without it.
    var rateOfSequence: Measure?
    /// The period the words name ("monthly", "busiest week"), not one a reading implies
    /// ("when did … peak" is read by month).
    var statedGranularity: Granularity?
    var dimension: Breakdown?
    var ranking: Ranking?
    var granularity: Granularity?
    /// "Which month had the most …": the unit of the periods to rank ("year" included, which
    /// no analysis breaks down by).
    var peak: String?
    /// The count is of people: distinct learners.
    var people = false
    /// A word of a series ("trend", "over time", "historical"), whatever breakdown won.
    var seriesAsked = false
    /// "Completed enrollments": the enrollments of the window that were completed.
    var completedEnrollments = false

    private static func compile(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    private static let measures = Vocabulary.measures.map { ($0.measure, $0.patterns.map(compile)) }
    private static let anchors = Vocabulary.anchors.map(compile)
    private static let countWords = compile(Vocabulary.countWords)
    private static let rateWords = compile(Vocabulary.rateWords)
    private static let meanWords = compile(Vocabulary.meanWords)
    private static let medianWords = compile(Vocabulary.medianWords)
    private static let peopleCount = compile(Vocabulary.peopleCount)
    private static let completedEnrollments = compile(Vocabulary.completedEnrollments)
    private static let rankedBadges = compile(
        #"\b(?:\#(Vocabulary.rankWords)|\d+|most popular|least popular)\s+(?:\d+\s+)?\#(Vocabulary.badgePlural)\b"#
    )
    private static let rankedOrganizations = compile(
        #"\b(?:\#(Vocabulary.rankWords)|\d+|which|what)\s+(?:\d+\s+)?\#(Vocabulary.orgWord)\b"#)
    private static let acrossOrganizations = compile(
        #"\b(?:across|among|throughout|over)\s+(?:all\s+)?(?:the\s+|our\s+)?(?:\#(Vocabulary.orgPlural)|company|platform)\b"#
    )
    private static let whenPeak = compile(
        #"\bwhen (?:did|was|were|is|are|do|does)\b[^?.!]*\b(?:peak(?:ed|s)?|at (?:its|their) (?:highest|peak|busiest)|busiest|highest|top(?:ped)? out|hit (?:an? |its |their )?(?:record|high|peak|all[- ]time high)|(?:reach|reached|set|sets) (?:an? |its |their )?(?:record|all[- ]time high|new high))\b"#
    )
    /// Words of a series ("historical" is not one here: "the historical completion rate by
    /// badge" is its whole history).
    private static let seriesWords = compile(
        #"\btrend|\bover time\b|\btimeline\b|\btime series\b|\b(?:by|per|each|every) (?:day|week|month|quarter)\b|\b(?:daily|weekly|monthly|quarterly)\b"#
    )
    /// Learners as what moves: "How did learners trend last quarter?", "learners over time",
    /// "learner trend at Initech" were enrollments over time (blind test 78).
    private static let peopleTrend = compile(
        #"^\W*(?:(?:how|what)\s+(?:did|do|does|have|has|is|are|was|were)\s+(?:the\s+)?)?(?:learners|users|students|people|learner|user)\b(?!\s+(?:enrol|sign|regist|took|take|start|join))|\blearner (?:trend|growth|numbers?)\b"#
    )
    private static let completionsNamed = compile(
        #"\bcomplet(?:ed|ions?)\b|\bfinish(?:ed|es)\b|\bcompleters\b|\bfinishers\b"#)
    private static let dimensions = Vocabulary.dimensions.map {
        ($0.dimension, $0.patterns.map(compile))
    }
    private static let top = Vocabulary.top.map(compile)
    private static let bottom = Vocabulary.bottom.map(compile)
    private static let topMarker = compile(#"\btop\b"#)
    private static let namesCompared = compile(
        #"(?=.*\b(?:compar\w*|vs\.?|versus|against)(?:\s|$)).*(?:‹org›[^?.!]*\b(?:and|or|vs\.?|versus|against|with|to)\s+(?:the\s+)?‹org›|‹badge›[^?.!]*\b(?:and|or|vs\.?|versus|against|with|to)\s+(?:the\s+)?‹badge›)"#
    )
    private static let peopleNamed = compile(#"\b\#(Vocabulary.people)\b|\bheadcount\b"#)
    private static let fast = Vocabulary.fast.map(compile)
    private static let slow = Vocabulary.slow.map(compile)
    private static let better = Vocabulary.better.map(compile)
    private static let declineWords = compile(
        #"\b(?:declin\w*|decreas\w*|fell|fall(?:en|s|ing)?|shr[iau]nk\w*|dropped|drop(?:s|ping)?|lost|los(?:e|es|ing))\b"#
    )
    private static let performing = compile(#"\b(?:perform\w*|achiev\w*|achievers?)\b"#)
    private static let worse = Vocabulary.worse.map(compile)
    /// "The most underperforming", "the biggest laggards": the most of a worse word is the
    /// worst, not the top (blind test 44 got the three best organizations).
    private static let mostOfWorse = compile(
        #"\b(?:most|biggest|greatest|largest|top|strongest|leading)\b(?=\s+(?:[\w-]+\s+)?(?:underperform|laggard|lagg|struggl|poor(?:ly|est)?[- ]?perform|weak))"#
    )
    private static let rankCounts = Vocabulary.rankCounts.map(compile)
    private static let singular = Vocabulary.singular.map(compile)
    static let peak = compile(Vocabulary.peak)
    private static let yearly = compile(
        #"\b(?:yearly|annual|annually|per year|per annum|by year|each year|every year|year by year|year-by-year|a year(?=\s*\?|\s*$))\b"#
    )
    private static let granularities = Vocabulary.granularities.map {
        ($0.granularity, compile($0.pattern))
    }

    private static let rates: Set<Measure> = [
        .completionRate, .dropRate, .dropouts, .inProgress, .timeToComplete, .meanTimeToComplete,
        .averageProgress,
    ]
    /// "After completing X", "learners who dropped out of X", "on completion of X", "X
    /// dropouts": where the sequences start, not a measure.
    private static let sequenceStart = compile(
        #"\b(?:(?:after|before|once|when|since)\s+(?:they\s+)?|(?:who|that)\s+(?:have\s+|had\s+)?)(?:complet\w*|finish\w*|pass\w*|tak\w*|took|drop\w*|quit\w*|gave\s+up|give\s+up)(?:\s+out)?(?:\s+(?:of|on))?\b|\b(?:up)?on\s+(?:the\s+)?completion\s+of\b|\bdrop-?outs?\b(?=.*\b(?:next|after|then|before)\b)"#
    )

    /// A count word, then maybe a masked name and a qualifier: "most ‹org› learners", "how
    /// many unique users".
    private static let countedLead =
        #"\b(?:how many|number of|count of|most|fewest|least|more|fewer)\s+(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?"#
    private static let countedPeople = compile(
        countedLead + #"(?:(?:unique|distinct|individual|different|active|new)\s+)?"#
            + Vocabulary.people + #"\b|\b(?:learner|user|student)\s+counts?\b|\bheadcounts?\b"#)
    private static let countedEnrollments = compile(
        countedLead
            + #"(?:(?:new|total)\s+)?(?:enrol+ments?|sign[- ]?ups?|registrations?)\b|\benrol+ment\s+counts?\b"#
    )

    private static func rateBeside(sequenceIn text: String) -> Measure? {
        let rest = sequenceStart.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        let range = NSRange(rest.startIndex..., in: rest)
        return measures.first { measure, patterns in
            rates.contains(measure)
                && patterns.contains { $0.firstMatch(in: rest, range: range) != nil }
        }?.0
    }

    /// Reads `text`, the question in lower case with its names masked.
    init(_ text: String) {
        let whole = NSRange(text.startIndex..., in: text)
        func any(_ list: [NSRegularExpression]) -> Bool {
            list.contains { $0.firstMatch(in: text, range: whole) != nil }
        }
        measure = Self.measures.first { any($0.1) }?.0
        // "Compare Initech and Hooli", "Python Basics at Initech vs Hooli": names set side by
        // side with no measure are compared by their enrollments (they matched no kind).
        // "Acme & Sons vs Initech learners this year": their learners, not their enrollments.
        if measure == nil, any([Self.namesCompared]) {
            measure = any([Self.peopleNamed]) ? .learners : .enrollments
        }
        // "Learners who dropped out in 2025", "top 3 orgs by people who dropped out": the
        // people are counted (they were refused as a status beside a rate).
        if measure == .dropRate, any([Self.countWords]) || any([Self.peopleCount]),
            !any([Self.rateWords])
        {
            measure = .dropouts
        }
        // "The mean days to complete vs the median": the mean's page gives the median beside it.
        if measure == .timeToComplete, any([Self.meanWords]) {
            measure = .meanTimeToComplete
        }
        if let measure, [.completions, .dropouts, .inProgress].contains(measure) {
            people = any([Self.peopleCount])
        }
        // "Completions year over year", "how have completions grown": completions per period,
        // not enrollments over time; "learners year over year", learners per period (which no
        // kind computes, so the question is refused rather than answered with enrollments).
        var perPeriod = false
        if measure == .growth, !any([Self.rateWords]) {
            if any([Self.completionsNamed]) {
                (measure, perPeriod) = (.completions, true)
            } else if any([Self.peopleCount]) || any([Self.peopleTrend]) {
                (measure, perPeriod) = (.learners, true)
            }
        }
        completedEnrollments = measure == .completions && any([Self.completedEnrollments])
        if let measure, measure.isSequence {
            rateOfSequence = Self.rateBeside(sequenceIn: text)
            if rateOfSequence == .dropRate, any([Self.countWords]) || any([Self.peopleCount]),
                !any([Self.rateWords])
            {
                rateOfSequence = .dropouts
            }
        }
        if let measure, !Vocabulary.strongMeasures.contains(measure), !any(Self.anchors) {
            unanchored = true
        }
        countsNamed =
            measure == .learners ? any([Self.countedPeople]) : any([Self.countedEnrollments])
        dimension = Self.dimensions.first { any($0.1) }?.0
        seriesAsked = any([Self.seriesWords])
        // "The most popular badges across organizations": a ranking of badges over the whole
        // platform, not a breakdown by organization.
        if dimension == .organization, any([Self.rankedBadges]), any([Self.acrossOrganizations]),
            !any([Self.rankedOrganizations])
        {
            dimension = .badge
        }
        granularity = Self.granularities.first { $0.1.firstMatch(in: text, range: whole) != nil }?.0
        if granularity != nil || perPeriod, dimension == nil { dimension = .period }
        // Completed enrollments per month are those of each month's enrollments: the cohorts.
        if completedEnrollments, dimension == .period, granularity == nil || granularity == .month {
            (dimension, granularity) = (.cohort, nil)
        }
        let peakUnit = Self.peak.firstMatch(in: text, range: whole).flatMap {
            Range($0.range(at: 1), in: text)
        }
        if let unit = peakUnit {
            peak = String(text[unit])
            dimension = .period
            granularity = Granularity(rawValue: String(text[unit]))
        }
        // What the words name, before a reading below implies a period.
        statedGranularity = granularity
        if peakUnit == nil, Self.whenPeak.firstMatch(in: text, range: whole) != nil {
            // "When did Python Basics enrollments peak?": the month with the most.
            (peak, dimension, granularity) = ("month", .period, .month)
        } else if peakUnit == nil, Self.yearly.firstMatch(in: text, range: whole) != nil {
            // "Enrollments per year", "yearly", "annual": periods of a year, which no
            // analysis counts, refused as "which year" is (a blind test got the 12 months'
            // monthly series, and for "annual" the whole history's total).
            (peak, dimension, granularity) = ("year", .period, nil)
        }
        // "Best" and "worst" rank by how good a value is: for a drop-out rate or a time to
        // complete, the best is the lowest.
        let lowerIsBetter = measure?.lowerIsBetter ?? false
        let better = Self.first(Self.better, in: text)
        let worse = Self.first(Self.worse, in: text)
        // Speed words rank times ("the fastest badge" takes the fewest days), and everything
        // else the other way ("growing fastest" grows most, "the slowest month" has fewest).
        let (fast, slow) = (Self.first(Self.fast, in: text), Self.first(Self.slow, in: text))
        let timed = measure == .timeToComplete || measure == .meanTimeToComplete
        let top = [
            Self.first(Self.top, in: Self.blanking(Self.mostOfWorse, in: text)),
            lowerIsBetter ? worse : better, timed ? slow : fast,
        ].compactMap { $0 }.min()
        let bottom = [
            Self.first(Self.bottom, in: text), lowerIsBetter ? better : worse, timed ? fast : slow,
        ].compactMap { $0 }.min()
        if top != nil || bottom != nil {
            // The first order word counts: "the fewest completions among the most popular".
            // "Top" before a count only marks the ranking, whose order the next word gives:
            // "the top 3 badges with the lowest completion rate" are the lowest (a blind test
            // got the highest).
            var order: Ranking.Order = (top ?? .max) <= (bottom ?? .max) ? .top : .bottom
            if order == .top, let marker = Self.first([Self.topMarker], in: text), marker == top,
                let bottom, bottom > marker
            {
                order = .bottom
            }
            // "Which organization declined the most": the most decline is the least growth.
            if measure == .growth, any([Self.declineWords]) {
                order = order == .top ? .bottom : .top
            }
            var count: Int?
            for pattern in Self.rankCounts {
                guard let match = pattern.firstMatch(in: text, range: whole),
                    let range = Range(match.range(at: 1), in: text)
                else { continue }
                let word = String(text[range])
                count = Int(word) ?? Vocabulary.numberWords[word]
                break
            }
            if count == nil, any(Self.singular) || peak != nil { count = 1 }
            // "Top 0" asks for nothing, and is refused (`UnappliedPart.emptyRanking`).
            if count == 0 { count = nil }
            ranking = Ranking(order, count: count)
        } else if peak != nil {
            // "Which month saw enrollments peak": the one period with the most.
            ranking = Ranking(.top, count: 1)
        }
        // "Top 3 badges at Initech", "the worst course for Globex": a ranking of badges or
        // organizations that names no measure ranks by popularity, or by how well they are
        // completed when it says best or worst.
        if measure == nil, ranking != nil, dimension == .badge || dimension == .organization {
            // "Top-performing teams" are the best, by how well they complete.
            let performing = any([Self.performing])
            measure = better != nil || worse != nil || performing ? .completionRate : .enrollments
        }
    }

    /// `text` with what `regex` matches written over in spaces, every other offset kept.
    private static func blanking(_ regex: NSRegularExpression, in text: String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var result = text
        for found in regex.matches(in: text, range: whole).reversed() {
            if let range = Range(found.range, in: result) {
                result.replaceSubrange(
                    range, with: String(repeating: " ", count: found.range.length))
            }
        }
        return result
    }

    private static func first(_ list: [NSRegularExpression], in text: String) -> Int? {
        let whole = NSRange(text.startIndex..., in: text)
        return list.compactMap { $0.firstMatch(in: text, range: whole)?.range.location }.min()
    }

    /// "Month over month", "week-on-week", "QoQ" (written out by the shorthand).
    private static let periodOverPeriod = compile(
        #"\b(week|month|quarter)[- ](?:over|on)[- ]\1\b"#)

    /// "MoM enrollment growth per customer", "QoQ completions by badge": with no other word
    /// of a series, a period against the one before it, which the matcher reads as the last
    /// whole one against its predecessor. Returns its unit and the text without the phrase;
    /// nil when there is none, or when a word such as "trend" or "monthly" asks for a series
    /// (the series by that period, as before). The growth of the 12 months against the 12
    /// before was given for the first, and the whole history by badge for the second (its
    /// "QoQ" dropped without a word).
    static func singlePeriodChange(in text: String) -> (unit: Granularity, rest: String)? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let found = periodOverPeriod.firstMatch(in: text, range: whole),
            let word = Range(found.range(at: 1), in: text),
            let unit = Granularity(rawValue: text[word].lowercased())
        else { return nil }
        let rest = (text as NSString).replacingCharacters(
            in: found.range, with: String(repeating: " ", count: found.range.length))
        let range = NSRange(rest.startIndex..., in: rest)
        let series =
            (dimensions.first { $0.0 == .period }?.1 ?? []) + granularities.map(\.1)
            + [yearly, peak, whenPeak]
        guard !series.contains(where: { $0.firstMatch(in: rest, range: range) != nil }) else {
            return nil
        }
        return (unit, rest)
    }

    /// `text` with each period over the same ("month over month") blanked.
    static func withoutPeriodOverPeriod(_ text: String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        guard periodOverPeriod.firstMatch(in: text, range: whole) != nil else { return text }
        let result = NSMutableString(string: text)
        for found in periodOverPeriod.matches(in: text, range: whole).reversed() {
            result.replaceCharacters(
                in: found.range, with: String(repeating: " ", count: found.range.length))
        }
        return result as String
    }

    /// The text with the unit of a peak replaced ("which ‹period› had the most"), so the time
    /// reader does not take "month" for a window it cannot read.
    static func withoutPeaks(_ text: String) -> String {
        let whole = NSRange(text.startIndex..., in: text)
        var result = text
        for found in peak.matches(in: text, range: whole).reversed() {
            if let unit = Range(found.range(at: 1), in: result) {
                result.replaceSubrange(unit, with: "‹period›")
            }
        }
        return result
    }
}
