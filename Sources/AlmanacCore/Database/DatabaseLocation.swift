import Foundation

/// What `--db` or `database:` names: a SQLite file, or a PostgreSQL database by its
/// `postgres://` or `postgresql://` URL. Printing one shows it without a password.
public struct DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// As given, password and all: used only to open the connection.
    private let target: String
    /// Milliseconds a statement may run; 0 means no limit. PostgreSQL enforces it as the
    /// session's `statement_timeout`, SQLite through its progress handler.
    public var statementTimeout: Int

    public init(
        _ target: String, statementTimeout: Int = PostgresConnection.defaultStatementTimeout
    ) {
        self.target = target
        self.statementTimeout = statementTimeout
    }

    /// True for a PostgreSQL URL.
    public var isPostgres: Bool { PostgresURL.matches(target) }

    /// libpq's `host=… dbname=… password=…`, which Almanac does not read: a blind test's was
    /// taken for a SQLite file's path, and its error printed the password.
    private var isKeywordString: Bool {
        target.range(
            of: #"(?:^|\s)(?:host|hostaddr|dbname|user|password|port|sslmode|service)\s*="#,
            options: .regularExpression) != nil
    }

    /// The place, safe for output, errors and files: the SQLite path, or the URL without
    /// its password.
    public var description: String {
        if isPostgres { return PostgresURL.redacted(target) }
        if isKeywordString {
            return target.replacingOccurrences(
                of: #"password\s*=\s*(?:'[^']*'|\S+)"#, with: "password=…",
                options: .regularExpression)
        }
        return target
    }

    /// A URL of another kind ("mysql://u@h/db"): a blind test's was taken for a file's path,
    /// and the advice to seed it made folders named `mysql:`.
    static func isOtherURL(_ target: String) -> Bool {
        !PostgresURL.matches(target)
            && target.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*://"#, options: .regularExpression) != nil
    }

    /// The file path of a SQLite database; nil for PostgreSQL.
    public var filePath: String? {
        isPostgres || isKeywordString || Self.isOtherURL(target) ? nil : target
    }

    /// Opens a read-only connection.
    /// - Throws: `DatabaseError` naming the redacted place.
    public func open() throws -> any DatabaseConnection {
        try refuseUnreadable()
        if isPostgres {
            return try PostgresConnection(url: target, statementTimeout: statementTimeout)
        }
        return try SQLiteConnection(path: target, statementTimeout: statementTimeout)
    }

    /// Opens PostgreSQL for writing (`almanac seed`); nil for SQLite, which seeds a file.
    public func openPostgresForWriting() throws -> PostgresConnection? {
        try refuseUnreadable()
        guard isPostgres else { return nil }
        return try PostgresConnection(url: target, mode: .write)
    }

    /// Refuses what Almanac cannot open: a URL of another database, or a libpq connection
    /// string.
    private func refuseUnreadable() throws {
        if Self.isOtherURL(target) {
            let scheme = target.prefix { $0 != ":" }
            throw DatabaseError(
                path: description,
                reason: .cannotOpen(
                    "a \(scheme):// URL is not a database Almanac reads: it reads a SQLite file by its path, or PostgreSQL by a postgres:// URL"
                ))
        }
        guard isKeywordString else { return }
        throw DatabaseError(
            path: description,
            reason: .cannotOpen(
                "a libpq connection string is not read; write the database as a URL, postgres://user@host:port/dbname (the password in PGPASSWORD or ~/.pgpass)"
            ))
    }
}
