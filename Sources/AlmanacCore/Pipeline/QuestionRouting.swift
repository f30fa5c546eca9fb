/// The matching step of a build: the rules route every question, and the language model,
/// when one is configured, gets a say on the questions the rules could not route or routed
/// with low confidence (`Matcher.lowConfidence`). A model's route that fails its checks is
/// reported and the rules' outcome stands.
struct QuestionRouting {
    var matcher: Matcher
    var model: ModelRouter

    struct Outcome {
        var matches: [Match]
        var errors: [MatchError]
        /// What the model's routing did, for the build's warnings.
        var notes: [String]
        /// Cache keys of the routings used, so that `almanac cache prune` keeps them.
        var usedKeys: Set<String>
    }

    func route(_ questions: [Question]) async -> Outcome {
        var outcome = Outcome(matches: [], errors: [], notes: [], usedKeys: [])
        // Every array built per question is reserved to its size: a growing array holds its
        // old buffer and a new one twice as large while it copies.
        outcome.matches.reserveCapacity(questions.count)
        // The rules read every question on every core: a reading depends on its question
        // alone, and what the matcher keeps of one wording for the next is kept under a lock.
        let matcher = matcher
        let readings = await questions.concurrentMap { Self.readByRules($0, matcher) }
        for (question, reading) in zip(questions, readings) {
            var ruled = reading
            if model.isAvailable, Self.asksModel(ruled) {
                switch await model.route(question, with: matcher) {
                case .routed(let match, let key, let unstored):
                    outcome.usedKeys.insert(key)
                    if let unstored {
                        outcome.notes.append("question `\(question.id)`: \(unstored)")
                    }
                    ruled = .success(match)
                case .refused(let why, let key):
                    if let key { outcome.usedKeys.insert(key) }
                    outcome.notes.append(
                        "question `\(question.id)`: the language model's routing was refused: \(why)"
                    )
                case .unavailable(let why):
                    outcome.notes.append(
                        "question `\(question.id)`: not routed by the language model: \(why)")
                }
            }
            switch ruled {
            case .success(let match): outcome.matches.append(match)
            case .failure(let error): outcome.errors.append(error)
            }
        }
        return outcome
    }

    private static func readByRules(_ question: Question, _ matcher: Matcher) -> Result<
        Match, MatchError
    > {
        do { return .success(try matcher.route(question)) } catch let error as MatchError {
            return .failure(error)
        } catch {
            return .failure(
                MatchError(
                    questionID: question.id, text: question.text, reason: .noMatch(closest: [])))
        }
    }

    /// No rule fits, the breakdown is not one Almanac computes as read, or the rules' route
    /// is a guess. Time words the rules cannot read, misspelt and doubled names stay errors:
    /// the question must be fixed, not reinterpreted.
    static func asksModel(_ ruled: Result<Match, MatchError>) -> Bool {
        switch ruled {
        case .success(let match):
            return match.routing == .rules && match.confidence < Matcher.lowConfidence
        case .failure(let error):
            switch error.reason {
            case .noMatch, .unsupported: return true
            default: return false
            }
        }
    }
}
