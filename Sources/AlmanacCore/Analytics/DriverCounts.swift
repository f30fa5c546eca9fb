/// The counts of one window of a move, split over every dimension the data has: what the
/// drivers of a change are worked out from (`DriverSplit`, docs/metrics.md, "Drivers").
///
/// One shared statement, `drivers`, counts every window the build's moves need: a question's
/// comparison windows, a scope's latest complete week and the weeks before it, the index's
/// last 7 days and the 7 days before. Each window is one scope of it, and every row is one
/// member of one dimension: a badge, a badge category, an organization or a join cohort (the
/// month of `users.joined_at`).
public struct DriverCounts: Sendable, Equatable, Codable {
    /// The dimensions, in the order the drivers are looked for.
    public enum Dimension: String, Sendable, CaseIterable, Codable {
        case badge, category, organization, cohort

        /// The word a sentence uses: "badge", "join cohort".
        public var label: String { self == .cohort ? "join cohort" : rawValue }
        /// Many of them: "badges", "categories", "join cohorts".
        public var pluralLabel: String { self == .category ? "categories" : label + "s" }

        /// Distinct learners split exactly over organizations and join cohorts only (a
        /// learner has one of each), never over badges.
        public var splitsLearners: Bool { self == .organization || self == .cohort }
    }

    /// One member's counts in the window.
    public struct Member: Sendable, Equatable, Codable {
        public var name: String
        /// Enrollments made in the window (by `enrolled_at`).
        public var enrollments = 0
        /// Of those, completed by the window's cutoff.
        public var completed = 0
        /// Of those, dropped.
        public var dropped = 0
        /// Completions that happened in the window (by `completed_at`).
        public var completions = 0
        /// Distinct learners with an enrollment in the window; organizations and cohorts only.
        public var learners = 0

        public init(name: String) {
            self.name = name
        }

        /// The member's counts and `other`'s together.
        func adding(_ other: Member) -> Member {
            var sum = self
            sum.enrollments += other.enrollments
            sum.completed += other.completed
            sum.dropped += other.dropped
            sum.completions += other.completions
            sum.learners += other.learners
            return sum
        }

        /// The count of a key measure: `enrollments`, `completed`, `completions`, `learners`.
        public func count(_ measure: String) -> Int? {
            switch measure {
            case "enrollments": return enrollments
            case "completed": return completed
            case "completions": return completions
            case "learners": return learners
            case "dropped": return dropped
            default: return nil
            }
        }
    }

    /// Members by dimension, each list in code point order of the name.
    public var members: [Dimension: [Member]] = [:]
    /// Whether distinct learners were counted (they cost a sort of their own, so only the
    /// windows of a move of learners count them).
    public var countsLearners = false

    public init(members: [Dimension: [Member]] = [:]) {
        self.members = members
    }

    /// The window's total of a count, from the badges (learners, or counts without badges:
    /// from the organizations).
    public func total(_ measure: String) -> Int? {
        if measure == "learners", !countsLearners { return nil }
        // Counts that hold one dimension only (a report's own slices) add up over it.
        let dimension: Dimension =
            measure == "learners" || members[.badge] == nil ? .organization : .badge
        guard let list = members[dimension] else { return 0 }
        var sum = 0
        for member in list {
            guard let value = member.count(measure) else { return nil }
            sum += value
        }
        return sum
    }
}

