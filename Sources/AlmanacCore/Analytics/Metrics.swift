/// The arithmetic every analysis shares, defined once as docs/metrics.md states it.
public enum Metrics {
    /// `numerator / denominator` rounded to 4 decimals; 0 when the denominator is 0.
    public static func rate(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : round(Double(numerator) / Double(denominator), places: 4)
    }

    /// `sum / count` rounded to 4 decimals, for the mean of progress; nil when nothing was
    /// counted. The database sums; the division is here because the engines' real division and
    /// rounding differ in the last digit.
    public static func average(_ sum: Double?, count: Int) -> Double? {
        guard count > 0, let sum else { return nil }
        return round(sum / Double(count), places: 4)
    }

    /// The median, rounded to 1 decimal: the middle value, or the mean of the two middle
    /// values for an even count; nil when there are no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        // Selection, not a sort: a million completion times need only the middle two.
        var work = values
        let middle = work.count / 2
        let upper = select(&work, middle)
        let value = work.count % 2 == 1 ? upper : (work[..<middle].max()! + upper) / 2
        return round(value, places: 1)
    }

    /// The median of durations in seconds, in days, rounded to 1 decimal.
    public static func medianDays(_ seconds: [Int32]) -> Double? {
        median(seconds.map { Double($0) / 86_400 })
    }

    /// The k-th smallest value (0-based), by quickselect with a median-of-three pivot; on
    /// return every element before index k is no larger than it.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            let pivot = Swift.max(Swift.min(values[low], values[middle]),
                                  Swift.min(Swift.max(values[low], values[middle]), values[high]))
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }

    /// The `p` quantile of sorted values by linear interpolation between closest ranks
    /// (the "type 7" rule of R and NumPy's default), rounded to 2 decimals.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let value = sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        return round(value, places: 2)
    }

    /// Rounds half away from zero. A tiny nudge absorbs binary noise such as
    /// 0.1235 being stored as 0.12349999…, so the result matches hand arithmetic.
    public static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = value * scale
        let nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9)
        return nudged.rounded(.toNearestOrAwayFromZero) / scale
    }
}

/// Whole-database counts for `metadata.database_stats` and the index page.
public struct DatabaseStats: Sendable, Equatable {
    public var users: Int
    public var badges: Int
    public var organizations: Int
    public var enrollments: Int

    public init(users: Int, badges: Int, organizations: Int, enrollments: Int) {
        self.users = users
        self.badges = badges
        self.organizations = organizations
        self.enrollments = enrollments
    }

    public static func read(from db: any DatabaseConnection) throws -> DatabaseStats {
        var stats = DatabaseStats(users: 0, badges: 0, organizations: 0, enrollments: 0)
        try db.query(
            """
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM badges), \
            (SELECT count(*) FROM organizations), (SELECT count(*) FROM enrollments)
            """, []
        ) { row in
            stats = DatabaseStats(
                users: row.int(0), badges: row.int(1), organizations: row.int(2),
                enrollments: row.int(3))
        }
        return stats
    }

    public var json: JSONValue {
        [
            "total_users": .int(users), "total_badges": .int(badges),
            "total_organizations": .int(organizations), "total_enrollments": .int(enrollments),
        ]
    }

    /// The day of the first enrollment, if any.
    public static func earliestEnrollment(in db: any DatabaseConnection) throws -> CivilDate? {
        var first: CivilDate?
        try db.query("SELECT min(enrolled_at) FROM enrollments", []) { row in
            first = row.string(0).flatMap(CivilDate.init(iso:))
        }
        return first
    }

    /// The report's as-of date: the latest enrolled_at or completed_at in the data.
    public static func latestActivity(in db: any DatabaseConnection) throws -> CivilDate? {
        var latest: CivilDate?
        try db.query(
            "SELECT max(enrolled_at), (SELECT max(completed_at) FROM enrollments) FROM enrollments",
            []
        ) { row in
            let dates = [row.string(0), row.string(1)].compactMap { $0.flatMap(CivilDate.init(iso:)) }
            latest = dates.max()
        }
        return latest
    }
}
