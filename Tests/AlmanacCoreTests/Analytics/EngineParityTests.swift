import Foundation
import Testing

@testable import AlmanacCore

/// Every kind, under every kind of filter, gives the same `analytics_data` on PostgreSQL as on
/// SQLite for the hand-worked fixture of `KindsTests` (whose numbers are checked there): NULL
/// organizations, weeks across a year end, ties, and filters that match nothing. Runs when
/// `make test` names a PostgreSQL server.
@Suite(
    .enabled(
        if: TestPostgres.url != nil, "needs ALMANAC_TEST_POSTGRES_URL (make test starts a server)"))
struct EngineParityTests {
    static let asOf = CivilDate(iso: "2024-03-01")!
    static let requests: [(String, Filters, Granularity?)] = [
        ("no filter", Filters(), nil),
        ("a badge", Filters(badge: "Python Basics"), nil),
        ("an organization", Filters(organization: "Acme & Sons"), nil),
        ("a badge with no enrollments", Filters(badge: "Empty Badge"), nil),
        (
            "a window",
            Filters(
                dateRange: DateRange(
                    start: CivilDate(iso: "2024-01-15"), end: CivilDate(iso: "2024-02-16"),
                    phrase: "a month")), nil
        ),
        (
            "weeks across a year end",
            Filters(
                dateRange: DateRange(
                    start: CivilDate(iso: "2023-12-20"), end: CivilDate(iso: "2024-03-02"),
                    phrase: "winter")), .week
        ),
    ]

    @Test(
        "the same analytics_data on both engines",
        arguments: AnalysisKind.allCases.compactMap(\.analysis).map(KindBox.init))
    func parity(kind: KindBox) throws {
        // Ties and a second learner without an organization, beyond the shared fixture.
        let rows =
            Fixture.platformRows + """
                INSERT INTO users VALUES (5, 'Ed', NULL, '2024-01-01');
                INSERT INTO enrollments VALUES
                  (8, 5, 2, '2023-12-31T23:00:00', 'completed', 1.0, '2024-01-05T23:00:00'),
                  (9, 5, 1, '2024-01-01', 'completed', 1.0, '2024-01-11');
                """
        let sqlite = try SQLiteConnection(path: try Fixture.database(rows))
        let postgres = try #require(try TestPostgres.fixture(rows))
        for (name, filters, granularity) in Self.requests {
            let request = AnalysisRequest(
                filters: filters, asOf: Self.asOf, granularity: granularity)
            let fromSQLite = try kind.type.run(on: sqlite, request)
            let fromPostgres = try kind.type.run(on: postgres, request)
            #expect(fromSQLite == fromPostgres, "\(kind.type.kind.rawValue), \(name)")
            // Something was counted, so the comparison is not between two empty results.
            if name == "no filter" {
                #expect(
                    fromSQLite.contains("\"enrollments\":") || fromSQLite.contains("\"learners\":"))
            }
        }
    }
}

/// An analysis type as a test argument.
struct KindBox: Sendable, CustomStringConvertible {
    let type: any Analysis.Type
    var description: String { type.kind.rawValue }
}

extension Analysis {
    /// `analytics_data` as the report document writes it.
    static func run(on db: any DatabaseConnection, _ request: AnalysisRequest) throws -> String {
        return try json(on: db, request).encoded()
    }

    /// `analytics_data` as a value.
    static func json(on db: any DatabaseConnection, _ request: AnalysisRequest) throws -> JSONValue
    {
        var context = AnalysisContext(db: db, asOf: request.asOf)
        context.request = request
        return try context.run(Self.self).json
    }
}
