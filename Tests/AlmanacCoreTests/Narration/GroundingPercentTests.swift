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

/// A large real of a query's own result is written "1e+20"; the grounding read "20" out of it
/// and flagged the offline narrator's own summary (a probe of custom SQL).
@Suite struct GroundingExponentTests {
    @Test("a number in scientific notation is one figure, checked as its value")
    func exponent() {
        let context: JSONValue = ["rows": [["z": 1e20, "n": 2829]]]
        #expect(Grounding.check("z 1e+20 and n 2,829.", against: context).unverified == [])
        // 1e+21 is not in the data: flagged whole, not as "21".
        #expect(Grounding.check("z 1e+21.", against: context).unverified == ["1e+21"])
    }

    /// An attack run: "28 weeks tied: 2025-W12, 2025-W13, 2025-W14 and 25 more" was flagged
    /// as "25" not in the data, on the offline narrator's own summary.
    @Test("'and N more' of a list is no figure; '25 more learners' still is")
    func andMore() {
        let context: JSONValue = ["rows": [["n": 2829]]]
        #expect(Grounding.check("2,829 tied: A, B and 25 more.", against: context).unverified == [])
        #expect(
            Grounding.check("2,829, then 25 more learners", against: context).unverified == ["25"])
        #expect(
            Grounding.check("2,829, and 45 more learners than Globex", against: context)
                .unverified == ["45"])
        #expect(
            Grounding.check("2,829: A, B and 18 more in the table.", against: context).unverified
                == [])
    }
}
