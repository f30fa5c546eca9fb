import Foundation
import Testing

@testable import AlmanacCore

/// Narration through the whole build: the cache, the model over real HTTP, and the fallbacks.
@Suite struct NarratorTests {
    static let key = "sk-test-NEVER-PRINT-ME-42"

    static let questions = """
        title: Pulse
        llm:
          model: test-model
          temperature: 0
        questions:
          - text: How many people are enrolled in each badge?
            id: first
            section: Story
          - text: What is the completion rate by organization?
            id: second
            section: Story
          - text: What are the most common learning paths?
            id: third
            section: Story
          - text: How have enrollments trended over time?
            id: alone
        """

    @Test("answers come from the model once, then from the cache with zero requests")
    func cached() async throws {
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("Enrollment is **steady**."))
        ])
        let project = try Project()
        _ = try await project.build(server)
        #expect(server.requests.count == 4)
        let page = project.read("first.html")
        #expect(page.contains("<strong>steady</strong>"))
        #expect(page.contains("Written by the language model test-model"))
        let bytes = project.texts(in: project.site)
        let second = try await project.build(server)
        #expect(server.requests.count == 4)  // nothing new
        #expect(second.files.written == 0)
        #expect(project.log.events.contains(.unchanged))
        // Rebuilt for real, every answer comes from the cache, byte for byte the same.
        let third = try await project.build(server) { $0.force = true }
        #expect(server.requests.count == 4)
        #expect(third.files.written > 0)
        #expect(project.texts(in: project.site) == bytes)
        #expect(
            project.log.events.contains {
                if case .question(_, _, _, _, "cache") = $0 { return true } else { return false }
            })
        let stats = try AnswerCache(folder: project.answers, files: DiskFileSystem()).statistics()
        #expect(stats.entries == 4)
        #expect(stats.usedByLastBuild == 4)
    }

    @Test("the key never appears in the site, the cache or the log")
    func secret() async throws {
        let server = try LoopbackServer([
            .init(
                status: 401,
                body:
                    #"{"error":{"message":"Incorrect API key provided: sk-test-NEVER-PRINT-ME-42"}}"#
            )
        ])
        let project = try Project()
        let summary = try await project.build(server)
        _ = try await project.build(
            try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Fine."))]))
        // The key was sent, and the server's message quoted it back: there was a key to leak.
        #expect(server.requests.count > 0)
        #expect(
            summary.warnings.contains { $0.contains("Incorrect API key provided") },
            "the server's message reached the warnings")
        let site = project.texts(in: project.site)
        let answers = project.texts(in: project.answers)
        // Both folders exist and hold what a leak would be in: pages and cached answers.
        #expect(site.count > 20)
        #expect(
            site.contains { $0.contains("<h1>How many people are enrolled in each badge?</h1>") })
        #expect(answers.filter { $0.contains("\"answer\": \"Fine.\"") }.count == 4)
        #expect((site + answers).reduce(0) { $0 + $1.utf8.count } > 50_000)
        for text in site + answers {
            #expect(!text.contains(Self.key))
        }
        #expect(project.log.events.count > 5)
        for event in project.log.events { #expect(!"\(event)".contains(Self.key)) }
        #expect(!summary.warnings.isEmpty)
        for warning in summary.warnings { #expect(!warning.contains(Self.key)) }
    }

    @Test("a section is a conversation: earlier questions and answers, in order, at most four")
    func memory() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Noted."))])
        let project = try Project()
        let yaml =
            "title: P\nllm: {model: m}\nquestions:\n"
            + (1...6).map {
                "  - text: How many people are enrolled in each badge, take \($0)?\n    id: q\($0)\n    section: S\n"
            }.joined()
        _ = try await project.build(server, yaml: yaml)
        let requests = server.requests.map { $0.json["messages"] as? [[String: String]] ?? [] }
        #expect(requests.count == 6)
        // The third request: system, q1, a1, q2, a2, then its own question.
        let third = requests[2]
        #expect(
            third.map { $0["role"]! } == [
                "system", "user", "assistant", "user", "assistant", "user",
            ])
        #expect(third[1]["content"]!.hasSuffix("take 1?"))
        #expect(third[3]["content"]!.hasSuffix("take 2?"))
        #expect(
            third[5]["content"]!.contains(
                "Please analyze this query: How many people are enrolled in each badge, take 3?"))
        // The sixth carries only the last four exchanges: questions 2 to 5.
        let sixth = requests[5]
        #expect(sixth.count == 1 + 8 + 1)
        #expect(sixth[1]["content"]!.hasSuffix("take 2?"))
        #expect(sixth[7]["content"]!.hasSuffix("take 5?"))
    }

    @Test("the prompt gives the totals, the data, the question and how Almanac read it")
    func prompt() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Noted."))])
        let project = try Project()
        _ = try await project.build(server)
        // Sections run in parallel: find the first question's request rather than the first to arrive.
        let requests = server.requests.map { $0.json["messages"] as? [[String: String]] ?? [] }
        let messages = requests.first { $0.last?["content"]?.contains("each badge?") == true } ?? []
        #expect(messages.count == 2)
        #expect(messages.first?["content"] == Prompt.system)
        let user = messages.last?["content"] ?? ""
        #expect(
            user.hasPrefix(
                "Based on the following data:\n- Total Users: 4\n- Total Badges: 3\n- Total Enrollments: 7\n\nAnalytics Data:\n{"
            ))
        #expect(user.contains("\"completion_rate\": 0.5714"))
        #expect(
            user.hasSuffix(
                """
                Please analyze this query: How many people are enrolled in each badge?
                Almanac read it as: learners by badge. Answer exactly that first, in the order it asks for, then explain.
                """))
    }

    @Test("when the model fails, the page gets the offline summary and says why; --strict fails")
    func failure() async throws {
        let server = try LoopbackServer([.init(status: 500, body: #"{"error":{"message":"boom"}}"#)]
        )
        let project = try Project()
        let summary = try await project.build(server)
        #expect(server.requests.count == 4 * 5)
        let page = project.read("first.html")
        // The page says the status alone, the same words each build (a fault attack's pages
        // changed with "after 0 ms", then "4 ms"); the terminal gets the whole reason.
        #expect(page.contains("The language model was unavailable (HTTP 500), so"))
        #expect(!page.contains("boom"))
        #expect(page.contains("offline narrator, without a language model"))
        #expect(summary.warnings.contains { $0.contains("`first`: the language model failed") })
        #expect(summary.warnings.contains { $0.contains("HTTP 500 after 5 tries: boom") })
        // Failures are never cached.
        #expect(
            try AnswerCache(folder: project.answers, files: DiskFileSystem()).statistics().entries
                == 0)
        let before = project.texts(in: project.site)
        #expect(before.count > 20)
        let error = await #expect(throws: BuildError.self) {
            try await project.build(server) { $0.strict = true }
        }
        // The same warnings as the build without --strict, now the reason it failed.
        #expect(error == BuildError(.strict, StrictFailure(warnings: summary.warnings)))
        #expect(project.texts(in: project.site) == before)
    }

    @Test(
        "a build whose endpoint redirects to another port names the location and never sends the key there"
    )
    func redirect() async throws {
        let elsewhere = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("Third party."))
        ])
        let target = "http://127.0.0.1:\(elsewhere.port)/v1/chat/completions"
        let server = try LoopbackServer([
            .init(status: 307, headers: ["Location": target], body: "")
        ])
        let project = try Project()
        let summary = try await project.build(server)
        #expect(elsewhere.requests.isEmpty)
        #expect(
            summary.warnings.contains {
                $0.contains(
                    "`first`: the language model failed (the endpoint redirected to \(target);")
            })
        #expect(project.read("first.html").contains("offline narrator, without a language model"))
        #expect(!project.texts(in: project.site).contains { $0.contains("Third party.") })
        #expect(
            try AnswerCache(folder: project.answers, files: DiskFileSystem()).statistics().entries
                == 0)
    }

    @Test("cache-only never calls the network; refresh asks again")
    func modes() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("First."))])
        let project = try Project()
        let offline = try await project.build(server, mode: .cacheOnly)
        #expect(server.requests.isEmpty)
        #expect(offline.warnings.contains { $0.contains("no cached answer and --llm cache-only") })
        _ = try await project.build(server)
        #expect(server.requests.count == 4)
        _ = try await project.build(server, mode: .cacheOnly)
        #expect(server.requests.count == 4)
        _ = try await project.build(server, mode: .refresh)
        #expect(server.requests.count == 8)
        _ = try await project.build(server, mode: .off)
        #expect(project.read("first.html").contains("offline narrator, without a language model"))
    }

    /// A project built once against `server`, its cache, and the key of one cached answer.
    func builtOnce(_ server: LoopbackServer) async throws -> (Project, AnswerCache, String) {
        let project = try Project()
        _ = try await project.build(server)
        let cache = AnswerCache(folder: project.answers, files: DiskFileSystem())
        return (project, cache, try #require(cache.lastUsed().sorted().first))
    }

    @Test("a corrupt cache file is reported, ignored and written again")
    func corrupt() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Good."))])
        let (project, cache, key) = try await builtOnce(server)
        try Data("{ not json".utf8).write(to: cache.url(for: key))
        let summary = try await project.build(server)
        #expect(summary.warnings.contains { $0.contains("corrupt answer file") })
        #expect(server.requests.count == 5)
        #expect(cache.answer(for: key).0?.answer == "Good.")
    }

    @Test("a cached answer over 64 KB is reported, ignored and asked again")
    func oversizedCache() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Good."))])
        let (project, cache, key) = try await builtOnce(server)
        let huge: JSONValue = [
            "key": .string(key), "answer": .string(String(repeating: "h", count: 65_537)),
        ]
        try Data(huge.encoded().utf8).write(to: cache.url(for: key))
        let summary = try await project.build(server)
        #expect(
            summary.warnings.contains {
                $0.contains("the cached answer is 65537 bytes, over the limit of 65536")
            })
        #expect(server.requests.count == 5)
        #expect(project.texts(in: project.site).count > 20)
        #expect(
            !project.texts(in: project.site).contains {
                $0.contains(String(repeating: "h", count: 100))
            })
        #expect(cache.answer(for: key).0?.answer == "Good.")
    }

    @Test("cache files are pretty JSON with the key, parameters, messages and answer")
    func fileFormat() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Good."))])
        let (_, cache, key) = try await builtOnce(server)
        let url = cache.url(for: key)
        #expect(url.deletingLastPathComponent().lastPathComponent == String(key.prefix(2)))
        let text = try String(contentsOf: url, encoding: .utf8)
        for field in [
            "\"answer\": \"Good.\"", "\"finish_reason\": \"stop\"", "\"key\": \"\(key)\"",
            "\"model\": \"test-model\"", "\"messages\": [", "\"temperature\": 0", "\"usage\": {",
        ] {
            #expect(text.contains(field), "\(field)")
        }
    }

    @Test("prune deletes what the last build did not use")
    func prune() async throws {
        let server = try LoopbackServer([.init(status: 200, body: LoopbackServer.answer("Good."))])
        let project = try Project()
        _ = try await project.build(server)
        _ = try await project.build(
            server,
            yaml: Self.questions.replacingOccurrences(of: "temperature: 0", with: "temperature: 1"))
        let cache = AnswerCache(folder: project.answers, files: DiskFileSystem())
        #expect(
            try cache.statistics()
                == .init(entries: 8, bytes: try cache.statistics().bytes, usedByLastBuild: 4))
        #expect(try cache.prune() == 4)
        #expect(try cache.statistics().entries == 4)
    }

    @Test(
        "--require-grounded fails on a made-up figure; otherwise the offline narration is published with a notice"
    )
    func grounded() async throws {
        let server = try LoopbackServer([
            .init(status: 200, body: LoopbackServer.answer("There were 4,321 enrollments."))
        ])
        let project = try Project()
        let summary = try await project.build(server)
        let page = project.read("first.html")
        #expect(
            page.contains(
                "The language model’s answer quoted figures that are not in the data (4,321)")
                || page.contains(
                    "The language model&#39;s answer quoted figures that are not in the data (4,321)"
                )
                || page.contains(
                    "The language model's answer quoted figures that are not in the data (4,321)")
        )
        #expect(!page.contains("There were 4,321 enrollments."))
        #expect(page.contains("offline narrator, without a language model"))
        #expect(project.read("first.json").contains("\"unverified\": []"))
        #expect(summary.warnings.contains { $0.contains("4,321") })
        let error = await #expect(throws: BuildError.self) {
            try await project.build(server) { $0.requireGrounded = true }
        }
        // Checked once every answer is in: all four quote 4,321, so no single question.
        #expect(
            error
                == BuildError(
                    .narration,
                    GroundingFailure(
                        questions: ["first", "second", "third", "alone"].map {
                            "question `\($0)`: 4,321"
                        })))
    }
}

