import Foundation

extension QuestionLoader {
    /// The largest questions file read: thousands of questions with their SQL fit in far
    /// less, and a bigger file (millions of bad entries) would cost minutes and gigabytes.
    public static let largestFile = 5_000_000

    /// Reads and loads the questions file at `path`: only a regular file, and not a huge one,
    /// since a FIFO would block the read for ever.
    /// - Throws: `InputError` for a file that is absent, special, too large, unreadable or
    ///   not UTF-8; `QuestionFileError` for what is wrong inside it.
    public func load(contentsOf path: String, files: any FileSystem) throws -> QuestionFile {
        let url = URL(fileURLWithPath: path)
        guard let attributes = files.attributes(of: url) else {
            throw InputError(
                description:
                    "\(path): no such questions file; run this in a report project (`almanac init DIR` makes one), or pass --questions PATH"
            )
        }
        guard attributes.kind == .file else {
            throw InputError(
                description: "\(path): not a regular file; --questions must name a YAML file")
        }
        if attributes.size > Self.largestFile {
            throw InputError(
                description:
                    "\(path): \(NumberText.count(attributes.size)) bytes; a questions file "
                    + "may have at most \(NumberText.count(Self.largestFile)) bytes")
        }
        let read: Data?
        do {
            read = try files.contents(of: url)
        } catch {
            let reason = (error as? FileSystemError)?.reason ?? "\(error)"
            throw InputError(description: "\(path): cannot be read (\(reason))")
        }
        guard let data = read else {
            throw InputError(description: "\(path): no such questions file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(description: "\(path): not UTF-8 text")
        }
        var file = try load(text, path: path)
        file.digest = SHA256.hex(data)
        return file
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
        // `database: ""` was taken for the questions file's folder, and `~/x.db` for a
        // folder named `~` beside it (blind test 45).
        if database.trimmingCharacters(in: .whitespaces).isEmpty {
            throw InputError(
                description:
                    "\(path): `database:` is empty; name a SQLite file or a postgres:// URL, or pass --db"
            )
        }
        if database == "~" || database.hasPrefix("~/") {
            let home = FileManager.default.homeDirectoryForCurrentUser.path
            return DatabaseLocation(home + database.dropFirst(), statementTimeout: timeout)
        }
        if database.hasPrefix("/") || PostgresURL.matches(database)
            || DatabaseLocation.isOtherURL(database)
        {
            return DatabaseLocation(database, statementTimeout: timeout)
        }
        return DatabaseLocation(
            URL(fileURLWithPath: path).deletingLastPathComponent().appending(path: database).path,
            statementTimeout: timeout)
    }
}
