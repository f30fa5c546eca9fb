import Foundation
import Testing

@testable import AlmanacCore

/// Blind test forty (2026-12-06, evening), and the cases left from the last session's note.
@Suite struct BlindFortyTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: [
                "Python Basics", "SQL Fundamentals", "Python Intermediate", "Deep Learning",
                "Ethical Hacking", "Advanced Python", "Cloud Practitioner",
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
            // Blind test 40 read "the top 3 badges" as the most popular: which ranking is
            // meant, the question does not say.
            "What is the median time to complete for the top 3 badges?",
            "What is the completion rate of the top 3 badges?",
        ])
    func rankedBySize(text: String) throws {
        #expect(try refusedPart(text) == .rankedByAnother, "\(text)")
    }

    @Test(
        "a ranking by the measure itself, said, and one badge's time, are still read",
        arguments: [
            ("What are the top 3 badges by median time to complete?", 3),
            ("What are the 3 most popular badges?", 3),
            ("How long does it take to complete Python Basics?", nil),
        ] as [(String, Int?)])
    func stillRead(text: String, top: Int?) throws {
        let match = try matcher.route(Question(id: "q", text: text))
        #expect(match.intent.ranking?.count == top, "\(text)")
    }

    // Blind test forty's parts left out while every number was right for the reading shown:
    // thresholds in words, a name against everyone else, per learner of an organization, two
    // rankings, a range of places, a ranking listed from its other end, and a share of an
    // organization's learners. The numbers in the notes are the tester's SQL on the demo as of
    // 2026-06-30.

    /// "A drop-out rate of more than half" listed all 24 badges (7 are over 50 %); "at least
    /// half" the lowest first; "under a third" all 13 organizations (none is under it);
    /// "below-average completion rates" all 24 (11 are under the platform's 53.69 %); "fewer
    /// enrollments this quarter than last quarter" all 13 (Café Numérique rose, 106 → 110).
    @Test(
        "a line written in words, or against the average or another window, is a threshold",
        arguments: [
            ("Which badges have a drop-out rate of more than half?", "more than half"),
            ("Which badges have a completion rate of at least half?", "at least half"),
            ("Which organizations have a completion rate under a third?", "under a third"),
            ("Which badges had a majority of enrollments completed?", "a majority of"),
            ("Which badges were completed by fewer than half of learners?", "fewer than half"),
            ("Which badges have below-average completion rates?", "below-average"),
            ("Which organizations have a below-average completion rate?", "below-average"),
            (
                "Which organizations had fewer enrollments this quarter than last quarter?",
                "fewer enrollments this quarter than last"
            ),
        ])
    func thresholdsInWords(text: String, phrase: String) throws {
        #expect(try reason(text) == .threshold(phrase), "\(text)")
    }

    /// "Acme & Sons compared with everyone else" gave Acme & Sons alone (50.88 %; the rest
    /// 55.18 %); "completions per Initech learner in 2025" Initech's 473 (2.09 a learner);
    /// "the 3 most and 3 least popular" the top 3; "the top three to five" the top 3; "lowest
    /// first" was listed from the highest; "what percentage of Acme & Sons learners completed
    /// Cloud Practitioner" the badge's rate there (58.13 %, 186 of 320 enrollments; 186 of
    /// the organization's 1,536 learners is 12.1 %); "currently enrolled at Acme & Sons"
    /// every learner of its last 12 months (977; 443 have an enrollment open).
    @Test(
        "each of these is refused for the part the answer left out",
        arguments: [
            ("How does Acme & Sons compare with everyone else on completion rate?", .againstWhole),
            ("How does Initech compare to other organizations on drop-out rate?", .againstWhole),
            ("How many completions per Initech learner in 2025?", .perLearner),
            ("Show me the 3 most and 3 least popular badges", .twoQuestions),
            ("What are the top three to five badges by learners?", .countRange),
            ("Top 3-5 organizations by enrollments", .countRange),
            // Refused for another reason ("a ranking by another measure"), or every row listed.
            ("Name a handful of badges with the lowest drop-out rate", .countRange),
            ("Which few badges have the most enrollments?", .countRange),
            ("Show a couple of organizations with the highest completion rate", .countRange),
            // Refused as a repeated enrollment.
            ("Which badges have twice as many enrollments as Deep Learning?", .threshold),
            // Refused as a change with one window: growth is of enrollments.
            ("Which badge had the highest growth in completions this year?", .growthMeasure),
            ("Growth of the completion rate at Initech", .growthMeasure),
            (
                "Which 3 badges had the highest completion rate at Initech in Q1 2026, lowest first?",
                .listOrder
            ),
            ("Which 5 organizations had the most enrollments, smallest first?", .listOrder),
            // Blind test 42: "best first" or "worst first" against the ranking's own order
            // was listed in that order, unsaid; for the drop-out rate and the time to
            // complete the best is the lowest.
            ("Which 3 badges have the highest drop-out rate, best first?", .listOrder),
            (
                "Which 5 organizations have the best completion rate in Q1 2026, worst first?",
                .listOrder
            ),
            ("Which 3 badges have the shortest median time to complete, worst first?", .listOrder),
            ("Which 3 badges have the most enrollments, worst first?", .listOrder),
            // Blind test 43: a time ranking's own words, listed longest first unsaid.
            ("Which 4 badges take the longest to complete, fastest first?", .listOrder),
            ("Which 4 badges take the longest to complete, lowest first?", .listOrder),
            ("Which 4 badges are the quickest to complete, slowest first?", .listOrder),
            // The drop-out rates were given, not the completion rates (23.73 %, 29.02 %, 35.43 %).
            (
                "What is the completion rate of the 3 badges with the highest drop-out rate?",
                .rankedByAnother
            ),
            (
                "What percentage of Acme & Sons learners completed Cloud Practitioner?",
                .shareOfLearners
            ),
            ("percentage of learners at initech who completed python basics", .shareOfLearners),
            ("How many people are currently enrolled at Acme & Sons?", .twoStatuses),
            // Those in progress (31; 119 more have not started), and every learner of the badge.
            ("How many learners are currently enrolled in Python Basics?", .twoStatuses),
            ("How many Globex folks are currently signed up for Advanced Python?", .twoStatuses),
        ] as [(String, UnappliedPart)])
    func refusedParts(text: String, part: UnappliedPart) throws {
        #expect(try refusedPart(text) == part, "\(text)")
    }

    @Test(
        "their neighbours are still read",
        arguments: [
            "How does Acme & Sons compare with Hooli on completion rate?",
            "How many more enrollments this quarter than last quarter?",
            "Enrollments in the first half of 2025",
            "What percentage of Python Basics learners at Initech completed?",
            "What are the 3 least popular badges?",
            "Which badges have the lowest completion rate, lowest first?",
            "What is the average completion rate for each organization?",
            "What's the completion rate of learners currently enrolled in Python Basics?",
            // Blind test 41's over-refusals: for the drop-out rate the best is the lowest; a
            // name said, with its size beside it; "the majority of" as "most".
            "Which 5 badges have the lowest drop-out rate, best first?",
            "Which 3 organizations have the highest drop-out rate, worst first?",
            "Which 3 badges had the highest completion rate in 2025, best first?",
            "Which 4 badges take the longest to complete, worst first?",
            "What is the completion rate of Python Basics, our most popular badge?",
            "How long does it take to complete Python Basics, the most popular badge?",
            "Which badge do the majority of learners start with?",
        ])
    func neighboursRead(text: String) throws {
        _ = try route(text)
    }

    /// The Read as line said "completed Since March": the sentence's capital, not the phrase's.
    @Test(
        "a window that opens the question keeps its own case",
        arguments: [
            ("Since March, how many learners completed Python Basics?", "since March"),
            ("In 2025, how many learners enrolled?", "in 2025"),
            ("Q1 2026 completions", "Q1 2026"),
            ("March 2026 enrollments?", "March 2026"),
        ])
    func windowCase(text: String, phrase: String) throws {
        #expect(try route(text).filters.dateRange?.phrase == phrase, "\(text)")
    }

    /// Refused as two windows, where "in 2025 or 2024" was read.
    @Test(
        "this or last period after a word that compares is the two set side by side",
        arguments: [
            "Were completions higher this quarter or last quarter?",
            "Were there more enrollments this year or last year?",
            "Were there more enrollments this month or last month?",
        ])
    func thisOrLast(text: String) throws {
        let match = try route(text)
        #expect(match.versus != nil, "\(text)")
    }

    /// "The first half of 2025 compared with the second half" was the second half of 2024
    /// (366 learners completed Python Basics there; 379 in the second half of 2025).
    @Test(
        "the first half of a year against the second half is of that year",
        arguments: [
            "How many learners completed Python Basics in the first half of 2025 compared with the second half?",
            "Enrollments in H1 2025 vs H2",
        ])
    func halves(text: String) throws {
        let match = try route(text)
        let windows = [match.filters.dateRange, match.versus].compactMap { $0 }
        #expect(
            Set(windows.map { "\($0.start!)..\($0.end!)" })
                == ["2025-01-01..2025-07-01", "2025-07-01..2026-01-01"], "\(text)")
    }

    @Test("half a dozen, or half dozen, is six places")
    func halfDozen() throws {
        #expect(
            try route("What are the top half dozen badges by enrollments?").intent.ranking?.count
                == 6)
        #expect(try route("Top half a dozen organizations by learners").intent.ranking?.count == 6)
    }
}
