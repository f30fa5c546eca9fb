import CLibPQ
import Foundation

/// A connection to one PostgreSQL database through libpq. Builds and checks open it read-only
/// with a statement timeout; only `almanac seed` opens one for writing.
///
/// libpq parses the `postgres://` URL itself and fills what it leaves out from the `PG*`
/// environment variables, `~/.pgpass` and `sslmode`, so Almanac never handles those.
public final class PostgresConnection: DatabaseConnection {
    public enum Mode: Sendable {
        case readOnly
        /// For `almanac seed`: no read-only session, no statement timeout.
        case write
    }

    /// The statement timeout a build uses unless told otherwise: five minutes.
    public static let defaultStatementTimeout = 300_000

    public let dialect: any SQLDialect = PostgresDialect()
    /// "PostgreSQL 15.18", from the server's `server_version`.
    public private(set) var engine = "PostgreSQL"
    /// `postgres://user@host:port/database`, never with a password.
    public let location: String
    /// The session's `statement_timeout` in milliseconds; 0 means none.
    public let statementTimeout: Int
    /// Receives every statement with its bindings, in the order they run (`--dump-sql`).
    public var trace: ((String, [SQLValue]) -> Void)?

    let handle: OpaquePointer
    /// Whether a snapshot's transaction is open (`PostgresConnection+Snapshot`).
    var inSnapshot = false
    /// Every password this connection could have used, blanked out of any message.
    private let secrets: [String]
    /// The role's name, which `redacting` leaves where it stands.
    private let user: String?
    private let host: String

