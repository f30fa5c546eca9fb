/// An alert checked against a build's numbers.
public struct AlertResult: Sendable, Equatable, CustomStringConvertible {
    public var rule: AlertRule
    /// The value compared with the threshold: the measure (a rate in percent), or its change
    /// (percent, or points for a rate). Nil when there is none, e.g. no previous value.
    public var value: Double?
    public var triggered: Bool
    /// The enrollments a rate was over, when fewer than the rule's `minimumEnrollments`:
    /// the alert is not checked (a rate over a quarter's first 16 enrollments, none old
    /// enough to finish, fired "below 30 %" with 0 %).
    public var tooFew: Int? = nil
    /// The days a rate's window had run by the report's date, when fewer than the rule's
    /// `minimumDays`: the threshold is not checked (the README's own alert fired "below
    /// 30 %" with 0 % on a quarter's fourth day, over 56 enrollments).
    public var tooNew: Int? = nil

    /// A count's change no larger than chance alone gives (`DriverSplit.chance` ×
    /// √(before + after)): the alert fires on its threshold, and says so (110 → 137
    /// completions fired "change above 10%" with nothing on the page to say it was within
    /// chance, blind test 82).
    public var withinChance = false

    /// Left unchecked: too few enrollments, or too new a window.
    public var unchecked: Bool { tooFew != nil || tooNew != nil }

    /// "badge-enrollments: enrollments of Python Basics change below -10%: -12.5%".
    public var description: String {
        "\(rule.question): \(rule.summary): \(valueText)"
            + (withinChance ? " (within what chance alone gives)" : "")
    }

    /// The value with the threshold's unit: "37.93%", "-2.5 pts", "1,204".
    public var valueText: String {
        guard let value else { return "no value" }
        let rate = KeyMeasure.isRate(rule.measure)
        let number = NumberText.decimal(value, places: 2)
        switch rule.condition {
        // A rate as the pages write it, two decimals always ("0.00%", where "0%" was written).
        case .above, .below: return rate ? NumberText.storedPercent(value / 100) : number
        case .changeAbove, .changeBelow: return number + (rate ? " pts" : "%")
        }
    }

    /// Why an alert was left unchecked, as the build's warning, the digest and the Slack text
    /// say it: "not checked: its completion rate is over 16 enrollments, fewer than 20"; nil
    /// for an alert that was checked.
    public var uncheckedReason: String? {
        let label = KeyMeasure.label(rule.measure)
        // A window of no enrollments has no rate at all: not "over 0 enrollments, fewer than
        // 20" (blind test 82).
        if tooFew == 0 {
            return "not checked: its \(label) has no value, as its window holds no enrollments"
        }
        if let tooFew {
            return
                "not checked: its \(label) is over \(NumberText.count(tooFew)) \(tooFew == 1 ? "enrollment" : "enrollments"), fewer than \(NumberText.count(rule.minimumEnrollments))"
        }
        return tooNew.map {
            "not checked: its \(label) is of a window \($0) day\($0 == 1 ? "" : "s") old, fewer than \(NumberText.count(rule.minimumDays)), whose newest enrollments have had no time to finish"
        }
    }

    /// The setting that left it unchecked, for the build's warning.
    var uncheckedSetting: String { tooFew != nil ? "min_enrollments" : "min_days" }

    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "question": .string(rule.question), "measure": .string(rule.measure),
            "subject": .text(rule.subject),
            "condition": .string(rule.condition.rawValue),
            "threshold": Comparison.Row.number(rule.threshold),
            "value": Comparison.Row.number(value), "triggered": .bool(triggered),
        ]
        // Only an alert left unchecked says so: the others' documents stay as they were.
        if let tooFew {
            object["too_few_enrollments"] = .int(tooFew)
            object["min_enrollments"] = .int(rule.minimumEnrollments)
        }
        if let tooNew {
            object["window_days"] = .int(tooNew)
            object["min_days"] = .int(rule.minimumDays)
        }
        if withinChance { object["within_chance"] = .bool(true) }
        return .object(object)
    }
}

