import Foundation
import Testing

@testable import AlmanacCore

/// `almanac check`'s structure on PostgreSQL: column types and privileges, as a blind test met
/// them (a text `progress`, a `date` `joined_at`, a role without SELECT on `badges`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] != nil))
struct PostgresSchemaTests {
    let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] ?? ""

    /// The test URL reading the schema `schema`, as `user` when given.
    func url(schema: String, user: String? = nil) -> String {
        var parts = URLComponents(string: url)!
        if let user {
            parts.user = user
            parts.password = "pw"
        }
        parts.percentEncodedQuery = "options=-csearch_path%3D\(schema)"
        return parts.string!
    }

    @Test("a column of the wrong type and a table the role may not read are named")
    func typesAndPrivileges() throws {
        let admin = try PostgresConnection(url: url, mode: .write)
        for statement in [
            "DROP SCHEMA IF EXISTS almanac_types CASCADE",
            "CREATE SCHEMA almanac_types",
            "CREATE TABLE almanac_types.organizations(id bigint PRIMARY KEY, name text NOT NULL)",
            "CREATE TABLE almanac_types.users(id bigint PRIMARY KEY, name text, organization_id bigint, joined_at date)",
            "CREATE TABLE almanac_types.badges(id integer PRIMARY KEY, name varchar(80), category text)",
            "CREATE TABLE almanac_types.enrollments(id bigint, user_id bigint, badge_id bigint, enrolled_at text, status text, progress text, completed_at timestamp)",
            "DROP ROLE IF EXISTS almanac_types_reader",
            "CREATE ROLE almanac_types_reader LOGIN PASSWORD 'pw'",
            "GRANT USAGE ON SCHEMA almanac_types TO almanac_types_reader",
            "GRANT SELECT ON almanac_types.organizations, almanac_types.users, almanac_types.enrollments TO almanac_types_reader",
            "GRANT SELECT (id, name) ON almanac_types.badges TO almanac_types_reader",
        ] {
            try admin.execute(statement)
        }
        defer {
            try? admin.execute("DROP SCHEMA IF EXISTS almanac_types CASCADE")
            try? admin.execute("DROP OWNED BY almanac_types_reader")
            try? admin.execute("DROP ROLE IF EXISTS almanac_types_reader")
        }
        let owner = try PostgresConnection(url: url(schema: "almanac_types"))
        #expect(
            try SchemaChecker().structure(owner).map(\.message) == [
                "users.joined_at is of type date; it must hold ISO 8601 text, not a date or timestamp type",
                "enrollments.progress is of type text; it must hold a number (bigint, integer or double precision)",
                "enrollments.completed_at is of type timestamp without time zone; it must hold ISO 8601 text, not a date or timestamp type",
            ])
        let reader = try PostgresConnection(
            url: url(schema: "almanac_types", user: "almanac_types_reader"))
        let messages = try SchemaChecker().structure(reader).map(\.message)
        // badges is there, and so is its column category: the role may not read it.
        #expect(!messages.contains("missing table badges"))
        #expect(
            messages.contains(
                "this role may not read badges.category (no SELECT privilege): GRANT SELECT ON badges TO the role"
            ))
    }
}

/// An interrupted build cancels its statements on the server.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] != nil))
struct PostgresInterruptTests {
    let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_POSTGRES_URL"] ?? ""

    @Test("cancelAll stops a running statement at once")
    func cancelAll() async throws {
        let db = try PostgresConnection(url: url, statementTimeout: 0)
        let running = Task.detached { () -> (any Error)? in
            do {
                try db.query("SELECT pg_sleep(30)", []) { _ in }
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        PostgresConnection.cancelAll()
        let error = await running.value
        // The server's own word for a cancelled statement: the sleep did not run out.
        #expect(String(describing: error).contains("canceling statement due to user request"))
    }
}

/// libpq's keyword strings are refused without printing their password.
@Suite struct KeywordStringTests {
    @Test("a libpq keyword string is refused, its password left out of the message")
    func refused() throws {
        let location = DatabaseLocation("host=127.0.0.1 user=x password=secret dbname=nope")
        #expect(location.filePath == nil)
        #expect(location.description == "host=127.0.0.1 user=x password=… dbname=nope")
        let error = #expect(throws: DatabaseError.self) { try location.open() }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("write the database as a URL") == true)
        // A file whose name merely has an equals sign is a file.
        #expect(DatabaseLocation("data/a=b.db").filePath == "data/a=b.db")
    }
}
