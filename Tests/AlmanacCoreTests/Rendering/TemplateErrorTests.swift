import Foundation
import Testing

@testable import AlmanacCore

/// A template that does not parse is reported as a YAML mistake is: the file, line and
/// column, what is wrong in words, and the line with a caret; never the parser's debug dump.
@Suite struct TemplateErrorTests {
    @Test(
        "a Mustache syntax error names the file, line and column, in words, with a caret",
        arguments: [
            // The caret is under the offending word: `filters`, the 14th character of line 2,
            // after the name `broken` and a space; `charts`, the 30th, the wrong closing name.
            (
                "<h1>{{title}}</h1>\n<p>{{#broken filters}}{{/filters}}</p>\n",
                "page.mustache:2:14: Mustache syntax error: a tag is not finished: its name has a space or a stray character, or its `}}` is missing\n 2 | <p>{{#broken filters}}{{/filters}}</p>\n   |              ^"
            ),
            (
                "<p>{{#filters}}{{filters}}{{/charts}}</p>",
                "page.mustache:1:30: Mustache syntax error: a section is closed with another name than it was opened with; close `{{#name}}` with `{{/name}}`\n 1 | <p>{{#filters}}{{filters}}{{/charts}}</p>\n   |                              ^"
            ),
        ])
    func syntax(template: String, expected: String) {
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateSet(files: ["page.mustache": template]).library()
        }
        #expect(error?.description == expected)
        #expect(error?.description.contains("ParserError") == false)
    }
}
