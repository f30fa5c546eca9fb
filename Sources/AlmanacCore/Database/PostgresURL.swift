import CLibPQ
import Foundation

/// `postgres://` URLs: telling them from file paths, and showing them without the password.
public enum PostgresURL {
    /// True for `postgres://…` and `postgresql://…`, the two schemes libpq reads.
    public static func matches(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// `postgres://user@host:port/database`: the URL as libpq reads it, without the password
    /// or any other query parameter. A URL libpq cannot parse loses everything between `://`
    /// and `@`, and its query.
    public static func redacted(_ url: String) -> String {
        guard let options = parse(url) else {
            var text = url.replacingOccurrences(
                of: #"://[^@/?]*@"#, with: "://", options: .regularExpression)
            if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
            return text
        }
        return format(
            user: options["user"], host: options["host"], port: options["port"],
            database: options["dbname"])
    }

    /// Whether the URL's user or password holds a character the URL gives a meaning to
    /// (`@`, `/`, `?`, `#`) unencoded: an `@` after the authority has ended, or two in it.
    /// libpq then reads a piece of the password as the host, the port or the database, and
    /// its own message and the place shown quoted it ("postgres://root@bob:Sec/ret9@…").
    public static func hasUnencodedUserInfo(_ url: String) -> Bool {
        guard let scheme = url.range(of: "://") else { return false }
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        if rest[..<end].filter({ $0 == "@" }).count > 1 { return true }
        let after = rest[end...]
        let queryStart = after.firstIndex { "?#".contains($0) } ?? after.endIndex
        // In the path, or in a query parameter with no "=" before it ("?y@127.0.0.1/demo"):
        // a value of the query may hold one ("?application_name=a@b").
        if after[..<queryStart].contains("@") { return true }
        return after[queryStart...].dropFirst().split(whereSeparator: { "&#".contains($0) })
            .contains { parameter in
                guard let at = parameter.firstIndex(of: "@") else { return false }
                return !parameter[..<at].contains("=")
            }
    }

    /// The password the URL carries, in the URL or as `?password=`; nil when none.
    static func password(in url: String) -> String? {
        if let options = parse(url) { return options["password"] }
        guard let range = url.range(of: #"(?<=://)[^@/?]*(?=@)"#, options: .regularExpression),
            let colon = url[range].firstIndex(of: ":")
        else { return nil }
        return String(url[range][url.index(after: colon)...])
    }

    /// Puts the parts back together; a socket folder as host is percent-encoded.
    static func format(user: String?, host: String?, port: String?, database: String?) -> String {
        var text = "postgres://"
        if let user, !user.isEmpty { text += user + "@" }
        if let host, !host.isEmpty {
            text +=
                host.hasPrefix("/")
                ? host.replacingOccurrences(of: "/", with: "%2F")
                : (host.contains(":") && !host.contains(",") ? "[\(host)]" : host)
        }
        if let port, !port.isEmpty { text += ":" + port }
        if let database, !database.isEmpty { text += "/" + database }
        return text
    }

    /// libpq's own reading of the URL, keyword to value; nil when it cannot parse it.
    private static func parse(_ url: String) -> [String: String]? {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &message) else {
            PQfreemem(message)
            return nil
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return values
    }
}
