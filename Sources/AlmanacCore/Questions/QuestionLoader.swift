import Foundation
import Yams

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
    /// Ids whose files the site writes itself: `index.html`, `assets/`, and `digest.md` and
    /// `digest.json` (a question `digest` failed at the end of the build, "written twice").
    static let reservedIDs: Set = ["index", "assets", "digest"]
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
            throw QuestionFileError(
                path: path, problems: [YAMLSyntax.problem(from: error, in: yaml)]
            ).quoting(yaml)
        }
        guard let root, case .mapping(let top) = root else {
            // An empty file (or one of comments only) has no root at all.
            let message =
                root == nil
                ? "the file is empty: it needs a `title:` and a list of `questions:`"
                : "expected a mapping with `title` and `questions`"
            throw QuestionFileError(
                path: path, problems: [.init(line: 1, column: 1, message: message)]
            ).quoting(yaml)
        }

        var title: String?
        var database: String?
        var statementTimeout: Int?
        var questions: [Question] = []
        var declared = Set<Int>()
        var patterns: [AnalysisKind: PatternOverride] = [:]
        var llm = LLMSettings()
        var sawQuestions = false
        var sawTitle = false
        var questionsKey: Node?
        var alertsNode: Node?

        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                sawTitle = true
                title = text(value, "`title`", problem)
                // `title:` with nothing after it stopped the build with "error: questions: "
                // and no message; `title: ""` gave pages an empty <title> (an attack run).
                if Self.isNull(value)
                    || title?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true
                {
                    problem(value, "`title` is empty: the report needs a title")
                    title = nil
                }
            case "database":
                database = text(value, "`database`", problem)
            case "database_options":
                statementTimeout = readDatabaseOptions(value, problem)
            case "questions":
                sawQuestions = true
                questionsKey = keyNode
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
                    "unknown key `\(key)`\(Self.guess(key, among: Self.topKeys.sorted())); expected one of \(Self.topKeys.sorted().joined(separator: ", "))"
                )
            }
        }
        // A `title` that is not text is said once ("must be text"), not missing as well.
        if !sawTitle { problem(root, "missing `title`: the report needs a title") }
        if !sawQuestions { problem(root, "missing `questions`: a list of questions") }
        if sawQuestions && questions.isEmpty && problems.isEmpty {
            problem(questionsKey ?? root, "`questions` is empty: add at least one question")
        }

        // A derived id that an `id:` or an earlier question already holds (texts that only
        // differ in case, accents or punctuation share a slug) takes its text's fingerprint:
        // no two texts derive the same id, and a declared id is never taken over.
        var seen: [String: Int] = [:]
        // The line of the first question of each text that has no `id:`: the same question
        // twice is a mistake, which two pages of the same title would only hide.
        var texts: [String: Int] = [:]
        let declaredIDs = Set(declared.map { questions[$0].id })
        for index in questions.indices {
            if !declared.contains(index) {
                let text = questions[index].text
                if let first = texts[text] {
                    add(
                        .init(
                            line: questions[index].line, column: 1,
                            message:
                                "the same question as on line \(first); remove one, or give one of them an `id:` to keep both"
                        ))
                    continue
                }
                texts[text] = questions[index].line
            }
            let id = questions[index].id
            if !declared.contains(index), seen[id] != nil || declaredIDs.contains(id) {
                questions[index].id = id + "-" + Slug.fingerprint(questions[index].text)
            }
            let question = questions[index]
            if let first = seen[question.id] {
                // Two `id:` alike; a derived id meets another only by a fingerprint's clash.
                let fix =
                    declared.contains(index)
                    ? "the question on line \(first) has the same `id:`; an id names a question's pages, so change one of them"
                    : "the question on line \(first) has it too; give one of them another `id:`"
                add(
                    .init(
                        line: question.line, column: 1,
                        message: "duplicate id `\(question.id)`: \(fix)"))
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
                omitted: omitted
            ).quoting(yaml)
        }
        var file = QuestionFile(
            path: path, title: title, database: database, questions: questions,
            patterns: patterns, llm: llm)
        file.statementTimeout = statementTimeout
        file.alerts = alerts
        return file
    }

    // MARK: - Nodes and problems

    /// " (did you mean `title`?)" for a key or kind that is a typo of a known one, else "".
    static func guess(_ word: String, among names: [String]) -> String {
        Spelling.closest(to: word, among: names).map { " (did you mean `\($0)`?)" } ?? ""
    }

    /// `guess`, or an id of the same words in another order: `completion-rate-ytd` renamed
    /// `ytd-completion-rate` had no "did you mean" (blind test 84).
    static func guessID(_ id: String, among ids: [String]) -> String {
        let spelled = guess(id, among: ids)
        guard spelled.isEmpty else { return spelled }
        func words(_ text: String) -> [Substring] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.sorted()
        }
        let wanted = words(id)
        guard wanted.count > 1, let same = ids.first(where: { words($0) == wanted }) else {
            return ""
        }
        return " (did you mean `\(same)`?)"
    }

    typealias Report = (Node?, String) -> Void

    /// A scalar as text; anything else is reported.
    func text(_ node: Node, _ what: String, _ problem: Report) -> String? {
        guard case .scalar(let scalar) = node else {
            problem(node, "\(what) must be text")
            return nil
        }
        // `text: null` is no text, not the question "null".
        if Self.isNull(node) { return nil }
        return scalar.string
    }

    /// YAML's null: a plain `null`, `Null`, `NULL`, `~` or nothing at all.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
