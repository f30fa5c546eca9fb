/// Everything wrong with a questions file, reported together.
public struct QuestionFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String

        public init(line: Int, column: Int, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    public var path: String
    /// At most `QuestionLoader.maxProblems`, the first ones found.
    public var problems: [Problem]
    /// Problems found beyond those listed.
    public var omitted = 0

    public var description: String {
        var lines = problems.map { "\(path):\($0.line):\($0.column): \($0.message)" }
        if omitted > 0 { lines.append("\(path): and \(omitted) more") }
        return lines.joined(separator: "\n")
    }
}
