import Foundation
import Yams

extension QuestionLoader {
    func readPatterns(_ node: Node, _ problem: Report) -> [AnalysisKind: PatternOverride] {
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
                let kinds = AnalysisKind.allCases.filter { $0 != .customSQL }.map(\.rawValue)
                let name = keyNode.string ?? ""
                problem(
                    keyNode,
                    "unknown kind `\(name)` in `patterns`\(Self.guess(name, among: kinds)); expected one of \(kinds.joined(separator: ", "))"
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
                    default:
                        let name = field.string ?? ""
                        problem(
                            field,
                            "unknown key `\(name)` under `patterns.\(raw)`\(Self.guess(name, among: ["add", "replace"])); expected `add` or `replace`"
                        )
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
            } catch {
                problem(item, "`\(pattern)` is not a valid regular expression")
                return nil
            }
            // "(a+)+$" took 27 s over a question of 30 letters, and ICU has no time limit
            // that NSRegularExpression exposes: a repetition of a repetition is refused.
            if Self.repeatsRepetition(pattern) {
                problem(
                    item,
                    "`\(pattern)` repeats a group that itself repeats (such as `(a+)+`), which can take unbounded time on some questions; write it without the nested repetition"
                )
                return nil
            }
            return pattern
        }
    }

    /// Whether a regular expression repeats (`+`, `*`, `{n,}`) a group holding a repetition:
    /// the classic shape of catastrophic backtracking. Escapes and character classes are
    /// skipped; `?` and `{n}` are not repetitions here.
    static func repeatsRepetition(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        var groups: [Bool] = []  // per open group: whether it holds a repetition
        var index = 0
        func repeats(at position: Int) -> Bool {
            guard position < characters.count else { return false }
            switch characters[position] {
            case "+", "*": return true
            case "{":
                let rest = String(characters[position...].prefix(12))
                return rest.range(of: #"^\{\d*,\d*\}"#, options: .regularExpression) != nil
            default: return false
            }
        }
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 1
            case "[":
                index += 1
                if index < characters.count, characters[index] == "^" { index += 1 }
                if index < characters.count, characters[index] == "]" { index += 1 }
                while index < characters.count, characters[index] != "]" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
            case "(": groups.append(false)
            case ")":
                let holds = groups.popLast() ?? false
                if holds, repeats(at: index + 1) { return true }
                if holds || repeats(at: index + 1), !groups.isEmpty {
                    groups[groups.count - 1] = true
                }
            default:
                if repeats(at: index), !groups.isEmpty { groups[groups.count - 1] = true }
            }
            index += 1
        }
        return false
    }

    func readLLM(_ node: Node, _ problem: Report) -> LLMSettings {
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
                let name = keyNode.string ?? ""
                let keys = ["model", "temperature", "max_tokens", "seed"]
                problem(
                    keyNode,
                    "unknown key `\(name)` in `llm`\(Self.guess(name, among: keys)); expected model, temperature, max_tokens or seed"
                )
            }
        }
        return settings
    }

    /// `database_options:`; today only `statement_timeout`, in seconds, returned in milliseconds.
    func readDatabaseOptions(_ node: Node, _ problem: Report) -> Int? {
        guard case .mapping(let fields) = node else {
            problem(node, "`database_options` must be a mapping with `statement_timeout`")
            return nil
        }
        var timeout: Int?
        for (keyNode, value) in fields {
            switch keyNode.string {
            case "statement_timeout":
                if let seconds = value.float, seconds >= 0, seconds <= 86_400 * 7 {
                    timeout = StatementTimeLimit.milliseconds(seconds: seconds)
                } else {
                    problem(
                        value,
                        "`database_options.statement_timeout` must be a number of seconds (0 for no limit)"
                    )
                }
            default:
                let name = keyNode.string ?? ""
                problem(
                    keyNode,
                    "unknown key `\(name)` in `database_options`\(Self.guess(name, among: ["statement_timeout"])); expected statement_timeout"
                )
            }
        }
        return timeout
    }
}
