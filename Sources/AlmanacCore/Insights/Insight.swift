/// A deterministic fact about a question's numbers, with the numbers that make it: what the
/// narrators put into words. `metadata.insights` lists them, most important first.
public enum Insight: Sendable, Equatable {
    /// Whether it tells a measure's change from the earlier window.
    var isChange: Bool {
        if case .change = self { return true }
        return false
    }

    case unusualChange(UnusualChange)
    case record(Record)
    case topMovers(TopMovers)
    case contribution(Contribution)
    case concentration(Concentration)
    case change(PeriodChange)

    /// The latest complete week against the weeks before it, scored robustly.
    public struct UnusualChange: Sendable, Equatable {
        public var measure: String
        /// The Monday of the latest complete week.
        public var week: CivilDate
        public var value: Int
        public var baselineWeeks: Int
        public var median: Double
        /// The median absolute deviation of the baseline from its median.
        public var mad: Double
        /// |value − median| / max(1.4826 · MAD, 1), rounded to 2 decimals.
        public var score: Double
        public var threshold: Double
        /// What made the week: against the mean of the baseline weeks.
        public var drivers: Drivers? = nil
        /// The badge and organization the weekly series counts, when the question has them.
        public var scope = Filters()
    }

    /// The latest complete week is the highest or the lowest of the series so far.
    public struct Record: Sendable, Equatable {
        public var measure: String
        public var week: CivilDate
        public var value: Int
        public var highest: Bool
        /// The record it beat: the highest (or lowest) of the earlier weeks.
        public var previousRecord: Int
        public var weeks: Int
        /// What made the week: against the mean of up to 12 weeks before it.
        public var drivers: Drivers? = nil
        /// As in `UnusualChange`.
        public var scope = Filters()
    }

    /// A total's move from the previous window to the current one, with what drove it.
    public struct PeriodChange: Sendable, Equatable {
        public var measure: String
        public var previous: Double
        public var current: Double
        /// As the change table writes it: points for a rate.
        public var change: Double
        /// As in `TopMovers`.
        public var against = ComparisonWindows.previousPhrase
        public var drivers: Drivers
    }

    /// One slice's move between the previous window and the current one.
    public struct Move: Sendable, Equatable {
        public var subject: String
        public var previous: Double
        public var current: Double
        public var change: Double
    }

    /// The badge or organization with the largest rise and the one with the largest fall.
    public struct TopMovers: Sendable, Equatable {
        public var measure: String
        public var rise: Move?
        public var fall: Move?
        /// The other slices whose rise (fall) equals the largest, in list order: named with it,
        /// since "A rose most" would single out one of several (docs/metrics.md, "Ties").
        public var riseTied: [String] = []
        public var fallTied: [String] = []
        /// The window moved from, in words: "the previous period", or the one the question set
        /// against its own ("2024").
        public var against = ComparisonWindows.previousPhrase
        /// The slices are the badges learners start with (learning paths), not a share of
        /// everything: said so, since "Python Basics rose most" alone reads as its enrollments.
        public var firstBadges = false
    }

    /// A slice's part of a total's change.
    public struct Slice: Sendable, Equatable {
        /// A badge or organization, or nil for every other slice together.
        public var subject: String?
        public var change: Double
        /// change / total change, 4 decimals; the shares add up to exactly 1.
        public var share: Double
    }

    /// Which slices explain a total's change since the previous window.
    public struct Contribution: Sendable, Equatable {
        public var measure: String
        public var previous: Double
        public var current: Double
        public var change: Double
        public var slices: [Slice]
        /// As in `TopMovers`.
        public var against = ComparisonWindows.previousPhrase
        /// As in `TopMovers`.
        public var firstBadges = false
    }

    /// How much of a total the largest slices hold.
    public struct Concentration: Sendable, Equatable {
        public var measure: String
        public var total: Double
        public var top: String
        /// The other slices holding as much as `top`, in list order.
        public var topTied: [String] = []
        public var topValue: Double
        public var topShare: Double
        public var topThreeValue: Double
        public var topThreeShare: Double
        /// As in `TopMovers`: on a page of learning paths, "the top three" next to a list of
        /// paths read as the paths' share.
        public var firstBadges = false
    }

    /// The key measure the fact is about: `enrollments`, `completed`, `learners` …
    public var measure: String {
        switch self {
        case .unusualChange(let fact): return fact.measure
        case .record(let fact): return fact.measure
        case .topMovers(let fact): return fact.measure
        case .contribution(let fact): return fact.measure
        case .concentration(let fact): return fact.measure
        case .change(let fact): return fact.measure
        }
    }

    /// `unusual_change`, `record`, …: the `type` of the JSON object.
    public var type: String {
        switch self {
        case .unusualChange: return "unusual_change"
        case .record: return "record"
        case .topMovers: return "top_movers"
        case .contribution: return "contribution"
        case .concentration: return "concentration"
        case .change: return "change"
        }
    }

