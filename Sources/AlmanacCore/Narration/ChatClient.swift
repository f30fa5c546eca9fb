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

    public init(baseURL: URL = URL(string: "https://api.openai.com/v1")!, apiKey: String?, model: String,
                temperature: Double = 0, maxTokens: Int? = nil, seed: Int? = nil,
                timeout: Duration = .seconds(60)) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.timeout = timeout
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
        case .malformed(let detail): return "the response was not a Chat Completions answer (\(detail))"
        case .noChoices: return "the response had no choices"
        case .emptyContent: return "the answer was empty"
        case .finishReason(let reason): return "the answer was cut off (finish_reason \(reason))"
        }
    }
}

/// Talks to any OpenAI-compatible Chat Completions endpoint, with retries.
///
/// 408, 409, 429 and 5xx responses, timeouts and dropped connections are retried, at most
/// `maxAttempts` times in all, waiting `base × 2^(attempt−1)` plus up to 50 % jitter, capped
/// at `cap`; a `Retry-After` header (seconds or an HTTP date) is honoured instead. Any other
/// 4xx fails at once.
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

    public init(configuration: ModelConfiguration, transport: any HTTPTransport,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() },
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.configuration = configuration
        self.transport = transport
        self.sleep = sleep
        self.now = now
        self.jitter = jitter
    }

    /// The request body, exactly as sent.
    public static func body(_ configuration: ModelConfiguration, _ messages: [ChatMessage]) -> JSONValue {
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
        let request = HTTPRequest(
            url: configuration.baseURL.appending(path: "chat/completions"), method: "POST",
            headers: headers, body: Data(Self.body(configuration, messages).encoded().utf8),
            timeout: configuration.timeout)
        var attempt = 0
        while true {
            attempt += 1
            let retryable: LLMError.Reason
            var retryAfter: Duration?
            do {
                let response = try await transport.send(request)
                if (200..<300).contains(response.status) {
                    return try Self.parse(response.body, attempts: attempt)
                }
                let reason = LLMError.Reason.http(
                    status: response.status, message: redacted(Self.apiMessage(response.body)))
                guard [408, 409, 429].contains(response.status) || response.status >= 500 else {
                    throw LLMError(reason: reason, attempts: attempt)
                }
                retryable = reason
                retryAfter = response.headers["retry-after"].flatMap(self.retryAfter)
            } catch let error as TransportError {
                switch error {
                case .timeout: retryable = .timeout
                case .connection(let message): retryable = .connection(redacted(message))
                }
            }
            guard attempt < maxAttempts else { throw LLMError(reason: retryable, attempts: attempt) }
            try await sleep(retryAfter ?? backoff(attempt))
        }
    }

    /// `base × 2^(attempt−1)`, capped, plus up to 50 % jitter.
    func backoff(_ attempt: Int) -> Duration {
        let exponential = base * (1 << min(attempt - 1, 20))
        let capped = min(exponential, cap)
        return capped + capped * (0.5 * jitter())
    }

    /// Seconds, or an HTTP date; a negative or unreadable value is ignored.
    func retryAfter(_ value: String) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds >= 0 { return min(.seconds(seconds), cap * 4) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now()))
        return min(.seconds(seconds), cap * 4)
    }

    private func redacted(_ text: String) -> String {
        guard let key = configuration.apiKey, !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: "[key]")
    }

    static func parse(_ body: Data, attempts: Int) throws -> ChatAnswer {
        func failure(_ reason: LLMError.Reason) -> LLMError { LLMError(reason: reason, attempts: attempts) }
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
        let content = (message["content"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !content.isEmpty else { throw failure(.emptyContent) }
        var usage: JSONValue = .null
        if let raw = object["usage"] as? [String: Any] {
            var fields: [String: JSONValue] = [:]
            for (key, value) in raw { if let number = value as? Int { fields[key] = .int(number) } }
            usage = .object(fields)
        }
        return ChatAnswer(content: content, finishReason: finish, usage: usage)
    }

    /// The API's own error message: `{"error": {"message": …}}`, or the start of the body.
    static func apiMessage(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                return message
            }
            if let message = object["error"] as? String { return message }
            if let message = object["message"] as? String { return message }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
