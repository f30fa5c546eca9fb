import Foundation

/// How the build uses the language model.
public enum LLMMode: String, Sendable, CaseIterable {
    /// Cached answers; on a miss, the model if a key is set, else the offline narrator.
    case auto
    /// Cached answers only; never the network.
    case cacheOnly = "cache-only"
    /// Ask the model again and overwrite the cached answers.
    case refresh
    /// The offline narrator only.
    case off
}

/// Everything the narration stage needs from the CLI.
public struct NarrationSettings: Sendable {
    public var mode: LLMMode
    /// Nil when no model is configured: every answer is then written offline.
    public var model: ModelConfiguration?
    public var cacheFolder: URL
    /// Requests in flight at most.
    public var jobs: Int
    /// The answer cache's file system, the model's HTTP transport, the sleep between retries
    /// and the clock for a `Retry-After` date.
    public var environment: Environment

    public init(
        mode: LLMMode = .off, model: ModelConfiguration? = nil, cacheFolder: URL, jobs: Int = 4,
        environment: Environment
    ) {
        self.mode = mode
        self.model = model
        self.cacheFolder = cacheFolder
        self.jobs = jobs
        self.environment = environment
    }
}

/// One question's explanation and where it came from.
public struct Narration: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case cache
        case model(milliseconds: Int)
        case offline
        /// The model was wanted but gave no answer; the text says why.
        case offlineAfterFailure(String)
        /// The model answered with figures found nowhere in the data (listed); the offline
        /// narration is published instead.
        case offlineUngrounded([String])
    }

    public var markdown: String
    public var source: Source
    /// The model that wrote it; nil for the offline narrator.
    public var model: String?

    /// The label under the answer. A cached answer and a fresh one read the same, so a
    /// rebuild from the cache is byte-identical to the build that asked the model.
    public var label: String {
        if let model {
            return "Written by the language model \(model) from the numbers on this page."
        }
        return OfflineNarrator.label
    }

    /// A notice for the page when the model was unavailable.
    public var note: String? {
        if case .offlineAfterFailure(let reason) = source {
            return
                "The language model was unavailable (\(reason)), so this summary was written by Almanac's offline narrator."
        }
        if case .offlineUngrounded(let figures) = source {
            return
                "The language model's answer quoted figures that are not in the data (\(figures.joined(separator: ", "))), so this summary was written by Almanac's offline narrator."
        }
        return nil
    }

    /// For the progress line: "cache", "model (1.8 s)", "offline", "offline (model: …)".
    public var progress: String {
        switch source {
        case .cache: return "cache"
        case .model(let milliseconds):
            return "model (\(NumberText.decimal(Double(milliseconds) / 1000, places: 1)) s)"
        case .offline: return "offline"
        case .offlineAfterFailure(let reason): return "offline (model: \(reason))"
        case .offlineUngrounded: return "offline (model: ungrounded figures)"
        }
    }
}

/// What the narration stage is given per question.
public struct NarrationItem: Sendable {
    public var question: Question
    public var output: any AnalysisOutput
    public var stats: DatabaseStats
    /// How the matcher read the question ("completion rate by badge, bottom 3"), for the
    /// model; nil for custom SQL.
    public var intent: String?
    /// The offline summary's first sentence: the answer to what was asked.
    public var lead: String?
    /// Most important first; the offline narrator tells the first right after the lead.
    public var insights: [Insight]
    /// `metadata.comparison`, or null.
    public var comparison: JSONValue
    /// The measure the question asks for; nil for custom SQL. The opening tells only an
    /// insight about it.
    public var measure: Measure?
    /// "all organizations" when the question sets names side by side: the summary and the
    /// insights are of every name of that kind in the scope, which the text then says.
    public var across: String?
    /// Whether the question sets two windows side by side, which its lead compares: the
    /// change insight would say it again ("… 116 more (+30.3%). Enrollments rose by 116, from
    /// 383 to 499, against Q1 2025.").
    public var comparesWindows = false
    /// Whether the lead names badges or organizations (a ranking or a breakdown): a change of
    /// the total after it says "Overall", since "Completion rate rose by 2.15 points" right
    /// after "the lowest … is Müller & Söhne GmbH: 44.16%" read as Müller's (blind test 75).
    public var leadNamesSlices = false

    public init(
        question: Question, output: any AnalysisOutput, stats: DatabaseStats, intent: String? = nil,
        lead: String? = nil, insights: [Insight] = [], comparison: JSONValue = .null,
        measure: Measure? = nil, across: String? = nil, comparesWindows: Bool = false,
        leadNamesSlices: Bool = false
    ) {
        self.question = question
        self.output = output
        self.stats = stats
        self.intent = intent
        self.lead = lead
        self.insights = insights
        self.comparison = comparison
        self.measure = measure
        self.across = across
        self.comparesWindows = comparesWindows
        self.leadNamesSlices = leadNamesSlices
    }

