import Foundation

extension TimeWindow {
    /// A span of days named by the question, before any operator applies.
    struct Point {
        var range: NSRange
        var start: CivilDate
        /// The first day after it.
        var end: CivilDate
        /// A month or quarter written without a year, placed at its latest start on or
        /// before A; `from January to June 2025` moves it to the other end's year.
        var yearless: (unit: Int, index: Int)?
        /// A span that only makes sense on its own (`past 30 days`, `this month`): no
        /// operator applies to it.
        var standalone = false
        /// `3 weeks ago`: a day that needs `since`, `after` or `before`.
        var needsOperator = false
        /// A day written without a year (`March 1`), placed at its latest on or before A;
        /// `between March 1 and June 30, 2026` moves it to the other end's year.
        var yearlessDay: (month: Int, day: Int)?
    }

    func point(_ form: String, _ groups: [String?], phrase: String, range: NSRange) throws
        -> Point?
    {
        let tomorrow = asOf.adding(days: 1)
        func unit(_ name: String) -> Int {
            switch name {
            case "day": return 0
            case "week": return 1
            case "month": return 2
            case "quarter": return 3
            default: return 4
            }
        }
        switch form {
        case "iso":
            guard let day = CivilDate(iso: phrase), phrase.count == 10 else {
                throw Problem.impossibleDate(phrase)
            }
            return Point(range: range, start: day, end: day.adding(days: 1))
        case "rolling":
            guard let count = Self.number(groups[2]), count > 0, let name = groups[3] else {
                return nil
            }
            // Past 999 units is no window a report means; the start would leave the calendar.
            guard count < 1000 else { throw Problem.unreadable(phrase) }
            if groups[0] != nil || groups[1] != nil || groups[4] != nil || unit(name) == 0 {
                return Point(
                    range: range, start: back(count, unit(name)), end: tomorrow, standalone: true)
            }
            return whole(count, unit(name), range: range)
        case "ago":
            guard let count = Self.number(groups[0]), count > 0, let name = groups[1] else {
                return nil
            }
            let day = back(count, unit(name))
            return Point(range: range, start: day, end: day.adding(days: 1), needsOperator: true)
        case "to-date":
            let name =
                groups[0] ?? ["ytd": "year", "mtd": "month", "qtd": "quarter", "wtd": "week"][
                    groups[1] ?? ""] ?? "year"
            return Point(
                range: range, start: start(of: unit(name), containing: asOf), end: tomorrow,
                standalone: true)
        case "whole-unit":
            guard let name = groups[0] ?? groups[1] else { return nil }
            let current = start(of: unit(name), containing: asOf)
            // The unit holding A is whole when the next one starts the day after A.
            if start(of: unit(name), containing: tomorrow) == tomorrow {
                return Point(range: range, start: current, end: tomorrow)
            }
            let previous = start(of: unit(name), containing: current.adding(days: -1))
            return Point(range: range, start: previous, end: current)
        case "unit":
            guard let which = groups[0], let name = groups[1] else { return nil }
            let current = start(of: unit(name), containing: asOf)
            switch which {
            case "this", "current", "the":
                return Point(range: range, start: current, end: tomorrow)
            case "past":
                return whole(1, unit(name), range: range)
            default:
                let previous = start(of: unit(name), containing: current.adding(days: -1))
                return Point(range: range, start: previous, end: current)
            }
        case "half", "year-half":
            let half: Int
            let year: Int?
            if form == "half" {
                half =
                    groups[0].flatMap { Int($0) } ?? (["first": 1, "1st": 1][groups[1] ?? ""] ?? 2)
                year = groups[2].flatMap { Int($0) }
            } else {
                year = groups[0].flatMap { Int($0) }
                half = groups[1].flatMap { Int($0) } ?? 1
            }
            return span(unit: 6, index: half, year: year, range: range)
        case "quarter", "year-quarter":
            let quarter: Int
            let year: Int?
            if form == "quarter" {
                quarter =
                    groups[0].flatMap { Int($0) } ?? groups[1].flatMap { Self.ordinals[$0] } ?? 1
                year = groups[2].flatMap { Int($0) }
            } else {
                year = groups[0].flatMap { Int($0) }
                quarter = groups[1].flatMap { Int($0) } ?? 1
            }
            return span(unit: 3, index: quarter, year: year, range: range)
        case "month":
            guard let name = groups[0],
                let month = Self.months.firstIndex(where: { $0.hasPrefix(name) })
            else { return nil }
            return span(
                unit: 1, index: month + 1, year: groups[1].flatMap { Int($0) }, range: range)
        case "month-day", "day-month":
            let (monthName, dayText) =
                form == "month-day" ? (groups[0], groups[1]) : (groups[1], groups[0])
            guard let monthName, let dayText, let day = Int(dayText),
                let month = Self.months.firstIndex(where: { $0.hasPrefix(monthName) })
            else { return nil }
            let year = groups[2].flatMap { Int($0) }
            var point = Point(range: range, start: asOf, end: asOf)
            try place(&point, month: month + 1, day: day, year: year ?? asOf.year, phrase: phrase)
            if year == nil {
                if asOf < point.start {
                    try place(
                        &point, month: month + 1, day: day, year: asOf.year - 1, phrase: phrase)
                }
                point.yearlessDay = (month + 1, day)
            }
            return point
        case "year":
            guard let year = groups[0].flatMap({ Int($0) }),
                let start = CivilDate(year: year, month: 1, day: 1)
            else { return nil }
            return Point(
                range: range, start: start, end: CivilDate(year: year + 1, month: 1, day: 1)!)
        case "day":
            let day = groups[0] == "today" ? asOf : asOf.adding(days: -1)
            return Point(range: range, start: day, end: day.adding(days: 1))
        default:
            return nil
        }
    }

