import Foundation

extension TemplateSet {
    /// A partial that includes itself, directly or through others (`{{> page}}` in
    /// `page.mustache`): rendering it would recurse until the stack overflows, which a blind
    /// test found killing the build and `almanac serve` with a segmentation fault. No context
    /// Almanac gives is recursive, so no such cycle can end.
    /// - Throws: `TemplateError` naming the first template of the cycle, and the cycle.
    func refuseRecursivePartials() throws {
        let tag = try! NSRegularExpression(pattern: #"\{\{\s*>\s*([^}\s]+)\s*\}\}"#)
        var includes: [String: [String]] = [:]
        var paths: [String: String] = [:]
        for (path, name, text) in templates {
            paths[name] = path
            includes[name] = tag.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        }
        // Depth-first, in name order so the same cycle is always the one reported.
        var done = Set<String>()
        func visit(_ name: String, _ chain: [String]) throws {
            if let start = chain.firstIndex(of: name) {
                let cycle = (chain[start...] + [name]).joined(separator: " → ")
                throw TemplateError(
                    file: paths[chain[start]] ?? name,
                    message:
                        "the partial `\(name)` includes itself (\(cycle)), which would never end; remove the inclusion"
                )
            }
            guard !done.contains(name), let next = includes[name] else { return }
            for partial in next { try visit(partial, chain + [name]) }
            done.insert(name)
        }
        for name in includes.keys.sorted() { try visit(name, []) }
    }
}
