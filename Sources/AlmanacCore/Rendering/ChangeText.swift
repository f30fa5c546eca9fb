/// The words and rows that pages and twins share for comparisons, "since the last report"
/// and "What changed", so the HTML and the Markdown say the same thing.
enum ChangeText {
    /// One row of a page's "Change" table: a total with its previous and year-ago values.
    struct Row {
        var label: String
        var current: String
        var previous: String
        var change: String
        var tone: String
        var yearAgo: String
        var yearChange: String
        var yearTone: String
    }

    static func rows(_ comparison: Comparison) -> [Row] {
        comparison.totals.compactMap { row in
            guard let current = row.current else { return nil }
            let measure = row.measure
            func value(_ value: Double?) -> String {
                value.map { KeyMeasure.text(measure, $0) } ?? "–"
            }
            let change =
                row.change.map {
                    KeyMeasure.changeText(measure, change: $0, percent: row.changePercent)
                } ?? "–"
            let yearPercent = row.yearAgo.flatMap {
                KeyMeasure.changePercent(measure, from: $0, to: current)
            }
            let yearChange =
                row.yearChange.map {
                    KeyMeasure.changeText(measure, change: $0, percent: yearPercent)
                } ?? "–"
            let label = KeyMeasure.label(measure)
            // A window before the data began has no value, and says why.
            let before = "before the data"
            // Drop-outs carry no date: an earlier window's rate is higher by construction, and
            // its fall was green, good news (blind test 77). Neither good nor bad.
            func tone(_ change: Double?) -> String {
                guard let change, measure != "drop_rate" else { return "flat" }
                return KeyMeasure.tone(measure, change: change)
            }
            return Row(
                label: label.prefix(1).uppercased() + label.dropFirst(),
                current: value(row.current),
                previous: comparison.previousBeforeData ? before : value(row.previous),
                change: change,
                tone: tone(row.change),
                yearAgo: comparison.yearAgoBeforeData ? before : value(row.yearAgo),
                yearChange: yearChange,
                yearTone: tone(row.yearChange))
        }
    }

