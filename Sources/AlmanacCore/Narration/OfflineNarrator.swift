/// Writes a plain-language summary from the numbers alone, with no language model, so that
/// every build produces a readable page. Its sentences quote figures exactly as the tables
/// show them.
public struct OfflineNarrator: Sendable {
    public init() {}

    /// The label a page shows under a summary written here.
    public static let label =
        "Summary written by Almanac's offline narrator, without a language model."

    public func narrate(_ output: any AnalysisOutput, question: Question) -> String {
        switch output {
        case let result as any Analysis: return result.summary()
        case let result as CustomSQL: return narrate(result)
        default: return "No summary is available for this analysis."
        }
    }

    func narrate(_ result: BadgeEnrollments) -> String {
        let totals = result.totals
        guard totals.enrollments > 0 else {
            return
                "There are no enrollments\(scope(result.filters)), so there is nothing to compare yet."
        }
        let active = result.badges.filter { $0.enrollments > 0 }
        if active.count == 1, let badge = active.first {
            var text =
                "\(md(badge.badge)) has \(count(badge.enrollments, "enrollment")) from \(count(badge.learners, "learner")). "
            text += "\(NumberText.percent(badge.completionRate)) completed it"
            let platform = Metrics.rate(result.reference.completed, result.reference.enrollments)
            if result.filters.badge != nil, result.reference.enrollments > badge.enrollments {
                let side =
                    badge.completionRate > platform
                    ? "above" : badge.completionRate < platform ? "below" : "level with"
                let scope = result.filters.organization.map { " for all badges at \(md($0))" } ?? ""
                text +=
                    scope.isEmpty
                    ? ", \(side) the platform's \(NumberText.percent(platform))"
                    : ", \(side) the \(NumberText.percent(platform))\(scope)"
            }
            if let median = badge.medianDaysToComplete {
                text +=
                    "; half of those who finished took \(Self.days(median)) or less."
            } else {
                text += ", and none has finished yet."
            }
            text +=
                " \(NumberText.count(badge.dropped)) dropped out and \(NumberText.count(badge.inProgress)) \(badge.inProgress == 1 ? "is" : "are") still in progress."
            return text
        }
        var sentences: [String] = []
        sentences.append(
            "Across \(count(totals.badges, "badge")) there \(totals.enrollments == 1 ? "is" : "are") \(count(totals.enrollments, "enrollment")) from \(count(totals.learners, "learner")), and \(NumberText.percent(totals.completionRate)) of the enrollments are completed."
        )
        let leaders = active.prefix(3)
        let tied = Tie.leading(active, by: { Double($0.enrollments) })
        if tied.count > 1, let first = tied.first {
            sentences.append(
                mostTied(tied.map(\.badge), first.enrollments, of: active.count, plural: "badges"))
        } else if let first = leaders.first {
            var sentence =
                "\(md(first.badge)) is the most popular with \(NumberText.count(first.enrollments)) enrollments"
            var others = leaders.dropFirst().map {
                "\(md($0.badge)) (\(NumberText.count($0.enrollments)))"
            }
            // The badges tied with the third are named too, or counted when many: "followed
            // by … and Data Visualization (34)" left out Python Basics' 34 (blind test 60).
            if leaders.count == 3, let third = leaders.last {
                let tied = active.dropFirst(3).prefix { $0.enrollments == third.enrollments }
                let level = leaders.dropFirst().filter { $0.enrollments == third.enrollments }
                if tied.count > 2 {
                    // Every badge after the first at the third's count, the second too.
                    others.removeLast(level.count)
                    others.append(
                        "\(level.count + tied.count) badges tied at \(NumberText.count(third.enrollments))"
                    )
                } else {
                    others += tied.map { "\(md($0.badge)) (\(NumberText.count($0.enrollments)))" }
                }
            }
            if !others.isEmpty { sentence += ", followed by " + Lead.list(others) }
            sentences.append(sentence + ".")
        }
        // Rates of tiny badges are noise; compare only badges with a fair number of learners.
        let comparable = active.filter { $0.enrollments >= Self.comparable }
        if comparable.count >= 2 {
            let among = Self.among("badges", comparable.count, of: active.count)
            let text = extremes(
                comparable.map { ($0.badge, $0.completionRate) }, plural: "badges",
                wording: .highestLowest, alone: among.isEmpty)
            sentences.append(among + text + ".")
        }
        return sentences.joined(separator: " ")
    }

