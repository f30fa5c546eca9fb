import Foundation
import Testing

@testable import AlmanacCore

/// The planted databases of the drivers tests (issue 23), each with the counts of its two
/// windows worked out by hand from the way the rows are planted (never from the code).
///
/// Every fixture has the organizations Acme (1) and Globex (2) and the badges Python Basics
/// (1, Programming) and SQL Fundamentals (2, Data); the spike adds Design Basics (3, Data).
/// Dates are 2024: 2024-01-01 and 2024-03-04 are Mondays.
enum DriverFixtures {
    /// Rows of one fixture, planted in batches.
    struct Rows {
        var users: [(organization: Int, joined: String)] = []
        var enrollments: [String] = []
        var badges =
            "(1, 'Python Basics', 'Programming'), (2, 'SQL Fundamentals', 'Data')"

        /// `count` enrollments of `user` in `badge`, on `day` and the `spread − 1` days after
        /// it in turn; `completed` of them (the first ones) completed the next day, `dropped`
        /// dropped, the rest `rest`.
        mutating func enroll(
            _ count: Int, user: Int, badge: Int, from day: String, spread: Int = 5,
            completed: Int = 0, dropped: Int = 0, rest: String = "enrolled"
        ) {
            let first = CivilDate(iso: day)!
            for index in 0..<count {
                let id = enrollments.count + 1
                let enrolled = first.adding(days: index % spread)
                let status =
                    index < completed ? "completed" : index < completed + dropped ? "dropped" : rest
                let done = index < completed ? "'\(enrolled.adding(days: 1))'" : "NULL"
                let progress = index < completed ? "1.0" : "0.0"
                enrollments.append(
                    "(\(id), \(user), \(badge), '\(enrolled)', '\(status)', \(progress), \(done))")
            }
        }

        /// One enrollment written out.
        mutating func add(
            _ user: Int, _ badge: Int, _ enrolled: String, _ status: String, _ done: String?
        ) {
            let id = enrollments.count + 1
            enrollments.append(
                "(\(id), \(user), \(badge), '\(enrolled)', '\(status)', 0.5, \(done.map { "'\($0)'" } ?? "NULL"))"
            )
        }

        var sql: String {
            let people = users.enumerated().map { index, user in
                "(\(index + 1), 'U\(index + 1)', \(user.organization), '\(user.joined)')"
            }
            return """
                INSERT INTO organizations VALUES (1, 'Acme'), (2, 'Globex');
                INSERT INTO users VALUES \(people.joined(separator: ", "));
                INSERT INTO badges VALUES \(badges);
                INSERT INTO enrollments VALUES
                  \(enrollments.joined(separator: ",\n  "));
                """
        }
    }

    /// A window of a move, as of the day before `through` (its own as-of date).
    static func window(_ from: String, _ until: String, through: String? = nil) -> DriverWindow {
        DriverWindow(
            from: CivilDate(iso: from)!, until: CivilDate(iso: until)!,
            through: CivilDate(iso: through ?? until)!)
    }

    /// A member's counts; learners only for organizations and join cohorts.
    static func member(
        _ name: String, _ enrollments: Int, completed: Int = 0, dropped: Int = 0,
        completions: Int = 0, learners: Int = 0
    ) -> DriverCounts.Member {
        var member = DriverCounts.Member(name: name)
        member.enrollments = enrollments
        member.completed = completed
        member.dropped = dropped
        member.completions = completions
        member.learners = learners
        return member
    }

    // MARK: - 1. A spike in one badge

    /// Twelve learners (1–6 at Acme, 7–12 at Globex), all joined in June 2023. Every week
    /// from 2024-01-01 to 2024-04-01 (14 weeks), learner j (1–12) enrolls once, in badge
    /// (j − 1) mod 3 + 1: 4 enrollments a week in each badge, 6 at each organization. In the
    /// week of 2024-04-01 Python Basics gets 36 more (18 at each organization), and SQL
    /// Fundamentals 3 more (2 at Acme, 1 at Globex): 51 in the week.
    static var spike: String { spikeRows(completing: false) }

    /// The spike, where learners 2, 3 (Acme) and 8, 9 (Globex), in SQL Fundamentals and
    /// Design Basics, complete their enrollment of every week the next day (4 completions a
    /// week, 2 at each organization, none in Python Basics), and the 36 more Python Basics
    /// enrollments, made from Monday to Saturday, are all completed by Sunday: 40 in the week.
    static var completingSpike: String { spikeRows(completing: true) }

