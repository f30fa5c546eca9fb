import Foundation

/// What `almanac serve` reports as it goes.
public enum PreviewEvent: Sendable {
    /// The server listens at this address.
    case listening(String)
    /// A build finished: what it did and how long it took.
    case built(BuildSummary, milliseconds: Int)
    /// A build failed; the site stays as the last good build left it.
    case failed(String)
    /// A progress event of the build itself.
    case build(BuildEvent)
}

/// `almanac serve`: builds the site, serves it, and rebuilds whenever an input changes.
public struct PreviewSession: Sendable {
    public var options: BuildOptions
    public var version: String
    public var host: String
    public var port: UInt16
    /// How often the inputs are looked at. A change is seen within this time, so a page
    /// reloads within it plus the rebuild.
    public var pollInterval: Duration = .milliseconds(50)
    /// How long the inputs must stay unchanged before a rebuild starts.
    public var settle: Duration = .milliseconds(50)
    /// The world the builds run in; their progress goes to `log` instead of its own.
    public var environment: Environment
    public var log: @Sendable (PreviewEvent) -> Void

    public init(
        options: BuildOptions, version: String, host: String, port: UInt16,
        environment: Environment, log: @escaping @Sendable (PreviewEvent) -> Void
    ) {
        self.environment = environment
        self.options = options
        self.version = version
        self.host = host
        self.port = port
        self.log = log
    }

    /// Runs until cancelled.
    /// - Throws: `PreviewServerError` when the port cannot be bound; nothing is built then.
    public func run() async throws {
        let events = LiveEvents()
        let folder = environment.files.resolvingLinks(URL(fileURLWithPath: options.outputPath))
        let server = PreviewServer(
            site: folder, host: host, port: port, events: events, files: environment.files)
        let (ready, readySignal) = AsyncStream<Void>.makeStream()
        let address = host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run {
                    readySignal.yield()
                    readySignal.finish()
                }
            }
            group.addTask {
                var started = false
                for await _ in ready { started = true }
                guard started else { return }
                log(.listening(address))
                try await watch(events)
            }
            // The first to end (the server failing, or cancellation) ends both.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds, then rebuilds each time the inputs' stamps change.
    private func watch(_ events: LiveEvents) async throws {
        var environment = environment
        environment.log = { [log] in log(.build($0)) }
        var builder = ReportBuilder(options: options, version: version, environment: environment)
        var watcher = builder.inputWatcher()
        var seen: String?
        while !Task.isCancelled {
            // A templates/ folder made or removed beside the questions file since serve
            // started is used, or no longer, as a build would (it was decided once, at start).
            if !options.templatesFromFlag {
                let templates = BuildOptions.templatesFolder(
                    flag: nil, questionsPath: options.questionsPath, files: environment.files)
                if templates != builder.options.templatesPath {
                    builder.options.templatesPath = templates
                    watcher = builder.inputWatcher()
                }
            }
            var now = watcher.stamps()
            if now != seen {
                // An editor may save in several writes: build once the stamps hold still.
                while true {
                    try await environment.sleep(settle)
                    let again = watcher.stamps()
                    if again == now { break }
                    now = again
                }
                seen = now
                let started = ContinuousClock.now
                do {
                    let summary = try await builder.build()
                    let elapsed = started.duration(to: .now)
                    log(
                        .built(
                            summary,
                            milliseconds: Int(
                                elapsed.components.seconds * 1000
                                    + elapsed.components.attoseconds / 1_000_000_000_000_000)))
                    await events.succeeded()
                } catch {
                    log(.failed(String(describing: error)))
                    await events.failed(String(describing: error))
                }
                continue
            }
            try await environment.sleep(pollInterval)
        }
    }
}
