import AlmanacCore
import ArgumentParser
import Foundation

extension LLMMode: ExpressibleByArgument {}

/// The language model flags that `build` and `ask` share.
struct ModelFlags: ParsableArguments {
    @Option(help: "auto (cache, then the model if a key is set), cache-only, refresh, or off.")
    var llm: LLMMode = .auto

    @Option(help: "A file holding the API key (default: the OPENAI_API_KEY variable).")
    var apiKeyFile: String?

    @Option(
        help:
            "The model (default: `llm.model` in the questions file, else \(LLMOptions.defaultModel))."
    )
    var model: String?

    @Option(help: "Sampling temperature, 0 to 2 (default: `llm.temperature`, else 0).")
    var temperature: Double?

    @Option(help: "The most tokens an answer may use (default: `llm.max_tokens`).")
    var maxTokens: Int?

    @Option(help: "A seed for servers that support reproducible sampling (default: `llm.seed`).")
    var seed: Int?

    @Option(help: "Seconds to wait for one model request.")
    var llmTimeout: Double = 60

    @Option(
        help: "Seconds to wait for one question's answer in all, retries and Retry-After included.")
    var llmDeadline: Double = 300

    @Option(help: "The answer cache folder (default: answers/ beside the questions file).")
    var cache: String?

    func validate() throws {
        let problems = [
            temperature.flatMap {
                NumericFlag.problem("--temperature", $0, in: FlagBounds.temperature, unit: "")
            },
            maxTokens.flatMap { NumericFlag.problem("--max-tokens", $0, in: FlagBounds.maxTokens) },
            NumericFlag.problem(
                "--llm-timeout", llmTimeout, in: FlagBounds.modelSeconds, unit: "seconds"),
            NumericFlag.problem(
                "--llm-deadline", llmDeadline, in: FlagBounds.modelSeconds, unit: "seconds"),
        ]
        if let problem = problems.compactMap({ $0 }).first { throw ValidationError(problem) }
    }

    /// Reads the key and base URL from the environment or the key file; the core never does.
    func options() throws -> LLMOptions {
        var options = LLMOptions(mode: llm)
        let environment = ProcessInfo.processInfo.environment
        if let apiKeyFile {
            let text: String
            do {
                text = try String(contentsOfFile: apiKeyFile, encoding: .utf8)
            } catch {
                throw ValidationError(
                    "cannot read the API key file \(apiKeyFile): \(error.localizedDescription)")
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else {
                throw ValidationError("the API key file \(apiKeyFile) is empty")
            }
            options.apiKey = key
        } else if let key = environment["OPENAI_API_KEY"], !key.isEmpty {
            options.apiKey = key
        }
        if let base = environment["OPENAI_BASE_URL"], !base.isEmpty {
            guard let url = URL(string: base), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("OPENAI_BASE_URL must be an http or https URL")
            }
            options.baseURL = url
            let loopback = ["localhost", "127.0.0.1", "::1"].contains(url.host ?? "")
            if url.scheme == "http" && !loopback && options.apiKey != nil {
                Terminal.error(
                    "⚠ warning: OPENAI_BASE_URL uses plain http to \(url.host ?? "a remote host"); the API key travels unencrypted"
                )
            }
        }
        options.model = model
        options.temperature = temperature
        options.maxTokens = maxTokens
        options.seed = seed
        options.timeout = .milliseconds(Int((llmTimeout * 1000).rounded()))
        options.deadline = .milliseconds(Int((llmDeadline * 1000).rounded()))
        options.cacheFolder = cache
        return options
    }
}
