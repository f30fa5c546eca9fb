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
        // A question that asks for that total lists it first, so it is listed under that
        // question, and once.
        let asking = try summary(
            "globex-weekly", [change(nil, 1871, 1861)], scope: "Globex Corporation",
            asked: "enrollments")
        let listed = ChangeText.whatChanged([trend, asking])
        #expect(listed.map(\.questionID) == ["globex-weekly", "enrollment-trend"])
        #expect(listed.map(\.asked) == [true, false])
        #expect(listed.filter { $0.change.before == 1871 }.count == 1)
    }

    @Test("the measure a question asks about is listed before a more unusual move of another")
    func askedFirst() throws {
        // Enrollments 1,000 → 1,300 is far more unusual than 1,000 → 1,010 among these
        // counts; the second question asks for enrollments, the first does not.
        let other = try summary(
            "other", [change(nil, 1000, 1300), change("Initech", 500, 505)], scope: nil)
        let asking = try summary(
            "asking", [change(nil, 1000, 1010)], scope: "Hooli", asked: "enrollments")
        let moves = ChangeText.whatChanged([other, asking])
        #expect(moves.first?.questionID == "asking")
        #expect(moves.first?.change.after == 1010)
    }
}
