import Foundation
import Testing

@testable import AlmanacCore

@Suite struct IndirectTests {
    struct Holder {
        @Indirect var numbers: [Int]
        @Indirect var note: String? = nil
    }

    @Test(
        "a boxed value is copied on write: changing a copy, in place or through an optional, leaves the original as it was"
    )
    func copyOnWrite() {
        var first = Holder(numbers: [1, 2, 3])
        first.note = "kept"
        var second = first
        second.numbers.append(4)
        second.note? += " and changed"
        #expect(first.numbers == [1, 2, 3])
        #expect(first.note == "kept")
        #expect(second.numbers == [1, 2, 3, 4])
        #expect(second.note == "kept and changed")
        // The box itself, shared, then written on one side only.
        var third = Holder(numbers: [])
        third.$numbers = first.$numbers
        third.numbers[0] = 10
        #expect(first.numbers == [1, 2, 3])
        #expect(third.numbers == [10, 2, 3])
    }

    @Test(
        "each pending report is handed out once with its own question, match and narration, in any order, the last one included"
    )
    func pendingReports() {
        let reports = ["a", "b", "c"].map { id in
            var report = GoldenPageTests.second
            report.question = Question(id: id, text: "Question \(id)")
            report.match.filters = Filters(badge: "Badge \(id)")
            report.narration = Narration(markdown: "About \(id).", source: .offline)
            return report
        }
        let pending = PendingReports(reports)
        for index in [1, 2, 0] {
            let report = pending.take(index)
            let id = ["a", "b", "c"][index]
            #expect(report.question.id == id)
            #expect(report.match.filters.badge == "Badge \(id)")
            #expect(report.narration.markdown == "About \(id).")
        }
    }
}
