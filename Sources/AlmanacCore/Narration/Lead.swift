/// The first sentence of an offline summary: the answer to what was asked, in the order it
/// was asked for, before the kind's general summary. It quotes only values of the `Answer`,
/// formatted as the tables show them.
enum Lead {
    /// How many rows a sentence names before it points to the table.
    static let named = 5

    static func sentence(for answer: Answer, filters: Filters) -> String? {
        guard var text = body(answer, filters: filters) else { return nothingRanked(answer) }
        // A ranking of periods leaves out those the window or the data covers in part: said
        // (a test on other data found the larger partial quarter left out in silence).
        if !answer.partialLeftOut.isEmpty, !answer.rows.isEmpty {
            let noun = PeriodCoverage.noun(answer.subjectTitle ?? "")
            text += " " + capitalized(partial(answer.partialLeftOut, noun)) + ", left out."
        }
        // "How many people dropped out in August" means drops that happened then, which the
        // data cannot date: said what the window counts instead (a blind tester).
        if answer.intent.measure == .dropouts, filters.dateRange != nil, answer.versus == nil {
            text +=
                answer.intent.people
                ? " Drop-outs carry no date: these are the learners whose enrollments made in the window had been dropped by the report's date."
                : " Drop-outs carry no date: these are the enrollments made in the window that had been dropped by the report's date."
        }
        // A ranking of organizations leaves learners with none out: said, with their value.
        guard let row = answer.leftOut, !answer.rows.isEmpty else { return text }
        return text + noOrganization(row, answer)
    }

    /// " Learners with no organization are not ranked (completion rate 40.14%, 2,345
    /// enrollments)."
    private static func noOrganization(_ row: Answer.Row, _ answer: Answer) -> String {
        let support =
            answer.supportTitle.flatMap { title in
                row.support.map { ", \(NumberText.count($0)) \(title.lowercased())" }
            } ?? ""
        // "(learners 172 learners, …)": the value already names what it counts.
        let title = answer.value.title.lowercased()
        let shown = value(row, answer)
        let named = shown.hasSuffix(" " + title) ? shown : "\(title) \(shown)"
        return " Learners with no organization are not ranked (\(named)\(support))."
    }

    /// A ranking left with nothing to rank, said rather than left without a sentence (an
    /// attack run): every period the data covers only in part ("which month had the most
    /// enrollments in 2025" of data that began on 5 March, as of 25 March), or no
    /// organization but learners with none.
    private static func nothingRanked(_ answer: Answer) -> String? {
        guard answer.rows.isEmpty, answer.intent.ranking != nil, let title = answer.subjectTitle
        else { return nil }
        if title == "Organization" {
            return "No organization has enrollments to rank."
                + (answer.leftOut.map { noOrganization($0, answer) } ?? "")
        }
        guard Answer.periodTitles.contains(title) || title == "Cohort" else { return nil }
        let noun = PeriodCoverage.noun(title)
        guard !answer.partialLeftOut.isEmpty else {
            return "No whole \(noun) to rank: the data covers none of the window in whole."
        }
        return "No whole \(noun) to rank: \(partial(answer.partialLeftOut, noun)), left out."
    }

    /// "1 enrollment, a small base" for a rate over fewer enrollments than the summary's
    /// best and worst need; nil otherwise.
    private static func smallBase(_ row: Answer.Row, _ answer: Answer) -> String? {
        guard answer.value.format == .percent, let support = row.support,
            support < OfflineNarrator.comparable, let title = answer.supportTitle
        else { return nil }
        let noun = title.lowercased()
        let counted = support == 1 && noun.hasSuffix("s") ? String(noun.dropLast()) : noun
        return "\(NumberText.count(support)) \(counted), a small base"
    }

    /// The count a rate or a time is of: " (enrollments: 2)", or " (enrollments: 2, a small
    /// base)"; empty for a count.
    private static func behind(_ row: Answer.Row, _ answer: Answer, small: Bool = false)
        -> String
    {
        guard let support = row.support, let title = answer.supportTitle,
            answer.value.format != .count
        else { return "" }
        return
            " (\(title.lowercased()): \(NumberText.count(support))\(small ? ", a small base" : ""))"
    }

