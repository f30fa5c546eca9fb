/// The order in which learners take badges: transitions, common paths and where they start.
public struct LearningPaths: Sendable, Codable {
    public struct Transition: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        public var learners: Int
        /// Median days between the two enrollments, 1 decimal.
        public var medianDays: Double?
    }

    public struct Path: Sendable, Equatable, Codable {
        public var badges: [String]
        public var learners: Int

        public var label: String { badges.joined(separator: " → ") }
    }

    public struct Start: Sendable, Equatable, Codable {
        public var badge: String
        public var learners: Int
    }

    public var transitions: [Transition]
    public var topPaths: [Path]
    public var startingBadges: [Start]
    /// With a badge filter, the badge each learner took right before it; empty without one.
    public var previousBadges: [Start] = []
    /// The first badge of every learner's whole sequence, whatever the badge filter.
    public var firstBadges: [Start] = []
    /// Learners with at least one enrollment in the filtered set.
    public var learners: Int
    /// Median days from enrollment to completion per badge, for the timeline chart.
    public var medianDaysToComplete: [String: Double]
    public var filters: Filters

    static let topPathLimit = 20

}

// MARK: - SQL

extension LearningPaths: Analysis {
    public static let kind = AnalysisKind.learningPaths

    /// Each learner's sequence per scope, as common table expressions: the first enrollment
    /// in each badge numbered by (enrolled_at, id) per learner, with the next two badges
    /// (`history` for a scope of the whole history, `windowed_steps` for one with a first
    /// day); and `links`, the same from the scope's badge (`focus`) on, for learners who took
    /// it, renumbered from 1.
    ///
    /// A scope of the whole history up to its last day reads the build's sequences
    /// (`almanac_learner_steps`), numbered once for every scope: dropping what came after
    /// the last day leaves the earlier steps as they were, and an organization's learners
    /// keep their whole sequences. A scope with a first day numbers its own, since its first
    /// steps are the first inside its days. Every window partitions by `user_id`, so a
    /// database sharded by learner numbers each sequence where it lives.
    /// `numbered` limits the scopes with a first day whose sequences are numbered (the
    /// others are read for their key measures only, which need only where each starts).
    static func sequenceCTEs(
        for scopes: ScopeList, in dialect: any SQLDialect, numbered: String = ""
    ) -> String {
        // The badge filter chooses learners and where their sequence starts, not which
        // enrollments count: "after completing Python Basics" needs the badges that follow.
        let order = "\(dialect.binary("enrolled_at")), id"
        let sequences = BuildFacts.learnerSteps.name
        /// The next badges of a step `l` of the build's sequences, as of the scope's last day.
        let cut = """
            CASE WHEN l.next_enrolled_at < sc.until_day THEN l.next_badge END AS next_badge,
                       CASE WHEN l.next_enrolled_at < sc.until_day THEN l.next_enrolled_at END AS next_enrolled_at,
                       CASE WHEN l.third_enrolled_at < sc.until_day THEN l.third_badge END AS third_badge
            """
        let organization = "(sc.organization IS NULL OR l.organization_id = sc.organization_id)"
        // Dropping the steps before the badge leaves the ones after it, and so the next
        // badges, as they were: only the numbering moves. Only a scope with a badge looks
        // for the badge's step in each sequence (a window, so a sort): the others start at 1.
        // A whole-history scope with a badge finds each learner's step of it first
        // (`focus_starts`, a few rows per learner who took it), then the learner's steps from
        // there: PostgreSQL hashes those few rows instead of sorting every step of every such
        // scope to merge them; SQLite reads each learner's steps through the (user, step) index.
        return """
            WITH \(scopes.values(dialect, reads: [.facts, .learnerSteps])),
            windowed AS (SELECT * FROM targets WHERE from_day IS NOT NULL),
            \(scopes.relation(
                dialect, named: "scoped", targets: "windowed",
                columns: [.id, .userID, .badgeID, .enrolledAt, .focus, .inFocus])),
            history AS NOT MATERIALIZED (
                SELECT sc.scope, sc.focus, l.user_id, l.badge_id, l.enrolled_at, l.step,
                       \(cut)
                FROM targets sc JOIN \(sequences) l ON \(dialect.unindexed("l.enrolled_at")) < sc.until_day
                WHERE sc.from_day IS NULL AND \(organization)
            ),
            firsts AS (
                SELECT scope, focus, in_focus, user_id, badge_id, enrolled_at, id
                FROM (SELECT s.scope, s.focus, s.in_focus, s.user_id, s.badge_id, s.enrolled_at, s.id,
                             row_number() OVER (PARTITION BY s.scope, s.user_id, s.badge_id
                                                ORDER BY \(dialect.binary("s.enrolled_at")), s.id) AS nth
                      FROM scoped s WHERE TRUE\(numbered)) AS ranked
                WHERE nth = 1
            ),
            windowed_steps AS MATERIALIZED (
                SELECT scope, focus, in_focus, user_id, badge_id, enrolled_at,
                       row_number() OVER learner AS step,
                       lead(badge_id) OVER learner AS next_badge,
                       lead(enrolled_at) OVER learner AS next_enrolled_at,
                       lead(badge_id, 2) OVER learner AS third_badge
                FROM firsts
                WINDOW learner AS (PARTITION BY scope, user_id ORDER BY \(order))
            ),
            started AS (
                SELECT scope, user_id, badge_id, enrolled_at, step, next_badge, next_enrolled_at, third_badge,
                       1 AS first_step
                FROM windowed_steps WHERE focus IS NULL
                UNION ALL
                SELECT scope, user_id, badge_id, enrolled_at, step, next_badge, next_enrolled_at, third_badge,
                       max(CASE WHEN in_focus = 1 THEN step END) OVER (PARTITION BY scope, user_id) AS first_step
                FROM windowed_steps WHERE focus IS NOT NULL
            ),
            focus_starts AS MATERIALIZED (
                SELECT sc.scope, sc.until_day, sc.organization, sc.organization_id, f.user_id, f.step
                FROM targets sc
                JOIN \(sequences) f ON f.badge_id = sc.focus_id AND f.enrolled_at < sc.until_day
                WHERE sc.from_day IS NULL AND sc.focus IS NOT NULL
            ),
            links AS MATERIALIZED (
                SELECT scope, user_id, step, badge_id, enrolled_at, next_badge, next_enrolled_at, third_badge
                FROM history WHERE focus IS NULL
                UNION ALL
                SELECT sc.scope, l.user_id, l.step - sc.step + 1, l.badge_id, l.enrolled_at,
                       \(cut)
                FROM focus_starts sc
                JOIN \(sequences) l ON l.user_id = sc.user_id AND l.step >= sc.step AND l.enrolled_at < sc.until_day
                WHERE \(organization)
                UNION ALL
                SELECT scope, user_id, step - first_step + 1, badge_id, enrolled_at,
                       next_badge, next_enrolled_at, third_badge
                FROM started
                WHERE step >= first_step
            )
            """
    }

