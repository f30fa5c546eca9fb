import Foundation
import Testing

@testable import AlmanacCore

/// Records the waits a client asks for, instead of waiting.
final class SleepRecorder: @unchecked Sendable {
    // @unchecked: `waits` is only touched under `lock`.
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var waits: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    private func record(_ duration: Duration) {
        lock.lock()
        recorded.append(duration)
        lock.unlock()
    }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in record(duration) }
    }
}

/// The real HTTP path, URLSession against a loopback server speaking Chat Completions.
@Suite struct ChatClientTests {
    static let key = "sk-test-SECRET-0123456789"

    func client(
        _ server: LoopbackServer, sleeper: SleepRecorder, timeout: Duration = .seconds(10),
        deadline: Duration = .seconds(300), now: Date = Date()
    ) -> ChatClient {
        let configuration = ModelConfiguration(
            baseURL: server.baseURL, apiKey: Self.key, model: "test-model", temperature: 0.2,
            maxTokens: 300, seed: 7, timeout: timeout, deadline: deadline)
        return ChatClient(
            configuration: configuration, transport: URLSessionTransport(),
            sleep: sleeper.sleep, now: { now }, jitter: { 0 })
    }

    let messages = [
        ChatMessage(role: "system", content: "Be exact."),
        ChatMessage(role: "user", content: "How many?"),
    ]