    func narrate(_ result: OrganizationTrends) -> String {
        let total = result.totals.enrollments
        let active = result.organizations.filter { $0.enrollments > 0 }
        // The window in words: the default one has a good phrase; a question's own, its dates.
        var window =
            result.filters.dateRange == nil
            ? "in " + md(result.window.phrase) : between(result.window)
        var filters = result.filters
        filters.dateRange = nil
        guard total > 0 else {
            return "There were no enrollments\(scope(filters)) \(window)."
        }
        let named = active.filter { $0.organization != Scope.noOrganization }
        // "From 0 organizations and from learners with no organization" (an attack run).
        var sources = count(named.count, "organization")
        if named.count < active.count {
            sources =
                named.isEmpty
                ? "learners with no organization"
                : sources + " and from learners with no organization"
        }
        window = window.prefix(1).uppercased() + window.dropFirst()
        var sentences: [String] = []
        if let organization = filters.organization {
            // One organization: say what it did, not that it came from one organization.
            filters.organization = nil
            sentences.append(
                "\(window == "" ? "" : window + ", ")\(md(organization)) had \(count(total, "enrollment"))\(scope(filters))."
            )
        } else {
            sentences.append(
                "\(window == "" ? "" : window + ", ")\(count(total, "enrollment")) came from \(sources)\(scope(filters))."
            )
        }
        // Learners with no organization are counted, not ranked among the organizations: the
        // lead sentence says so, and "(no organization) led with 3,120" contradicted it.
        let tied = Tie.leading(named, by: { Double($0.enrollments) })
        if tied.count > 1, let first = tied.first {
            sentences.append(
                mostTied(
                    tied.map(\.organization), first.enrollments, of: named.count,
                    plural: "organizations"))
        } else if let first = named.first, named.count > 1 {
            let others = named.dropFirst().prefix(2).map {
                "\(md($0.organization)) (\(NumberText.count($0.enrollments)))"
            }
            sentences.append(
                "\(md(first.organization)) led with \(NumberText.count(first.enrollments)), followed by \(others.joined(separator: " and "))."
            )
        }
        // Whole periods only: a week cut by the window's ends holds fewer days than the rest.
        let coverage = PeriodCoverage(window: result.window, asOf: nil, firstDay: result.dataBegins)
        let perPeriod = result.byPeriod.filter { !coverage.isPartial($0.period) }.map {
            ($0.period, $0.enrollments)
        }
        if let peak = perPeriod.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), let last = perPeriod.last,
            perPeriod.count > 1
        {
            let unit = result.granularity.rawValue
            // Every period tied at the peak is named: "peaked in 2026-W21 with 75; the latest
            // whole week, 2026-W22, had 75" read as one peak (a blind test).
            let peaks = perPeriod.filter { $0.1 == peak.1 }.map(\.0)
            if peaks.count > 1 {
                let latest =
                    peaks.contains(last.0)
                    ? "" : "; the latest whole \(unit), \(last.0), had \(NumberText.count(last.1))"
                sentences.append(
                    "Enrollments peaked at \(NumberText.count(peak.1)) in \(peaks.count) \(unit)s, tied: \(Tie.names(peaks))\(latest)."
                )
            } else if peak.0 == last.0 {
                sentences.append(
                    "Enrollments peaked in the latest whole \(unit), \(last.0), with \(NumberText.count(last.1))."
                )
            } else {
                // A day is "on 2026-08-17"; a week, month or quarter "in" it.
                let preposition = unit == "day" ? "on" : "in"
                sentences.append(
                    "Enrollments peaked \(preposition) \(peak.0) with \(NumberText.count(peak.1)); the latest whole \(unit), \(last.0), had \(NumberText.count(last.1))."
                )
            }
        }
        let comparable = named.filter { $0.enrollments >= Self.comparable }
            .sorted { ($0.completionRate, $1.organization) > ($1.completionRate, $0.organization) }
        if let best = comparable.first, named.count > 1 {
            // Tied organizations are all named, or, when all are level, none is singled out.
            let among = Self.among("organizations", comparable.count, of: named.count)
            let rate = NumberText.percent(best.completionRate)
            let tied = Tie.leading(comparable, by: \.completionRate).map { md($0.organization) }
            var text =
                tied.count > 1 && tied.count == comparable.count
                ? Tie.all(tied.count, plural: "organizations", what: "completion rate", value: rate)
                : Tie.phrase(
                    tied, plural: "organizations", what: "the highest completion rate",
                    value: rate, single: "has the highest completion rate, \(rate)")
            if among.isEmpty { text = Tie.capitalized(text) }
            sentences.append(among + text + ".")
        }
        return sentences.joined(separator: " ")
    }

    func narrate(_ result: CompletionMetrics) -> String {
        let overall = result.overall
        guard overall.enrollments > 0 else {
            return
                "There are no enrollments\(scope(result.filters)), so there is no completion or drop-out rate to report."
        }
        // "Made": the window counts when the enrollments began, where a lead on completions
        // in the same window counts when they ended, and the two numbers differ.
        var undated = result.filters
        undated.dateRange = nil
        let made = result.filters.dateRange.map { " made " + between($0) } ?? ""
        // The statuses are the report date's, not the window's end: "completions as of
        // 2025-12-31: 8,267" stood beside "of 15,603 enrollments made up to 2025-12-31, 8,686
        // were completed", two counts of one day to a blind test.
        let by = made.isEmpty ? "" : " by the report's date"
        var sentences = [
            "Of \(count(overall.enrollments, "enrollment"))\(scope(undated))\(made), \(NumberText.count(overall.completed)) \(overall.completed == 1 ? "was" : "were") completed\(by) (\(NumberText.percent(overall.completionRate))) and \(NumberText.count(overall.dropped)) dropped (\(NumberText.percent(overall.dropRate)))."
        ]
        if let median = result.overallMedianDays {
            sentences.append(
                "Half of those who finished took \(Self.days(median)) or less."
            )
        }
        let badges = result.byBadge.filter { $0.counts.enrollments >= Self.comparable }
        // Best and worst only when they differ: "completes best at 0.0%, and worst at 0.0%"
        // (a window that has just begun) says nothing.
        if badges.count >= 2, Set(badges.map(\.counts.completionRate)).count > 1 {
            let among = Self.among(
                "badges", badges.count, of: result.byBadge.count { $0.counts.enrollments > 0 })
            let text = extremes(
                badges.map { ($0.name, $0.counts.completionRate) }, plural: "badges",
                wording: .bestWorst, alone: among.isEmpty)
            sentences.append(among + text + ".")
        }
        // Learners with no organization are not ranked among the organizations (the lead
        // sentence says so); "(no organization) trails at 15.0 %" followed it.
        let ranked = result.byOrganization.filter { $0.name != Scope.noOrganization }
        let organizations = ranked.filter { $0.counts.enrollments >= Self.comparable }
        if organizations.count >= 2, Set(organizations.map(\.counts.completionRate)).count > 1 {
            let all = ranked.count { $0.counts.enrollments > 0 }
            let text = extremes(
                organizations.map { ($0.name, $0.counts.completionRate) },
                plural: "organizations", wording: .leadsTrails, alone: false)
            sentences.append(
                (all > organizations.count
                    ? "Among organizations with enough enrollments to compare, "
                    : "Among organizations, ") + text + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// "15.2 days", "1 day" ("took 1 days", blind test 47).
    static func days(_ value: Double) -> String {
        let written = NumberText.decimal(value, places: 1)
        return written + (written == "1" ? " day" : " days")
    }

    /// Rates of groups with fewer enrollments are noise: the best and the worst are named
    /// among those with at least this many.
    static let comparable = InsightFinder.comparableRate

    /// "Of badges with enough enrollments to compare, " when smaller ones were left out of a
    /// best and a worst, so the sentence does not claim the whole table. No number: the
    /// narration's figures are checked against the data, and the threshold is not in it.
    /// When few are left, it says how many in words ("Of the two badges …"), so that a reader
    /// does not take the worst of two for the worst of all.
    static func among(_ noun: String, _ kept: Int, of all: Int) -> String {
        guard kept < all else { return "" }
        let words = ["two", "three", "four", "five"]
        let few = (2...5).contains(kept) ? "the \(words[kept - 2]) " : ""
        return "Of \(few)\(noun) with enough enrollments to compare, "
    }

    func narrate(_ result: LearningPaths) -> String {
        guard result.learners > 0 else {
            return
                "No learner has enrollments\(scope(result.filters)), so there are no paths to show."
        }
        if let badge = result.filters.badge {
            var filters = result.filters
            filters.badge = nil
            var sentences = [
                "\(count(result.learners, "learner")) took \(md(badge))\(scope(filters))."
            ]
            if let step = result.transitions.first(where: { $0.from == badge }) {
                var sentence =
                    "The most common next badge is \(md(step.to)), taken by \(count(step.learners, "learner"))"
                if let days = step.medianDays {
                    sentence += " a median of \(NumberText.decimal(days, places: 1)) days later"
                }
                sentences.append(sentence + ".")
            } else {
                sentences.append("None of them has gone on to another badge yet.")
            }
            if let path = result.topPaths.first(where: { $0.badges.count == 3 }) {
                sentences.append(
                    "The most common three-badge path from there is \(md(path.label)), taken by \(count(path.learners, "learner"))."
                )
            }
            return sentences.joined(separator: " ")
        }
        var sentences = [
            "\(count(result.learners, "learner")) took badges\(scope(result.filters))."
        ]
        // Rows tied for the first place are all named: a blind test read "the most common first
        // badge is B (1 of the 2 learners)" where A had 1 too.
        let paths = Tie.leading(result.topPaths, by: { Double($0.learners) })
        // A path of two badges ends there: "A → B and A → B → C, taken by 18 learners each"
        // read as if 18 took the step from A to B, where 168 did (blind test 75).
        func named(_ path: LearningPaths.Path) -> String {
            md(path.label) + (path.badges.count == 2 ? " (and no third badge)" : "")
        }
        if let path = paths.first, paths.count > 1,
            paths.count >= LearningPaths.topPathLimit, paths.count > Tie.named + 1
        {
            // Every path kept ties, so how many more tie beyond them is not known: "and 17
            // more" counted the kept 20 of 21, a figure found nowhere in the data, which the
            // page then said it could not find (blind test 57).
            sentences.append(
                "The most common paths are \(paths.prefix(Tie.named).map(named).joined(separator: ", ")) and others tied with them, taken by \(count(path.learners, "learner")) each."
            )
        } else if let path = paths.first, paths.count > 1 {
            sentences.append(
                "The most common paths are \(Tie.names(paths.map(named))), taken by \(count(path.learners, "learner")) each."
            )
        } else if let path = paths.first {
            sentences.append(
                "The most common path is \(named(path)), taken by \(count(path.learners, "learner"))."
            )
        } else {
            sentences.append("None of them has gone on to a second badge yet.")
        }
        let steps = Tie.leading(result.transitions, by: { Double($0.learners) })
        if let step = steps.first, steps.count > 1 {
            let pairs = steps.map { "from \(md($0.from)) to \(md($0.to))" }
            sentences.append(
                "The most frequent next steps are \(Tie.names(pairs)) (\(count(step.learners, "learner")) each)."
            )
        } else if let step = steps.first {
            var sentence =
                "The most frequent next step is from \(md(step.from)) to \(md(step.to)) (\(count(step.learners, "learner"))"
            if let days = step.medianDays {
                sentence += ", a median of \(NumberText.decimal(days, places: 1)) days apart"
            }
            sentences.append(sentence + ").")
        }
        let starts = Tie.leading(result.startingBadges, by: { Double($0.learners) })
        if let start = starts.first, result.filters.badge == nil {
            // "Most learners start with" would claim a majority; the first badge is only the
            // most common one, often of a quarter of them.
            let (badges, each) =
                starts.count > 1
                ? ("badges are \(Tie.names(starts.map { md($0.badge) }))", " each")
                : ("badge is \(md(start.badge))", "")
            sentences.append(
                "The most common first \(badges) (\(NumberText.count(start.learners)) of the \(count(result.learners, "learner"))\(each))."
            )
        }
        return sentences.joined(separator: " ")
    }

    private func narrate(_ result: CustomSQL) -> String {
        guard let first = result.rows.first else {
            return "The query returned no rows."
        }
        let cells = zip(result.columns, first).map {
            "\(md(DisplayName.visible($0))) \(md(NumberText.cell($1, .decimal)))"
        }
        // A cut result's size is not known: the rows past the limit were never read.
        let returned =
            result.truncated
            ? "more than \(count(CustomSQL.rowLimit, "row")) (only the first \(NumberText.count(CustomSQL.rowLimit)) are kept)"
            : count(result.rows.count, "row")
        return
            "The query returned \(returned) with the columns \(result.columns.map { md(DisplayName.visible($0)) }.joined(separator: ", ")). The first row has \(cells.joined(separator: ", "))."
    }

    // MARK: - Words

    /// A name from the data, made inert in Markdown: a badge called `<b>x</b>` reads as
    /// text, not markup (which the safe renderer would silently drop).
    /// A name as the summary quotes it: cut to `DisplayName.limit`, then escaped.
    func md(_ text: String) -> String {
        MarkdownText.escape(DisplayName.cut(text))
    }

    /// "1 learner", "2,345 learners".
    private func count(_ value: Int, _ noun: String) -> String {
        "\(NumberText.count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// " for Python Basics at Acme & Sons between 2024-03-01 and 2026-09-30", or nothing.
    func scope(_ filters: Filters) -> String {
        var parts: [String] = []
        if let badge = filters.badge { parts.append(md(badge)) }
        if let organization = filters.organization {
            // A real organization named like the placeholder is said to be one: "Completion
            // rate for (no organization): 100.00%" read as the learners with none (0.00 %), an
            // attack run.
            let named = organization == Scope.noOrganization ? "the organization named " : ""
            parts.append(named + md(organization))
        }
        var text = parts.isEmpty ? "" : " for " + parts.joined(separator: " at ")
        if let range = filters.dateRange { text += " " + between(range) }
        return text
    }

    /// "between 2024-03-01 and 2024-03-31": the days a window covers, both included.
    func between(_ range: DateRange) -> String {
        switch (range.start, range.end) {
        case (let start?, let end?) where start.adding(days: 1) == end: return "on \(start)"
        case (let start?, let end?): return "between \(start) and \(end.adding(days: -1))"
        case (let start?, nil): return "since \(start)"
        case (nil, let end?): return "up to \(end.adding(days: -1))"
        case (nil, nil): return ""
        }
    }
}

// MARK: - Each kind's summary

extension BadgeEnrollments {
    public func summary() -> String { OfflineNarrator().narrate(self) }
}

extension OrganizationTrends {
    public func summary() -> String { OfflineNarrator().narrate(self) }
}

extension CompletionMetrics {
    public func summary() -> String { OfflineNarrator().narrate(self) }
}

extension LearningPaths {
    public func summary() -> String { OfflineNarrator().narrate(self) }
}
