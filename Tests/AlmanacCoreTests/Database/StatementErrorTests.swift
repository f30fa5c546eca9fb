import Foundation
import Testing

@testable import AlmanacCore

/// Blind test 51: a statement that failed inside PostgreSQL (a view's cast of 'n/a') printed
/// the whole row-check statement, about 6 KB, after the one line that said what was wrong.
@Suite struct StatementErrorTests {
    @Test("an error quotes a statement of up to 20 lines whole, and a longer one by its first line")
    func excerpt() {
        let short = DatabaseError(
            path: "db",
            reason: .statement(sql: "SELECT nope FROM badges", message: "no such column: nope"))
        #expect(
            short.description
                == "db: SQL error: no such column: nope\n  in: SELECT nope FROM badges")
        // 41 lines: over 20, so cut.
        let lines =
            ["WITH repeated AS MATERIALIZED ("] + (1...40).map { _ in "    SELECT 1234567890" }
        let long = DatabaseError(
            path: "db",
            reason: .statement(
                sql: lines.joined(separator: "\n"),
                message: "invalid input syntax for type double precision: \"n/a\""))
        #expect(
            long.description
                == "db: SQL error: invalid input syntax for type double precision: \"n/a\"\n  in: WITH repeated AS MATERIALIZED ( … (the first of its 41 lines)"
        )
        #expect(long.description.split(separator: "\n").count == 2)
    }
}
