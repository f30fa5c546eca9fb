import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 47: "enrollment-trend: enrollments of Globex Corporation: 1,871 → 1,861" and
/// "globex-weekly: enrollments: 1,871 → 1,861" were two of What changed's ten entries, one
/// move. A total's subject is the name its question is filtered to, so it is listed once.
@Suite struct WhatChangedOnceTests {
    func summary(
        _ id: String, _ changes: [SinceLastReport.Change], scope: String?, asked: String? = nil
    ) throws -> ReportSummary {
        let previous: JSONValue = [
            "metadata": [
                "as_of": "2026-10-07",
                "key_measures": [["measure": "enrollments", "subject": .null, "value": 1]],
            ]
        ]
        var since = try #require(
            SinceLastReport.make(
                measures: [KeyMeasure(measure: "enrollments", subject: nil, value: 2)],
                previous: previous, asOf: CivilDate(iso: "2026-10-14")!, window: nil))
        since.changes = changes
        var report = GoldenPageTests.second
        report.question = Question(id: id, text: id)
        report.sinceLastReport = since
        var summary = ReportSummary(report)
        summary.scopeName = scope
        summary.askedMeasure = asked
        return summary
    }

    func change(_ subject: String?, _ before: Double, _ after: Double) -> SinceLastReport.Change {
        SinceLastReport.Change(
            measure: "enrollments", subject: subject, before: before, after: after)
    }

    @Test("a total of a question filtered to a name is the same move as that name's slice")
    func listedOnce() throws {
        let trend = try summary(
            "enrollment-trend",
            [change("Globex Corporation", 1871, 1861), change("Initech", 1018, 1100)], scope: nil)
        let weekly = try summary(
            "globex-weekly", [change(nil, 1871, 1861)], scope: "Globex Corporation")
        let moves = ChangeText.whatChanged([trend, weekly])
        #expect(moves.map(\.questionID).sorted() == ["enrollment-trend", "enrollment-trend"])
        // Of another organization, the same numbers are another move.
        let hooli = try summary("hooli-weekly", [change(nil, 1871, 1861)], scope: "Hooli")
        #expect(ChangeText.whatChanged([trend, hooli]).count == 3)
        // A question that asks for that total takes it first, so it is listed under that
        // question, and once.
        let asking = try summary(
            "globex-weekly", [change(nil, 1871, 1861)], scope: "Globex Corporation",
            asked: "enrollments")
        let listed = ChangeText.whatChanged([trend, asking])
        let globex = listed.filter { $0.change.before == 1871 }
        #expect(globex.count == 1)
        #expect(globex.first?.questionID == "globex-weekly")
        #expect(globex.first?.asked == true)
        #expect(listed.count == 2)
    }

    @Test("a question's move of the measure it asks about is one of its entries, however small")
    func askedListed() throws {
        // Standardized counts, (after − before) / √before: the total 0.95, Initech 0.32, Hooli
        // 0.63, Globex 22.14, Acme 9.49. Median 0.95; deviations 0, 0.63, 0.32, 21.19, 8.54,
        // whose median 0.63 gives a spread of max(1.4826 × 0.63, 1) = 1: scores 0, 0.63,
        // 0.32, 21.19 and 8.54. By score alone, Globex and Acme; the question asks for the
        // total, so Globex and the total.
        let asking = try summary(
            "asking",
            [
                change(nil, 1000, 1030), change("Initech", 1000, 1010),
                change("Hooli", 1000, 1020), change("Globex", 1000, 1700),
                change("Acme", 1000, 1300),
            ], scope: nil, asked: "enrollments")
        let moves = ChangeText.whatChanged([asking])
        #expect(moves.map(\.change.after) == [1700, 1030])
        #expect(moves.map(\.asked) == [false, true])
        // Asking for none of them, the two most unusual.
        let plain = try summary("plain", asking.sinceLastReport?.changes ?? [], scope: nil)
        #expect(ChangeText.whatChanged([plain]).map(\.change.after) == [1700, 1300])
    }

    /// "Compare the completion rate of Hooli and Initech" was listed as "completion rate:
    /// 53.48% → 53.53%, ▲ 0.05 pts" and marked as asked: the platform's rate, where Hooli's
    /// went from 58.61 % to 59.03 % (blind test 63).
    @Test("a question that compares names lists its moves as of the whole scope, never asked")
    func comparedAcrossAll() throws {
        var compared = try summary(
            "compare", [change(nil, 1000, 1300)], scope: nil, asked: "enrollments")
        compared.acrossAll = "all organizations"
        let move = try #require(ChangeText.whatChanged([compared]).first)
        #expect(!move.asked)
        #expect(
            move.text { $0 } == "enrollments across all organizations: 1,000 → 1,300, ▲ 300 (+30%)")
        // A slice is its own subject's move, not the whole scope's.
        let sliced = try summary("slices", [change("Python Basics", 1000, 1300)], scope: nil)
        var across = sliced
        across.acrossAll = "all organizations"
        let slice = try #require(ChangeText.whatChanged([across]).first)
        #expect(slice.text { $0 } == "enrollments of Python Basics: 1,000 → 1,300, ▲ 300 (+30%)")
        #expect(slice.across == nil)
        // A question filtered to an organization that compares badges: its totals are that
        // organization's, across all badges (a review found "enrollments across all badges"
        // for Initech's 2,376).
        var initech = try summary(
            "initech", [change(nil, 1911, 2376)], scope: "Initech", asked: "enrollments")
        initech.acrossAll = "all badges"
        #expect(
            ChangeText.whatChanged([initech]).first?.text { $0 }
                == "enrollments of Initech across all badges: 1,911 → 2,376, ▲ 465 (+24.3%)")
        // A question that compares nothing says its moves as before.
        #expect(
            ChangeText.whatChanged([sliced]).first?.text { $0 }
                == "enrollments of Python Basics: 1,000 → 1,300, ▲ 300 (+30%)")
    }

    /// By hand, pooled two-proportion spreads: 59.96% → 60.00% of 1,000 enrollments each is
    /// 0.04 points against 2 × √(0.5998 × 0.4002 × 2 / 1,000) = 4.38; 40% → 50% of 1,000 each
    /// is 10 points against 2 × √(0.45 × 0.55 × 2 / 1,000) = 4.45 (blind test 82).
    @Test("a rate that moved within chance is no move of What changed")
    func rateWithinChance() {
        func rate(_ before: Double, _ after: Double, base: Double?) -> SinceLastReport.Change {
            var change = SinceLastReport.Change(
                measure: "completion_rate", subject: nil, before: before, after: after)
            change.base = base.map { .init(before: $0, after: $0) }
            return change
        }
        #expect(rate(0.5996, 0.6, base: 1000).rateWithinChance)
        #expect(!rate(0.4, 0.5, base: 1000).rateWithinChance)
        #expect(!rate(0.5996, 0.6, base: nil).rateWithinChance)
        var count = SinceLastReport.Change(
            measure: "enrollments", subject: nil, before: 1000, after: 1001)
        count.base = .init(before: 1000, after: 1001)
        #expect(!count.rateWithinChance)
    }

    /// Two medians of 100 completed enrollments each side: 25.3 → 25.4 days moved 0.1, under
    /// a day, and is left out; 25.3 → 27.0 moved 1.7 days and is listed (blind test 82).
    @Test("a median that moved by less than a day is no move of What changed")
    func medianUnderADay() throws {
        func median(_ subject: String, _ after: Double) -> SinceLastReport.Change {
            var change = SinceLastReport.Change(
                measure: "median_days_to_complete", subject: subject, before: 25.3, after: after)
            change.base = .init(before: 100, after: 100)
            return change
        }
        let moves = ChangeText.whatChanged([
            try summary(
                "q", [median("Docker Basics", 25.4), median("Git & GitHub", 27)], scope: nil)
        ])
        #expect(moves.map(\.subject) == ["Git & GitHub"])
    }

    /// Blind test 84: a question back after a week away compares with the report before, and
    /// its two weeks' move was listed "since" the latest report.
    @Test("only the moves since the latest report are listed under it")
    func sinceOneReport() throws {
        let latest = try summary("weekly", [change(nil, 1000, 1100)], scope: nil)
        var back = try summary("back", [change(nil, 2000, 2400)], scope: nil)
        back.sinceLastReport?.asOf = CivilDate(iso: "2026-09-30")!
        let moves = ChangeText.whatChanged([latest, back])
        #expect(moves.map(\.questionID) == ["weekly"])
    }
}
