import Foundation

@testable import AlmanacCore

/// The PostgreSQL server `make test` starts on loopback, named by ALMANAC_TEST_POSTGRES_URL.
enum TestPostgres {
    /// A read-only connection to the test server; nil when no server was named.
    static func connection() throws -> (any DatabaseConnection)? {
        guard let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] else { return nil }
        return try PostgresConnection(url: url)
    }
}
