/// Where a page's numbers come from in the build's plan: a shared statement and the row of
/// its scope list that is this page's, in words (`ScopeList.Row.description`).
public struct SharedScope: Sendable, Equatable {
    /// `kind.statement`, such as `badge_enrollments.badges`.
    public var statement: String
    public var scope: String

    public var json: JSONValue { ["statement": .string(statement), "scope": .string(scope)] }
}

/// One statement of the build's plan, as `--timings` prints it.
public struct PlanStep: Sendable, Equatable {
    /// `kind.statement`, such as `completion_metrics.breakdowns`, `weekly`, or
    /// `custom_sql <question id>`.
    public var name: String
    /// How many analyses the statement computed at once.
    public var scopes: Int
    public var rows: Int
    public var milliseconds: Int

    public init(name: String, scopes: Int, rows: Int, milliseconds: Int) {
        self.name = name
        self.scopes = scopes
        self.rows = rows
        self.milliseconds = milliseconds
    }
}