    private static func spikeRows(completing: Bool) -> String {
        var rows = Rows()
        rows.badges += ", (3, 'Design Basics', 'Data')"
        rows.users = (1...12).map { (organization: $0 <= 6 ? 1 : 2, joined: "2023-06-15") }
        let monday = CivilDate(iso: "2024-01-01")!
        for week in 0..<14 {
            for learner in 1...12 {
                let completes = completing && [2, 3, 8, 9].contains(learner)
                rows.enroll(
                    1, user: learner, badge: (learner - 1) % 3 + 1,
                    from: monday.adding(days: 7 * week + (learner - 1) % 7).description,
                    completed: completes ? 1 : 0)
            }
        }
        // Learners 1–6 and 7–12 in turn: 18 at each organization.
        for index in 0..<36 {
            let learner = (index % 2) * 6 + (index / 2) % 6 + 1
            rows.enroll(
                1, user: learner, badge: 1, from: "2024-04-0\(1 + index % (completing ? 6 : 7))",
                completed: completing ? 1 : 0)
        }
        for (index, learner) in [1, 2, 7].enumerated() {
            rows.enroll(1, user: learner, badge: 2, from: "2024-04-0\(1 + index)")
        }
        return rows.sql
    }

    /// The 12 weeks before the spike (2024-01-08 to 2024-03-31) and the week of 2024-04-01,
    /// both as of 2024-04-07, as the record week's drivers count them; then the 7 days
    /// before the last 7 (2024-03-25 to 2024-03-31), as the index counts them.
    static let spikeWindows = [
        window("2024-01-08", "2024-04-01", through: "2024-04-08"),
        window("2024-04-01", "2024-04-08"),
        window("2024-03-25", "2024-04-01", through: "2024-04-08"),
    ]

    /// 12 weeks × 4 = 48 per badge; Data = 48 + 48; 12 weeks × 6 = 72 per organization, all 6
    /// of its learners; 144 in June 2023. The week: Python Basics 4 + 36, SQL Fundamentals
    /// 4 + 3, Design Basics 4; Acme 6 + 18 + 2 = 26, Globex 6 + 18 + 1 = 25. The week before:
    /// 4 per badge, 6 per organization.
    static let spikeCounts: [[DriverCounts.Dimension: [DriverCounts.Member]]] = [
        [
            .badge: [
                member("Design Basics", 48), member("Python Basics", 48),
                member("SQL Fundamentals", 48),
            ],
            .category: [member("Data", 96), member("Programming", 48)],
            .organization: [member("Acme", 72, learners: 6), member("Globex", 72, learners: 6)],
            .cohort: [member("2023-06", 144, learners: 12)],
        ],
        [
            .badge: [
                member("Design Basics", 4), member("Python Basics", 40),
                member("SQL Fundamentals", 7),
            ],
            .category: [member("Data", 11), member("Programming", 40)],
            .organization: [member("Acme", 26, learners: 6), member("Globex", 25, learners: 6)],
            .cohort: [member("2023-06", 51, learners: 12)],
        ],
        [
            .badge: [
                member("Design Basics", 4), member("Python Basics", 4),
                member("SQL Fundamentals", 4),
            ],
            .category: [member("Data", 8), member("Programming", 4)],
            .organization: [member("Acme", 6, learners: 6), member("Globex", 6, learners: 6)],
            .cohort: [member("2023-06", 12, learners: 12)],
        ],
    ]

    // MARK: - 2. A drop spread evenly

    /// Four learners, one per organization and join month (1 Acme June, 2 Acme September,
    /// 3 Globex June, 4 Globex September 2023). From 2024-03-04 to 2024-03-17 each enrolls
    /// 5 times in each badge (40); from 2024-03-18 to 2024-03-31, twice (16).
    static var evenDrop: String {
        var rows = Rows()
        rows.users = [(1, "2023-06-15"), (1, "2023-09-15"), (2, "2023-06-15"), (2, "2023-09-15")]
        for learner in 1...4 {
            for badge in 1...2 {
                rows.enroll(5, user: learner, badge: badge, from: "2024-03-04", spread: 14)
                rows.enroll(2, user: learner, badge: badge, from: "2024-03-18", spread: 14)
            }
        }
        return rows.sql
    }

    static let evenDropWindows = [
        window("2024-03-04", "2024-03-18"), window("2024-03-18", "2024-04-01"),
    ]

    /// Every member of every dimension: 20 before (two learners × 2 × 5, or one × 2 × 5 ×
    /// 2), 8 after.
    static let evenDropCounts: [[DriverCounts.Dimension: [DriverCounts.Member]]] = [20, 8].map {
        n in
        [
            .badge: [member("Python Basics", n), member("SQL Fundamentals", n)],
            .category: [member("Data", n), member("Programming", n)],
            .organization: [member("Acme", n, learners: 2), member("Globex", n, learners: 2)],
            .cohort: [member("2023-06", n, learners: 2), member("2023-09", n, learners: 2)],
        ]
    }