extension DriverCounts {
    /// The shared statement for every window at once; scope `i + 1` is `windows[i]`.
    /// Distinct learners are counted only for the windows in `learners` (a count with its
    /// own sort); the other windows' `learners` are 0 and `countsLearners` false.
    static func statement(
        for windows: [DriverWindow], learners: Set<DriverWindow> = [], in dialect: any SQLDialect
    ) -> SQLStatement {
        let scopes = ScopeList(windows.enumerated().map { $0.element.row(number: $0.offset + 1) })
        let completed = dialect.flag("s.status = 'completed'")
        let dropped = dialect.flag("s.status = 'dropped'")
        let counted = windows.indices.filter { learners.contains(windows[$0]) }
            .compactMap { scopes.numbers[$0 + 1] }
        let distinct =
            "WHERE s.scope IN (\(counted.isEmpty ? "NULL" : Set(counted).sorted().map(String.init).joined(separator: ", ")))"
        let statuses =
            "count(*) AS enrollments, sum(\(completed)) AS completed, sum(\(dropped)) AS dropped, "
            + "0 AS completions, 0 AS learners"
        let sums =
            "sum(c.enrollments) AS enrollments, sum(c.completed) AS completed, "
            + "sum(c.dropped) AS dropped, sum(c.completions) AS completions"
        // Two groupings: badge × organization (badges, categories and organizations roll up
        // from it) and join month; distinct learners per organization and per month.
        return scopes.statement(
            "drivers",
            """
            WITH \(scopes.values(dialect)),
            enrolling AS (SELECT * FROM targets WHERE done_until IS NULL),
            finishing AS (SELECT * FROM targets WHERE done_until IS NOT NULL),
            \(scopes.relation(
                dialect, named: "scoped", targets: "enrolling",
                columns: [.userID, .badgeID, .organizationID, .status, .joinedMonth])),
            \(scopes.relation(
                dialect, named: "finished", finished: true, targets: "finishing",
                columns: [.badgeID, .organizationID, .status, .completedAt, .doneFrom, .doneUntil,
                          .joinedMonth])),
            done AS (SELECT * FROM finished f WHERE \(ScopeList.doneInWindow("f"))),
            cells AS (
                SELECT s.scope, s.badge_id, s.organization_id, \(statuses)
                FROM scoped s GROUP BY s.scope, s.badge_id, s.organization_id
                UNION ALL
                SELECT s.scope, NULL, s.organization_id, 0, 0, 0, 0, count(DISTINCT s.user_id)
                FROM scoped s \(distinct) GROUP BY s.scope, s.organization_id
                UNION ALL
                SELECT f.scope, f.badge_id, f.organization_id, 0, 0, 0, count(*), 0
                FROM done f GROUP BY f.scope, f.badge_id, f.organization_id
            ),
            months AS (
                SELECT s.scope, s.joined_month, \(statuses)
                FROM scoped s GROUP BY s.scope, s.joined_month
                UNION ALL
                SELECT s.scope, s.joined_month, 0, 0, 0, 0, count(DISTINCT s.user_id)
                FROM scoped s \(distinct) GROUP BY s.scope, s.joined_month
                UNION ALL
                SELECT f.scope, f.joined_month, 0, 0, 0, count(*), 0
                FROM done f GROUP BY f.scope, f.joined_month
            )
            SELECT c.scope, 'badge' AS dimension, b.name AS member, \(sums), 0 AS learners
            FROM cells c JOIN badges b ON b.id = c.badge_id GROUP BY c.scope, b.id, b.name
            UNION ALL
            SELECT c.scope, 'category', b.category, \(sums), 0
            FROM cells c JOIN badges b ON b.id = c.badge_id GROUP BY c.scope, b.category
            UNION ALL
            SELECT c.scope, 'organization', \(Scope.organizationName), \(sums), sum(c.learners)
            FROM cells c LEFT JOIN organizations o ON o.id = c.organization_id
            GROUP BY c.scope, c.organization_id, o.name
            UNION ALL
            SELECT c.scope, 'cohort', c.joined_month, \(sums), sum(c.learners)
            FROM months c GROUP BY c.scope, c.joined_month
            ORDER BY 1, 2
            """, dialect)
    }

    /// Each window's counts, in the order of `windows`, from what `shared` (the statement for
    /// those windows, with `learners`) returned.
    static func counts(
        from set: ResultSet, of shared: SQLStatement, windows: [DriverWindow],
        learners: Set<DriverWindow> = []
    ) -> [DriverCounts] {
        let scopes = ResultSets(["drivers": set]).byScope()
        return windows.indices.map { index in
            var counts = DriverCounts()
            counts.countsLearners = learners.contains(windows[index])
            let records = shared.scopes[index + 1].flatMap { scopes[$0]?["drivers"] } ?? []
            for record in records {
                guard let dimension = Dimension(rawValue: record.text("dimension")) else {
                    continue
                }
                var member = Member(name: record.text("member"))
                member.enrollments = record.int("enrollments")
                member.completed = record.int("completed")
                member.dropped = record.int("dropped")
                member.completions = record.int("completions")
                member.learners = record.int("learners")
                counts.members[dimension, default: []].append(member)
            }
            for dimension in Array(counts.members.keys) {
                counts.members[dimension]?.sort {
                    $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars)
                }
            }
            return counts
        }
    }
}