extension Project {
    /// Builds with `yaml` (by default `NarratorTests.questions`) and the language model at
    /// `server`, under the key the tests look for in the output.
    @discardableResult
    func build(
        _ server: LoopbackServer?, mode: LLMMode = .auto, yaml: String = NarratorTests.questions,
        configure: (inout BuildOptions) -> Void = { _ in }
    ) async throws -> BuildSummary {
        try await build(yaml) { options in
            options.llm = LLMOptions(mode: mode)
            options.llm.apiKey = NarratorTests.key
            if let server { options.llm.baseURL = server.baseURL }
            options.llm.timeout = .seconds(5)
            configure(&options)
        }
    }
}

extension NarratorTests {
    @Test("a failure's published reason is the same words each time it happens")
    func publishedReason() {
        let first = LLMError(
            reason: .connection("Failed to connect to 127.0.0.1 port 9 after 0 ms"), attempts: 3)
        let second = LLMError(
            reason: .connection("Failed to connect to 127.0.0.1 port 9 after 4 ms"), attempts: 3)
        #expect(first.published == second.published)
        #expect(first.published == "the connection failed")
        #expect(first.description != second.description)
        let limited = LLMError(
            reason: .deadline(
                limit: .seconds(300), wait: .seconds(30),
                last: .http(status: 429, message: "slow down, req 42")),
            attempts: 4)
        #expect(limited.published == "HTTP 429")
    }
}
