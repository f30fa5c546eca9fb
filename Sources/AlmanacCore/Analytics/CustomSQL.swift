/// A custom query that cannot run.
public struct CustomSQLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var questionID: String
    public var message: String

    public var description: String { "question `\(questionID)`: \(message)" }
}

/// Every custom query refused before any ran, reported together, each at its line.
public struct CustomSQLFailures: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// Each refused question's line in `path` and its error's text.
    public var failures: [Failure]

    public struct Failure: Equatable, Sendable {
        public var questionID: String
        public var line: Int
        public var message: String
    }

    public var description: String {
        failures.map { "\(path):\($0.line): \($0.message)" }.joined(separator: "\n")
    }

    /// The question, when only one was refused.
    public var questionID: String? { failures.count == 1 ? failures[0].questionID : nil }
}

/// The result of a question's own `sql:`: its columns and rows, as the analysis data.
public struct CustomSQL: Sendable, Codable {
    public var columns: [String]
    public var rows: [[JSONValue]]
    /// True when the query returned more than `rowLimit` rows and the rest were left out.
    public var truncated: Bool

    /// Rows kept in the report; a page is for reading, not for a data dump.
    public static let rowLimit = 1_000

    /// Checks the statement before anything runs: one statement, `SELECT` or `WITH`, read-only.
    /// - Throws: `CustomSQLError` explaining what is not allowed.
    public static func validate(_ sql: String, questionID: String, on db: any DatabaseConnection)
        throws
    {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        // Leading comments and parentheses do not change what the statement is.
        let body =
            trimmed
            .replacingOccurrences(
                of: #"^(\s*(--[^\n]*\n|/\*[\s\S]*?\*/|\())*\s*"#, with: "",
                options: .regularExpression)
        let firstWord = body.prefix { $0.isLetter }.uppercased()
        guard firstWord == "SELECT" || firstWord == "WITH" else {
            throw CustomSQLError(
                questionID: questionID,
                message:
                    "`sql:` must be a single SELECT or WITH statement; it starts with \(firstWord.isEmpty ? "nothing" : "`\(firstWord)`")"
            )
        }
        if let problem = db.readOnlyProblem(in: trimmed) {
            throw CustomSQLError(questionID: questionID, message: "`sql:` is rejected: \(problem)")
        }
    }

    /// Runs the query on the read-only connection.
    /// - Throws: `CustomSQLError` with the question id and SQLite's own message.
    public static func run(_ sql: String, questionID: String, on db: any DatabaseConnection) throws
        -> CustomSQL
    {
        try validate(sql, questionID: questionID, on: db)
        var columns: [String] = []
        var rows: [[JSONValue]] = []
        var truncated = false
        /// Thrown to stop reading once the row after the limit proves there is more.
        struct Enough: Error {}
        do {
            try db.query(sql.trimmingCharacters(in: .whitespacesAndNewlines), []) { row in
                if columns.isEmpty {
                    // A column name is shown in headers, titles and axes: its control and
                    // direction characters are written out (a U+202E reversed a table
                    // header, an attack run).
                    columns = (0..<row.columnCount).map { DisplayName.visible(row.columnName($0)) }
                }
                guard rows.count < rowLimit else {
                    truncated = true
                    throw Enough()
                }
                rows.append(
                    try (0..<row.columnCount).map { index in
                        switch row.value(index) {
                        case .null: return .null
                        case .integer(let value): return .int(Int(value))
                        case .real(let value) where !value.isFinite:
                            // JSON has no infinity: it was written as null, shown like a NULL.
                            throw CustomSQLError(
                                questionID: questionID,
                                message:
                                    "the column `\(columns[index])` holds \(value.isNaN ? "NaN" : value > 0 ? "infinity" : "minus infinity"), which a page cannot show as a number; return NULL or text for it (CASE WHEN … END, or CAST(… AS TEXT))"
                            )
                        case .real(let value): return .double(value)
                        case .text(let value): return .string(value)
                        }
                    })
            }
        } catch is Enough {
            // The rest of the rows are not needed.
        } catch let error as DatabaseError {
            if case .statement(_, let message) = error.reason {
                throw CustomSQLError(
                    questionID: questionID,
                    message: "\(db.engine.prefix { $0 != " " }) says: \(message)")
            }
            throw error
        }
        return CustomSQL(columns: columns, rows: rows, truncated: truncated)
    }

    /// The index of a named column.
    func column(_ name: String) -> Int? {
        columns.firstIndex(of: name)
    }
}

extension CustomSQL: AnalysisOutput {
    public var json: JSONValue {
        [
            "columns": .array(columns.map(JSONValue.string)),
            "rows": .array(rows.map(JSONValue.array)),
            "truncated": .bool(truncated),
        ]
    }

    public var tables: [DataTable] {
        // No rows, no column names to head a table with (a page showed "|  |"): the summary
        // says "The query returned no rows."
        guard !columns.isEmpty else { return [] }
        let formats: [DataTable.Format] = columns.indices.map { index in
            rows.contains { row in
                if case .string = row[index] { return true } else { return false }
            } ? .text : .decimal
        }
        return [
            DataTable(
                title: truncated ? "Query result (first \(Self.rowLimit) rows)" : "Query result",
                columns: zip(columns, formats).map { DataTable.Column($0, $1) },
                rows: rows)
        ]
    }

    public var rowCount: Int { rows.count }
}