    /// The offline narration: the answer to what was asked, then the most important insight
    /// about the question's own measure, then the analysis's summary. An insight about
    /// another measure ("Completions were unusual…" on a page about time to complete) stays
    /// in the document, the index and the digest.
    public var offline: String {
        var summary = OfflineNarrator().narrate(output, question: question)
        if let across { summary = "Across \(across), not only those compared: " + summary }
        // An insight of the whole scope does not open an answer about the names compared.
        let insight =
            across != nil
            ? nil
            : insights.first {
                Self.measures(of: measure).contains($0.measure)
                    && !(comparesWindows && $0.isChange)
            }
        // What drove the move follows the answer on the page ("Why it changed"), and in the
        // twin; the digest carries the whole sentence.
        var fact = insight?.factSentence
        if leadNamesSlices, let insight, insight.isChange, let sentence = fact {
            // "the completion rate", "enrollments".
            let article = KeyMeasure.isRate(insight.measure) ? "the " : ""
            fact = "Overall, \(article)" + sentence.prefix(1).lowercased() + sentence.dropFirst()
        }
        let opening = [lead, fact].compactMap { $0 }.joined(separator: " ")
        return opening.isEmpty ? summary : opening + "\n\n" + summary
    }

    /// The key measures (as insights name them) that a question about `measure` is about.
    static func measures(of measure: Measure?) -> Set<String> {
        switch measure {
        case .enrollments?, .growth?: return ["enrollments"]
        case .learners?, .paths?, .nextBadge?, .previousBadge?, .firstBadge?: return ["learners"]
        case .completions?: return ["completed"]
        case .completionRate?: return ["completion_rate"]
        case .dropRate?, .dropouts?: return ["drop_rate"]
        case .timeToComplete?, .meanTimeToComplete?: return ["median_days_to_complete"]
        case .averageProgress?, .inProgress?, nil: return []
        }
    }
}

/// Explains every question: from the answer cache, the language model, or the offline
/// narrator. Questions of one section form a conversation and run in order; sections run in
/// parallel, with at most `jobs` requests in flight.
public struct Narrator: Sendable {
    public var settings: NarrationSettings
    /// Earlier exchanges of a section that each request carries.
    public static let memory = 4

    public init(settings: NarrationSettings) {
        self.settings = settings
    }

    public struct Outcome: Sendable {
        public var narrations: [Narration]
        public var warnings: [String]
        /// Cache keys this build looked up or stored.
        public var usedKeys: Set<String>
    }

