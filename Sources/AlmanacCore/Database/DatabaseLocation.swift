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

    /// The place, safe for output, errors and files: the SQLite path, or the URL without
    /// its password.
    public var description: String { isPostgres ? PostgresURL.redacted(target) : target }

    /// The file path of a SQLite database; nil for PostgreSQL.
    public var filePath: String? { isPostgres ? nil : target }

    /// Opens a read-only connection.
    /// - Throws: `DatabaseError` naming the redacted place.
    public func open() throws -> any DatabaseConnection {
        if isPostgres {
            return try PostgresConnection(url: target, statementTimeout: statementTimeout)
        }
        return try SQLiteConnection(path: target, statementTimeout: statementTimeout)
    }

    /// Opens PostgreSQL for writing (`almanac seed`); nil for SQLite, which seeds a file.
    public func openPostgresForWriting() throws -> PostgresConnection? {
        guard isPostgres else { return nil }
        return try PostgresConnection(url: target, mode: .write)
    }
}
