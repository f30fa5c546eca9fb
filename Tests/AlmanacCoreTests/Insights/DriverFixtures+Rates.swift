import Foundation

@testable import AlmanacCore

/// The two rate fixtures of `DriverFixtures`, both over the weeks of 2024-03-04 and
/// 2024-03-11.
extension DriverFixtures {
    // MARK: - 3. A rate change that is all mix

    /// Learner 1 at Acme, 2 at Globex, both joined June 2023. Each, in the week of 2024-03-04:
    /// 50 Python Basics (40 completed the next day, 10 in progress) and 50 SQL Fundamentals
    /// (10 completed, 10 dropped, 30 enrolled); in the week of 2024-03-11: 20 Python Basics
    /// (16 completed) and 80 SQL Fundamentals (16 completed, 16 dropped). Python Basics
    /// completes at 80 % and SQL Fundamentals at 20 % in both weeks; the enrollments move
    /// from 50/50 to 20/80. One of learner 1's Python Basics enrollments in progress, made
    /// on 2024-03-08, is completed on 2024-03-12: in progress as of 2024-03-10, the first
    /// week's own as-of date.
    static var allMix: String {
        var rows = Rows()
        rows.users = [(1, "2023-06-15"), (2, "2023-06-15")]
        for learner in 1...2 {
            // One of learner 1's Python Basics enrollments in progress is the late one.
            let late = learner == 1 ? 1 : 0
            rows.enroll(
                50 - late, user: learner, badge: 1, from: "2024-03-04", completed: 40,
                rest: "in_progress")
            if late == 1 { rows.add(1, 1, "2024-03-08", "completed", "2024-03-12") }
            rows.enroll(
                50, user: learner, badge: 2, from: "2024-03-04", completed: 10, dropped: 10)
            rows.enroll(
                20, user: learner, badge: 1, from: "2024-03-11", completed: 16, rest: "in_progress")
            rows.enroll(
                80, user: learner, badge: 2, from: "2024-03-11", completed: 16, dropped: 16)
        }
        return rows.sql
    }

    /// The weeks of 2024-03-04 and 2024-03-11, each as of its own Sunday.
    static let weeks = [window("2024-03-04", "2024-03-11"), window("2024-03-11", "2024-03-18")]

    /// The two weeks; then the completions that happened in each.
    static let rateWindows: [DriverWindow] = {
        weeks
            + weeks.map {
                var completed = $0
                completed.counting = .completed
                return completed
            }
    }()

    /// First week: Python Basics 100 (80 completed as of 2024-03-10), SQL Fundamentals 100
    /// (20 completed, 20 dropped); each organization half of each. Second week: Python
    /// Basics 40 (32), SQL Fundamentals 160 (32 completed, 32 dropped). Completions in the
    /// first week: the 80 + 20 of its own enrollments; in the second: 32 + 32, and the late
    /// one of learner 1 (Python Basics, Acme).
    static let allMixCounts: [[DriverCounts.Dimension: [DriverCounts.Member]]] = [
        [
            .badge: [
                member("Python Basics", 100, completed: 80),
                member("SQL Fundamentals", 100, completed: 20, dropped: 20),
            ],
            .category: [
                member("Data", 100, completed: 20, dropped: 20),
                member("Programming", 100, completed: 80),
            ],
            .organization: [
                member("Acme", 100, completed: 50, dropped: 10, learners: 1),
                member("Globex", 100, completed: 50, dropped: 10, learners: 1),
            ],
            .cohort: [member("2023-06", 200, completed: 100, dropped: 20, learners: 2)],
        ],
        [
            .badge: [
                member("Python Basics", 40, completed: 32),
                member("SQL Fundamentals", 160, completed: 32, dropped: 32),
            ],
            .category: [
                member("Data", 160, completed: 32, dropped: 32),
                member("Programming", 40, completed: 32),
            ],
            .organization: [
                member("Acme", 100, completed: 32, dropped: 16, learners: 1),
                member("Globex", 100, completed: 32, dropped: 16, learners: 1),
            ],
            .cohort: [member("2023-06", 200, completed: 64, dropped: 32, learners: 2)],
        ],
        [
            .badge: [
                member("Python Basics", 0, completions: 80),
                member("SQL Fundamentals", 0, completions: 20),
            ],
            .category: [
                member("Data", 0, completions: 20), member("Programming", 0, completions: 80),
            ],
            .organization: [
                member("Acme", 0, completions: 50), member("Globex", 0, completions: 50),
            ],
            .cohort: [member("2023-06", 0, completions: 100)],
        ],
        [
            .badge: [
                member("Python Basics", 0, completions: 33),
                member("SQL Fundamentals", 0, completions: 32),
            ],
            .category: [
                member("Data", 0, completions: 32), member("Programming", 0, completions: 33),
            ],
            .organization: [
                member("Acme", 0, completions: 33), member("Globex", 0, completions: 32),
            ],
            .cohort: [member("2023-06", 0, completions: 65)],
        ],
    ]

    // MARK: - 4. A rate change that is all rate

    /// The learners of `allMix`. Each, in both weeks: 50 Python Basics and 50 SQL
    /// Fundamentals. Completed: Python Basics 40 then 24 (80 % → 48 %), SQL Fundamentals 10
    /// then 12 (20 % → 24 %).
    static var allRate: String {
        var rows = Rows()
        rows.users = [(1, "2023-06-15"), (2, "2023-06-15")]
        for learner in 1...2 {
            rows.enroll(
                50, user: learner, badge: 1, from: "2024-03-04", completed: 40, rest: "in_progress")
            rows.enroll(50, user: learner, badge: 2, from: "2024-03-04", completed: 10)
            rows.enroll(
                50, user: learner, badge: 1, from: "2024-03-11", completed: 24, rest: "in_progress")
            rows.enroll(50, user: learner, badge: 2, from: "2024-03-11", completed: 12)
        }
        return rows.sql
    }

    /// Python Basics 100 in each week, 80 then 48 completed; SQL Fundamentals 100, 20 then
    /// 24; each organization half of each: 40 + 10 = 50 completed, then 24 + 12 = 36.
    static let allRateCounts: [[DriverCounts.Dimension: [DriverCounts.Member]]] = [
        [
            .badge: [
                member("Python Basics", 100, completed: 80),
                member("SQL Fundamentals", 100, completed: 20),
            ],
            .category: [
                member("Data", 100, completed: 20), member("Programming", 100, completed: 80),
            ],
            .organization: [
                member("Acme", 100, completed: 50, learners: 1),
                member("Globex", 100, completed: 50, learners: 1),
            ],
            .cohort: [member("2023-06", 200, completed: 100, learners: 2)],
        ],
        [
            .badge: [
                member("Python Basics", 100, completed: 48),
                member("SQL Fundamentals", 100, completed: 24),
            ],
            .category: [
                member("Data", 100, completed: 24), member("Programming", 100, completed: 48),
            ],
            .organization: [
                member("Acme", 100, completed: 36, learners: 1),
                member("Globex", 100, completed: 36, learners: 1),
            ],
            .cohort: [member("2023-06", 200, completed: 72, learners: 2)],
        ],
    ]
}
