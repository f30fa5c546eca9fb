/// One statement an analysis asks the database to run: its SQL with `?` placeholders, the
/// values bound to them, and a name for the part of the result it computes.
public struct SQLStatement: Sendable, Hashable {
    public var name: String
    public var sql: String
    public var bindings: [SQLValue]
    /// For a shared statement: each request's number (from 1) → its `scope` in the result;
    /// empty when request `i` is scope `i`.
    public var scopes: [Int: Int] = [:]
    /// Statements that must have run on a connection before this one: the creation of the
    /// build's temporary tables it reads. Each runs once per connection.
    public var preparation: [String] = []
    /// For a shared statement: each scope's number → its row of the scope list in words
    /// (`badge = 'Python Basics', until_day = '2026-10-01'`), which does not change when
    /// other questions come and go.
    public var scopeDescriptions: [Int: String] = [:]

    public init(_ name: String, _ sql: String, _ bindings: [SQLValue] = []) {
        self.name = name
        self.sql = sql
        self.bindings = bindings
    }

    /// The statement with its parameters written in as SQL literals, as `--dump-sql` writes it
    /// and a page shows it: runnable as it stands in `sqlite3` and `psql`.
    public var inlined: String { SQLStatement.inline(sql, bindings) }

    /// Writes each binding in place of its `?`, outside string literals, quoted identifiers
    /// and comments.
    public static func inline(_ sql: String, _ bindings: [SQLValue]) -> String {
        // The built-in statements carry their values as literals already: their text is
        // the statement, and a page's 14 KB need not be read character by character.
        guard !bindings.isEmpty else { return sql }
        var result = ""
        var remaining = bindings[...]
        var quote: Character?
        var comment = false
        var previous: Character?
        for character in sql {
            defer { previous = character }
            if comment {
                if character == "\n" { comment = false }
                result.append(character)
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case "-" where previous == "-": comment = true
            case "?":
                if let value = remaining.popFirst() {
                    result += value.literal
                    continue
                }
            default: break
            }
            result.append(character)
        }
        return result
    }
}

/// The small, already aggregated rows one statement returned.
public struct ResultSet: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[SQLValue]]

    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Runs a statement and keeps its rows.
    /// - Throws: `DatabaseError` with the statement and the engine's message.
    public static func read(_ statement: SQLStatement, from db: any DatabaseConnection) throws
        -> ResultSet
    {
        var columns: [String] = []
        var rows: [[SQLValue]] = []
        try db.query(statement.sql, statement.bindings) { row in
            if columns.isEmpty { columns = (0..<row.columnCount).map(row.columnName) }
            rows.append((0..<row.columnCount).map(row.value))
        }
        return ResultSet(columns: columns, rows: rows)
    }

    /// The rows as records whose columns are read by name.
    public var records: [ResultRecord] {
        let index = Dictionary(
            columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return rows.map { ResultRecord(index: index, values: $0) }
    }
}

/// A result row read by column name. A name the statement does not return is a programming
/// error in the analysis that asked for it, and reads as NULL.
public struct ResultRecord: Sendable {
    let index: [String: Int]
    let values: [SQLValue]

    public subscript(_ column: String) -> SQLValue {
        guard let position = index[column], position < values.count else { return .null }
        return values[position]
    }

    public func int(_ column: String) -> Int {
        switch self[column] {
        case .integer(let number): return Int(number)
        case .real(let number): return Int(number)
        case .text(let text): return Int(text) ?? Double(text).map { Int($0) } ?? 0
        case .null: return 0
        }
    }

    public func double(_ column: String) -> Double? {
        switch self[column] {
        case .integer(let number): return Double(number)
        case .real(let number): return number
        case .text(let text): return Double(text)
        case .null: return nil
        }
    }

    public func string(_ column: String) -> String? {
        switch self[column] {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return "\(number)"
        case .null: return nil
        }
    }

    public func text(_ column: String) -> String { string(column) ?? "" }

    /// A database id; nil for NULL (the `(no organization)` group).
    public func id(_ column: String) -> Int? {
        self[column] == .null ? nil : int(column)
    }
}

/// The statements of one analysis and what each returned, by statement name.
public struct ResultSets: Sendable {
    public var byName: [String: ResultSet]

    public init(_ byName: [String: ResultSet]) {
        self.byName = byName
    }

    /// The rows of shared statements by scope: for each number in the `scope` column, the
    /// rows that carry it, in the order the statements returned them.
    public func byScope() -> [Int: ResultSets] {
        var sets: [Int: [String: ResultSet]] = [:]
        for (name, set) in byName {
            guard let column = set.columns.firstIndex(of: "scope") else { continue }
            for row in set.rows {
                guard case .integer(let value) = row[column] else { continue }
                sets[Int(value), default: [:]][
                    name, default: ResultSet(columns: set.columns, rows: [])
                ]
                .rows.append(row)
            }
        }
        return sets.mapValues(ResultSets.init)
    }

    /// The records of a statement; empty when it returned none.
    public subscript(_ name: String) -> [ResultRecord] {
        byName[name]?.records ?? []
    }
}