    /// `sequences`: from one numbering of every learner's sequence per scope, the
    /// transitions with their learners and median gap, the top paths, the starting badges
    /// and the number of sequences, told apart by `part` (a scope read for its key measures
    /// only gets its starting badges and sequences); `completion`: the median days to
    /// complete each badge, for the timeline chart.
    public static func statements(for requests: [AnalysisRequest], in dialect: any SQLDialect)
        -> [SQLStatement]
    {
        // The badge filter chooses where each sequence starts: each scope's `focus`.
        let rows = ScopeList.focused(requests)
        let scopes = ScopeList(rows)
        let gap =
            "\(dialect.epochSeconds("l.next_enrolled_at")) - \(dialect.epochSeconds("l.enrolled_at"))"
        let label = "f.name || ' → ' || s.name || coalesce(' → ' || t.name, '')"
        // The first badges and the badges right before the scope's (`first_steps`,
        // `steps_before_focus`) read only those steps, not every step of every scope: the step
        // before a whole-history scope's badge is the one before the learner's `focus_starts`.
        // A scope with a first day read for its key measures only needs the badge each
        // learner starts with and the number of learners, not the sequences: each learner's
        // first enrollment there (of the scope's badge, if it has one) is the first step, and
        // one numbering finds it instead of the two that number a sequence (`counted_starts`).
        let measuresOnly = scopes.readMeasuresOnly("s.scope", of: requests)
        let counted =
            (measuresOnly == nil)
            ? ""
            : """
            counted_starts AS (
                SELECT scope, badge_id
                FROM (SELECT s.scope, s.badge_id,
                             row_number() OVER (PARTITION BY s.scope, s.user_id
                                                ORDER BY \(dialect.binary("s.enrolled_at")), s.id) AS nth
                      FROM scoped s WHERE s.in_focus = 1\(measuresOnly ?? "")) AS ranked
                WHERE nth = 1
            ),

            """
        let countedStarts =
            (measuresOnly == nil)
            ? ""
            : """

                UNION ALL
                SELECT scope, badge_id, NULL, NULL, count(*)
                FROM counted_starts
                GROUP BY scope, badge_id
            """
        let sequences = scopes.statement(
            "sequences",
            """
            \(sequenceCTEs(for: scopes, in: dialect, numbered: scopes.readWhole("s.scope", of: requests))),
            gaps AS MATERIALIZED (
                SELECT l.scope, l.badge_id AS from_badge, l.next_badge AS to_badge, \(gap) AS seconds
                FROM links l WHERE l.next_badge IS NOT NULL\(scopes.readWhole("l.scope", of: requests))
            ),
            medians AS (
            \(dialect.quantiles([0.5], of: "seconds", by: ["scope", "from_badge", "to_badge"], from: "SELECT scope, from_badge, to_badge, seconds FROM gaps", counted: "learners"))
            ),
            \(counted)firsts_of_paths AS (
                SELECT scope, badge_id, next_badge, third_badge, count(*) AS learners
                FROM links WHERE step = 1
                GROUP BY scope, badge_id, next_badge, third_badge\(countedStarts)
            ),
            paths AS (
                SELECT p.scope, f.name AS first_badge, s.name AS second_badge, t.name AS third_badge,
                       \(label) AS label, p.learners
                FROM firsts_of_paths p
                JOIN badges f ON f.id = p.badge_id
                JOIN badges s ON s.id = p.next_badge
                LEFT JOIN badges t ON t.id = p.third_badge
                WHERE TRUE\(scopes.readWhole("p.scope", of: requests))
            ),
            top_paths AS (
                SELECT scope, first_badge, second_badge, third_badge, label, learners
                FROM (SELECT paths.*, row_number() OVER (PARTITION BY scope
                                                         ORDER BY learners DESC, \(dialect.binary("label"))) AS place
                      FROM paths) AS ranked
                WHERE place <= \(topPathLimit)
            ),
            first_steps AS (
                SELECT scope, badge_id FROM history WHERE step = 1
                UNION ALL
                SELECT scope, badge_id FROM windowed_steps WHERE step = 1
            ),
            steps_before_focus AS (
                SELECT fs.scope, p.badge_id
                FROM focus_starts fs
                JOIN \(BuildFacts.learnerSteps.name) p ON p.user_id = fs.user_id AND p.step = fs.step - 1
                WHERE fs.organization IS NULL OR p.organization_id = fs.organization_id
                UNION ALL
                SELECT w.scope, w.badge_id
                FROM windowed_steps w JOIN targets sc ON sc.scope = w.scope
                WHERE w.focus IS NOT NULL AND w.next_badge = sc.focus_id
            ),
            parts AS (
                SELECT m.scope, 'transition' AS part, f.name AS first_badge, t.name AS second_badge,
                       NULL AS third_badge, NULL AS label, m.learners, \(dialect.days("m.q1")) AS median_days
                FROM medians m
                JOIN badges f ON f.id = m.from_badge
                JOIN badges t ON t.id = m.to_badge
                UNION ALL
                SELECT scope, 'path', first_badge, second_badge, third_badge, label, learners, NULL FROM top_paths
                UNION ALL
                SELECT p.scope, 'start', b.name, NULL, NULL, NULL, CAST(sum(p.learners) AS BIGINT), NULL
                FROM firsts_of_paths p JOIN badges b ON b.id = p.badge_id
                GROUP BY p.scope, p.badge_id, b.name
                UNION ALL
                SELECT scope, 'learners', NULL, NULL, NULL, NULL, CAST(sum(learners) AS BIGINT), NULL
                FROM firsts_of_paths
                GROUP BY scope
                UNION ALL
                SELECT st.scope, 'first', b.name, NULL, NULL, NULL, count(*), NULL
                FROM first_steps st JOIN badges b ON b.id = st.badge_id
                WHERE TRUE\(scopes.readWhole("st.scope", of: requests))
                GROUP BY st.scope, st.badge_id, b.name
                UNION ALL
                SELECT st.scope, 'previous', b.name, NULL, NULL, NULL, count(*), NULL
                FROM steps_before_focus st JOIN badges b ON b.id = st.badge_id
                WHERE TRUE\(scopes.readWhole("st.scope", of: requests))
                GROUP BY st.scope, st.badge_id, b.name
            )
            SELECT scope, part, first_badge, second_badge, third_badge, label, learners, median_days
            FROM parts
            ORDER BY scope, part, learners DESC, \(dialect.binary("label")) NULLS FIRST,
                     \(dialect.binary("first_badge")) NULLS FIRST, \(dialect.binary("second_badge")) NULLS FIRST
            """, dialect, reads: [.facts, .learnerSteps])
        // Where a sequence starts does not change the time to complete a badge: scopes that
        // differ only in their badge share one here. It is no key measure's.
        let completed = ScopeList.whole(
            rows.map { row in
                var row = row
                row.focus = nil
                return row
            }, of: requests)
        let completion = completed.statement(
            "completion",
            """
            WITH \(completed.cte(dialect, columns: [.badgeID, .seconds])),
            \(ScopeList.completionMedians(dialect))
            SELECT m.scope, b.name AS badge, \(dialect.days("m.q1")) AS median_days_to_complete
            FROM medians m JOIN badges b ON b.id = m.badge_id
            ORDER BY m.scope, \(dialect.binary("b.name"))
            """, dialect)
        return [sequences] + (completed.rows.isEmpty ? [] : [completion])
    }

