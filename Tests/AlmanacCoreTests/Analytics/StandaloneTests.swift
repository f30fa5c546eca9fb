import Foundation
import Testing

@testable import AlmanacCore

/// A page's standalone statements (its scope alone) give exactly the numbers the build's shared
/// statements gave it, for every question of the demo's questions.yaml and its comparison
/// windows: on SQLite, and on PostgreSQL when `make test` names a server. (The two-shard
/// cluster's pages are compared with SQLite's by check-engines, which also replays every
/// standalone statement there.)
@Suite struct StandaloneTests {
    /// The repository's questions.yaml, routed as a build routes it.
    func demoRequests(_ db: any DatabaseConnection, asOf: CivilDate) throws -> (
        pairs: [(Question, Match)], cutoffs: [CivilDate?]
    ) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appending(path: "questions.yaml").path
        let file = try QuestionLoader().load(
            String(contentsOfFile: path, encoding: .utf8), path: path)
        let matcher = try Matcher(
            overrides: file.patterns, catalogue: try EntityCatalogue.read(from: db), asOf: asOf)
        var pairs: [(Question, Match)] = []
        var cutoffs: [CivilDate?] = []
        for question in file.questions {
            let match = try matcher.route(question)
            pairs.append((question, match))
            cutoffs.append(nil)
            if match.kind.keyMeasures != nil, let windows = ComparisonWindows.of(match, asOf: asOf)
            {
                pairs.append((question, windows.match(match, for: windows.previous)))
                pairs.append((question, windows.match(match, for: windows.yearAgo)))
                cutoffs += [windows.previousAsOf, windows.yearAgoAsOf]
            }
        }
        return (pairs, cutoffs)
    }

    func compare(
        _ db: any DatabaseConnection, open: @escaping @Sendable () throws -> any DatabaseConnection
    )
        async throws
    {
        let asOf = CivilDate(iso: "2026-09-30")!
        let (pairs, cutoffs) = try demoRequests(db, asOf: asOf)
        var cache = AnalysisCache(scope: "")
        let runner = AnalysisRunner(db: db, open: open, asOf: asOf)
        let (outcomes, pass) = try await runner.run(pairs, asOf: cutoffs, cache: &cache)
        // Shared: far fewer statements than analyses.
        #expect(pass.statements <= 13)
        #expect(pairs.count > 60)
        var compared = 0
        for ((question, match), (cutoff, outcome)) in zip(pairs, zip(cutoffs, outcomes)) {
            guard let kind = match.kind.analysis else { continue }
            let request = AnalysisRequest(
                filters: match.filters, asOf: cutoff ?? asOf, granularity: match.granularity)
            let standalone = try kind.run(on: db, request)
            #expect(standalone == outcome.output.json.encoded(), "\(question.id): \(match.filters)")
            compared += 1
        }
        #expect(compared > 60)
    }

    @Test("every demo page's standalone statements give the shared statements' numbers on SQLite")
    func sqlite() async throws {
        let path = Fixture.folder().appending(path: "demo.db").path
        var options = SeedOptions()
        options.users = 600
        try DemoSeeder(options: options).write(to: path)
        try await compare(try SQLiteConnection(path: path)) { try SQLiteConnection(path: path) }
    }

    @Test(
        "every demo page's standalone statements give the shared statements' numbers on PostgreSQL",
        .enabled(if: TestPostgres.url != nil, "needs ALMANAC_TEST_POSTGRES_URL"))
    func postgres() async throws {
        let url = try #require(TestPostgres.url)
        let schema =
            "standalone_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let writer = try PostgresConnection(url: url, mode: .write)
        try writer.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        var options = SeedOptions()
        options.users = 600
        _ = try DemoSeeder(options: options).write(to: writer)
        let separator = url.contains("?") ? "&" : "?"
        let reader = url + separator + "options=-c%20search_path%3D\(schema)"
        try await compare(try PostgresConnection(url: reader)) {
            try PostgresConnection(url: reader)
        }
    }

    @Test(
        "a comparison window read for its key measures only gives the key measures of the whole analysis"
    )
    func measuresOnly() async throws {
        let path = Fixture.folder().appending(path: "demo.db").path
        var options = SeedOptions()
        options.users = 600
        try DemoSeeder(options: options).write(to: path)
        let db = try SQLiteConnection(path: path)
        let asOf = CivilDate(iso: "2026-09-30")!
        let (pairs, cutoffs) = try demoRequests(db, asOf: asOf)
        // Every window of a question, and none of the questions themselves, read for its
        // key measures only: no whole twin to borrow from.
        let partial = cutoffs.map { $0 != nil }
        var cache = AnalysisCache(scope: "")
        let runner = AnalysisRunner(db: db, open: { try SQLiteConnection(path: path) }, asOf: asOf)
        let (outcomes, _) = try await runner.run(
            pairs, asOf: cutoffs, measuresOnly: partial, cache: &cache)
        var compared = 0
        for ((question, match), (cutoff, outcome)) in zip(pairs, zip(cutoffs, outcomes))
        where cutoff != nil {
            guard let kind = match.kind.analysis, let spec = match.kind.keyMeasures else {
                continue
            }
            let whole = AnalysisRequest(
                filters: match.filters, asOf: cutoff ?? asOf, granularity: match.granularity)
            let expected = try kind.json(on: db, whole)
            #expect(
                spec.measures(in: outcome.output.json) == spec.measures(in: expected),
                "\(question.id): \(match.filters)")
            compared += 1
        }
        #expect(compared > 30)
    }
}
