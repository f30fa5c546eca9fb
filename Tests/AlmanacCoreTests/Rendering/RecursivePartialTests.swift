import Testing

@testable import AlmanacCore

/// A template that includes itself would recurse until the stack overflows: a blind test
/// found `{{> page}}` in `page.mustache` killing the build (and `serve`) with SIGSEGV.
@Suite struct RecursivePartialTests {
    func library(_ change: (inout [String: String]) -> Void) throws {
        var files = TemplateSet.builtIn.files
        change(&files)
        _ = try TemplateSet(files: files).library()
    }

    @Test("a partial that includes itself, directly or through another, is an error naming it")
    func cycles() throws {
        #expect(
            throws: TemplateError(
                file: "page.mustache",
                message:
                    "the partial `page` includes itself (page → page), which would never end; remove the inclusion"
            )
        ) { try library { $0["page.mustache"] = "{{> page}}" } }
        #expect(
            throws: TemplateError(
                file: "partials/a.mustache",
                message:
                    "the partial `a` includes itself (a → b → a), which would never end; remove the inclusion"
            )
        ) {
            try library {
                $0["partials/a.mustache"] = "A{{> b}}"
                $0["partials/b.mustache"] = "B{{>a}}"
            }
        }
    }

    @Test("the built-in templates, and a partial used twice, are no cycle")
    func noCycle() throws {
        try library { _ in }
        try library {
            $0["partials/twice.mustache"] = "{{> footer}}{{> footer}}"
            $0["partials/footer.mustache"] = "F"
        }
    }
}