    public static func decode(_ results: ResultSets, for request: AnalysisRequest) throws
        -> LearningPaths
    {
        var transitions: [Transition] = []
        var paths: [Path] = []
        var starts: [Start] = []
        var firsts: [Start] = []
        var previous: [Start] = []
        var learners = 0
        for row in results["sequences"] {
            switch row.text("part") {
            case "transition":
                transitions.append(
                    Transition(
                        from: row.text("first_badge"), to: row.text("second_badge"),
                        learners: row.int("learners"),
                        medianDays: row.double("median_days")))
            case "path":
                let badges = ["first_badge", "second_badge", "third_badge"].compactMap {
                    row.string($0)
                }
                paths.append(Path(badges: badges, learners: row.int("learners")))
            case "start":
                starts.append(Start(badge: row.text("first_badge"), learners: row.int("learners")))
            case "first":
                firsts.append(Start(badge: row.text("first_badge"), learners: row.int("learners")))
            case "previous":
                previous.append(
                    Start(badge: row.text("first_badge"), learners: row.int("learners")))
            default: learners = row.int("learners")
            }
        }
        var completion: [String: Double] = [:]
        for row in results["completion"] {
            if let days = row.double("median_days_to_complete") {
                completion[row.text("badge")] = days
            }
        }
        return LearningPaths(
            transitions: transitions, topPaths: paths, startingBadges: starts,
            previousBadges: previous,
            firstBadges: firsts, learners: learners, medianDaysToComplete: completion,
            filters: request.filters)
    }
}

