import AlmanacCore
import ArgumentParser
import Foundation

@main
struct Almanac: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Publish data reports that explain themselves, as a static site.",
        version: version,
        subcommands: [
            Build.self, Serve.self, Ask.self, Seed.self, Check.self, Init.self, Cache.self,
            Notify.self,
        ]
    )

    /// Runs the command, with the exit statuses the README promises: 0 success, 1 failure,
    /// 2 a usage error (argument-parser's own default for those is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Standard error, for progress and problems; standard output stays for results.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// A failure already reported on standard error: exit 1 without argument-parser's usage text.
func fail(_ message: String) -> ExitCode {
    Terminal.error("error: " + message)
    return ExitCode.failure
}

/// Parses `YYYY-MM-DD` flags.
extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.utf8.count == 10 else { return nil }
        self.init(iso: argument)
    }
}
