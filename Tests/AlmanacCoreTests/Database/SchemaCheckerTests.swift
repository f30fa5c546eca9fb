import Foundation
import Testing

@testable import AlmanacCore

@Suite struct SchemaCheckerTests {
    /// The schema without its CHECK constraint, so that bad rows can be inserted.
    static let looseSchema = DemoSeeder.schemaSQL.replacingOccurrences(
        of: "CHECK (status IN ('enrolled','in_progress','completed','dropped'))", with: "")

    @Test("a clean database has no findings")
    func clean() throws {
        let path = try Fixture.database(Fixture.platformRows)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(report.findings == [])
    }

    @Test("finds every kind of bad row, with a count and the first example id")
    func badRows() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO enrollments VALUES
                  (10, 1, 1, '2024-01-05', 'done', 0.5, NULL),
                  (11, 1, 1, '2024/01/05', 'enrolled', 0, NULL),
                  (12, 2, 1, '2024-02-30', 'enrolled', 0, NULL),
                  (13, 1, 1, '2024-01-05', 'in_progress', 1.5, NULL),
                  (14, 1, 1, '2024-02-01', 'completed', 1, '2024-01-01'),
                  (15, 1, 1, '2024-02-01', 'completed', 1, 'yesterday'),
                  (16, 99, 1, '2024-02-01', 'enrolled', 0, NULL),
                  (17, 1, 1, '2024-02-01', 'completed', 1, NULL),
                  (18, 1, 1, '2024-02-01', 'wrong', -0.1, NULL),
                  (19, 1, 1, '2024-02-01', 'enrolled', 'abc', NULL);
                """, schema: Self.looseSchema)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let byMessage = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.message, $0) })
        func finding(_ prefix: String) -> SchemaFinding? {
            byMessage.first { $0.key.hasPrefix(prefix) }?.value
        }
        #expect(finding("enrollments with a status")?.count == 2)
        #expect(finding("enrollments with a status")?.exampleID == 10)
        #expect(finding("enrollments with an unparseable enrolled_at")?.count == 2)  // 11 and 12
        #expect(finding("enrollments with an unparseable enrolled_at")?.exampleID == 11)
        #expect(finding("enrollments with an unparseable completed_at")?.exampleID == 15)
        #expect(finding("enrollments with progress")?.count == 2)  // 13 and 18, not 19
        #expect(finding("enrollments whose progress is not a number")?.count == 1)
        #expect(finding("enrollments whose progress is not a number")?.exampleID == 19)
        #expect(finding("enrollments with completed_at earlier")?.exampleID == 14)
        #expect(finding("enrollments whose user_id")?.exampleID == 16)
        #expect(finding("completed enrollments with no completed_at")?.severity == .warning)
        // One row (17): the noun, the second word, is singular.
        #expect(
            finding("completed enrollments with no completed_at")?.description
                == "1 completed enrollment with no completed_at (left out of completion times) (e.g. id 17)"
        )
        #expect(
            finding("enrollments whose progress")?.description
                == "1 enrollment whose progress is not a number (NULL, or text such as '0.5': store it as a number) (e.g. id 19)"
        )
        #expect(report.hasErrors)
    }

    /// A dropped or unfinished enrollment with a `completed_at` is not a completion (the
    /// measures count `completed` rows), which `check` said nothing of.
    @Test("a completed_at on an enrollment that is not completed is a warning")
    func dateWithoutCompletion() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO enrollments VALUES
                  (20, 1, 1, '2024-02-01', 'dropped', 0.4, '2024-03-01'),
                  (21, 2, 1, '2024-02-01', 'in_progress', 0.9, '2024-03-02'),
                  (22, 1, 1, '2024-02-01', 'enrolled', 0, NULL),
                  (23, 1, 1, '2024-02-01', 'completed', 1, '2024-03-03');
                """)
        let finding = try onlyWarning(path)
        #expect(finding.count == 2)
        #expect(finding.exampleID == 20)
        #expect(
            finding.description
                == "2 enrollments with a completed_at whose status is not completed (not counted as completions, nor in completion times) (e.g. id 20)"
        )
    }

    /// The one finding of a database whose only fault is a warning.
    func onlyWarning(_ path: String) throws -> SchemaFinding {
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(report.findings.count == 1)
        #expect(!report.hasErrors)
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .warning)
        return finding
    }

    /// An attack run: half the learners joined on 2026-09-29, after their enrollments; a
    /// report as of 2025-06-30 showed 1,448 registered users beside 2,714 learners who had
    /// enrolled, and `check` said OK.
    @Test("an enrollment made before its learner joined is a warning")
    func enrolledBeforeJoining() throws {
        // Users joined 2024-01-01; user 5 joins 2024-02-01 and enrolls on 2024-01-31 (id 20)
        // and on the day itself (id 21, not before); user 6 joins at noon on 2024-02-03, after
        // an enrollment that morning (id 22: the same day, which no report day lies between)
        // and after one on 2024-02-02T23:00 (id 23, the day before).
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO users VALUES (5, 'Ed', 1, '2024-02-01'), (6, 'Flo', 2, '2024-02-03T12:00:00');
                INSERT INTO enrollments VALUES
                  (20, 5, 1, '2024-01-31', 'enrolled', 0, NULL),
                  (21, 5, 2, '2024-02-01', 'enrolled', 0, NULL),
                  (22, 6, 1, '2024-02-03T09:00:00', 'enrolled', 0, NULL),
                  (23, 6, 2, '2024-02-02T23:00:00', 'enrolled', 0, NULL);
                """)
        let finding = try onlyWarning(path)
        #expect(finding.count == 2)
        #expect(finding.exampleID == 20)
    }

    /// "Python  Basics" (two spaces) and "Python Basics" showed as two rows of one name on
    /// the pages, and `check` said OK; so did a no-break space, a tab or a line break.
    @Test("names that differ only in the spaces inside them are one name")
    func innerSpaces() throws {
        let loose = Self.looseSchema.replacingOccurrences(
            of: "name TEXT NOT NULL UNIQUE", with: "name TEXT NOT NULL")
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO badges VALUES (4, 'Python  Basics', 'Other'),
                  (5, 'SQL' || char(160) || 'Fundamentals', 'Other'),
                  (6, 'SQL' || char(9) || char(10) || 'Fundamentals', 'Other');
                """, schema: loose)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let duplicates = try #require(
            report.errors.first { $0.message.contains("whose name another badge also has") })
        // 1 and 4 are Python Basics; 2, 5 and 6 are SQL Fundamentals.
        #expect(duplicates.count == 5)
        #expect(
            duplicates.message.contains("\"Python Basics\" (id 1) and \"Python  Basics\" (id 4)"))
    }

    /// An attack run: "Acme" and "Acme" + U+2060 were two rows reading "Acme" (50.00% and
    /// 0.00%), a name of a soft hyphen alone printed as nothing, and two badges alike in
    /// their first 120 characters were two rows of one label on every page.
    @Test("invisible characters and what a page cuts off do not tell two names apart")
    func invisibleAndCut() {
        let long = String(repeating: "Advanced Machine Learning Engineering ", count: 4)
        let rows: [(id: Int, name: String)] = [
            (1, "Acme"), (2, "Acme\u{2060}"), (3, "\u{00AD}"), (4, "\u{034F}\u{2060}"),
            (5, long + "Part One"), (6, long + "Part Two"), (7, "Globex"),
        ]
        let duplicates = SchemaChecker.duplicateNames(rows, table: "badges", noun: "badge")
        // 1 and 2; 5 and 6. Blank names are their own finding: 3 and 4.
        #expect(duplicates?.count == 4)
        #expect(duplicates?.message.contains(#""Acme" (id 1) and "Acme\u{2060}" (id 2)"#) == true)
        #expect(
            SchemaChecker.blankNames(rows, table: "badges")?.message.contains("(ids 3, 4)") == true)
        // Alike in 118 characters, apart in the 119th that a page still shows: two names.
        let alike = String(repeating: "x", count: 118)
        let shorter = [(id: 1, name: alike + "A tail"), (id: 2, name: alike + "B tail")]
        #expect(SchemaChecker.duplicateNames(shorter, table: "badges", noun: "badge") == nil)
    }

    /// An attack run: "Driven by the category Data (+12.4, 32.6% of the change)" was the two
    /// badges of "Data " alone, and the categories' table listed "Data" twice and a blank.
    @Test("categories written two ways a page shows alike, or blank, are errors")
    func categories() {
        let rows: [(id: Int, name: String)] = [
            (1, ""), (2, "Data "), (3, "Data"), (4, "Cloud"), (5, "data"), (6, "Cloud"), (7, "  "),
        ]
        let findings = SchemaChecker.categoryFindings(rows)
        #expect(findings.count == 2)
        // 2, 3 and 5 are one category written three ways; Cloud is one, written alike twice.
        #expect(findings.first?.count == 3)
        #expect(findings.first?.message.contains("(ids 2, 3, 5)") == true)
        #expect(!(findings.first?.message.contains("Cloud") ?? true))
        #expect(findings.last?.message.contains("(ids 1, 7)") == true)
        #expect(SchemaChecker.categoryFindings([(1, "Data"), (2, "Data"), (3, "Cloud")]).isEmpty)
    }

    /// An attack run: with no index of enrollments on user_id, 24,090 enrollments' learning
    /// paths took 31 s and 96,526 ran past the statement timeout, and `check` said OK.
    @Test("past 10,000 enrollments, no index beginning with user_id is a warning")
    func learnerIndex() throws {
        func findings(rows: Int, index: String?) throws -> [SchemaFinding] {
            let path = try Fixture.database(
                """
                INSERT INTO organizations VALUES (1, 'Acme');
                INSERT INTO users VALUES (1, 'u', 1, '2024-01-01');
                INSERT INTO badges VALUES (1, 'Python Basics', 'Data');
                WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < \(rows))
                INSERT INTO enrollments SELECT n, 1, 1, '2024-01-02', 'enrolled', 0, NULL FROM d;
                DROP INDEX IF EXISTS enrollments_by_learner;
                \(index ?? "")
                """)
            return try SchemaChecker().learnerIndex(SQLiteConnection(path: path))
        }
        #expect(try findings(rows: 10_000, index: nil).isEmpty)
        let warned = try findings(rows: 10_001, index: nil)
        #expect(warned.map(\.severity) == [.warning])
        #expect(warned.first?.message.contains("10,001 enrollments") == true)
        #expect(
            try findings(
                rows: 10_001, index: "CREATE INDEX by_user ON enrollments(user_id, badge_id);"
            ).isEmpty)
        // An index on user_id that does not begin with it does not serve.
        #expect(
            try findings(
                rows: 10_001, index: "CREATE INDEX by_badge ON enrollments(badge_id, user_id);"
            ).count == 1)
    }

    /// A blind test's tables without a primary key repeated ids, and `check` said OK: the
    /// repeated learner made 3 enrollments count as 4 (completion rate 25 % for 1 of 3), and
    /// the repeated badge id credited Ruby with Python's enrollment.
    @Test("ids that two rows share are errors, in every table")
    func repeatedIDs() throws {
        let path = try Fixture.database(
            """
            INSERT INTO organizations VALUES (1, 'Acme'), (2, 'Globex'), (2, 'Initech');
            INSERT INTO badges VALUES (1, 'Python', 'P'), (1, 'Ruby', 'R'), (2, 'SQL', 'D');
            INSERT INTO users VALUES (1, 'Ann', 1, '2025-01-01'), (2, 'Bob', 2, '2025-01-01'),
              (2, 'Bob again', 1, '2025-01-01');
            INSERT INTO enrollments VALUES
              (1, 1, 1, '2025-01-10', 'completed', 1, '2025-01-20'),
              (2, 2, 2, '2025-01-11', 'dropped', 0.2, NULL),
              (3, 1, 2, '2025-01-12', 'in_progress', 0.5, NULL),
              (3, 1, 2, '2025-01-12', 'in_progress', 0.5, NULL),
              (3, 1, 2, '2025-01-12', 'in_progress', 0.5, NULL);
            """,
            schema: """
                CREATE TABLE organizations (id INTEGER, name TEXT);
                CREATE TABLE users (id INTEGER, name TEXT, organization_id INTEGER, joined_at TEXT);
                CREATE TABLE badges (id INTEGER, name TEXT, category TEXT);
                CREATE TABLE enrollments (id INTEGER, user_id INTEGER, badge_id INTEGER,
                  enrolled_at TEXT, status TEXT, progress REAL, completed_at TEXT);
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let repeated = report.findings.filter {
            $0.message.contains("whose id another row also has")
        }
        #expect(repeated.allSatisfy { $0.severity == .error })
        // Enrollment 3 three times; user 2 twice; badge 1 twice; organization 2 twice.
        #expect(
            repeated.map {
                "\($0.message.prefix { $0 != " " }) \($0.count ?? 0) \($0.exampleID ?? 0)"
            }
                == ["enrollments 3 3", "users 2 2", "badges 2 0", "organizations 2 0"])
        #expect(repeated[2].message.hasSuffix(": id 1 (\"Python\", \"Ruby\")"))
        #expect(repeated[3].message.hasSuffix(": id 2 (\"Globex\", \"Initech\")"))
    }

    /// An attack run's NULL organization id gave two "(no organization)" rows and five
    /// enrollments of three, NULL enrollment ids a learning path that turned with the rows'
    /// order, and ids imported as text ('10' before '9') another; all passed `check`.
    @Test("an id that is NULL, text or a fraction is an error, in every table")
    func untypedIDs() throws {
        let path = try Fixture.database(
            """
            INSERT INTO organizations VALUES (NULL, 'Acme'), (2, 'Globex');
            INSERT INTO badges VALUES ('1', 'Python', 'P'), (2, 'SQL', 'D');
            INSERT INTO users VALUES (1, 'Ann', 2, '2025-01-01'), (2.5, 'Bob', 2, '2025-01-01');
            INSERT INTO enrollments VALUES
              (NULL, 1, 2, '2025-01-10', 'completed', 1, '2025-01-20'),
              ('10', 1, 2, '2025-01-11', 'dropped', 0.2, NULL),
              (9, 1, 2, '2025-01-12', 'in_progress', 0.5, NULL);
            """,
            schema: """
                CREATE TABLE organizations (id, name);
                CREATE TABLE users (id, name, organization_id, joined_at);
                CREATE TABLE badges (id, name, category);
                CREATE TABLE enrollments (id, user_id, badge_id, enrolled_at, status, progress,
                  completed_at);
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let untyped = report.errors.filter {
            $0.message.contains("whose id is NULL or not a whole number")
        }
        // Enrollments NULL and '10'; user 2.5; badge '1'; organization NULL. No example id.
        #expect(
            untyped.map {
                "\($0.message.prefix { $0 != " " }) \($0.count ?? 0) \($0.exampleID == nil)"
            }
                == ["enrollments 2 true", "users 1 true", "badges 1 true", "organizations 1 true"])
    }

    /// `check` said OK to an enrollment of 1970-01-01, which the build then refused (an attack
    /// run).
    @Test("an enrollment dated before 1971 is an error, as the build says")
    func longAgo() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO enrollments VALUES (10, 1, 1, '1970-01-01', 'enrolled', 0, NULL),
                  (11, 1, 1, '1971-01-01T00:00:00', 'enrolled', 0, NULL);
                """, schema: Self.looseSchema)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(
            report.errors.map(\.description) == [
                "1 enrollment dated before 1971 (a Unix time of 0?): a report would count every period since, and the build refuses them (e.g. id 10)"
            ])
    }

    /// An attack run: a user_id '1' beside 1 joined its learner but grouped apart, and the
    /// build published "Acme (2), Acme (2), Acme (1) and Acme (1)" for Acme's 3 enrollments.
    @Test("a reference stored as text is an error; NULL is the other rules'")
    func textReferences() throws {
        let path = try Fixture.database(
            """
            INSERT INTO organizations VALUES (1, 'Acme');
            INSERT INTO badges VALUES (1, 'Python Basics', 'P'), (2, 'SQL', 'D');
            INSERT INTO users VALUES (1, 'u1', 1, '2025-01-01'), (2, 'u2', '1', '2025-01-01'),
              (3, 'u3', NULL, '2025-01-01');
            INSERT INTO enrollments VALUES (1, 1, 1, '2025-02-01', 'completed', 1, '2025-02-05'),
              (2, '1', '2', '2025-02-02', 'enrolled', 0, NULL),
              (3, 2, 1.5, '2025-02-03', 'enrolled', 0, NULL),
              (4, 3, 2, '2025-02-03', 'enrolled', 0, NULL);
            """,
            schema: """
                CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, organization_id, joined_at TEXT);
                CREATE TABLE badges (id INTEGER PRIMARY KEY, name TEXT, category TEXT);
                CREATE TABLE enrollments (id INTEGER PRIMARY KEY, user_id, badge_id, enrolled_at TEXT,
                  status TEXT, progress REAL, completed_at TEXT);
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let found = report.errors.filter {
            $0.message.contains("is not a whole number (text such as '1'")
        }
        // Enrollments 2 ('1', '2') and 3 (1.5, which also matches no badge); user 2 ('1').
        #expect(
            found.map { "\($0.message.prefix { $0 != " " }) \($0.count ?? 0) \($0.exampleID ?? 0)" }
                == ["enrollments 2 2", "users 1 2"])
    }

    @Test("an organization named like the placeholder for learners with none is an error")
    func placeholderName() {
        let rows: [(id: Int, name: String)] = [
            (1, "Acme"), (2, "(no organization)"), (3, "(No Organization) (#2)"),
            (4, "No organization"),
        ]
        #expect(SchemaChecker.placeholderNames(rows)?.message.contains("(ids 2, 3)") == true)
        #expect(SchemaChecker.placeholderNames([(1, "Acme")]) == nil)
    }

    /// A review: the NUL rule must not refuse a UTF-16 database, whose dates are two bytes a
    /// character, nor a whole-number real id (1.0 groups and joins with 1, as pandas
    /// exports a nullable id); and two long names differing by a space inside are one.
    @Test("UTF-16 dates, real ids of whole numbers and long near-twins")
    func reviewCases() throws {
        let utf16 = try Fixture.database(
            Fixture.platformRows
                + "UPDATE users SET organization_id = 1.0 WHERE organization_id = 1;",
            schema: "PRAGMA encoding = 'UTF-16le';\n"
                + DemoSeeder.schemaSQL.replacingOccurrences(
                    of: "organization_id INTEGER REFERENCES", with: "organization_id REFERENCES"))
        let db = try SQLiteConnection(path: utf16)
        #expect(
            try db.scalarInt("SELECT count(*) FROM pragma_encoding WHERE encoding = 'UTF-16le'")
                == 1)
        #expect(
            try db.scalarInt("SELECT count(*) FROM users WHERE typeof(organization_id) = 'real'")
                ?? 0 > 0)
        #expect(try SchemaChecker().check(db).findings == [])
        let long = String(repeating: "Advanced Machine Learning Engineering ", count: 4)
        let twins = [
            (id: 1, name: long + "One"),
            (id: 2, name: long.replacingOccurrences(of: "Machine ", with: "Machine  ") + "One"),
        ]
        #expect(SchemaChecker.duplicateNames(twins, table: "badges", noun: "badge")?.count == 2)
    }

    /// "2025-03-05" + NUL passed as a date (GLOB reads up to the NUL), and the build dated
    /// its report by the rest of the data (an attack run).
    @Test("a date with a NUL and more after it is unparseable")
    func nulInDate() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO enrollments VALUES
                  (10, 1, 1, '2024-01-05', 'completed', 1, '2024-01-09' || char(0) || 'x'),
                  (11, 1, 1, '2024-01-05T10:00:00' || char(0), 'enrolled', 0, NULL);
                """, schema: Self.looseSchema)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(
            report.errors.map(\.description) == [
                "1 enrollment with an unparseable enrolled_at (e.g. id 11)",
                "1 enrollment with an unparseable completed_at (e.g. id 10)",
            ])
    }

    /// `check` said "5 enrollments with a status other than …" and left the user to find
    /// which values: now it names them, most frequent first.
    @Test("names the statuses that break the rule, with their counts")
    func badStatusValues() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO enrollments VALUES
                  (10, 1, 1, '2024-01-05', 'Complete', 1, '2024-02-01'),
                  (11, 1, 1, '2024-01-05', 'paused', 0.5, NULL),
                  (12, 2, 1, '2024-01-05', 'Complete', 1, '2024-02-01'),
                  (13, 2, 1, '2024-01-05', '', 0, NULL);
                """, schema: Self.looseSchema)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let status = try #require(report.findings.first { $0.message.contains("a status") })
        #expect(
            status.description
                == "4 enrollments with a status other than enrolled, in_progress, completed, dropped (found: 'Complete' in 2, '' in 1, 'paused' in 1) (e.g. id 10)"
        )
    }

    @Test("NULL badge names, categories and organization names are errors")
    func nullLabels() throws {
        let loose = Self.looseSchema
            .replacingOccurrences(of: "name TEXT NOT NULL UNIQUE", with: "name TEXT")
            .replacingOccurrences(of: "category TEXT NOT NULL", with: "category TEXT")
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO organizations VALUES (7, NULL);
                INSERT INTO badges VALUES (8, NULL, 'Data'), (9, 'No Category', NULL);
                """, schema: loose)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(
            report.errors.map(\.description) == [
                "1 badge with a NULL name (e.g. id 8)",
                "1 badge with a NULL category (e.g. id 9)",
                "1 organization with a NULL name (e.g. id 7)",
            ])
    }

    @Test("names equal exactly or after NFC normalization are errors naming the ids")
    func duplicateNames() throws {
        let loose = Self.looseSchema.replacingOccurrences(
            of: "name TEXT NOT NULL UNIQUE", with: "name TEXT NOT NULL")
        // 5 and 6: "Zürich" with a precomposed ü (U+00FC) and with u + U+0308; SQLite's UNIQUE
        // keeps them apart. 7 repeats "Globex" (2) byte for byte.
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO organizations VALUES (5, 'Z' || char(252) || 'rich'), (6, 'Zu' || char(776) || 'rich'),
                  (7, 'Globex');
                INSERT INTO badges VALUES (4, 'Python Basics', 'Other'), (5, ' python basics' || char(8203), 'Other'),
                  (6, '   ', 'Other');
                """, schema: loose)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let same =
            " (names that differ only in letter case, spaces or invisible characters, or after the first 119 characters that pages show, count as one: questions and pages cannot tell them apart)"
        // 5 is 1 and 4 but for case, a space and a zero-width space; 6 is blank.
        #expect(
            report.errors.map(\.description) == [
                "3 badges whose name another badge also has, exactly or after Unicode NFC normalization: "
                    + "\"Python Basics\" (id 1), \"Python Basics\" (id 4) and \" python basics\\u{200B}\" (id 5)"
                    + same,
                "1 badge whose name is empty or blank (ids 6); give each a name",
                "4 organizations whose name another organization also has, exactly or after Unicode NFC "
                    + "normalization: \"Globex\" (id 2) and \"Globex\" (id 7); \"Z\u{FC}rich\" (id 5) and "
                    + "\"Zu\u{308}rich\" (id 6)" + same,
            ])
    }

    /// An attack run: "Linux Command Line" + U+202E turned the summary's "63.1%" into "%1.36"
    /// on the page, and a NUL cut "Ini\0tech" to "Ini". A right-to-left mark is a letter's
    /// direction, which right-to-left names need.
    @Test("a name with a control character or a direction override is an error naming its id")
    func controlNames() throws {
        let path = try Fixture.database(
            Fixture.platformRows + """
                INSERT INTO badges VALUES (4, 'Linux Command Line' || char(8238), 'Other' || char(8238)),
                  (5, 'Tab' || char(9) || 'Name', 'Other'), (6, 'שלום' || char(8207), 'Other');
                INSERT INTO organizations VALUES (5, 'Ini' || char(0) || 'tech'),
                  (6, 'Isolated' || char(8294) || ' Name');
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        let rest =
            ", which can hide or reverse the text around it on every page; remove it"
        #expect(
            report.errors.map(\.description) == [
                "2 badges whose name holds a control character or a text-direction override (ids 4, 5)"
                    + rest,
                "2 organizations whose name holds a control character or a text-direction override (ids 5, 6)"
                    + rest,
                "1 badge whose category holds a control character or a text-direction override (ids 4)"
                    + rest,
            ])
    }

    @Test("a long list of duplicate names ends with how many more there are")
    func manyDuplicates() {
        let rows = (1...14).map { (id: $0, name: "N\(($0 + 1) / 2)") }  // N1 … N7, each twice
        let finding = SchemaChecker.duplicateNames(rows, table: "badges", noun: "badge")
        #expect(
            finding?.message.contains("\"N5\" (id 9) and \"N5\" (id 10); and 2 more (names") == true
        )
        #expect(finding?.count == 14)
    }

    @Test("lists every missing table and column")
    func missingStructure() throws {
        let path = try Fixture.database(
            "",
            schema: """
                CREATE TABLE organizations(id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, organization_id INTEGER);
                CREATE TABLE enrollments(id INTEGER PRIMARY KEY, user_id INTEGER, badge_id INTEGER,
                  enrolled_at TEXT, status TEXT, progress REAL, completed_at TEXT, extra TEXT);
                CREATE TABLE something_else(x);
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(
            report.findings.map(\.message) == [
                "missing column users.joined_at", "missing table badges",
            ])
    }

    /// SQLite answers to badges and progress for "Badges" and "PROGRESS": a blind test's
    /// were called missing, though every statement ran.
    @Test("on SQLite, a table or column named in another letter case is there")
    func letterCase() throws {
        let path = try Fixture.database(
            "",
            schema: """
                CREATE TABLE Organizations(id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE users(ID INTEGER PRIMARY KEY, name TEXT, organization_id INTEGER,
                  Joined_At TEXT);
                CREATE TABLE BADGES(id INTEGER PRIMARY KEY, name TEXT, category TEXT);
                CREATE TABLE enrollments(id INTEGER PRIMARY KEY, user_id INTEGER, badge_id INTEGER,
                  enrolled_at TEXT, status TEXT, PROGRESS REAL, completed_at TEXT);
                """)
        let report = try SchemaChecker().check(SQLiteConnection(path: path))
        #expect(
            !report.findings.contains { $0.message.hasPrefix("missing") },
            "\(report.findings.map(\.message))")
    }
}

