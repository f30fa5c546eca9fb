/// Every question the matcher could not route, reported together.
public struct MatchFailures: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var errors: [MatchError]

    public var description: String {
        errors.map { error in
            // `ask` has no line: its question is not in the file.
            error.line > 0 ? "\(path):\(error.line): \(error.description)" : error.description
        }.joined(separator: "\n")
    }

    /// The question, when only one could not be routed.
    public var questionID: String? { errors.count == 1 ? errors[0].questionID : nil }
}
