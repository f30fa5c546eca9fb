import Foundation
import Testing

@testable import AlmanacCore

/// Blind test forty-eight (2026-12-07): questions typed in a hurry. The numbers in the notes
/// are the tester's SQL on the demo as of 2026-06-30.
@Suite struct BlindFortyEightTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Kubernetes Essentials", "Deep Learning"],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// "Badge with the lowest completion rate" gave the platform's 53.69 % (Deep Learning's
    /// is 23.73 %); "org with highest completion rate" the same (Stark Industries 63.84 %);
    /// "3 org with most enrollments" the platform's 21,286 (Acme & Sons 7,371, …).
    @Test(
        "a ranking typed without 'which' or 'the' keeps its breakdown, order and count",
        arguments: [
            ("badge with the lowest completion rate", Breakdown.badge, Ranking(.bottom, count: 1)),
            ("org with highest completion rate", .organization, Ranking(.top, count: 1)),
            ("org with lowest drop rate", .organization, Ranking(.bottom, count: 1)),
            ("badge with most dropouts 2025", .badge, Ranking(.top, count: 1)),
            ("org w/ most completions last year", .organization, Ranking(.top, count: 1)),
            ("company with fastest completion", .organization, Ranking(.bottom, count: 1)),
            ("team with most learners", .organization, Ranking(.top, count: 1)),
            ("3 org with most enrollments", .organization, Ranking(.top, count: 3)),
            ("the 3 org with biggest dropouts", .organization, Ranking(.top, count: 3)),
            ("top 5 badge by enrollments", .badge, Ranking(.top, count: 5)),
            ("top 3 org by completion rate 2025", .organization, Ranking(.top, count: 3)),
            ("which company have the less completion?", .organization, Ranking(.bottom, count: 1)),
            ("hardest badge", .badge, Ranking(.bottom, count: 1)),
            ("easiest course 2025", .badge, Ranking(.top, count: 1)),
            ("fastest to finish badge at Hooli", .badge, Ranking(.bottom, count: 1)),
            ("course with longest time to complete", .badge, Ranking(.top, count: 1)),
        ])
    func typedRankings(text: String, dimension: Breakdown, ranking: Ranking) throws {
        let match = try route(text)
        #expect(match.intent.dimension == dimension, "\(text)")
        #expect(match.intent.ranking == ranking, "\(text)")
    }

    /// "Kubernetes Essentials median time" matched no kind (46.9 days); "last qtr vs the
    /// quarter before completion rate" was refused as "before completion".
    @Test(
        "a median time is the time to complete; a window before the measure is a window",
        arguments: [
            ("Kubernetes Essentials median time", Measure.timeToComplete),
            ("hooli median days h2 2025", .timeToComplete),
            ("last qtr vs the quarter before completion rate", .completionRate),
        ])
    func measures(text: String, measure: Measure) throws {
        #expect(try route(text).intent.measure == measure, "\(text)")
    }

    @Test("before completing is still refused")
    func beforeCompleting() throws {
        #expect(try refusedPart("How many enrollments before completion?") == .negatedStatus)
    }
}
