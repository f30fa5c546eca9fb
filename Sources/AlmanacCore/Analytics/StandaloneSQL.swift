import Foundation

/// The statements of one analysis alone (its scope), parameters inlined, as a page shows them
/// under "How this was computed" and in `metadata.sql`. They are written out only when asked
/// (`texts`): at 2,000 generated questions they come to 29 MB of text (14 KB a page), which a
/// build held from its SQL phase to its end, and the comparison windows' were written for
/// `--dump-sql` alone.
public struct StandaloneSQL: Sendable {
    private indirect enum Source: Sendable {
        case analysis(AnalysisKind, AnalysisRequest, any SQLDialect)
        case custom(String)
        case texts([String])
    }

    private let source: Source

    /// A built-in kind's statements for one request, in a dialect.
    init(_ kind: AnalysisKind, _ request: AnalysisRequest, in dialect: any SQLDialect) {
        source = .analysis(kind, request, dialect)
    }

    /// A custom question's own statement.
    init(custom sql: String) {
        source = .custom(sql)
    }

    /// Statements already written out.
    public init(texts: [String]) {
        source = .texts(texts)
    }

    /// The statements, each with its parameters written in as SQL literals.
    public var texts: [String] {
        switch source {
        case .analysis(let kind, let request, let dialect):
            return kind.analysis?.statements(for: [request], in: dialect).map(\.inlined) ?? []
        case .custom(let sql):
            return [sql.trimmingCharacters(in: .whitespacesAndNewlines)]
        case .texts(let texts):
            return texts
        }
    }
}
