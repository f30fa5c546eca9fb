import Foundation

/// Routes a question that the rules could not route, or routed only with low confidence,
/// by asking the language model for an intent in a closed schema. The model never writes
/// SQL: it picks a kind, a measure, a breakdown, a ranking and names from the database, and
/// `Matcher.route(_:proposal:)` checks every part. Answers are cached with the narration's,
/// keyed the same way, so the next build routes the question offline and the same way.
public struct ModelRouter: Sendable {
    public var settings: NarrationSettings
    public var catalogue: EntityCatalogue

    /// The most names of each kind the prompt lists.
    static let nameBudget = 300

    public init(settings: NarrationSettings, catalogue: EntityCatalogue) {
        self.settings = settings
        self.catalogue = catalogue
    }

    /// Whether the model may be asked at all: a model is configured and `--llm` is not `off`.
    public var isAvailable: Bool { settings.mode != .off && settings.model != nil }

    public enum Outcome: Sendable {
        /// The model's route, checked; the cache key it is stored under, and why it could not
        /// be stored, if it could not.
        case routed(Match, key: String, unstored: String?)
        /// The model answered, and the answer was refused: why.
        case refused(String, key: String?)
        /// No answer: no cached one and no way to ask, or the request failed.
        case unavailable(String)
    }

    public func route(_ question: Question, with matcher: Matcher) async -> Outcome {
        guard let model = settings.model, settings.mode != .off else {
            return .unavailable("no language model")
        }
        let messages = [
            ChatMessage(role: "system", content: systemPrompt),
            ChatMessage(role: "user", content: question.text),
        ]
        let key = AnswerCache.key(model, messages)
        let cache = AnswerCache(folder: settings.cacheFolder, files: settings.environment.files)
        var text: String?
        var unstored: String?
        if settings.mode != .refresh { text = cache.answer(for: key).0?.answer }
        if text == nil {
            guard settings.mode != .cacheOnly else {
                return .unavailable("no cached routing and --llm cache-only")
            }
            guard model.apiKey != nil else {
                return .unavailable("no cached routing and no API key")
            }
            do {
                let answer = try await ChatClient(
                    configuration: model, transport: settings.environment.http,
                    sleep: settings.environment.sleep, now: settings.environment.now
                )
                .complete(messages)
                // A refused answer is cached too: asking again would get the same.
                do {
                    try cache.store(answer, key: key, request: AnswerCache.request(model, messages))
                } catch {
                    unstored =
                        "the routing could not be cached, so the next build asks again: \(error)"
                }
                text = answer.content
            } catch {
                return .unavailable("the language model failed (\(error))")
            }
        }
        do {
            let proposal = try Self.proposal(from: text ?? "")
            return .routed(
                try matcher.route(question, proposal: proposal), key: key, unstored: unstored)
        } catch let refusal as Matcher.Refusal {
            return .refused(refusal.description, key: key)
        } catch {
            return .refused(String(describing: error), key: key)
        }
    }

    static let keys: Set = [
        "kind", "measure", "dimension", "ranking", "badge", "organization", "window", "confidence",
    ]

    /// The proposal in a model's answer: one JSON object with exactly the schema's keys.
    /// - Throws: `Matcher.Refusal` naming the first thing that is not in the schema.
    static func proposal(from answer: String) throws -> Matcher.Proposal {
        func refuse(_ why: String) -> Matcher.Refusal { Matcher.Refusal(description: why) }
        var text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        // A fenced block is the one liberty taken with the format.
        if text.hasPrefix("```") {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                .filter { !$0.hasPrefix("```") }.joined(separator: "\n")
        }
        // Our own JSON type keeps `true` apart from `1`: a flag is never a count.
        guard
            case .object(let object)? = try? JSONDecoder().decode(
                JSONValue.self, from: Data(text.utf8))
        else {
            throw refuse("the answer is not a JSON object")
        }
        if let extra = Set(object.keys).subtracting(keys).sorted().first {
            throw refuse("unknown key `\(extra)`")
        }
        func string(_ key: String) throws -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw refuse("`\(key)` is not a string")
            }
        }
        guard let kindName = try string("kind") else {
            throw refuse("the model says the question is not about this data")
        }
        guard let kind = AnalysisKind(rawValue: kindName), kind != .customSQL else {
            throw refuse("unknown kind `\(kindName)`")
        }
        let measureName = try string("measure")
        guard let measure = measureName.flatMap(Measure.init(rawValue:)) else {
            throw refuse("unknown measure `\(measureName ?? "null")`")
        }
        var dimension: Breakdown?
        if let name = try string("dimension") {
            guard let value = Breakdown(rawValue: name) else {
                throw refuse("unknown dimension `\(name)`")
            }
            dimension = value
        }
        var ranking: Ranking?
        switch object["ranking"] {
        case nil, .null?: break
        case .object(let value)?:
            guard Set(value.keys).isSubset(of: ["order", "count"]),
                case .string(let name)? = value["order"],
                let order = Ranking.Order(rawValue: name)
            else { throw refuse("`ranking` must be {order: top|bottom, count}") }
            var count: Int?
            switch value["count"] {
            case nil, .null?: break
            case .int(let number)? where number >= 1: count = number
            default: throw refuse("`ranking.count` is not a whole number of 1 or more")
            }
            ranking = Ranking(order, count: count)
        default: throw refuse("`ranking` must be {order: top|bottom, count}")
        }
        let confidence: Double
        switch object["confidence"] {
        case .double(let value)?: confidence = value
        case .int(let value)?: confidence = Double(value)
        default: throw refuse("`confidence` is not a number")
        }
        return Matcher.Proposal(
            kind: kind, intent: Intent(measure: measure, dimension: dimension, ranking: ranking),
            badge: try string("badge"), organization: try string("organization"),
            window: try string("window"),
            confidence: confidence)
    }

    /// The closed schema: what the model may answer, and nothing else.
    var systemPrompt: String {
        func names(_ list: [String]) -> String {
            let shown = list.prefix(Self.nameBudget).map { "- \($0)" }.joined(separator: "\n")
            return list.count > Self.nameBudget
                ? shown + "\n(and \(list.count - Self.nameBudget) more)" : shown
        }
        return """
            You route questions about a learning platform's data to one of Almanac's analyses. \
            You never write SQL and never compute a number. Reply with one JSON object and nothing \
            else, with exactly these keys:
            - kind: badge_enrollments (enrollments, learners, completion and progress per badge), \
            organization_trends (enrollments, learners, completions and progress per organization and per period), \
            completion_metrics (completion and drop-out rates, completions and median days to complete, \
            by badge, organization or cohort), learning_paths (which badges learners take first, next, \
            before one another, and common paths); or null when the question is not about this data.
            - measure: one of \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).
            - dimension: badge, organization, cohort, period, or null.
            - ranking: null, or {"order": "top" or "bottom", "count": a whole number or null}.
            - badge: one name from the badges below, exactly as written, or null.
            - organization: one name from the organizations below, exactly as written, or null.
            - window: the question's own time phrase, copied word for word (forms: \(TimeWindow.forms)), or null.
            - confidence: a number from 0 to 1, how sure you are of this reading.

            Badges:
            \(names(catalogue.badges))

            Organizations:
            \(names(catalogue.organizations))
            """
    }
}
