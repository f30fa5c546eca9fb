import Foundation
import Testing

@testable import AlmanacCore

/// Against a real server: `make test` starts one on loopback and sets ALMANAC_TEST_POSTGRES_URL
/// (postgres://almanac:<password>@127.0.0.1:<port>/demo); without it these tests are skipped.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] != nil))
struct PostgresConnectionTests {
    let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] ?? ""
    var parts: URLComponents { URLComponents(string: url)! }
    var password: String { parts.password! }
    /// The URL with the password left out, as every message must show it.
    var place: String { "postgres://\(parts.user!)@\(parts.host!):\(parts.port!)\(parts.path)" }

    /// The test URL with one part changed.
    func url(
        password: String? = nil, port: Int? = nil, database: String? = nil, query: String? = nil
    ) -> String {
        var changed = parts
        if let password { changed.password = password }
        if let port { changed.port = port }
        if let database { changed.path = "/" + database }
        if let query { changed.percentEncodedQuery = query }
        return changed.string!
    }

    /// Bigint's least value crashed the build: its digits overflowed a count above zero.
    @Test("reads bigint's least and greatest values, and a numeric beyond them clamped")
    func bigintBounds() throws {
        let db = try PostgresConnection(url: url)
        var checked = false
        try db.query(
            """
            SELECT CAST(-9223372036854775808 AS bigint) AS least,
                   CAST(9223372036854775807 AS bigint) AS greatest,
                   CAST(-9223372036854775807 AS bigint) AS next,
                   -99999999999999999999::numeric AS below
            """, []
        ) { row in
            #expect(row.value(0) == .integer(Int64.min))
            #expect(row.int(0) == Int.min)
            #expect(row.value(1) == .integer(Int64.max))
            #expect(row.int(2) == -9_223_372_036_854_775_807)
            #expect(row.int(3) == Int.min)
            checked = true
        }
        #expect(checked)
    }

    @Test("binds parameters as text and reads integers, reals, text and NULL by column type")
    func types() throws {
        let db = try PostgresConnection(url: url)
        var checked = false
        try db.query(
            """
            SELECT ?::int + 1 AS n, ?::text AS t, NULL::text AS nothing, 2.5::float8 AS f,
                   7::numeric / 2 AS q, true AS b, 0.1::float8 + 0.2::float8 AS sum,
                   '?' AS literal, ?::bigint AS big
            """,
            [.integer(41), .text("it's ünïcode"), .integer(9_007_199_254_740_993)]
        ) { row in
            #expect(row.columnCount == 9)
            #expect(row.columnName(0) == "n")
            #expect(row.value(0) == .integer(42))
            #expect(row.int(0) == 42)
            #expect(row.string(1) == "it's ünïcode")
            #expect(row.value(2) == .null)
            #expect(row.isNull(2))
            #expect(row.string(2) == nil)
            #expect(row.int(2) == 0)
            #expect(row.value(3) == .real(2.5))
            #expect(row.value(4) == .real(3.5))
            #expect(row.int(4) == 3)
            #expect(row.value(5) == .text("t"))
            // extra_float_digits = 3: the server sends the shortest text of the exact double.
            #expect(row.double(6) == 0.30000000000000004)
            #expect(row.value(7) == .text("?"))
            #expect(row.value(8) == .integer(9_007_199_254_740_993))
            row.withText(1) { #expect(String(decoding: $0, as: UTF8.self) == "it's ünïcode") }
            checked = true
        }
        #expect(checked)
        #expect(db.engine.hasPrefix("PostgreSQL 15."))
        #expect(db.location == place)
        #expect(!db.location.contains(password))
    }

    @Test("streams many rows, and stops cleanly when the reader has seen enough")
    func streaming() throws {
        let db = try PostgresConnection(url: url)
        var total = 0
        try db.query("SELECT generate_series(1, 5000)", []) { total += $0.int(0) }
        #expect(total == 12_502_500)  // 5000 × 5001 / 2

        struct Enough: Error {}
        var seen = 0
        #expect(throws: Enough.self) {
            try db.query("SELECT generate_series(1, 10000000)", []) { _ in
                seen += 1
                if seen == 3 { throw Enough() }
            }
        }
        #expect(seen == 3)
        // The connection is usable again.
        #expect(try db.scalarInt("SELECT ? * 2", [.integer(21)]) == 42)
    }

    @Test("the session is read only")
    func readOnly() throws {
        let db = try PostgresConnection(url: url)
        #expect(
            throws: DatabaseError(
                path: place,
                reason: .readOnly("cannot execute CREATE TABLE in a read-only transaction"))
        ) {
            try db.query("CREATE TABLE almanac_should_not_exist(x int)", []) { _ in }
        }
        #expect(
            throws: DatabaseError(
                path: place,
                reason: .readOnly("cannot execute CREATE TABLE in a read-only transaction"))
        ) {
            try db.execute("CREATE TABLE almanac_should_not_exist(x int)")
        }
    }

    @Test("custom SQL must be one statement that reads")
    func readOnlyProblem() throws {
        let writer = try PostgresConnection(url: url, mode: .write)
        try writer.execute("CREATE TABLE IF NOT EXISTS almanac_test_scratch(x int)")
        defer { try? writer.execute("DROP TABLE almanac_test_scratch") }
        let db = try PostgresConnection(url: url)
        #expect(db.readOnlyProblem(in: "SELECT x FROM almanac_test_scratch; -- fine") == nil)
        #expect(db.readOnlyProblem(in: "WITH t AS (SELECT 1 AS x) SELECT x FROM t") == nil)
        #expect(db.readOnlyProblem(in: "SELECT 1; SELECT 2") == "only one statement is allowed")
        #expect(db.readOnlyProblem(in: "-- nothing") == "the SQL is empty")
        let writes = "the statement would write to the database; only SELECT or WITH is allowed"
        #expect(
            db.readOnlyProblem(
                in: "WITH gone AS (DELETE FROM almanac_test_scratch RETURNING x) SELECT x FROM gone"
            ) == writes)
        #expect(db.readOnlyProblem(in: "SELECT x FROM almanac_test_scratch FOR UPDATE") == writes)
        #expect(
            db.readOnlyProblem(in: "SELECT nope FROM almanac_test_scratch")
                == #"column "nope" does not exist"#)
        // What a read-only transaction does not stop: a large object (a blind test made one
        // on every build), a server file read into the report.
        for call in [
            "SELECT lo_from_bytea(0, convert_to('x', 'UTF8')) AS n",
            "SELECT LO_IMPORT('/etc/hostname')", "SELECT pg_catalog.pg_read_file('/etc/hostname')",
            // A blind test: the name quoted, split by a comment, escaped; the server's plan
            // spells each call plainly.
            #"SELECT "lo_from_bytea"(0, 'x') AS o"#, "SELECT lo_from_bytea/**/(0, 'x') AS o",
            "SELECT lo_from_bytea -- c\n(0, 'x') AS o", #"SELECT U&"lo_from_bytea"(0, 'x') AS o"#,
            #"SELECT "pg_catalog"."lo_from_bytea"(0, 'x') AS o"#,
            // Other sessions, locks and settings that outlast the statement.
            "SELECT pg_notify('c', 'hello') AS n", "SELECT pg_advisory_lock(77) AS l",
            "SELECT set_config('statement_timeout', '1', false) AS v", "SELECT pg_stat_reset()",
            "SELECT pg_create_physical_replication_slot('s')::text AS f",
        ] {
            #expect(
                db.readOnlyProblem(in: call)?.contains("even in a read-only transaction") == true,
                "\(call)")
        }
        #expect(try largeObjects(writer) == 0)
        let custom = try CustomSQL.run(
            "SELECT 1 AS one, 'a' AS letter, NULL AS nothing", questionID: "q",
            on: db as any DatabaseConnection)
        #expect(custom.columns == ["one", "letter", "nothing"])
        #expect(custom.rows == [[.int(1), .string("a"), .null]])
    }

    private func largeObjects(_ db: PostgresConnection) throws -> Int {
        var count = 0
        try db.query("SELECT count(*) FROM pg_largeobject_metadata", []) {
            count = Int($0.string(0) ?? "") ?? -1
        }
        return count
    }

    @Test("a statement past statement_timeout gives one line with the limit")
    func timeout() throws {
        let db = try PostgresConnection(url: url, statementTimeout: 100)
        let error = #expect(throws: DatabaseError.self) {
            try db.query("SELECT pg_sleep(5)", []) { _ in }
        }
        #expect(
            error?.description
                == "\(place): the statement ran longer than statement_timeout (100 ms)")
    }

    @Test("a missing table is named, on one line")
    func missingTable() throws {
        let db = try PostgresConnection(url: url)
        #expect(throws: DatabaseError(path: place, reason: .missingTable("no_such_table"))) {
            try db.query("SELECT * FROM no_such_table", []) { _ in }
        }
    }

    @Test("a wrong password names the server, database and user, never a password")
    func wrongPassword() throws {
        let wrong = "wrong-\(password)-guess"
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(password: wrong))
        }
        let text = error?.description ?? ""
        #expect(text == "\(place): password authentication failed for user \"almanac\"")
        #expect(!text.contains(password))
        #expect(!text.contains("wrong-"))
    }

    @Test("a port with no server says so, with host and port")
    func unreachable() throws {
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(port: 1))
        }
        let host = parts.host!
        #expect(
            error?.description
                == "postgres://almanac@\(host):1/demo: cannot connect: connection refused (is the server running on \(host):1?)"
        )
        #expect(!(error?.description.contains(password) ?? true))
    }

    @Test("a missing database is named")
    func missingDatabase() throws {
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(database: "no_such_db"))
        }
        #expect(
            error?.description
                == "postgres://almanac@\(parts.host!):\(parts.port!)/no_such_db: database \"no_such_db\" does not exist"
        )
    }

    /// A one-letter wrong password was blanked inside every word: "[p[password]ssword]
    /// [p[password]ssword]uthentic[p[password]ssword]tion f[p[password]ssword]iled …", which
    /// spelled out the letter (a fault test).
    @Test("a short password is blanked only where it stands whole", arguments: ["a", "o", "e"])
    func shortPassword(wrong: String) throws {
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(password: wrong))
        }
        #expect(
            error?.description
                == "\(place): password authentication failed for user \"\(parts.user!)\"")
    }

    @Test("a URL whose password holds @ / # ? says how to write it, and shows none of it")
    func unencodedPassword() throws {
        let bad = url.replacingOccurrences(of: ":\(password)@", with: ":p@ss:w/rd#x?y@")
        let error = #expect(throws: DatabaseError.self) { try PostgresConnection(url: bad) }
        let text = error?.description ?? ""
        #expect(text.contains("percent-encode them in the URL (@ is %40"))
        #expect(!text.contains("rd#x") && !text.contains("127.0.0.1"))
    }

    @Test("a URL libpq cannot read otherwise says how to percent-encode")
    func unreadableURL() throws {
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(query: "no_such_parameter=1"))
        }
        #expect(error?.description.contains("must be percent-encoded in the URL (@ is %40") == true)
    }

    /// A schema missing from the search path was "the database is empty (it has no
    /// tables)", with the four tables in public (a fault test).
    @Test("a search path with no usable schema says so, not that the database is empty")
    func missingSchema() throws {
        let db = try PostgresConnection(url: url(query: "options=-csearch_path%3Dno_such_schema"))
        #expect(
            throws: DatabaseError(
                path: db.location,
                reason: .emptySchema(schema: nil, searchPath: "no_such_schema"))
        ) {
            _ = try SchemaChecker().structure(db)
        }
    }

    @Test("a server message that quotes the password has it blanked")
    func echoedPassword() throws {
        // The server quotes a bad setting's value back: here, the password.
        let error = #expect(throws: DatabaseError.self) {
            try PostgresConnection(url: url(query: "options=-c%20statement_timeout%3D\(password)"))
        }
        let text = error?.description ?? ""
        #expect(!text.contains(password))
        #expect(
            text == "\(place): invalid value for parameter \"statement_timeout\": \"[password]\"")
    }
}

