import Foundation

/// Where and how to reach the language model.
public struct ModelConfiguration: Sendable, Equatable {
    public var baseURL: URL
    /// Never printed, logged, cached or published.
    public var apiKey: String?
    public var model: String
    public var temperature: Double
    public var maxTokens: Int?
    public var seed: Int?
    public var timeout: Duration
    /// The whole wait for one answer: every try, every backoff and every `Retry-After`.
    public var deadline: Duration

    public init(
        baseURL: URL = URL(string: "https://api.openai.com/v1")!, apiKey: String?, model: String,
        temperature: Double = 0, maxTokens: Int? = nil, seed: Int? = nil,
        timeout: Duration = .seconds(60), deadline: Duration = .seconds(300)
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.timeout = timeout
        self.deadline = deadline
    }
}

/// A chat message of the Chat Completions protocol.
public struct ChatMessage: Sendable, Equatable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    var json: JSONValue { ["role": .string(role), "content": .string(content)] }
}

/// What the model answered.
public struct ChatAnswer: Sendable, Equatable {
    public var content: String
    public var finishReason: String
    public var usage: JSONValue
}

/// Why the model gave no usable answer, in words fit for a page: the status and the API's own
/// message, never the key.
public struct LLMError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case http(status: Int, message: String)
        case timeout
        case connection(String)
        case malformed(String)
        case noChoices
        case emptyContent
        case finishReason(String)
        /// The answer (or the whole response) is larger than `ChatClient.maxAnswerBytes` allows.
        case tooLong(bytes: Int)
        /// The endpoint redirected to another scheme, host or port; the key is never sent there.
        case redirect(location: String)
        /// Another try would end after the deadline: `wait` is the backoff or `Retry-After`.
        indirect case deadline(limit: Duration, wait: Duration, last: Reason)
    }

    public var reason: Reason
    public var attempts: Int

    public var description: String {
        let tries = attempts > 1 ? " after \(attempts) tries" : ""
        switch reason {
        case .http(let status, let message):
            return "HTTP \(status)\(tries)" + (message.isEmpty ? "" : ": \(message)")
        case .timeout: return "no answer within the time limit\(tries)"
        case .connection(let message): return "connection failed\(tries): \(message)"
        case .malformed(let detail):
            return "the response was not a Chat Completions answer (\(detail))"
        case .noChoices: return "the response had no choices"
        case .emptyContent: return "the answer was empty"
        case .finishReason(let reason): return "the answer was cut off (finish_reason \(reason))"
        case .tooLong(let bytes):
            return "the answer was \(bytes) bytes, over the limit of \(ChatClient.maxAnswerBytes)"
        case .redirect(let location):
            return "the endpoint redirected to \(location); Almanac sends the API key only to the "
                + "scheme, host and port of OPENAI_BASE_URL, so set it to the new address if you trust it"
        case .deadline(let limit, let wait, let last):
            let last = LLMError(reason: last, attempts: attempts).description
            return
                "no answer within the \(Self.seconds(limit)) s allowed for one answer: the next try "
                + "was \(Self.seconds(wait)) s away (last: \(last))"
        }
    }

    /// The reason as a page publishes it: the same words for the same failure, build after
    /// build. The connection's own message ("Failed to connect … after 0 ms", then "4 ms")
    /// and an API's message (often with a request id) changed a page each time the model was
    /// down; the terminal still gets them whole (`description`).
    public var published: String {
        switch reason {
        case .http(let status, _): return "HTTP \(status)"
        case .connection: return "the connection failed"
        case .deadline(_, _, let last): return LLMError(reason: last, attempts: 1).published
        case .tooLong: return "the answer was over the size limit"
        default: return LLMError(reason: reason, attempts: 1).description
        }
    }

    /// Whole seconds, or tenths below ten: "300", "0.5".
    private static func seconds(_ duration: Duration) -> String {
        let value =
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value >= 10 ? String(Int(value.rounded())) : NumberText.decimal(value, places: 1)
    }
}

