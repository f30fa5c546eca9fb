import Testing

@testable import AlmanacCore

/// A suite that asks one matcher its questions: how a question routes, why it is refused, and
/// which part no analysis applies. The blind tests' suites each wrote these three again.
protocol MatcherSuite {
    var matcher: Matcher { get }
}

extension MatcherSuite {
    func route(_ text: String) throws -> Match {
        try matcher.route(Question(id: "q", text: text))
    }

    func reason(_ text: String) throws -> MatchError.Reason {
        try #require(throws: MatchError.self) { try route(text) }.reason
    }

    func refusedPart(_ text: String) throws -> UnappliedPart? {
        guard case .unapplied(let part, _) = try reason(text) else { return nil }
        return part
    }
}
