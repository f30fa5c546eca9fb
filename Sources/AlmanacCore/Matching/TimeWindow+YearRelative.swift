import Foundation

/// A period of a year named by its place around the as-of date ("Q4 last year", "last
/// year's Q4", "January this year", "the first half of last year") and the last quarter,
/// half or month of a year ("the final quarter of 2025"), written as that period of that
/// year before the points are read. A blind test found all of them refused as two windows,
/// with advice that would have made a comparison of them.
extension TimeWindow {
    /// The periods that can stand before or after a year's place.
    private static let period =
        #"(q[1-4]|h[12]|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)|the\s+(?:last|final|first)\s+(?:quarter|half|month)|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"#

    /// "Q4 (of) last year", "the first half of this year", "January next year"; "the first
    /// half of the year" is this year's.
    private static let periodOfYear = regex(
        #"\b"# + period
            + #"\s+(?:of\s+)?(last|this|next|the\s+previous|the\s+current|the)\s+year\b(?!\s+(?:before|after|earlier|ago|prior)\b)"#
    )
    /// "last year's Q4", "this year's first half".
    private static let yearsPeriod = regex(
        #"\b(last|this|next)\s+year(?:'s|’s)\s+"# + period + #"\b"#)
    /// "the last quarter of 2025", "the final half of 2025", "the last month of 2025".
    private static let lastOfYear = regex(
        #"\b(?:the\s+)?(last|final|first)\s+(quarter|half|month)\s+of\s+((?:19|20)\d{2})\b"#)

    /// "The first 3 months of 2026", "the last two quarters of 2025": the months or quarters
    /// from the year's start or up to its end (a blind test found them refused).
    private static let firstMonthsOfYear = regex(
        #"\b(?:the\s+)?(first|last|final)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+(months|quarters)\s+of\s+((?:19|20)\d{2})\b"#
    )
    /// "Pre-2025", "post March 2026": before and after it (a blind test got 2025 itself).
    private static let preAndPost = regex(
        #"\b(pre|post)(?:-|\s+)(?=(?:19|20)\d{2}\b|q[1-4]\b|h[12]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)\b)"#
    )

    /// "This March vs last March", "this Q2 against last Q2": the period of this year and of
    /// the one before. Both read as the latest March begun, and the comparison vanished (a
    /// blind test got March's enrollments alone).
    private static let thisAndLast = regex(
        #"\bthis\s+"# + period + #"\b(.*?)\b(last|previous)\s+"# + period + #"\b"#)

    /// A quarter, half or month by its name, with no year after it ("May", not "May 2025" nor
    /// "May of last year", which the points and `periodOfYear` read).
    private static let namedPeriod =
        #"(q[1-4]|h[12]|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b(?!\s*,?\s*(?:of\s+)?(?:(?:19|20)\d{2}|(?:last|this|next|the previous|the current|the)\s+year)\b)"#

    /// "Last May", "the previous Q2", "last H1": the latest one that is over, never the one
    /// the as-of date is in. They were read as May (or Q2, H1) alone, the latest begun: as of
    /// 2026-05-15, "last May" counted 1 to 15 May 2026, where May 2025 had 826 enrollments
    /// (blind test 37). A year after it is left to the points ("last May 2025").
    private static let lastPeriod = regex(
        #"\b(?:last|previous)\s+"# + namedPeriod
    )

    /// "This May", "this Q2": this year's, begun or not ("last April vs this April" was
    /// refused as two windows).
    private static let thisPeriod = regex(
        #"\bthis\s+"# + namedPeriod
    )

    /// The year of the latest `period` (a quarter, half or month) that is over as of the
    /// as-of date: this year's when it ended before the as-of date's own, else last year's.
    private func yearOfLast(_ period: String) -> Int {
        let name = period.lowercased()
        let month = asOf.month
        let (index, current): (Int, Int)
        if name.hasPrefix("q"), let quarter = Int(name.dropFirst()) {
            (index, current) = (quarter, (month - 1) / 3 + 1)
        } else if name.hasPrefix("h"), let half = Int(name.dropFirst()) {
            (index, current) = (half, (month - 1) / 6 + 1)
        } else if let number = Self.months.firstIndex(where: { $0.hasPrefix(name) }) {
            (index, current) = (number + 1, month)
        } else {
            return asOf.year
        }
        return index < current ? asOf.year : asOf.year - 1
    }

    /// `text` with each such period written as its own year's.
    func writingYearsOut(_ text: String) -> String {
        var text = text
        let year = asOf.year
        replace(Self.thisAndLast, in: &text) { groups in
            guard groups[0].lowercased() == groups[3].lowercased() else {
                return "this \(groups[0])\(groups[1])\(groups[2]) \(groups[3])"
            }
            return "\(groups[0]) of \(year)\(groups[1])\(groups[3]) of \(year - 1)"
        }
        // Beside "this April", "last April" is the year before's whatever the date.
        let written = text.lowercased()
        replace(Self.lastPeriod, in: &text) { groups in
            let beside = written.contains("this \(groups[0].lowercased())")
            return "\(groups[0]) of \(beside ? year - 1 : yearOfLast(groups[0]))"
        }
        replace(Self.thisPeriod, in: &text) { groups in "\(groups[0]) of \(year)" }
        func which(_ word: String) -> Int {
            switch word.lowercased().split(separator: " ").last ?? "" {
            case "last", "previous": return year - 1
            case "next": return year + 1
            default: return year
            }
        }
        replace(Self.periodOfYear, in: &text) { groups in "\(groups[0]) of \(which(groups[1]))" }
        replace(Self.yearsPeriod, in: &text) { groups in "\(groups[1]) of \(which(groups[0]))" }
        replace(Self.preAndPost, in: &text) { groups in
            groups[0].lowercased() == "pre" ? "before " : "after "
        }
        replace(Self.firstMonthsOfYear, in: &text) { groups in
            let words = [
                "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11,
            ]
            let count = Int(groups[1]) ?? words[groups[1].lowercased()] ?? 0
            let quarters = groups[2].lowercased() == "quarters"
            let units = quarters ? 4 : 12
            // More units than a year holds is left as written, to be refused.
            guard count >= 1, count <= units else {
                return "the \(groups[0]) \(groups[1]) \(groups[2]) of \(groups[3])"
            }
            let (first, last) =
                groups[0].lowercased() == "first" ? (1, count) : (units - count + 1, units)
            let name = { (unit: Int) in
                quarters ? "Q\(unit)" : Self.months[unit - 1].capitalized
            }
            return "from \(name(first)) \(groups[3]) to \(name(last)) \(groups[3])"
        }
        replace(Self.lastOfYear, in: &text) { groups in
            let first = groups[0].lowercased() == "first"
            let part: String
            switch groups[1].lowercased() {
            case "quarter": part = first ? "the first quarter" : "the fourth quarter"
            case "half": part = first ? "the first half" : "the second half"
            default: part = first ? "January" : "December"
            }
            return "\(part) of \(groups[2])"
        }
        return text
    }

    /// Replaces every match of `regex` in `text`, last first, with what `make` makes of its
    /// groups.
    private func replace(
        _ regex: NSRegularExpression, in text: inout String, _ make: ([String]) -> String
    ) {
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            guard let whole = Range(match.range, in: text) else { continue }
            let groups = (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            text.replaceSubrange(whole, with: make(groups))
        }
    }
}
