/// A database that fails `almanac check`.
public struct SchemaCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var report: SchemaReport

    public var description: String {
        let lines = report.errors.map { "  ✗ " + $0.description }.joined(separator: "\n")
        return """
            \(path) does not match the schema in docs/schema.md; these would make the numbers wrong:
            \(lines)
            Run `almanac check --db \(path)` for the full report.
            """
    }
}
