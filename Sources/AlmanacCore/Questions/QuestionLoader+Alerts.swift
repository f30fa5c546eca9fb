import Yams

extension QuestionLoader {
    static let alertKeys = Set(
        ["question", "measure", "for", "min_enrollments", "min_days"]
            + AlertRule.Condition.allCases.map(\.rawValue))

    /// `alerts:`, a list of `{question, measure, for?, above|below|change_above|change_below}`.
    /// Whether the measure and the name exist is checked after matching (`AlertEvaluator`).
    func readAlerts(_ node: Node, questionIDs: Set<String>, _ problem: (Node?, String) -> Void)
        -> [AlertRule]
    {
        guard case .sequence(let items) = node else {
            problem(
                node,
                "`alerts` must be a list of {question, measure, for, and one of above, below, change_above, change_below}"
            )
            return []
        }
        var rules: [AlertRule] = []
        for item in items {
            guard case .mapping(let fields) = item else {
                problem(
                    item,
                    "an alert must be a mapping with `question`, `measure` and one of above, below, change_above, change_below"
                )
                continue
            }
            var question: String?
            var measure: String?
            var subject: String?
            var minimum = AlertRule.defaultMinimumEnrollments
            var minimumDays = AlertRule.defaultMinimumDays
            var conditions: [(AlertRule.Condition, Double, Node)] = []
            var valid = true
            for (keyNode, value) in fields {
                let key = keyNode.string ?? ""
                func scalar() -> String? {
                    guard case .scalar(let text) = value, !text.string.isEmpty else {
                        problem(value, "`\(key)` of an alert must be text")
                        valid = false
                        return nil
                    }
                    return text.string
                }
                switch key {
                case "question": question = scalar()
                case "measure": measure = scalar()
                case "for": subject = scalar()
                case "min_enrollments":
                    if let number = value.int, number >= 0 {
                        minimum = number
                    } else {
                        problem(
                            value,
                            "`min_enrollments` must be a whole number of enrollments, 0 or more (0 checks a rate over any number)"
                        )
                        valid = false
                    }
                case "min_days":
                    if let number = value.int, number >= 0 {
                        minimumDays = number
                    } else {
                        problem(
                            value,
                            "`min_days` must be a whole number of days, 0 or more (0 checks a rate however new its window)"
                        )
                        valid = false
                    }
                default:
                    if let condition = AlertRule.Condition(rawValue: key) {
                        if let number = value.float, number.isFinite {
                            conditions.append((condition, number, value))
                        } else {
                            let unit =
                                condition == .above || condition == .below
                                ? "a count, or a rate in percent (35 for 35 %)"
                                : "a change in percent, or in percentage points for a rate"
                            problem(value, "`\(key)` must be a number: \(unit)")
                            valid = false
                        }
                    } else {
                        problem(
                            keyNode,
                            "unknown key `\(key)` in an alert\(Self.guess(key, among: Self.alertKeys.sorted())); expected one of \(Self.alertKeys.sorted().joined(separator: ", "))"
                        )
                        valid = false
                    }
                }
            }
            let line = item.mark?.line ?? 1
            if question == nil && valid {
                problem(item, "an alert needs `question`: the id of a question")
                valid = false
            }
            if measure == nil && valid {
                problem(item, "an alert needs `measure`, such as enrollments or completion_rate")
                valid = false
            }
            if conditions.count != 1 && valid {
                problem(
                    item,
                    "an alert needs exactly one of above, below, change_above, change_below (found \(conditions.count))"
                )
                valid = false
            }
            if let question, !questionIDs.contains(question) {
                problem(
                    fields.first { $0.key.string == "question" }?.value ?? item,
                    "alert for `\(question)`: no question has that id"
                        + Self.guessID(question, among: questionIDs.sorted())
                        + "; ids are \(questionIDs.sorted().prefix(8).joined(separator: ", "))\(questionIDs.count > 8 ? ", …" : "")"
                )
                valid = false
            }
            guard valid, let question, let measure,
                let (condition, threshold, thresholdNode) = conditions.first
            else { continue }
            if let range = Self.outOfRange(measure: measure, condition, threshold) {
                problem(thresholdNode, range)
                continue
            }
            // The same alert twice fired twice, "2 alerts triggered" (blind test 45).
            if let earlier = rules.first(where: {
                $0.question == question && $0.measure == measure && $0.subject == subject
                    && $0.condition == condition && $0.threshold == threshold
            }) {
                problem(item, "this alert repeats the one at line \(earlier.line); keep one")
                continue
            }
            rules.append(
                AlertRule(
                    question: question, measure: measure, subject: subject, condition: condition,
                    threshold: threshold, line: line))
            rules[rules.count - 1].minimumEnrollments = minimum
            rules[rules.count - 1].minimumDays = minimumDays
        }
        return rules
    }

    /// Why a threshold is outside what its measure can be, or at an end that no value
    /// passes, so that the alert would be decided whatever the data; nil otherwise. A rate is from 0 to 100 (percent),
    /// its change from −100 to 100 points; a count or a number of days is never negative,
    /// and falls by at most 100 %.
    static func outOfRange(measure: String, _ condition: AlertRule.Condition, _ threshold: Double)
        -> String?
    {
        let key = condition.rawValue
        let written = NumberText.decimal(threshold, places: 4)
        // A rate's name ends in `_rate` (KeyMeasure.isRate, a later stage).
        let rate = measure.hasSuffix("_rate")
        let label = measure.replacingOccurrences(of: "_", with: " ")
        switch condition {
        case .above, .below:
            if rate, threshold < 0 || threshold > 100 {
                return
                    "`\(key): \(written)` is outside what a rate can be: a rate's threshold is in percent, from 0 to 100 (35 for 35 %)"
            }
            if !rate, threshold < 0 {
                return
                    "`\(key): \(written)` is below zero, which no \(label) can be: a count's threshold is 0 or more"
            }
            // Inside the range, but at an end that no value passes.
            if condition == .below, threshold == 0 {
                return "`below: 0` can never be triggered: `\(measure)` is never below zero"
            }
            if rate, condition == .above, threshold == 100 {
                return "`above: 100` can never be triggered: no rate is above 100 %"
            }
        case .changeAbove, .changeBelow:
            if rate, threshold < -100 || threshold > 100 {
                return
                    "`\(key): \(written)` is outside what a rate's change can be: in percentage points, from −100 to 100"
            }
            if !rate, threshold < -100 {
                return
                    "`\(key): \(written)` is a fall of more than 100 %, which no \(label) can make: a change is in percent, from −100 up"
            }
            // Inside the range, but at an end that no change passes.
            if condition == .changeBelow, threshold == -100 {
                return
                    "`change_below: -100` can never be triggered: no \(label) falls by more than \(rate ? "100 points" : "100 %")"
            }
            if rate, condition == .changeAbove, threshold == 100 {
                return
                    "`change_above: 100` can never be triggered: no rate rises by more than 100 points"
            }
        }
        return nil
    }
}
