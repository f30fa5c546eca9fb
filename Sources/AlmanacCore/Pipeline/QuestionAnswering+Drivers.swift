import Foundation

/// What drove every move the report shows: each question's comparison with the previous
/// window, its unusual and record weeks, and the index's last 7 days. Their windows are
/// counted by the shared statement `DriverCounts.statement`: those known before any SQL runs
/// in the analyses' pool (`EarlyDrivers`), the weekly facts' right after it, inside the
/// build's snapshot; the split itself is arithmetic on those counts (`DriverSplit`).
extension QuestionAnswering {
    /// One move: a measure counted in two windows.
    private struct Move {
        /// Where its drivers go.
        enum Target {
            /// A new `change` insight of question `question`.
            case comparison(question: Int, PeriodChangeSeed)
            /// The insight at `insight` of question `question`, an unusual change or a record.
            case weekly(question: Int, insight: Int)
            /// The index's last 7 days.
            case week(String)
        }

        var target: Target
        var before: DriverWindow
        var after: DriverWindow
        var split: DriverSplit.Move
    }

    /// The `change` insight's numbers before its drivers are known.
    private struct PeriodChangeSeed {
        var previous: Double
        var current: Double
        var change: Double
        var against: String
    }

    /// The measures of a comparison that split into drivers: counts and the completion rate;
    /// a median does not split into parts, and learning paths' learners are split by first
    /// badge (`contribution`) already. Not the drop-out rate: drop-outs carry no date, so an
    /// earlier window counts every drop known today and a recent window's rate is lower by
    /// construction (a blind test found "Drop rate fell by 16.23 points" where every month
    /// since March was 36 to 39 %); its move is no fact to explain.
    static let splitMeasures: Set<String> = [
        "enrollments", "completed", "learners", "completion_rate",
    ]

    /// Adds drivers to the questions' insights (`analysed`, in question order), and returns
    /// the drivers of the index's last 7 days by measure (`enrollments`, `learners`,
    /// `completions`), the statement that ran (nil when every window was known) and its plan
    /// step.
    /// - Parameters:
    ///   - counts: the counts of the windows known before the analyses ran (the last
    ///     build's, and the early statement's); the weekly facts' windows, known only now,
    ///     are read from `earlier` or counted here.
    ///   - earlier: the last build's cache, read before this build's analyses replaced it;
    ///     this build's counts are stored into `cache`.
    func addDrivers(
        to analysed: inout [Analysed], matches: [Match], weekly: [Filters: WeeklySeries],
        counts known: [DriverWindow: DriverCounts], earlier: AnalysisCache,
        cache: inout AnalysisCache
    ) async throws -> (week: [String: Drivers], sql: [String], plan: PlanStep?) {
        let moves = self.moves(analysed, matches: matches, weekly: weekly)
        var windows: [DriverWindow] = []
        for move in moves {
            for window in [move.before, move.after] where !windows.contains(window) {
                windows.append(window)
            }
        }
        var counts = known
        for window in windows where counts[window] == nil {
            counts[window] = earlier.drivers(for: window, learners: false)
        }
        let missing = windows.filter { counts[$0] == nil }
        var ran: (sql: [String], step: PlanStep)?
        if !missing.isEmpty {
            let dialect =
                earlier.knowsThisData
                ? source.db.dialect : source.db.dialect.readingTemporaryTables()
            let statement = DriverCounts.statement(for: missing, in: dialect)
            let started = ContinuousClock.now
            let (done, _) = await AnalysisRunner.execute(
                [.statement(statement)], workers: 1, first: source.db, open: { nil })
            let set = try BuildError.wrapping(.analytics, nil) {
                guard case .rows(let set) = try done[0].result.get() else {
                    return ResultSet(columns: [], rows: [])
                }
                return set
            }
            for (window, counted) in zip(
                missing, DriverCounts.counts(from: set, of: statement, windows: missing))
            {
                counts[window] = counted
            }
            ran = (
                statement.preparation + [statement.inlined],
                PlanStep(
                    name: statement.name, scopes: missing.count, rows: set.rows.count,
                    milliseconds: AnalysisRunner.milliseconds(since: started))
            )
        }
        for (window, counted) in counts { cache.store(counted, for: window) }

        var weekDrivers: [String: Drivers] = [:]
        var changes: [Int: [Insight]] = [:]
        for move in moves {
            guard let before = counts[move.before], let after = counts[move.after] else { continue }
            guard let drivers = DriverSplit.drivers(of: move.split, before: before, after: after)
            else { continue }
            switch move.target {
            case .comparison(let question, let seed):
                // A total that moved no more than chance gives is no fact worth listing, except
                // the enrollments of a growth question: that change is its answer.
                let asked =
                    matches[question].intent.measure == .growth
                    && move.split.measure == "enrollments"
                guard !drivers.withinChance || asked else { continue }
                changes[question, default: []].append(
                    .change(
                        Insight.PeriodChange(
                            measure: move.split.measure, previous: seed.previous,
                            current: seed.current,
                            change: seed.change, against: seed.against, drivers: drivers)))
            case .weekly(let question, let index):
                switch analysed[question].insights[index] {
                case .unusualChange(var fact):
                    fact.drivers = drivers
                    analysed[question].insights[index] = .unusualChange(fact)
                case .record(var fact):
                    fact.drivers = drivers
                    analysed[question].insights[index] = .record(fact)
                default: break
                }
            case .week(let measure):
                weekDrivers[measure] = drivers
            }
        }
        // A total's move comes after the weekly facts, before the slices' movers.
        for (question, facts) in changes {
            let insights = analysed[question].insights
            let position =
                insights.firstIndex {
                    if case .unusualChange = $0 { return false }
                    if case .record = $0 { return false }
                    return true
                } ?? insights.count
            analysed[question].insights.insert(contentsOf: facts, at: position)
        }
        return (weekDrivers, ran?.sql ?? [], ran?.step)
    }

