import AlmanacCore
import ArgumentParser
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it for preview and rebuild it when an input changes.",
        discussion: """
            Open pages reload by themselves after each rebuild. A failed rebuild keeps the last \
            good site and shows the error over the page until the next good build. The \
            live-reload script is added only to what the server sends; it is never written \
            into the site. It takes build's flags, and watches the questions file, the \
            database, the templates folder and the answer cache.

            Examples:
              almanac serve                          # http://127.0.0.1:8000/
              almanac serve --db data/export.db --port 8080
            """)

    // The server's own flags first: `--help` lists the commonest first.
    @OptionGroup(title: "Server") var address: ServeAddress

    @OptionGroup var flags: BuildFlags

    @Flag(
        help:
            "After each build, print the wall time of each phase, the SQL plan, and the statements and SQLite VM steps, as build's --timings does."
    )
    var timings = false

    var host: String { address.host }
    var port: Int { address.port }

    func run() async throws {
        let options = try flags.options()
        // The event handler below is @Sendable: it captures the flag, not the command.
        let printsTimings = timings
        let progress = ProgressReporter(quiet: false)
        let watched = [
            options.questionsPath, options.databasePath ?? "the database file",
            options.templatesPath.map { $0 + "/" }, "the answer cache",
        ].compactMap { $0 }
        let session = PreviewSession(
            options: options, version: Almanac.version, host: host, port: UInt16(port),
            environment: .live()
        ) { event in
            switch event {
            case .listening(let address):
                Terminal.error(
                    "Serving \(options.outputPath)/ at \(address) (Ctrl-C stops); watching \(watched.joined(separator: ", "))."
                )
            case .build(let event):
                progress.handle(event)
            case .built(let summary, let milliseconds):
                progress.finish()
                let files = summary.files
                Terminal.error(
                    "✔ built \(summary.pages) \(summary.pages == 1 ? "page" : "pages") in \(milliseconds) ms: \(files.written) written, \(files.kept) kept, \(files.deleted) deleted; pages reload."
                )
                if printsTimings { Build.timingLines(summary).forEach(Terminal.error) }
            case .failed(let message):
                progress.finish()
                Terminal.error(
                    "✘ build failed; the last good site stays, and pages show this error:\n"
                        + message)
            }
        }
        do {
            try await session.run()
        } catch let error as PreviewServerError {
            throw fail(error.description)
        }
    }
}

/// Where `serve` listens.
struct ServeAddress: ParsableArguments {
    @Option(help: "The port to listen on, 1 to 65535.")
    var port = 8000

    @Option(help: "The address to listen on; 127.0.0.1 keeps the preview to this machine.")
    var host = "127.0.0.1"

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be a whole number from 1 to 65535, not \(port)")
        }
    }
}
