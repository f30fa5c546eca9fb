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
    /// Learners with at least one enrollment in the filtered set.
    public var learners: Int
    /// Median days from enrollment to completion per badge, for the timeline chart.
    public var medianDaysToComplete: [String: Double]
    public var filters: Filters

    static let topPathLimit = 20

    /// Runs the analysis on a pass of its own (a build shares one pass between every
    /// analysis; see `EnrollmentScan`).
    /// - Throws: `DatabaseError` with the statement that failed.
    public static func run(_ context: AnalysisContext) throws -> LearningPaths {
        try EnrollmentScan.analyse(Aggregator.self, context)
    }

    /// Keeps only the current learner's sequence; at the learner's end it is folded into the
    /// transition, path and start counts.
    final class Aggregator: ScanAggregator, RowAggregator {
        private let filter: ScanFilter
        private let filters: Filters
        private let names: NameLookup
        /// The badge filter chooses learners and where their sequence starts, not which
        /// enrollments count: "after completing Python Basics" needs the badges that follow.
        private let startSlot: Int??
        private var sequence: [(slot: Int, second: Int)] = []
        private var transitions: [Pair: [Int32]] = [:]
        /// Paths of two or three badge slots, packed into one integer key.
        private var paths: [Int: Int] = [:]
        private var starts: [Int: Int] = [:]
        private var learners = 0
        private var durations: [[Int32]]

        init(_ context: AnalysisContext, scan: EnrollmentScan) {
            let names = scan.names
            var scope = context.filters
            scope.badge = nil
            filter = ScanFilter(scope, names: names, asOf: context.asOf)
            filters = context.filters
            self.names = names
            startSlot = context.filters.badge.map { name in
                names.badgeIDs.firstIndex { names.badges[$0]?.name == name }
            }
            durations = Array(repeating: [], count: names.badgeIDs.count)
        }

        func consume(_ record: EnrollmentRecord) {
            guard filter.matches(record) else { return }
            if let days = record.secondsToComplete { durations[record.badgeSlot].append(days) }
            // Only the first enrollment in each badge counts.
            if !sequence.contains(where: { $0.slot == record.badgeSlot }) {
                sequence.append((record.badgeSlot, record.enrolled.totalSeconds))
            }
        }

        func endLearner() {
            defer { sequence.removeAll(keepingCapacity: true) }
            var steps = sequence[...]
            if let startSlot {
                guard let startSlot, let index = steps.firstIndex(where: { $0.slot == startSlot }) else { return }
                steps = steps[index...]
            }
            guard let first = steps.first else { return }
            learners += 1
            starts[first.slot, default: 0] += 1
            for (a, b) in zip(steps, steps.dropFirst()) {
                transitions[Pair(from: a.slot, to: b.slot), default: []].append(Int32(clamping: b.second - a.second))
            }
            if steps.count >= 2 { paths[pack(steps.prefix(3).map(\.slot)), default: 0] += 1 }
        }

        /// Slots in base (badges + 1), so that 0 marks "no third badge".
        private func pack(_ slots: [Int]) -> Int {
            let base = names.badgeIDs.count + 1
            return slots.reduce(0) { $0 * base + $1 + 1 } * (slots.count == 2 ? base : 1)
        }

        private func unpack(_ key: Int) -> [Int] {
            let base = names.badgeIDs.count + 1
            let digits = [key / (base * base), key / base % base, key % base]
            return digits.filter { $0 > 0 }.map { $0 - 1 }
        }

        func result() -> LearningPaths {
            func name(_ slot: Int) -> String { names.badge(names.badgeIDs[slot]) }
            let transitionList = transitions.map { pair, gaps in
                Transition(from: name(pair.from), to: name(pair.to), learners: gaps.count,
                           medianDays: Metrics.medianDays(gaps))
            }.sorted { a, b in
                a.learners != b.learners ? a.learners > b.learners : (a.from, a.to) < (b.from, b.to)
            }
            let pathList = paths.map { Path(badges: unpack($0.key).map(name), learners: $0.value) }
                .sorted(by: byCountThenName(\.learners, \.label))
            let startList = starts.map { Start(badge: name($0.key), learners: $0.value) }
                .sorted(by: byCountThenName(\.learners, \.badge))
            var completion: [String: Double] = [:]
            for (slot, seconds) in durations.enumerated() where !seconds.isEmpty {
                completion[name(slot)] = Metrics.medianDays(seconds)
            }
            return LearningPaths(
                transitions: transitionList, topPaths: Array(pathList.prefix(LearningPaths.topPathLimit)),
                startingBadges: startList, learners: learners, medianDaysToComplete: completion,
                filters: filters)
        }
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
