import Foundation

@testable import AlmanacCore

/// The PostgreSQL server `make test` starts on loopback, named by ALMANAC_TEST_POSTGRES_URL.
enum TestPostgres {
    static var url: String? { ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] }

    /// The coordinator of the two-shard postgres_fdw cluster, named by
    /// ALMANAC_TEST_POSTGRES_CLUSTER_URL.
    static var clusterURL: String? {
        ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_CLUSTER_URL"]
    }

    /// A read-only connection to the test server; nil when no server was named.
    static func connection() throws -> (any DatabaseConnection)? {
        guard let url else { return nil }
        return try PostgresConnection(url: url)
    }

    /// A schema of its own on the test server holding the four tables (made by `tables`) and
    /// `rows` (the same INSERT statements the SQLite fixtures use), and a read-only connection
    /// that sees it first on its search path; nil when no server was named.
    static func fixture(
        _ rows: String, tables: String = DemoSeeder.postgresSchemaSQL
    ) throws -> (any DatabaseConnection)? {
        try fixtureURL(rows, tables: tables).map { try PostgresConnection(url: $0) }
    }

    /// The URL (password included) of a new schema like `fixture`'s, first on the search path
    /// of every connection opened with it; nil when no server was named.
    static func fixtureURL(
        _ rows: String, tables: String = DemoSeeder.postgresSchemaSQL
    ) throws -> String? {
        guard let url else { return nil }
        let schema =
            "fixture_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let writer = try PostgresConnection(url: url, mode: .write)
        try writer.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        try writer.execute(tables)
        try writer.execute(rows)
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "options=-c%20search_path%3D\(schema)"
    }
}
