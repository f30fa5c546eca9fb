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

    @Test("selection finds the same median as sorting, on many arrays with repeats")
    func selectionAgreesWithSorting() {
        var state: UInt64 = 7
        for length in 1...200 {
            let values = (0..<length).map { _ -> Double in
                state = state &* 6_364_136_223_846_793_005 &+ 1
                return Double((state >> 33) % 50) / 4  // many ties on purpose
            }
            let sorted = values.sorted()
            let middle = length / 2
            let expected = length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            #expect(Metrics.median(values) == Metrics.round(expected, places: 1), "length \(length)")
        }
    }

    @Test("the median is the middle value, or the mean of the two middle values")
    func medians() {
        #expect(Metrics.median([]) == nil)
        #expect(Metrics.median([5]) == 5)
        #expect(Metrics.median([9, 1, 5]) == 5)
        #expect(Metrics.median([10, 30, 5, 40]) == 20)  // (10 + 30) / 2
        #expect(Metrics.median([1, 2]) == 1.5)
        #expect(Metrics.median([0.04, 0.06]) == 0.1)  // 0.05 rounds half away from zero
    }
}
