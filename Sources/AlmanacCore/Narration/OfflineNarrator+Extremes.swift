/// The best and the worst completion rate of a summary, told truthfully when several
/// subjects share either: docs/metrics.md, "Ties".
extension OfflineNarrator {
    /// How a sentence names the best and the worst.
    enum Extremes {
        /// "A has the highest completion rate at 46.7%, and B the lowest at 0.0%".
        case highestLowest
        /// "A completes best at 46.7%, and B worst at 0.0%".
        case bestWorst
        /// "A leads on completion rate at 26.1% and B trails at 3.3%".
        case leadsTrails
    }

    /// The highest and the lowest completion rate of `rows`, without the sentence's full stop.
    /// One subject at an end is named as before; several that share an end are counted and
    /// named ("eight badges tie for the lowest completion rate, 0.0%: A, B, C and 5 more");
    /// all at one rate, none is singled out. `alone` begins the text in upper case.
    func extremes(
        _ rows: [(name: String, rate: Double)], plural: String, wording: Extremes, alone: Bool
    ) -> String {
        let high = rows.sorted { ($0.rate, $1.name) > ($1.rate, $0.name) }
        let low = rows.sorted { ($0.rate, $0.name) < ($1.rate, $1.name) }
        let best = Tie.leading(high, by: \.rate).map { md($0.name) }
        let worst = Tie.leading(low, by: \.rate).map { md($0.name) }
        let top = NumberText.percent(high[0].rate)
        let bottom = NumberText.percent(low[0].rate)
        let text: String
        if best.count == rows.count {
            text = Tie.all(rows.count, plural: plural, what: "completion rate", value: top)
        } else if best.count == 1 && worst.count == 1 {
            switch wording {
            case .highestLowest:
                text =
                    "\(best[0]) has the highest completion rate at \(top), and \(worst[0]) the lowest at \(bottom)"
            case .bestWorst:
                text = "\(best[0]) completes best at \(top), and \(worst[0]) worst at \(bottom)"
            case .leadsTrails:
                // The measure is named: on a drop-out page "Acme & Sons leads at 28.1%" read
                // as its drop-out rate (46.9 %) to a blind tester.
                text =
                    "\(best[0]) leads on completion rate at \(top) and \(worst[0]) trails at \(bottom)"
            }
        } else {
            let words = wording == .bestWorst ? ("best", "worst") : ("highest", "lowest")
            let single: (String, String)
            switch wording {
            case .highestLowest:
                single = (
                    "has the highest completion rate at \(top)",
                    "has the lowest completion rate at \(bottom)"
                )
            case .bestWorst: single = ("completes best at \(top)", "completes worst at \(bottom)")
            case .leadsTrails:
                single = ("leads on completion rate at \(top)", "trails at \(bottom)")
            }
            text =
                Tie.phrase(
                    best, plural: plural, what: "the \(words.0) completion rate", value: top,
                    single: single.0) + "; "
                + Tie.phrase(
                    worst, plural: plural, what: "the \(words.1) completion rate", value: bottom,
                    single: single.1)
        }
        return alone ? Tie.capitalized(text) : text
    }

    /// Several subjects with the most enrollments: "A and B tied for the most enrollments,
    /// 408 each.", or "All 13 organizations had 236 enrollments each." when every one did.
    func mostTied(_ names: [String], _ enrollments: Int, of all: Int, plural: String) -> String {
        let each = "\(NumberText.count(enrollments)) enrollment\(enrollments == 1 ? "" : "s") each"
        guard names.count < all else {
            return Tie.capitalized(all == 2 ? "both" : "all \(Tie.number(all))")
                + " \(plural) had \(each)."
        }
        return "\(Tie.names(names.map(md))) tied for the most enrollments, \(each)."
    }
}