/// Talks to any OpenAI-compatible Chat Completions endpoint, with retries.
///
/// 408, 409, 429 and 5xx responses, timeouts and dropped connections are retried, at most
/// `maxAttempts` times in all, waiting `base × 2^(attempt−1)` plus up to 50 % jitter, capped
/// at `cap`; a `Retry-After` header (seconds or an HTTP date) is honoured instead. Any other
/// 4xx fails at once. All tries and waits fit in `configuration.deadline`: a wait that would
/// pass it fails at once instead. A redirect is followed only within the same scheme, host and
/// port, so the `Authorization` header never reaches another server.
public struct ChatClient: Sendable {
    public var configuration: ModelConfiguration
    public var transport: any HTTPTransport
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The current time, only for `Retry-After` given as an HTTP date.
    public var now: @Sendable () -> Date
    /// A number in [0, 1) for jitter.
    public var jitter: @Sendable () -> Double
    public var maxAttempts = 5
    public var base: Duration = .milliseconds(500)
    public var cap: Duration = .seconds(30)
    /// The longest answer accepted, in UTF-8 bytes: a page's summary is a few hundred words,
    /// and a larger reply is written to the cache, the page, the twin and the JSON.
    public static let maxAnswerBytes = 65_536
    /// Redirects followed within the same origin before giving up.
    static let maxRedirects = 5

    public init(
        configuration: ModelConfiguration, transport: any HTTPTransport,
        sleep: @escaping @Sendable (Duration) async throws -> Void = {
            try await Task.sleep(for: $0)
        },
        now: @escaping @Sendable () -> Date = { Date() },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleep = sleep
        self.now = now
        self.jitter = jitter
    }

    /// The request body, exactly as sent.
    public static func body(_ configuration: ModelConfiguration, _ messages: [ChatMessage])
        -> JSONValue
    {
        var body: [String: JSONValue] = [
            "model": .string(configuration.model),
            "temperature": .double(configuration.temperature),
            "messages": .array(messages.map(\.json)),
        ]
        if let maxTokens = configuration.maxTokens { body["max_tokens"] = .int(maxTokens) }
        if let seed = configuration.seed { body["seed"] = .int(seed) }
        return .object(body)
    }

    /// - Throws: `LLMError` once retries are exhausted or the failure is final.
    public func complete(_ messages: [ChatMessage]) async throws -> ChatAnswer {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = configuration.apiKey { headers["Authorization"] = "Bearer \(key)" }
        var request = HTTPRequest(
            url: configuration.baseURL.appending(path: "chat/completions"), method: "POST",
            headers: headers, body: Data(Self.body(configuration, messages).encoded().utf8),
            timeout: configuration.timeout)
        var redirects = 0
        let deadline = configuration.deadline
        return try await policy.run(
            timeout: configuration.timeout, deadline: deadline, sleep: sleep,
            attempt: { number, timeout -> RetryStep<ChatAnswer, LLMError.Reason> in
                request.timeout = timeout
                do {
                    let response = try await transport.send(request)
                    if (300..<400).contains(response.status),
                        let location = response.headers["location"]
                    {
                        let target = try follow(location, from: request.url, attempts: number)
                        redirects += 1
                        guard redirects <= Self.maxRedirects else {
                            throw LLMError(
                                reason: .redirect(location: redacted(target.absoluteString)),
                                attempts: number)
                        }
                        request.url = target
                        return .again
                    }
                    if (200..<300).contains(response.status) {
                        return .done(try Self.parse(response.body, attempts: number))
                    }
                    let reason = LLMError.Reason.http(
                        status: response.status, message: redacted(Self.apiMessage(response.body)))
                    guard RetryPolicy.isRetryable(status: response.status) else {
                        throw LLMError(reason: reason, attempts: number)
                    }
                    return .retry(
                        reason, after: response.headers["retry-after"].flatMap(self.retryAfter))
                } catch let error as TransportError {
                    switch error {
                    case .timeout: return .retry(.timeout, after: nil)
                    case .connection(let message):
                        return .retry(.connection(redacted(message)), after: nil)
                    }
                }
            },
            exhausted: { LLMError(reason: $0, attempts: $1) },
            pastDeadline: { wait, last, number in
                LLMError(
                    reason: .deadline(limit: deadline, wait: wait, last: last), attempts: number)
            })
    }

