import Mustache

extension TemplateError {
    /// A template that does not parse, said as a YAML mistake is: `file:line:column`, what
    /// is wrong in words, then the line with a caret under the column.
    init(syntax error: MustacheTemplate.ParserError, in file: String) {
        let context = error.context
        let number = String(context.lineNumber)
        let gutter = String(repeating: " ", count: number.count + 1)
        let caret = String(repeating: " ", count: max(context.columnNumber - 1, 0)) + "^"
        self.init(
            file: "\(file):\(context.lineNumber):\(context.columnNumber)",
            message: "Mustache syntax error: \(Self.explain(error.error))\n"
                + " \(number) | \(context.line)\n\(gutter) | \(caret)")
    }

    /// The parser's error in words, with what to change.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed with another name than it was opened with; "
                + "close `{{#name}}` with `{{/name}}`"
        case .unfinishedName:
            return "a tag is not finished: its name has a space or a stray character, "
                + "or its `}}` is missing"
        case .expectedSectionEnd:
            return "a section is opened here and never closed; add its `{{/name}}`"
        case .invalidSetDelimiter:
            return "a set-delimiter tag is malformed; write it like `{{=<% %>=}}`"
        case .transformAppliedToInheritanceSection:
            return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only `{{$name}}` blocks may go inside a partial's inherited section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a `{{% … }}` configuration tag is malformed or unknown"
        }
    }
}
