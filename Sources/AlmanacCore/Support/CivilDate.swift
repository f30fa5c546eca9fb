/// A calendar day in the proleptic Gregorian calendar, counted in days since 1970-01-01.
/// Almanac never asks the system calendar or time zone: dates come from the data and the
/// arithmetic here is pure, so a build in Auckland and one in UTC agree to the byte.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Builds a date from its parts; nil when the day does not exist (2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year, month) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses `YYYY-MM-DD`, or the date part of `YYYY-MM-DDTHH:MM:SS`.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8.prefix(10))
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = CivilDate.number(utf8[0..<4]), let month = CivilDate.number(utf8[5..<7]),
            let day = CivilDate.number(utf8[8..<10])
        else { return nil }
        if text.utf8.count > 10 && text.utf8.dropFirst(10).first != UInt8(ascii: "T") {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { parts.year }
    public var month: Int { parts.month }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        return CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
    }

    /// `YYYY-MM`.
    public var monthKey: String {
        let (year, month, _) = parts
        return CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2)
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let weekday = (daysSinceEpoch + 3) % 7
        return (weekday < 0 ? weekday + 7 : weekday) + 1
    }

    /// The ISO 8601 week, `YYYY-Www`: weeks start on Monday and week 1 holds the year's first
    /// Thursday.
    public var isoWeekKey: String {
        let thursday = adding(days: 4 - isoWeekday)
        let weekYear = thursday.year
        let firstDay = CivilDate(year: weekYear, month: 1, day: 1)!
        let week = (thursday.daysSinceEpoch - firstDay.daysSinceEpoch) / 7 + 1
        return CivilDate.pad(weekYear, 4) + "-W" + CivilDate.pad(week, 2)
    }

    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `months` later, clamped to the end of a shorter month.
    public func adding(months: Int) -> CivilDate {
        let (year, month, day) = parts
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CivilDate(
            year: newYear, month: newMonth, day: min(day, CivilDate.daysIn(newYear, newMonth)))!
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    public static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width
            ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension CivilDate {
    /// Why `date` cannot be the report date (`--as-of`), if it cannot: a window ends on the
    /// day after its last day ("this year" on the first of the next year), and dates are
    /// compared as `YYYY-MM-DD` text, which year 10000 breaks.
    public static func asOfProblem(_ date: CivilDate?) -> String? {
        guard let date, date.year > 9998 else { return nil }
        return "--as-of \(date) is too far ahead: a report date must be 9998-12-31 or earlier"
    }

    /// The whole calendar months from `start` to `end` when both are the first of a month
    /// (2026-01-01 to 2026-04-01 is 3); nil otherwise.
    public static func wholeMonths(from start: CivilDate, to end: CivilDate) -> Int? {
        guard start.parts.day == 1, end.parts.day == 1 else { return nil }
        return (end.year - start.year) * 12 + end.month - start.month
    }
}
