import Foundation
import Yams

extension QuestionLoader {
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
        // "Digest?" asked as a question is not the site's digest.
        return Self.windowsReservedIDs.contains(slug) || Self.reservedIDs.contains(slug)
            ? slug + "-question" : slug
    }

    /// The questions, each with whether its id was declared with `id:`.
    func readQuestions(_ node: Node, _ problem: Report) -> [(
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
        // A bare `-`, `- null` or `- ~`: YAML's null, not a question (it was routed as one).
        if QuestionLoader.isNull(node) || node.string?.trimmingCharacters(in: .whitespaces) == "" {
            problem(node, "question \(number) is empty; write `- text: …`, or remove the line")
            return nil
        }
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
                            "unknown kind `\(raw)`\(Self.guess(raw, among: AnalysisKind.allCases.map(\.rawValue))); expected one of \(AnalysisKind.allCases.map(\.rawValue).joined(separator: ", "))"
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
                    "unknown key `\(key)` in a question\(Self.guess(key, among: Self.questionKeys.sorted())); expected one of \(Self.questionKeys.sorted().joined(separator: ", "))"
                )
            }
        }
        if question.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // A `text` that is not text was said already ("must be text").
            if textNode == nil || textNode?.scalar != nil {
                problem(textNode ?? node, "question \(number) has no `text`")
            }
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
}
