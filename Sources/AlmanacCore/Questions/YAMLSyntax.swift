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
