/// A build failure: the stage's own error, with the stage and the question it happened in.
///
/// Two build errors are equal when their stages, questions and stage errors are. Stage errors
/// are compared with their own `==` when they are `Equatable`; the few that are not (an error
/// of the system's) compare by type and description.
public struct BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the pipeline the build failed.
    public enum Stage: String, Sendable {
        case questions, database, matching, analytics, charts, narration, alerts, rendering,
            writing, strict
    }

    public var stage: Stage
    public var questionID: String?
    public var underlying: any Error

    /// A `QuestionFailure` gives its question and its own error.
    public init(_ stage: Stage, question: String? = nil, _ underlying: any Error) {
        self.stage = stage
        if let failure = underlying as? QuestionFailure {
            self.questionID = failure.questionID
            self.underlying = failure.underlying
        } else {
            self.questionID = question
            self.underlying = underlying
        }
    }

    /// Runs a stage, wrapping any error but a `BuildError` with the stage and question.
    static func wrapping<T>(_ stage: Stage, _ question: String?, _ body: () throws -> T) throws -> T
    {
        do {
            return try body()
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage, question: question, error)
        }
    }

    public var description: String {
        let place = questionID.map { " (question `\($0)`)" } ?? ""
        return "\(stage.rawValue)\(place): \(underlying)"
    }

    public static func == (lhs: BuildError, rhs: BuildError) -> Bool {
        guard lhs.stage == rhs.stage, lhs.questionID == rhs.questionID else { return false }
        let underlying: Any = lhs.underlying
        if let equatable = underlying as? any Equatable {
            return equatable.isEqual(to: rhs.underlying)
        }
        return type(of: lhs.underlying) == type(of: rhs.underlying)
            && String(describing: lhs.underlying) == String(describing: rhs.underlying)
    }
}

extension Equatable {
    /// Whether `other` is a value of this type equal to this one.
    fileprivate func isEqual(to other: Any) -> Bool {
        (other as? Self) == self
    }
}