    // MARK: - 5. A change driven by one join cohort

    /// Six learners, one per organization and join month: 1 Acme and 2 Globex joined in June
    /// 2023, 3 Acme and 4 Globex in September 2023, 5 Acme and 6 Globex in January 2024. In
    /// the week of 2024-03-04, learners 1–4 enroll 5 times in each badge (40). In the week
    /// of 2024-03-11, learners 1 and 2 enroll 6 times in each, 3 and 4 five times, 5 and 6
    /// nine times (24 + 20 + 36 = 80).
    static var cohort: String {
        var rows = Rows()
        rows.users = [
            (1, "2023-06-15"), (2, "2023-06-15"), (1, "2023-09-15"), (2, "2023-09-15"),
            (1, "2024-01-15"), (2, "2024-01-15"),
        ]
        for (learner, times) in [(1, 6), (2, 6), (3, 5), (4, 5), (5, 9), (6, 9)] {
            for badge in 1...2 {
                if learner <= 4 { rows.enroll(5, user: learner, badge: badge, from: "2024-03-04") }
                rows.enroll(times, user: learner, badge: badge, from: "2024-03-11")
            }
        }
        return rows.sql
    }

    /// First week: 10 per learner 1–4: 20 per badge and per organization (two learners
    /// each), 20 per join month. Second week: badges 12 + 10 + 18 = 40 each; Acme learners
    /// 1, 3, 5: 12 + 10 + 18 = 40; June 24, September 20, January 36.
    static let cohortCounts: [[DriverCounts.Dimension: [DriverCounts.Member]]] = [
        [
            .badge: [member("Python Basics", 20), member("SQL Fundamentals", 20)],
            .category: [member("Data", 20), member("Programming", 20)],
            .organization: [member("Acme", 20, learners: 2), member("Globex", 20, learners: 2)],
            .cohort: [member("2023-06", 20, learners: 2), member("2023-09", 20, learners: 2)],
        ],
        [
            .badge: [member("Python Basics", 40), member("SQL Fundamentals", 40)],
            .category: [member("Data", 40), member("Programming", 40)],
            .organization: [member("Acme", 40, learners: 3), member("Globex", 40, learners: 3)],
            .cohort: [
                member("2023-06", 24, learners: 2), member("2023-09", 20, learners: 2),
                member("2024-01", 36, learners: 2),
            ],
        ],
    ]

    // MARK: - Running the shared statement

    /// The counts of `windows` from the shared `drivers` statement on `db`, distinct learners
    /// counted in every window of enrollments; on SQLite also read through the build's
    /// temporary tables
    /// (the way a build runs it), which must give the same counts.
    static func counts(_ windows: [DriverWindow], on db: any DatabaseConnection) throws
        -> [DriverCounts]
    {
        let learners = Set(windows.filter { $0.counting == .enrolled })
        let statement = DriverCounts.statement(for: windows, learners: learners, in: db.dialect)
        let counted = DriverCounts.counts(
            from: try ResultSet.read(statement, from: db), of: statement, windows: windows,
            learners: learners)
        let dialect = db.dialect.readingTemporaryTables()
        if dialect.readsTemporaryTables {
            let built = DriverCounts.statement(for: windows, learners: learners, in: dialect)
            try db.createTemporaryTables(built.preparation)
            let again = DriverCounts.counts(
                from: try ResultSet.read(built, from: db), of: built, windows: windows,
                learners: learners)
            #expect(again == counted, "through the build's temporary tables")
        }
        return counted
    }
}

/// The split as these tests call it: a move without an earlier window's start (no cohort is
/// new), with the totals the page shows taken from the counts when a test gives none.
extension DriverSplit {
    static func count(
        _ measure: String, before: DriverCounts, after: DriverCounts, weeks: Int = 1,
        expected: (before: Double, after: Double)? = nil, baseline: String
    ) -> Drivers? {
        let totals =
            expected
            ?? (
                Double(before.total(measure) ?? 0) / Double(max(weeks, 1)),
                Double(after.total(measure) ?? 0)
            )
        return drivers(
            of: Move(measure, baseline: baseline, expected: totals, weeks: weeks),
            before: before, after: after)
    }

    static func rate(
        _ measure: String, before: DriverCounts, after: DriverCounts,
        expected: (before: Double, after: Double), baseline: String
    ) -> Drivers? {
        drivers(
            of: Move(measure, baseline: baseline, expected: expected), before: before, after: after)
    }
}
