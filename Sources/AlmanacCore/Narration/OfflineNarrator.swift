/// Writes a plain-language summary from the numbers alone, with no language model, so that
/// every build produces a readable page. Its sentences quote figures exactly as the tables
/// show them.
public struct OfflineNarrator: Sendable {
    public init() {}

    /// The label a page shows under a summary written here.
    public static let label = "Summary written by Almanac's offline narrator, without a language model."

    public func narrate(_ output: any AnalysisOutput, question: Question) -> String {
        switch output {
        case let result as BadgeEnrollments: return narrate(result)
        case let unsupported as UnsupportedKind:
            return "This question is routed to **\(unsupported.kind.rawValue)**, which this version of Almanac does not compute yet, so there are no numbers to report."
        default: return "No summary is available for this analysis."
        }
    }

    private func narrate(_ result: BadgeEnrollments) -> String {
        let totals = result.totals
        guard totals.enrollments > 0 else {
            let scope = result.filters.isEmpty ? "" : " for \(result.filters.summary)"
            return "There are no enrollments\(scope), so there is nothing to compare yet."
        }
        let active = result.badges.filter { $0.enrollments > 0 }
        if active.count == 1, let badge = active.first {
            var text = "\(badge.badge) has \(NumberText.count(badge.enrollments)) enrollments from \(NumberText.count(badge.learners)) learners. "
            text += "\(NumberText.percent(badge.completionRate)) completed it"
            if let median = badge.medianDaysToComplete {
                text += "; half of those who finished took \(NumberText.decimal(median, places: 1)) days or less."
            } else {
                text += ", and none has finished yet."
            }
            text += " \(NumberText.count(badge.dropped)) dropped out and \(NumberText.count(badge.inProgress)) are still in progress."
            return text
        }
        var sentences: [String] = []
        sentences.append(
            "Across \(active.count) badges there are \(NumberText.count(totals.enrollments)) enrollments from \(NumberText.count(totals.learners)) learners, and \(NumberText.percent(totals.completionRate)) of the enrollments are completed.")
        let leaders = active.prefix(3)
        if let first = leaders.first {
            var sentence = "\(first.badge) is the most popular with \(NumberText.count(first.enrollments)) enrollments"
            let others = leaders.dropFirst().map { "\($0.badge) (\(NumberText.count($0.enrollments)))" }
            if !others.isEmpty { sentence += ", followed by " + others.joined(separator: " and ") }
            sentences.append(sentence + ".")
        }
        // Rates of tiny badges are noise; compare only badges with a fair number of learners.
        let comparable = active.filter { $0.enrollments >= 20 }
        if comparable.count >= 2,
            let best = comparable.max(by: { ($0.completionRate, $1.badge) < ($1.completionRate, $0.badge) }),
            let worst = comparable.min(by: { ($0.completionRate, $0.badge) < ($1.completionRate, $1.badge) }),
            best.badge != worst.badge
        {
            sentences.append(
                "\(best.badge) has the highest completion rate at \(NumberText.percent(best.completionRate)), and \(worst.badge) the lowest at \(NumberText.percent(worst.completionRate)).")
        }
        return sentences.joined(separator: " ")
    }
}
