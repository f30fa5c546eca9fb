import Testing

@testable import AlmanacCore

/// Sentences that name the highest, the lowest or the most say so truthfully when several
/// subjects share the value (docs/metrics.md, "Ties"), on a database worked out by hand.
@Suite struct TieNarrationTests {
    /// Two organizations, North (user 1) and South (user 2); four badges of 20 enrollments
    /// each, made on 2024-02-20 and split evenly between the two users (even ids North, odd
    /// South). Alpha (ids 1–20) has ids 1–10 completed: 50%; Beta, Gamma and Delta none: 0%.
    /// North and South each have 40 enrollments with 5 of Alpha's completions: 12.5% each.
    static let rows = """
        INSERT INTO organizations VALUES (1, 'North'), (2, 'South');
        INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01'), (2, 'Bob', 2, '2024-01-01');
        INSERT INTO badges VALUES (1, 'Alpha', 'Data'), (2, 'Beta', 'Data'),
            (3, 'Gamma', 'Data'), (4, 'Delta', 'Data');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80)
        INSERT INTO enrollments
        SELECT i, CASE WHEN i % 2 = 0 THEN 1 ELSE 2 END, (i - 1) / 20 + 1, '2024-02-20',
               CASE WHEN i <= 10 THEN 'completed' ELSE 'dropped' END,
               CASE WHEN i <= 10 THEN 1.0 ELSE 0.5 END,
               CASE WHEN i <= 10 THEN '2024-02-25' END
        FROM n;
        """

    func context() throws -> AnalysisContext { try Fixture.context(Self.rows) }

    @Test("three badges at 0% tie for the lowest; all four tie for the most enrollments")
    func badges() throws {
        let text = OfflineNarrator().narrate(try BadgeEnrollments.run(try context()))
        #expect(
            text.contains(
                "Alpha has the highest completion rate at 50.0%; three badges tie for the lowest completion rate, 0.0%: Beta, Delta and Gamma."
            ), "\(text)")
        #expect(text.contains("All four badges had 20 enrollments each."), "\(text)")
        #expect(!text.contains("the most popular"), "\(text)")
    }

    @Test("completion metrics: the worst is a tie of three; two organizations level, none leads")
    func metrics() throws {
        let text = OfflineNarrator().narrate(try CompletionMetrics.run(try context()))
        #expect(
            text.contains(
                "Alpha completes best at 50.0%; three badges tie for the worst completion rate, 0.0%: Beta, Delta and Gamma."
            ), "\(text)")
        // North and South both at 12.5%: "North leads at 12.5% and South trails at 12.5%" is
        // not said.
        #expect(
            !text.contains("leads on completion rate at") && !text.contains("trails at"), "\(text)")
    }

    @Test("organizations level on rate and count: both named, neither singled out")
    func organizations() throws {
        let text = OfflineNarrator().narrate(try OrganizationTrends.run(try context()))
        #expect(text.contains("Both organizations had 40 enrollments each."), "\(text)")
        #expect(
            text.contains("Both organizations have the same completion rate, 12.5%."), "\(text)")
        #expect(!text.contains("has the highest") && !text.contains("led with"), "\(text)")
    }

    /// All four badges had 20 enrollments: a top 2 keeps all four, and a comparison with
    /// another window says why four are listed.
    @Test("a compared ranking cut at a tie says how many tie")
    func comparedTie() throws {
        let intent = Intent(
            measure: .enrollments, dimension: .badge, ranking: Ranking(.top, count: 2))
        let output = try BadgeEnrollments.run(try context())
        let answer = try #require(Answer.make(output, intent: intent, filters: Filters()))
        #expect(answer.rows.count == 4)
        let window = DateRange(
            start: CivilDate(iso: "2023-01-01"), end: CivilDate(iso: "2024-01-01"), phrase: "2023")
        let compared = answer.against(answer, window: window, current: "")
        let text = try #require(Lead.sentence(for: compared, filters: Filters()))
        #expect(text.hasSuffix(" (2 asked for: 4 tied at 20)."), "\(text)")
    }

    @Test("tied names: up to four in full, past that three and how many more")
    func names() {
        #expect(Tie.names(["A"]) == "A")
        #expect(Tie.names(["A", "B", "C", "D"]) == "A, B, C and D")
        #expect(Tie.names(["A", "B", "C", "D", "E", "F", "G", "H"]) == "A, B, C and 5 more")
        #expect(Tie.leading([3, 3, 2, 3], by: Double.init) == [3, 3])
        #expect(Tie.number(8) == "eight" && Tie.number(13) == "13")
    }

    @Test("top movers and concentration name every slice that shares the largest")
    func insights() throws {
        let finder = InsightFinder()
        // A 10 → 15 and C 20 → 25 both rose by 5; B 30 → 28 fell by 2; D 5 → 3 fell by 2.
        let comparison = InsightFinderTests().comparison(
            [("A", 10, 15), ("B", 30, 28), ("C", 20, 25), ("D", 5, 3)], total: (65, 71))
        let movers = try #require(finder.topMovers(comparison, measure: "enrollments"))
        #expect(movers.rise?.subject == "A" && movers.riseTied == ["C"])
        #expect(movers.fall?.subject == "B" && movers.fallTied == ["D"])
        #expect(
            Insight.topMovers(movers).factSentence
                == "Against the previous period, A and C rose most (+5 enrollments each) and B and D fell most (−2 each)."
        )
        // 30, 30, 25, 15 of 100: the top two hold 30% each, the top three 85%.
        let measures = [("A", 30.0), ("B", 30), ("C", 25), ("D", 15)].map {
            KeyMeasure(measure: "enrollments", subject: $0.0, value: $0.1)
        }
        let fact = try #require(finder.concentration(measures, measure: "enrollments"))
        #expect(fact.top == "A" && fact.topTied == ["B"])
        #expect(
            Insight.concentration(fact).factSentence
                == "A and B hold 30.0% each of the 100 enrollments, and the top three 85.0%.")
    }
}
