/// A question the matcher could not route.
public struct MatchError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// No rule fits; the closest example phrasings, most similar first.
        case noMatch(closest: [String])
        case unknownName(kind: String, written: String, suggestion: String)
        case severalNames(kind: String, names: [String])
        case impossibleDate(String)
        case twoWindows(String, String)
        /// Three windows or more set side by side.
        case moreWindows([String])
        /// A time-like phrase that no window form reads.
        case unreadableTime(String)
        case backwardsWindow(String)
        /// Two windows set side by side whose lengths differ ("the last 4 weeks against the
        /// previous 2 weeks"): their counts do not compare.
        case unequalWindows(String, String)
        /// The only window is the one the question compares with ("compared with last year").
        case comparedWithNothing(String)
        case sameWindow(String)
        /// A series over time, or growth, set against another window.
        case seriesAgainstWindow(String)
        /// Growth "from" a window "to" another that is not the period just before it.
        case growthNotBefore(later: String, earlier: String)
        case futureWindow(String, asOf: String)
        /// A measure that Almanac does not break down that way.
        case unsupported(measure: String, dimension: String)
        /// A condition on a number ("fewer than 50"), which no analysis filters by.
        case threshold(String)
        /// A badge category ("security courses"), which no analysis filters by.
        case category(String)
        /// A measure the data does not hold ("revenue", "ratings").
        case absentMeasure(String)
        /// A run of words the question clearly gives as a name ("at Pied Piper", a quoted
        /// phrase) that names no badge or organization; the closest real names.
        case noSuchName(kind: String?, written: String, closest: [String])
        /// Joining the platform, which no kind answers yet.
        case joiningPlatform(String)
        /// A status counted on one past day ("in progress at the end of 2025"): statuses
        /// carry no date, so only a report as of that day can count them.
        case statusOnDay(measure: String, day: String)
        /// A part of the question that no analysis applies: a negation, an exclusion, a
        /// number per learner, learners of two badges at once, or a status as a filter.
        case unapplied(UnappliedPart, String)
        /// Organizations' growth cut to a count or ranked least first ("top 1"): the growth
        /// of organizations is listed whole, most growth first.
        case growthRanking(String)
        /// A name that is both a badge and an organization: which one the question means,
        /// the words cannot tell.
        case sharedName(String)
        /// A measure the question's words ask for that the kind it is given (`kind:`, or the
        /// questions file's own rule) does not compute: it would answer another measure.
        case kindCannotAnswer(kind: String, measure: String, rule: Bool)
        /// Words that ask for one period ("monthly") and a `granularity:` that sets another.
        case granularityConflict(words: String, declared: String)
    }

    public var questionID: String
    public var text: String
    public var reason: Reason
    /// The question's line in its file; 0 when it came from elsewhere (`almanac ask`).
    public var line = 0

    public init(questionID: String, text: String, reason: Reason, line: Int = 0) {
        self.questionID = questionID
        self.text = text
        self.reason = reason
        self.line = line
    }

    public var description: String {
        switch reason {
        case .noMatch(let closest):
            let examples = closest.map { "  \"\($0)\"" }.joined(separator: "\n")
            return """
                question `\(questionID)` ("\(text)") matches no kind of analysis. Almanac answers \
                questions about enrollments, learners, completions, drop-outs, progress, time to \
                complete and learning paths. The closest it knows are:
                \(examples)
                Rephrase it like one of these, add `kind:` (\(Matcher.specificity.map(\.rawValue).joined(separator: ", "))) \
                to the question, or write the query yourself with `sql:`
                """
        case .unknownName(let kind, let written, let suggestion):
            return
                "question `\(questionID)`: no \(kind) is called '\(Self.cut(written))'; did you mean '\(Self.cut(suggestion))'?"
        case .noSuchName(let kind, let written, let closest):
            let what = kind ?? "badge or organization"
            let names = closest.map { "'\(Self.cut($0))'" }.joined(separator: ", ")
            return
                "question `\(questionID)`: no \(what) is called '\(Self.cut(written))'"
                + (closest.isEmpty
                    ? "" : "; the closest \(closest.count == 1 ? "name is" : "names are") \(names)")
                + ". Name one that exists, or leave the name out to ask across all of them"
        case .absentMeasure(let word):
            return
                "question `\(questionID)` asks about \"\(Self.cut(word))\", which the data does not hold. Almanac measures \(Self.measures); ask about one of these, or write the query yourself with `sql:`"
        case .joiningPlatform(let phrase):
            return
                "question `\(questionID)` asks about learners joining the platform (\"\(Self.cut(phrase))\"), which Almanac does not answer yet: its numbers count enrollments in badges, not sign-ups to the platform. Ask about enrollments or learners with an enrollment, or write the query yourself with `sql:` over users.joined_at"
        case .statusOnDay(let measure, let day):
            return
                "question `\(questionID)` asks for \(measure) on \(day), but an enrollment's status carries no date: Almanac can count it only as of the report's date. Build the report as of that day (`--as-of \(day)`) and ask without the date, or ask about the enrollments made in a window (\"in 2025\")"
        case .severalNames(let kind, let names):
            let list = names.map { "'\(Self.cut($0))'" }.joined(separator: " and ")
            return
                "question `\(questionID)` names \(names.count) \(kind)s, \(list), in a way Almanac cannot compare: it sets two to five \(kind)s side by side for one measure (\"completion rate at A vs B\"), but not for growth, a learning path, more than five, or several badges and organizations at once. Ask one question per \(kind), or write the query yourself with `sql:`"
        case .impossibleDate(let date):
            return
                "question `\(questionID)`: \(date) is not a date that exists; write dates as YYYY-MM-DD"
        case .twoWindows(let first, let second):
            return
                "question `\(questionID)` has two time windows, \"\(first)\" and \"\(second)\"; keep one, or set them side by side with \"against\" (\"enrollments in 2025 against 2024\")"
        case .moreWindows(let phrases):
            let quoted = phrases.map { "\"\($0)\"" }
            return
                "question `\(questionID)` sets \(phrases.count) time windows side by side, \(quoted.dropLast().joined(separator: ", ")) and \(quoted.last ?? ""); a comparison is of two windows. Ask for two (\"enrollments in Q3 against Q2\"), or for the series of one longer window (\"quarterly enrollments this year\")"
        case .unreadableTime(let phrase):
            return
                "question `\(questionID)`: Almanac cannot read the time \"\(phrase)\"; write it in one of these forms: \(TimeWindow.forms)"
        case .sameWindow(let phrase):
            return
                "question `\(questionID)` sets \"\(phrase)\" against the same window; set it against another (\"2025 against 2024\"), or against \"the period before\""
        case .comparedWithNothing(let other):
            return
                "question `\(questionID)` compares with \"\(other)\" but gives no window of its own to set against it; write both, such as \"this year compared with last year\""
        case .growthNotBefore(let later, let earlier):
            return
                "question `\(questionID)` ranks growth from \"\(earlier)\" to \"\(later)\"; growth is a window's change from the period just before it, as long, and \"\(earlier)\" is not that of \"\(later)\". Ask for the growth of one window (\"which organization grew the most in Q1 2026\", against the quarter before), or set the two side by side without a ranking (\"enrollments by organization in March 2026 against January 2026\")"
        case .seriesAgainstWindow(let other):
            return
                "question `\(questionID)` asks for a series over time, or growth, against \"\(other)\"; a series is not set beside another window, and growth is already the change from the period before. Ask for the count in each window (\"enrollments in 2026 against 2025\"), or for the series of one window"
        case .unequalWindows(let own, let other):
            return
                "question `\(questionID)`: the window \"\(own)\" is not as long as \"\(other)\", so their numbers do not compare; make them the same length, or say \"against the period before\""
        case .backwardsWindow(let phrase):
            return "question `\(questionID)`: the window \"\(phrase)\" ends before it starts"
        case .futureWindow(let phrase, let asOf):
            return
                "question `\(questionID)`: the window \"\(phrase)\" starts after the report's as-of date, \(asOf), so it holds no data; pick an earlier window or pass --as-of"
        case .category(let phrase):
            return
                "question `\(questionID)`: Almanac does not filter or break down by category (\"\(phrase)\"); name one badge, ask across all badges, or write the query yourself with `sql:`"
        case .threshold(let phrase):
            return
                "question `\(questionID)`: Almanac does not filter by a threshold (\"\(phrase)\"); ask for a ranking instead, such as \"the 10 badges with the fewest enrollments\", or write the query yourself with `sql:`"
        case .unapplied(let part, let phrase):
            return
                "question `\(questionID)`: Almanac cannot apply \"\(Self.cut(phrase))\": \(Self.unapplied[part] ?? "")"
        case .sharedName(let name):
            return
                "question `\(questionID)` names '\(Self.cut(name))', which is both a badge and an organization in this database, and Almanac cannot tell which is meant; rename one of them (`almanac check` lists them), or write the query yourself with `sql:`"
        case .growthRanking(let ranking):
            return
                "question `\(questionID)` ranks organizations by growth (\(ranking)), but Almanac lists the growth of every organization, most growth first, and does not cut or reverse that list; ask \"Which organizations grew the most in 2026?\" and read the first or last rows, or write the query yourself with `sql:`"
        case .kindCannotAnswer(let kind, let measure, let rule):
            let (given, fix) =
                rule
                ? ("the questions file's rule routes it to `\(kind)`, which", "change the rule")
                : ("its `kind: \(kind)`", "remove the `kind:` to let Almanac route it")
            return
                "question `\(questionID)` asks for \(measure), but \(given) does not compute it: the page would answer another measure; \(fix), or write the query yourself with `sql:`"
        case .granularityConflict(let words, let declared):
            return
                "question `\(questionID)` asks for \(words) figures in its words, but its `granularity: \(declared)` sets another period; make the two agree, or drop one"
        case .unsupported(let measure, let dimension):
            return
                "question `\(questionID)` asks for \(measure) by \(dimension), which Almanac does not compute; ask for it overall or by another breakdown, or write the query yourself with `sql:`"
        }
    }

    /// Names and phrases in a message are cut: a database may hold a megabyte-long name.
    static func cut(_ text: String) -> String { DisplayName.cut(text, limit: 80) }

    /// Why each unapplied part is refused, and what to ask instead.
    static let unapplied: [UnappliedPart: String] = [
        .exclusion:
            "it counts what a badge, an organization or the whole platform holds, never what is left out or what has none. Ask for the breakdown (\"by organization\", \"by badge\", where learners with no organization are \"(no organization)\") and read the rest from it, ask for the fewest (a bottom ranking keeps those with none), or write the query yourself with `sql:`",
        .negatedStatus:
            "an enrollment is completed, dropped, in progress or enrolled, and Almanac counts those statuses, not what is not one of them. Ask how many dropped out, how many are still in progress, or for the completion rate, or write the query yourself with `sql:`",
        .perLearner:
            "its numbers are counts, rates and times over learners by badge, organization or period, not averages per learner or per organization, or rankings of learners. Ask for the total or the breakdown (\"enrollments by organization\"), or how many learners (\"how many learners completed a badge\"), or write the query yourself with `sql:`",
        .intersection:
            "it counts each badge's learners, not the learners who took two badges, or took one and not the other. Ask about each badge, ask what learners take after one (\"what do learners take after Docker Basics\"), or write the query yourself with `sql:`",
        .catalogue:
            "it counts enrollments, learners and completions, not the badges or organizations themselves; the index's totals say how many of each the database holds. Ask how many learners or enrollments, or write the query yourself with `sql:`",
        .shareOfTotal:
            "it does not divide one badge's or organization's count by the whole: its rates are the completion and drop-out rates. Ask for the breakdown (\"enrollments by organization\", whose table gives each count beside the total), or write the query yourself with `sql:`",
        .twoBreakdowns:
            "it breaks a measure down one way at a time: by badge, organization, cohort or period. Ask one question per breakdown, filter by a name (\"completion rate by badge at Initech\"), or write the query yourself with `sql:`",
        .statistic:
            "its averages are the average progress and the mean time to complete, and its medians are of the time to complete: no average of a count, nor a median of progress, nor an average or median of rates across badges or organizations. Ask for the count in a window, the series (\"monthly enrollments\"), the average progress, or the rate itself (\"the completion rate in 2025\", over every enrollment, or \"by badge\"), or write the query yourself with `sql:`",
        .timeUnit:
            "the time to complete is given in days, with one decimal (\"27.8 days\"). Ask for it without the unit, and divide by 7 for weeks, or write the query yourself with `sql:`",
        .emptyRanking:
            "a ranking of none lists nothing. Ask for a number of places (\"the top 3 badges\") or for the whole ranking (\"enrollments by badge\"), or write the query yourself with `sql:`",
        .shareOfLearners:
            "its completion and drop-out rates are shares of enrollments, not of learners: a learner with three enrollments counts three times. Ask for the completion rate (of enrollments), or how many learners completed (\"how many learners completed a badge in 2025\") beside how many enrolled, or write the query yourself with `sql:`",
        // "Which organization improved its completion rate most from Q1 to Q2" gave two windows
        // and was told it gave at most one (blind test 85).
        .change:
            "it gives a change only between two windows set side by side, and ranks badges or organizations by the value in one window, never by its change (organizations' growth in enrollments aside). Set two side by side without a ranking (\"the completion rate by organization in Q2 2026 against Q1 2026\", whose table gives each change), ask per cohort (\"completion rate by cohort\"), or write the query yourself with `sql:`",
        .againstWhole:
            "it sets two to five named badges or organizations side by side, or two windows, not one name against the whole. Ask for the breakdown (\"drop-out rate by badge\"), whose summary gives the platform's value beside each, or name the ones to compare, or write the query yourself with `sql:`",
        .combined:
            "names set side by side are answered each with its own value, not added up. Ask about each, or across all of them, or write the query yourself with `sql:`",
        .perPeriodRanking:
            "it ranks badges and organizations over the whole window, not within each period, and counts by period only in the trends of enrollments and completions. Ask for the ranking in one window (\"in March 2025\"), or the series (\"monthly enrollments at Initech\"), or write the query yourself with `sql:`",
        .repeatEnrollment:
            "an enrollment is one learner in one badge, and Almanac counts enrollments and learners, not learners who enrolled in the same badge again (learning paths keep each learner's first enrollment in a badge). Ask how many enrollments or learners, or write the query yourself with `sql:`",
        .role:
            "the data holds no job roles or departments: a learner has an organization and a join date, not a role or a team within it. Ask about all learners, or about an organization's (\"learners at Initech\"), or write the query yourself with `sql:`",
        .badgeAmongBadges:
            "a badge named is the whole scope of a question, so badges ranked or listed within it would be that one badge alone. For where it stands, ask for every badge (\"completion rate by badge\"), whose table places it; for what its learners take besides, ask what they take after it (\"what do learners take after Python Basics\"); or write the query yourself with `sql:`",
        .place:
            "the data holds no places: a learner has an organization and a join date, not a country, region or city. Ask about all learners, or about a named organization (\"learners at Initech\"), or write the query yourself with `sql:`",
        .attribute:
            "the data holds no kinds of learners or badges: a learner has an organization and a join date, and a badge a name and a category, with no plan, level, type or record beyond the enrollments. Ask about all learners or badges, or about a named organization or badge, or write the query yourself with `sql:`",
        .periodSize:
            "a breakdown over time needs its period: say per day, week, month or quarter (\"enrollments per month\", \"completions by quarter\"), or by cohort for the rates (\"completion rate by cohort\"), or write the query yourself with `sql:`",
        .cumulative:
            "its counts are of a window or of each period, not running totals. Ask for the count up to a date (\"enrollments until March 2026\", \"ever\"), or the series (\"monthly enrollments at Initech\") and add it up, or write the query yourself with `sql:`",
        .pathStatus:
            "learning paths follow every learner who took the badge, finished or not, not the learners of one status. Ask what learners take after the badge (\"what do learners take after Python Basics?\"), or write the query yourself with `sql:`",
        .statusFilter:
            "average progress and the completion and drop-out rates are over every enrollment in the scope, whatever its status, and the time to complete is over the completed ones alone (a drop-out has none). Ask for the average progress or the rate of a badge or organization, or the count of one status (\"how many are in progress\"), or write the query yourself with `sql:`",
        .twoStatuses:
            "it counts one status at a time. Ask for each (\"how many enrollments are in progress\", \"how many were completed\"), or for the completion or drop-out rate, whose page shows every status in its Overall table, or write the query yourself with `sql:`",
        .enrolledOnly:
            "no measure counts the enrollments not yet started (status `enrolled`) on their own; the Overall table of a completion page shows every status. Ask for the enrollments, those in progress, completed or dropped, or write the query yourself with `sql:`",
        .rankedByAnother:
            "a table is ranked by the measure it reports. Ask for the ranking (\"the top 5 badges by enrollments\"), then for the measure of each, or write the query yourself with `sql:`",
        .timeOfDay:
            "enrollments and completions are counted by day, not by the hour or the day of the week. Ask for a window of days (\"last week\", \"in March 2026\") or a series (\"enrollments per week\"), or write the query yourself with `sql:`",
        .deadline:
            "the data holds no due dates, so nothing is on time or late. Ask for the time to complete (\"how long does Python Basics take\") or the completion rate, or write the query yourself with `sql:`",
        .ordinalRank:
            "a ranking lists the top or the bottom from the first place. Ask for the top 3 (\"the 3 most popular badges\") and read the place you want from its table, or write the query yourself with `sql:`",
        .listOrder:
            "a ranking is listed from its first place: the top ones from the highest, the bottom ones from the lowest. Ask for the top or the bottom (\"the 3 badges with the lowest completion rate\"), or write the query yourself with `sql:` (`ORDER BY`)",
        .countRange:
            "a ranking keeps one number of places. Ask for one (\"the top 5 badges by learners\"), or write the query yourself with `sql:`",
        .periodChange:
            "a series gives each period's count, and growth is the change of one window against the one before it, in enrollments, not a rate of growth. Ask for the series (\"enrollments per month in 2025\"), for two windows side by side (\"enrollments this month against last month\"), or write the query yourself with `sql:`",
        .enrolledAndCompleted:
            "completions are counted by the day they happened, whenever their enrollment was made, and the completion rate is of the enrollments made in the window, completed by the report's date: neither is of the enrollments made in one window and completed in another. Ask for the completions in a window, or the completion rate of the enrollments made in it, or write the query yourself with `sql:`",
        .pathShape:
            "learning paths follow every learner of a badge from that badge on, for three steps: the next badge, the one before, the first badge and the common paths of up to three badges. They are not cut by where a path ends, its length, a later step, or the learners' first badge. Ask what learners take after a badge, before it, or which badge they start with, or write the query yourself with `sql:`",
        .growthMeasure:
            "growth is the change in the count of enrollments from the period before, ranked by that count, not in percent and not of distinct learners. Ask which organizations grew the most (enrollments), set two windows side by side (\"learners at Initech this year against last year\" gives the change in percent), or write the query yourself with `sql:`",
        .firstFew:
            "it counts every enrollment of the badge, organization and window asked, not the first or last few of them. Ask for a window (\"enrollments made in January 2024\"), or write the query yourself with `sql:` (`ORDER BY enrolled_at LIMIT 100`)",
        .twoQuestions:
            "each question gets one page and answers one thing. Ask the two parts as two questions, or write the query yourself with `sql:`",
        .percentile:
            "the time to complete is answered as its median (\"how long does Python Basics take\") or its mean (\"the average time to complete\"), not as another percentile or an extreme. Ask for one of those, or write the query yourself with `sql:`",
        .threshold:
            "it gives the time to complete and the progress as medians and averages, and counts and rates by badge, organization or period, not those above or below a line (\"within a week\", \"halfway\", \"twice as many as\"). Ask for the median time to complete, the average progress, the count in progress or a ranking (\"the 5 badges with the most enrollments\"), or write the query yourself with `sql:`",
        .firstTimers:
            "it counts the learners with an enrollment in a window, and ranks the badges learners start with, but does not count the learners whose first enrollment fell in a window. Ask which badge learners start with (\"the most common first badge in 2026\"), or write the query yourself with `sql:` (a learner's first enrollment is the earliest `enrolled_at` of their `user_id`)",
        .changeRanking:
            "a ranking orders by the value in the question's own window, not by its change from the other. Set the windows side by side without a ranking (\"the completion rate by organization in 2025 against 2024\"), whose table gives each change, ask which organizations grew the most (enrollments), or write the query yourself with `sql:`",
        .organizationAsBadge:
            "that names an organization where a badge belongs: learning paths go from one badge to the next. Ask what the organization's learners take after a badge (\"what do Initech learners take after Python Basics?\"), or which badge they start with (\"where do Initech learners start?\")",
        .completionWindow:
            "the time to complete is over the enrollments made in the window (by the day they began), not the completions made in it. Ask for the time to complete of the enrollments made in the window (\"the median time to complete in Q1 2026\"), or write the query yourself with `sql:`",
        .twoMeasures:
            "each question gets one page, which answers one measure. Ask for each measure in a question of its own (\"how many enrollments…\", \"how many completions…\"), or write the query yourself with `sql:`",
        .rankingOfNothing:
            "it ranks badges or organizations, and the question names neither. Say which (\"the top 3 badges by completions\", \"the 5 organizations with the most enrollments\"), or write the query yourself with `sql:`",
        .mixedComparison:
            "comparisons set badges against badges, or organizations against organizations; a badge and an organization together are one scope (the badge's learners at the organization). Ask for the badge at the organization (\"enrollments in Python Basics at Initech\"), compare the organizations within the badge, or write the query yourself with `sql:`",
        .timeBetweenBadges:
            "the time between two badges is not a measure of its own. Ask what learners take after the first badge (\"what do learners take after Python Basics?\"): its table gives the median days between the two enrollments for each next badge, or write the query yourself with `sql:`",
    ]

    /// What Almanac measures, for a refusal of a measure the data does not hold.
    static let measures =
        "enrollments, learners, completions, completion rate, drop-outs and the drop-out rate, enrollments in progress, time to complete, average progress, learning paths (first, next and previous badges) and growth over time"
}

extension MatchError.Reason {
    /// The reason with a name it quotes spelled as the question spells it. The rules read a
    /// question with the accents on Latin letters taken off ("Q́3" is Q3), so a name they
    /// quote had lost its own: "no organization is called 'Zurich'" for "Zürich Labs" (blind
    /// test 60).
    func quotingAccents(of question: String) -> Self {
        func original(_ written: String) -> String {
            guard !written.isEmpty, !question.contains(written),
                let range = question.range(
                    of: written, options: [.diacriticInsensitive, .caseInsensitive])
            else { return written }
            return String(question[range])
        }
        switch self {
        case .noSuchName(let kind, let written, let closest):
            return .noSuchName(kind: kind, written: original(written), closest: closest)
        case .unknownName(let kind, let written, let suggestion):
            return .unknownName(kind: kind, written: original(written), suggestion: suggestion)
        default:
            return self
        }
    }
}