    private static func body(_ answer: Answer, filters: Filters) -> String? {
        if let windows = answer.growthWindows, answer.rows.isEmpty {
            // Every organization's earlier count is missing: the window lies before the data.
            return
                "No organization's growth can be measured: the period before (\(windows.previous.days)) lies before the data."
        }
        guard let first = answer.rows.first else { return nil }
        var scoped = filters
        // After or before a badge, it is the anchor; first badges ignore the badge filter.
        if answer.anchor != nil || answer.intent.measure == .firstBadge { scoped.badge = nil }
        let narrator = OfflineNarrator()
        var scope = narrator.scope(scoped)
        if let window = answer.window { scope += " in " + md(window) }
        if let range = filters.dateRange {
            // Say which day the window counts: completion's, or (for everything else a rate or
            // duration is of) enrollment's.
            var undated = scoped
            undated.dateRange = nil
            if answer.countsCompletionDay && answer.intent.people {
                // "Learners who completed" already says which day is counted.
                scope = narrator.scope(undated) + " " + narrator.between(range)
            } else if answer.countsCompletionDay {
                scope = narrator.scope(undated) + ", completed " + narrator.between(range)
            } else if ![.enrollments, .learners, .growth].contains(answer.intent.measure) {
                scope = narrator.scope(undated) + ", of enrollments made " + narrator.between(range)
            }
        }
        // The badge is what people completed (dropped out of, are in progress in): "learners
        // who completed Python Basics", not "learners who completed for Python Basics".
        if answer.intent.people, let badge = scoped.badge, scope.hasPrefix(" for " + md(badge)) {
            let joint: String
            switch answer.intent.measure {
            case .completions: joint = " "
            case .dropouts: joint = " of "
            case .inProgress: joint = " in "
            default: joint = " for "
            }
            scope = joint + scope.dropFirst(" for ".count)
        }
        // People counted are named as such: "learners who dropped out", not "drop-outs".
        let measure =
            answer.intent.measure == .growth || answer.intent.people
            ? answer.value.title.lowercased().replacingOccurrences(of: " in the window", with: "")
            // Per cohort, completions are the cohort's completed enrollments (the glossary
            // keeps "completions" for those counted by the day they happened).
            : answer.intent.completedEnrollments
                || answer.intent.measure == .completions && answer.intent.dimension == .cohort
                ? "completed enrollments" : answer.intent.measure.words
        if answer.versus != nil {
            return against(answer, measure: measure, scope: scope)
        }
        guard let subject = answer.subjectTitle else {
            // A rate of no enrollments has no value: said in words, not as "– (enrollments: 0)".
            if first.value == .null, first.support == 0, answer.value.format == .percent {
                return "\(capitalized(measure))\(scope): none, as there are no enrollments."
            }
            // "Completion rate: 33.33% (enrollments: 15)" said nothing of its base, where
            // docs/metrics.md says a rate under 20 enrollments is said to be small (blind test 82).
            var text =
                "\(capitalized(measure))\(scope): \(value(first, answer))"
                + behind(first, answer, small: smallBase(first, answer) != nil)
            if let part = first.part { text += "; \(NumberText.count(part.count)) \(part.noun)" }
            if let beside = answer.besideColumn, let other = first.beside {
                var median = first
                median.value = other
                text += "; \(beside.title.lowercased()): \(value(median, answer))"
            }
            return text + "."
        }
        if answer.intent.compared.count > 1 {
            return sideBySide(answer, measure: measure, scope: scope)
        }
        if answer.isTimeline {
            return timeline(answer, measure: measure, subject: subject, scope: scope)
        }
        if let windows = answer.growthWindows {
            return growth(answer, windows, scope: scope)
        }
        // A rate over fewer enrollments than the summary compares says so: "Go Basics (0.00%)"
        // led a ranking from one enrollment (an attack run).
        let shown = answer.rows.prefix(named).map { row in
            "\(md(row.subject)) (\(value(row, answer))\(smallBase(row, answer).map { "; " + $0 } ?? ""))"
        }
        let more = rest(answer)
        switch answer.intent.measure {
        case .nextBadge, .previousBadge, .firstBadge, .paths:
            return sequence(answer, shown, scope: scope) + more + "."
        default:
            break
        }
        let counts = answer.value.format == .count
        let order =
            answer.intent.ranking?.order == .bottom
            ? (counts ? "fewest" : "lowest") : (counts ? "most" : "highest")
        let noun = subject.lowercased()
        // Cohorts still finishing are left out of a ranking of cohorts, and said so.
        let finishing =
            answer.finishingCohorts.isEmpty
            ? "" : " (\(list(answer.finishingCohorts)), still finishing, left out)"
        // A ranking whose best has no value has none to rank (nulls sort last): "the highest
        // median days to complete … is no completions yet to the tenth of a day, shared by 23
        // badges" (an attack run).
        if answer.intent.ranking != nil, first.value == .null {
            let what =
                answer.value.format == .days ? "a completion to time" : "a value to rank"
            return "No \(noun) has \(what) yet\(scope)\(finishing)."
        }
        // The most of nothing is no top: "the month with the most completions is 2025-03: 0"
        // (an attack run, where every enrollment was dropped).
        if counts, answer.intent.ranking?.order != .bottom, first.value.doubleValue == 0 {
            return "No \(noun)\(scope)\(finishing) had any \(measure.lowercased()): 0 in each."
        }
        if answer.intent.ranking?.count == 1 && answer.rows.count == 1 {
            // A rate's count behind it: "Communication & Influence: 100.00%" was of 2
            // enrollments, unsaid (blind test 44). Fewer than the summary compares are said
            // to be few: "Ōsaka Robotics 大阪: 78.57% (enrollments: 14)" led a page whose
            // summary went on "among organizations with enough enrollments to compare,
            // Globex Corporation leads", two leaders to a reader (blind test 63).
            let count = behind(first, answer, small: smallBase(first, answer) != nil)
            return
                "The \(noun) with the \(order) \(measure.lowercased())\(scope)\(finishing) is \(md(first.subject)): \(value(first, answer))\(count)."
        }
        if let ranking = answer.intent.ranking, let wanted = ranking.count,
            answer.rows.count > wanted
        {
            return tiedAtCut(
                answer, wanted: wanted,
                head: "\(order) \(measure.lowercased())\(scope)\(finishing)",
                noun: noun)
        }
        if let ranking = answer.intent.ranking {
            let count = answer.rows.count
            return
                "The \(count == 1 ? noun : plural(noun, count)) with the \(order) \(measure.lowercased())\(scope)\(finishing) \(count == 1 ? "is" : "are") \(list(shown))\(more)."
                + (ranking.count.map { $0 > count ? " Only \(count) had any." : "" } ?? "")
        }
        let lead =
            answer.intent.ranking?.order == .bottom
            ? (counts ? "fewest" : "lowest") : (counts ? "most" : "highest")
        return "\(capitalized(measure)) by \(noun)\(scope), \(lead) first: \(list(shown))\(more)."
    }