    /// A month (`months` 1) or quarter (3) of a year; without a year, the latest one that
    /// began on or before A.
    private func span(unit months: Int, index: Int, year: Int?, range: NSRange) -> Point {
        var point = Point(range: range, start: asOf, end: asOf)
        place(&point, months: months, index: index, year: year ?? asOf.year)
        if year == nil {
            if asOf < point.start {
                place(&point, months: months, index: index, year: asOf.year - 1)
            }
            point.yearless = (months, index)
        }
        return point
    }

    private func place(_ point: inout Point, months: Int, index: Int, year: Int) {
        let start = CivilDate(year: year, month: (index - 1) * months + 1, day: 1)!
        point.start = start
        point.end = start.adding(months: months)
    }

    /// One day of a year; a day that does not exist (`February 30`) is an error.
    private func place(_ point: inout Point, month: Int, day: Int, year: Int, phrase: String)
        throws
    {
        guard let start = CivilDate(year: year, month: month, day: day) else {
            throw Problem.impossibleDate(phrase)
        }
        point.start = start
        point.end = start.adding(days: 1)
    }

    /// `from January to June 2025`: a yearless end takes the other end's year, and the start
    /// moves a year back if it would come after the end. Days written without a year
    /// (`between March 1 and June 30, 2026`) do the same.
    func align(_ first: inout Point, _ last: inout Point) throws {
        func move(_ point: inout Point, _ day: (month: Int, day: Int), to year: Int) throws {
            let phrase = "\(Self.months[day.month - 1].capitalized) \(day.day), \(year)"
            try place(&point, month: day.month, day: day.day, year: year, phrase: phrase)
        }
        if let day = first.yearlessDay, last.yearlessDay == nil {
            try move(&first, day, to: last.start.year)
            if !(first.start < last.end) { try move(&first, day, to: last.start.year - 1) }
            return
        }
        if let day = last.yearlessDay {
            try move(&last, day, to: first.start.year)
            if !(first.start < last.end) { try move(&last, day, to: first.start.year + 1) }
            return
        }
        if let yearless = first.yearless, last.yearless == nil {
            place(&first, months: yearless.unit, index: yearless.index, year: last.start.year)
            if !(first.start < last.end) {
                place(
                    &first, months: yearless.unit, index: yearless.index, year: last.start.year - 1)
            }
        } else if let yearless = last.yearless {
            let year = first.yearless == nil ? first.start.year : last.start.year
            place(&last, months: yearless.unit, index: yearless.index, year: year)
            if !(first.start < last.end) {
                place(&last, months: yearless.unit, index: yearless.index, year: year + 1)
            }
            if first.yearless != nil, asOf < last.start {
                // Both yearless and the end is still to come: the whole range is a year back.
                let back = (first.yearless!, yearless)
                place(&last, months: back.1.unit, index: back.1.index, year: last.start.year - 1)
                place(&first, months: back.0.unit, index: back.0.index, year: first.start.year - 1)
            }
        }
    }

    /// The first day of the calendar unit (1 week, 2 month, 3 quarter, 4 year) holding `day`.
    private func start(of unit: Int, containing day: CivilDate) -> CivilDate {
        switch unit {
        case 0: return day
        case 1: return day.adding(days: 1 - day.isoWeekday)
        case 2: return CivilDate(year: day.year, month: day.month, day: 1)!
        case 3: return CivilDate(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
        default: return CivilDate(year: day.year, month: 1, day: 1)!
        }
    }

    /// The `count` whole calendar units just before A's own (`last 12 weeks`): A's unit is
    /// "this" one, whole or not, as in `last week`.
    private func whole(_ count: Int, _ unit: Int, range: NSRange) -> Point {
        let end = start(of: unit, containing: asOf)
        let first: CivilDate
        switch unit {
        case 1: first = end.adding(days: -7 * count)
        case 2: first = end.adding(months: -count)
        case 3: first = end.adding(months: -3 * count)
        default: first = end.adding(months: -12 * count)
        }
        return Point(range: range, start: first, end: end, standalone: true)
    }

    /// The first day of the last `count` units up to and including A: (A + 1 day) − count units.
    private func back(_ count: Int, _ unit: Int) -> CivilDate {
        let tomorrow = asOf.adding(days: 1)
        switch unit {
        case 0: return tomorrow.adding(days: -count)
        case 1: return tomorrow.adding(days: -7 * count)
        case 2: return tomorrow.adding(months: -count)
        case 3: return tomorrow.adding(months: -3 * count)
        default: return tomorrow.adding(months: -12 * count)
        }
    }

    private static func number(_ text: String?) -> Int? {
        guard let text else { return nil }
        return Int(text) ?? counts[text]
    }
}
