import Testing

@testable import AlmanacCore

/// Phrasings from a fourth blind test, as of 2026-09-30: parts of a question that no analysis
/// applies (a negation, an exclusion, a number per learner, learners of two badges at once,
/// a status as a filter). Each was answered as if the part were not there: "excluding Acme &
/// Sons" counted Acme & Sons alone (3,909 enrollments), "have not finished Python Basics"
/// the 1,872 who had, "did not complete Advanced Python" its 469 drop-outs where 556 of its
/// 879 enrollments are not completed, and "which learner completed the most badges" ranked
/// badges. Each must now be refused, quoting the words as the question writes them.
extension IntentTableTests {
    static let blindFourRefusals: [Refusal] = [
        // A status negated.
        Refusal(
            "How many people did not complete Advanced Python?",
            mentions: #"cannot apply "not complete""#),
        Refusal(
            "How many learners have not finished Python Basics?",
            mentions: #"cannot apply "not finished""#),
        Refusal(
            "What share of learners don't finish Deep Learning?",
            mentions: #"cannot apply "don't finish""#),
        Refusal(
            "How many enrollments are incomplete for Docker Basics?",
            mentions: #"cannot apply "incomplete""#),
        Refusal(
            "How many learners are enrolled but have not started?",
            mentions: #"cannot apply "not started""#),
        // A name, a group or everything left out.
        Refusal(
            "How many enrollments excluding Acme & Sons?",
            mentions: #"cannot apply "excluding Acme & Sons""#),
        Refusal(
            "How many enrollments outside Acme & Sons in 2025?",
            mentions: #"cannot apply "outside Acme & Sons""#),
        Refusal(
            "Completion rate of all badges except Deep Learning",
            mentions: #"cannot apply "except Deep Learning""#),
        Refusal(
            "What is the completion rate for learners without an organization?",
            mentions: #"cannot apply "without an organization""#),
        Refusal(
            "Which badges had no enrollments in August 2026?",
            mentions: #"cannot apply "no enrollments""#),
        Refusal(
            "Which badges had zero completions last week?",
            mentions: #"cannot apply "zero completions""#),
        // Two badges at once.
        Refusal(
            "How many learners completed Python Basics but not Python Intermediate?",
            mentions: #"cannot apply "but not""#),
        Refusal(
            "How many learners completed both Docker Basics and Kubernetes Essentials?",
            mentions: #"cannot apply "both Docker Basics and Kubernetes Essentials""#),
        // Per learner.
        Refusal(
            "Which learner completed the most badges?", mentions: #"cannot apply "which learner""#
        ),
        Refusal(
            "Which learners dropped the most badges?",
            mentions: #"cannot apply "which learners dropped the most""#),
        Refusal("Who is the top learner at Initech?", mentions: #"cannot apply "who is the top""#),
        Refusal(
            "Top 10 learners by completions in 2025", mentions: #"cannot apply "top 10 learners""#
        ),
        Refusal(
            "How many enrollments per learner at Initech?",
            mentions: #"cannot apply "per learner""#),
        Refusal(
            "How many badges does each learner take on average?",
            mentions: #"cannot apply "each learner""#),
        Refusal(
            "Average number of courses for each student",
            mentions: #"cannot apply "for each student""#),
        // The growth of organizations cut, or least first: the list is whole, most growth
        // first. ("Which organization grew the most" is that list: its lead names the first.)
        Refusal(
            "Which 3 organizations grew the least in 2025?",
            mentions: "ranks organizations by growth (bottom 3)"),
        // A day that does not exist.
        Refusal(
            "How many enrollments between February 30 and March 3, 2026?",
            mentions: "february 30 is not a date that exists"),
        // A job role: "the completion rate for managers" was the platform's, 53.5%, and "how
        // many interns enrolled in Python Basics" all of its 2,829 learners.
        Refusal(
            "What is the completion rate for managers?", mentions: #"cannot apply "managers""#),
        Refusal(
            "How many interns enrolled in Python Basics?", mentions: #"cannot apply "interns""#),
        // Counts of the catalogue: "how many badges are there" and "how many organizations do
        // we have" were both answered with the 24,090 enrollments.
        Refusal(
            "How many badges are there?", mentions: #"cannot apply "how many badges are there""#),
        Refusal(
            "How many organizations do we have?",
            mentions: #"cannot apply "how many organizations do we have""#),
        // A share of a total: "what percentage of all enrollments are at Acme & Sons" was its
        // 3,909 enrollments, "the share of completions by organization" the completion rates.
        Refusal(
            "What percentage of all enrollments are at Acme & Sons?",
            mentions: #"cannot apply "percentage""#),
        Refusal(
            "What is the share of completions by organization?",
            mentions: #"cannot apply "share of completions""#),
        Refusal(
            "What percent of enrollments are still in progress?",
            mentions: #"cannot apply "percent""#),
        // Two breakdowns: one was dropped ("which badge … per organization" named the
        // organization with the most learners).
        Refusal(
            "Completion rate by badge and organization",
            mentions: #"cannot apply "by badge and organization""#),
        Refusal(
            "Enrollments by organization and month in 2026",
            mentions: #"cannot apply "by organization and month""#),
        Refusal(
            "Which badge has the most learners per organization?",
            mentions: #"cannot apply "which badge has the most learners per organization""#),
        // Statistics no analysis computes: "median progress" was the mean, "average monthly
        // enrollments" the monthly series.
        Refusal(
            "What is the median progress in Python Basics?",
            mentions: #"cannot apply "median progress""#),
        Refusal("Average monthly enrollments in 2025", mentions: #"cannot apply "average""#),
        // A breakdown by category was dropped: the total came alone.
        Refusal(
            "How many enrollments per category?",
            mentions: #"does not filter or break down by category ("per category")"#),
        Refusal(
            "What categories attract the most learners?",
            mentions: #"by category ("What categories")"#),
        Refusal(
            "How many enrollments per day on average last month?",
            mentions: #"cannot apply "on average""#),
        // A change of a rate with one window: answered with the rate's level.
        Refusal(
            "Has the completion rate gone up since last year?",
            mentions: #"cannot apply "gone up""#),
        Refusal(
            "Which organizations improved their completion rate the most this year?",
            mentions: #"cannot apply "improved""#),
        // A total of names set side by side, and a ranking within each period.
        Refusal(
            "How many learners at Initech and Acme & Sons combined?",
            mentions: #"cannot apply "combined""#),
        Refusal(
            "Which badge had the most enrollments each month in 2025?",
            mentions: #"cannot apply "month""#),
        // One name against the whole: the page gave Python Basics' 27.9% alone.
        Refusal(
            "What is the drop rate for Python Basics compared with the platform?",
            mentions: #"cannot apply "compared with the platform""#),
        // "Gained" is growth, which badges are not ranked by (it ranked their enrollments).
        Refusal(
            "Which three badges gained the most enrollments this year?",
            mentions: "enrollments over time by badge"),
        // A badge after another, and a badge taken again: "started Python Basics and then took
        // SQL Fundamentals" was both badges' learners side by side, "re-enrolled in a badge"
        // all 4,971 learners.
        Refusal(
            "How many people started Python Basics and then took SQL Fundamentals?",
            mentions: #"cannot apply "Python Basics and then took SQL Fundamentals""#),
        Refusal(
            "How many learners re-enrolled in a badge?", mentions: #"cannot apply "re-enrolled""#
        ),
        Refusal(
            "How many learners took Python Basics twice?", mentions: #"cannot apply "twice""#),
        // A lower-case name after "at" or "for" that names nothing: the platform's rate was
        // given (37.9% drop-outs "at pied piper").
        Refusal(
            "What's the drop rate at pied piper?",
            mentions: "no organization is called 'pied piper'"),
        Refusal(
            "completion rate for acme corp",
            mentions: "no badge or organization is called 'acme corp'"),
        // A status as a filter of average progress.
        Refusal(
            "Average progress of dropped learners", mentions: #"cannot apply "dropped learners""#
        ),
    ]

    /// Nearby phrasings that keep their reading: "not finished yet" is the count in progress,
    /// "completed enrollments" and "learners who dropped out" are measures, and "each badge"
    /// is a breakdown.
    static let blindFour: [Row] = [
        // A second blind test (30 questions): "historically" is the whole history, not a
        // series; "taken first" is the first badge (it ranked badges by enrollments).
        Row(
            "Historically, what is the overall completion rate?", kind: "completion_metrics",
            measure: "completion_rate", window: "..2026-09-30"),
        Row(
            "Show the historical enrollment numbers", kind: "organization_trends",
            measure: "enrollments", dimension: "period", window: "..2026-09-30"),
        Row(
            "Which badge is most often taken first?", kind: "learning_paths",
            measure: "first_badge", ranking: "top 1"),
        // "and" for "&": "the drop rate at acme and sons" was the platform's 37.9%; Acme &
        // Sons' is 40.9% (3,421 of 8,367).
        Row(
            "What's the drop rate at acme and sons?", kind: "completion_metrics",
            measure: "drop_rate", organization: "Acme & Sons"),
        Row(
            "completion rate for everyone", kind: "completion_metrics", measure: "completion_rate"),

        // "Took Python Basics first" is the first badge (it was all of its 2,829 learners).
        Row(
            "How many learners took Python Basics first?", kind: "learning_paths",
            measure: "first_badge", badge: "Python Basics"),
        // "The fastest completion" is the time to complete (it ranked completion rates).
        Row(
            "Which badges have the fastest completion at Initech?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "bottom",
            organization: "Initech"),
        // "Drop" the verb: "which badge do most people drop" ranked badges by learners.
        Row(
            "Which badge do most people drop?", kind: "completion_metrics", measure: "dropouts",
            dimension: "badge", ranking: "top 1"),
        // A ranking word, a word and a badge word: the breakdown was dropped, and the answer
        // was the platform's drop-out rate.
        Row(
            "Biggest drop-off badge last quarter", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "top",
            window: "2026-04-01..2026-06-30"),
        // Growth in completions is completions per period, not enrollments.
        Row(
            "Year over year growth in completions", kind: "organization_trends",
            measure: "completions", dimension: "period"),
        // A change of a rate with two windows, or per cohort, is answered.
        Row(
            "How has the completion rate changed this year against last year?",
            kind: "completion_metrics", measure: "completion_rate",
            window: "2026-01-01..2026-09-30"),
        Row(
            "How has the completion rate changed by cohort in 2025?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "cohort", window: "2025-01-01..2025-12-31"),
        // A role word after an organization's name is its learners (issue 10's table), and
        // a badge named for a role is a badge.
        Row(
            "How many Acme & Sons staff completed Docker Basics?", kind: "completion_metrics",
            measure: "completions", badge: "Docker Basics", organization: "Acme & Sons"),
        Row(
            "How many learners took Leading Teams?", kind: "badge_enrollments",
            measure: "learners", badge: "Leading Teams"),
        // Days written with the month's name: "between March 1 and June 30, 2026" was refused
        // as two windows, "between March" and "June". A day without a year takes the other
        // end's, or else is the latest on or before the as-of date.
        Row(
            "How many learners enrolled between March 1 and June 30, 2026?",
            kind: "badge_enrollments", measure: "learners", window: "2026-03-01..2026-06-30"),
        Row(
            "How many enrollments from March 1, 2025 to June 30?", kind: "badge_enrollments",
            measure: "enrollments", window: "2025-03-01..2025-06-30"),
        Row(
            "How many enrollments from November 1 to February 28?", kind: "badge_enrollments",
            measure: "enrollments", window: "2025-11-01..2026-02-28"),
        Row(
            "How many enrollments since March 15?", kind: "badge_enrollments",
            measure: "enrollments", window: "2026-03-15..2026-09-30"),
        Row(
            "How many completions on 1 September 2026?", kind: "completion_metrics",
            measure: "completions", window: "2026-09-01..2026-09-01"),
        Row(
            "How many enrollments between 1st March 2026 and 30th June 2026?",
            kind: "badge_enrollments", measure: "enrollments", window: "2026-03-01..2026-06-30"),
        // The whole list of organizations by growth, most first, is what "the most" asks.
        Row(
            "Which organizations grew the most this year?", kind: "organization_trends",
            measure: "growth", dimension: "organization", ranking: "top",
            window: "2026-01-01..2026-09-30"),
        Row(
            "Which companies are growing the most?", kind: "organization_trends",
            measure: "growth", dimension: "organization", ranking: "top"),
        Row(
            "Which organization grew the most this year?", kind: "organization_trends",
            measure: "growth", dimension: "organization", ranking: "top",
            window: "2026-01-01..2026-09-30"),
        Row(
            "How many learners have not finished Python Basics yet?", kind: "completion_metrics",
            measure: "in_progress", badge: "Python Basics"),
        Row(
            "How many completed enrollments does Initech have?", kind: "completion_metrics",
            measure: "completions", organization: "Initech"),
        Row(
            "How many learners dropped out of Docker Basics in 2025?",
            kind: "completion_metrics", measure: "dropouts", badge: "Docker Basics",
            window: "2025-01-01..2025-12-31"),
        Row(
            "How many learners does each badge have at Initech?", kind: "badge_enrollments",
            measure: "learners", dimension: "badge", organization: "Initech"),
        Row(
            "What is the average progress of Docker Basics learners?", kind: "badge_enrollments",
            measure: "average_progress", badge: "Docker Basics"),
    ]
}

extension IntentTableTests {
    @Test("a language model's route is refused for the same left-out parts as the rules'")
    func modelRouteRefusesUnapplied() throws {
        let cases: [(text: String, measure: Measure, mentions: String)] = [
            ("What did learners outside Initech do?", .enrollments, #""outside Initech""#),
            ("Give me the share of all activity at Initech", .enrollments, #""share""#),
        ]
        for (text, measure, mentions) in cases {
            let question = Question(id: "q", text: text)
            do {
                let match = try Self.matcher.route(
                    question,
                    proposal: .init(
                        kind: .organizationTrends, intent: Intent(measure: measure),
                        organization: "Initech", confidence: 0.8))
                Issue.record("routed as \(Self.reading(match))")
            } catch let error as MatchError {
                #expect(String(describing: error).contains(mentions), "\(text)")
            }
        }
    }
}

extension IntentTableTests {
    @Test("a language model's route keeps both windows of a comparison")
    func modelRouteKeepsVersus() throws {
        let match = try Self.matcher.route(
            Question(id: "q", text: "What did Initech do in 2025 against 2024?"),
            proposal: .init(
                kind: .organizationTrends, intent: Intent(measure: .enrollments),
                organization: "Initech", window: "in 2025", confidence: 0.8))
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2025-01-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-01-01"))
        #expect(match.versus?.start == CivilDate(iso: "2024-01-01"))
        #expect(match.versus?.end == CivilDate(iso: "2025-01-01"))
    }
}
