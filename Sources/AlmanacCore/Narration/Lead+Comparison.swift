extension Lead {
    /// Two to five badges or organizations side by side: each value, then how far each of the
    /// others is from the first named, with the change in percent where it means something
    /// (not for a rate, whose difference is already in points).
    /// "Completion rate, of enrollments made in 2025: Acme & Sons 50.4% and Initech 44.9%;
    /// Initech is 5.5 points lower."
    static func sideBySide(_ answer: Answer, measure: String, scope: String) -> String {
        let values = answer.rows.map { "\(md($0.subject)) \(value($0, answer))" }
        var text = "\(capitalized(measure))\(scope): \(list(values))"
        guard let first = answer.rows.first else { return text + "." }
        let differences = answer.differences
        var phrases: [String] = []
        for (row, (difference, change)) in zip(answer.rows, differences).dropFirst() {
            guard let difference else {
                phrases.append("\(md(row.subject)) has no value to compare")
                continue
            }
            let verb = answer.value.format == .count ? "has" : "is"
            phrases.append("\(md(row.subject)) \(verb) \(gap(difference, change, answer))")
        }
        let against = differences.count > 2 ? " than \(md(first.subject))" : ""
        if !phrases.isEmpty { text += "; " + list(phrases) + against }
        return text + "."
    }

    /// The answer beside the same answer in the window the question sets against it:
    /// "Enrollments in 2025: 10,266, against 8,120 in 2024: 2,146 more (+26.4%)."
    static func against(_ answer: Answer, measure: String, scope: String) -> String {
        guard let versus = answer.versus else { return "" }
        let by = answer.subjectTitle.map { " by " + $0.lowercased() } ?? ""
        if let first = versus.dataBegins {
            // Nothing to set against: the window lies before the data, not at zero.
            let items = answer.rows.prefix(named).map { row in
                (answer.subjectTitle == nil ? "" : md(row.subject) + " ") + value(row, answer)
            }
            let more = answer.rows.count > named ? "; the table lists the rest" : ""
            return
                "\(capitalized(measure))\(by)\(scope): \(items.joined(separator: "; "))\(more). \(capitalized(md(versus.description))) lies before the data, which begins on \(first): there is nothing to compare with."
        }
        let differences = answer.differences
        let items = answer.rows.indices.prefix(named).map { index -> String in
            let row = answer.rows[index]
            var other = row
            other.value = versus.values[index]
            let subject = answer.subjectTitle == nil ? "" : md(row.subject) + " "
            // A rate of no enrollments has no value: said in words, not "against –".
            let then =
                other.value == .null && answer.value.format == .percent
                ? "none, with no enrollments then" : value(other, answer)
            // None now, where the other window had some: said, not "–".
            let now: String
            switch (row.value, answer.value.format) {
            case (.null, .percent): now = "none, with no enrollments now,"
            case (.null, .days): now = "none, with no completions now,"
            case (.null, _): now = "none now,"
            default: now = value(row, answer)
            }
            var text = "\(subject)\(now) against \(then)"
            if let difference = differences[index].difference {
                text += ", " + gap(difference, differences[index].change, answer)
            }
            return text
        }
        let more = answer.rows.count > named ? "; the table lists the rest" : ""
        // A ranking cut at N keeps the rows tied with the N-th, as a ranking alone does: said
        // (a blind test found four badges of a "top 3" listed with no word of the tie).
        var ties = ""
        if let wanted = answer.intent.ranking?.count, wanted > 0, answer.rows.count > wanted {
            let cut = answer.rows[wanted - 1]
            let tied = answer.rows.count { $0.value == cut.value }
            ties = " (\(wanted) asked for: \(tied) tied at \(value(cut, answer)))"
        }
        return
            "\(capitalized(measure))\(by)\(scope), against \(md(versus.description)): \(items.joined(separator: "; "))\(more)\(ties)."
            + undatedDrops(answer)
    }

    /// Drop-outs carry no date, so neither window can be counted at the age of the other (as
    /// completions are): said beside the move. "30.42% against 36.92%, 6.5 points lower" read
    /// as a fall in drop-outs to a blind tester, where most of it is the older window's
    /// longer time to collect them.
    private static func undatedDrops(_ answer: Answer) -> String {
        guard [.dropRate, .dropouts].contains(answer.intent.measure) else { return "" }
        return
            " Drop-outs carry no date, so each window counts every drop-out recorded by the report's date, and the older window has had longer to collect them."
    }

    /// "5.5 points lower", "847 fewer (−80.3%)", "level".
    static func gap(_ difference: Double, _ change: Double?, _ answer: Answer) -> String {
        guard difference != 0 else { return "level" }
        let size = Swift.abs(difference)
        let amount: String
        switch answer.value.format {
        // One as written ("1", not "1.00"), whatever the digits behind it: "1 days higher"
        // (blind test 60).
        case .percent:
            let number = NumberText.decimal(size, places: 2)
            amount = number + (number == "1" ? " point" : " points")
        case .days:
            let number = NumberText.decimal(size, places: 1)
            amount = number + (number == "1" ? " day" : " days")
        default: amount = NumberText.count(Int(size))
        }
        let direction =
            answer.value.format == .count
            ? (difference > 0 ? "more" : "fewer") : (difference > 0 ? "higher" : "lower")
        guard let change else { return amount + " " + direction }
        // A count's change is exact: one decimal, as change_percent's ("+43.8%" for 84 of 192,
        // not "+43.75%", which a rate on a half is written with).
        return
            "\(amount) \(direction) (\(change > 0 ? "+" : "−")\(NumberText.tenthsPercent(Swift.abs(change))))"
    }
}
