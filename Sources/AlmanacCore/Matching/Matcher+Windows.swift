import Foundation

/// Words of a question that set two windows side by side in another form than "against".
extension Matcher {
    /// The question's words as the wording reads them: without "at least one badge"
    /// ("learners who completed at least one badge" are those who completed, not a ranking
    /// of the least), and without its "year over year" when the words compare a window of the
    /// question's own with the same days a year earlier ("completions in Q3 2026, year over
    /// year"): the time reader reads them, and the measure is the one the question names, not
    /// enrollments over time.
    func wordingText(_ masked: String) -> String {
        let lowered = Self.atLeastOne.stringByReplacingMatches(
            in: masked, range: NSRange(masked.startIndex..., in: masked), withTemplate: "")
        let whole = NSRange(lowered.startIndex..., in: lowered)
        guard let asOf, let found = TimeWindow.yearOverYear.firstMatch(in: lowered, range: whole),
            let reading = try? TimeWindow(asOf: asOf).samePeriodLastYear(
                Wording.withoutPeaks(lowered)),
            reading.versus != nil
        else { return lowered }
        return (lowered as NSString).replacingCharacters(
            in: found.range, with: String(repeating: " ", count: found.range.length))
    }

    /// "How did completions change from 2024 to 2025", "between Q1 2026 and Q2 2026": a change
    /// from one window to another is the later against the earlier. Only with a word of a
    /// change; otherwise "from 2024 to 2025" is one window, both years.
    static func changeBetween(_ masked: String) -> String {
        let whole = NSRange(masked.startIndex..., in: masked)
        // "How did enrollments compare between Q1 and Q2 2026" sets them side by side too (it
        // was read as one window, the half year), unless the names are what is compared
        // ("compare Initech and Hooli between January and March").
        let namesCompared =
            masked.components(separatedBy: "‹org›").count > 2
            || masked.components(separatedBy: "‹badge›").count > 2
        let comparing =
            !namesCompared && compareWords.firstMatch(in: masked, range: whole) != nil
        // "Compare completions this month to last month" was refused as a window that "ends
        // before it starts" (blind test 77): compared, the one is set against the other.
        if comparing, let found = comparedTo.firstMatch(in: masked, range: whole),
            let first = Range(found.range(at: 1), in: masked),
            let second = Range(found.range(at: 2), in: masked),
            let all = Range(found.range, in: masked)
        {
            var text = masked
            text.replaceSubrange(all, with: "\(masked[first]) against \(masked[second])")
            return text
        }
        guard
            changeWords.firstMatch(in: masked, range: whole) != nil || comparing,
            seriesOrRanking.firstMatch(in: masked, range: whole) == nil,
            let found = fromTo.firstMatch(in: masked, range: whole),
            let first = Range(found.range(at: 1), in: masked),
            let second = Range(found.range(at: 2), in: masked),
            let all = Range(found.range, in: masked)
        else { return masked }
        var text = masked
        text.replaceSubrange(all, with: "\(masked[second]) against \(masked[first])")
        return text
    }

    /// "How did enrollments grow from Q1 2026 to Q2 2026", "a drop in enrollments last month
    /// compared to the month before": growth between two windows the question sets is the
    /// change of the count between them, answered as the count in each. A ranking of growth,
    /// a series and a breakdown by organization stay growth (and are refused against a window).
    static func growthBetweenWindows(_ match: inout Match, wording: Wording) {
        // "The February 2026 cohort vs the January 2026 cohort": each window is the cohort,
        // and its value is the window's, side by side (per cohort, the two months' rows had
        // nothing to set against each other: "2026-02 49.77% against –").
        if match.versus != nil, match.intent.dimension == .cohort, match.intent.ranking == nil {
            match.intent.dimension = nil
        }
        guard match.versus != nil, match.intent.measure == .growth, wording.granularity == nil,
            wording.peak == nil, match.intent.ranking == nil,
            match.intent.dimension == nil || match.intent.dimension == .period
        else { return }
        match.intent.measure = .enrollments
        match.intent.dimension = nil
        match.kind =
            kind(
                for: match.intent, badgeNamed: match.filters.badge != nil,
                organizationNamed: match.filters.organization != nil) ?? match.kind
    }

    /// "Which organization grew the most from Q1 to Q2 2026": growth is the later window set
    /// against the period just before it, which must be the earlier. Its window is the later
    /// one; it was the two together, set against the half year before (H1 2026 against H2
    /// 2025 named Acme & Sons as growing most, where it fell most from Q1 to Q2: blind test
    /// 83), and "from 2024 to 2025" against 2022 to 2023, before the data.
    /// - Throws: `growthNotBefore` when the earlier is not the period just before the later,
    ///   `unequalWindows` when it is but not as long.
    static func growthFromTo(
        _ masked: String, asOf: CivilDate, memo: Memo,
        _ failure: (MatchError.Reason) -> MatchError
    ) throws -> DateRange? {
        let whole = NSRange(masked.startIndex..., in: masked)
        guard let found = fromTo.firstMatch(in: masked, range: whole),
            let first = Range(found.range(at: 1), in: masked),
            let second = Range(found.range(at: 2), in: masked)
        else { return nil }
        let (earlierText, laterText) = (String(masked[first]), String(masked[second]))
        guard let later = try? memo.window(laterText, asOf: asOf).range,
            let laterStart = later.start
        else { return nil }
        // "From Q1 to Q2 2026": the first takes the second's year, or the year before when
        // it would not come first ("from December to January 2026").
        var earlier = try? memo.window(earlierText, asOf: asOf).range
        if earlierText.range(of: #"\b(?:19|20)\d{2}\b"#, options: .regularExpression) == nil {
            let year = laterStart.year
            earlier = (try? memo.window("\(earlierText) \(year)", asOf: asOf).range) ?? earlier
            if let start = earlier?.start, start >= laterStart {
                earlier =
                    (try? memo.window("\(earlierText) \(year - 1)", asOf: asOf).range) ?? earlier
            }
        }
        guard let earlier, earlier.end == laterStart else {
            throw failure(.growthNotBefore(later: laterText, earlier: earlierText))
        }
        // Just before, but not as long ("from last year to this year" in September): growth
        // would be against the months before this year's, not last year.
        guard comparable(later, earlier, asOf: asOf), comparable(earlier, later, asOf: asOf)
        else { throw failure(.unequalWindows(laterText, earlierText)) }
        return DateRange(start: laterStart, end: later.end, phrase: later.phrase)
    }

