/// The order in which learners take badges: transitions, common paths and where they start.
public struct LearningPaths: Sendable {
    public struct Transition: Sendable, Equatable {
        public var from: String
        public var to: String
        public var learners: Int
        /// Median days between the two enrollments, 1 decimal.
        public var medianDays: Double?
    }

    public struct Path: Sendable, Equatable {
        public var badges: [String]
        public var learners: Int

        public var label: String { badges.joined(separator: " → ") }
    }

    public struct Start: Sendable, Equatable {
        public var badge: String
        public var learners: Int
    }

    public var transitions: [Transition]
    public var topPaths: [Path]
    public var startingBadges: [Start]
    /// Learners with at least one enrollment in the filtered set.
    public var learners: Int
    /// Median days from enrollment to completion per badge, for the timeline chart.
    public var medianDaysToComplete: [String: Double]
    public var filters: Filters

    static let topPathLimit = 20

    /// Streams each learner's enrollments in order, one pass, keeping only the current
    /// learner's sequence in memory.
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> LearningPaths {
        let db = context.db
        let names = try NameLookup(db)
        // The badge filter chooses learners and where their sequence starts, not which
        // enrollments count: "after completing Python Basics" needs the badges that follow.
        var filters = context.filters
        let startBadge = filters.badge
        filters.badge = nil
        let filter = FilterClause(filters)

        var transitions: [Pair: [Double]] = [:]
        var paths: [[Int]: Int] = [:]
        var starts: [Int: Int] = [:]
        var learners = 0
        var currentUser: Int?
        var sequence: [(badge: Int, day: Double)] = []

        func finish() {
            var steps = sequence
            if let startBadge {
                guard let index = steps.firstIndex(where: { names.badge($0.badge) == startBadge })
                else { return }
                steps = Array(steps[index...])
            }
            guard !steps.isEmpty else { return }
            learners += 1
            starts[steps[0].badge, default: 0] += 1
            for (a, b) in zip(steps, steps.dropFirst()) {
                transitions[Pair(from: a.badge, to: b.badge), default: []].append(b.day - a.day)
            }
            if steps.count >= 2 {
                paths[steps.prefix(3).map(\.badge), default: 0] += 1
            }
        }

        try db.query(
            """
            SELECT e.user_id, e.badge_id, \(db.dialect.dayNumber("e.enrolled_at"))
            FROM enrollments e WHERE \(filter.condition)
            ORDER BY e.user_id, e.enrolled_at, e.id
            """, filter.bindings
        ) { row in
            let user = row.int(0)
            if user != currentUser {
                finish()
                sequence.removeAll(keepingCapacity: true)
                currentUser = user
            }
            let badge = row.int(1)
            // Only the first enrollment in each badge counts.
            if !sequence.contains(where: { $0.badge == badge }) {
                sequence.append((badge, row.double(2)))
            }
        }
        finish()

        let transitionList = transitions.map { pair, gaps in
            Transition(from: names.badge(pair.from), to: names.badge(pair.to), learners: gaps.count,
                       medianDays: Metrics.median(gaps))
        }.sorted { a, b in
            a.learners != b.learners ? a.learners > b.learners : (a.from, a.to) < (b.from, b.to)
        }
        let pathList = paths.map { Path(badges: $0.key.map(names.badge), learners: $0.value) }
            .sorted(by: byCountThenName(\.learners, \.label))
        let startList = starts.map { Start(badge: names.badge($0.key), learners: $0.value) }
            .sorted(by: byCountThenName(\.learners, \.badge))
        var completion: [String: Double] = [:]
        for (badge, days) in try CompletionTimes.byBadge(db, filter) {
            completion[names.badge(badge)] = Metrics.median(days)
        }
        return LearningPaths(
            transitions: transitionList, topPaths: Array(pathList.prefix(topPathLimit)),
            startingBadges: startList, learners: learners, medianDaysToComplete: completion,
            filters: context.filters)
    }

    private struct Pair: Hashable {
        var from: Int
        var to: Int
    }
}

extension LearningPaths: AnalysisOutput {
    public var json: JSONValue {
        [
            "transitions": .array(transitions.map {
                ["from": .string($0.from), "to": .string($0.to), "learners": .int($0.learners)]
            }),
            "top_paths": .array(topPaths.map {
                ["path": .array($0.badges.map(JSONValue.string)), "label": .string($0.label),
                 "learners": .int($0.learners)]
            }),
            "starting_badges": .array(startingBadges.map {
                ["badge": .string($0.badge), "learners": .int($0.learners)]
            }),
            "median_days_between": .array(transitions.map {
                ["from": .string($0.from), "to": .string($0.to), "median_days": .number($0.medianDays),
                 "learners": .int($0.learners)]
            }),
            "learners": .int(learners),
            "filters": filters.json,
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
                columns: [.init("From", .text), .init("To", .text), .init("Learners", .count),
                          .init("Median days between", .days)],
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
}