    /// Connects and sets the session up: read-only (unless `mode` is `.write`), the statement
    /// timeout, UTC, ISO dates, exact floats, UTF-8.
    /// - Parameter statementTimeout: milliseconds a statement may run; 0 for no limit.
    /// - Throws: `DatabaseError` with one line naming the server and database, never the
    ///   password: unreachable, refused, or the session could not be set up.
    public init(
        url: String, mode: Mode = .readOnly, statementTimeout: Int = defaultStatementTimeout
    ) throws {
        self.statementTimeout = statementTimeout
        // Array entries before `dbname` are defaults the URL may override; those after it win.
        guard !PostgresURL.hasUnencodedUserInfo(url) else {
            throw DatabaseError(
                path: "postgres://…",
                reason: .cannotConnect(
                    "the URL's user name or password holds @, /, ? or # as it is, so part of it would be read as the server or the database; percent-encode them in the URL (@ is %40, / is %2F, ? is %3F, # is %23, : is %3A, % is %25), or give the password in PGPASSWORD or ~/.pgpass"
                ))
        }
        let keywords = ["connect_timeout", "dbname", "application_name", "client_encoding"]
        let values = ["10", url, "almanac", "UTF8"]
        let connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { PQconnectdbParams(keys, $0, 1) }
        }
        guard let connection else {
            throw DatabaseError(
                path: PostgresURL.redacted(url), reason: .cannotConnect("out of memory"))
        }
        handle = connection
        var secrets = [
            PostgresURL.password(in: url), PQpass(connection).map { String(cString: $0) },
        ]
        .compactMap { $0 }.filter { !$0.isEmpty }
        secrets.append(url)
        self.secrets = secrets
        user = PQuser(connection).map { String(cString: $0) }
        let host = PQhost(connection).map { String(cString: $0) } ?? ""
        self.host = host
        location = PostgresURL.format(
            user: PQuser(connection).map { String(cString: $0) },
            host: host,
            port: PQport(connection).map { String(cString: $0) },
            database: PQdb(connection).map { String(cString: $0) })
        guard PQstatus(connection) == CONNECTION_OK else {
            throw connectionError()
        }
        if let version = PQparameterStatus(connection, "server_version") {
            // "15.18 (Debian 15.18-0+deb12u1)": the packager's note adds nothing here.
            let text = String(cString: version)
            engine = "PostgreSQL " + (text.split(separator: " ").first.map(String.init) ?? text)
        }
        // The analyses write names into their SQL as '…' literals with quotes doubled, which
        // reads as plain text only with standard_conforming_strings on (the default since 9.1,
        // but a server may turn it off, and then a backslash would escape).
        var setup = [
            "SET TimeZone = 'UTC'", "SET DateStyle = 'ISO'", "SET extra_float_digits = 3",
            "SET standard_conforming_strings = on",
        ]
        if mode == .readOnly {
            setup += [
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
                "SET statement_timeout = \(max(0, statementTimeout))",
            ]
        }
        try execute(setup.joined(separator: "; "))
        register()
    }

    deinit {
        unregister()
        PQfinish(handle)
    }

    // MARK: - Statements

    public func execute(_ sql: String) throws {
        guard let result = PQexec(handle, sql) else { throw connectionError() }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw error(in: result, sql: sql)
        }
    }

    /// Runs one statement, `?` placeholders bound as text, and streams its rows one at a time
    /// (single-row mode), so a large custom query never sits in memory whole.
    public func query(
        _ sql: String, _ bindings: [SQLValue], row: (any SQLRow) throws -> Void
    ) throws {
        trace?(sql, bindings)
        ExecutionCounters.shared.add()
        let statement = PostgresSQL.numberingPlaceholders(sql)
        let parameters: [UnsafeMutablePointer<CChar>?] = bindings.map { value in
            PostgresSQL.text(of: value).map { strdup($0) }
        }
        defer { for parameter in parameters { free(parameter) } }
        let sent = parameters.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                PQsendQueryParams(
                    handle, statement, Int32(bindings.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        guard sent == 1 else { throw connectionError() }
        PQsetSingleRowMode(handle)
        var failure: (any Error)?
        // Every result must be read, even after a failure, before the connection is usable.
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_SINGLE_TUPLE {
                guard failure == nil else { continue }
                do {
                    try row(PostgresRow(result: result))
                } catch {
                    // The caller has seen enough: ask the server to stop sending rows.
                    failure = error
                    cancel()
                }
            } else if status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && failure == nil {
                failure = self.error(in: result, sql: sql)
            }
        }
        if let failure {
            recoverSnapshot()
            throw failure
        }
    }

    /// Rejects anything but one read-only SELECT or WITH statement. The server plans the
    /// statement (EXPLAIN, which runs nothing) and any plan that modifies rows is refused;
    /// the read-only session refuses writes hidden in functions when the statement runs.
    public func readOnlyProblem(in sql: String) -> String? {
        if PostgresSQL.statementCount(sql) == 0 { return "the SQL is empty" }
        if PostgresSQL.statementCount(sql) > 1 { return "only one statement is allowed" }
        if let problem = Self.sideEffectProblem(in: sql) { return problem }
        var plan = ""
        // The check is not one of the statements a page shows.
        let tracing = trace
        trace = nil
        defer { trace = tracing }
        do {
            try query("EXPLAIN (COSTS OFF, VERBOSE, FORMAT JSON) " + sql, []) {
                plan += $0.string(0) ?? ""
            }
        } catch let error as DatabaseError {
            switch error.reason {
            case .statement(_, let message), .readOnly(let message): return message
            default: return error.description
            }
        } catch {
            return String(describing: error)
        }
        if let problem = Self.sideEffectProblem(in: plan) { return problem }
        if plan.contains(#""Node Type": "ModifyTable""#)
            || plan.contains(#""Node Type": "LockRows""#)
        {
            return "the statement would write to the database; only SELECT or WITH is allowed"
        }
        return nil
    }

    /// Loads rows with `COPY … FROM STDIN` (seeding only): `write` adds rows to the writer,
    /// which sends them in large chunks.
    /// - Throws: `DatabaseError` with the server's message when the copy fails.
    public func copy(_ sql: String, _ write: (PostgresCopyWriter) throws -> Void) throws {
        guard let start = PQexec(handle, sql) else { throw connectionError() }
        let status = PQresultStatus(start)
        defer { PQclear(start) }
        guard status == PGRES_COPY_IN else { throw error(in: start, sql: sql) }
        let writer = PostgresCopyWriter { [handle] bytes in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1
                }
            }
        }
        var failure: (any Error)?
        do {
            try write(writer)
            try writer.flush()
        } catch {
            failure = error
        }
        if PQputCopyEnd(handle, failure == nil ? nil : "almanac stopped the copy") != 1,
            failure == nil
        {
            failure = connectionError()
        }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil {
                failure = error(in: result, sql: sql)
            }
        }
        if let failure {
            if failure is PostgresCopyWriter.SendFailure { throw connectionError() }
            throw failure
        }
    }

    private func cancel() {
        guard let token = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(token) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(token, &buffer, Int32(buffer.count))
    }

    // MARK: - Errors

    /// The error of a failed statement, by its SQLSTATE.
    private func error(in result: OpaquePointer, sql: String) -> DatabaseError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        guard let state = field("C") else {
            // No SQLSTATE: the connection, open until this statement, failed.
            switch connectionError().reason {
            case .cannotConnect(let message), .rejected(let message):
                return DatabaseError(path: location, reason: .connectionLost(message))
            default: return connectionError()
            }
        }
        let message = redacting(field("M") ?? "unknown error")
        switch state {
        case "57014" where message.contains("statement timeout"):
            return DatabaseError(path: location, reason: .timeout(milliseconds: statementTimeout))
        case "25006":
            return DatabaseError(path: location, reason: .readOnly(message))
        case _ where state.hasPrefix("57P") || state.hasPrefix("08"):
            return DatabaseError(path: location, reason: .connectionLost(message))
        case "42P01":
            let name = message.split(separator: "\"").dropFirst().first.map(String.init) ?? message
            return DatabaseError(path: location, reason: .missingTable(name))
        default:
            return DatabaseError(path: location, reason: .statement(sql: sql, message: message))
        }
    }

    /// libpq's connection message, cut to its first useful line: without the "connection to
    /// server at … failed:" prefix, the "FATAL:" severity, or the password.
    private func connectionError() -> DatabaseError {
        let raw = PQerrorMessage(handle).map { String(cString: $0) } ?? ""
        var line =
            raw.split(separator: "\n").map(String.init).first { !$0.isEmpty } ?? "unknown error"
        if let range = line.range(of: " failed: ") { line = String(line[range.upperBound...]) }
        let fromServer = line.hasPrefix("FATAL:")
        line = line.replacingOccurrences(
            of: #"^(FATAL|ERROR):\s+"#, with: "", options: .regularExpression)
        line = redacting(line.trimmingCharacters(in: .whitespaces))
        let port = PQport(handle).map { String(cString: $0) } ?? "5432"
        let place = host.hasPrefix("/") ? "the socket in \(host)" : "\(host):\(port)"
        let reason: DatabaseError.Reason
        if line.localizedCaseInsensitiveContains("connection refused") {
            reason = .cannotConnect("connection refused (is the server running on \(place)?)")
        } else if line.contains("no password supplied") {
            reason = .rejected(
                "the server wants a password and none was given (put it in the URL, PGPASSWORD or ~/.pgpass)"
            )
        } else if fromServer {
            reason = .rejected(line)
        } else if line.contains("URI") || line.contains("percent-encoded") {
            // libpq could not read the URL: most often a password with a character the URL
            // gives a meaning to, which quoted a piece of the rest (a fault test).
            reason = .cannotConnect(
                line.prefix(1).lowercased() + line.dropFirst()
                    + "; a password or name holding @ : / # ? % or a space must be percent-encoded in the URL (@ is %40, : is %3A, / is %2F, # is %23, ? is %3F, % is %25), or the password given in PGPASSWORD or ~/.pgpass"
            )
        } else {
            reason = .cannotConnect(line.prefix(1).lowercased() + line.dropFirst())
        }
        return DatabaseError(path: location, reason: reason)
    }

    /// `text` with each secret blanked where it stands as a whole (no letter or digit
    /// touching it), longest first and in one pass: blanking every occurrence turned a
    /// one-letter password's "authentication failed" into "[p[password]ssword]uthentic…",
    /// which spelled out which letters it was (a fault test). A password that is also the
    /// user's name is left in that name, which says nothing more than the name does.
    private func redacting(_ text: String) -> String {
        let marker = "\u{E001}"
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where secret != user {
            let pattern =
                #"(?<![\p{L}\p{N}])"# + NSRegularExpression.escapedPattern(for: secret)
                + #"(?![\p{L}\p{N}])"#
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result),
                withTemplate: NSRegularExpression.escapedTemplate(for: marker))
        }
        return result.replacingOccurrences(of: marker, with: "[password]")
    }

    private static func withCStrings<T>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T
    ) -> T {
        let copies = strings.map { UnsafePointer(strdup($0)) } + [nil]
        defer { for copy in copies { free(UnsafeMutablePointer(mutating: copy)) } }
        return copies.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// The row a single-row-mode result holds; valid only inside the closure that receives it.
private struct PostgresRow: SQLRow {
    let result: OpaquePointer

    var columnCount: Int { Int(PQnfields(result)) }

    func columnName(_ index: Int) -> String {
        String(cString: PQfname(result, Int32(index)))
    }

    func value(_ index: Int) -> SQLValue {
        guard !isNull(index) else { return .null }
        switch PQftype(result, Int32(index)) {
        case PostgresType.int2, PostgresType.int4, PostgresType.int8:
            return .integer(Int64(int(index)))
        case PostgresType.float4, PostgresType.float8, PostgresType.numeric:
            return .real(double(index))
        default:
            return .text(string(index) ?? "")
        }
    }

    /// The column as an integer, as SQLite would give it: a decimal is cut toward zero, NULL
    /// and text that is not a number are 0.
    func int(_ index: Int) -> Int {
        withText(index) { bytes in
            // Counted below zero, whose range reaches one further: bigint's least value,
            // -9223372036854775808, overflowed a count above zero (a blind test's crash).
            var value = 0
            var negative = false
            for (offset, byte) in bytes.enumerated() {
                if offset == 0 && byte == UInt8(ascii: "-") {
                    negative = true
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (next, under) = product.subtractingReportingOverflow(
                        Int(byte - UInt8(ascii: "0")))
                    if overflow || under { return Int(clamping: double(index)) }
                    value = next
                } else {
                    // "2.5", "1e3", "NaN": numeric and float text.
                    return Int(clamping: double(index))
                }
            }
            if negative { return value }
            return value == .min ? Int(clamping: double(index)) : -value
        }
    }

    func double(_ index: Int) -> Double {
        guard !isNull(index) else { return 0 }
        return strtod(PQgetvalue(result, 0, Int32(index)), nil)
    }

    func string(_ index: Int) -> String? {
        guard !isNull(index) else { return nil }
        return String(cString: PQgetvalue(result, 0, Int32(index)))
    }

    func isNull(_ index: Int) -> Bool {
        PQgetisnull(result, 0, Int32(index)) == 1
    }

    func withText<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let column = Int32(index)
        guard PQgetisnull(result, 0, column) == 0, let text = PQgetvalue(result, 0, column) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let count = Int(PQgetlength(result, 0, column))
        return text.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeBufferPointer(start: $0, count: count))
        }
    }
}

/// The type oids that `value(_:)` maps to numbers (`pg_type.oid`, fixed since PostgreSQL 7).
private enum PostgresType {
    static let int8: Oid = 20
    static let int2: Oid = 21
    static let int4: Oid = 23
    static let float4: Oid = 700
    static let float8: Oid = 701
    static let numeric: Oid = 1700
}

extension Int {
    /// A double cut toward zero, held within Int's range; NaN is 0.
    fileprivate init(clamping value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.2e18 {
            self = .max
        } else if value <= -9.2e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
