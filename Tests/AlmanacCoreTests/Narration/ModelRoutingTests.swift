import Foundation
import Testing

@testable import AlmanacCore

/// A question the rules cannot route goes to the language model, whose intent is checked,
/// cached with the answers, and shown on the page; `--llm off` never asks.
@Suite struct ModelRoutingTests {
    static let questions = """
        title: Pulse
        llm:
          model: test-model
        questions:
          - text: What does Globex spend its learning time on?
            id: globex
        """

    static func routing(_ json: String) -> LoopbackServer.Reply {
        .init(status: 200, body: LoopbackServer.answer(json))
    }

    static let globex =
        #"{"kind": "badge_enrollments", "measure": "enrollments", "dimension": "badge", "ranking": {"order": "top", "count": null}, "badge": null, "organization": "Globex", "window": null, "confidence": 0.7}"#

    /// The requests whose system message is the routing schema.
    static func routings(_ server: LoopbackServer) -> Int {
        server.requests.filter { request in
            let messages = request.json["messages"] as? [[String: String]] ?? []
            return messages.first?["content"]?.contains("You route questions") == true
        }.count
    }

    @Test(
        "the model routes what the rules cannot; the page and the document say so; the next build asks nothing"
    )
    func routed() async throws {
        let server = try LoopbackServer([
            Self.routing(Self.globex), .init(status: 200, body: LoopbackServer.answer("Fine.")),
        ])
        let project = try Project()
        _ = try await project.build(server, yaml: Self.questions)
        #expect(Self.routings(server) == 1)
        #expect(server.requests.count == 2)
        let document = try JSONDecoder().decode(
            JSONValue.self, from: Data(project.read("globex.json").utf8))
        let intent = document["metadata"]?["intent"]
        #expect(intent?["routed_by"] == "model")
        #expect(intent?["kind"] == "badge_enrollments")
        #expect(intent?["measure"] == "enrollments")
        #expect(intent?["dimension"] == "badge")
        #expect(intent?["confidence"] == .double(0.7))
        #expect(document["metadata"]?["filters"]?["organization"] == "Globex")
        let page = project.read("globex.html")
        #expect(
            page.contains(
                "the language model (the rules could not route it, or only with low confidence)"))
        #expect(page.contains("<dt>Confidence</dt><dd>0.7</dd>"))
        // Cache-only and forced: routed the same way from the cache, with no request.
        _ = try await project.build(server, mode: .cacheOnly, yaml: Self.questions) {
            $0.force = true
        }
        #expect(server.requests.count == 2)
        #expect(
            try JSONDecoder().decode(JSONValue.self, from: Data(project.read("globex.json").utf8))[
                "metadata"]?["intent"] == intent)
    }

    @Test(
        "a routing that names what the database does not have is refused, reported, and the question fails"
    )
    func refused() async throws {
        let unknown = Self.globex.replacingOccurrences(
            of: #""badge": null"#, with: #""badge": "Ruby Basics""#)
        let server = try LoopbackServer([Self.routing(unknown)])
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(server, yaml: Self.questions)
        }
        #expect(error?.stage == .matching)
        #expect(error?.questionID == "globex")
        let failures = try #require(error?.underlying as? MatchFailures)
        #expect(failures.errors.map(\.line) == [5])
        #expect(String(describing: error!).contains("`globex`"))
        #expect(String(describing: error!).contains("matches no kind"))
        #expect(
            project.log.events.contains {
                if case .warning(let text) = $0 {
                    return text.contains("refused: there is no badge called 'Ruby Basics'")
                }
                return false
            })
    }

    @Test("--llm off never asks the model")
    func off() async throws {
        let server = try LoopbackServer([Self.routing(Self.globex)])
        let project = try Project()
        let error = await #expect(throws: BuildError.self) {
            try await project.build(server, mode: .off, yaml: Self.questions)
        }
        #expect(error?.stage == .matching)
        #expect(error?.questionID == "globex")
        let failures = try #require(error?.underlying as? MatchFailures)
        #expect(failures.errors.map(\.line) == [5])
        #expect(String(describing: error!).contains("`globex`"))
        #expect(server.requests.isEmpty)
    }

    @Test(
        "the answer must be the schema's JSON, and nothing else",
        arguments: [
            ("not json", "not a JSON object"),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "confidence": 0.5, "sql": "DROP TABLE"}"#,
                "unknown key `sql`"
            ),
            (
                #"{"kind": "badges", "measure": "enrollments", "confidence": 0.5}"#,
                "unknown kind `badges`"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "revenue", "confidence": 0.5}"#,
                "unknown measure `revenue`"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "dimension": "country", "confidence": 0.5}"#,
                "unknown dimension `country`"
            ),
            (#"{"kind": null}"#, "not about this data"),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "ranking": {"order": "up"}, "confidence": 0.5}"#,
                "`ranking` must be"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "confidence": "high"}"#,
                "`confidence` is not a number"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "confidence": true}"#,
                "`confidence` is not a number"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "ranking": {"order": "top", "count": true}, "confidence": 0.5}"#,
                "`ranking.count`"
            ),
            (
                #"{"kind": "badge_enrollments", "measure": "enrollments", "ranking": {"order": "top", "count": 0}, "confidence": 0.5}"#,
                "`ranking.count`"
            ),
        ])
    func schema(answer: String, why: String) {
        #expect(throws: Matcher.Refusal.self) { try ModelRouter.proposal(from: answer) }
        do { _ = try ModelRouter.proposal(from: answer) } catch {
            #expect(String(describing: error).contains(why))
        }
    }

    @Test("a proposal is checked like the rules' own route")
    func checked() throws {
        let matcher = try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Globex"]),
            asOf: CivilDate(iso: "2026-09-30")!)
        let question = Question(id: "q", text: "What did Globex do with Python Basics in 2025?")
        func propose(
            _ kind: AnalysisKind, _ measure: Measure, _ dimension: Breakdown? = nil,
            badge: String? = nil,
            window: String? = nil
        ) throws -> Match {
            try matcher.route(
                question,
                proposal: .init(
                    kind: kind, intent: Intent(measure: measure, dimension: dimension),
                    badge: badge,
                    organization: "Globex", window: window, confidence: 0.8))
        }
        let match = try propose(
            .completionMetrics, .completionRate, badge: "Python Basics", window: "in 2025")
        #expect(match.routing == .model)
        #expect(match.filters.dateRange?.start?.description == "2025-01-01")
        #expect(throws: Matcher.Refusal.self) {
            try propose(.learningPaths, .completionRate, badge: "Python Basics")
        }
        // The question names Python Basics; a route without it would drop the filter.
        #expect(throws: Matcher.Refusal.self) { try propose(.completionMetrics, .completionRate) }
        #expect(throws: Matcher.Refusal.self) {
            try propose(
                .completionMetrics, .completionRate, badge: "Python Basics", window: "in 2024")
        }
        #expect(throws: Matcher.Refusal.self) {
            try propose(.badgeEnrollments, .averageProgress, .cohort, badge: "Python Basics")
        }
        // A name the question does not give is refused too: it would narrow the numbers unasked.
        #expect(throws: Matcher.Refusal.self) {
            try matcher.route(
                Question(id: "q", text: "Is the platform healthy?"),
                proposal: .init(
                    kind: .badgeEnrollments, intent: Intent(measure: .enrollments),
                    badge: "Python Basics", confidence: 0.9))
        }
        // And the rules' own conditions hold: a threshold is not dropped.
        #expect(throws: MatchError.self) {
            try matcher.route(
                Question(id: "q", text: "Which badges score below 40?"),
                proposal: .init(
                    kind: .badgeEnrollments,
                    intent: Intent(measure: .enrollments, dimension: .badge), confidence: 0.9))
        }
    }
}
