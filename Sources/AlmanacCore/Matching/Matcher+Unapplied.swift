import Foundation

extension Matcher {
    // MARK: - What a question asks that no analysis applies

    /// Refuses a part of a question that no analysis applies and that the answer would
    /// otherwise leave out (`Vocabulary.unapplied`). "Not finished yet" stays the count in
    /// progress, and a status reads as a filter only for average progress, where no measure
    /// has taken it up.
    func refuseUnapplied(
        _ reading: Reading, wording: Wording, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        let lowered = reading.masked.lowercased()
        guard
            let found = memo.unapplied(lowered, measure: wording.measure, Self.firstUnapplied)
        else { return }
        throw failure(
            .unapplied(
                found.part, Self.unmasked(found.phrase, after: found.before, reading.mentions)))
    }

    /// The first part of a question (in lower case, names masked) that no analysis applies:
    /// the part, its words, and the text before them.
    static func firstUnapplied(_ lowered: String, measure: Measure?) -> Memo.Unapplied? {
        let whole = NSRange(lowered.startIndex..., in: lowered)
        // "How far along are the learners who have not finished yet": the progress of the
        // learners of a status, not the count in progress.
        if measure == .inProgress, let found = progressAsked.firstMatch(in: lowered, range: whole),
            let range = Range(found.range, in: lowered)
        {
            return Memo.Unapplied(
                part: .statusFilter, phrase: String(lowered[range]),
                before: String(lowered[..<range.lowerBound]))
        }
        for (part, patterns) in Self.unapplied {
            if part == .negatedStatus, measure == .inProgress { continue }
            if part == .pathStatus, measure?.isSequence != true { continue }
            // A status beside a rate ("the completion rate of those still active") cannot be
            // applied either: the rate is over every status.
            if part == .statusFilter,
                ![.averageProgress, .completionRate, .dropRate].contains(measure)
            {
                continue
            }
            let rate = measure == .completionRate || measure == .dropRate
            for pattern in patterns {
                if let found = pattern.firstMatch(in: lowered, range: whole),
                    let range = Range(found.range, in: lowered),
                    !(part == .statusFilter && rate && !statusFiltersRate(lowered, range)),
                    // "The completion rate of learners currently enrolled in Python Basics" is
                    // the badge's rate, over every status.
                    !(part == .twoStatuses && rate && lowered[range].hasPrefix("currently"))
                {
                    return Memo.Unapplied(
                        part: part, phrase: String(lowered[range]),
                        before: String(lowered[..<range.lowerBound]))
                }
            }
        }
        return nil
    }

    /// Whether a status word beside a rate filters its people ("the completion rate of those
    /// still active", "among learners still enrolled"), which no rate can apply. Not "learners
    /// currently enrolled in Python Basics" (the badge's learners) nor "Hooli, which is still
    /// active" (the organization).
    static func statusFiltersRate(_ lowered: String, _ range: Range<String.Index>) -> Bool {
        let after = lowered[range.upperBound...]
        let before = lowered[..<range.lowerBound]
        if after.hasPrefix(" in ‹badge›") || after.hasPrefix(" on ‹badge›") { return false }
        // "Percentage of learners who finished Docker Basics": the status is the rate's own
        // numerator, as in "what share of learners finished …".
        // Not "what percentage of learners who are still active … dropped out".
        let whole = NSRange(before.startIndex..., in: before)
        let status = lowered[range]
        if ["finish", "complet", "drop", "quit", "pass"].contains(where: status.contains),
            shareBefore.firstMatch(in: String(before), range: whole) != nil
        {
            return false
        }
        return !["which is ", "which are ", "it is ", "it's ", "that is "].contains {
            before.hasSuffix($0)
        }
    }