    /// The table holds more rows than the sentence names: "; the table lists the rest", and
    /// first the rows that tie with the last one named ("; SQL Fundamentals also has 16
    /// learners"): a sentence cut at five names left an equal sixth unsaid, as if the fifth
    /// came before it (blind test 54).
    private static func rest(_ answer: Answer) -> String {
        guard answer.rows.count > named else { return "" }
        let last = answer.rows[named - 1]
        let tied = answer.rows.dropFirst(named).prefix { $0.value == last.value }.map {
            sequenceSubject($0, answer)
        }
        guard !tied.isEmpty else { return "; the table lists the rest" }
        let names =
            tied.count > named
            ? tied.prefix(named).joined(separator: ", ") + " and \(tied.count - named) more"
            : list(tied)
        let also =
            tied.count == 1
            ? "\(names) also has \(value(last, answer))"
            : "\(names) also have \(value(last, answer)) each"
        return "; " + also
            + (answer.rows.count > named + tied.count ? ", and the table lists the rest" : "")
    }

    /// A ranking that keeps more rows than asked for, because rows tie with the last one
    /// asked for: those ahead of the tie are named, then how many share the tied value, each
    /// named, so that no tied row is left out of the sentence unsaid ("the top 5 … are A (40),
    /// B (31) and C (27), then 3 tied at 26: D, E and F").
    private static func tiedAtCut(_ answer: Answer, wanted: Int, head: String, noun: String)
        -> String
    {
        let cut = answer.rows[wanted - 1].value
        let ahead = answer.rows.prefix { $0.value != cut }
        let tied = answer.rows.dropFirst(ahead.count)
        // "100.00%, shared by 2 organizations: Hooli and Wayne Enterprises" were of 1 and 6
        // enrollments (blind test 66): each says so.
        let names = tied.map { row in
            md(row.subject) + (smallBase(row, answer).map { " (\($0))" } ?? "")
        }
        let tiedNames =
            names.count > named
            ? names.prefix(named).joined(separator: ", ")
                + " and \(names.count - named) more in the table"
            : list(names)
        // Days are kept to a tenth: "14.9 days, shared by 4 badges" were 14.857 to 14.933
        // days (an attack run), a tie only at that precision.
        let value =
            Self.value(tied.first!, answer)
            + (answer.value.format == .days ? " to the tenth of a day" : "")
        guard !ahead.isEmpty else {
            return
                "The \(head) is \(value), shared by \(tied.count) \(plural(noun, tied.count)): \(tiedNames)."
        }
        let aheadText = ahead.map { "\(md($0.subject)) (\(Self.value($0, answer)))" }
        return
            "The \(plural(noun, wanted)) with the \(head) are \(list(aheadText)), then \(tied.count) tied at \(value): \(tiedNames)."
    }

