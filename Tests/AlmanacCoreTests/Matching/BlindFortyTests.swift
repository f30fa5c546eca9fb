import Foundation
import Testing

@testable import AlmanacCore

/// Blind test forty (2026-12-06, evening), and the cases left from the last session's note.
@Suite struct BlindFortyTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: [
                "Python Basics", "SQL Fundamentals", "Python Intermediate", "Deep Learning",
                "Ethical Hacking", "Advanced Python",
            ],
            organizations: ["Initech", "Hooli", "Acme & Sons"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    /// "The median days to complete for the 3 most popular badges" was the 3 badges of the
    /// longest median (Deep Learning 54.9 days, Ethical Hacking 54.7, Advanced Python 48.1);
    /// the 3 most popular, by enrollments as of 2026-06-30, are Python Basics (2,565), Python
    /// Intermediate (1,799) and SQL Fundamentals (1,535). A measure of badges or organizations
    /// chosen by their size is ranked by another measure than it reports.
    @Test(
        "a rate, median or average of the most popular or biggest badges is refused",
        arguments: [
            "What is the median days to complete for the 3 most popular badges?",
            "What is the completion rate for the most popular badges?",
            "How long does it take to complete the most popular badges?",
            "How long does it take to finish the busiest badge?",
            "Average progress of the 5 biggest organizations",
            "Drop-out rate across the largest organizations",
        ])
    func rankedBySize(text: String) throws {
        #expect(try refusedPart(text) == .rankedByAnother, "\(text)")
    }

    @Test(
        "a ranking by the measure itself, and one badge's time, are still read",
        arguments: [
            ("What is the median time to complete for the top 3 badges?", 3),
            ("What are the 3 most popular badges?", 3),
            ("How long does it take to complete Python Basics?", nil),
        ] as [(String, Int?)])
    func stillRead(text: String, top: Int?) throws {
        let match = try matcher.route(Question(id: "q", text: text))
        #expect(match.intent.ranking?.count == top, "\(text)")
    }
}
