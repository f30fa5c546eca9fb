import Testing

@testable import AlmanacCore

/// Blind test 77: "How did enrollments trend last month?" was a series of one month ("874 in
/// 2026-08"), and "did enrollments go up last week" one partial month. With no period named, a
/// window of up to 62 days is counted by day, up to 186 (about six months) by week, and a
/// longer one, or one with no first day, by month.
@Suite struct ShortWindowSeriesTests {
    func periods(days: Int, granularity: Granularity? = nil) -> Granularity {
        let start = CivilDate(iso: "2026-01-01")!
        let window = DateRange(start: start, end: start.adding(days: days), phrase: "")
        let request = AnalysisRequest(asOf: start, granularity: granularity)
        return OrganizationTrends.periods(of: request, window: window)
    }

    @Test("days up to 62, weeks up to 186, months beyond; a period named is kept")
    func byLength() {
        #expect(periods(days: 7) == .day)
        #expect(periods(days: 62) == .day)
        #expect(periods(days: 63) == .week)
        #expect(periods(days: 186) == .week)
        #expect(periods(days: 187) == .month)
        #expect(periods(days: 365) == .month)
        #expect(periods(days: 7, granularity: .month) == .month)
        #expect(periods(days: 365, granularity: .day) == .day)
        let open = DateRange(start: nil, end: CivilDate(iso: "2026-01-01")!, phrase: "")
        #expect(
            OrganizationTrends.periods(
                of: AnalysisRequest(asOf: CivilDate(iso: "2026-01-01")!), window: open) == .month)
    }
}
