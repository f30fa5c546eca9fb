import Testing

@testable import AlmanacCore

@Suite struct MetricsTests {
    @Test("a rate is a fraction rounded to 4 decimals, 0 for a zero denominator")
    func rates() {
        #expect(Metrics.rate(1, 3) == 0.3333)
        #expect(Metrics.rate(2, 3) == 0.6667)
        #expect(Metrics.rate(5, 0) == 0)
        #expect(Metrics.rate(1235, 10_000) == 0.1235)
    }
}