    /// What drove the move, when the fact is about one.
    public var drivers: Drivers? {
        switch self {
        case .unusualChange(let fact): return fact.drivers
        case .record(let fact): return fact.drivers
        case .change(let fact): return fact.drivers
        case .topMovers, .contribution, .concentration: return nil
        }
    }

    public var json: JSONValue {
        guard let drivers, case .object(var members) = factJSON else { return factJSON }
        members["drivers"] = drivers.json
        return .object(members)
    }

    /// The badge and organization a weekly fact counts, as members of its JSON; none for the
    /// whole platform, so those documents stay as they were.
    private static func scopeJSON(_ scope: Filters) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        if let badge = scope.badge { members["badge"] = .string(badge) }
        if let organization = scope.organization { members["organization"] = .string(organization) }
        return members
    }

    private var factJSON: JSONValue {
        let number = Comparison.Row.number
        func move(_ move: Move?) -> JSONValue {
            guard let move else { return .null }
            return [
                "subject": .string(move.subject), "previous": number(move.previous),
                "current": number(move.current), "change": number(move.change),
            ]
        }
        switch self {
        case .unusualChange(let fact):
            let json: [String: JSONValue] = [
                "type": "unusual_change", "measure": .string(fact.measure),
                "period": .string(fact.week.isoWeekKey), "from": .string(fact.week.description),
                "to": .string(fact.week.adding(days: 6).description), "value": .int(fact.value),
                "baseline_weeks": .int(fact.baselineWeeks), "median": number(fact.median),
                "mad": number(fact.mad), "score": number(fact.score),
                "threshold": number(fact.threshold),
                "direction": .string(Double(fact.value) > fact.median ? "up" : "down"),
            ]
            return .object(json.merging(Self.scopeJSON(fact.scope)) { kept, _ in kept })
        case .record(let fact):
            let json: [String: JSONValue] = [
                "type": "record", "measure": .string(fact.measure),
                "period": .string(fact.week.isoWeekKey),
                "from": .string(fact.week.description),
                "to": .string(fact.week.adding(days: 6).description),
                "value": .int(fact.value), "record": .string(fact.highest ? "highest" : "lowest"),
                "previous_record": .int(fact.previousRecord), "weeks": .int(fact.weeks),
            ]
            return .object(json.merging(Self.scopeJSON(fact.scope)) { kept, _ in kept })
        case .topMovers(let fact):
            var json: [String: JSONValue] = [
                "type": "top_movers", "measure": .string(fact.measure), "rise": move(fact.rise),
                "fall": move(fact.fall),
            ]
            // Only when several share the largest move, so other documents stay as they were.
            if !fact.riseTied.isEmpty {
                json["rise_tied"] = .array(fact.riseTied.map(JSONValue.string))
            }
            if !fact.fallTied.isEmpty {
                json["fall_tied"] = .array(fact.fallTied.map(JSONValue.string))
            }
            return .object(json)
        case .contribution(let fact):
            return [
                "type": "contribution", "measure": .string(fact.measure),
                "previous": number(fact.previous),
                "current": number(fact.current), "change": number(fact.change),
                "slices": .array(
                    fact.slices.map {
                        [
                            "subject": .text($0.subject), "change": number($0.change),
                            "share": number($0.share),
                        ]
                    }),
            ]
        case .concentration(let fact):
            var json: [String: JSONValue] = [
                "type": "concentration", "measure": .string(fact.measure),
                "total": number(fact.total),
                "top": .string(fact.top), "top_value": number(fact.topValue),
                "top_share": number(fact.topShare),
                "top_three_value": number(fact.topThreeValue),
                "top_three_share": number(fact.topThreeShare),
            ]
            if !fact.topTied.isEmpty {
                json["top_tied"] = .array(fact.topTied.map(JSONValue.string))
            }
            return .object(json)
        case .change(let fact):
            return [
                "type": "change", "measure": .string(fact.measure),
                "previous": number(fact.previous), "current": number(fact.current),
                "change": number(fact.change), "against": .string(fact.against),
            ]
        }
    }

    /// A weekly series' measure in words: its `completed` are completions, counted by the
    /// week they happened (docs/metrics.md, "Glossary").
    static func weekly(_ measure: String) -> String {
        measure == "completed" ? "completions" : KeyMeasure.label(measure)
    }

    /// The fact as Markdown, names escaped, followed by what drove it: what the offline
    /// narrator opens with.
    public var sentence: String {
        guard let drivers else { return factSentence }
        return factSentence + " " + drivers.sentence
    }

    /// What drove the move, in Markdown, led by the move itself: "Enrollments: +1,385
    /// against the previous period. Driven by …". Nil for a fact about no move.
    public var why: String? {
        guard let drivers else { return nil }
        var label = KeyMeasure.label(drivers.measure)
        switch self {
        case .unusualChange(let fact): label += " in the week of \(fact.week)"
        case .record(let fact): label += " in the week of \(fact.week)"
        default: break
        }
        return "\(label.prefix(1).uppercased() + label.dropFirst()): \(drivers.move). "
            + drivers.explanation
    }

    /// The fact alone, in one sentence.
    public var factSentence: String {
        let md = MarkdownText.escape
        func cut(_ name: String) -> String { md(DisplayName.cut(name)) }
        func count(_ value: Double) -> String { NumberText.count(Int(value.rounded())) }
        switch self {
        case .unusualChange(let fact):
            // Plain words: the score and the threshold stay in the JSON and the data table.
            let label = Self.weekly(fact.measure)
            let side = Double(fact.value) > fact.median ? "high" : "low"
            let scope =
                (fact.scope.badge.map { " in \(cut($0))" } ?? "")
                + (fact.scope.organization.map { " at \(cut($0))" } ?? "")
            return
                "\(label.prefix(1).uppercased() + label.dropFirst())\(scope) were unusually \(side) in the week of \(fact.week): "
                + "\(NumberText.count(fact.value)), against a typical \(NumberText.decimal(fact.median, places: 1)) "
                + "a week over the \(fact.baselineWeeks) weeks before."
        case .record(let fact):
            let label = Self.weekly(fact.measure)
            let scope =
                (fact.scope.badge.map { " for \(cut($0))" } ?? "")
                + (fact.scope.organization.map { " at \(cut($0))" } ?? "")
            return
                "The week of \(fact.week) set a record\(scope): \(NumberText.count(fact.value)) \(label), the "
                + "\(fact.highest ? "highest" : "lowest") of \(fact.weeks) weeks (the previous "
                + "\(fact.highest ? "high" : "low") was \(NumberText.count(fact.previousRecord)))."
        case .topMovers(let fact):
            let label = KeyMeasure.label(fact.measure)
            var parts: [String] = []
            // Several with the same largest move are all named, with the move they share.
            if let rise = fact.rise, !fact.riseTied.isEmpty {
                let role = fact.firstBadges ? " as first badges" : ""
                parts.append(
                    "\(Tie.names(([rise.subject] + fact.riseTied).map(cut)))\(role) rose most (+\(count(rise.change)) \(label) each)"
                )
            } else if let rise = fact.rise {
                let role = fact.firstBadges ? " as a first badge" : ""
                parts.append(
                    "\(cut(rise.subject))\(role) rose most (\(count(rise.previous)) to \(count(rise.current)) \(label))"
                )
            }
            if let fall = fact.fall, !fact.fallTied.isEmpty {
                let role = fact.firstBadges && fact.rise == nil ? " as first badges" : ""
                parts.append(
                    "\(Tie.names(([fall.subject] + fact.fallTied).map(cut)))\(role) fell most (−\(count(abs(fall.change))) each)"
                )
            } else if let fall = fact.fall {
                let role = fact.firstBadges && fact.rise == nil ? " as a first badge" : ""
                parts.append(
                    "\(cut(fall.subject))\(role) fell most (\(count(fall.previous)) to \(count(fall.current)))"
                )
            }
            return "Against \(fact.against), " + parts.joined(separator: " and ") + "."
        case .contribution(let fact):
            let label = KeyMeasure.label(fact.measure)
            let named = fact.slices.filter { $0.subject != nil }.prefix(2).map {
                "\(cut($0.subject!)) \($0.change > 0 ? "+" : "−")\(count(abs($0.change))) "
                    + "(\(NumberText.percent($0.share)) of the change)"
            }
            return
                "\(label.prefix(1).uppercased() + label.dropFirst()) went from \(count(fact.previous)) to "
                + "\(count(fact.current)) against \(fact.against); "
                + (fact.firstBadges ? "as first badges, " : "") + named.joined(separator: " and ")
                + "."
        case .concentration(let fact) where fact.firstBadges:
            return
                "\(cut(fact.top)) is the first badge of \(NumberText.percent(fact.topShare)) of the "
                + "\(count(fact.total)) \(KeyMeasure.label(fact.measure)), and the three most common first "
                + "badges of \(NumberText.percent(fact.topThreeShare))."
        case .concentration(let fact) where !fact.topTied.isEmpty:
            return
                "\(Tie.names(([fact.top] + fact.topTied).map(cut))) hold \(NumberText.percent(fact.topShare)) each of the "
                + "\(count(fact.total)) \(KeyMeasure.label(fact.measure)), and the top three \(NumberText.percent(fact.topThreeShare))."
        case .concentration(let fact):
            return
                "\(cut(fact.top)) holds \(NumberText.percent(fact.topShare)) of the \(count(fact.total)) "
                + "\(KeyMeasure.label(fact.measure)), and the top three \(NumberText.percent(fact.topThreeShare))."
        case .change(let fact):
            let label = KeyMeasure.label(fact.measure)
            let value = { KeyMeasure.text(fact.measure, $0) }
            let verb = fact.change > 0 ? "rose" : "fell"
            let amount =
                KeyMeasure.isRate(fact.measure)
                ? NumberText.decimal(abs(fact.change), places: 2) + " points"
                : NumberText.count(Int(abs(fact.change).rounded()))
            return
                "\(label.prefix(1).uppercased() + label.dropFirst()) \(verb) by \(amount), from "
                + "\(value(fact.previous)) to \(value(fact.current)), against \(fact.against)."
        }
    }
}
