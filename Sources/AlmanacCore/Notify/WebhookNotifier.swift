import Foundation

/// How a notification's body is written.
public enum WebhookFormat: String, Sendable, CaseIterable {
    /// `{"text": …}`, which Slack's incoming webhooks (and Mattermost, Discord's /slack
    /// endpoint, Teams workflows) accept.
    case slack
    /// The site's digest.json as it is.
    case json
}

/// Why a notification was not delivered: the status and the server's message, and only the
/// scheme, host and port of the webhook, since its path and query are the secret.
public struct NotifyError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case http(status: Int, message: String)
        case timeout
        case connection(String)
        /// The next try would end after the deadline; `last` is what the last try got.
        indirect case deadline(wait: Duration, last: Reason)
        case digest(String)
    }

    public var reason: Reason
    public var attempts: Int
    /// `https://hooks.example.com/…`.
    public var target: String

    public var description: String {
        let tries = attempts > 1 ? " after \(attempts) tries" : ""
        switch reason {
        case .http(let status, let message):
            return "\(target) answered HTTP \(status)\(tries)"
                + (message.isEmpty ? "" : ": \(message)")
        case .timeout: return "\(target) did not answer in time\(tries)"
        case .connection(let message): return "could not reach \(target)\(tries): \(message)"
        case .deadline(let wait, let last):
            let last = NotifyError(reason: last, attempts: 1, target: target).description
            return
                "gave up\(tries): the next try (in \(wait.components.seconds) s) would pass the deadline (last: \(last))"
        case .digest(let message): return message
        }
    }
}

/// Posts a built site's digest to a webhook, with the retries of the language-model client
/// (`RetryPolicy`), a timeout per try and a deadline for all of them.
public struct WebhookNotifier: Sendable {
    public var url: URL
    public var format: WebhookFormat
    /// The HTTP transport and the sleep between tries.
    public var environment: Environment
    public var policy: RetryPolicy
    public var timeout: Duration
    public var deadline: Duration

    public init(
        url: URL, format: WebhookFormat, environment: Environment,
        policy: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(10),
        deadline: Duration = .seconds(120)
    ) {
        self.url = url
        self.format = format
        self.environment = environment
        self.policy = policy
        // A `Retry-After` date is read against the environment's clock.
        self.policy.now = environment.now
        self.timeout = timeout
        self.deadline = deadline
    }

    /// The webhook without its path and query: what messages may show.
    public static func redacted(_ url: URL) -> String {
        var text = "\(url.scheme ?? "https")://\(url.host ?? "")"
        if let port = url.port { text += ":\(port)" }
        return text + (url.path.isEmpty || url.path == "/" ? "" : "/…")
    }

    /// The request body for a digest.
    public func body(for digest: JSONValue) -> Data {
        switch format {
        case .json: return Data(digest.prettyEncoded().utf8)
        case .slack:
            return Data((["text": .string(Self.slackText(digest))] as JSONValue).encoded().utf8)
        }
    }

