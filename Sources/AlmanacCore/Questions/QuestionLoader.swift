import Foundation
import Yams

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

/// Reads questions.yaml with Yams, keeping every node's line and column so that each problem
/// points at the place to fix.
public struct QuestionLoader {
    public init() {}

    static let questionKeys: Set = [
        "text", "id", "kind", "section", "sql", "charts", "granularity",
    ]
    static let topKeys: Set = [
        "title", "database", "database_options", "questions", "patterns", "llm", "alerts",
    ]
    /// File names the site itself uses.
    static let reservedIDs: Set = ["index", "assets"]
    /// Names Windows reserves for devices, with any extension: `con.html` cannot be checked out.
    static let windowsReservedIDs = Set(
        ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
    /// Problems listed at most: a generated file with millions of bad entries gets a readable
    /// error, not hundreds of megabytes of one.
    public static let maxProblems = 50
    /// The longest question text, in characters: a question is a sentence, and the matcher's
    /// patterns run over all of it.
    public static let maxQuestionLength = 2_000

    /// Parses the text of a questions file.
    /// - Throws: `QuestionFileError` listing every problem with its line and column.
    public func load(_ yaml: String, path: String) throws -> QuestionFile {
        var problems: [QuestionFileError.Problem] = []
        var omitted = 0
        func add(_ found: QuestionFileError.Problem) {
            guard problems.count < Self.maxProblems else {
                omitted += 1
                return
            }
            problems.append(found)
        }
        func problem(_ node: Node?, _ message: String) {
            add(
                .init(
                    line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message))
        }

        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw QuestionFileError(path: path, problems: [Self.problem(from: error)])
        }
        guard let root, case .mapping(let top) = root else {
            throw QuestionFileError(
                path: path,
                problems: [
                    .init(
                        line: 1, column: 1,
                        message: "expected a mapping with `title` and `questions`")
                ])
        }

        var title: String?
        var database: String?
        var statementTimeout: Int?
        var questions: [Question] = []
        var declared = Set<Int>()
        var patterns: [AnalysisKind: PatternOverride] = [:]
        var llm = LLMSettings()
        var sawQuestions = false
        var alertsNode: Node?

        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                title = text(value, "`title`", problem)
            case "database":
                database = text(value, "`database`", problem)
            case "database_options":
                statementTimeout = readDatabaseOptions(value, problem)
            case "questions":
                sawQuestions = true
                let read = readQuestions(value, problem)
                questions = read.map(\.question)
                declared = Set(read.indices.filter { read[$0].declared })
            case "patterns":
                patterns = readPatterns(value, problem)
            case "llm":
                llm = readLLM(value, problem)
            case "alerts":
                alertsNode = value
            default:
                problem(
                    keyNode,
                    "unknown key `\(key)`; expected one of \(Self.topKeys.sorted().joined(separator: ", "))"
                )
            }
        }
        if title == nil { problem(root, "missing `title`: the report needs a title") }
        if !sawQuestions { problem(root, "missing `questions`: a list of questions") }
        if sawQuestions && questions.isEmpty && problems.isEmpty {
            problem(root, "`questions` is empty: add at least one question")
        }

        // A derived id that an `id:` or an earlier question already holds (texts that only
        // differ in case, accents or punctuation share a slug) takes its text's fingerprint:
        // no two texts derive the same id, and a declared id is never taken over.
        var seen: [String: Int] = [:]
        let declaredIDs = Set(declared.map { questions[$0].id })
        for index in questions.indices {
            let id = questions[index].id
            if !declared.contains(index), seen[id] != nil || declaredIDs.contains(id) {
                questions[index].id = id + "-" + Slug.fingerprint(questions[index].text)
            }
            let question = questions[index]
            if let first = seen[question.id] {
                add(
                    .init(
                        line: question.line, column: 1,
                        message:
                            "duplicate id `\(question.id)` (first used on line \(first)); give one of them an `id:`"
                    ))
            } else {
                seen[question.id] = question.line
            }
        }
        // Alerts name questions by id, so they are read once every id is known.
        let alerts =
            alertsNode.map { readAlerts($0, questionIDs: Set(questions.map(\.id)), problem) } ?? []
        guard problems.isEmpty, let title else {
            throw QuestionFileError(
                path: path,
                problems: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) },
                omitted: omitted)
        }
        var file = QuestionFile(
            path: path, title: title, database: database, questions: questions,
            patterns: patterns, llm: llm)
        file.statementTimeout = statementTimeout
        file.alerts = alerts
        return file
    }

    // MARK: - Questions

    /// False, with a problem that quotes only the start, when `text` is too long to match.
    private func acceptable(_ text: String, _ node: Node, number: Int, _ problem: Report) -> Bool {
        // utf8.count first: cheap, and never below the character count.
        guard text.utf8.count > Self.maxQuestionLength, text.count > Self.maxQuestionLength else {
            return true
        }
        let start = text.prefix(40).replacingOccurrences(of: "\n", with: " ")
        problem(
            node,
            "question \(number) is \(text.count) characters long (“\(start)…”); the limit is \(Self.maxQuestionLength)"
        )
        return false
    }

    /// The id of a question without `id:`: `Slug.derived`, or `question-` and the text's
    /// fingerprint when it has no slug, with `-question` after a name that Windows reserves
    /// (`con`, `nul`, `com1`, …).
    private func derivedID(_ text: String, number: Int) -> String {
        let slug = Slug.derived(from: text)
        if slug.isEmpty { return "question-" + Slug.fingerprint(text) }
        return Self.windowsReservedIDs.contains(slug) ? slug + "-question" : slug
    }

    // MARK: - Sections

    private typealias Report = (Node?, String) -> Void

    /// The questions, each with whether its id was declared with `id:`.
    private func readQuestions(_ node: Node, _ problem: Report) -> [(
        question: Question, declared: Bool
    )] {
        guard case .sequence(let items) = node else {
            problem(node, "`questions` must be a list; start each question with `- text: …`")
            return []
        }
        var questions: [(question: Question, declared: Bool)] = []
        for (index, item) in items.enumerated() {
            if let question = readQuestion(item, number: index + 1, problem) {
                questions.append(question)
            }
        }
        return questions
    }

    private func readQuestion(_ node: Node, number: Int, _ problem: Report) -> (
        question: Question, declared: Bool
    )? {
        let line = node.mark?.line ?? 1
        if let string = node.string, case .scalar = node {
            guard acceptable(string, node, number: number, problem) else { return nil }
            return (
                Question(id: derivedID(string, number: number), text: string, line: line), false
            )
        }
        guard case .mapping(let fields) = node else {
            problem(node, "question \(number): expected a mapping with `text`")
            return nil
        }
        var question = Question(id: "", text: "", line: line)
        var explicitID: String?
        var textNode: Node?
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            switch key {
            case "text":
                textNode = value
                question.text = text(value, "`text`", problem) ?? ""
            case "id":
                explicitID = text(value, "`id`", problem)
                if let id = explicitID, !Slug.isValid(id) {
                    problem(
                        value,
                        "`id` must be lowercase letters, digits and single hyphens, like `python-basics`; got `\(id)`"
                    )
                }
            case "kind":
                if let raw = text(value, "`kind`", problem) {
                    if let kind = AnalysisKind(rawValue: raw) {
                        question.kind = kind
                    } else {
                        problem(
                            value,
                            "unknown kind `\(raw)`; expected one of \(AnalysisKind.allCases.map(\.rawValue).joined(separator: ", "))"
                        )
                    }
                }
            case "section":
                question.section = text(value, "`section`", problem)
            case "sql":
                question.sql = text(value, "`sql`", problem)
            case "granularity":
                if let raw = text(value, "`granularity`", problem) {
                    if let granularity = Granularity(rawValue: raw) {
                        question.granularity = granularity
                    } else {
                        problem(
                            value,
                            "`granularity` must be `day`, `week`, `month` or `quarter`; got `\(raw)`"
                        )
                    }
                }
            case "charts":
                question.charts = readCharts(value, problem)
            default:
                problem(
                    keyNode,
                    "unknown key `\(key)` in a question; expected one of \(Self.questionKeys.sorted().joined(separator: ", "))"
                )
            }
        }
        if question.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problem(textNode ?? node, "question \(number) has no `text`")
            return nil
        }
        guard acceptable(question.text, textNode ?? node, number: number, problem) else {
            return nil
        }
        if question.sql != nil {
            if let kind = question.kind, kind != .customSQL {
                problem(
                    node, "a question with `sql:` is `kind: custom_sql`, not `\(kind.rawValue)`")
            }
            question.kind = .customSQL
        } else if question.kind == .customSQL {
            problem(node, "`kind: custom_sql` needs an `sql:` statement")
        }
        if !question.charts.isEmpty && question.sql == nil {
            problem(
                node,
                "`charts:` is only for questions with `sql:`; other kinds draw their own charts")
        }
        if let explicitID, Self.windowsReservedIDs.contains(explicitID) {
            problem(
                node,
                "the id `\(explicitID)` is a device name on Windows, where `\(explicitID).html` cannot be checked out; choose another `id:`"
            )
        }
        question.id = explicitID ?? derivedID(question.text, number: number)
        if Self.reservedIDs.contains(question.id) {
            problem(
                node,
                "the id `\(question.id)` is reserved for the site itself; choose another `id:`")
        }
        return (question, explicitID != nil)
    }

    private func readCharts(_ node: Node, _ problem: Report) -> [ChartDeclaration] {
        guard case .sequence(let items) = node else {
            problem(node, "`charts` must be a list like `- {type: bar, x: badge, y: learners}`")
            return []
        }
        return items.compactMap { item in
            guard case .mapping(let fields) = item else {
                problem(
                    item, "each chart must be a mapping like `{type: bar, x: badge, y: learners}`")
                return nil
            }
            var type: String?
            var columns: [String: String] = [:]
            for (keyNode, value) in fields {
                guard let key = keyNode.string,
                    let string = text(value, "`\(keyNode.string ?? "")`", problem)
                else { continue }
                if key == "type" { type = string } else { columns[key] = string }
            }
            guard let type else {
                problem(item, "a chart needs a `type`")
                return nil
            }
            return ChartDeclaration(type: type, columns: columns, line: item.mark?.line ?? 1)
        }
    }

    private func readPatterns(_ node: Node, _ problem: Report) -> [AnalysisKind: PatternOverride] {
        guard case .mapping(let kinds) = node else {
            problem(
                node,
                "`patterns` must map a kind to `add:` or `replace:` lists of regular expressions")
            return [:]
        }
        var result: [AnalysisKind: PatternOverride] = [:]
        for (keyNode, value) in kinds {
            guard let raw = keyNode.string, let kind = AnalysisKind(rawValue: raw),
                kind != .customSQL
            else {
                problem(
                    keyNode,
                    "unknown kind `\(keyNode.string ?? "")` in `patterns`; expected one of \(AnalysisKind.allCases.filter { $0 != .customSQL }.map(\.rawValue).joined(separator: ", "))"
                )
                continue
            }
            var override = PatternOverride()
            if case .sequence = value {
                override.add = regexes(value, problem)
            } else if case .mapping(let fields) = value {
                for (field, list) in fields {
                    switch field.string {
                    case "add": override.add = regexes(list, problem)
                    case "replace": override.replace = regexes(list, problem)
                    default: problem(field, "expected `add` or `replace` under `patterns.\(raw)`")
                    }
                }
            } else {
                problem(
                    value, "`patterns.\(raw)` must be a list, or a mapping with `add` or `replace`")
            }
            result[kind] = override
        }
        return result
    }

    private func regexes(_ node: Node, _ problem: Report) -> [String] {
        let items: [Node]
        if case .sequence(let list) = node { items = Array(list) } else { items = [node] }
        return items.compactMap { item in
            guard let pattern = text(item, "a pattern", problem) else { return nil }
            do {
                _ = try NSRegularExpression(pattern: pattern)
                return pattern
            } catch {
                problem(item, "`\(pattern)` is not a valid regular expression")
                return nil
            }
        }
    }

    private func readLLM(_ node: Node, _ problem: Report) -> LLMSettings {
        guard case .mapping(let fields) = node else {
            problem(
                node, "`llm` must be a mapping with `model`, `temperature`, `max_tokens` or `seed`")
            return LLMSettings()
        }
        var settings = LLMSettings()
        for (keyNode, value) in fields {
            switch keyNode.string {
            case "model": settings.model = text(value, "`llm.model`", problem)
            case "temperature":
                if let number = value.float, (0...2).contains(number) {
                    settings.temperature = number
                } else {
                    problem(value, "`llm.temperature` must be a number from 0 to 2")
                }
            case "max_tokens":
                if let number = value.int, number > 0 {
                    settings.maxTokens = number
                } else {
                    problem(value, "`llm.max_tokens` must be a positive whole number")
                }
            case "seed":
                if let number = value.int {
                    settings.seed = number
                } else {
                    problem(value, "`llm.seed` must be a whole number")
                }
            default:
                problem(
                    keyNode,
                    "unknown key `\(keyNode.string ?? "")` in `llm`; expected model, temperature, max_tokens or seed"
                )
            }
        }
        return settings
    }

    /// `database_options:`; today only `statement_timeout`, in seconds, returned in milliseconds.
    private func readDatabaseOptions(_ node: Node, _ problem: Report) -> Int? {
        guard case .mapping(let fields) = node else {
            problem(node, "`database_options` must be a mapping with `statement_timeout`")
            return nil
        }
        var timeout: Int?
        for (keyNode, value) in fields {
            switch keyNode.string {
            case "statement_timeout":
                if let seconds = value.float, seconds >= 0, seconds <= 86_400 * 7 {
                    timeout = Int((seconds * 1000).rounded())
                } else {
                    problem(
                        value,
                        "`database_options.statement_timeout` must be a number of seconds (0 for no limit)"
                    )
                }
            default:
                problem(
                    keyNode,
                    "unknown key `\(keyNode.string ?? "")` in `database_options`; expected statement_timeout"
                )
            }
        }
        return timeout
    }

    /// A scalar as text; anything else is reported.
    private func text(_ node: Node, _ what: String, _ problem: Report) -> String? {
        guard case .scalar(let scalar) = node else {
            problem(node, "\(what) must be text")
            return nil
        }
        return scalar.string
    }

    private static func problem(from error: YamlError) -> QuestionFileError.Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), " } ?? ""
            return .init(
                line: mark.line, column: mark.column, message: "invalid YAML: \(detail)\(problem)")
        default:
            return .init(line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}
