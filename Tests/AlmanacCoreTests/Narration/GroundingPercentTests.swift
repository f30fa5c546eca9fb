import Testing

@testable import AlmanacCore

/// A figure in percent matches a rate × 100, or a number already in percent as it is; an
/// attack run's model wrote "0.66% completed" for a rate of 0.6617 (66.17 %), and it passed.
@Suite struct GroundingPercentTests {
    let context: JSONValue = [
        "completion_rate": 0.6617, "share": 37.5, "learners": 2829,
        "comparison": ["change_percent": 0.3],
    ]

    @Test(
        "a rate is its fraction × 100; a number in percent is itself, but a fraction is not",
        arguments: [
            ("2,829 learners, 66.17% completed.", [String]()),
            ("2,829 learners, 66.2% completed.", []),
            ("2,829 learners, 37.5% of them first.", []),
            ("2,829 learners, 0.66% completed.", ["0.66%"]),
            ("2,829 learners, 0.7% completed.", ["0.7%"]),
            // A change already in percent is written as it is (a review found it refused).
            ("2,829 learners, up 0.3% on the period before.", []),
        ])
    func percent(answer: String, unverified: [String]) {
        #expect(Grounding.check(answer, against: context).unverified == unverified, "\(answer)")
    }
}
