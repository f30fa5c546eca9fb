import Foundation

/// Words of a question that set two windows side by side in another form than "against".
extension Matcher {
    /// The question without its "year over year" when the words compare a window of the
    /// question's own with the same days a year earlier ("completions in Q3 2026, year over
    /// year"): the time reader reads them, and the measure is the one the question names, not
    /// enrollments over time.
    func comparedYearOverYear(_ lowered: String) -> String {
        let whole = NSRange(lowered.startIndex..., in: lowered)
        guard let asOf, let found = TimeWindow.yearOverYear.firstMatch(in: lowered, range: whole),
            let reading = try? TimeWindow(asOf: asOf).samePeriodLastYear(
                Wording.withoutPeaks(lowered)),
            reading.versus != nil
        else { return lowered }
        return (lowered as NSString).replacingCharacters(
            in: found.range, with: String(repeating: " ", count: found.range.length))
    }

    /// "How did completions change from 2024 to 2025", "between Q1 2026 and Q2 2026": a change
    /// from one window to another is the later against the earlier. Only with a word of a
    /// change; otherwise "from 2024 to 2025" is one window, both years.
    static func changeBetween(_ masked: String) -> String {
        let whole = NSRange(masked.startIndex..., in: masked)
        guard changeWords.firstMatch(in: masked, range: whole) != nil,
            let found = fromTo.firstMatch(in: masked, range: whole),
            let first = Range(found.range(at: 1), in: masked),
            let second = Range(found.range(at: 2), in: masked),
            let all = Range(found.range, in: masked)
        else { return masked }
        var text = masked
        text.replaceSubrange(all, with: "\(masked[second]) against \(masked[first])")
        return text
    }

    private static let period =
        #"(?:(?:19|20)\d{2}|[qh][1-4]\s+(?:19|20)\d{2}|(?:last|this|previous)\s+(?:year|quarter|month|week)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2})"#
    private static let fromTo = try! NSRegularExpression(
        pattern: #"\b(?:from|between)\s+(\#(period))\s+(?:to|and|until)\s+(\#(period))\b"#,
        options: [.caseInsensitive])
    private static let changeWords = try! NSRegularExpression(
        pattern: Vocabulary.changeWords, options: [.caseInsensitive])
}
