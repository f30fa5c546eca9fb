import AlmanacCore
import ArgumentParser
import Foundation

@main
struct Almanac: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Publish data reports that explain themselves, as a static site.",
        discussion: """
            Your own data: `almanac schema` prints the tables to create, `almanac check --db \
            PATH` checks them, and `database:` in questions.yaml (or --db) points at them. \
            `almanac help COMMAND` shows a command's flags and examples.

            Examples:
              almanac init my-report --demo    # a report project with demo data
              cd my-report && almanac build    # then open site/index.html
              almanac serve                    # rebuilds the site on every save

            \(exitStatus)
            """,
        version: version,
        subcommands: [
            Build.self, Serve.self, Ask.self, Seed.self, Check.self, Schema.self, Init.self,
            Cache.self, Notify.self,
        ]
    )

    /// The exit statuses of every command, for `--help` and the man pages.
    static let exitStatus = """
        Exit status:
          0  success
          1  failure; the message says what and where
          2  a usage error: an unknown command or flag, a value out of range
          3  an alert fired under `almanac build --fail-on-alert` (the site is written)
          130, 143  stopped by Ctrl-C or SIGTERM (statements running on PostgreSQL are cancelled)
        """

    /// Runs the command, with the exit statuses the README promises: 0 success, 1 failure,
    /// 2 a usage error (argument-parser's own default for those is 64).
    static func main() async {
        Allocator.configure()
        stopStatementsOnInterrupt()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if interruptedBy != 0 { Foundation.exit(128 + interruptedBy) }
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message =
                    unknownCommand(in: Array(CommandLine.arguments.dropFirst()))
                    ?? fullMessage(for: error)
                Terminal.error(message)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Almanac {
    /// The signal sources, kept for the life of the process.
    nonisolated(unsafe) private static var interrupts: [any DispatchSourceSignal] = []
    /// The signal that stopped the build, once one has: the statements it cancelled fail,
    /// and that failure is not the build's to report.
    nonisolated(unsafe) static var interruptedBy: Int32 = 0

    /// On Ctrl-C or SIGTERM, the statements running on a PostgreSQL server are cancelled
    /// before the process ends (they ran on until their timeout), with 130 or 143.
    static func stopStatementsOnInterrupt() {
        // A queue of its own: a global queue's threads are the ones Swift's tasks run on, and
        // a fault attack kept both busy (`serve` parsing a 5 MB header), so Ctrl-C and SIGTERM
        // waited forever. A serial queue of its own gets a thread when the others are taken.
        let queue = DispatchQueue(label: "almanac.signals", qos: .userInteractive)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                interruptedBy = number
                // PQcancel waits for the server to take the request: the statements have
                // stopped when the process ends, 128 + the signal as a shell reports it.
                PostgresConnection.cancelAll()
                Foundation.exit(128 + number)
            }
            source.resume()
            interrupts.append(source)
        }
    }

    /// "Unknown command 'biuld'. Did you mean 'build'?": argument-parser says only
    /// "Unexpected argument" for a mistyped command (its flags get their own "did you mean").
    /// Nil when the words before the first flag all name commands.
    static func unknownCommand(in arguments: [String]) -> String? {
        var command: any ParsableCommand.Type = Almanac.self
        var path = ["almanac"]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !argument.hasPrefix("-"), !subcommands.isEmpty, argument != "help" else {
                return nil
            }
            if let next = subcommands.first(where: { $0._commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let place = path.joined(separator: " ")
            var text = "Error: '\(argument)' is not a command of '\(place)'."
            if let guess = Spelling.closest(to: argument, among: names) {
                text += " Did you mean '\(guess)'?"
            }
            return text + "\nCommands: \(names.joined(separator: ", ")).\n"
                + "  See '\(place) --help' for more information."
        }
        return nil
    }
}

/// Standard error, for progress and problems; standard output stays for results.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((visible(message) + "\n").utf8))
    }

    /// The message with its control characters written out ("\u{1B}"), but for line breaks
    /// and tabs, and its text-direction overrides too: a question's text is quoted in errors,
    /// and "\e]0;pwned\a\e[2J" in one set the terminal's title and cleared its screen (an
    /// attack run).
    static func visible(_ message: String) -> String { DisplayName.visible(message) }
}

/// A failure already reported on standard error: exit 1 without argument-parser's usage text.
func fail(_ message: String) -> ExitCode {
    // A statement cancelled because the process was interrupted is no failure to report.
    if Almanac.interruptedBy != 0 { Foundation.exit(128 + Almanac.interruptedBy) }
    Terminal.error("error: " + message)
    return ExitCode.failure
}

/// Parses `YYYY-MM-DD` flags.
extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.utf8.count == 10 else { return nil }
        self.init(iso: argument)
    }

    /// A `YYYY-MM-DD` flag, refused with the reason: "--as-of 2026-02-30" said only that the
    /// value was invalid.
    static func flag(_ argument: String) throws -> CivilDate {
        if let date = CivilDate(argument: argument) { return date }
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        if argument.utf8.count == 10, parts.map(\.count) == [4, 2, 2], let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2])
        {
            guard (1...12).contains(month) else {
                throw ValidationError("\(argument) is not a date: there is no month \(month)")
            }
            throw ValidationError(
                "\(argument) is not a date: \(year)-\(parts[1]) has \(CivilDate.daysIn(year, month)) days, not \(day)"
            )
        }
        throw ValidationError("write the date as YYYY-MM-DD, such as 2026-06-30")
    }
}
