/// The little arithmetic left in Swift: the database computes every published number; the
/// charts recompute a rate for categories they pool into "Other", and `average_progress`
/// divides the database's sum.
public enum Metrics {
    /// `numerator / denominator` rounded to 4 decimals; 0 when the denominator is 0.
    /// A rate as a value: none for no enrollments, since a rate of nothing has no value
    /// (docs/metrics.md). A blind test's unused badge read "0.00% (enrollments: 0)".
    static func rateValue(_ rate: Double, of enrollments: Int) -> JSONValue {
        enrollments == 0 ? .null : .double(rate)
    }

    public static func rate(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0
            ? 0 : Rounding.halfAwayFromZero(Double(numerator) / Double(denominator), places: 4)
    }

    /// `sum / count` rounded to 4 decimals, for the mean of progress; nil when nothing was
    /// counted. The database sums; the division is here because the engines' real division and
    /// rounding differ in the last digit.
    public static func average(_ sum: Double?, count: Int) -> Double? {
        guard count > 0, let sum else { return nil }
        return Rounding.halfAwayFromZero(sum / Double(count), places: 4)
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

    /// The counts as of the end of `day`: the users who had joined and the enrollments made
    /// by then (badges and organizations carry no date). A back-dated report's index said
    /// every row of the database, rows added since included.
    public static func read(from db: any DatabaseConnection, asOf day: CivilDate) throws
        -> DatabaseStats
    {
        let end = SQLValue.text(day.adding(days: 1).description)
        var stats = DatabaseStats(users: 0, badges: 0, organizations: 0, enrollments: 0)
        try db.query(
            """
            SELECT (SELECT count(*) FROM users WHERE joined_at < ?), (SELECT count(*) FROM badges), \
            (SELECT count(*) FROM organizations), (SELECT count(*) FROM enrollments WHERE enrolled_at < ?)
            """, [end, end]
        ) { row in
            stats = DatabaseStats(
                users: row.int(0), badges: row.int(1), organizations: row.int(2),
                enrollments: row.int(3))
        }
        return stats
    }

    /// The users who had joined by the end of `day`.
    public static func users(in db: any DatabaseConnection, joinedBy day: CivilDate) throws -> Int {
        try db.rows(
            "SELECT count(*) FROM users WHERE joined_at < ?",
            [.text(day.adding(days: 1).description)]
        ) { $0.int(0) }.first ?? 0
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
            let dates = [row.string(0), row.string(1)].compactMap {
                $0.flatMap(CivilDate.init(iso:))
            }
            latest = dates.max()
        }
        return latest
    }

    /// The latest enrolled_at or completed_at before `day`.
    public static func latestActivity(before day: CivilDate, in db: any DatabaseConnection)
        throws -> CivilDate?
    {
        var latest: CivilDate?
        let bound = SQLValue.text(day.description)
        try db.query(
            "SELECT (SELECT max(enrolled_at) FROM enrollments WHERE enrolled_at < ?), (SELECT max(completed_at) FROM enrollments WHERE completed_at < ?)",
            [bound, bound]
        ) { row in
            latest = [row.string(0), row.string(1)].compactMap { $0.flatMap(CivilDate.init(iso:)) }
                .max()
        }
        return latest
    }
}
