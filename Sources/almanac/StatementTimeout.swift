import AlmanacCore
import ArgumentParser

/// `--statement-timeout`, which `build`, `ask` and `check` share.
struct StatementTimeout: ParsableArguments {
    @Option(
        name: .customLong("statement-timeout"),
        // "--statement-timeout -1" said the value was missing: a negative number is read
        // as the value, and refused as one.
        parsing: .unconditional,
        help:
            "Seconds a SQL statement may run, 0 for no limit (default: `database_options.statement_timeout`, else 300)."
    )
    var seconds: Double?

    func validate() throws {
        if let seconds,
            let problem = NumericFlag.problem(
                "--statement-timeout", seconds, in: FlagBounds.statementSeconds, unit: "seconds")
        {
            throw ValidationError(problem)
        }
    }

    /// The flag in milliseconds, as `BuildOptions` and `DatabaseLocation` take it.
    var milliseconds: Int? { seconds.map { StatementTimeLimit.milliseconds(seconds: $0) } }
}