    /// "The 28 days from 2026-10-26 to 2026-11-22, against 2026-09-28 to 2026-10-25 and a
    /// year earlier."
    /// The heading of the compared window's column: "Previous period", or the window the
    /// question set against its own ("2024", "Q1 2026").
    static func previousLabel(_ comparison: Comparison) -> String {
        let phrase = comparison.windows.previous.phrase
        guard phrase != ComparisonWindows.previousPhrase, !phrase.isEmpty else {
            return "Previous period"
        }
        let words = DateRange.words(phrase)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// - Parameter across: what the totals cover when the page compares names ("all
    ///   organizations"): the table is of the whole scope, not of the names compared.
    static func windows(_ comparison: Comparison, across: String? = nil) -> String {
        var text = spans(comparison)
        if let across { text = "Across \(across), not only those compared. " + text }
        // "Last quarter: 1,169 completed" is Q1 as it stood on 2026-03-31; asked alone, Q1
        // has 1,732 completed now (blind test 42): said, where a row counts statuses.
        let dated = comparison.rows.contains { Self.backDated.contains($0.measure) }
        let windows = comparison.windows
        if dated, windows.previousAsOf < windows.asOf {
            let days =
                windows.yearAgoAsOf == windows.previousAsOf
                ? "\(windows.previousAsOf)"
                : "\(windows.previousAsOf) and \(windows.yearAgoAsOf)"
            text +=
                " Completions and rates of the earlier windows are as they stood on \(days), at the same age."
        }
        if comparison.totals.contains(where: {
            $0.measure == "drop_rate" && $0.current != nil && ($0.previous ?? $0.yearAgo) != nil
        }) {
            text +=
                " Drop-outs carry no date: each window's drop-out rate counts every drop-out recorded by the report's date, so an earlier window has had longer to collect them."
        }
        // An earlier window wholly before the data: nothing to compare with, said once; one
        // the data begins inside counts only part of its days. The day is said once.
        if let first = comparison.dataBegins {
            text +=
                " The data begins on \(first), after \(Self.which(comparison, partly: false)): there is nothing to compare with."
        }
        if let first = comparison.dataBeginsWithin {
            let begins = comparison.dataBegins == nil ? "The data begins on \(first)," : "It begins"
            text +=
                " \(begins) inside \(Self.which(comparison, partly: true)), which counts only the days from then."
        }
        return text
    }

    /// The earlier windows a note is of (those wholly before the data, or `partly`): "that
    /// window" when the two are one.
    private static func which(_ comparison: Comparison, partly: Bool) -> String {
        let previous =
            partly ? comparison.previousPartlyBeforeData : comparison.previousBeforeData
        let yearAgo = partly ? comparison.yearAgoPartlyBeforeData : comparison.yearAgoBeforeData
        let windows = comparison.windows
        guard previous && yearAgo else {
            return previous ? "the earlier window" : "the year-earlier window"
        }
        return windows.previous.start == windows.yearAgo.start
            && windows.previous.end == windows.yearAgo.end
            ? "that window" : "both earlier windows"
    }

    /// The measures an earlier window counts as of its own date (`QuestionAnswering`'s
    /// like for like): those that read the enrollments' statuses.
    private static let backDated: Set<String> = [
        "completed", "completion_rate", "median_days_to_complete", "in_progress",
    ]

    private static func spans(_ comparison: Comparison) -> String {
        let windows = comparison.windows
        func span(_ range: DateRange) -> String {
            "\(range.start?.description ?? "") to \(range.end?.adding(days: -1).description ?? "")"
        }
        // "This year against the same period last year": the window compared is the year-ago
        // one, said once.
        guard
            windows.previous.start != windows.yearAgo.start
                || windows.previous.end != windows.yearAgo.end
        else {
            return
                "From \(span(windows.current)), against the same days a year earlier, \(span(windows.yearAgo))."
        }
        return
            "From \(span(windows.current)), against \(span(windows.previous)) and, a year earlier, \(span(windows.yearAgo))."
    }

    /// One change in words, with its arrow: "enrollments of Python Basics: 120 → 154, ▲ 34 (+28.3%)";
    /// "completion rate across all organizations: …" for a total of the whole scope of a
    /// question that compares names (`across`), "enrollments of Initech across all badges: …"
    /// when that scope is one organization's (`scope`).
    static func change(
        _ change: SinceLastReport.Change, across: String? = nil, scope: String? = nil,
        names: (String) -> String
    ) -> String {
        let subject = change.subject ?? (across == nil ? nil : scope)
        let label =
            KeyMeasure.label(change.measure) + (subject.map { " of " + names($0) } ?? "")
            + (across.map { " across " + $0 } ?? "")
        let before = change.before.map { KeyMeasure.text(change.measure, $0) } ?? "none"
        let after = change.after.map { KeyMeasure.text(change.measure, $0) } ?? "none"
        var text = "\(label): \(before) → \(after)"
        if let difference = change.change, let old = change.before, let new = change.after {
            text +=
                ", "
                + KeyMeasure.changeText(
                    change.measure, change: difference,
                    percent: KeyMeasure.changePercent(change.measure, from: old, to: new))
        }
        return text
    }

    /// The page's line on the last report: which totals moved, or that the question is new.
    static func sinceLastReport(_ report: QuestionReport, names: (String) -> String) -> String {
        guard let since = report.sinceLastReport else {
            return
                "New in this report: there is no earlier report of this question to compare with."
        }
        if let changed = since.questionChanged {
            return
                "Since the report of \(since.asOf) the question changed: it then asked for “\(changed.was)”, and now for “\(changed.now)”, so its numbers are not compared with that report's."
        }
        let totals = since.changes.filter { $0.subject == nil }
        let slices = since.changes.count - totals.count
        guard !since.changes.isEmpty else {
            // A query of the question's own has no key numbers: "no key number changed" read
            // as its table unchanged, where a category's learners had moved (blind test 77).
            if report.match.kind == .customSQL {
                return
                    "Since the report of \(since.asOf): a custom query has no key numbers to compare; its rows are this report's."
            }
            return "Since the report of \(since.asOf), no key number changed."
        }
        var text = "Since the report of \(since.asOf): "
        // A page comparing names has the totals of every name, which its summary says; the
        // line said "enrollments: 21,286 → 21,430" beside Acme & Sons' and Initech's rates.
        if let across = report.match.acrossAll, !totals.isEmpty {
            text += "across \(across), not only those compared, "
        }
        text +=
            totals.isEmpty
            ? "the totals did not change"
            : totals.map { change($0, names: names) }.joined(separator: "; ")
        if slices > 0 {
            text += "; and \(slices) badge or organization figure\(slices == 1 ? "" : "s") moved"
        }
        if since.longerWindow {
            text +=
                ". The window is longer than at that report (it ends later), so its counts grew with the days it gained"
        }
        if let period = since.newPeriod {
            text +=
                ". A new \(period.unit) began on \(period.began): its counts start again, so they do not compare with that report's"
        }
        if let moved = since.movedWindow {
            text +=
                ". The window moved: it is \(moved.from) to \(moved.to) now, and was \(moved.wasFrom) to \(moved.wasTo) then, so its counts are of other days"
        }
        if let ages = since.ages {
            text += agesText(ages, totals.filter { KeyMeasure.isCohort($0.measure) })
        }
        return text + "."
    }

    /// ". Completed enrollments and completion rate count the same enrollments at a
    /// different age: …", for the cohort measures among the totals that moved.
    private static func agesText(_ ages: SinceLastReport.Ages, _ cohort: [SinceLastReport.Change])
        -> String
    {
        guard !cohort.isEmpty else { return "" }
        let labels = cohort.map { KeyMeasure.label($0.measure) }
        let list =
            labels.count == 1
            ? labels[0] : labels.dropLast().joined(separator: ", ") + " and " + labels.last!
        let which = ages.sameEnrollments ? "the same enrollments" : "different enrollments"
        func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
        return
            ". \(list.prefix(1).uppercased() + list.dropFirst()) count \(which) at different ages: the window ended \(days(ages.then)) before that report and \(days(ages.now)) before this one, and enrollments finish with time, so these are not moves of their own"
    }

    /// An entry of the index's "What changed".
    struct Move {
        var questionID: String
        /// The badge or organization the move is of: its slice, or its question's filter.
        var subject: String? = nil
        var question: String
        var change: SinceLastReport.Change
        /// How unusual the change is (`InsightFinder.changeScores`): for the JSON, not prose.
        var score: Double
        /// A total of the measure its question asks about, listed before the others.
        var asked = false
        /// "all organizations" for a total of a question that compares names: the move is of
        /// the whole scope, which the page gives beside the names, not of the names compared.
        var across: String? = nil

        /// The move in words (`ChangeText.change`), a total's scope named with `across`.
        func text(names: (String) -> String) -> String {
            ChangeText.change(change, across: across, scope: subject, names: names)
        }
    }

    /// Entries in "What changed".
    static let whatChangedLimit = 10
    /// Entries per question, so that one question with many slices does not fill the list.
    static let whatChangedPerQuestion = 2

    /// The most unusual moves across all questions: ranked by the robust score of each change
    /// among the changes of its kind (`InsightFinder.changeScores`), then in question order;
    /// small counts, moves of a handful, rates that moved within chance and medians that
    /// moved by less than a day never enter. At most `whatChangedPerQuestion` of
    /// each question, and of those, the move of the measure the question asks about when it
    /// moved: "What is the drop-out rate for each badge?" was listed with its enrollments and
    /// completed enrollments, not its drop-out rate (blind test 60).
    static func whatChanged(_ summaries: [ReportSummary]) -> [Move] {
        var candidates: [Move] = []
        // The list is of the moves since one report, the latest (its heading names it): a
        // question back after a week away compares with an older one, and its two weeks'
        // move was listed "since the report of 2026-09-27" (blind test 84).
        let latest = summaries.compactMap { $0.sinceLastReport?.asOf }.max()
        for summary in summaries {
            guard let since = summary.sinceLastReport, since.asOf == latest else { continue }
            // A window that gained days or began again, a question that changed, a cohort
            // counted at another age: no move of the numbers' own.
            for change in since.changes where since.isComparable(change) {
                candidates.append(
                    Move(
                        questionID: summary.question.id,
                        // A total's subject is the name its question is filtered to:
                        // "globex-weekly: enrollments 1,871 → 1,861" is the move listed
                        // already as Globex Corporation's slice of another question (blind
                        // test 47 found it twice).
                        subject: change.subject ?? summary.scopeName,
                        question: summary.question.text, change: change, score: 0,
                        // "Compare the completion rate of Hooli and Initech" was listed as
                        // "completion rate: 53.48% → 53.53%", the platform's, and marked as
                        // asked (blind test 63): the names' own rates are on the page.
                        asked: summary.acrossAll == nil && change.subject == nil
                            && change.measure == summary.askedMeasure,
                        // A slice ("enrollments of Leading Teams") is its own, not of all
                        // badges.
                        across: change.subject == nil ? summary.acrossAll : nil))
            }
        }
        let scores = InsightFinder.changeScores(candidates.map(\.change))
        var moves: [(index: Int, move: Move)] = []
        for (index, var move) in candidates.enumerated() {
            // A rate that moved within chance, or a median by less than a day, is no move: "the
            // most unusual moves" were filled with "59.96% → 60.00%", "39.26% → 39.34%" and
            // "25.3 → 25.4 days" (blind test 82).
            guard let score = scores[index], let change = move.change.change, change != 0,
                !move.change.rateWithinChance,
                !(move.change.measure.hasPrefix("median_days") && abs(change) < 1)
            else { continue }
            move.score = score
            moves.append((index, move))
        }
        var perQuestion: [String: Int] = [:]
        // Two questions of the same scope move the same total: it is listed once, under the
        // first of them.
        var listed = Set<String>()
        // Each question's asked move takes one of its places before its other moves do; the
        // list is then in order of score, so a small move of an asked measure does not lead.
        let ranked = moves.sorted {
            $0.move.asked != $1.move.asked
                ? $0.move.asked
                : $0.move.score != $1.move.score
                    ? $0.move.score > $1.move.score : $0.index < $1.index
        }
        var chosen: [(index: Int, move: Move)] = []
        for (index, move) in ranked {
            guard perQuestion[move.questionID, default: 0] < whatChangedPerQuestion else {
                continue
            }
            let change = move.change
            let key = [
                change.measure, move.subject ?? "", change.before.map { "\($0)" } ?? "",
                change.after.map { "\($0)" } ?? "",
            ].joined(separator: "\u{1F}")
            guard listed.insert(key).inserted else { continue }
            perQuestion[move.questionID, default: 0] += 1
            chosen.append((index, move))
        }
        return chosen.sorted {
            $0.move.score != $1.move.score ? $0.move.score > $1.move.score : $0.index < $1.index
        }
        .prefix(whatChangedLimit).map(\.move)
    }

}
