import Foundation
import Testing

@testable import AlmanacCore

/// A rebuild on the same data reads its new questions' rows from the tables in each
/// statement's own `WITH`, not from the build's temporary facts, and does not check the row
/// rules again: its pages are those a build from cold writes, and the last check's warnings
/// are said again.
@Suite struct RebuildTests {
    /// One question of each kind, with a badge, an organization or a window: each reads the
    /// facts through a different index in a build from cold, and learning paths read the
    /// learners' sequences as well.
    static let added = [
        "How many learners from Acme & Sons are enrolled in each badge?",
        "How many people enrolled in the SQL Fundamentals badge in 2024?",
        "What is the weekly enrollment trend for Globex?",
        "What is the completion rate of the Python Basics badge?",
        "How long does it take to complete SQL Fundamentals?",
        "Which badge do learners take next after Python Basics?",
        "How do learners progress through badges in 2024?",
    ]

    static func questions(_ texts: [String]) -> String {
        "title: Fixture Pulse\nquestions:\n"
            + texts.enumerated().map { "  - text: \($1)\n    id: q\($0)\n" }.joined()
    }

    /// A completed enrollment with no date: the row rules' one warning.
    static let rows =
        Fixture.platformRows + """

            INSERT INTO enrollments VALUES (8, 2, 2, '2024-03-01', 'completed', 1.0, NULL);
            """

    @Test("questions added to a built report get the pages a build from cold gives them")
    func sameAsCold() async throws {
        let database = try Fixture.database(Self.rows)
        let all = Self.questions(["How many people are enrolled in each badge?"] + Self.added)
        let rebuilt = Project(database: database, questions: all)
        try await rebuilt.build(Self.questions(["How many people are enrolled in each badge?"]))
        let summary = try await rebuilt.build()
        let cold = Project(database: database, questions: all)
        try await cold.build()
        for number in Self.added.indices {
            for suffix in [".json", ".md", ".html"] {
                let name = "q\(number + 1)\(suffix)"
                #expect(!cold.read(name).isEmpty)
                #expect(rebuilt.read(name) == cold.read(name), "\(name)")
            }
        }
        // The last check's warning is said again, though the rules did not run.
        #expect(
            summary.warnings.contains {
                $0.hasSuffix(
                    "1 completed enrollment with no completed_at (left out of completion times) (e.g. id 8)"
                )
            })
    }

    @Test("a build from cold checks the row rules and warns")
    func coldWarns() async throws {
        let project = Project(
            database: try Fixture.database(Self.rows), questions: Self.questions(Self.added))
        let summary = try await project.build()
        #expect(
            summary.warnings.contains {
                $0.hasSuffix(
                    "1 completed enrollment with no completed_at (left out of completion times) (e.g. id 8)"
                )
            })
    }
}