    /// A phrase of the masked question with its `‹badge›` and `‹org›` written out again as the
    /// names they stand for, so that a refusal quotes what the question says.
    static func unmasked(_ phrase: String, after prefix: String, _ mentions: [EntityFinder.Found])
        -> String
    {
        var names: [String] = []
        var index = 0
        for mention in mentions where mention.range.lowerBound >= index {
            names.append(mention.name)
            index = mention.range.upperBound
        }
        let tokens = try! NSRegularExpression(pattern: "‹badge›|‹org›")
        var next = tokens.numberOfMatches(
            in: prefix, range: NSRange(prefix.startIndex..., in: prefix))
        var result = ""
        var rest = phrase
        while let found = tokens.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)),
            let range = Range(found.range, in: rest)
        {
            result += rest[..<range.lowerBound]
            result += next < names.count ? names[next] : String(rest[range])
            next += 1
            rest = String(rest[range.upperBound...])
        }
        return result + rest
    }

    /// Refuses what the read intent would leave out: a change asked with no window to
    /// compare, a total of the names set side by side, a ranking per period, an average
    /// of a count, and a share of a total. Runs once the windows and the names are read.
    func refuseUnappliedIntent(
        _ match: Match, wording: Wording, _ reading: Reading,
        _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        // Words the shorthand rewrites, looked for as the question wrote them.
        let written = reading.written.lowercased()
        func foundAsWritten(_ regex: NSRegularExpression) -> String? {
            regex.firstMatch(in: written, range: NSRange(written.startIndex..., in: written))
                .flatMap { Range($0.range, in: written) }.map { String(written[$0]) }
        }
        // "The median time to complete Python Basics, including drop-outs": every status is
        // written out of a count (it counts every enrollment), but a time to complete is of
        // the completed alone, and the words were dropped.
        if [.timeToComplete, .meanTimeToComplete].contains(match.intent.measure),
            let words = foundAsWritten(Self.everyStatus)
        {
            throw failure(
                .unapplied(
                    .statusFilter, words.trimmingCharacters(in: CharacterSet(charactersIn: ", "))))
        }
        // "Which organization had the highest percentage growth" ranked by the growth in
        // enrollments (Acme & Sons first at +6.8 %, where Stark Industries grew 37.3 %). The
        // shorthand drops "percentage" before "growth", which a comparison gives in percent.
        if match.intent.measure == .growth, match.intent.dimension != nil,
            let words = foundAsWritten(Self.percentGrowth)
        {
            throw failure(.unapplied(.growthMeasure, words))
        }
        let lowered = reading.masked.lowercased()
        // The phrase as the question names it: "percentage of Initech learners", not "‹org›".
        func found(_ regex: NSRegularExpression) -> String? {
            let whole = NSRange(lowered.startIndex..., in: lowered)
            return regex.firstMatch(in: lowered, range: whole).flatMap {
                Range($0.range, in: lowered).map {
                    Self.unmasked(
                        String(lowered[$0]), after: String(lowered[..<$0.lowerBound]),
                        reading.mentions)
                }
            }
        }
        let measure = match.intent.measure
        let counts: Set<Measure> = [
            .enrollments, .learners, .completions, .dropouts, .inProgress, .growth,
        ]
        if counts.contains(measure), wording.measure != nil,
            let share = found(Self.shareWords)
        {
            throw failure(.unapplied(.shareOfTotal, share))
        }
        if counts.contains(measure), wording.measure != nil, let mean = found(Self.meanWords) {
            throw failure(.unapplied(.statistic, mean))
        }
        // "The median completion rate by badge", "the average completion rate across
        // organizations": a blind test got the ranked rates, with no median or mean. One
        // scope's "average completion rate" ("at Initech") is its rate, and read.
        if measure == .completionRate || measure == .dropRate,
            match.intent.dimension == .badge || match.intent.dimension == .organization,
            let statistic = found(Self.statisticOfRates)
        {
            throw failure(.unapplied(.statistic, statistic))
        }
        // "The avg time to complete for Initech in weeks" was answered in days, unsaid.
        if measure == .timeToComplete || measure == .meanTimeToComplete,
            let unit = found(Self.otherTimeUnit)
        {
            throw failure(.unapplied(.timeUnit, unit))
        }
        // "What percentage of learners completed at least one badge in 2025" is a share of
        // learners (86.4 % on the demo); the completion rate, over enrollments, is 55.1 %. With
        // a badge named the two are the badge's rate ("what share of learners finished
        // Linux Command Line"), which is read.
        if measure == .completionRate || measure == .dropRate, match.filters.badge == nil,
            match.intent.dimension == nil, let share = found(Self.shareOfPeople)
        {
            throw failure(.unapplied(.shareOfLearners, share))
        }
        // "Which badge had the highest growth in completions this year" was refused as a
        // change with one window (blind test 40): growth is of enrollments. ("Year over year
        // growth in completions" is their series, and read.)
        if match.intent.dimension != .period, match.intent.dimension != .cohort,
            let growth = found(Self.otherGrowth)
        {
            throw failure(.unapplied(.growthMeasure, growth))
        }
        // A count changed is a change too ("how have completions changed since last year"),
        // except growth, which is the change itself.
        // "Did Hooli's completions drop last month": "drop" is a change of any measure but
        // the drop-outs.
        if match.versus == nil, measure != .growth, !measure.isSequence,
            match.intent.dimension != .cohort, match.intent.dimension != .period,
            let change = found(Self.changeWords)
                ?? (measure == .dropouts || measure == .dropRate ? nil : found(Self.dropVerb))
        {
            throw failure(.unapplied(.change, change))
        }
        // "Top 3 badgs by completions" (a typo) was answered with the total: a ranking of N
        // with nothing to rank.
        if match.intent.ranking != nil, match.intent.dimension == nil, !measure.isSequence,
            match.intent.compared.isEmpty, let top = found(Self.rankedCount)
        {
            throw failure(.unapplied(.rankingOfNothing, top))
        }
        // "The 3 badges with the highest drop-out rate, best first" was listed from the
        // highest (blind test 42): for the drop-out rate the best is the lowest.
        if let ranking = match.intent.ranking, let order = found(Self.bestOrWorstFirst) {
            let highestFirst = ranking.order == .top
            let listedBestFirst = highestFirst != measure.lowerIsBetter
            if order.lowercased().hasPrefix("best") != listedBestFirst {
                throw failure(.unapplied(.listOrder, order))
            }
        }
        // "The longest time to complete at Hooli" was Hooli's median (23.9 days): an extreme
        // with nothing to rank is the longest single time, which no analysis computes.
        if [.timeToComplete, .meanTimeToComplete].contains(measure),
            match.intent.ranking != nil, match.intent.dimension == nil,
            match.intent.compared.isEmpty, let extreme = found(Self.extremeTime)
        {
            throw failure(.unapplied(.percentile, extreme))
        }
        // "Which organizations grew their learners the most" ranked their growth in
        // enrollments, and "did Hooli's learners grow in 2026 compared with 2025" set the
        // enrollments side by side: unless the learners are the measure, refused.
        if match.intent.measure != .learners, let growth = found(Self.learnerGrowth) {
            throw failure(.unapplied(.growthMeasure, growth))
        }
        // "What do learners who started their journey with Python Basics take next" followed
        // every learner of the badge (2,565, where 1,178 began with it), and "the completion
        // rate of Python Basics for learners who took it as their first badge" gave the first
        // badges (blind test 37): only where learners start is read of a first badge.
        if measure != .firstBadge, let started = found(Self.startedWith) {
            throw failure(.unapplied(.pathShape, started))
        }
        if measure == .firstBadge, let rate = found(Self.measureOfFirstTakers) {
            throw failure(.unapplied(.pathShape, rate))
        }
        // "Which 3 orgs improved their completion rate the most in 2025 vs 2024" was ranked by
        // the 2025 rate, two of its three having fallen.
        if match.versus != nil, match.intent.ranking != nil, measure != .growth,
            let change = found(Self.rankedChange)
        {
            throw failure(.unapplied(.changeRanking, change))
        }
        // "The median time to complete for completions between 2026-01-01 and 2026-03-31"
        // was the time of the enrollments made then (25.1 days; those completed then, 23.4).
        if [.timeToComplete, .meanTimeToComplete].contains(measure),
            match.filters.dateRange != nil, let dated = found(Self.completionsDated)
        {
            throw failure(.unapplied(.completionWindow, dated))
        }
        // "The completion rate for each presentation" (a word the data does not break down
        // by) was the one overall rate.
        if match.intent.dimension == nil, match.intent.compared.isEmpty,
            let word = Self.unknownBreakdown(in: lowered)
        {
            throw failure(.unsupported(measure: measure.words, dimension: word))
        }
        if let pair = Self.twoMeasures(in: lowered) {
            throw failure(.unapplied(.twoMeasures, pair))
        }
        // "Which badges are most popular with people who took Python Basics" gave "Python
        // Basics (2,829 learners)", the badge ranked among itself (an attack run): the
        // learners of one badge in the others are a learning path's, or two badges'.
        // ("Python Basics, our most popular badge" names it, and is read.)
        if match.intent.dimension == .badge, let badge = match.filters.badge,
            match.intent.compared.isEmpty, match.kind != .learningPaths,
            found(Self.otherBadges) != nil
        {
            throw failure(.unapplied(.badgeAmongBadges, badge))
        }
        if !match.intent.compared.isEmpty,
            let total = found(Self.totalWords)
                ?? (found(match.versus == nil ? Self.apartWords : Self.eachWords) == nil
                    ? found(Self.totalWord) : nil)
        {
            // "Initech + Hooli": the names, not their masks.
            let quoted =
                total.contains("‹") ? match.intent.compared.joined(separator: " + ") : total
            throw failure(.unapplied(.combined, quoted))
        }
        if let granularity = wording.granularity, match.intent.dimension != .period,
            match.intent.dimension != .cohort,
            [.badgeEnrollments, .learningPaths].contains(match.kind) || match.intent.ranking != nil
        {
            throw failure(.unapplied(.perPeriodRanking, granularity.rawValue))
        }
    }

    /// Two measures joined ("enrollments and completions", "completion rate, drop rate"),
    /// each a noun of a different measure: the page answers one. A count beside its own rate
    /// ("completions and the completion rate") is one page's answer.
    static func twoMeasures(in lowered: String) -> String? {
        let whole = NSRange(lowered.startIndex..., in: lowered)
        for found in [measurePair, measureAsked, measureApart].flatMap({
            $0.matches(in: lowered, range: whole)
        }) {
            guard let first = Range(found.range(at: 1), in: lowered),
                let second = Range(found.range(at: 2), in: lowered),
                let phrase = Range(found.range, in: lowered),
                let one = measureGroup(String(lowered[first])),
                let other = measureGroup(String(lowered[second])), one != other,
                !Self.countAndItsRate.contains([one, other])
            else { continue }
            // Words between the two measures may hold a masked name: quote the measures.
            let text = String(lowered[phrase])
            return text.contains("‹") ? "\(lowered[first]) … \(lowered[second])" : text
        }
        return nil
    }

    private static let measureNouns: [(group: String, pattern: String)] = [
        (
            "time",
            #"(?:(?:median|average|avg|mean|typical)\s+)?(?:time|days) to (?:complete|completion|finish)|completion times?"#
        ),
        ("completionRate", #"(?:completion|success|pass|graduation) (?:rates?|percentages?)"#),
        ("dropRate", #"drop(?:[- ]?out)? (?:rates?|percentages?)|churn rates?|attrition rates?"#),
        ("progress", #"(?:average |avg |mean )?progress"#),
        ("enrollments", #"enrol+ments?|sign[- ]?ups|registrations|enrol+ees"#),
        ("completions", #"completions?|completers|finishers|graduates"#),
        ("dropouts", #"drop[- ]?outs|dropouts|quitters"#),
        ("learners", #"(?:unique |distinct |active )?learners"#),
    ]

    private static let countAndItsRate: Set<Set<String>> = [
        ["completions", "completionRate"], ["dropouts", "dropRate"],
    ]

    private static func measureGroup(_ noun: String) -> String? {
        measureNouns.first { entry in
            noun.range(of: "^(?:\(entry.pattern))$", options: .regularExpression) != nil
        }?.group
    }

    private static let measurePair: NSRegularExpression = {
        let noun = measureNouns.map(\.pattern).joined(separator: "|")
        let joiner =
            #"\s*(?:,\s*(?:and\s+|&\s+|plus\s+)?|\s+(?:and|&|plus|as well as|along with|together with|vs\.?|versus)\s+)"#
            + #"(?:(?:the|their|its|total|overall|number of|count of|how many|what(?:'s| is| are| was| were)(?: the| their| its)?)\s+)*"#
        return try! NSRegularExpression(pattern: "\\b(\(noun))\(joiner)(\(noun))\\b")
    }()

    /// "Hooli drop rate last qtr and completion rate": a few words between the two.
    private static let measureApart: NSRegularExpression = {
        let noun = measureNouns.filter { $0.group != "learners" }.map(\.pattern)
            .joined(separator: "|")
        return try! NSRegularExpression(
            pattern:
                "\\b(\(noun))\\b(?:\\s+[\\w'’‹›&-]+){1,5}?,?\\s+(?:and|&|plus)\\s+(?:the\\s+|its\\s+|their\\s+)?(\(noun))\\b"
        )
    }()

    /// "How many drop-outs did Hooli have in 2025, and how many completions?"
    private static let measureAsked: NSRegularExpression = {
        // "How many learners finish the badge, and what is its completion rate": learners
        // there are who is counted, not a measure of their own.
        let noun = measureNouns.filter { $0.group != "learners" }.map(\.pattern)
            .joined(separator: "|")
        let asked =
            #"[^?.!]*?,?\s+(?:and|plus|also)\s+(?:also\s+)?(?:how many|what(?:'s| is| are| was| were)(?:\s+(?:the|their|its))?)\s+(?:(?:the|their|its|total|overall|number of)\s+)*"#
        return try! NSRegularExpression(pattern: "\\b(\(noun))\\b\(asked)(\(noun))\\b")
    }()

    private static let unapplied = Vocabulary.unapplied.map { entry in
        (
            entry.part,
            entry.patterns.map {
                try! NSRegularExpression(pattern: $0, options: [.caseInsensitive])
            }
        )
    }
    private static let progressAsked = try! NSRegularExpression(
        pattern:
            #"\bhow (?:far|deep) (?:along|through|into|in)\b|\b(?:average|avg|mean|typical|median) progress\b|\bprogress (?:made|level|score)\b"#,
        options: [.caseInsensitive])
    private static let shareWords = try! NSRegularExpression(
        pattern: Vocabulary.shareWord, options: [.caseInsensitive])
    private static let meanWords = try! NSRegularExpression(
        pattern: Vocabulary.meanWords, options: [.caseInsensitive])
    private static let shareBefore = try! NSRegularExpression(
        pattern: #"\#(Vocabulary.shareWord)\s+of\s+[^?.!]{0,60}$"#,
        options: [.caseInsensitive])
    /// A median of rates beside a breakdown, or a mean of them taken across it: not "the
    /// highest average completion rate", "a below-average completion rate" or "the average
    /// completion rate for each organization", which are each row's rate.
    private static let statisticOfRates = try! NSRegularExpression(
        pattern:
            #"(?<![-\w])(?:median|middle)\s+(?:\w+\s+)?\#(rateWords)|(?<![-\w])(?:average|mean|avg|typical)\s+(?:\w+\s+)?\#(rateWords)[^?.!]*\b(?:across|among|over all|between)\b|(?<![-\w])(?:average|mean)\s+\#(rateWords)\s+(?:of|for) all\b"#,
        options: [.caseInsensitive])
    private static let rateWords =
        #"(?:completion|drop[- ]?out|dropout|drop|success|pass|failure|attrition|finish)\s+rates?\b"#
    private static let otherTimeUnit = try! NSRegularExpression(
        pattern:
            #"\b(?:in|as|into|expressed in|measured in) (?:hours|minutes|weeks|months|years)\b"#,
        options: [.caseInsensitive])
    private static let shareOfPeople = try! NSRegularExpression(
        pattern:
            // (Not "what percentage of Acme & Sons learners finish their courses", read as the
            // organization's rate by docs/metrics.md's table of phrasings.)
            #"(?:\b(?:percent(?:age)?|share|proportion|fraction|ratio)|%)\s+of\s+(?:the\s+|all\s+|our\s+)?\#(Vocabulary.people)\b"#,
        options: [.caseInsensitive])
    /// The words of every status (`everyStatusWords`), found in the question as written.
    static let everyStatus = try! NSRegularExpression(
        pattern: #"\b"# + everyStatusWords + #"\b"#, options: [.caseInsensitive])
    static let changeWords = try! NSRegularExpression(
        pattern: Vocabulary.changeWords, options: [.caseInsensitive])
    /// "Growth in", "growth of the number of": what grows follows.
    private static let growthOf = #"\bgrowth\s+(?:in|of)\s+(?:the\s+)?(?:number of\s+)?"#
    /// "Growth in completions", "growth of the completion rate": growth of a measure other
    /// than enrollments.
    private static let otherGrowth = try! NSRegularExpression(
        pattern: growthOf
            + #"(?:completions|completed enrol+ments|completers|drop[- ]?outs|dropouts|(?:completion|drop[- ]?out|drop) rates?|progress)\b"#,
        options: [.caseInsensitive])
    /// "Grew their learners", "learners grow": growth of distinct learners.
    private static let learnerGrowth = try! NSRegularExpression(
        pattern:
            #"\b(?:learners?|learner count|headcount|users|people|students)\s+(?:grow|grew|grown|growing|growth)\b|\b(?:grow|grew|grown|growing|increas\w*)\s+(?:their|its|the)\s+(?:number of\s+)?(?:learners|learner count|headcount|users|people|students)\b|"#
            + growthOf
            + #"(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?(?:learners|users|people|students|headcount)\b"#,
        options: [.caseInsensitive])
    /// "… first badge was Python Basics", after the words that say whose.
    private static let firstWas =
        #"\s+(?:very\s+)?first\s+(?:\#(Vocabulary.badgeWord)|step|enrol+ment)\s+(?:was|is|being|were)?\s*(?:the\s+)?‹badge›"#
    private static let startedWith = try! NSRegularExpression(
        pattern:
            #"\b(?:who|that|learners|people|users|students|those)\s+(?:\w+\s+)?(?:started|start|starts|starting|began|begin|begins|kicked off|kick off)\s+(?:(?:their|the|a|his|her|off)\s+)?(?:(?:learning\s+)?(?:journey|path|pathway|learning|sequence|studies|training|track)\s+)?(?:with|on|by taking|by doing)\s+(?:the\s+)?‹badge›|\b(?:whose|with (?:a|their)|their|as (?:a|their|the))"#
            + firstWas
            + #"|\b(?:took|take|taken|had|has|have|did|do)\s+(?:it|‹badge›)\s+as\s+(?:their|a|the|his|her)\s+(?:very\s+)?first\b"#,
        options: [.caseInsensitive])
    /// A rate or time of the learners who took a badge first ("the completion rate of
    /// Python Basics for learners who took it as their first badge"), not how many did.
    private static let measureOfFirstTakers = try! NSRegularExpression(
        pattern:
            #"\b(?:(?:completion|drop[- ]?out|drop|success|pass|retention) rates?|time to (?:complete|finish)|days to (?:complete|finish)|median|average|mean|progress)\b[^?.!]*\b(?:(?:took|take|taken|had|has|have|did|do|started|start|began|begin)\s+(?:it|‹badge›|with\s+‹badge›)\s+(?:as\s+(?:their|a|the|his|her)\s+(?:very\s+)?first|first)\b|(?:whose|with (?:a|their)|their)"#
            + firstWas + #")"#,
        options: [.caseInsensitive])
    private static let percentGrowth = try! NSRegularExpression(
        pattern:
            #"\b(?:percentage|percent|pct|relative|proportional)\s+(?:growth|increase|gain|rise|change)\b|%\s*(?:growth|increase|gain|rise|change)\b|\bin (?:percentage|percent|pct|relative) terms\b|\bgr[eo]w\w*\b[^?.!]*\bin (?:percent|percentage|%)\b"#,
        options: [.caseInsensitive])
    private static let extremeTime = try! NSRegularExpression(
        pattern:
            #"\b(?:longest|shortest|quickest|fastest|slowest|max(?:imum)?|min(?:imum)?|most|least)\b[^?.!]*\b(?:time|days?|duration|to complete|to finish)\b|\b(?:takes?|took|taking) the (?:longest|shortest)\b"#,
        options: [.caseInsensitive])
    private static let bestOrWorstFirst = try! NSRegularExpression(
        pattern: #"\b(?:best|worst)(?:\s+one)?\s+first\b"#, options: [.caseInsensitive])
    private static let rankedCount = try! NSRegularExpression(
        pattern: #"\b(?:top|bottom|best|worst|highest|lowest)\s+\d+\b"#, options: [.caseInsensitive]
    )
    /// The word after "for each", "per" or "broken down by" when it is none that Almanac
    /// breaks down by (or counts per): "presentation", "region". The badge, organization and
    /// people words are the vocabulary's own.
    static func unknownBreakdown(in lowered: String) -> String? {
        let whole = NSRange(lowered.startIndex..., in: lowered)
        for found in eachWord.matches(in: lowered, range: whole) {
            guard let range = Range(found.range(at: 1), in: lowered) else { continue }
            let word = String(lowered[range])
            let all = NSRange(word.startIndex..., in: word)
            if knownPerWord.firstMatch(in: word, range: all) == nil { return word }
        }
        return nil
    }

    private static let eachWord = try! NSRegularExpression(
        pattern:
            #"\b(?:for each|for every|per|broken down by|split by|grouped by|group by|break(?:ing)? (?:it |them )?down by)\s+(?:the\s+)?(?:(?:single|individual|separate|given|specific|particular|different)\s+)?([a-z]+)\b"#
    )
    private static let knownPerWord = try! NSRegularExpression(
        pattern:
            #"^(?:\#(Vocabulary.badgeWord)|\#(Vocabulary.orgWord)|\#(Vocabulary.people)|(?:day|week|month|quarter|year|half|cohort|period|enrol+ment|completion|dropout|drop|hour|minute|time|date|status|categor(?:y|ie)|name|kind|type|level|head)s?|capita|cent|centum|annum|se|one|of|and|or|single|organisations?)$"#
    )
    private static let completionsDated = try! NSRegularExpression(
        pattern:
            #"\b(?:completions|completed|finished|earned)\s+(?:(?:a|an|the|any|their|‹badge›|\#(Vocabulary.badgeWord))\s+){0,2}(?:dated\s+)?(?:in|during|between|since|over|from|this|last)\b"#,
        options: [.caseInsensitive])
    private static let dropVerb = try! NSRegularExpression(
        pattern:
            #"\b(?:drop|drops|dropped|dropping)\b(?![- ]?(?:outs?|off|rates?|percentages?)\b)"#,
        options: [.caseInsensitive])
    private static let rankedChange = try! NSRegularExpression(
        pattern:
            #"\b(?:improv\w*|worsen\w*|increas\w*|decreas\w*|declin\w*|gr[eo]w(?:n|s|ing)?|rose|risen|fell|fallen|dropped|jump(?:ed|s)?|chang(?:ed|es))\b[^?.!]*?\b(?:the )?(?:most|least|fastest|slowest)\b|\b(?:biggest|largest|greatest|smallest|most|least|top|strongest|sharpest)\s+(?:improvements?|increases?|gains?|growth|rises?|jumps?|declines?|decreases?|drops?|falls?|changes?|swings?|movers?|improvers?|risers?|fallers?)\b"#,
        options: [.caseInsensitive])
    /// Badges asked for beside one badge's learners: "which badges", "what other courses",
    /// "by badge".
    private static let otherBadges = try! NSRegularExpression(
        pattern:
            #"\b(?:which|what)\s+(?:(?:\d+|other|top|\#(Vocabulary.count))\s+)*(?:\#(Vocabulary.badgeWord)|\#(Vocabulary.badgePlural))\b|\bother\s+(?:\#(Vocabulary.badgePlural))\b|\b(?:by|per|for each|for every|in each)\s+\#(Vocabulary.badgeWord)\b|\b(?:rank\w*|stand\w*|place[sd]?|compare[sd]?)\b[^?.!]*\b(?:among|against|with|to)\s+(?:the\s+|all\s+|other\s+|our\s+)*\#(Vocabulary.badgePlural)\b"#,
        options: [.caseInsensitive])
    private static let totalWords = try! NSRegularExpression(
        pattern: Vocabulary.totalWords, options: [.caseInsensitive])
    private static let totalWord = try! NSRegularExpression(
        pattern: Vocabulary.totalWord, options: [.caseInsensitive])
    private static let apartWords = try! NSRegularExpression(
        pattern: Vocabulary.apartWords, options: [.caseInsensitive])
    private static let eachWords = try! NSRegularExpression(
        pattern: Vocabulary.eachWords, options: [.caseInsensitive])
}
