import AlmanacCore
import ArgumentParser

/// `--statement-timeout`, which `build`, `ask` and `check` share.
struct StatementTimeout: ParsableArguments {
    @Option(
        name: .customLong("statement-timeout"),
        help: "Seconds a SQL statement may run, 0 for no limit (default: `database_options.statement_timeout`, else 300).")
    var seconds: Double?

    func validate() throws {
        if let seconds, !(0...604_800).contains(seconds) {
            throw ValidationError("--statement-timeout must be from 0 to 604800 seconds")
        }
    }

    /// The flag in milliseconds, as `BuildOptions` and `DatabaseLocation` take it.
    var milliseconds: Int? { seconds.map { Int(($0 * 1000).rounded()) } }
}