    /// "What is the change in enrollments this quarter": the change of the count from the
    /// period before, which growth is (organization trends). Other counts changed with one
    /// window are refused (`refuseUnappliedIntent`).
    static func changeOfEnrollments(_ match: inout Match, masked: String) {
        guard match.versus == nil, match.intent.measure == .enrollments,
            match.intent.dimension == nil, match.intent.ranking == nil,
            match.intent.compared.isEmpty, match.filters.badge == nil,
            changeWords.firstMatch(in: masked, range: NSRange(masked.startIndex..., in: masked))
                != nil
        else { return }
        match.intent.measure = .growth
        match.kind = .organizationTrends
    }

    private static let atLeastOne = try! NSRegularExpression(
        pattern: #"\bat\s+least\s+(?:one|1|a)\s+(?:\#(Vocabulary.badgeWord)|enrol+ments?)\b"#,
        options: [.caseInsensitive])
    private static let compareWords = try! NSRegularExpression(
        pattern: #"\b(?:compar\w*|differ\w*|stack(?:s|ed)? up)\b"#, options: [.caseInsensitive])
    private static let period =
        #"(?:(?:19|20)\d{2}|[qh][1-4]\s+(?:19|20)\d{2}|(?:last|this|previous)\s+(?:year|quarter|month|week)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2})"#
    /// A period, or a quarter, half or month without its year ("Q3", "July"), which the
    /// window reading places.
    private static let periodOrBare =
        #"\#(period)|[qh][1-4]|(?:january|february|march|april|may|june|july|august|september|october|november|december)"#
    /// "This month to last month", "Q3 2026 with Q3 2025", "Q3 to Q2", not after "from" or
    /// "between". "Compare Q3 to Q2 completions" was one window, Q3 2025 to Q2 2026 (6,056
    /// completions where Q3 held 1,405 and Q2 1,524; blind test 80).
    private static let comparedTo = try! NSRegularExpression(
        pattern:
            #"(?<!from )(?<!between )\b(\#(periodOrBare))\s+(?:to|with)\s+(?:the\s+)?(\#(periodOrBare))\b"#,
        options: [.caseInsensitive])
    private static let fromTo = try! NSRegularExpression(
        // The first may leave its year to the second: "from Q1 to Q2 2026"; both may leave it
        // out: "how did enrollments change from July to August" was one window, July and
        // August against May and June, and "fell" where August rose (blind test 80).
        pattern:
            #"\b(?:from|between)\s+(\#(periodOrBare))\s+(?:to|and|until)\s+(\#(periodOrBare))\b"#,
        options: [.caseInsensitive])
    /// A ranking or a series keeps "from 2024 to 2025" as one window: "which organizations
    /// grew the most from 2024 to 2025", "monthly enrollments from January to June 2025".
    /// "What is the percent change in enrollments from 2024 to 2025" is no ranking (it was
    /// read as one window, a series over both years).
    private static let seriesOrRanking = try! NSRegularExpression(
        pattern:
            #"\b(?:(?:which|what)\s+(?:(?:single|one|of the)\s+)?(?:\#(Vocabulary.orgWord)|\#(Vocabulary.badgeWord)|\#(Vocabulary.orgPlural)|\#(Vocabulary.badgePlural)|days?|weeks?|months?|quarters?|years?|periods?|cohorts?|ones?)|top|most|least|fewest|rank\w*|monthly|weekly|daily|quarterly|over time|trend\w*|(?:per|by|each|every) (?:day|week|month|quarter))\b"#,
        options: [.caseInsensitive])

    /// "The completion rate as of March 2026": the state on that day, which a rate, a status
    /// count or a time to complete cannot give (an enrollment's status carries no date: the
    /// answer counted completions made since). Counts of enrollments and completions are
    /// dated, and read up to the day.
    static func refuseStatusAsOf(
        _ match: Match, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        guard let range = match.filters.dateRange, let end = range.end,
            range.phrase.lowercased().hasPrefix("as of"),
            [
                .completionRate, .dropRate, .inProgress, .dropouts, .timeToComplete,
                .meanTimeToComplete, .averageProgress,
            ].contains(match.intent.measure)
        else { return }
        throw failure(
            .statusOnDay(
                measure: match.intent.measure.words, day: end.adding(days: -1).description))
    }
}