    /// The first row of the lowest value and the first of the highest, among rows that have
    /// one; nil when fewer than two have a value or all are equal. (Indexes over the values:
    /// `min(by:)` inside the caller's condition crashed Swift 6.3.1's release build.)
    static func extremes(_ rows: [Answer.Row]) -> (low: Answer.Row, high: Answer.Row)? {
        let valued = rows.compactMap { row in row.value.doubleValue.map { (row, $0) } }
        guard valued.count > 1 else { return nil }
        var low = 0
        var high = 0
        for index in valued.indices {
            if valued[index].1 < valued[low].1 { low = index }
            if valued[index].1 > valued[high].1 { high = index }
        }
        guard valued[low].1 != valued[high].1 else { return nil }
        return (valued[low].0, valued[high].0)
    }

    /// "2025-12 is a partial month", "2014-Q2 and 2015-Q2 are partial quarters".
    private static func partial(_ periods: [String], _ noun: String) -> String {
        "\(list(periods)) \(periods.count == 1 ? "is a partial \(noun)" : "are partial \(noun)s")"
    }

    /// "… went from A in P to B in Q", over the periods the data covers in whole; the
    /// partial ones are named, not compared.
    private static func timeline(
        _ answer: Answer, measure: String, subject: String, scope: String
    ) -> String {
        let whole = answer.wholeRows
        let partial = answer.partialPeriods
        let noun = PeriodCoverage.noun(subject)
        // "29 on 2026-08-31", "874 in 2026-08".
        let at = noun == "day" ? "on" : "in"
        let lead = "\(capitalized(measure)) per \(period(subject))\(scope)"
        // Cohorts still finishing are named with why, like partial periods; the one cohort
        // asked for is given, and said to be still finishing (it was called "a partial month",
        // then "left out", beside its own value).
        let whole1 = whole.first ?? answer.rows.first
        let alone = whole.count <= 1 ? whole1?.subject : nil
        let cohorts = answer.finishingCohorts.filter { $0 != alone }
        var finishing = ""
        if let days = answer.finishingDays, !cohorts.isEmpty {
            let many = cohorts.count > 1
            finishing =
                "; \(list(cohorts)) \(many ? "are" : "is") still finishing (most completions come within \(NumberText.decimal(days, places: 1)) days of enrolling), left out"
        }
        // A day's count against another's is noise: "went from 33 on 2026-08-01 to 29 on
        // 2026-08-31" read as a fall in a month that rose 22.8 % (a review). Days say their
        // range instead: the first lowest and the first highest.
        if noun == "day", let (low, high) = extremes(whole) {
            let text =
                "\(lead) ranged from \(value(low, answer)) on \(low.subject) to \(value(high, answer)) on \(high.subject)"
            return text + (partial.isEmpty ? "" : "; \(Self.partial(partial, noun)), left out")
                + finishing + "."
        }
        if let first = whole.first, let last = whole.last, whole.count > 1 {
            let text =
                "\(lead) went from \(value(first, answer)) \(at) \(first.subject) to \(value(last, answer)) \(at) \(last.subject)"
            return text + (partial.isEmpty ? "" : "; \(Self.partial(partial, noun)), left out")
                + finishing + "."
        }
        guard let only = whole1 else { return lead + "." }
        // No whole period at all: the partial ones the data touches, with their values, and
        // not a period before the data ("0 in 2024-03 (a partial month)", an attack run).
        let beforeData = answer.rows.contains {
            $0.partial && !partial.contains($0.subject)
                && !answer.finishingCohorts.contains($0.subject)
        }
        if whole.isEmpty, beforeData {
            let touched = answer.rows.filter { partial.contains($0.subject) }
            guard !touched.isEmpty else { return lead + ": the data covers none of it." }
            let values = touched.map { "\(value($0, answer)) \(at) \($0.subject)" }
            return
                "\(lead): no whole \(noun) in the data; \(list(values)), \(touched.count == 1 ? "a partial \(noun)" : "partial \(noun)s")."
        }
        var text = "\(lead): \(value(only, answer)) \(at) \(only.subject)"
        if let days = answer.finishingDays, answer.finishingCohorts.contains(only.subject) {
            text +=
                " (still finishing: most completions come within \(NumberText.decimal(days, places: 1)) days of enrolling, so it may still change)"
        } else if only.partial {
            text += " (a partial \(noun))"
        }
        let others = partial.filter { $0 != only.subject && !cohorts.contains($0) }
        if !others.isEmpty { text += "; " + Self.partial(others, noun) }
        return text + finishing + "."
    }

