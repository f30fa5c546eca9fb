import Testing

@testable import AlmanacCore

@Suite struct PostgresSQLTests {
    @Test(
        "numbers ? placeholders outside literals, quoted names, comments and dollar quotes",
        arguments: [
            ("SELECT ?, ?", "SELECT $1, $2"),
            ("SELECT '?', ?", "SELECT '?', $1"),
            ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"),
            (#"SELECT E'\' ?', ?"#, #"SELECT E'\' ?', $1"#),
            (#"SELECT "odd?name" FROM t WHERE a = ?"#, #"SELECT "odd?name" FROM t WHERE a = $1"#),
            ("SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2"),
            ("SELECT /* a /* nested? */ still? */ ?", "SELECT /* a /* nested? */ still? */ $1"),
            ("SELECT $$ what? $$, ?", "SELECT $$ what? $$, $1"),
            ("SELECT $body$ a $$ ? $body$, ?", "SELECT $body$ a $$ ? $body$, $1"),
            (
                "SELECT price$ FROM t WHERE a = ? AND b = ?",
                "SELECT price$ FROM t WHERE a = $1 AND b = $2"
            ),
            ("SELECT 1", "SELECT 1"),
        ])
    func placeholders(sql: String, expected: String) {
        #expect(PostgresSQL.numberingPlaceholders(sql) == expected)
    }

    @Test(
        "counts statements, ignoring trailing semicolons and comments",
        arguments: [
            ("SELECT 1", 1),
            ("SELECT 1;", 1),
            ("SELECT 1; -- done\n/* really */ ;", 1),
            ("SELECT ';'", 1),
            ("SELECT 1; DELETE FROM enrollments", 2),
            ("SELECT $$;$$; SELECT 2", 2),
            ("", 0),
            ("-- nothing\n/* at all */", 0),
        ])
    func statements(sql: String, expected: Int) {
        #expect(PostgresSQL.statementCount(sql) == expected)
    }

    @Test(
        "shows a URL without its password or query",
        arguments: [
            (
                "postgres://almanac:s3cret@db.example.com:5433/reports?sslmode=require",
                "postgres://almanac@db.example.com:5433/reports"
            ),
            ("postgresql://db.example.com/reports", "postgres://db.example.com/reports"),
            (
                "postgres://almanac:p%40ss@db.example.com/reports",
                "postgres://almanac@db.example.com/reports"
            ),
            (
                "postgres://almanac@db.example.com/reports?password=s3cret",
                "postgres://almanac@db.example.com/reports"
            ),
            (
                "postgres://almanac@/reports?host=/var/run/postgresql",
                "postgres://almanac@%2Fvar%2Frun%2Fpostgresql/reports"
            ),
            // libpq cannot parse this one (no closing bracket): the fallback still drops the secret.
            ("postgres://almanac:s3cret@[::1/reports", "postgres://[::1/reports"),
        ])
    func redaction(url: String, expected: String) {
        #expect(PostgresURL.redacted(url) == expected)
        #expect(DatabaseLocation(url).description == expected)
    }

    @Test("tells PostgreSQL URLs from SQLite paths")
    func locations() {
        #expect(DatabaseLocation("POSTGRES://h/d").isPostgres)
        #expect(DatabaseLocation("postgresql://h/d").isPostgres)
        #expect(!DatabaseLocation("data/postgres.db").isPostgres)
        #expect(DatabaseLocation("data/demo.db").description == "data/demo.db")
        #expect(DatabaseLocation("data/demo.db").filePath == "data/demo.db")
        #expect(DatabaseLocation("postgres://u:pw@h/d").filePath == nil)
    }

    @Test(
        "writes COPY text: tabs between values, \\N for NULL, escapes for tab, newline, backslash")
    func copyFormat() throws {
        var sent: [UInt8] = []
        let writer = PostgresCopyWriter {
            sent += $0
            return true
        }
        try writer.row([.integer(7), .text("a\tb\\c\nd\re"), .null, .real(0.37)])
        try writer.row([.integer(-1), .text(""), .real(1e-05), .text("é")])
        try writer.flush()
        #expect(
            String(decoding: sent, as: UTF8.self)
                == "7\ta\\tb\\\\c\\nd\\re\t\\N\t0.37\n-1\t\t1e-05\té\n")
    }

    @Test("a timeout reads in the unit of its flag")
    func timeoutText() {
        let place = "postgres://almanac@127.0.0.1:5432/demo"
        #expect(
            DatabaseError(path: place, reason: .timeout(milliseconds: 300_000)).description
                == "postgres://almanac@127.0.0.1:5432/demo: the statement ran longer than statement_timeout (300 s)"
        )
        #expect(
            DatabaseError(path: place, reason: .timeout(milliseconds: 1_500)).description
                == "postgres://almanac@127.0.0.1:5432/demo: the statement ran longer than statement_timeout (1.5 s)"
        )
        #expect(
            DatabaseError(path: place, reason: .timeout(milliseconds: 100)).description
                == "postgres://almanac@127.0.0.1:5432/demo: the statement ran longer than statement_timeout (100 ms)"
        )
    }

    @Test("database_options.statement_timeout is read in seconds")
    func questionsFileTimeout() throws {
        let file = try QuestionLoader().load(
            """
            title: T
            database: postgres://almanac@db.example.com/reports
            database_options:
              statement_timeout: 2.5
            questions:
              - text: How many enrollments?
            """, path: "q.yaml")
        #expect(file.statementTimeout == 2_500)
        #expect(file.database == "postgres://almanac@db.example.com/reports")
        #expect(throws: QuestionFileError.self) {
            try QuestionLoader().load(
                """
                title: T
                database_options: {statement_timeout: soon}
                questions: [{text: How many enrollments?}]
                """, path: "q.yaml")
        }
    }
}
