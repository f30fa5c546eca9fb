/// Phrasings for issue 20 (questions, round three), written from the issue and
/// docs/metrics.md, as of 2026-09-30 (a Wednesday). Windows are worked out by hand: "this
/// year" is 2026-01-01..2026-09-30, "last quarter" 2026-04-01..2026-06-30, and a peak with no
/// window of its own is counted in organization trends' default, which the matcher leaves
/// unset (the analysis states it).
extension IntentTableTests {
    static let roundThree: [Row] = [
        // Counts, not rates: "how many … dropped out", "the most drop-outs".
        Row(
            "How many learners dropped out of Deep Learning?", kind: "completion_metrics",
            measure: "dropouts", badge: "Deep Learning"),
        Row(
            "Which badge had the most drop-outs?", kind: "completion_metrics",
            measure: "dropouts", dimension: "badge", ranking: "top 1"),
        Row(
            "Which organizations have the fewest dropouts in 2025?", kind: "completion_metrics",
            measure: "dropouts", dimension: "organization", ranking: "bottom",
            window: "2025-01-01..2025-12-31"),
        Row(
            "Number of drop-outs at Initech last quarter", kind: "completion_metrics",
            measure: "dropouts", organization: "Initech", window: "2026-04-01..2026-06-30"),
        // …while a share stays a rate.
        Row(
            "Which badge has the highest drop-out rate?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "top 1"),
        Row(
            "What share of enrollments in Docker Basics dropped out?", kind: "completion_metrics",
            measure: "drop_rate", badge: "Docker Basics"),
        // The time a badge takes, with the badge between the word and the verb (a blind
        // test: "fastest badge to complete" was ranked by enrollments).
        Row(
            "What is the fastest badge to complete?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "bottom 1"),
        Row(
            "Which is the slowest course to finish?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "top 1"),
        // Status counts.
        Row(
            "How many enrollments are in progress?", kind: "completion_metrics",
            measure: "in_progress"),
        Row(
            "How many enrollments are still in progress for Python Basics?",
            kind: "completion_metrics", measure: "in_progress", badge: "Python Basics"),
        Row(
            "Which course has the most ongoing enrollments?", kind: "completion_metrics",
            measure: "in_progress", dimension: "badge", ranking: "top 1"),
        // Peaks: a ranking of periods, led by the period.
        Row(
            "Which month had the most enrollments in 2025?", kind: "organization_trends",
            measure: "enrollments", dimension: "period", ranking: "top 1",
            window: "2025-01-01..2025-12-31", granularity: "month"),
        Row(
            "Which week had the fewest completions this year?", kind: "organization_trends",
            measure: "completions", dimension: "period", ranking: "bottom 1",
            window: "2026-01-01..2026-09-30", granularity: "week"),
        Row(
            "What was the busiest quarter for sign-ups?", kind: "organization_trends",
            measure: "enrollments", dimension: "period", ranking: "top 1",
            granularity: "quarter"),
        Row(
            "Which day had the most enrollments at Initech last month?",
            kind: "organization_trends", measure: "enrollments", dimension: "period",
            ranking: "top 1", organization: "Initech", window: "2026-08-01..2026-08-31",
            granularity: "day"),
        Row(
            "Which month had the highest completion rate in 2025?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "period", ranking: "top 1",
            window: "2025-01-01..2025-12-31", granularity: "month"),
        // Means and medians: "average" is the mean, "typical" or no word the median.
        Row(
            "On average, how many days does it take to complete Advanced Python?",
            kind: "completion_metrics", measure: "mean_time_to_complete", badge: "Advanced Python"),
        Row(
            "What is the average time to complete by badge?", kind: "completion_metrics",
            measure: "mean_time_to_complete", dimension: "badge"),
        Row(
            "What is the typical time to complete Deep Learning?", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Deep Learning"),
        Row(
            "Median days to finish Docker Basics", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Docker Basics"),
        // Windows compared in other words. The later window is the question's own, counted as
        // of the as-of date, and the earlier one at the same age, whichever is named first.
        Row(
            "How did enrollments in 2025 compare with 2024?", kind: "badge_enrollments",
            measure: "enrollments", window: "2025-01-01..2025-12-31"),
        Row(
            "Was the drop-out rate higher in 2025 than in 2024?", kind: "completion_metrics",
            measure: "drop_rate", window: "2025-01-01..2025-12-31"),
        Row(
            "Was the completion rate in 2024 higher than in 2025?", kind: "completion_metrics",
            measure: "completion_rate", window: "2025-01-01..2025-12-31"),
        Row(
            "Compare drop-outs in H1 2026 with H2 2025", kind: "completion_metrics",
            measure: "dropouts", window: "2026-01-01..2026-06-30"),
        Row(
            "How many Docker Basics enrollments ended up dropped?", kind: "completion_metrics",
            measure: "dropouts", badge: "Docker Basics"),
        // Rankings with a filter: a ranking that names no measure ranks by enrollments, or by
        // completion rate for best and worst.
        Row(
            "Top 3 badges at Initech", kind: "badge_enrollments", measure: "enrollments",
            dimension: "badge", ranking: "top 3", organization: "Initech"),
        Row(
            "What is the worst course for Globex?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "bottom 1",
            organization: "Globex"),
        Row(
            "Top 5 organizations in 2025", kind: "organization_trends", measure: "enrollments",
            dimension: "organization", ranking: "top 5", window: "2025-01-01..2025-12-31"),
        // Comparisons of named badges or organizations: a breakdown by them, no filter.
        Row(
            "Compare the completion rate of Acme & Sons and Initech", kind: "completion_metrics",
            measure: "completion_rate", dimension: "organization"),
        Row(
            "Enrollments at Initech vs Stark Industries in 2025", kind: "organization_trends",
            measure: "enrollments", dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "Median days to complete Python Basics vs Deep Learning", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge"),
        Row(
            "Drop-out rate of Docker Basics, Deep Learning and Git & GitHub at Globex",
            kind: "completion_metrics", measure: "drop_rate", dimension: "badge",
            organization: "Globex"),
        // Two windows set against each other: the first is the question's, the second is in
        // metadata.intent.versus (checked in MatcherTests).
        Row(
            "Enrollments in 2025 against 2024", kind: "badge_enrollments", measure: "enrollments",
            window: "2025-01-01..2025-12-31"),
        Row(
            "What is the completion rate this year compared with last year?",
            kind: "completion_metrics", measure: "completion_rate",
            window: "2026-01-01..2026-09-30"),
        Row(
            "Completions in Q2 vs Q1", kind: "completion_metrics", measure: "completions",
            window: "2026-04-01..2026-06-30"),
    ]

    static let roundThreeRefusals: [Refusal] = [
        // Measures the data does not hold.
        Refusal("What was the revenue from Python Basics last year?", mentions: "\"revenue\""),
        Refusal("Which course has the best ratings?", mentions: "\"ratings\""),
        Refusal("Average exam scores at Globex", mentions: "\"scores\""),
        Refusal("What is the average salary of learners?", mentions: "\"salary\""),
        Refusal("How satisfied are learners with Docker Basics?", mentions: "\"satisfied\""),
        Refusal("What is the average age of our learners?", mentions: "\"age\""),
        Refusal(
            "How many hours did learners spend studying Deep Learning?",
            mentions: "\"hours did learners spend\""),
        Refusal("How much time do learners spend on Docker Basics?", mentions: "does not hold"),
        // Names that name nothing.
        Refusal(
            "How many learners enrolled in the Rust Mastery badge?",
            mentions: "no badge is called 'Rust Mastery'"),
        Refusal(
            "How many learners from Pied Piper completed a course?",
            mentions: "no organization is called 'Pied Piper'"),
        Refusal(
            "Completion rate at Hooli Corp", mentions: "no organization is called 'Hooli Corp'"),
        Refusal(
            "What is the completion rate for 'Data Science'?",
            mentions: "no badge or organization is called 'Data Science'"),
        // Joining the platform.
        Refusal("How many new learners joined last month?", mentions: "joining the platform"),
        Refusal(
            "How many users signed up to the platform in 2025?", mentions: "joining the platform"),
        // Periods no analysis counts.
        Refusal("Weekly drop rate for Cloud Practitioner", mentions: "drop-out rate by week"),
        Refusal("Which year had the most enrollments?", mentions: "enrollments by year"),
        Refusal("Which week had the highest completion rate?", mentions: "completion rate by week"),
        // Comparisons that are not one: more than five, or two windows with no word of
        // comparison between them.
        Refusal(
            "Enrollments at Acme & Sons, Globex, Initech, Umbrella Health, Stark Industries and Zürich Analytics AG",
            mentions: "names 6 organizations"),
        Refusal("Enrollments in 2025 during 2024", mentions: "two time windows"),
        // A status on one past day: statuses carry no date (a back-dated report counts them).
        Refusal(
            "How many learners were still in progress at the end of 2025?",
            mentions: "on 2025-12-31, but an enrollment's status carries no date"),
        Refusal(
            "How many enrollments were dropped on 2025-06-30?",
            mentions: "--as-of 2025-06-30"),
    ]
}