extension AlertResult {
    /// An alert as `json` wrote it (into `digest.json`); nil when its condition or threshold
    /// cannot be read.
    public init?(json: JSONValue) {
        guard
            let condition = json["condition"]?.stringValue.flatMap(AlertRule.Condition.init),
            let threshold = json["threshold"]?.doubleValue
        else { return nil }
        rule = AlertRule(
            question: json["question"]?.stringValue ?? "",
            measure: json["measure"]?.stringValue ?? "", subject: json["subject"]?.stringValue,
            condition: condition, threshold: threshold)
        if let minimum = json["min_enrollments"]?.doubleValue {
            rule.minimumEnrollments = Int(minimum)
        }
        if let days = json["min_days"]?.doubleValue {
            rule.minimumDays = Int(days)
        }
        value = json["value"]?.doubleValue
        triggered = json["triggered"] == .bool(true)
        tooFew = json["too_few_enrollments"]?.doubleValue.map { Int($0) }
        tooNew = json["window_days"]?.doubleValue.map { Int($0) }
        withinChance = json["within_chance"] == .bool(true)
    }
}

/// An alert that cannot be checked: a measure the question does not have, a name that is
/// not in the data, a change asked of a question with no time window.
public struct AlertError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var problems: [(line: Int, message: String)]

    public static func == (lhs: AlertError, rhs: AlertError) -> Bool {
        lhs.path == rhs.path && lhs.problems.map(\.line) == rhs.problems.map(\.line)
            && lhs.problems.map(\.message) == rhs.problems.map(\.message)
    }

    public var description: String {
        problems.map { "\(path):\($0.line): \($0.message)" }.joined(separator: "\n")
    }
}

/// Checks every alert against the questions' numbers.
public struct AlertEvaluator: Sendable {
    public var alerts: [AlertRule]
    public var path: String

    public init(alerts: [AlertRule], path: String) {
        self.alerts = alerts
        self.path = path
    }

