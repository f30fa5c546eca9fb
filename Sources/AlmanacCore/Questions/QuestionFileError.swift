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
    /// The text of each problem's line, by line number, as `shown(from:)` cut it.
    public var excerpts: [Int: String] = [:]

    /// The widest excerpt shown, in characters: a long question is not echoed whole.
    static let excerptWidth = 80

    /// Each problem as `path:line:column: message`, then its line and a caret under the
    /// column, as compilers show it.
    public var description: String {
        var lines: [String] = []
        for problem in problems {
            lines.append("\(path):\(problem.line):\(problem.column): \(problem.message)")
            guard let text = excerpts[problem.line] else { continue }
            let (shown, caret) = Self.window(text, column: problem.column)
            let number = String(problem.line)
            let gutter = String(repeating: " ", count: number.count)
            lines.append(" \(number) | \(shown)")
            lines.append(" \(gutter) | " + String(repeating: " ", count: caret) + "^")
        }
        if omitted > 0 { lines.append("\(path): and \(omitted) more") }
        return lines.joined(separator: "\n")
    }

    /// The same error with the lines of its problems taken from `source`.
    func quoting(_ source: String) -> QuestionFileError {
        var copy = self
        let wanted = Set(problems.map(\.line))
        var number = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if wanted.contains(number) {
                var text = String(line)
                if text.hasSuffix("\r") { text.removeLast() }
                copy.excerpts[number] = text
            }
            number += 1
        }
        return copy
    }

    /// The part of `text` to show and the caret's offset in it, for a 1-based column counted
    /// in Unicode scalars: the whole line when it is short, else a window around the column
    /// with "…" at a cut end. Tabs show as one space, so the caret stays under its character.
    static func window(_ text: String, column: Int) -> (String, Int) {
        let scalars = Array(text.unicodeScalars.map { $0 == "\t" ? " " : $0 })
        let at = min(max(column - 1, 0), scalars.count)
        guard scalars.count > excerptWidth else {
            return (String(String.UnicodeScalarView(scalars)), at)
        }
        let start = max(0, min(at - 20, scalars.count - excerptWidth))
        let end = min(scalars.count, start + excerptWidth)
        let lead = start > 0 ? "…" : ""
        let shown = lead + String(String.UnicodeScalarView(scalars[start..<end]))
        return (shown + (end < scalars.count ? "…" : ""), at - start + lead.count)
    }
}
