import Foundation

/// Narration: every question's explanation, checked against its numbers.
extension QuestionAnswering {
    // MARK: - Narration

    /// Every report's narration, checked against its data; the answer cache learns which
    /// entries were used (with `routingKeys`) before any check can fail the build.
    /// The measure a question asks for; nil for custom SQL, which names none.
    /// The measure the opening's insight must be about. Completions counted by the day they
    /// happened have no key measure of their own: the insights' "completed" counts completed
    /// enrollments of the window, another number, so none opens such a page.
    private func measure(_ report: QuestionReport) -> Measure? {
        let match = report.match
        guard match.kind != .customSQL else { return nil }
        if match.intent.measure == .completions, match.windowColumn == "completed_at" {
            return nil
        }
        return match.intent.measure
    }

    /// Whether a question's lead names badges or organizations rather than its total.
    static func namesSlices(_ match: Match) -> Bool {
        match.intent.dimension == .badge || match.intent.dimension == .organization
    }

    func narrate(
        _ reports: consuming [QuestionReport], milliseconds: [Int], routingKeys: Set<String>
    ) async throws -> ([QuestionReport], fellBack: Bool) {
        let modelWanted = narration.model != nil && narration.mode != .off
        let leads = reports.map { report in
            report.answer.flatMap { Lead.sentence(for: $0, filters: report.match.filters) }
                .map { $0 + growthTotal(report) + beforeTheData(report) }
        }
        let items = zip(reports, leads).map { report, lead in
            NarrationItem(
                question: report.question, output: report.output, stats: source.stats,
                intent: report.match.kind == .customSQL ? nil : report.match.intentSummary,
                lead: lead, insights: report.insights,
                // Only a model's prompt reads it.
                comparison: modelWanted ? report.comparison?.json ?? .null : .null,
                measure: measure(report), across: report.match.acrossAll,
                comparesWindows: report.match.versus != nil,
                leadNamesSlices: Self.namesSlices(report.match))
        }
        let narrated = await Narrator(settings: narration).narrate(items)
        warnings.add(narrated.warnings)
        var fellBack = narrated.narrations.contains { narration in
            switch narration.source {
            case .offline: return modelWanted
            case .offlineAfterFailure: return true
            case .cache, .model, .offlineUngrounded: return false
            }
        }
        if recordsCacheUse {
            recordCacheUse(routingKeys.union(modelWanted ? narrated.usedKeys : []))
        }
        var ungrounded: [String] = []
        var replaced = false
        let offlines = reports.indices.map { index in
            reports[index].narration = narrated.narrations[index]
            return NarrationItem(
                question: reports[index].question, output: reports[index].output,
                stats: source.stats, lead: leads[index], insights: reports[index].insights,
                measure: measure(reports[index]), across: reports[index].match.acrossAll,
                comparesWindows: reports[index].match.versus != nil,
                leadNamesSlices: Self.namesSlices(reports[index].match))
        }
        // Every answer's figures are checked on every core: a check reads its own report.
        let (stats, keepsModelAnswers) = (source.stats, options.requireGrounded)
        let grounded = await Array(zip(consume reports, offlines)).concurrentMap {
            report, offline in
            var report = report
            let check = report.ground(
                stats: stats, offline: { offline.offline }, keepsModelAnswers: keepsModelAnswers)
            return (report, check)
        }
        for (index, (report, check)) in grounded.enumerated() {
            if !check.unverified.isEmpty {
                ungrounded.append(
                    "question `\(report.question.id)`: \(check.unverified.joined(separator: ", "))")
            }
            fellBack = fellBack || check.fellBack
            replaced = replaced || check.fellBack
            log(
                .question(
                    id: report.question.id, kind: report.match.kind.rawValue,
                    rows: report.output.rowCount,
                    milliseconds: milliseconds[index], narration: report.narration.progress))
        }
        if !ungrounded.isEmpty {
            if options.requireGrounded {
                throw BuildError(.narration, GroundingFailure(questions: ungrounded))
            }
            // Only a model's answer is replaced; an offline summary is what it is.
            warnings.add(
                "answers quote figures that are not in their data"
                    + (replaced ? " (model answers were replaced by the offline narration)" : "")
                    + ": " + ungrounded.joined(separator: "; "))
        }
        return (grounded.map(\.0), fellBack)
    }

    /// What a growth question asks, when no change fact says it: the window's enrollments
    /// against the period before, after the series ("How have enrollments grown in 2025?" was
    /// answered "went from 985 in 2025-01 to 708 in 2025-12", which reads as a fall, for a
    /// year that nearly doubled). Empty otherwise.
    func growthTotal(_ report: QuestionReport) -> String {
        guard report.match.intent.measure == .growth, report.answer?.isTimeline == true,
            let comparison = report.comparison,
            let row = comparison.totals.first(where: { $0.measure == "enrollments" }),
            let current = row.current,
            !report.insights.contains(where: {
                if case .change(let fact) = $0 { return fact.measure == "enrollments" }
                return false
            })
        else { return "" }
        let earlier = comparison.windows.previous
        let dates = earlier.days
        if let first = source.firstDay, let end = earlier.end, end <= first {
            let count = Int(current.rounded())
            return
                " The data begins on \(first), after the period before (\(dates)): there is nothing to compare the \(NumberText.count(count)) \(count == 1 ? "enrollment" : "enrollments") with."
        }
        guard let previous = row.previous else { return "" }
        let change = Int((current - previous).rounded())
        let moved =
            change == 0
            ? "the same"
            : "\(NumberText.count(abs(change))) \(change > 0 ? "more" : "fewer")"
        var text =
            " In all, \(NumberText.count(Int(current.rounded()))) enrollments against \(NumberText.count(Int(previous.rounded()))) in the period before (\(dates)): \(moved)."
        // A period before that the data covers less than nine tenths of is said to be partial.
        if let first = source.firstDay, let end = earlier.end, let start = earlier.start,
            start < first,
            10 * (end.daysSinceEpoch - first.daysSinceEpoch)
                < 9 * (end.daysSinceEpoch - start.daysSinceEpoch)
        {
            text += " The data begins on \(first), so that period is counted from then."
        }
        return text
    }

    /// A window that ends before the data's first day: its zero is not a count of what
    /// happened then, which the data does not cover (a blind test's "enrollments in 2023" was
    /// a bare 0 for data that begins on 2024-01-04). Empty otherwise; a comparison says it
    /// of its own.
    func beforeTheData(_ report: QuestionReport) -> String {
        guard let first = source.firstDay, report.match.versus == nil,
            let end = report.match.filters.dateRange?.end, end <= first
        else { return "" }
        return " The data begins on \(first), after this window."
    }

    /// Tells the answer cache which entries this build used.
    private func recordCacheUse(_ keys: Set<String>) {
        guard narration.model != nil, narration.mode != .off, !keys.isEmpty else { return }
        do {
            try AnswerCache(folder: narration.cacheFolder, files: narration.environment.files)
                .recordUse(keys)
        } catch {
            warnings.add(String(describing: error))
        }
    }
}