@Suite struct DatabaseErrorTests {
    /// A WAL database in a folder its reader cannot write fails with "attempt to write a
    /// readonly database"; the error now says WAL is the cause, told from the file's header.
    @Test("a database in WAL mode is told from one with a rollback journal")
    func walMode() throws {
        let path = try Fixture.database(Fixture.platformRows)
        #expect(!SQLiteConnection.isWAL(path))
        try SQLiteConnection(path: path, mode: .create).execute("PRAGMA journal_mode=WAL")
        #expect(SQLiteConnection.isWAL(path))
        #expect(!SQLiteConnection.isWAL(path + ".missing"))
    }

    @Test("a missing file says so and names it")
    func missing() {
        #expect(throws: DatabaseError(path: "/nonexistent/x.db", reason: .notFound)) {
            try SQLiteConnection(path: "/nonexistent/x.db")
        }
    }

    @Test("a text file is not a SQLite database")
    func notSQLite() throws {
        let path = Fixture.folder().appending(path: "notes.db").path
        try Data("hello, this is not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DatabaseError(path: path, reason: .notADatabase)) {
            try SQLiteConnection(path: path)
        }
    }

    /// Blind test 45: a file with a page written over (4 KiB of 0xFF) failed a build on its
    /// first question, quoting the statement, as if the SQL were at fault.
    @Test("a damaged page is called a damaged file, not a failed statement")
    func damaged() throws {
        let path = Fixture.folder().appending(path: "damaged.db").path
        do {
            let writer = try SQLiteConnection(path: path, mode: .create)
            try writer.execute(
                """
                CREATE TABLE t (x TEXT);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                INSERT INTO t SELECT printf('row %d of the table', i) FROM n;
                """)
        }
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try file.seek(toOffset: 40 * 4096)
        try file.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try file.close()
        let reader = try SQLiteConnection(path: path)
        let error = try #require(throws: DatabaseError.self) {
            _ = try reader.scalarInt("SELECT count(*) FROM t WHERE x LIKE '%9%'")
        }
        guard case .damaged = error.reason else {
            Issue.record("\(error)")
            return
        }
        #expect(error.description.contains("the database file is damaged"))
    }

    @Test("a hot rollback journal is called an unfinished write, not a read-only database")
    func hotJournal() throws {
        let folder = Fixture.folder()
        let original = folder.appending(path: "original.db").path
        let writer = try SQLiteConnection(path: original, mode: .create)
        try writer.execute(
            """
            PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;
            CREATE TABLE t (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
            INSERT INTO t SELECT zeroblob(4000) FROM n;
            """)
        // A transaction large enough to spill changed pages into the file, which SQLite does
        // only after syncing the journal: a copy of both, taken now, is a crash mid-write.
        try writer.execute("BEGIN; UPDATE t SET x = zeroblob(4001); INSERT INTO t SELECT x FROM t;")
        let copy = folder.appending(path: "crashed.db").path
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        try FileManager.default.copyItem(atPath: original + "-journal", toPath: copy + "-journal")
        try writer.execute("ROLLBACK")
        #expect(
            throws: DatabaseError(path: copy, reason: .unfinishedWrite(journal: copy + "-journal"))
        ) {
            try SQLiteConnection(path: copy)
        }
        let text = DatabaseError(path: "x.db", reason: .unfinishedWrite(journal: "x.db-journal"))
            .description
        #expect(text.contains("unfinished write"))
        #expect(!text.contains("readonly"))
    }

    @Test("a folder is not a database")
    func folder() {
        let path = Fixture.folder().path
        #expect(
            throws: DatabaseError(
                path: path, reason: .cannotOpen("it is a folder, not a database file"))
        ) {
            try SQLiteConnection(path: path)
        }
    }

    @Test("a FIFO is refused at once instead of blocking on its first read")
    func fifo() throws {
        let path = Fixture.folder().appending(path: "f.db").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(
            throws: DatabaseError(
                path: path,
                reason: .cannotOpen(
                    "it is a FIFO (named pipe), not a database file; --db must name a regular SQLite file"
                ))
        ) {
            try SQLiteConnection(path: path)
        }
    }

    @Test("a character device is refused")
    func device() {
        #expect(
            throws: DatabaseError(
                path: "/dev/null",
                reason: .cannotOpen(
                    "it is a character device, not a database file; --db must name a regular SQLite file"
                ))
        ) {
            try SQLiteConnection(path: "/dev/null")
        }
    }

    @Test("an empty database has no tables")
    func empty() throws {
        let path = Fixture.folder().appending(path: "empty.db").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let db = try SQLiteConnection(path: path)
        #expect(throws: DatabaseError(path: path, reason: .empty)) {
            try SchemaChecker().check(db)
        }
    }

    @Test("a database locked by a writer is reported, not waited on forever")
    func locked() throws {
        let path = try Fixture.database(Fixture.platformRows)
        let writer = try SQLiteConnection(path: path, mode: .create)
        try writer.execute(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM badges WHERE id = 3")
        defer { try? writer.execute("ROLLBACK") }
        #expect(throws: DatabaseError(path: path, reason: .locked)) {
            try SQLiteConnection(path: path)
        }
    }

    @Test("a query past its time limit is interrupted with a timeout error")
    func timeout() throws {
        let path = try Fixture.database(Fixture.platformRows)
        let db = try SQLiteConnection(path: path, statementTimeout: 200)
        // Counts an endless recursive sequence: without a limit it never returns.
        let endless =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let started = ContinuousClock.now
        #expect(throws: DatabaseError(path: path, reason: .timeout(milliseconds: 200))) {
            try db.scalarInt(endless)
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        // The limit is per query: the connection goes on working.
        #expect(try db.scalarInt("SELECT count(*) FROM badges") == 3)
    }

    @Test("the read-only connection refuses to write")
    func readOnly() throws {
        let path = try Fixture.database(Fixture.platformRows)
        let db = try SQLiteConnection(path: path)
        #expect(throws: DatabaseError.self) { try db.execute("DELETE FROM badges") }
        #expect(try db.scalarInt("SELECT count(*) FROM badges") == 3)
    }
}