/// `almanac seed --out postgres://…` against the real server.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] != nil))
struct PostgresSeedTests {
    let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] ?? ""

    @Test(
        "copies the demo's rows, refuses existing tables without --force, and passes almanac check")
    func seed() throws {
        var options = SeedOptions()
        options.users = 40
        options.organizations = 3
        options.badges = 5
        let seeder = DemoSeeder(options: options)
        let writer = try PostgresConnection(url: url, mode: .write)
        let summary = try seeder.write(to: writer, replace: true)
        #expect(summary.users == 40 && summary.organizations == 3 && summary.badges == 5)

        let db = try PostgresConnection(url: url)
        #expect(try db.scalarInt("SELECT count(*) FROM users") == 40)
        #expect(try db.scalarInt("SELECT count(*) FROM enrollments") == summary.enrollments)
        // The same rows as the SQLite file: compare one aggregate of every column. (PostgreSQL
        // sums bigints as numeric, which reads as a real: cast back to compare.)
        let file = Fixture.folder().appending(path: "demo.db").path
        _ = try seeder.write(to: file)
        let sqlite = try SQLiteConnection(path: file)
        let fingerprint = """
            SELECT count(*), CAST(sum(user_id) AS bigint), CAST(sum(badge_id) AS bigint),
                   max(enrolled_at), min(status),
                   sum(progress), count(completed_at), max(completed_at) FROM enrollments
            """
        let fromSQLite = try sqlite.rows(fingerprint) { row in (0..<8).map { row.value($0) } }
        let fromPostgres = try db.rows(fingerprint) { row in (0..<8).map { row.value($0) } }
        #expect(fromPostgres == fromSQLite)
        #expect(try SchemaChecker().check(db).findings == [])

        let error = #expect(throws: SeedError.self) { try seeder.write(to: writer) }
        #expect(
            error?.description
                == "\(db.location) already has organizations, users, badges, enrollments; pass --force to drop and recreate the four tables"
        )
    }
}
