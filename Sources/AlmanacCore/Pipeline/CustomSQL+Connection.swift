// A bridge for this branch only: `CustomSQL.validate` and `CustomSQL.run` (Analytics/) take a
// `SQLiteConnection`, and the SQL rewrite of Analytics/ makes them take
// `any DatabaseConnection`. When it lands, these two overloads become redeclarations: delete
// this file. Until then they let custom `sql:` questions run on PostgreSQL.

extension CustomSQL {
    /// `validate` on any engine: SQLite keeps its own path.
    static func validate(_ sql: String, questionID: String, on db: any DatabaseConnection) throws {
        if let sqlite = db as? SQLiteConnection {
            return try validate(sql, questionID: questionID, on: sqlite)
        }
        let body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: #"^(\s*(--[^\n]*\n|/\*[\s\S]*?\*/|\())*\s*"#, with: "", options: .regularExpression)
        let firstWord = body.prefix { $0.isLetter }.uppercased()
        guard firstWord == "SELECT" || firstWord == "WITH" else {
            throw CustomSQLError(
                questionID: questionID,
                message: "`sql:` must be a single SELECT or WITH statement; it starts with \(firstWord.isEmpty ? "nothing" : "`\(firstWord)`")")
        }
        if let problem = db.readOnlyProblem(in: sql) {
            throw CustomSQLError(questionID: questionID, message: "`sql:` is rejected: \(problem)")
        }
    }

    /// `run` on any engine: SQLite keeps its own path.
    static func run(_ sql: String, questionID: String, on db: any DatabaseConnection) throws -> CustomSQL {
        if let sqlite = db as? SQLiteConnection {
            return try run(sql, questionID: questionID, on: sqlite)
        }
        try validate(sql, questionID: questionID, on: db)
        var result = CustomSQL(columns: [], rows: [], truncated: false)
        /// Thrown to stop reading once the row after the limit proves there is more.
        struct Enough: Error {}
        do {
            try db.query(sql.trimmingCharacters(in: .whitespacesAndNewlines), []) { row in
                if result.columns.isEmpty { result.columns = (0..<row.columnCount).map(row.columnName) }
                guard result.rows.count < rowLimit else {
                    result.truncated = true
                    throw Enough()
                }
                result.rows.append((0..<row.columnCount).map { row.value($0).json })
            }
        } catch is Enough {
            // The rest of the rows are not needed.
        } catch let error as DatabaseError {
            if case .statement(_, let message) = error.reason {
                throw CustomSQLError(questionID: questionID, message: "\(db.engine) says: \(message)")
            }
            throw error
        }
        return result
    }
}

extension SQLValue {
    /// The value in a report document.
    fileprivate var json: JSONValue {
        switch self {
        case .null: return .null
        case .integer(let value): return .int(Int(value))
        case .real(let value): return .double(value)
        case .text(let value): return .string(value)
        }
    }
}
