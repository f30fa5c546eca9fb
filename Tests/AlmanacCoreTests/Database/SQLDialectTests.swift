import Foundation
import Testing

@testable import AlmanacCore

/// Every engine-specific spelling of `SQLDialect`, run in the engine itself, against answers
/// worked out by hand. They run on SQLite always, and on PostgreSQL too when
/// `ALMANAC_TEST_POSTGRES_URL` names a server (`make test` starts one).
@Suite struct SQLDialectTests {
    static func engines() throws -> [any DatabaseConnection] {
        var engines: [any DatabaseConnection] = [try SQLiteConnection(path: Fixture.database(""))]
        if let postgres = try TestPostgres.connection() { engines.append(postgres) }
        return engines
    }

    func value(_ expression: String, on db: any DatabaseConnection) throws -> SQLValue {
        var result = SQLValue.null
        try db.query("SELECT \(expression)", []) { result = $0.value(0) }
        return result
    }

    @Test(
        "weeks start on Monday, also across a year end",
        arguments: [
            // 2024-12-30 is a Monday; 2025-01-01 a Wednesday; 2025-01-05 a Sunday.
            ("2024-12-29", "2024-12-23"), ("2024-12-30", "2024-12-30"),
            ("2025-01-01", "2024-12-30"),
            ("2025-01-05T23:59:59", "2024-12-30"), ("2025-01-06", "2025-01-06"),
            ("2024-02-29", "2024-02-26"),
        ])
    func weekStart(day: String, monday: String) throws {
        for db in try Self.engines() {
            #expect(
                try value(db.dialect.weekStart("'\(day)'"), on: db) == .text(monday),
                "\(db.dialect.name)")
        }
    }

    @Test("seconds since 1970 of a date and a date-time")
    func epochSeconds() throws {
        for db in try Self.engines() {
            // One day; 2024-03-01 is day 19783 since 1970 (54 years with 13 leap days, + 59 + 1).
            #expect(try value(db.dialect.epochSeconds("'1970-01-02'"), on: db) == .integer(86_400))
            #expect(
                try value(db.dialect.epochSeconds("'2024-03-01T08:00:00'"), on: db)
                    == .integer(19_783 * 86_400 + 8 * 3_600))
        }
    }

    @Test(
        "timestamps the schema allows, and ones it does not",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2024-02-30", false),
            ("2024-04-31", false),
            ("2024-13-01", false), ("2024-00-10", false), ("2024-12-31T23:59:59", true),
            ("2024-12-31T24:00:00", false), ("2024-12-31T10:60:00", false),
            ("2024-12-31 10:00:00", false),
            ("2024-1-05", false), ("yesterday", false), ("2024-01-05T10:00", false),
            ("1900-02-29", false),
            ("2000-02-29", true), ("0000-01-01", false), ("0001-01-01", true),
        ])
    func timestamps(text: String, valid: Bool) throws {
        for db in try Self.engines() {
            let flag = try value(db.dialect.flag(db.dialect.isTimestamp("'\(text)'")), on: db)
            #expect(flag == .integer(valid ? 1 : 0), "\(db.dialect.name): \(text)")
        }
    }

    @Test(
        "ratios round half away from zero in integers; a zero denominator gives 0",
        arguments: [
            (1, 8, 2, 0.13), (1, 8, 4, 0.125), (2, 3, 4, 0.6667), (1, 3, 4, 0.3333), (5, 0, 4, 0.0),
            (7, 7, 4, 1.0), (1, 20_000, 4, 0.0001), (1, 40_000, 4, 0.0), (3, 40_000, 4, 0.0001),
        ])
    func ratio(numerator: Int, denominator: Int, places: Int, expected: Double) throws {
        for db in try Self.engines() {
            let result = try value(
                db.dialect.ratio("\(numerator)", "\(denominator)", places: places), on: db)
            #expect(
                ResultRecord(index: ["x": 0], values: [result]).double("x") == expected,
                "\(db.dialect.name)")
        }
    }

    @Test(
        "durations in seconds become days rounded half away from zero",
        arguments: [
            // 4,320 s is 0.05 days exactly; a median of two may end in .5 s.
            ("4320", 0.1), ("4319", 0.0), ("194400", 2.3), ("43200.5", 0.5), ("0", 0.0),
            ("NULL", nil),
        ] as [(String, Double?)])
    func days(seconds: String, expected: Double?) throws {
        for db in try Self.engines() {
            let result = try value(db.dialect.days(seconds), on: db)
            #expect(
                ResultRecord(index: ["x": 0], values: [result]).double("x") == expected,
                "\(db.dialect.name)")
        }
    }

    @Test("a median is the middle value, or the mean of the two middle values")
    func medians() throws {
        // 5 10 30 40 → 20; 1 2 → 1.5; 9 alone → 9.
        let source = """
            SELECT 'a' AS k, 10 AS v UNION ALL SELECT 'a', 30 UNION ALL SELECT 'a', 5 UNION ALL SELECT 'a', 40
            UNION ALL SELECT 'b', 1 UNION ALL SELECT 'b', 2 UNION ALL SELECT 'c', 9
            """
        for db in try Self.engines() {
            let sql = db.dialect.quantiles([0.5], of: "v", by: ["k"], from: source)
            let rows = try ResultSet.read(
                SQLStatement("m", "SELECT * FROM (\(sql)) AS m ORDER BY k"), from: db
            )
            .records.map { $0.double("q1") }
            #expect(rows == [20, 1.5, 9], "\(db.dialect.name)")
        }
    }

    @Test("quantiles interpolate between ranks, with ties and a NULL group")
    func quantiles() throws {
        // Group 1: 1 2 2 2 5 → q1 2, median 2, q3 2. Group 2: 1 2 3 4 → q1 1.75, median 2.5,
        // q3 3.25 (positions 0.75, 1.5, 2.25). The NULL group: 10 alone → 10 everywhere.
        let source = """
            SELECT 1 AS k, 1 AS v UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 2
            UNION ALL SELECT 1, 5 UNION ALL SELECT 2, 4 UNION ALL SELECT 2, 3 UNION ALL SELECT 2, 2
            UNION ALL SELECT 2, 1 UNION ALL SELECT NULL, 10
            """
        for db in try Self.engines() {
            let sql = db.dialect.quantiles([0.25, 0.5, 0.75], of: "v", by: ["k"], from: source)
            let rows = try ResultSet.read(
                SQLStatement("q", "SELECT * FROM (\(sql)) AS q ORDER BY k NULLS FIRST"), from: db
            )
            .records.map { [$0.double("q1"), $0.double("q2"), $0.double("q3")] }
            #expect(rows == [[10, 10, 10], [2, 2, 2], [1.75, 2.5, 3.25]], "\(db.dialect.name)")
        }
    }

    @Test("quantiles count each group's rows when asked, ties and a NULL group included")
    func countedQuantiles() throws {
        // Group 1: 1 2 2 2 5 → 5 rows, median 2. Group 2: 1 2 3 4 → 4 rows, median 2.5. The
        // NULL group: 10 alone → 1 row, median 10.
        let source = """
            SELECT 1 AS k, 1 AS v UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 2 UNION ALL SELECT 1, 2
            UNION ALL SELECT 1, 5 UNION ALL SELECT 2, 4 UNION ALL SELECT 2, 3 UNION ALL SELECT 2, 2
            UNION ALL SELECT 2, 1 UNION ALL SELECT NULL, 10
            """
        for db in try Self.engines() {
            let sql = db.dialect.quantiles(
                [0.5], of: "v", by: ["k"], from: source, counted: "rows_in_group")
            let rows = try ResultSet.read(
                SQLStatement("q", "SELECT * FROM (\(sql)) AS q ORDER BY k NULLS FIRST"), from: db
            )
            .records.map { [$0.double("q1"), Double($0.int("rows_in_group"))] }
            #expect(rows == [[10, 1], [2, 5], [2.5, 4]], "\(db.dialect.name)")
        }
    }

    @Test("a statement without values is inlined as it stands, question marks and comments too")
    func inlineWithoutValues() {
        let bare = "SELECT 'é?', \"?\" FROM t WHERE a = ? -- b = ?\r\nAND c = ?"
        #expect(SQLStatement.inline(bare, []) == bare)
    }
}
