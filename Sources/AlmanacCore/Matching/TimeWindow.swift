import Foundation

/// Turns the time words of a question into a date range relative to the report's as-of date.
///
/// Understood: "in 2024", "since 2024-03-01", "last 12 weeks" (also days, months, years),
/// "last week", "last month" (the calendar month before the as-of date's month), "last year",
/// "this month", "this year", and "weekly" (week periods rather than a range). Ranges are
/// half-open: the as-of date itself is included.
struct TimeWindow {
    var asOf: CivilDate

    struct Reading: Equatable {
        var range: DateRange?
        var weekly: Bool
    }

    enum Problem: Error, Equatable {
        case impossibleDate(String)
        case twoWindows(String, String)
    }

    private static let patterns: [(kind: String, regex: NSRegularExpression)] = [
        ("in-year", #"(?i)\b(?:in|during)\s+(\d{4})\b"#),
        ("since", #"(?i)\b(?:since|from|after)\s+(\d{4}-\d{2}-\d{2})\b"#),
        ("last-n", #"(?i)\b(?:last|past|previous)\s+(\d+)\s+(day|week|month|year)s?\b"#),
        ("last-one", #"(?i)\b(?:last|past|previous)\s+(week|month|year)\b"#),
        ("this", #"(?i)\bthis\s+(week|month|year)\b"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    private static let weekly = try! NSRegularExpression(pattern: #"(?i)\b(weekly|per week|by week|each week|week by week)\b"#)

    /// - Throws: `Problem` for a date that does not exist or two different windows.
    func read(_ text: String) throws -> Reading {
        let whole = NSRange(text.startIndex..., in: text)
        var found: [(phrase: String, range: DateRange)] = []
        for (kind, regex) in Self.patterns {
            for match in regex.matches(in: text, range: whole) {
                let phrase = String(text[Range(match.range, in: text)!])
                let groups = (1..<match.numberOfRanges).map { index -> String in
                    guard let range = Range(match.range(at: index), in: text) else { return "" }
                    return text[range].lowercased()
                }
                if let range = try window(kind, groups, phrase: phrase.lowercased()) {
                    found.append((phrase, range))
                }
            }
        }
        if found.count > 1, found[0].range != found[1].range {
            throw Problem.twoWindows(found[0].phrase, found[1].phrase)
        }
        let weekly = Self.weekly.firstMatch(in: text, range: whole) != nil
        return Reading(range: found.first?.range, weekly: weekly)
    }

    private func window(_ kind: String, _ groups: [String], phrase: String) throws -> DateRange? {
        let tomorrow = asOf.adding(days: 1)
        switch kind {
        case "in-year":
            guard let year = Int(groups[0]), let start = CivilDate(year: year, month: 1, day: 1)
            else { return nil }
            return DateRange(start: start, end: CivilDate(year: year + 1, month: 1, day: 1), phrase: phrase)
        case "since":
            guard let start = CivilDate(iso: groups[0]) else {
                throw Problem.impossibleDate(groups[0])
            }
            return DateRange(start: start, end: tomorrow, phrase: phrase)
        case "last-n":
            guard let count = Int(groups[0]), count > 0 else { return nil }
            return DateRange(start: back(count, groups[1]), end: tomorrow, phrase: phrase)
        case "last-one":
            switch groups[0] {
            case "month":
                // The previous calendar month: as of 2026-09-30, "last month" is August.
                let first = CivilDate(year: asOf.year, month: asOf.month, day: 1)!
                return DateRange(start: first.adding(months: -1), end: first, phrase: phrase)
            case "year":
                let first = CivilDate(year: asOf.year - 1, month: 1, day: 1)!
                return DateRange(start: first, end: CivilDate(year: asOf.year, month: 1, day: 1), phrase: phrase)
            default:
                return DateRange(start: back(1, "week"), end: tomorrow, phrase: phrase)
            }
        case "this":
            switch groups[0] {
            case "year":
                return DateRange(start: CivilDate(year: asOf.year, month: 1, day: 1), end: tomorrow, phrase: phrase)
            case "month":
                return DateRange(start: CivilDate(year: asOf.year, month: asOf.month, day: 1), end: tomorrow, phrase: phrase)
            default:
                return DateRange(start: asOf.adding(days: 1 - asOf.isoWeekday), end: tomorrow, phrase: phrase)
            }
        default:
            return nil
        }
    }

    /// The first day of the last `count` units up to and including the as-of date.
    private func back(_ count: Int, _ unit: String) -> CivilDate {
        let tomorrow = asOf.adding(days: 1)
        switch unit {
        case "day": return tomorrow.adding(days: -count)
        case "week": return tomorrow.adding(days: -7 * count)
        case "month": return tomorrow.adding(months: -count)
        default: return tomorrow.adding(months: -12 * count)
        }
    }
}