    /// The counts of the windows known before any SQL runs: the last build's where it kept
    /// them, and the statement that counts the others in the analyses' pool.
    struct EarlyDrivers {
        var counts: [DriverWindow: DriverCounts] = [:]
        var statement: SQLStatement?
        private var uncounted: [DriverWindow]
        private var learners: Set<DriverWindow>

        init(
            _ early: (windows: [DriverWindow], learners: Set<DriverWindow>), _ cache: AnalysisCache,
            _ dialect: any SQLDialect
        ) {
            learners = early.learners
            var known: [DriverWindow: DriverCounts] = [:]
            for window in early.windows {
                known[window] = cache.drivers(
                    for: window, learners: early.learners.contains(window))
            }
            counts = known
            uncounted = early.windows.filter { known[$0] == nil }
            statement =
                uncounted.isEmpty
                ? nil : DriverCounts.statement(for: uncounted, learners: learners, in: dialect)
        }

        /// Takes in what the statement returned.
        mutating func read(_ set: ResultSet) {
            guard let statement else { return }
            let counted = DriverCounts.counts(
                from: set, of: statement, windows: uncounted, learners: learners)
            for (window, counts) in zip(uncounted, counted) { self.counts[window] = counts }
        }
    }

    /// The windows known before any SQL runs: each question's comparison windows and the
    /// index's last 7 days; and those of them whose moves count distinct learners.
    func earlyDriverWindows(_ matches: [Match], _ windows: [ComparisonWindows?]) -> (
        windows: [DriverWindow], learners: Set<DriverWindow>
    ) {
        var result: [DriverWindow] = []
        var learners = Set<DriverWindow>()
        func add(_ window: DriverWindow, learners counted: Bool) {
            if !result.contains(window) { result.append(window) }
            if counted { learners.insert(window) }
        }
        for (match, window) in zip(matches, windows) where Self.splits(match) {
            guard let window, covered(window) else { continue }
            let pair = Self.driverWindows(match, window)
            let counted = match.kind.keyMeasures?.totals.contains("learners") ?? false
            add(pair.previous, learners: counted)
            add(pair.current, learners: counted)
        }
        if let week {
            let windows = Self.driverWindows(week)
            for window in windows.enrolled { add(window, learners: true) }
            for window in windows.completed { add(window, learners: false) }
        }
        return (result, learners)
    }

    /// Whether the data covers the whole previous window: one that begins before the first
    /// enrollment is empty, in part or whole, because the data had not begun, not because
    /// anything moved, and its move is not split.
    private func covered(_ windows: ComparisonWindows) -> Bool {
        guard let first = source.firstDay else { return true }
        guard let start = windows.previous.start else { return false }
        return start >= first
    }

    /// Whether the data covers more than nineteen twentieths of the previous window, so that
    /// its top movers, contributions and drivers are told: against a window partly before the
    /// data began, every badge would "rise" from less than it had ("2024 to 2025 against 2022
    /// to 2023").
    func mostlyCovered(_ windows: ComparisonWindows) -> Bool {
        Self.mostlyCovered(windows, firstDay: source.firstDay)
    }

    static func mostlyCovered(_ windows: ComparisonWindows, firstDay: CivilDate?) -> Bool {
        guard let first = firstDay else { return true }
        guard let start = windows.previous.start, let end = windows.previous.end else {
            return false
        }
        let days = end.daysSinceEpoch - start.daysSinceEpoch
        // As the Change table's caveat: a twentieth or more uncovered is a window the data
        // covers in part. "Python Basics rose most (820 to 2,009)" was told against 21 months
        // of which the data held 12 (blind test 81; the rule was half).
        return 20 * (end.daysSinceEpoch - max(start, first).daysSinceEpoch) > 19 * days
    }

