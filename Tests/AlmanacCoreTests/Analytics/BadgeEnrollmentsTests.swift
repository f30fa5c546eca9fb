import Testing

@testable import AlmanacCore

/// Expected values are worked out by hand from `Fixture.platformRows`.
@Suite struct BadgeEnrollmentsTests {
    func run(_ filters: Filters = Filters()) throws -> BadgeEnrollments {
        let db = try SQLiteConnection(path: try Fixture.database(Fixture.platformRows))
        return try BadgeEnrollments.run(
            AnalysisContext(db: db, asOf: CivilDate(iso: "2024-03-01")!, filters: filters))
    }

    @Test("counts rows, distinct learners and statuses per badge, sorted by enrollments")
    func unfiltered() throws {
        let result = try run()
        #expect(result.badges.map(\.badge) == ["Python Basics", "SQL Fundamentals", "Empty Badge"])
        let python = result.badges[0]
        #expect(python.enrollments == 4)
        #expect(python.learners == 4)
        #expect(
            [python.enrolled, python.inProgress, python.completed, python.dropped] == [0, 1, 2, 1])
        #expect(python.completionRate == 0.5)
        #expect(python.averageProgress == 0.6875)  // (1 + 1 + 0.5 + 0.25) / 4
        #expect(python.medianDaysToComplete == 20)  // 10 and 30 days
        let sql = result.badges[1]
        #expect(sql.enrollments == 3)
        #expect(sql.learners == 3)
        #expect(sql.completionRate == 0.6667)
        #expect(sql.averageProgress == 0.6667)
        #expect(sql.medianDaysToComplete == 6.3)  // 5 and 7.5 days: 6.25 rounds up
        let empty = result.badges[2]
        #expect(empty.enrollments == 0)
        #expect(empty.completionRate == 0)
        #expect(empty.averageProgress == nil)
        #expect(empty.medianDaysToComplete == nil)
        // Empty Badge has no enrollment: two badges carry the seven.
        #expect(
            result.totals
                == .init(
                    enrollments: 7, learners: 4, completed: 4, completionRate: 0.5714, badges: 2))
    }

    @Test("an organization filter keeps only its learners")
    func organization() throws {
        let result = try run(Filters(organization: "Acme & Sons"))
        #expect(result.badges.map(\.enrollments) == [2, 1, 0])
        #expect(result.badges[0].medianDaysToComplete == 20)
        #expect(result.badges[1].medianDaysToComplete == 5)
        #expect(
            result.totals
                == .init(enrollments: 3, learners: 2, completed: 3, completionRate: 1, badges: 2))
    }

    @Test("a date range is half-open on enrolled_at")
    func dates() throws {
        let range = DateRange(
            start: CivilDate(iso: "2024-02-01"), end: CivilDate(iso: "2024-03-01"),
            phrase: "in February")
        let result = try run(Filters(dateRange: range))
        // Enrollments 3, 6 and 7; enrollment 4 on 2024-03-01T08:00 falls outside.
        #expect(result.badges.map(\.badge) == ["SQL Fundamentals", "Python Basics", "Empty Badge"])
        #expect(result.badges[0].completionRate == 0.5)
        #expect(result.badges[0].medianDaysToComplete == 7.5)
        // Enrollment 3 is in Python Basics, 6 and 7 in SQL Fundamentals.
        #expect(
            result.totals
                == .init(
                    enrollments: 3, learners: 2, completed: 1, completionRate: 0.3333, badges: 2))
    }

    @Test("a filter that matches nothing gives zeros, not an error")
    func nothing() throws {
        let result = try run(Filters(badge: "Empty Badge"))
        #expect(result.badges.map(\.badge) == ["Empty Badge"])
        #expect(
            result.totals == .init(enrollments: 0, learners: 0, completed: 0, completionRate: 0))
        #expect(
            OfflineNarrator().narrate(result, question: Question(id: "q", text: "q"))
                .hasPrefix("There are no enrollments for Empty Badge"))
    }

    @Test("ties in enrollments sort by name")
    func ties() throws {
        let db = try SQLiteConnection(
            path: try Fixture.database(
                """
                INSERT INTO users VALUES (1, 'A', NULL, '2024-01-01');
                INSERT INTO badges VALUES (1, 'Zeta', 'X'), (2, 'Alpha', 'X'), (3, 'Mid', 'X');
                INSERT INTO enrollments VALUES (1, 1, 1, '2024-01-01', 'enrolled', 0, NULL),
                  (2, 1, 2, '2024-01-01', 'enrolled', 0, NULL);
                """))
        let result = try BadgeEnrollments.run(
            AnalysisContext(db: db, asOf: CivilDate(iso: "2024-01-01")!))
        #expect(result.badges.map(\.badge) == ["Alpha", "Zeta", "Mid"])
    }
}

extension BadgeEnrollmentsTests {
    /// Blind test 60: "followed by Python Intermediate (35) and Data Visualization (34)" left
    /// out Python Basics, tied with Data Visualization at 34.
    @Test("the summary names the badges tied with the third, or counts them when many")
    func tiedThird() throws {
        func summary(_ counts: [Int]) throws -> String {
            let badges = counts.indices.map {
                "(\($0 + 1), 'Badge \(Character(UnicodeScalar(65 + $0)!))', 'Data')"
            }
            var enrollments: [String] = []
            for (badge, count) in counts.enumerated() {
                for _ in 0..<count {
                    enrollments.append(
                        "(\(enrollments.count + 1), 1, \(badge + 1), '2024-01-10', 'enrolled', 0.0, NULL)"
                    )
                }
            }
            let rows = """
                INSERT INTO organizations VALUES (1, 'Acme');
                INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01');
                INSERT INTO badges VALUES \(badges.joined(separator: ", "));
                INSERT INTO enrollments VALUES \(enrollments.joined(separator: ", "));
                """
            let db = try SQLiteConnection(path: try Fixture.database(rows))
            let result = try BadgeEnrollments.run(
                AnalysisContext(db: db, asOf: CivilDate(iso: "2024-03-01")!))
            return OfflineNarrator().narrate(result, question: Question(id: "q", text: "q"))
        }
        // C, D and E share the third place with 1 each: all three named.
        #expect(
            try summary([3, 2, 1, 1, 1]).contains(
                "Badge A is the most popular with 3 enrollments, followed by Badge B (2), Badge C (1), Badge D (1) and Badge E (1)."
            ))
        // Four share it: counted.
        #expect(
            try summary([3, 2, 1, 1, 1, 1]).contains(
                "Badge A is the most popular with 3 enrollments, followed by Badge B (2) and 4 badges tied at 1."
            ))
        // The second shares the third's count too: five badges at 2 after the first (a
        // review found "4 badges tied at 2").
        #expect(
            try summary([5, 2, 2, 2, 2, 2]).contains(
                "Badge A is the most popular with 5 enrollments, followed by 5 badges tied at 2."
            ))
        // No tie: the three, as before.
        #expect(
            try summary([3, 2, 1]).contains(
                "Badge A is the most popular with 3 enrollments, followed by Badge B (2) and Badge C (1)."
            ))
    }
}