    /// Checks every alert; `warn` hears of a threshold that is surely not what was meant (a
    /// rate's `above: 0.99`, which is 0.99 %, not 99 %).
    /// - Throws: `AlertError` listing every alert that cannot be checked.
    public func evaluate(_ reports: [ReportSummary], warn: (String) -> Void = { _ in }) throws
        -> [AlertResult]
    {
        var problems: [(Int, String)] = []
        var results: [AlertResult] = []
        // Each alert by what it reads, as read: `for:` the question's own badge and no `for:`,
        // or a name in two letter cases, are one alert, which fired twice (blind test 45's
        // repeat, which the questions file catches as written).
        var read: [String: Int] = [:]
        let byID = Dictionary(
            reports.map { ($0.question.id, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in alerts {
            guard let report = byID[rule.question] else {
                problems.append(
                    (rule.line, "alert for `\(rule.question)`: no question has that id"))
                continue
            }
            let rule = Self.named(rule, in: report)
            guard let spec = report.keyMeasureSpec else {
                problems.append(
                    (
                        rule.line,
                        "alert for `\(rule.question)`: a \(report.kind.rawValue) question has no key measures to alert on"
                    ))
                continue
            }
            let subject = Self.subject(of: rule, in: report)
            let key = [
                rule.question, rule.measure, subject ?? "", rule.condition.rawValue,
                "\(rule.threshold)",
            ].joined(separator: "\u{1F}")
            if let earlier = read[key] {
                problems.append(
                    (
                        rule.line,
                        "this alert repeats the one at line \(earlier), which reads the same number; keep one"
                    ))
                continue
            }
            read[key] = rule.line
            let names = subject == nil ? spec.totals : spec.list.map { [$0.measure] } ?? []
            guard names.contains(rule.measure) else {
                // A question of the completions in its window has that count alone.
                let kind =
                    spec.totals == ["completions"] || spec.totals == ["learners_completed"]
                    ? "question of the completions in its window (by completed_at)"
                    : report.kind.rawValue + " question"
                let article = kind.hasPrefix("o") ? "an" : "a"
                let expected = names.isEmpty ? "none" : names.joined(separator: ", ")
                // "completion rate" for `completion_rate`, "drop-rate" for `drop_rate`.
                let written = rule.measure.lowercased().replacing(/[\s-]+/, with: "_")
                let suggestion =
                    names.contains(written) && written != rule.measure
                    ? " (did you mean `\(written)`?)"
                    : QuestionLoader.guess(rule.measure, among: names)
                if subject != nil, let subject = rule.subject, spec.totals.contains(rule.measure) {
                    // A measure of the question's total, asked of one of its rows.
                    let read =
                        spec.list.map { "one \($0.name)'s `\($0.measure)`" } ?? "no row"
                    problems.append(
                        (
                            rule.line,
                            "alert for `\(rule.question)`: `\(rule.measure)` is this \(kind)'s total, which `for: \(subject)` cannot narrow: with `for`, an alert reads \(read). "
                                + "For \(subject)'s \(KeyMeasure.label(rule.measure)), alert on a question of \(subject) alone"
                        ))
                    continue
                }
                let slices =
                    subject == nil
                    ? ""
                    : " with `for`, which names a \(spec.list?.name ?? "badge or organization") and reads its \(spec.list?.measure ?? "count")"
                problems.append(
                    (
                        rule.line,
                        "alert for `\(rule.question)`: unknown measure `\(rule.measure)`\(suggestion)"
                            + slices + " for \(article) \(kind); expected one of: \(expected)"
                    ))
                continue
            }
            let rows = report.keyMeasures.filter {
                $0.measure == rule.measure && $0.subject == subject
            }
            guard let measure = rows.first else {
                let subjects = report.keyMeasures.filter { $0.measure == rule.measure }.compactMap(
                    \.subject)
                let kind = spec.list?.name ?? "badge or organization"
                let other = rule.subject ?? ""
                let listed =
                    !subjects.isEmpty
                    ? QuestionLoader.guess(other, among: subjects)
                        + " (it has \(subjects.prefix(5).joined(separator: ", "))\(subjects.count > 5 ? ", …" : ""))"
                    : report.filterNames.isEmpty
                        ? ": its \(KeyMeasure.label(rule.measure)) have no row per \(kind) in this data"
                        : ": its \(KeyMeasure.label(rule.measure)) are one total, with no row per \(kind); alert on a question of \(other) alone, or of every \(kind)"
                problems.append(
                    (
                        rule.line,
                        "alert for `\(rule.question)`: `for: \(rule.subject ?? "")` names no \(kind) of this question's \(KeyMeasure.label(rule.measure))"
                            + listed
                    ))
                continue
            }
            let rate = KeyMeasure.isRate(rule.measure)
            if rate, let advice = Self.rateThresholdAdvice(rule) {
                warn("\(path):\(rule.line): alert for `\(rule.question)`: \(advice)")
            }
            var value: Double?
            var chance = false
            switch rule.condition {
            case .above, .below:
                value = measure.value.map {
                    rate ? Rounding.halfAwayFromZero($0 * 100, places: 2) : $0
                }
            case .changeAbove, .changeBelow:
                // Drop-outs carry no date: an earlier window has had longer to collect them,
                // so its drop-out rate is higher by that alone, and a change alert fired on
                // it ("change below -5 pts: -7.22 pts", blind test 84).
                if rule.measure == "drop_rate" {
                    problems.append(
                        (
                            rule.line,
                            "alert for `\(rule.question)`: `\(rule.condition.rawValue)` on the drop rate compares windows that have had different times to collect drop-outs, which carry no date, so an earlier window's is higher by that alone; alert on the drop rate `above` or `below` a line, or on the completion rate's change"
                        ))
                    continue
                }
                guard let comparison = report.comparison else {
                    problems.append(
                        (
                            rule.line,
                            "alert for `\(rule.question)`: `\(rule.condition.rawValue)` needs a time window "
                                + "to compare with, and this question has none; use `above`/`below`, or give the question a window such as \"last 4 weeks\""
                        ))
                    continue
                }
                let row = comparison.rows.first {
                    $0.measure == rule.measure && $0.subject == subject
                }
                value = rate ? row?.change : row?.changePercent
                if !rate, !rule.measure.hasPrefix("median_days"), let before = row?.previous,
                    let after = row?.current
                {
                    chance =
                        abs(after - before) < DriverSplit.chance * (before + after).squareRoot()
                }
            }
            let tooFew = rate ? Self.tooFew(report, rule) : nil
            let tooNew = rate ? Self.tooNew(report, rule) : nil
            // Set where it holds nothing back, it was ignored without a word (an attack run).
            let threshold = rule.condition == .above || rule.condition == .below
            if rule.minimumDays != AlertRule.defaultMinimumDays, !(rate && threshold) {
                warn(
                    "\(path):\(rule.line): alert for `\(rule.question)`: `min_days` holds back only a rate's `above` or `below`, so it does nothing here"
                )
            }
            let unchecked = AlertResult(
                rule: rule, value: nil, triggered: false, tooFew: tooFew, tooNew: tooNew)
            if let reason = unchecked.uncheckedReason {
                warn(
                    "\(path):\(rule.line): alert for `\(rule.question)` \(reason) (`\(unchecked.uncheckedSetting)`)"
                )
            }
            let triggered: Bool
            switch (rule.condition, unchecked.unchecked ? nil : value) {
            case (_, nil): triggered = false
            case (.above, let value?), (.changeAbove, let value?):
                triggered = value > rule.threshold
            case (.below, let value?), (.changeBelow, let value?):
                triggered = value < rule.threshold
            }
            var result = AlertResult(
                rule: rule, value: value, triggered: triggered, tooFew: tooFew, tooNew: tooNew)
            result.withinChance = triggered && chance
            results.append(result)
        }
        if !problems.isEmpty { throw AlertError(path: path, problems: problems) }
        return results
    }

    /// `rule` with its `for:` spelled as the data spells the name it matches in any letter
    /// case (the question's own badge or organization, or a row of its list), so the alert
    /// says "completion rate of Docker Basics" where `for: docker basics` was written.
    static func named(_ rule: AlertRule, in report: ReportSummary) -> AlertRule {
        guard let written = rule.subject else { return rule }
        let folded = written.lowercased()
        let names = report.filterNames + report.keyMeasures.compactMap(\.subject)
        var named = rule
        // The spelling written first, in case the data held two that differ in case alone.
        named.subject =
            names.first { $0 == written } ?? names.first { $0.lowercased() == folded } ?? written
        return named
    }

    /// The row a `named` alert's `for:` reads; nil, the question's totals, when it names the
    /// question's own badge or organization: a question of Docker Basics alone is Docker
    /// Basics' numbers, and a blind test's `for: Docker Basics` there was refused, "it has"
    /// listing nothing.
    static func subject(of rule: AlertRule, in report: ReportSummary) -> String? {
        guard let subject = rule.subject else { return nil }
        return report.filterNames.contains(subject) ? nil : subject
    }

    /// The enrollments a rate alert is over, when too few to judge: this window's for a
    /// threshold, the smaller of the two windows' for a change. Nil when enough, or unknown.
    static func tooFew(_ report: ReportSummary, _ rule: AlertRule) -> Int? {
        let bases: [Double?]
        switch rule.condition {
        case .above, .below:
            bases = [
                report.keyMeasures.first { $0.measure == "enrollments" && $0.subject == nil }?
                    .value
            ]
        case .changeAbove, .changeBelow:
            let row = report.comparison?.rows.first {
                $0.measure == "enrollments" && $0.subject == nil
            }
            bases = [row?.current, row?.previous]
        }
        guard let fewest = bases.compactMap({ $0 }).min(),
            fewest < Double(rule.minimumEnrollments)
        else { return nil }
        return Int(fewest)
    }

    /// The days the question's window had run by the report's date, from its first day, when
    /// fewer than the rule's `minimumDays` and the alert is a threshold (`above`/`below`):
    /// a change sets the windows against each other at the same age. Nil when enough, or for
    /// a question with no window of its own. "Last week" as of Monday is 8 days old: its
    /// enrollments are 1 to 8 days old, and its completion rate is low every Monday.
    static func tooNew(_ report: ReportSummary, _ rule: AlertRule) -> Int? {
        guard rule.condition == .above || rule.condition == .below,
            let windows = report.comparison?.windows, let start = windows.current.start
        else { return nil }
        let days = windows.asOf.daysSinceEpoch - start.daysSinceEpoch + 1
        return days < rule.minimumDays ? max(days, 0) : nil
    }

    /// What may be wrong with an `above`/`below` threshold of a rate, which is in percent: one
    /// between 0 and 1 was surely written as a fraction (0.99 for 99 %), and the warning gives
    /// both readings. One outside 0 to 100 never gets here: the questions file refuses it
    /// (`QuestionLoader.outOfRange`). Nil for a threshold that can mean what it says.
    static func rateThresholdAdvice(_ rule: AlertRule) -> String? {
        guard rule.condition == .above || rule.condition == .below else { return nil }
        let key = rule.condition.rawValue
        let threshold = rule.threshold
        let written = NumberText.decimal(threshold, places: 4)
        let means =
            "`\(key): \(written)` means a \(KeyMeasure.label(rule.measure)) \(key) \(written) %"
        if threshold > 0 && threshold < 1 {
            let percent = NumberText.decimal(threshold * 100, places: 2)
            return "\(means), since a rate's threshold is in percent; for \(percent) % write "
                + "`\(key): \(percent)`"
        }
        return nil
    }
}
