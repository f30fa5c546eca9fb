import Foundation
import Testing

@testable import AlmanacCore

@Suite struct AnalysisCacheFileTests {
    @Test(
        "the analysis results file is the JSON a decoder reads: scope and warnings escaped, each output's bytes in base64, and a build loads it back"
    )
    func roundTrip() throws {
        let scope = "data/demo.db:4149248\n\"quoted\" <tag> & é\u{1F}"
        var cache = AnalysisCache(scope: scope)
        cache.warnings = [SchemaFinding(severity: .warning, message: "2 rows \"late\"\tfixed")]
        let monday = CivilDate(iso: "2026-09-28")!
        let series = WeeklySeries(enrollments: [(monday, 3)], completions: [(monday, 1)])
        cache.store(series, for: Filters(), asOf: monday)
        cache.store(
            WeeklySeries(enrollments: [], completions: [(monday, 7)]),
            for: Filters(badge: "Python Basics"), asOf: monday)

        let data = cache.encoded()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["scope"] as? String == scope)
        #expect(json["warnings"] as? [String] == ["2 rows \"late\"\tfixed"])
        let entries = try #require(json["entries"] as? [String: [String: String]])
        let name = AnalysisCache.weeklyName(Filters(), asOf: monday)
        #expect(entries.count == 2)
        #expect(entries[name]?["kind"] == "weekly")
        let output = try #require(entries[name]?["output"].flatMap { Data(base64Encoded: $0) })
        #expect(try JSONDecoder().decode(WeeklySeries.self, from: output) == series)

        let files = FakeFileSystem()
        let url = URL(fileURLWithPath: "/srv/.almanac/site.analyses.json")
        try cache.save(to: url, files: files)
        let loaded = AnalysisCache.load(from: url, scope: scope, files: files)
        #expect(loaded.weekly(for: Filters(), asOf: monday) == series)
        #expect(
            loaded.weekly(for: Filters(badge: "Python Basics"), asOf: monday)?.completions.map(
                \.count) == [7])
        #expect(loaded.warnings.map(\.message) == ["2 rows \"late\"\tfixed"])
        #expect(AnalysisCache.load(from: url, scope: "another", files: files).entries.isEmpty)
    }
}
