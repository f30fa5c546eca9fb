import Foundation
import Mustache

/// A template problem: which file, and what is wrong with it.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}

/// The templates and assets a site is rendered with: the built-in ones, with any file of a
/// `--templates` folder taking the place of the built-in file of the same name.
public struct TemplateSet: Sendable {
    /// Relative path (`page.mustache`, `partials/head.mustache`, `assets/style.css`) → text.
    public private(set) var files: [String: String]

    public static let builtIn = TemplateSet(files: BuiltinTemplates.files)

    public init(files: [String: String]) {
        self.files = files
    }

    /// Overlays the files of `folder` on these templates.
    /// - Throws: `TemplateError` when the folder is missing or cannot be listed, or a file
    ///   cannot be read or is not UTF-8 text, with the system's reason.
    public func overlaid(with folder: URL, files system: any FileSystem) throws -> TemplateSet {
        guard system.isDirectory(folder) else {
            throw TemplateError(file: folder.path, message: "no such templates folder")
        }
        let paths: [String]
        do {
            paths = try system.files(under: folder)
        } catch {
            throw TemplateError(
                file: folder.path,
                message: "cannot list the templates folder: \(error.localizedDescription)")
        }
        // A folder where a template belongs was skipped, and the built-in one used in silence.
        for relative in files.keys.sorted()
        where system.isDirectory(folder.appending(path: relative)) {
            throw TemplateError(
                file: folder.appending(path: relative).path,
                message:
                    "is a folder; a template that replaces the built-in \(relative) must be a file")
        }
        var merged = files
        for relative in paths where relative.hasSuffix(".mustache") || relative.hasPrefix("assets/")
        {
            let url = folder.appending(path: relative)
            let data: Data?
            do {
                data = try system.contents(of: url)
            } catch {
                throw TemplateError(
                    file: url.path, message: "cannot read the file: \(error.localizedDescription)")
            }
            guard let data else {
                throw TemplateError(file: url.path, message: "the file went away while reading")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: url.path, message: "cannot read the file as UTF-8 text")
            }
            merged[relative] = text
        }
        return TemplateSet(files: merged)
    }

    /// The Mustache library: each template registered by its file name without folder or
    /// extension, so `partials/head.mustache` is the partial `{{> head}}`.
    /// - Throws: `TemplateError` naming the template that does not parse.
    func library() throws -> MustacheLibrary {
        try refuseRecursivePartials()
        var library = MustacheLibrary()
        for (path, name, text) in templates {
            do {
                // The text as written first, so that an error names its own line and column.
                try library.register(text, named: name)
                try library.register(HTMLEscaping.pragma + text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(syntax: error, in: path)
            } catch {
                throw TemplateError(file: path, message: "Mustache syntax error: \(error)")
            }
        }
        return library
    }

    /// Every template by path, with the name it is registered under; where two files give
    /// the same name, the later path is the one the library keeps.
    var templates: [(path: String, name: String, text: String)] {
        files.sorted(by: { $0.key < $1.key }).compactMap { path, text in
            guard path.hasSuffix(".mustache") else { return nil }
            return (
                path, String(path.split(separator: "/").last!.dropLast(".mustache".count)), text
            )
        }
    }

    /// The text of the template the library uses for `name`.
    func template(named name: String) -> String? {
        templates.last { $0.name == name }?.text
    }

    public func asset(_ name: String) -> String? {
        files["assets/" + name]
    }
}

// MARK: - Checking names

extension TemplateSet {
    /// Every value a template can name; see PageRenderer's contexts.
    static let vocabulary: Set<String> = [
        ".", "title", "siteTitle", "asOf", "version", "plotlyCDN", "assets", "style", "script",
        "plotly", "plotlyIntegrity", "question", "kind", "confidence", "filters", "answerHTML",
        "narrator", "charts", "moreCharts", "hasMoreCharts", "moreChartsCount", "id", "caption",
        "summary", "figureJSON", "table", "hasCharts", "previousLabel",
        "tables", "columns", "numeric", "rows", "cells", "text", "hasTables", "sql", "hasSQL",
        "shared", "hasShared", "statement", "scope",
        "json", "markdown", "previous", "next", "href", "stats", "users", "badges",
        "organizations", "enrollments", "sections", "name", "questions", "lead", "week", "start",
        "current", "change", "direction", "completions", "notices", "needsEval",
        "sinceLastReport", "comparison", "window", "label", "tone", "yearAgo", "yearChange",
        "yearTone",
        "measures", "hasWhatChanged", "whatChanged", "whatChangedSince", "engine", "intent",
        "routedBy",
        "chart", "embed", "embedHref", "snippetHref", "snippetTitle", "pageHref", "search",
        "defaultChart", "questionHref",
        "whyItChanged", "items", "html", "drivers", "hasDrivers", "caveat",
    ]

    /// Names in the templates that no context provides, and partials that do not exist,
    /// each as "file:line: message". Mustache renders both as nothing, which hides typos.
    func unknownNames() -> [String] {
        let tag = try! NSRegularExpression(pattern: #"\{\{\s*([#^/&>!{]?)\s*([^}\s]*)\s*\}?\}\}"#)
        let partials = Set(
            files.keys.filter { $0.hasSuffix(".mustache") }.map {
                String($0.split(separator: "/").last!.dropLast(".mustache".count))
            })
        var problems: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache")
        {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated()
            {
                let line = String(line)
                for match in tag.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let sigil = String(line[Range(match.range(at: 1), in: line)!])
                    let name = String(line[Range(match.range(at: 2), in: line)!])
                    switch sigil {
                    case "!", "/": continue
                    case ">":
                        if !partials.contains(name) {
                            problems.append(
                                "\(path):\(number + 1): the partial `\(name)` does not exist")
                        }
                    default:
                        let parts =
                            name == "." ? ["."] : name.split(separator: ".").map(String.init)
                        if let unknown = parts.first(where: { !Self.vocabulary.contains($0) }) {
                            problems.append(
                                "\(path):\(number + 1): `{{\(name)}}` names no value (`\(unknown)` is unknown)"
                            )
                        }
                    }
                }
            }
        }
        return problems
    }

    /// What makes a templates folder copied by an older `init` (it copies every template)
    /// leave something out: a `page.mustache` without "Why it changed", or, from before one
    /// embed page per question, an `embed.mustache` that draws one chart (the answer chart
    /// whatever the fragment asks for) or a site script that does not choose the chart of
    /// the new one, whose charts then all stay hidden.
    func outdatedProblems() -> [String] {
        let fix =
            "copy the built-in one (`almanac init` in an empty folder writes it) or delete yours"
        var problems: [String] = []
        // A page from before "Why it changed": the narration no longer says what drove a move,
        // so without the section the page would not say it anywhere.
        if let page = template(named: "page"), !page.contains("whyItChanged") {
            problems.append(
                "page.mustache has no `{{#whyItChanged}}` section, so pages do not say what drove each move (it is from before drivers); "
                    + fix)
        }
        guard let embed = template(named: "embed"), let script = asset("almanac.js") else {
            return problems
        }
        return problems + embedScriptProblems(embed: embed, script: script, fix: fix)
    }

    private func embedScriptProblems(embed: String, script: String, fix: String) -> [String] {
        if !embed.contains("data-embed-default") {
            return [
                "embed.mustache is from before one embed page per question: every `<id>.embed.html#<chart>` shows the answer chart; "
                    + fix
            ]
        }
        if !script.contains("data-embed-default") {
            return [
                "assets/almanac.js does not choose the embed page's chart (it is from before one embed page per question), so embed pages show no chart; "
                    + fix
            ]
        }
        return []
    }
}
