import Foundation
import Testing

@testable import AlmanacCore

/// The notifier over the real URLSession transport, against a loopback server that scripts
/// the webhook's answers.
@Suite struct WebhookNotifierTests {
    let digest: JSONValue = [
        "title": "Pulse", "as_of": "2026-09-27",
        "alerts": [
            [
                "question": "recent", "measure": "enrollments", "subject": nil,
                "condition": "change_above",
                "threshold": 30, "value": 33.3, "triggered": true,
            ]
        ],
        "insights": [
            ["question": "recent", "text": "Completions were unusual in the week of 2026-09-21."]
        ],
        "what_changed": [["question": "recent", "text": "enrollments: 3 → 4, ▲ 1 (+33.3%)"]],
    ]

    func notifier(
        _ server: LoopbackServer, _ sleeper: SleepRecorder, format: WebhookFormat = .slack,
        // The deadline counts the time on the wire too: a loopback answer took over a minute
        // on a machine loaded with a second `make test`, and the retries were cut short. The
        // test of the deadline sets its own.
        timeout: Duration = .seconds(5), deadline: Duration = .seconds(600)
    ) -> WebhookNotifier {
        WebhookNotifier(
            url: URL(
                string: "http://127.0.0.1:\(server.port)/hooks/T000/SECRET-PATH?token=SECRET-QUERY")!,
            format: format, environment: .test(sleep: sleeper.sleep),
            policy: RetryPolicy(jitter: { 0 }), timeout: timeout, deadline: deadline)
    }

    @Test("retries a 503 and a 429 (waiting its Retry-After), then delivers the Slack text")
    func retries() async throws {
        let server = try LoopbackServer([
            .init(status: 503, body: "{\"error\": \"busy\"}"),
            .init(status: 429, headers: ["Retry-After": "2"], body: "{}"),
            .init(status: 200, body: "ok"),
        ])
        defer { server.stop() }
        let sleeper = SleepRecorder()
        let attempts = try await notifier(server, sleeper).post(digest)
        #expect(attempts == 3)
        // The first wait is the backoff with no jitter, 0.5 s; the second is Retry-After.
        #expect(sleeper.waits == [.milliseconds(500), .seconds(2)])
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(
            requests.allSatisfy {
                $0.method == "POST" && $0.path == "/hooks/T000/SECRET-PATH?token=SECRET-QUERY"
            })
        let text = try #require(requests.last?.json["text"] as? String)
        #expect(
            text == """
                *Pulse: as of 2026-09-27*
                *Alerts*
                • recent: enrollments change above 30%; the value is 33.3%
                *Insights*
                • recent: Completions were unusual in the week of 2026-09-21.
                *What changed*
                • recent: enrollments: 3 → 4, ▲ 1 (+33.3%)
                """)
    }

    @Test("the json format posts the digest as it is")
    func json() async throws {
        let server = try LoopbackServer([.init(status: 204, body: "")])
        defer { server.stop() }
        try await notifier(server, SleepRecorder(), format: .json).post(digest)
        let body = try #require(server.requests.first?.body)
        #expect(try JSONDecoder().decode(JSONValue.self, from: body) == digest)
    }

    @Test(
        "a webhook that answers 500 forever fails after five tries, never showing its path or query"
    )
    func failsForever() async throws {
        let server = try LoopbackServer([
            .init(status: 500, body: "{\"message\": \"down at /hooks/T000/SECRET-PATH\"}")
        ])
        defer { server.stop() }
        let sleeper = SleepRecorder()
        do {
            try await notifier(server, sleeper).post(digest)
            Issue.record("expected a failure")
        } catch let error as NotifyError {
            #expect(error.attempts == 5)
            #expect(sleeper.waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
            let text = error.description
            #expect(
                text.hasPrefix("http://127.0.0.1:\(server.port)/… answered HTTP 500 after 5 tries"))
            #expect(!text.contains("SECRET"))
        }
        #expect(server.requests.count == 5)
        // The secret was there to leak: in the path every try was sent to.
        #expect(
            server.requests.allSatisfy {
                $0.path == "/hooks/T000/SECRET-PATH?token=SECRET-QUERY"
                    || $0.path == "/hooks/T000/SECRET-PATH"
            })
    }

    @Test("a 404 is final; a silent server times out; an unreachable one fails without its path")
    func finalAndTimeout() async throws {
        let missing = try LoopbackServer([.init(status: 404, body: "no such hook")])
        defer { missing.stop() }
        await #expect(throws: NotifyError.self) {
            try await notifier(missing, SleepRecorder()).post(digest)
        }
        #expect(missing.requests.count == 1)

        let silent = try LoopbackServer([.init(status: 200, body: "late", delay: 3)])
        defer { silent.stop() }
        do {
            try await notifier(silent, SleepRecorder(), timeout: .seconds(1), deadline: .seconds(2))
                .post(digest)
            Issue.record("expected a timeout")
        } catch let error as NotifyError {
            #expect(error.description.contains("did not answer in time"))
            #expect(!error.description.contains("SECRET"))
        }

        let closed = WebhookNotifier(
            url: URL(string: "http://127.0.0.1:9/hooks/SECRET-PATH?token=SECRET-QUERY")!,
            format: .slack, environment: .test(sleep: SleepRecorder().sleep),
            policy: RetryPolicy(maxAttempts: 2, jitter: { 0 }))
        do {
            try await closed.post(digest)
            Issue.record("expected a connection failure")
        } catch let error as NotifyError {
            #expect(
                error.description.hasPrefix("could not reach http://127.0.0.1:9/… after 2 tries"))
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test("Slack text drops Markdown escapes and escapes &, < and > so a name cannot become a link")
    func slackEscaping() {
        let text = WebhookNotifier.slackText([
            "title": "R&D <b>", "as_of": "2026-09-27", "alerts": [],
            "insights": [["text": "A\\_b \\<c\\> & d"]],
        ])
        #expect(
            text == """
                *R&amp;D &lt;b&gt;: as of 2026-09-27*
                No alert was triggered.
                *Insights*
                • A_b &lt;c&gt; &amp; d
                """)
    }

    @Test("an alert left unchecked for too few enrollments is said in the Slack text")
    func slackUnchecked() {
        let text = WebhookNotifier.slackText([
            "title": "R", "as_of": "2026-09-27", "alerts": [],
            "unchecked_alerts": [
                [
                    "question": "dl-week", "measure": "completion_rate", "condition": "below",
                    "threshold": 50, "too_few_enrollments": 10, "min_enrollments": 20,
                ]
            ],
        ])
        #expect(
            text == """
                *R: as of 2026-09-27*
                No alert was triggered.
                • dl-week: completion rate below 50%; not checked: its completion rate is over 10 enrollments, fewer than 20
                """)
    }
}
