import Yams

/// A YAML syntax error in words a person editing questions.yaml understands, at the place to
/// fix: libyaml's "did not find expected '-' indicator" becomes "this line does not line up
/// with the list …", and a quote or bracket that is never closed is reported where it opens,
/// not at the end of the file where the parser gave up.
enum YAMLSyntax {
    static func problem(from error: YamlError, in yaml: String) -> QuestionFileError.Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // A quote left open runs on, through later lines and comments, to the next quote
            // of its kind; the parser then stops somewhere after it. Report the opening.
            if let open = unclosedQuote(in: yaml, before: mark.line) {
                return .init(
                    line: open.line, column: open.column,
                    message:
                        "invalid YAML: a quote opened here is never closed on its line; add the "
                        + "closing quote where the text ends (or write the text without quotes)")
            }
            let found = Found(
                problem: problem, context: context?.text, contextLine: context?.mark.line,
                character: character(in: yaml, line: mark.line, column: mark.column))
            let (message, atOpening) = explain(found)
            let place = atOpening ? context?.mark ?? mark : mark
            return .init(
                line: place.line, column: place.column, message: "invalid YAML: " + message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return .init(
                line: context.mark.line, column: context.mark.column,
                message: "invalid YAML: \(names) appears twice in this block; keep one")
        default:
            return .init(line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    /// The first line before `limit` (1-based) whose value opens a quote that its line does
    /// not close (`title: "Learning Pulse`), with the quote's column; quotes in comments and
    /// inside a word ("don't") do not count.
    static func unclosedQuote(in yaml: String, before limit: Int) -> (line: Int, column: Int)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix(max(0, limit - 1)).enumerated()
        {
            let text = Array(line)
            guard var open = valueStart(text) else { continue }
            while open < text.count, text[open] == " " { open += 1 }
            guard open < text.count, text[open] == "\"" || text[open] == "'" else { continue }
            let quote = text[open]
            var closed = false
            var cursor = open + 1
            while cursor < text.count {
                if quote == "\"", text[cursor] == "\\" {
                    cursor += 2
                    continue
                }
                if text[cursor] == quote {
                    // '' inside single quotes is an escaped quote.
                    if quote == "'", cursor + 1 < text.count, text[cursor + 1] == "'" {
                        cursor += 2
                        continue
                    }
                    closed = true
                    break
                }
                cursor += 1
            }
            if !closed { return (index + 1, open + 1) }
        }
        return nil
    }

    /// Where a line's value starts: after its first "key: ", else after a list's "- "; nil
    /// for a comment or a line with neither.
    private static func valueStart(_ text: [Character]) -> Int? {
        let indent = text.prefix { $0 == " " }.count
        guard indent < text.count, text[indent] != "#" else { return nil }
        for position in indent..<text.count
        where text[position] == "#" && position > 0
            && text[position - 1] == " "
        {
            return colon(in: text[indent..<position])
        }
        if let value = colon(in: text[indent...]) { return value }
        return text[indent] == "-" && indent + 1 < text.count && text[indent + 1] == " "
            ? indent + 2 : nil
    }

    /// Just past the first ": " (or a ":" ending the text) in a line's part.
    private static func colon(in part: ArraySlice<Character>) -> Int? {
        for position in part.indices where part[position] == ":" {
            if position + 1 == part.endIndex || part[position + 1] == " " { return position + 1 }
        }
        return nil
    }

    /// What the parser reported.
    struct Found {
        var problem: String
        var context: String?
        /// The line where what it was reading began (a list, a quote, a key).
        var contextLine: Int?
        /// The character at the error's place; nil past the end of a line or of the file.
        var character: Character?
    }

    /// The plain message, and whether it belongs where the context began (an opening quote
    /// or bracket) rather than where the parser stopped.
    static func explain(_ found: Found) -> (message: String, atOpening: Bool) {
        let context = found.context ?? ""
        let since = found.contextLine.map { " (it starts on line \($0))" } ?? ""
        switch found.problem {
        case "found unexpected end of stream",
            "found unexpected document indicator"
        where context.contains("quoted scalar"):
            return (
                "a quote opened here is never closed; add the closing quote where the text "
                    + "ends (or write the text without quotes)", true
            )
        case "did not find expected ',' or ']'":
            return (
                "a `[` opened here is never closed with `]`; close the list, or put text that "
                    + "starts with `[` in quotes", true
            )
        case "did not find expected ',' or '}'":
            return (
                "a `{` opened here is never closed with `}`; close it, or put text that starts "
                    + "with `{` in quotes", true
            )
        case "could not find expected ':'":
            return (
                "this line is not `key: value`: add `: ` after the key, or indent the line "
                    + "further if it continues the text above it", true
            )
        case "did not find expected '-' indicator":
            return (
                "this line does not line up with the list above it\(since): start each item "
                    + "with `- ` at the same indentation as the first one", false
            )
        case "did not find expected key":
            return (
                "this line does not line up with the keys above it\(since): indent it like "
                    + "the other keys of its block, or put a value that holds `: `, `#`, `[` "
                    + "or `{` in quotes", false
            )
        case "mapping values are not allowed in this context":
            return (
                "a second `: ` on one line; put the value in quotes "
                    + "(`text: \"Why: the reason\"`), or check the indentation of this line", false
            )
        case "block sequence entries are not allowed in this context":
            return (
                "a list item `- ` where a value was expected; start the list on the next "
                    + "line, indented under its key", false
            )
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return ("a tab in the indentation; YAML indents with spaces only", false)
        case "found character that cannot start any token":
            if found.character == "\t" {
                return ("a tab in the indentation; YAML indents with spaces only", false)
            }
            let shown =
                switch found.character {
                case "`": "a backtick"
                case let character?: "`\(character)`"
                case nil: "this character"
                }
            return ("a value cannot start with \(shown); put the value in quotes", false)
        case "found unknown escape character":
            return (
                "a backslash that YAML does not know inside double quotes; write `\\\\` for a "
                    + "backslash, or use single quotes, which keep backslashes as they are", false
            )
        case "did not find expected node content":
            return ("a value is missing here; write one, or put the text in quotes", false)
        case "found undefined alias":
            return (
                "a value that starts with `*` refers to nothing; put the value in quotes", false
            )
        case "found undefined tag handle", "did not find expected tag URI":
            return ("a value that starts with `!` is a YAML tag; put the value in quotes", false)
        case "did not find expected <document start>":
            return (
                "text that belongs to no key; indent it under a key, make it `key: value`, or "
                    + "remove it", false
            )
        case "expected a single document in the stream":
            return ("a second document after `---`; a questions file is one document", false)
        default:
            let detail = context.isEmpty ? "" : "\(context), "
            return ("\(detail)\(found.problem)", false)
        }
    }

    /// The character at a 1-based line and column (counted in Unicode scalars, as libyaml
    /// counts them).
    static func character(in yaml: String, line: Int, column: Int) -> Character? {
        guard line >= 1, column >= 1 else { return nil }
        var current = 1
        var scalars = 0
        for scalar in yaml.unicodeScalars {
            if current == line {
                if scalar == "\n" { return nil }
                scalars += 1
                if scalars == column { return Character(scalar) }
            } else if scalar == "\n" {
                current += 1
                if current > line { return nil }
            }
        }
        return nil
    }
}
