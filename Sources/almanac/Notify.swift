import AlmanacCore
import ArgumentParser
import Foundation

struct Notify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Post the digest of a built site to a webhook (Slack-compatible or JSON).",
        discussion: """
            The webhook's path and query are its secret: they are never printed. Pass the URL in \
            ALMANAC_WEBHOOK_URL rather than on the command line to keep it out of process lists and CI logs.

            Examples:
              almanac notify              # posts site/digest.json to $ALMANAC_WEBHOOK_URL
              almanac notify --format json --site public
            """)

    @Option(help: "The webhook URL (default: $ALMANAC_WEBHOOK_URL).")
    var webhook: String?

    @Option(help: "`slack` ({\"text\": …}) or `json` (digest.json as it is).")
    var format: Format = .slack

    @Option(help: "The built site whose digest.json is posted.")
    var site = "site"

    @Option(help: "Seconds to wait for one try.")
    var timeout = 10

    @Option(help: "Seconds for all tries and waits together.")
    var deadline = 120

    enum Format: String, ExpressibleByArgument {
        case slack, json
    }

    func validate() throws {
        guard (1...600).contains(timeout) else {
            throw ValidationError("--timeout must be 1 to 600 seconds")
        }
        guard (1...3600).contains(deadline) else {
            throw ValidationError("--deadline must be 1 to 3600 seconds")
        }
        guard let text = webhook ?? ProcessInfo.processInfo.environment["ALMANAC_WEBHOOK_URL"],
            !text.isEmpty
        else {
            throw ValidationError("no webhook: pass --webhook URL or set ALMANAC_WEBHOOK_URL")
        }
        guard let url = URL(string: text),
            ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
        else {
            // The URL is not echoed: it may be a secret with a typo in it.
            throw ValidationError("--webhook must be an http:// or https:// URL")
        }
    }

    func run() async throws {
        let text = webhook ?? ProcessInfo.processInfo.environment["ALMANAC_WEBHOOK_URL"] ?? ""
        guard let url = URL(string: text) else {
            throw ValidationError("--webhook must be an http:// or https:// URL")
        }
        let environment = Environment.live()
        let notifier = WebhookNotifier(
            url: url, format: format == .slack ? .slack : .json, environment: environment,
            timeout: .seconds(timeout), deadline: .seconds(deadline))
        do {
            let digest = try WebhookNotifier.digest(
                in: SiteLayout(site: URL(fileURLWithPath: site)), files: environment.files)
            let attempts = try await notifier.post(digest)
            Terminal.error(
                "Posted the digest of \(site) to \(WebhookNotifier.redacted(url))"
                    + (attempts > 1 ? " (after \(attempts) tries)." : "."))
        } catch {
            throw fail(String(describing: error))
        }
    }
}