    /// The redirect's target when it stays on the request's scheme, host and port.
    /// - Throws: `LLMError` with `.redirect`, naming the location, for any other target.
    private func follow(_ location: String, from url: URL, attempts: Int) throws -> URL {
        guard let target = URL(string: location, relativeTo: url)?.absoluteURL else {
            throw LLMError(reason: .redirect(location: redacted(location)), attempts: attempts)
        }
        func origin(_ url: URL) -> (String, String, Int?) {
            let scheme = url.scheme?.lowercased() ?? ""
            let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
            return (scheme, url.host?.lowercased() ?? "", port)
        }
        guard origin(target) == origin(url) else {
            throw LLMError(
                reason: .redirect(location: redacted(target.absoluteString)), attempts: attempts)
        }
        return target
    }

    /// The retry rules this client shares with the webhook notifier.
    var policy: RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, base: base, cap: cap, jitter: jitter, now: now)
    }

    /// `base × 2^(attempt−1)`, capped, plus up to 50 % jitter.
    func backoff(_ attempt: Int) -> Duration { policy.backoff(attempt) }

    /// Seconds, or an HTTP date; a negative or unreadable value is ignored.
    func retryAfter(_ value: String) -> Duration? { policy.retryAfter(value) }

    private func redacted(_ text: String) -> String {
        guard let key = configuration.apiKey, !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: "[key]")
    }

    static func parse(_ body: Data, attempts: Int) throws -> ChatAnswer {
        func failure(_ reason: LLMError.Reason) -> LLMError {
            LLMError(reason: reason, attempts: attempts)
        }
        // The JSON around an answer is small; a body far beyond the limit is not parsed at all.
        guard body.count <= 4 * maxAnswerBytes else { throw failure(.tooLong(bytes: body.count)) }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw failure(.malformed("not a JSON object"))
        }
        guard let choices = object["choices"] as? [[String: Any]] else {
            throw failure(.malformed("no `choices` list"))
        }
        guard let first = choices.first else { throw failure(.noChoices) }
        let finish = first["finish_reason"] as? String ?? "stop"
        if finish == "length" || finish == "content_filter" { throw failure(.finishReason(finish)) }
        guard let message = first["message"] as? [String: Any] else {
            throw failure(.malformed("the choice has no `message`"))
        }
        let content = (message["content"] as? String ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard !content.isEmpty else { throw failure(.emptyContent) }
        guard content.utf8.count <= maxAnswerBytes else {
            throw failure(.tooLong(bytes: content.utf8.count))
        }
        var usage: JSONValue = .null
        if let raw = object["usage"] as? [String: Any] {
            var fields: [String: JSONValue] = [:]
            for (key, value) in raw { if let number = value as? Int { fields[key] = .int(number) } }
            usage = .object(fields)
        }
        return ChatAnswer(content: content, finishReason: finish, usage: usage)
    }

    /// The longest server message kept, in characters: it is shown on the terminal, in a
    /// warning and on the page.
    static let maxMessageLength = 300

    /// The API's own error message, at most `maxMessageLength` characters with control
    /// characters (a terminal's escape sequences, line breaks) as spaces.
    static func apiMessage(_ body: Data) -> String {
        let text = rawAPIMessage(body)
        var clean = ""
        for character in text.prefix(maxMessageLength) {
            let control = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control
                    || $0.properties.generalCategory == .format
            }
            clean.append(control ? " " : character)
        }
        return text.count > maxMessageLength ? clean + "…" : clean
    }

    /// `{"error": {"message": …}}`, or the start of the body.
    private static func rawAPIMessage(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any],
                let message = error["message"] as? String
            {
                return message
            }
            if let message = object["error"] as? String { return message }
            if let message = object["message"] as? String { return message }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
