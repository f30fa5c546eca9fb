/// Phrasings written for issue 10 from the specification, not from the matcher's rules.
/// As-of date 2026-09-30 (a Wednesday, the last day of Q3 2026).
/// After review, seven rows follow revised rules rather than the first draft: enrollments by
/// cohort go to completion_metrics (which has the cohorts), completions per period to
/// organization_trends (completions by the period of completed_at), and average progress
/// by or for an organization to organization_trends; rows whose breakdown no analysis computes
/// (or with a vague window) moved to the refusals. Issue 20 read "average" and "mean" time to
/// complete as the mean (three rows), "any … dropouts" as a count, and a weekly drop rate as a
/// refusal.
extension IntentTableTests {
    static let rows: [Row] = [
        Row(
            "Top 5 courses by enrollments in Q3 2025", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top 5",
            window: "2025-07-01..2025-09-30"),
        Row(
            "Enrollments before March 2025", kind: "badge_enrollments", measure: "enrollments",
            window: "..2025-02-28"),
        Row(
            "How many enrollments did Docker Basics get in 2025?", kind: "badge_enrollments",
            measure: "enrollments", badge: "Docker Basics", window: "2025-01-01..2025-12-31"),
        Row(
            "Number of enrollments in SQL Fundamentals last month", kind: "badge_enrollments",
            measure: "enrollments", badge: "SQL Fundamentals", window: "2026-08-01..2026-08-31"),
        Row(
            "Which course is the most popular?", kind: "badge_enrollments", measure: "enrollments",
            dimension: "badge", ranking: "top 1"),
        Row(
            "What are the 3 least popular certifications?", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "bottom 3"),
        Row(
            "Which companies have the most enrollments?", kind: "organization_trends",
            measure: "enrollments", dimension: "organization", ranking: "top"),
        Row(
            "Enrollments per course this quarter", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", window: "2026-07-01..2026-09-30"),
        Row(
            "Monthly enrollments for Initech in 2025", kind: "organization_trends",
            measure: "enrollments", dimension: "period", organization: "Initech",
            window: "2025-01-01..2025-12-31", granularity: "month"),
        Row(
            "Sign-ups for Kubernetes Essentials year to date", kind: "badge_enrollments",
            measure: "enrollments", badge: "Kubernetes Essentials", window: "2026-01-01..2026-09-30"
        ),
        Row(
            "Registrations by company in the past 90 days", kind: "organization_trends",
            measure: "enrollments", dimension: "organization", window: "2026-07-03..2026-09-30"),
        Row(
            "How many enrollments came from Umbrella Health in March 2025?",
            kind: "organization_trends", measure: "enrollments", organization: "Umbrella Health",
            window: "2025-03-01..2025-03-31"),
        Row(
            "Daily sign-ups this month", kind: "organization_trends", measure: "enrollments",
            dimension: "period", window: "2026-09-01..2026-09-30", granularity: "day"),
        Row(
            "Weekly registrations since July 2026", kind: "organization_trends",
            measure: "enrollments", dimension: "period", window: "2026-07-01..2026-09-30",
            granularity: "week"),
        Row(
            "Which 10 badges had the most registrations in 2024?", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top 10",
            window: "2024-01-01..2024-12-31"),
        Row(
            "Top ten courses by sign-ups last year", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top 10",
            window: "2025-01-01..2025-12-31"),
        Row(
            "Enrollments in Git & GitHub between January and June 2025", kind: "badge_enrollments",
            measure: "enrollments", badge: "Git & GitHub", window: "2025-01-01..2025-06-30"),
        Row(
            "Enrollments on 2025-03-04", kind: "badge_enrollments", measure: "enrollments",
            window: "2025-03-04..2025-03-04"),
        Row(
            "Number of enrollments yesterday", kind: "badge_enrollments", measure: "enrollments",
            window: "2026-09-29..2026-09-29"),
        Row(
            "2025 enrollments by company", kind: "organization_trends", measure: "enrollments",
            dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "Enrollments by cohort for Data Visualization", kind: "completion_metrics",
            measure: "enrollments", dimension: "cohort", badge: "Data Visualization"),
        Row(
            "Sign-ups per day for Globex in the past 7 days", kind: "organization_trends",
            measure: "enrollments", dimension: "period", organization: "Globex",
            window: "2026-09-24..2026-09-30", granularity: "day"),
        Row(
            "Registrations for Statistics 101 in Mar 2025", kind: "badge_enrollments",
            measure: "enrollments", badge: "Statistics 101", window: "2025-03-01..2025-03-31"),
        Row(
            "Enrollments after June 2026", kind: "badge_enrollments", measure: "enrollments",
            window: "2026-07-01..2026-09-30"),
        Row(
            "Which organization has the fewest enrollments in Docker Basics?",
            kind: "organization_trends", measure: "enrollments", dimension: "organization",
            ranking: "bottom 1", badge: "Docker Basics"),
        Row(
            "Which badges get the most sign-ups from Umbrella Health?", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top",
            organization: "Umbrella Health"),
        Row(
            "Enrollments in March", kind: "badge_enrollments", measure: "enrollments",
            window: "2026-03-01..2026-03-31"),
        Row(
            "March 2025 sign-ups for Globex", kind: "organization_trends", measure: "enrollments",
            organization: "Globex", window: "2025-03-01..2025-03-31"),
        Row(
            "Enrollments from March 2025 to Q3 2025", kind: "badge_enrollments",
            measure: "enrollments", window: "2025-03-01..2025-09-30"),
        Row(
            "Sign-ups from October to December 2025", kind: "badge_enrollments",
            measure: "enrollments", window: "2025-10-01..2025-12-31"),
        Row(
            "Enrollments for Globex between 2025-01-15 and 2025-02-15", kind: "organization_trends",
            measure: "enrollments", organization: "Globex", window: "2025-01-15..2025-02-15"),
        Row(
            "Enrollments before 2025", kind: "badge_enrollments", measure: "enrollments",
            window: "..2024-12-31"),
        Row(
            "Enrollments in Docker Basics until June 2025", kind: "badge_enrollments",
            measure: "enrollments", badge: "Docker Basics", window: "..2025-06-30"),
        Row(
            "Enrollments by badge for the current month", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", window: "2026-09-01..2026-09-30"),
        Row(
            "YTD enrollments by organization", kind: "organization_trends", measure: "enrollments",
            dimension: "organization", window: "2026-01-01..2026-09-30"),
        Row(
            "QTD sign-ups for Advanced Python", kind: "badge_enrollments", measure: "enrollments",
            badge: "Advanced Python", window: "2026-07-01..2026-09-30"),
        Row(
            "Enrollments over the last 5 weeks by company", kind: "organization_trends",
            measure: "enrollments", dimension: "organization", window: "2026-08-24..2026-09-27"),
        Row(
            "Enrollments for Acme & Sons over the past 1 year", kind: "organization_trends",
            measure: "enrollments", organization: "Acme & Sons", window: "2025-01-01..2025-12-31"),
        Row(
            "Enrollments by badge in Q3", kind: "badge_enrollments", measure: "enrollments",
            dimension: "badge", window: "2026-07-01..2026-09-30"),
        Row(
            "How's uptake of Cloud Practitioner at Stark Industries been this year?",
            kind: "badge_enrollments", measure: "enrollments", badge: "Cloud Practitioner",
            organization: "Stark Industries", window: "2026-01-01..2026-09-30", novel: true),
        Row(
            "Which certs are people flocking to?", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top", novel: true),
        Row(
            "Did Linux Command Line get much traction with new sign-ups in Q2?",
            kind: "badge_enrollments", measure: "enrollments", badge: "Linux Command Line",
            window: "2026-04-01..2026-06-30", novel: true),
        Row(
            "Gimme the enrollment count for Umbrella Health, quarter to date",
            kind: "organization_trends", measure: "enrollments", organization: "Umbrella Health",
            window: "2026-07-01..2026-09-30", novel: true),
        Row(
            "Which department sent the most sign-ups our way in the last four weeks?",
            kind: "organization_trends", measure: "enrollments", dimension: "organization",
            ranking: "top 1", window: "2026-08-31..2026-09-27", novel: true),
        Row(
            "Any Initech sign-ups at all yesterday?", kind: "organization_trends",
            measure: "enrollments", organization: "Initech", window: "2026-09-29..2026-09-29",
            novel: true),
        Row(
            "Which three courses are the biggest crowd-pullers?", kind: "badge_enrollments",
            measure: "enrollments", dimension: "badge", ranking: "top 3", novel: true),
        Row(
            "Give me the weekly pulse on Initech sign-ups", kind: "organization_trends",
            measure: "enrollments", dimension: "period", organization: "Initech",
            granularity: "week", novel: true),
        Row(
            "How many people are enrolled in the Python Basics badge?", kind: "badge_enrollments",
            measure: "learners", badge: "Python Basics"),
        Row(
            "How many users from Acme & Sons enrolled in 2024?", kind: "organization_trends",
            measure: "learners", organization: "Acme & Sons", window: "2024-01-01..2024-12-31"),
        Row(
            "How many unique learners took Data Visualization in Q1 2026?",
            kind: "badge_enrollments", measure: "learners", badge: "Data Visualization",
            window: "2026-01-01..2026-03-31"),
        Row(
            "How many distinct learners did we have this year?", kind: "badge_enrollments",
            measure: "learners", window: "2026-01-01..2026-09-30"),
        Row(
            "How many Globex employees signed up for Docker Basics?", kind: "badge_enrollments",
            measure: "learners", badge: "Docker Basics", organization: "Globex"),
        Row(
            "Which company has the most learners?", kind: "organization_trends",
            measure: "learners", dimension: "organization", ranking: "top 1"),
        Row(
            "How many students enrolled in Leading Teams?", kind: "badge_enrollments",
            measure: "learners", badge: "Leading Teams"),
        Row(
            "Unique users by badge last quarter", kind: "badge_enrollments", measure: "learners",
            dimension: "badge", window: "2026-04-01..2026-06-30"),
        Row(
            "How many people from Zürich Analytics AG took a course last week?",
            kind: "organization_trends", measure: "learners", organization: "Zürich Analytics AG",
            window: "2026-09-21..2026-09-27"),
        Row(
            "How many staff at O'Reilly Learning Group enrolled since March 2026?",
            kind: "organization_trends", measure: "learners",
            organization: "O'Reilly Learning Group", window: "2026-03-01..2026-09-30"),
        Row(
            "Count of distinct learners per organization in 2025", kind: "organization_trends",
            measure: "learners", dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "How many participants enrolled in Deep Learning during 2025?",
            kind: "badge_enrollments", measure: "learners", badge: "Deep Learning",
            window: "2025-01-01..2025-12-31"),
        Row(
            "How many trainees signed up today?", kind: "badge_enrollments", measure: "learners",
            window: "2026-09-30..2026-09-30"),
        Row(
            "How many members took Machine Learning Foundations in the previous quarter?",
            kind: "badge_enrollments", measure: "learners", badge: "Machine Learning Foundations",
            window: "2026-04-01..2026-06-30"),
        Row(
            "Unique learners for each company this week", kind: "organization_trends",
            measure: "learners", dimension: "organization", window: "2026-09-28..2026-09-30"),
        Row(
            "How many learners enrolled in the previous week?", kind: "badge_enrollments",
            measure: "learners", window: "2026-09-21..2026-09-27"),
        Row(
            "Roughly how many different folks have signed up for Statistics 101 in the past 6 months?",
            kind: "badge_enrollments", measure: "learners", badge: "Statistics 101",
            window: "2026-03-01..2026-08-31", novel: true),
        Row(
            "Headcount of Initech folks who've enrolled in anything this quarter?",
            kind: "organization_trends", measure: "learners", organization: "Initech",
            window: "2026-07-01..2026-09-30", novel: true),
        Row(
            "How many Umbrella Health people have signed up for Security Fundamentals?",
            kind: "badge_enrollments", measure: "learners", badge: "Security Fundamentals",
            organization: "Umbrella Health", novel: true),
        Row(
            "Give me a rough headcount of Stark Industries folks who've enrolled in Docker Basics",
            kind: "badge_enrollments", measure: "learners", badge: "Docker Basics",
            organization: "Stark Industries", novel: true),
        Row(
            "How many Acme & Sons people have we got in Cloud Practitioner right now?",
            kind: "badge_enrollments", measure: "learners", badge: "Cloud Practitioner",
            organization: "Acme & Sons", novel: true),
        Row(
            "Which client sends the most learners our way?", kind: "organization_trends",
            measure: "learners", dimension: "organization", ranking: "top 1", novel: true),
        Row(
            "How many learners completed SQL Fundamentals in 2025?", kind: "completion_metrics",
            measure: "completions", badge: "SQL Fundamentals", window: "2025-01-01..2025-12-31"),
        Row(
            "Completions by badge this year", kind: "completion_metrics", measure: "completions",
            dimension: "badge", window: "2026-01-01..2026-09-30"),
        Row(
            "Which organization earned the most certificates last quarter?",
            kind: "completion_metrics", measure: "completions", dimension: "organization",
            ranking: "top 1", window: "2026-04-01..2026-06-30"),
        Row(
            "Monthly completions for Cloud Practitioner", kind: "organization_trends",
            measure: "completions", dimension: "period", badge: "Cloud Practitioner",
            granularity: "month"),
        Row(
            "How many Stark Industries employees finished Advanced Python?",
            kind: "completion_metrics", measure: "completions", badge: "Advanced Python",
            organization: "Stark Industries"),
        Row(
            "Number of graduates from Machine Learning Foundations in the third quarter of 2025",
            kind: "completion_metrics", measure: "completions",
            badge: "Machine Learning Foundations", window: "2025-07-01..2025-09-30"),
        Row(
            "Top 3 courses by completions in the past 2 quarters", kind: "completion_metrics",
            measure: "completions", dimension: "badge", ranking: "top 3",
            window: "2026-01-01..2026-06-30"),
        Row(
            "How many people passed AWS Solutions Architect in 2025 Q4?",
            kind: "completion_metrics", measure: "completions", badge: "AWS Solutions Architect",
            window: "2025-10-01..2025-12-31"),
        Row(
            "Completions per quarter since 2025", kind: "organization_trends",
            measure: "completions", dimension: "period", window: "2025-01-01..2026-09-30",
            granularity: "quarter"),
        Row(
            "Which team completed the fewest courses in 2024?", kind: "completion_metrics",
            measure: "completions", dimension: "organization", ranking: "bottom 1",
            window: "2024-01-01..2024-12-31"),
        Row(
            "Completions for Initech between Q1 and Q2 2026", kind: "completion_metrics",
            measure: "completions", organization: "Initech", window: "2026-01-01..2026-06-30"),
        Row(
            "Completions in the first quarter of 2026", kind: "completion_metrics",
            measure: "completions", window: "2026-01-01..2026-03-31"),
        Row(
            "Completions per cohort in 2024", kind: "completion_metrics", measure: "completions",
            dimension: "cohort", window: "2024-01-01..2024-12-31"),
        Row(
            "Completions from April 2026 onwards", kind: "completion_metrics",
            measure: "completions", window: "2026-04-01..2026-09-30"),
        Row(
            "How many certificates were earned in the last 10 days?", kind: "completion_metrics",
            measure: "completions", window: "2026-09-21..2026-09-30"),
        Row(
            "How many learners completed Docker Basics in October?", kind: "completion_metrics",
            measure: "completions", badge: "Docker Basics", window: "2025-10-01..2025-10-31"),
        Row(
            "Completions by company in 2nd quarter 2024", kind: "completion_metrics",
            measure: "completions", dimension: "organization", window: "2024-04-01..2024-06-30"),
        Row(
            "Completions from 2024 through March 2025", kind: "completion_metrics",
            measure: "completions", window: "2024-01-01..2025-03-31"),
        Row(
            "How many learners completed Python Basics from Q3 to Q4 2025?",
            kind: "completion_metrics", measure: "completions", badge: "Python Basics",
            window: "2025-07-01..2025-12-31"),
        Row(
            "Completions after 2025", kind: "completion_metrics", measure: "completions",
            window: "2026-01-01..2026-09-30"),
        Row(
            "Completions before Q3 2024", kind: "completion_metrics", measure: "completions",
            window: "..2024-06-30"),
        Row(
            "Completions till February 2024", kind: "completion_metrics", measure: "completions",
            window: "..2024-02-29"),
        Row(
            "Completions in the previous month for Umbrella Health", kind: "completion_metrics",
            measure: "completions", organization: "Umbrella Health",
            window: "2026-08-01..2026-08-31"),
        Row(
            "Completions MTD", kind: "completion_metrics", measure: "completions",
            window: "2026-09-01..2026-09-30"),
        Row(
            "How many learners completed Kubernetes Essentials in the past 2 weeks?",
            kind: "completion_metrics", measure: "completions", badge: "Kubernetes Essentials",
            window: "2026-09-14..2026-09-27"),
        Row(
            "Completions in the last three quarters", kind: "completion_metrics",
            measure: "completions", window: "2025-10-01..2026-06-30"),
        Row(
            "How many people completed Deep Learning today?", kind: "completion_metrics",
            measure: "completions", badge: "Deep Learning", window: "2026-09-30..2026-09-30"),
        Row(
            "How many people actually made it to the end of Kubernetes Essentials last month?",
            kind: "completion_metrics", measure: "completions", badge: "Kubernetes Essentials",
            window: "2026-08-01..2026-08-31", novel: true),
        Row(
            "How many learners wrapped up Git & GitHub this week?", kind: "completion_metrics",
            measure: "completions", badge: "Git & GitHub", window: "2026-09-28..2026-09-30",
            novel: true),
        Row(
            "Give me a count of Docker Basics badges handed out to Globex in the past two years",
            kind: "completion_metrics", measure: "completions", badge: "Docker Basics",
            organization: "Globex", window: "2024-01-01..2025-12-31", novel: true),
        Row(
            "Which client has racked up the most certifications?", kind: "completion_metrics",
            measure: "completions", dimension: "organization", ranking: "top 1", novel: true),
        Row(
            "How many Data Analysis with Pandas certificates did we hand out yesterday?",
            kind: "completion_metrics", measure: "completions", badge: "Data Analysis with Pandas",
            window: "2026-09-29..2026-09-29", novel: true),
        Row(
            "Did anybody from Globex finish a badge today?", kind: "completion_metrics",
            measure: "completions", organization: "Globex", window: "2026-09-30..2026-09-30",
            novel: true),
        Row(
            "How many Globex folks got certified in Docker Basics in the last 30 days?",
            kind: "completion_metrics", measure: "completions", badge: "Docker Basics",
            organization: "Globex", window: "2026-09-01..2026-09-30", novel: true),
        Row(
            "Ballpark number of people who've passed Git & GitHub since 2025?",
            kind: "completion_metrics", measure: "completions", badge: "Git & GitHub",
            window: "2025-01-01..2026-09-30", novel: true),
        Row(
            "Which badges have the lowest completion rate?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "bottom"),
        Row(
            "What is the completion rate for Python Intermediate?", kind: "completion_metrics",
            measure: "completion_rate", badge: "Python Intermediate"),
        Row(
            "Completion rate by organization in 2025", kind: "completion_metrics",
            measure: "completion_rate", dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "Pass rate for AWS Solutions Architect last year", kind: "completion_metrics",
            measure: "completion_rate", badge: "AWS Solutions Architect",
            window: "2025-01-01..2025-12-31"),
        Row(
            "What percentage of Acme & Sons learners finish their courses?",
            kind: "completion_metrics", measure: "completion_rate", organization: "Acme & Sons"),
        Row(
            "Which company has the lowest completion rate?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "organization", ranking: "bottom 1"),
        Row(
            "Top five badges by success rate", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "top 5"),
        Row(
            "Completion rate for Docker Basics since Q2 2026", kind: "completion_metrics",
            measure: "completion_rate", badge: "Docker Basics", window: "2026-04-01..2026-09-30"),
        Row(
            "Monthly completion rate for Data Analysis with Pandas", kind: "completion_metrics",
            measure: "completion_rate", dimension: "period", badge: "Data Analysis with Pandas",
            granularity: "month"),
        Row(
            "What share of learners finished Linux Command Line in the last 6 months?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Linux Command Line",
            window: "2026-03-01..2026-08-31"),
        Row(
            "The 3 lowest completion rates by course", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "bottom 3"),
        Row(
            "Completion percentage per cohort", kind: "completion_metrics",
            measure: "completion_rate", dimension: "cohort"),
        Row(
            "Finish rate for Zürich Analytics AG through Q1 2026", kind: "completion_metrics",
            measure: "completion_rate", organization: "Zürich Analytics AG", window: "..2026-03-31"),
        Row(
            "Completion rate for Leading Teams in Q4", kind: "completion_metrics",
            measure: "completion_rate", badge: "Leading Teams", window: "2025-10-01..2025-12-31"),
        Row(
            "Completion rate for Security Fundamentals for 2024", kind: "completion_metrics",
            measure: "completion_rate", badge: "Security Fundamentals",
            window: "2024-01-01..2024-12-31"),
        Row(
            "Completion rate between 2024 and 2025", kind: "completion_metrics",
            measure: "completion_rate", window: "2024-01-01..2025-12-31"),
        Row(
            "Completion rate for Python Basics before March 2024", kind: "completion_metrics",
            measure: "completion_rate", badge: "Python Basics", window: "..2024-02-29"),
        Row(
            "Current quarter completion rate for Globex", kind: "completion_metrics",
            measure: "completion_rate", organization: "Globex", window: "2026-07-01..2026-09-30"),
        Row(
            "Completion rate by company for the previous year", kind: "completion_metrics",
            measure: "completion_rate", dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "Completion rate for the previous 3 months", kind: "completion_metrics",
            measure: "completion_rate", window: "2026-06-01..2026-08-31"),
        Row(
            "Completion rate for the last twelve months by badge", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", window: "2025-09-01..2026-08-31"),
        Row(
            "How often do Initech people actually get to the finish line in Statistics 101?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Statistics 101",
            organization: "Initech", novel: true),
        Row(
            "What are the odds a Globex learner sees SQL Fundamentals to the end?",
            kind: "completion_metrics", measure: "completion_rate", badge: "SQL Fundamentals",
            organization: "Globex", novel: true),
        Row(
            "Which courses have the best stick-to-the-end ratio?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "top", novel: true),
        Row(
            "Of the Stark Industries staff who enroll, what fraction make it to the end of Leading Teams?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Leading Teams",
            organization: "Stark Industries", novel: true),
        Row(
            "Which course are people least likely to finish?", kind: "completion_metrics",
            measure: "completion_rate", dimension: "badge", ranking: "bottom 1", novel: true),
        Row(
            "What share of Docker Basics starters make it out the other side in Q2 2025?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Docker Basics",
            window: "2025-04-01..2025-06-30", novel: true),
        Row(
            "What is the drop rate for Docker Basics?", kind: "completion_metrics",
            measure: "drop_rate", badge: "Docker Basics"),
        Row(
            "Which courses have the highest dropout?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "top"),
        Row(
            "Drop-out rate by company last quarter", kind: "completion_metrics",
            measure: "drop_rate", dimension: "organization", window: "2026-04-01..2026-06-30"),
        Row(
            "Attrition in Kubernetes Essentials this year", kind: "completion_metrics",
            measure: "drop_rate", badge: "Kubernetes Essentials", window: "2026-01-01..2026-09-30"),
        Row(
            "Which badge do learners abandon most?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "top 1"),
        Row(
            "Churn for Globex in the past 30 days", kind: "completion_metrics",
            measure: "drop_rate", organization: "Globex", window: "2026-09-01..2026-09-30"),
        Row(
            "Which organizations quit courses the most?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "organization", ranking: "top"),
        Row(
            "Withdrawal rate for SQL Fundamentals between March and June 2026",
            kind: "completion_metrics", measure: "drop_rate", badge: "SQL Fundamentals",
            window: "2026-03-01..2026-06-30"),
        Row(
            "Which 3 badges have the lowest drop rate?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "bottom 3"),
        Row(
            "Drop rate per cohort for Python Basics", kind: "completion_metrics",
            measure: "drop_rate", dimension: "cohort", badge: "Python Basics"),
        Row(
            "Dropout rate for Initech in September", kind: "completion_metrics",
            measure: "drop_rate", organization: "Initech", window: "2026-09-01..2026-09-30"),
        Row(
            "Drop rate for Statistics 101 up to 2024", kind: "completion_metrics",
            measure: "drop_rate", badge: "Statistics 101", window: "..2024-12-31"),
        Row(
            "Drop rate for Git & GitHub in Feb 2024", kind: "completion_metrics",
            measure: "drop_rate", badge: "Git & GitHub", window: "2024-02-01..2024-02-29"),
        Row(
            "Drop rate by badge from November 2024 until February 2025", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", window: "2024-11-01..2025-02-28"),
        Row(
            "Drop rate for Initech after Q1 2026", kind: "completion_metrics", measure: "drop_rate",
            organization: "Initech", window: "2026-04-01..2026-09-30"),
        Row(
            "Drop rate last week", kind: "completion_metrics", measure: "drop_rate",
            window: "2026-09-21..2026-09-27"),
        Row(
            "Drop rate month to date for Data Visualization", kind: "completion_metrics",
            measure: "drop_rate", badge: "Data Visualization", window: "2026-09-01..2026-09-30"),
        Row(
            "Drop rate by badge over the past eight weeks", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", window: "2026-08-03..2026-09-27"),
        Row(
            "Are people bailing on Deep Learning partway?", kind: "completion_metrics",
            measure: "drop_rate", badge: "Deep Learning", novel: true),
        Row(
            "Is Advanced Python losing a lot of learners midway?", kind: "completion_metrics",
            measure: "drop_rate", badge: "Advanced Python", novel: true),
        Row(
            "How badly is Stark Industries churning out of Leading Teams?",
            kind: "completion_metrics", measure: "drop_rate", badge: "Leading Teams",
            organization: "Stark Industries", novel: true),
        Row(
            "Which clients are ghosting Docker Basics the most?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "organization", ranking: "top", badge: "Docker Basics",
            novel: true),
        Row(
            "Are Umbrella Health learners jumping ship from Security Fundamentals this month?",
            kind: "completion_metrics", measure: "drop_rate", badge: "Security Fundamentals",
            organization: "Umbrella Health", window: "2026-09-01..2026-09-30", novel: true),
        Row(
            "Which course loses the fewest people?", kind: "completion_metrics",
            measure: "dropouts", dimension: "badge", ranking: "bottom 1", novel: true),
        Row(
            "Which courses do people bail on the least?", kind: "completion_metrics",
            measure: "drop_rate", dimension: "badge", ranking: "bottom", novel: true),
        Row(
            "Any Deep Learning dropouts this week?", kind: "completion_metrics",
            measure: "dropouts", badge: "Deep Learning", window: "2026-09-28..2026-09-30",
            novel: true),
        Row(
            "How long does it take to complete Docker Basics?", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Docker Basics"),
        Row(
            "Average time to finish by badge", kind: "completion_metrics",
            measure: "mean_time_to_complete", dimension: "badge"),
        Row(
            "Which badges have the highest time to complete?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "top"),
        Row(
            "Days to complete SQL Fundamentals for Globex learners", kind: "completion_metrics",
            measure: "time_to_complete", badge: "SQL Fundamentals", organization: "Globex"),
        Row(
            "How quickly do Initech employees finish Cloud Practitioner?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Cloud Practitioner",
            organization: "Initech"),
        Row(
            "Time to complete by company in 2025", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "organization", window: "2025-01-01..2025-12-31"
        ),
        Row(
            "How many days does Machine Learning Foundations take on average?",
            kind: "completion_metrics", measure: "mean_time_to_complete",
            badge: "Machine Learning Foundations"),
        Row(
            "Which 5 courses have the lowest time to complete?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "bottom 5"),
        Row(
            "How long did learners take to finish Linux Command Line in Q2 2026?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Linux Command Line",
            window: "2026-04-01..2026-06-30"),
        Row(
            "Time to complete for Advanced Python since 2026-01-15", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Advanced Python", window: "2026-01-15..2026-09-30"),
        Row(
            "How fast did Acme & Sons staff complete Python Basics last year?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Python Basics",
            organization: "Acme & Sons", window: "2025-01-01..2025-12-31"),
        Row(
            "Time to complete for Docker Basics in 2024 Q3", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Docker Basics", window: "2024-07-01..2024-09-30"),
        Row(
            "Is Kubernetes Essentials taking folks forever to finish?", kind: "completion_metrics",
            measure: "time_to_complete", badge: "Kubernetes Essentials", novel: true),
        Row(
            "Roughly how many weeks does a typical Git & GitHub learner need to wrap up?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Git & GitHub",
            novel: true),
        Row(
            "Realistically, how much calendar time should my team budget for Statistics 101?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Statistics 101",
            novel: true),
        Row(
            "Which course drags on the longest?", kind: "completion_metrics",
            measure: "time_to_complete", dimension: "badge", ranking: "top 1", novel: true),
        Row(
            "What's the typical turnaround on Cloud Practitioner for Umbrella Health?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "Cloud Practitioner",
            organization: "Umbrella Health", novel: true),
        Row(
            "What's the mean completion time for Deep Learning this year?",
            kind: "completion_metrics", measure: "mean_time_to_complete", badge: "Deep Learning",
            window: "2026-01-01..2026-09-30", novel: true),
        Row(
            "Are Globex learners racing or crawling in SQL Fundamentals?",
            kind: "completion_metrics", measure: "time_to_complete", badge: "SQL Fundamentals",
            organization: "Globex", novel: true),
        Row(
            "What is the average progress in Docker Basics?", kind: "badge_enrollments",
            measure: "average_progress", badge: "Docker Basics"),
        Row(
            "Average progress by course", kind: "badge_enrollments", measure: "average_progress",
            dimension: "badge"),
        Row(
            "How far along are Globex learners in Kubernetes Essentials?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Kubernetes Essentials",
            organization: "Globex"),
        Row(
            "Progress by organization for SQL Fundamentals", kind: "organization_trends",
            measure: "average_progress", dimension: "organization", badge: "SQL Fundamentals"),
        Row(
            "Which badges have the lowest average progress?", kind: "badge_enrollments",
            measure: "average_progress", dimension: "badge", ranking: "bottom"),
        Row(
            "Average progress for Initech this month", kind: "organization_trends",
            measure: "average_progress", organization: "Initech", window: "2026-09-01..2026-09-30"),
        Row(
            "Which company has the best average progress?", kind: "organization_trends",
            measure: "average_progress", dimension: "organization", ranking: "top 1"),
        Row(
            "Average progress in Statistics 101 over the past 3 months", kind: "badge_enrollments",
            measure: "average_progress", badge: "Statistics 101", window: "2026-06-01..2026-08-31"),
        Row(
            "Top 3 organizations by average progress", kind: "organization_trends",
            measure: "average_progress", dimension: "organization", ranking: "top 3"),
        Row(
            "Average learner progress for Machine Learning Foundations MTD",
            kind: "badge_enrollments", measure: "average_progress",
            badge: "Machine Learning Foundations", window: "2026-09-01..2026-09-30"),
        Row(
            "Average progress between 2025 and Q1 2026", kind: "badge_enrollments",
            measure: "average_progress", window: "2025-01-01..2026-03-31"),
        Row(
            "Average progress in the 3rd quarter 2025", kind: "badge_enrollments",
            measure: "average_progress", window: "2025-07-01..2025-09-30"),
        Row(
            "How far have Stark Industries trainees gotten in Advanced Python?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Advanced Python",
            organization: "Stark Industries", novel: true),
        Row(
            "Are Data Analysis with Pandas learners stuck halfway or nearly done?",
            kind: "badge_enrollments", measure: "average_progress",
            badge: "Data Analysis with Pandas", novel: true),
        Row(
            "On average, how deep into AWS Solutions Architect are our learners?",
            kind: "badge_enrollments", measure: "average_progress",
            badge: "AWS Solutions Architect", novel: true),
        Row(
            "How much of Linux Command Line have Acme & Sons folks covered so far?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Linux Command Line",
            organization: "Acme & Sons", novel: true),
        Row(
            "How are Python Basics learners getting on — halfway, nearly there?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Python Basics",
            novel: true),
        Row(
            "How much of Cloud Practitioner have Initech folks chewed into this quarter?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Cloud Practitioner",
            organization: "Initech", window: "2026-07-01..2026-09-30", novel: true),
        Row(
            "What do learners take after Python Basics?", kind: "learning_paths",
            measure: "next_badge", badge: "Python Basics"),
        Row(
            "What is the next course after SQL Fundamentals?", kind: "learning_paths",
            measure: "next_badge", badge: "SQL Fundamentals"),
        Row(
            "Follow-up courses for Docker Basics", kind: "learning_paths", measure: "next_badge",
            badge: "Docker Basics"),
        Row(
            "What do people move on to after completing Git & GitHub?", kind: "learning_paths",
            measure: "next_badge", badge: "Git & GitHub"),
        Row(
            "What comes after Cloud Practitioner for Globex staff?", kind: "learning_paths",
            measure: "next_badge", badge: "Cloud Practitioner", organization: "Globex"),
        Row(
            "After finishing Statistics 101, what did learners go on to in 2025?",
            kind: "learning_paths", measure: "next_badge", badge: "Statistics 101",
            window: "2025-01-01..2025-12-31"),
        Row(
            "What do Initech employees take next after Data Visualization?", kind: "learning_paths",
            measure: "next_badge", badge: "Data Visualization", organization: "Initech"),
        Row(
            "Next badges after Machine Learning Foundations since January 2026",
            kind: "learning_paths", measure: "next_badge", badge: "Machine Learning Foundations",
            window: "2026-01-01..2026-09-30"),
        Row(
            "After Data Analysis with Pandas, what do learners go on to?", kind: "learning_paths",
            measure: "next_badge", badge: "Data Analysis with Pandas"),
        Row(
            "Where do Python Basics grads go next?", kind: "learning_paths", measure: "next_badge",
            badge: "Python Basics", novel: true),
        Row(
            "Once someone wraps up Linux Command Line, what's usually their next stop?",
            kind: "learning_paths", measure: "next_badge", badge: "Linux Command Line", novel: true),
        Row(
            "What's the natural follow-on to Kubernetes Essentials?", kind: "learning_paths",
            measure: "next_badge", badge: "Kubernetes Essentials", novel: true),
        Row(
            "Having done Security Fundamentals, where do Umbrella Health people head?",
            kind: "learning_paths", measure: "next_badge", badge: "Security Fundamentals",
            organization: "Umbrella Health", novel: true),
        Row(
            "Where do Acme & Sons folks typically land after Docker Basics?",
            kind: "learning_paths", measure: "next_badge", badge: "Docker Basics",
            organization: "Acme & Sons", novel: true),
        Row(
            "What do learners take before Docker Basics?", kind: "learning_paths",
            measure: "previous_badge", badge: "Docker Basics"),
        Row(
            "What do people usually do prior to Kubernetes Essentials?", kind: "learning_paths",
            measure: "previous_badge", badge: "Kubernetes Essentials"),
        Row(
            "What leads into Deep Learning?", kind: "learning_paths", measure: "previous_badge",
            badge: "Deep Learning"),
        Row(
            "What typically precedes Advanced Python?", kind: "learning_paths",
            measure: "previous_badge", badge: "Advanced Python"),
        Row(
            "Prerequisite badges for AWS Solutions Architect", kind: "learning_paths",
            measure: "previous_badge", badge: "AWS Solutions Architect"),
        Row(
            "What do Acme & Sons learners take before starting Machine Learning Foundations?",
            kind: "learning_paths", measure: "previous_badge",
            badge: "Machine Learning Foundations", organization: "Acme & Sons"),
        Row(
            "What did learners take before Security Fundamentals in 2025?", kind: "learning_paths",
            measure: "previous_badge", badge: "Security Fundamentals",
            window: "2025-01-01..2025-12-31"),
        Row(
            "What do Umbrella Health staff take prior to Statistics 101?", kind: "learning_paths",
            measure: "previous_badge", badge: "Statistics 101", organization: "Umbrella Health"),
        Row(
            "What had learners already done by the time they reached Data Analysis with Pandas?",
            kind: "learning_paths", measure: "previous_badge", badge: "Data Analysis with Pandas",
            novel: true),
        Row(
            "What feeds into Cloud Practitioner?", kind: "learning_paths",
            measure: "previous_badge", badge: "Cloud Practitioner", novel: true),
        Row(
            "What's the usual warm-up before Leading Teams?", kind: "learning_paths",
            measure: "previous_badge", badge: "Leading Teams", novel: true),
        Row(
            "Which stepping stones get people ready for Python Intermediate?",
            kind: "learning_paths", measure: "previous_badge", badge: "Python Intermediate",
            novel: true),
        Row(
            "What's the gateway into Git & GitHub?", kind: "learning_paths",
            measure: "previous_badge", badge: "Git & GitHub", novel: true),
        Row(
            "What's the usual lead-in to Data Visualization for Zürich Analytics AG folks?",
            kind: "learning_paths", measure: "previous_badge", badge: "Data Visualization",
            organization: "Zürich Analytics AG", novel: true),
        Row("What do learners usually start with?", kind: "learning_paths", measure: "first_badge"),
        Row(
            "Entry point courses for Globex employees", kind: "learning_paths",
            measure: "first_badge", organization: "Globex"),
        Row(
            "What do Initech staff begin with?", kind: "learning_paths", measure: "first_badge",
            organization: "Initech"),
        Row(
            "Starting badge for Stark Industries trainees this year", kind: "learning_paths",
            measure: "first_badge", organization: "Stark Industries",
            window: "2026-01-01..2026-09-30"),
        Row(
            "First badge of Zürich Analytics AG employees since Q1 2026", kind: "learning_paths",
            measure: "first_badge", organization: "Zürich Analytics AG",
            window: "2026-01-01..2026-09-30"),
        Row(
            "What did learners start with in 2024?", kind: "learning_paths", measure: "first_badge",
            window: "2024-01-01..2024-12-31"),
        Row(
            "Where do newcomers usually kick things off?", kind: "learning_paths",
            measure: "first_badge", novel: true),
        Row(
            "What's the typical on-ramp for O'Reilly Learning Group people?",
            kind: "learning_paths", measure: "first_badge", organization: "O'Reilly Learning Group",
            novel: true),
        Row(
            "When people first show up, what do they dive into?", kind: "learning_paths",
            measure: "first_badge", novel: true),
        Row(
            "What did Stark Industries folks kick off with in 2025?", kind: "learning_paths",
            measure: "first_badge", organization: "Stark Industries",
            window: "2025-01-01..2025-12-31", novel: true),
        Row(
            "What are the most common learning paths?", kind: "learning_paths", measure: "paths",
            ranking: "top"),
        Row(
            "Show the typical learning journey for Globex staff", kind: "learning_paths",
            measure: "paths", organization: "Globex"),
        Row(
            "Learning paths that include Docker Basics", kind: "learning_paths", measure: "paths",
            badge: "Docker Basics"),
        Row(
            "Order in which learners take courses at Initech", kind: "learning_paths",
            measure: "paths", organization: "Initech"),
        Row(
            "Common sequences of badges in 2025", kind: "learning_paths", measure: "paths",
            window: "2025-01-01..2025-12-31"),
        Row(
            "Top 3 learning paths for Acme & Sons", kind: "learning_paths", measure: "paths",
            ranking: "top 3", organization: "Acme & Sons"),
        Row(
            "Badge progression for Stark Industries employees", kind: "learning_paths",
            measure: "paths", organization: "Stark Industries"),
        Row(
            "What route do Umbrella Health learners take to AWS Solutions Architect?",
            kind: "learning_paths", measure: "paths", badge: "AWS Solutions Architect",
            organization: "Umbrella Health"),
        Row(
            "Learning paths in the past 12 months", kind: "learning_paths", measure: "paths",
            window: "2025-09-01..2026-08-31"),
        Row(
            "Learning paths from August 2026 to 2026-09-15", kind: "learning_paths",
            measure: "paths", window: "2026-08-01..2026-09-15"),
        Row(
            "How do people typically chain courses together?", kind: "learning_paths",
            measure: "paths", novel: true),
        Row(
            "How do learners typically hop around the catalogue?", kind: "learning_paths",
            measure: "paths", novel: true),
        Row(
            "What does the usual badge-to-badge itinerary look like for Zürich Analytics AG?",
            kind: "learning_paths", measure: "paths", organization: "Zürich Analytics AG",
            novel: true),
        Row(
            "What order do Globex folks tackle badges in?", kind: "learning_paths",
            measure: "paths", organization: "Globex", novel: true),
        Row(
            "Weekly enrollment trend for Globex", kind: "organization_trends", measure: "growth",
            dimension: "period", organization: "Globex", granularity: "week"),
        Row(
            "How have enrollments grown over time?", kind: "organization_trends", measure: "growth",
            dimension: "period"),
        Row(
            "Enrollment growth by company in 2025", kind: "organization_trends", measure: "growth",
            dimension: "organization", window: "2025-01-01..2025-12-31"),
        Row(
            "Monthly trend for Initech since January 2025", kind: "organization_trends",
            measure: "growth", dimension: "period", organization: "Initech",
            window: "2025-01-01..2026-09-30", granularity: "month"),
        Row(
            "Is Docker Basics growing over time?", kind: "organization_trends", measure: "growth",
            dimension: "period", badge: "Docker Basics"),
        Row(
            "Quarterly growth for Umbrella Health", kind: "organization_trends", measure: "growth",
            dimension: "period", organization: "Umbrella Health", granularity: "quarter"),
        Row(
            "Sign-up trend at Stark Industries over the last 6 months", kind: "organization_trends",
            measure: "growth", dimension: "period", organization: "Stark Industries",
            window: "2026-03-01..2026-08-31"),
        Row(
            "Daily enrollment trend this month", kind: "organization_trends", measure: "growth",
            dimension: "period", window: "2026-09-01..2026-09-30", granularity: "day"),
        Row(
            "Week by week enrollment trend for O'Reilly Learning Group",
            kind: "organization_trends", measure: "growth", dimension: "period",
            organization: "O'Reilly Learning Group", granularity: "week"),
        Row(
            "Enrollment trend by month for Acme & Sons", kind: "organization_trends",
            measure: "growth", dimension: "period", organization: "Acme & Sons",
            granularity: "month"),
        Row(
            "Growth in registrations over time for Security Fundamentals in the last two years",
            kind: "organization_trends", measure: "growth", dimension: "period",
            badge: "Security Fundamentals", window: "2024-01-01..2025-12-31"),
        Row(
            "Is Zürich Analytics AG ramping up or cooling off on training over time?",
            kind: "organization_trends", measure: "growth", dimension: "period",
            organization: "Zürich Analytics AG", novel: true),
        Row(
            "Has interest in Deep Learning been picking up over time?", kind: "organization_trends",
            measure: "growth", dimension: "period", badge: "Deep Learning", novel: true),
        Row(
            "How has appetite for Data Visualization shifted over time?",
            kind: "organization_trends", measure: "growth", dimension: "period",
            badge: "Data Visualization", novel: true),
        Row(
            "Has Initech cooled on Leading Teams over time?", kind: "organization_trends",
            measure: "growth", dimension: "period", badge: "Leading Teams", organization: "Initech",
            novel: true),
        Row(
            "Are sign-ups for Cloud Practitioner snowballing over time?",
            kind: "organization_trends", measure: "growth", dimension: "period",
            badge: "Cloud Practitioner", novel: true),
        Row(
            "How many Globex folks are signed up for Advanced Python?",
            kind: "badge_enrollments", measure: "learners", badge: "Advanced Python",
            organization: "Globex", novel: true),
        Row(
            "Ballpark, how many distinct humans signed up for anything in the last 30 days?",
            kind: "badge_enrollments", measure: "learners", window: "2026-09-01..2026-09-30",
            novel: true),
        Row(
            "Who's our biggest customer by learner count?", kind: "organization_trends",
            measure: "learners", dimension: "organization", ranking: "top 1", novel: true),
        Row(
            "What's the usual first stop for new Acme & Sons hires?", kind: "learning_paths",
            measure: "first_badge", organization: "Acme & Sons", novel: true),
        Row(
            "Where does a brand-new learner typically dip their toes in?", kind: "learning_paths",
            measure: "first_badge", novel: true),
        Row(
            "What do Umbrella Health newbies kick off their learning with?", kind: "learning_paths",
            measure: "first_badge", organization: "Umbrella Health", novel: true),
        Row(
            "What's the well-trodden road people take across the catalogue?",
            kind: "learning_paths", measure: "paths", novel: true),
        Row(
            "In what order do Umbrella Health people tend to tackle their courses?",
            kind: "learning_paths", measure: "paths", organization: "Umbrella Health", novel: true),
        Row(
            "Is the Globex training appetite heating up or fizzling out over time?",
            kind: "organization_trends", measure: "growth", dimension: "period",
            organization: "Globex", novel: true),
        Row(
            "Are Kubernetes Essentials numbers climbing or sliding over time?",
            kind: "organization_trends", measure: "growth", dimension: "period",
            badge: "Kubernetes Essentials", novel: true),
        Row(
            "Show me how Stark Industries' engagement has moved over time",
            kind: "organization_trends", measure: "growth", dimension: "period",
            organization: "Stark Industries", novel: true),
        Row(
            "Once AWS Solutions Architect is in the bag, what do learners chase?",
            kind: "learning_paths", measure: "next_badge", badge: "AWS Solutions Architect",
            novel: true),
        Row(
            "What do SQL Fundamentals alumni tend to tackle afterwards?", kind: "learning_paths",
            measure: "next_badge", badge: "SQL Fundamentals", novel: true),
        Row(
            "What groundwork do people usually lay ahead of Machine Learning Foundations?",
            kind: "learning_paths", measure: "previous_badge",
            badge: "Machine Learning Foundations", novel: true),
        Row(
            "What do people typically have under their belt when they arrive at Kubernetes Essentials?",
            kind: "learning_paths", measure: "previous_badge", badge: "Kubernetes Essentials",
            novel: true),
        Row(
            "Is Security Fundamentals a course people actually see out?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Security Fundamentals",
            novel: true),
        Row(
            "What slice of Zürich Analytics AG starters cross the finish line in Docker Basics?",
            kind: "completion_metrics", measure: "completion_rate", badge: "Docker Basics",
            organization: "Zürich Analytics AG", novel: true),
        Row(
            "How leaky is the Python Intermediate funnel this year?", kind: "completion_metrics",
            measure: "drop_rate", badge: "Python Intermediate", window: "2026-01-01..2026-09-30",
            novel: true),
        Row(
            "How many weeks is AWS Solutions Architect eating up for Initech?",
            kind: "completion_metrics", measure: "time_to_complete",
            badge: "AWS Solutions Architect", organization: "Initech", novel: true),
        Row(
            "How close to done is the average Umbrella Health learner in Deep Learning?",
            kind: "badge_enrollments", measure: "average_progress", badge: "Deep Learning",
            organization: "Umbrella Health", novel: true),
    ]
    static let refusals: [Refusal] = [
        // Moved here from the rows after review: "these days" is vague, and these
        // breakdowns are not computed (docs/metrics.md, "Breakdowns"); a clear error
        // beats an answer to another question.
        Refusal(
            "Is anybody actually signing up for Security Fundamentals these days?",
            mentions: "these days"),
        Refusal("Average duration per month for Data Visualization", mentions: "does not compute"),
        Refusal(
            "Time to complete by cohort for Security Fundamentals", mentions: "does not compute"),
        Refusal("Average progress per cohort in Cloud Practitioner", mentions: "does not compute"),
        Refusal("Which cohort is furthest along in Leading Teams?", mentions: "does not compute"),
        Refusal("Most common first badges by organization", mentions: "does not compute"),
        Refusal(
            "How many users per organization follow each learning path?",
            mentions: "does not compute"),
        Refusal(
            "Which 2 companies are growing the most?",
            mentions: "ranks organizations by growth (top 2)"),
        Refusal("How many learners enrolled during the holidays?", mentions: "during the holidays"),
        Refusal("What is the weather tomorrow?", mentions: "matches no kind"),
        Refusal("Completion rate for SQL Fundamentals in fiscal 2025", mentions: "fiscal 2025"),
        Refusal("Which courses were most popular last summer?", mentions: "last summer"),
        Refusal("How many students signed up this semester?", mentions: "this semester"),
        Refusal("Enrollments in Docker Basics since the launch", mentions: "since the launch"),
        Refusal("Drop rate for Globex before the reorg", mentions: "before the reorg"),
        Refusal("How many people finished Git & GitHub 2 weeks ago?", mentions: "2 weeks ago"),
        Refusal("Total registrations in FY2025", mentions: "fy2025"),
        Refusal("Did anyone from Initech enroll over the weekend?", mentions: "weekend"),
        Refusal("Sign-ups this fortnight", mentions: "fortnight"),
        Refusal("How many learners completed Statistics 101 in spring 2026?", mentions: "spring"),
        Refusal("What was the drop rate during the winter break?", mentions: "winter"),
        Refusal("Completion rate for Cloud Practitioner this season", mentions: "season"),
        Refusal("Enrollments by company in FY26", mentions: "fy26"),
        Refusal("Completions since the migration", mentions: "since the migration"),
        Refusal(
            "How many people completed Docker Basics three months ago?", mentions: "months ago"),
        Refusal(
            "Pass rate for AWS Solutions Architect until the audit", mentions: "until the audit"),
        Refusal("Drop rate over the holiday period", mentions: "holiday"),
        Refusal("Enrollments for the autumn intake", mentions: "autumn"),
        Refusal("Completions before the summer", mentions: "summer"),
        Refusal("Average progress in fiscal Q2", mentions: "fiscal"),
        Refusal("Sign-ups last weekend", mentions: "weekend"),
        Refusal("Which badges grew since the pandemic?", mentions: "since the pandemic"),
        Refusal("How many users joined last semester?", mentions: "last semester"),
        Refusal(
            "Drop rate for Kubernetes Essentials in the 2025 holiday season", mentions: "holiday"),
        Refusal("Tell me a joke", mentions: "matches no kind"),
        Refusal(
            "How much revenue did we make?",
            mentions: "asks about \"revenue\", which the data does not hold"),
        Refusal("Who is the CEO?", mentions: "matches no kind"),
        Refusal("What's the capital of France?", mentions: "matches no kind"),
        Refusal("Reset my password, please", mentions: "matches no kind"),
        Refusal("What's the Wi-Fi password for the office?", mentions: "matches no kind"),
        Refusal("Is the cafeteria open?", mentions: "matches no kind"),
        Refusal("How do I file an expense report?", mentions: "matches no kind"),
    ]
}