    public func narrate(_ items: [NarrationItem]) async -> Outcome {
        // Unsectioned questions are conversations of their own.
        var chains: [[Int]] = []
        var chainOf: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            if let section = item.question.section {
                if let chain = chainOf[section] {
                    chains[chain].append(index)
                } else {
                    chainOf[section] = chains.count
                    chains.append([index])
                }
            } else {
                chains.append([index])
            }
        }
        let limiter = RequestLimiter(slots: max(1, settings.jobs))
        var narrations = [Narration?](repeating: nil, count: items.count)
        var warnings: [(Int, String)] = []
        var used = Set<String>()
        await withTaskGroup(of: [(Int, Narration, [String], String?)].self) { group in
            for chain in chains {
                group.addTask { await self.run(chain, items, limiter) }
            }
            for await results in group {
                for (index, narration, problems, key) in results {
                    narrations[index] = narration
                    warnings += problems.map { (index, $0) }
                    if let key { used.insert(key) }
                }
            }
        }
        // Warnings in question order, whatever finished first.
        let ordered = warnings.enumerated().sorted {
            ($0.element.0, $0.offset) < ($1.element.0, $1.offset)
        }
        return Outcome(
            narrations: narrations.map { $0! }, warnings: ordered.map(\.element.1), usedKeys: used)
    }

    private func run(_ chain: [Int], _ items: [NarrationItem], _ limiter: RequestLimiter) async
        -> [(Int, Narration, [String], String?)]
    {
        var history: [ChatMessage] = []
        var results: [(Int, Narration, [String], String?)] = []
        for index in chain {
            let item = items[index]
            let (narration, problems, key) = await narrate(item, history: history, limiter)
            results.append((index, narration, problems, key))
            history += [
                ChatMessage(role: "user", content: Prompt.history(question: item.question.text)),
                ChatMessage(role: "assistant", content: narration.markdown),
            ]
            history = Array(history.suffix(2 * Self.memory))
        }
        return results
    }

    private func narrate(_ item: NarrationItem, history: [ChatMessage], _ limiter: RequestLimiter)
        async
        -> (Narration, [String], String?)
    {
        let offline = item.offline
        guard settings.mode != .off, let model = settings.model else {
            return (Narration(markdown: offline, source: .offline), [], nil)
        }
        let messages =
            [ChatMessage(role: "system", content: Prompt.system)] + history + [
                ChatMessage(
                    role: "user",
                    content: Prompt.user(
                        question: item.question.text, stats: item.stats, data: item.output.json,
                        comparison: item.comparison, insights: .array(item.insights.map(\.json)),
                        intent: item.intent))
            ]
        let key = AnswerCache.key(model, messages)
        let cache = AnswerCache(folder: settings.cacheFolder, files: settings.environment.files)
        var problems: [String] = []
        if settings.mode != .refresh {
            let (entry, problem) = cache.answer(for: key)
            if let problem { problems.append("\(problem.path): \(problem.message)") }
            if let entry {
                return (
                    Narration(markdown: entry.answer, source: .cache, model: model.model), problems,
                    key
                )
            }
        }
        if settings.mode == .cacheOnly {
            problems.append(
                "question `\(item.question.id)`: no cached answer and --llm cache-only; the summary is written offline"
            )
            return (Narration(markdown: offline, source: .offline), problems, key)
        }
        guard model.apiKey != nil else {
            problems.append(
                "question `\(item.question.id)`: no cached answer and no API key (OPENAI_API_KEY or --api-key-file); the summary is written offline"
            )
            return (Narration(markdown: offline, source: .offline), problems, key)
        }
        let client = ChatClient(
            configuration: model, transport: settings.environment.http,
            sleep: settings.environment.sleep, now: settings.environment.now)
        let started = ContinuousClock.now
        do {
            let answer = try await limiter.run { try await client.complete(messages) }
            let elapsed = started.duration(to: .now)
            do {
                try cache.store(answer, key: key, request: AnswerCache.request(model, messages))
            } catch {
                problems.append("question `\(item.question.id)`: \(error)")
            }
            let milliseconds = Int(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds
                    / 1_000_000_000_000_000)
            return (
                Narration(
                    markdown: answer.content, source: .model(milliseconds: milliseconds),
                    model: model.model),
                problems, key
            )
        } catch {
            let reason = String(describing: error)
            problems.append(
                "question `\(item.question.id)`: the language model failed (\(reason)); the summary is written offline"
            )
            let published = (error as? LLMError)?.published ?? reason
            return (
                Narration(markdown: offline, source: .offlineAfterFailure(published)), problems,
                nil
            )
        }
    }
}

/// At most `slots` requests in flight, waiting without blocking a thread.
actor RequestLimiter {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int) {
        free = slots
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// The model options given on the command line and in the environment; merged with the
/// questions file's `llm:` block, flags first.
public struct LLMOptions: Sendable {
    public var mode: LLMMode = .auto
    public var apiKey: String?
    public var baseURL = URL(string: "https://api.openai.com/v1")!
    public var model: String?
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var timeout: Duration = .seconds(60)
    /// The whole wait for one answer, retries and `Retry-After` included.
    public var deadline: Duration = .seconds(300)
    /// `answers/` beside the questions file when nil.
    public var cacheFolder: String?

    /// Used when a key is set but no model is named anywhere.
    public static let defaultModel = "gpt-4o-mini"

    public init(mode: LLMMode = .auto) {
        self.mode = mode
    }

    /// The settings for one questions file, in `environment`.
    public func settings(for file: QuestionFile, jobs: Int, environment: Environment)
        -> NarrationSettings
    {
        let folder =
            cacheFolder.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: file.path).deletingLastPathComponent().appending(
                path: "answers")
        // Without a key, the default model is still worth looking up when there is a cache:
        // a CI rebuild reproduces the committed answers.
        let hasCache = environment.files.exists(folder)
        let name = model ?? file.llm.model ?? (apiKey != nil || hasCache ? Self.defaultModel : nil)
        let configuration = name.map {
            ModelConfiguration(
                baseURL: baseURL, apiKey: apiKey, model: $0,
                temperature: temperature ?? file.llm.temperature ?? 0,
                maxTokens: maxTokens ?? file.llm.maxTokens, seed: seed ?? file.llm.seed,
                timeout: timeout,
                deadline: deadline)
        }
        return NarrationSettings(
            mode: mode, model: configuration, cacheFolder: folder, jobs: jobs,
            environment: environment)
    }
}
