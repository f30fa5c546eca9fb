/// A stage's error in one question. Stages that work on many questions at once throw it, so
/// that the build's error can name the question; `BuildError` unwraps it.
public struct QuestionFailure: Error, Sendable {
    public var questionID: String
    public var underlying: any Error

    public init(_ questionID: String, _ underlying: any Error) {
        self.questionID = questionID
        self.underlying = underlying
    }

    /// Runs `body`, wrapping its error with the question.
    public static func wrapping<T>(_ questionID: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any BuildWideFailure where error.blamesNoQuestion {
            // The server went away: no question's fault, and none is named.
            throw error
        } catch {
            throw QuestionFailure(questionID, error)
        }
    }
}

/// An error that may be no question's fault (the database server went away), and then is
/// passed on without a question's name. Later stages conform their errors to it.
public protocol BuildWideFailure: Error {
    var blamesNoQuestion: Bool { get }
}
