/// A UTC timestamp as the schema allows it: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, parsed
/// straight from the database's bytes so that a million-row scan makes no strings.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public var day: Int
    /// Seconds into the day, 0 for a bare date.
    public var seconds: Int

    /// The time as a real number of days, for differences: `julianday(b) - julianday(a)`.
    public var days: Double { Double(day) + Double(seconds) / 86_400 }

    public var date: CivilDate { CivilDate(daysSinceEpoch: day) }

    /// Seconds since 1970-01-01T00:00:00.
    public var totalSeconds: Int { day * 86_400 + seconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.day, lhs.seconds) < (rhs.day, rhs.seconds)
    }

    /// Parses strictly: the shape, a day that exists, and a time within the day; nil otherwise.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count == 10 || bytes.count == 19 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<(start + count) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == 45, bytes[7] == 45, let year = digits(0, 4), let month = digits(5, 2),
            let dayOfMonth = digits(8, 2),
            let date = CivilDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        guard bytes.count == 19 else { return Timestamp(day: date.daysSinceEpoch, seconds: 0) }
        guard bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, let hour = digits(11, 2),
            let minute = digits(14, 2), let second = digits(17, 2), hour < 24, minute < 60,
            second < 60
        else { return nil }
        return Timestamp(day: date.daysSinceEpoch, seconds: hour * 3600 + minute * 60 + second)
    }

    /// Parses a Swift string (tests and small lookups).
    public static func parse(_ text: String) -> Timestamp? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }
}
