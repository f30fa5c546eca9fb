import Foundation

extension QuestionLoader {
    /// The largest questions file read: thousands of questions with their SQL fit in far
    /// less, and a bigger file (millions of bad entries) would cost minutes and gigabytes.
    public static let largestFile = 5_000_000

    /// Reads and loads the questions file at `path`: only a regular file, and not a huge one,
    /// since a FIFO would block the read for ever.
    /// - Throws: `InputError` for a file that is absent, special, too large or not
    ///   UTF-8; `QuestionFileError` for what is wrong inside it.
    public func load(contentsOf path: String) throws -> QuestionFile {
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
                throw InputError(
                    description: "\(path): not a regular file; --questions must name a YAML file")
            }
            if let size = attributes[.size] as? Int, size > Self.largestFile {
                throw InputError(
                    description: "\(path): \(NumberText.count(size)) bytes; a questions file may "
                        + "have at most \(NumberText.count(Self.largestFile)) bytes")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "\(path): no such questions file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(description: "\(path): not UTF-8 text")
        }
        return try load(text, path: path)
    }
}

extension QuestionFile {
    /// Where the data is: `override` (`--db`) wins; otherwise `database:`, a file relative to
    /// the questions file or a PostgreSQL URL. `timeout` (`--statement-timeout`) wins over
    /// `database_options:`.
    /// - Throws: `InputError` when neither names a database.
    public func databaseLocation(override: String?, timeout: Int?) throws -> DatabaseLocation {
        let timeout = timeout ?? statementTimeout ?? PostgresConnection.defaultStatementTimeout
        if let override { return DatabaseLocation(override, statementTimeout: timeout) }
        guard let database else {
            throw InputError(
                description: "no database given: pass --db PATH or set `database:` in \(path)")
        }
        if database.hasPrefix("/") || PostgresURL.matches(database) {
            return DatabaseLocation(database, statementTimeout: timeout)
        }
        return DatabaseLocation(
            URL(fileURLWithPath: path).deletingLastPathComponent().appending(path: database).path,
            statementTimeout: timeout)
    }
}