    /// "7 of 12 organizations … had more enrollments than in the period before (…): A
    /// (+279), …; D fell most (−44)."
    private static func growth(_ answer: Answer, _ windows: ComparisonWindows, scope: String)
        -> String
    {
        func change(_ row: Answer.Row) -> Double { row.value.doubleValue ?? 0 }
        func signed(_ row: Answer.Row) -> String {
            let amount = NumberText.count(Int(abs(change(row))))
            return "\(md(row.subject)) (\(change(row) < 0 ? "−" : "+")\(amount))"
        }
        let grew = answer.rows.filter { change($0) > 0 }
        let days = windows.previous.days
        var text =
            "\(grew.count) of \(answer.available) \(answer.available == 1 ? "organization" : "organizations")\(scope) had more enrollments than in the period before (\(days))"
        if !grew.isEmpty {
            text += ", most growth first: " + list(grew.prefix(named).map(signed))
            if grew.count > named { text += "; the table lists the rest" }
        }
        let fell = answer.rows.filter { change($0) < 0 }
        if let most = fell.map(change).min() {
            // All that share the largest fall are named ("D and E fell most (−44 each)").
            let tied = fell.filter { change($0) == most }
            let amount = NumberText.count(Int(abs(most)))
            text +=
                tied.count == 1
                ? "; \(signed(tied[0]).replacingOccurrences(of: " (", with: " fell most ("))"
                : "; \(Tie.names(tied.map { md($0.subject) })) fell most (−\(amount) each)"
        }
        return text + "."
    }

    /// A row's subject as a sentence names it: a path of two badges says it ends there.
    /// "Docker Basics → Kubernetes Essentials (69 learners)" read as if only 69 took that
    /// step, where 310 did and 241 went on to a third badge.
    private static func sequenceSubject(_ row: Answer.Row, _ answer: Answer) -> String {
        guard answer.intent.measure == .paths,
            row.subject.components(separatedBy: " → ").count == 2
        else { return md(row.subject) }
        return md(row.subject) + " and no third badge"
    }

    private static func sequence(_ answer: Answer, _ shown: [String], scope: String) -> String {
        // Rows tied with the first are all named as the most common: a blind test read
        // "the most common first badge is Leading Teams (8 …)" where Python Basics had 8 too.
        let tied = min(shown.count, answer.rows.prefix { $0.value == answer.rows[0].value }.count)
        let shown = zip(answer.rows, shown).map { row, text in
            let subject = md(row.subject)
            let whole = sequenceSubject(row, answer)
            guard whole != subject, text.hasPrefix(subject) else { return text }
            return whole + text.dropFirst(subject.count)
        }
        let first = tied > 1 ? list(Array(shown.prefix(tied))) + ", tied" : shown[0]
        let others = Array(shown.dropFirst(tied))
        let then = others.isEmpty ? "" : ", then " + list(others)
        let (one, many) = tied > 1 ? ("are", "s") : ("is", "")
        // "The least common next badge after Python Basics" lists the fewest first.
        let most = answer.intent.ranking?.order == .bottom ? "least" : "most"
        switch answer.intent.measure {
        case .nextBadge where answer.anchor != nil:
            return
                // The next enrollment, whether the badge was finished or not ("after
                // completing Python Basics" is read so too), and said so.
                "After \(md(answer.anchor!)), finished or not, learners\(scope) \(most) often take \(first)\(then)"
        case .previousBadge where answer.anchor != nil:
            return
                "Right before \(md(answer.anchor!)), learners\(scope) \(most) often took \(first)\(then)"
        case .firstBadge:
            let common = "The \(most) common first badge\(many)\(scope) \(one) \(first)\(then)"
            // "How many people start with SQL Fundamentals" led with Python Basics (1,178
            // learners): the badge asked comes first, when its row is listed.
            guard let anchor = answer.anchor,
                let row = answer.rows.first(where: { $0.subject == anchor })
            else { return common }
            return "\(md(anchor)) was the first badge of \(value(row, answer))\(scope). \(common)"
        case .nextBadge, .previousBadge:
            return
                "The \(most) common step\(many) from one badge to the next\(scope) \(one) \(first)\(then)"
        default:
            return "The \(most) common learning path\(many)\(scope) \(one) \(first)\(then)"
        }
    }

    static func value(_ row: Answer.Row, _ answer: Answer) -> String {
        let text = NumberText.cell(row.value, answer.value.format)
        switch answer.value.format {
        case .days: return row.value == .null ? "no completions yet" : text + " days"
        case .count where answer.value.title == "Learners" && answer.subjectTitle != nil:
            return text + (row.value.doubleValue == 1 ? " learner" : " learners")
        default: return text
        }
    }

    /// "Week", "Month": in lower case inside a sentence.
    private static func period(_ title: String) -> String { title.lowercased() }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// "companies", but "days" (a blind test found "shared by 2 daies").
    private static func plural(_ noun: String, _ count: Int) -> String {
        guard count != 1 else { return noun }
        let vowelBeforeY = noun.dropLast().last.map { "aeiou".contains($0) } ?? false
        return noun.hasSuffix("y") && !vowelBeforeY ? noun.dropLast() + "ies" : noun + "s"
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    static func md(_ text: String) -> String { OfflineNarrator().md(text) }
}