    /// Whether a question's comparison is split: learning paths' learners are split by
    /// first badge already (`contribution`), and custom SQL has no key measures. Any
    /// question's weekly facts are.
    private static func splits(_ match: Match) -> Bool {
        match.kind != .learningPaths && match.kind.keyMeasures != nil
    }

    /// A question's previous and current windows, each counted as of its own date.
    private static func driverWindows(_ match: Match, _ windows: ComparisonWindows) -> (
        previous: DriverWindow, current: DriverWindow
    ) {
        let (badge, organization) = (match.filters.badge, match.filters.organization)
        let through = windows.asOf.adding(days: 1)
        let previousThrough = windows.previousAsOf.adding(days: 1)
        return (
            DriverWindow(
                badge: badge, organization: organization, from: windows.previous.start,
                until: min(windows.previous.end ?? previousThrough, previousThrough),
                through: previousThrough),
            DriverWindow(
                badge: badge, organization: organization, from: windows.current.start,
                until: min(windows.current.end ?? through, through), through: through)
        )
    }

    /// The index's 7 days before and last 7 days, for enrollments and for completions.
    private static func driverWindows(_ week: WeeklyChange) -> (
        enrolled: [DriverWindow], completed: [DriverWindow]
    ) {
        let through = week.asOf.adding(days: 1)
        let enrolled = [
            DriverWindow(from: week.start.adding(days: -7), until: week.start, through: through),
            DriverWindow(from: week.start, until: through, through: through),
        ]
        let completed = enrolled.map {
            var window = $0
            window.counting = .completed
            return window
        }
        return (enrolled, completed)
    }

    /// Every move of the build whose drivers are looked for.
    private func moves(
        _ analysed: [Analysed], matches: [Match], weekly: [Filters: WeeklySeries]
    ) -> [Move] {
        var moves: [Move] = []
        let through = source.asOf.adding(days: 1)
        for (question, match) in matches.enumerated() {
            let result = analysed[question]
            let (badge, organization) = (match.filters.badge, match.filters.organization)
            if Self.splits(match), let comparison = result.comparison, covered(comparison.windows) {
                let (previous, current) = Self.driverWindows(match, comparison.windows)
                for row in comparison.totals where Self.splitMeasures.contains(row.measure) {
                    guard let before = row.previous, let after = row.current,
                        let change = row.change, change != 0
                    else { continue }
                    let seed = PeriodChangeSeed(
                        previous: before, current: after, change: change,
                        against: InsightFinder.against(comparison))
                    moves.append(
                        Move(
                            target: .comparison(question: question, seed), before: previous,
                            after: current,
                            split: DriverSplit.Move(
                                row.measure, baseline: "in \(seed.against)",
                                expected: (before, after), earlierStart: previous.from)))
                }
            }
            guard let series = weekly[match.filters] else { continue }
            for (index, insight) in result.insights.enumerated() {
                let (measure, week, value): (String, CivilDate, Int)
                switch insight {
                case .unusualChange(let fact):
                    (measure, week, value) = (fact.measure, fact.week, fact.value)
                case .record(let fact):
                    (measure, week, value) = (fact.measure, fact.week, fact.value)
                default: continue
                }
                let counted = measure == "completed" ? series.completions : series.enrollments
                let earlier = counted.filter { $0.week < week }.suffix(InsightFinder.baselineWeeks)
                guard !earlier.isEmpty, let first = earlier.first?.week else { continue }
                let counting: DriverWindow.Counting =
                    measure == "completed" ? .completed : .enrolled
                let mean = Double(earlier.reduce(0) { $0 + $1.count }) / Double(earlier.count)
                moves.append(
                    Move(
                        target: .weekly(question: question, insight: index),
                        before: DriverWindow(
                            badge: badge, organization: organization, from: first, until: week,
                            through: through, counting: counting),
                        after: DriverWindow(
                            badge: badge, organization: organization, from: week,
                            until: week.adding(days: 7), through: through, counting: counting),
                        split: DriverSplit.Move(
                            measure == "completed" ? "completions" : measure,
                            baseline: "over the \(earlier.count) weeks before",
                            expected: (mean, Double(value)), weeks: earlier.count,
                            earlierStart: first)))
            }
        }
        if let week {
            let windows = Self.driverWindows(week)
            for (measure, counted, pair) in [
                ("enrollments", week.enrollments, windows.enrolled),
                ("learners", week.learners, windows.enrolled),
                ("completions", week.completions, windows.completed),
            ] {
                moves.append(
                    Move(
                        target: .week(measure), before: pair[0], after: pair[1],
                        split: DriverSplit.Move(
                            measure, baseline: "in the 7 days before",
                            expected: (Double(counted.previous), Double(counted.current)),
                            earlierStart: pair[0].from)))
            }
        }
        return moves
    }
}