    @Test("sends the Chat Completions request and reads the answer")
    func success() async throws {
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("There are 12."))
        ])
        let sleeper = SleepRecorder()
        let answer = try await client(server, sleeper: sleeper).complete(messages)
        #expect(answer.content == "There are 12.")
        #expect(answer.usage["total_tokens"] == 15)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(Self.key)")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.json["model"] as? String == "test-model")
        #expect(request.json["temperature"] as? Double == 0.2)
        #expect(request.json["max_tokens"] as? Int == 300)
        #expect(request.json["seed"] as? Int == 7)
        let sent = request.json["messages"] as? [[String: String]]
        #expect(
            sent == [
                ["role": "system", "content": "Be exact."],
                ["role": "user", "content": "How many?"],
            ])
        #expect(sleeper.waits.isEmpty)
    }

    @Test("429 with Retry-After waits as told, then succeeds")
    func retryAfter() async throws {
        let server = try LoopbackServer([
            .init(
                status: 429, headers: ["Retry-After": "3"],
                body: #"{"error":{"message":"slow down"}}"#),
            .init(status: 200, body: LoopbackServer.answer("Fine.")),
        ])
        let sleeper = SleepRecorder()
        let answer = try await client(server, sleeper: sleeper).complete(messages)
        #expect(answer.content == "Fine.")
        #expect(server.requests.count == 2)
        #expect(sleeper.waits == [.seconds(3)])
    }

    @Test("Retry-After as an HTTP date counts from now")
    func retryAfterDate() async throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let server = try LoopbackServer([
            .init(
                status: 503, headers: ["Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"], body: "{}"),
            .init(status: 200, body: LoopbackServer.answer("Fine.")),
        ])
        let sleeper = SleepRecorder()
        _ = try await client(server, sleeper: sleeper, now: now).complete(messages)
        #expect(sleeper.waits == [.seconds(10)])
    }

    @Test("500 then success backs off exponentially")
    func serverError() async throws {
        let server = try LoopbackServer([
            .init(status: 500, body: "oops"), .init(status: 502, body: "oops"),
            .init(status: 200, body: LoopbackServer.answer("Fine.")),
        ])
        let sleeper = SleepRecorder()
        _ = try await client(server, sleeper: sleeper).complete(messages)
        #expect(server.requests.count == 3)
        #expect(sleeper.waits == [.milliseconds(500), .milliseconds(1000)])  // jitter 0
    }

    @Test("gives up after five attempts, saying how many")
    func exhausted() async throws {
        let server = try LoopbackServer([
            .init(status: 503, body: #"{"error":{"message":"overloaded"}}"#)
        ])
        let sleeper = SleepRecorder()
        await #expect(
            throws: LLMError(reason: .http(status: 503, message: "overloaded"), attempts: 5)
        ) {
            try await client(server, sleeper: sleeper).complete(messages)
        }
        #expect(server.requests.count == 5)
        #expect(sleeper.waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
        #expect(
            LLMError(reason: .http(status: 503, message: "overloaded"), attempts: 5).description
                == "HTTP 503 after 5 tries: overloaded")
    }

    @Test("jitter adds up to half the wait, and waits are capped")
    func backoff() throws {
        let server = try LoopbackServer([.init(status: 200, body: "{}")])
        var client = client(server, sleeper: SleepRecorder())
        client.jitter = { 0.5 }
        #expect(client.backoff(1) == .milliseconds(625))  // 500 ms + 25 %
        #expect(client.backoff(10) == .milliseconds(37_500))  // capped at 30 s, + 25 %
    }

    @Test("a response slower than the timeout is retried, then reported")
    func timeout() async throws {
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("late"), delay: 6)
        ])
        let sleeper = SleepRecorder()
        var slow = client(server, sleeper: sleeper, timeout: .seconds(1))
        slow.maxAttempts = 2
        await #expect(throws: LLMError(reason: .timeout, attempts: 2)) {
            try await slow.complete(messages)
        }
        // The server records a request on its own thread, which a loaded machine may run late.
        #expect(await server.waitForRequests(2, within: .seconds(5)))
    }

    @Test("a 307 to another port is an error naming it, and the key never reaches that port")
    func redirectElsewhere() async throws {
        let elsewhere = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("Third party."))
        ])
        let target = "http://127.0.0.1:\(elsewhere.port)/v1/chat/completions"
        let server = try LoopbackServer([
            .init(status: 307, headers: ["Location": target], body: "")
        ])
        let sleeper = SleepRecorder()
        await #expect(throws: LLMError(reason: .redirect(location: target), attempts: 1)) {
            try await client(server, sleeper: sleeper).complete(messages)
        }
        #expect(server.requests.count == 1)
        // The key went to the endpoint itself, and to nothing else.
        #expect(server.requests.first?.headers["authorization"] == "Bearer \(Self.key)")
        #expect(elsewhere.requests.isEmpty)
        #expect(
            LLMError(reason: .redirect(location: target), attempts: 1).description.hasPrefix(
                "the endpoint redirected to \(target);"))
    }

    @Test("a redirect on the same scheme, host and port is followed with the key")
    func redirectSameOrigin() async throws {
        let server = try LoopbackServer([
            .init(status: 308, headers: ["Location": "/v2/chat/completions"], body: ""),
            .init(status: 200, body: LoopbackServer.answer("Moved.")),
        ])
        let sleeper = SleepRecorder()
        let answer = try await client(server, sleeper: sleeper).complete(messages)
        #expect(answer.content == "Moved.")
        #expect(server.requests.map(\.path) == ["/v1/chat/completions", "/v2/chat/completions"])
        #expect(server.requests.last?.headers["authorization"] == "Bearer \(Self.key)")
        #expect(server.requests.last?.method == "POST")
    }

    @Test("a Retry-After beyond the deadline fails at once instead of waiting")
    func retryAfterBeyondDeadline() async throws {
        let server = try LoopbackServer([
            .init(
                status: 429, headers: ["Retry-After": "100000"],
                body: #"{"error":{"message":"slow down"}}"#)
        ])
        let sleeper = SleepRecorder()
        let expected = LLMError(
            reason: .deadline(
                limit: .seconds(300), wait: .seconds(100_000),
                last: .http(status: 429, message: "slow down")), attempts: 1)
        await #expect(throws: expected) {
            try await client(server, sleeper: sleeper).complete(messages)
        }
        #expect(sleeper.waits.isEmpty)
        #expect(server.requests.count == 1)
        #expect(
            expected.description
                == "no answer within the 300 s allowed for one answer: the next try was 100000 s away (last: HTTP 429: slow down)"
        )
    }

    @Test("backoffs stop when the next one would pass the deadline")
    func backoffWithinDeadline() async throws {
        // An in-process transport: time on the wire is next to nothing, so only the waits count
        // against the deadline, whatever the machine's load.
        let overloaded = HTTPResponse(
            status: 503, body: Data(#"{"error":{"message":"overloaded"}}"#.utf8))
        let sleeper = SleepRecorder()
        let configuration = ModelConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9/v1")!, apiKey: Self.key, model: "test-model",
            deadline: .seconds(4))
        let client = ChatClient(
            configuration: configuration, transport: ScriptedTransport(replies: [("", overloaded)]),
            sleep: sleeper.sleep, jitter: { 0 })
        // Waits of 0.5, 1 and 2 s fit in 4 s; the fourth, 4 s, would end at 7.5 s.
        let expected = LLMError(
            reason: .deadline(
                limit: .seconds(4), wait: .seconds(4),
                last: .http(status: 503, message: "overloaded")),
            attempts: 4)
        await #expect(throws: expected) { try await client.complete(messages) }
        #expect(sleeper.waits == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("an answer over 64 KB is refused, not accepted whole")
    func oversizedAnswer() async throws {
        let long = String(repeating: "a", count: 65_537)
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer(long))])
        await #expect(throws: LLMError(reason: .tooLong(bytes: 65_537), attempts: 1)) {
            try await client(server, sleeper: SleepRecorder()).complete(messages)
        }
        let huge = String(repeating: "b", count: 300_000)
        let hugeServer = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer(huge))])
        await #expect(throws: LLMError.self) {
            try await client(hugeServer, sleeper: SleepRecorder()).complete(messages)
        }
        let exact = String(repeating: "c", count: 65_536)
        let fine = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer(exact))])
        #expect(
            try await client(fine, sleeper: SleepRecorder()).complete(messages).content == exact)
    }

    @Test("a server's message loses its control characters and is cut at 300 characters")
    func serverMessage() {
        let colored = ChatClient.apiMessage(
            Data(#"{"error":{"message":"\u001b[31mred\u001b[0m\r\nnext"}}"#.utf8))
        #expect(colored == " [31mred [0m next")  // ESC → space, CR LF (one Character) → one space
        let long = String(repeating: "z", count: 1_000)
        #expect(
            ChatClient.apiMessage(Data(#"{"error":{"message":"\#(long)"}}"#.utf8))
                == String(repeating: "z", count: 300) + "…")
    }

    @Test("a dropped connection is retried")
    func dropped() async throws {
        let server = try LoopbackServer([
            .init(status: 200, body: "", drop: true),
            .init(status: 200, body: LoopbackServer.answer("Back.")),
        ])
        let answer = try await client(server, sleeper: SleepRecorder()).complete(messages)
        #expect(answer.content == "Back.")
    }

    @Test(
        "final failures are not retried",
        arguments: [
            (
                LoopbackServer.Reply(status: 200, body: "not json"),
                LLMError.Reason.malformed("not a JSON object")
            ),
            (LoopbackServer.Reply(status: 200, body: #"{"choices":[]}"#), .noChoices),
            (LoopbackServer.Reply(status: 200, body: LoopbackServer.answer("   ")), .emptyContent),
            (
                LoopbackServer.Reply(
                    status: 200, body: LoopbackServer.answer("Half an", finish: "length")),
                .finishReason("length")
            ),
            (
                LoopbackServer.Reply(
                    status: 200, body: LoopbackServer.answer("x", finish: "content_filter")),
                .finishReason("content_filter")
            ),
            (
                LoopbackServer.Reply(
                    status: 401,
                    body:
                        #"{"error":{"message":"Incorrect API key provided: sk-test-SECRET-0123456789"}}"#
                ),
                .http(status: 401, message: "Incorrect API key provided: [key]")
            ),
            (
                LoopbackServer.Reply(
                    status: 400, body: #"{"error":{"message":"model not found"}}"#),
                .http(status: 400, message: "model not found")
            ),
        ])
    func final(reply: LoopbackServer.Reply, reason: LLMError.Reason) async throws {
        let server = try LoopbackServer([reply])
        await #expect(throws: LLMError(reason: reason, attempts: 1)) {
            try await client(server, sleeper: SleepRecorder()).complete(messages)
        }
        #expect(server.requests.count == 1)
    }
}

@Suite struct GroundingTests {
    let context: JSONValue = [
        "analytics_data": [
            "badges": [
                [
                    "badge": "Statistics 101", "enrollments": 1234, "completion_rate": 0.5625,
                    "median_days_to_complete": 22.9,
                ]
            ],
            "totals": ["learners": 1102],
        ],
        "database_stats": ["total_users": 5000],
    ]

    @Test("true figures verify, with rounding and rates as percentages")
    func verified() {
        let answer =
            "Statistics 101 has 1,234 enrollments from 1102 learners; 56.25% (56.3%, about 56%) completed, half within 23 days, out of 5,000 users in 2024 (since 2024-03-01, 2024-W09)."
        let result = Grounding.check(answer, against: context)
        #expect(result.unverified == [])
        // 1,234 1102 56.25% 56.3% 56% 23 5,000 … years and dates left out
        #expect(result.figures == 7)
    }

    @Test("made-up figures are listed, small counts are not")
    func madeUp() {
        let answer =
            "Statistics 101 has 1,243 enrollments and 3 badges; 61.2% completed, 2,000 dropped in 23.5 days."
        let result = Grounding.check(answer, against: context)
        #expect(result.unverified == ["1,243", "61.2%", "2,000", "23.5"])
        #expect(result.verified == 0)
    }

    @Test(
        "full-width and Arabic-Indic numerals are figures like ASCII ones",
        arguments: [
            // 0.5625 as a percentage is 56.25; 1,234 enrollments.
            ("Completion was ５６.２５％ of １,２３４.", [String]()),
            ("Completion was ٥٦٫٢٥٪ of ١٬٢٣٤.", []),
            ("Completion was ６１.２％ of ٤٣٢١.", ["61.2%", "4321"]),
        ])
    func otherScripts(answer: String, unverified: [String]) {
        let result = Grounding.check(answer, against: context)
        #expect(result.figures == 2)
        #expect(result.unverified == unverified)
    }

    @Test(
        "numbers written in words are figures",
        arguments: [
            // 0.5625 → 56.25 %: "fifty-six percent" rounds to it, "fifty-six point two five" is it.
            ("About fifty-six percent finished.", 1, [String]()),
            ("Exactly fifty-six point two five percent finished.", 1, []),
            (
                "One thousand two hundred and thirty-four enrolled among one thousand one hundred and two learners.",
                2, []
            ),
            ("Five thousand users; seventy-three percent finished.", 2, ["seventy-three percent"]),
            (
                "Two million four hundred thousand enrolled.", 1,
                ["Two million four hundred thousand"]
            ),
            ("Three badges since two thousand twenty-four.", 0, []),
        ])
    func words(answer: String, figures: Int, unverified: [String]) {
        let result = Grounding.check(answer, against: context)
        #expect(result.figures == figures)
        #expect(result.unverified == unverified)
    }

    @Test("list lengths count as figures of the data")
    func counts() {
        let data: JSONValue = ["rows": .array((0..<13).map { JSONValue.int($0 * 100) })]
        #expect(Grounding.check("There are 13 organizations.", against: data).unverified == [])
    }
}
