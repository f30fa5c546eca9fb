import Foundation

/// The last matcher a builder made, with what it read, for its next build. `almanac serve`
/// builds again after every edit with the same builder: while the questions file's
/// `patterns:`, the database's names and the as-of date stay the same, the matcher is the
/// same, and a question it has read is not read again (`Matcher.Memo.route`). A change to any
/// of the three makes a new one.
final class MatcherShelf: @unchecked Sendable {
    // @unchecked: `kept` is only touched under `lock`.
    private let lock = NSLock()
    private var kept: (key: Key, matcher: Matcher)?

    private struct Key: Equatable {
        var overrides: [AnalysisKind: PatternOverride]
        var catalogue: EntityCatalogue
        var asOf: CivilDate?
    }

    /// The matcher for these settings: the one kept when they are the same, else a new one.
    /// - Throws: the new matcher's error for a pattern that is not a valid regular expression.
    func matcher(
        overrides: [AnalysisKind: PatternOverride], catalogue: EntityCatalogue, asOf: CivilDate?
    ) throws -> Matcher {
        let key = Key(overrides: overrides, catalogue: catalogue, asOf: asOf)
        if let kept = lock.withLock({ kept }), kept.key == key { return kept.matcher }
        let matcher = try Matcher(overrides: overrides, catalogue: catalogue, asOf: asOf)
        lock.withLock { kept = (key, matcher) }
        return matcher
    }
}