    /// Text from the digest for Slack: the Markdown escapes of names taken out, and `&`, `<`
    /// and `>` written as Slack requires, so a name cannot become a link or a mention.
    static func slack(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\\([\\`*_\[\]<>|#~])"#, with: "$1", options: .regularExpression
        )
        .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The digest as Slack text: a bold title, then the alerts, insights and changes as bullets.
    static func slackText(_ digest: JSONValue) -> String {
        slackLines(digest).joined(separator: "\n")
    }

    private static func slackLines(_ digest: JSONValue) -> [String] {
        var lines = [
            "*\(slack(digest["title"]?.stringValue ?? "Almanac")): as of \(digest["as_of"]?.stringValue ?? "")*"
        ]
        let alerts = digest["alerts"]?.arrayValue ?? []
        lines.append(alerts.isEmpty ? "No alert was triggered." : "*Alerts*")
        // In the digest's words and units ("completion rate below 60%; the value is 49.45%"),
        // not the field names ("completion_rate below 60: 49.45").
        for alert in alerts {
            let question = alert["question"]?.stringValue ?? ""
            if let result = AlertResult(json: alert) {
                lines.append(
                    "• "
                        + slack(
                            "\(question): \(result.rule.summary); the value is \(result.valueText)")
                )
            } else {
                lines.append("• " + slack("\(question): \(alert["measure"]?.stringValue ?? "")"))
            }
        }
        // Left unchecked, as the digest says it: "q: completion rate below 50%; not checked:
        // its completion rate is over 10 enrollments, fewer than 20".
        for alert in digest["unchecked_alerts"]?.arrayValue ?? [] {
            let question = alert["question"]?.stringValue ?? ""
            guard let result = AlertResult(json: alert), let reason = result.uncheckedReason
            else {
                lines.append("• " + slack("\(question): not checked"))
                continue
            }
            lines.append("• " + slack("\(question): \(result.rule.summary); \(reason)"))
        }
        let insights = digest["insights"]?.arrayValue ?? []
        if !insights.isEmpty { lines.append("*Insights*") }
        for insight in insights {
            // Which question each insight is of: three said "the week of 2026-06-01" of
            // different scopes.
            let question = insight["question"]?.stringValue.map { $0 + ": " } ?? ""
            lines.append("• " + slack(question + (insight["text"]?.stringValue ?? "")))
        }
        let changes = digest["what_changed"]?.arrayValue ?? []
        if !changes.isEmpty { lines.append("*What changed*") }
        for change in changes {
            lines.append(
                "• "
                    + slack(
                        "\(change["question"]?.stringValue ?? ""): \(change["text"]?.stringValue ?? "")"
                    ))
        }
        return lines
    }

    /// Posts the digest; returns the number of tries it took.
    /// - Throws: `NotifyError` once a failure is final or the tries run out.
    @discardableResult
    public func post(_ digest: JSONValue) async throws -> Int {
        let target = Self.redacted(url)
        var request = HTTPRequest(
            url: url, method: "POST", headers: ["Content-Type": "application/json"],
            body: body(for: digest),
            timeout: timeout)
        return try await policy.run(
            timeout: timeout, deadline: deadline, sleep: environment.sleep,
            attempt: { number, timeout -> RetryStep<Int, NotifyError.Reason> in
                request.timeout = timeout
                do {
                    let response = try await environment.http.send(request)
                    if (200..<300).contains(response.status) { return .done(number) }
                    let reason = NotifyError.Reason.http(
                        status: response.status,
                        message: clean(ChatClient.apiMessage(response.body)))
                    guard RetryPolicy.isRetryable(status: response.status) else {
                        throw NotifyError(reason: reason, attempts: number, target: target)
                    }
                    return .retry(
                        reason, after: response.headers["retry-after"].flatMap(policy.retryAfter))
                } catch let error as TransportError {
                    switch error {
                    case .timeout: return .retry(.timeout, after: nil)
                    case .connection(let message):
                        return .retry(.connection(clean(message)), after: nil)
                    }
                }
            },
            exhausted: { NotifyError(reason: $0, attempts: $1, target: target) },
            pastDeadline: { wait, last, number in
                NotifyError(
                    reason: .deadline(wait: wait, last: last), attempts: number, target: target)
            })
    }

    /// A message with the webhook's path and query taken out, wherever they appear.
    private func clean(_ message: String) -> String {
        var text = message.replacingOccurrences(of: url.absoluteString, with: Self.redacted(url))
        for secret in [url.path, url.query ?? ""] where secret.count > 1 {
            text = text.replacingOccurrences(of: secret, with: "…")
        }
        return text
    }

    /// Reads `digest.json` of a built site.
    /// - Throws: `NotifyError` with `.digest` when it is missing, unreadable or not JSON.
    public static func digest(in layout: SiteLayout, files: any FileSystem) throws -> JSONValue {
        let path = layout.digest.path
        let read: Data?
        do {
            read = try files.contents(of: layout.digest)
        } catch {
            throw NotifyError(
                reason: .digest("\(path): cannot read the digest: \(error.localizedDescription)"),
                attempts: 0, target: "")
        }
        guard let data = read else {
            throw NotifyError(
                reason: .digest("\(path): no digest; run `almanac build` first"), attempts: 0,
                target: "")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw NotifyError(
                reason: .digest("\(path): not a JSON digest (\(error.localizedDescription))"),
                attempts: 0, target: "")
        }
    }
}