extension LearningPaths: AnalysisOutput {
    public var json: JSONValue {
        [
            "transitions": .array(
                transitions.map {
                    ["from": .string($0.from), "to": .string($0.to), "learners": .int($0.learners)]
                }),
            "top_paths": .array(
                topPaths.map {
                    [
                        "path": .array($0.badges.map(JSONValue.string)), "label": .string($0.label),
                        "learners": .int($0.learners),
                    ]
                }),
            "starting_badges": .array(
                startingBadges.map {
                    ["badge": .string($0.badge), "learners": .int($0.learners)]
                }),
            "previous_badges": .array(
                previousBadges.map {
                    ["badge": .string($0.badge), "learners": .int($0.learners)]
                }),
            "first_badges": .array(
                firstBadges.map {
                    ["badge": .string($0.badge), "learners": .int($0.learners)]
                }),
            "median_days_between": .array(
                transitions.map {
                    [
                        "from": .string($0.from), "to": .string($0.to),
                        "median_days": .number($0.medianDays),
                        "learners": .int($0.learners),
                    ]
                }),
            "learners": .int(learners),
            "filters": filters.json,
        ]
    }

    /// The learners and starting badges, which the key measures read, without the
    /// transitions (listed twice in `json`, several hundred of them at a time).
    public var measuredJSON: JSONValue {
        [
            "learners": .int(learners),
            "starting_badges": .array(
                startingBadges.map {
                    ["badge": .string($0.badge), "learners": .int($0.learners)]
                }),
        ]
    }

    public var tables: [DataTable] {
        [
            DataTable(
                title: "Most common paths",
                columns: [.init("Path", .text), .init("Learners", .count)],
                rows: topPaths.map { [.string($0.label), .int($0.learners)] }),
            DataTable(
                title: "Transitions between badges",
                columns: [
                    .init("From", .text), .init("To", .text), .init("Learners", .count),
                    .init("Median days between", .days),
                ],
                rows: transitions.prefix(30).map {
                    [.string($0.from), .string($0.to), .int($0.learners), .number($0.medianDays)]
                }),
            DataTable(
                title: "Starting badges",
                columns: [.init("Badge", .text), .init("Learners", .count)],
                rows: startingBadges.map { [.string($0.badge), .int($0.learners)] }),
        ]
    }

    public var rowCount: Int { transitions.count }

    public var hasData: Bool { learners > 0 }
}
