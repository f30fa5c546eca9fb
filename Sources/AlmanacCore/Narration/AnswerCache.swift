import Foundation

/// The language model's answers, one JSON file each at `answers/<first 2 hex>/<key>.json`,
/// committed with the report so that a rebuild is reproducible, free and offline.
///
/// The key is the sha256 of the canonical JSON of `{model, temperature, max_tokens, seed,
/// messages}`: any change to the data, the prompt, the conversation or the parameters gives
/// a new key.
public struct AnswerCache: Sendable {
    public var folder: URL

    /// A problem with one cache file, reported and then worked around.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var answer: String
        public var finishReason: String
        public var usage: JSONValue
    }

    /// The file that lists the keys the last build used, for `almanac cache stats|prune`.
    public static let lastBuildFile = "last-build.txt"

    public init(folder: URL) {
        self.folder = folder
    }

    /// The request that an answer is stored under: everything that shapes the answer.
    public static func request(_ configuration: ModelConfiguration, _ messages: [ChatMessage])
        -> JSONValue
    {
        [
            "model": .string(configuration.model),
            "temperature": .double(configuration.temperature),
            "max_tokens": configuration.maxTokens.map(JSONValue.int) ?? .null,
            "seed": configuration.seed.map(JSONValue.int) ?? .null,
            "messages": .array(messages.map(\.json)),
        ]
    }

    public static func key(_ configuration: ModelConfiguration, _ messages: [ChatMessage]) -> String
    {
        SHA256.hex(Array(request(configuration, messages).encoded().utf8))
    }

    func url(for key: String) -> URL {
        folder.appending(path: String(key.prefix(2))).appending(path: key + ".json")
    }

    /// The cached answer, nil on a miss; a corrupt file is a problem and a miss.
    public func answer(for key: String) -> (Entry?, Problem?) {
        let url = url(for: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, nil) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["key"] as? String == key, let answer = object["answer"] as? String,
            !answer.isEmpty
        else {
            return (
                nil,
                Problem(
                    path: url.path,
                    message: "corrupt answer file; it is ignored and will be written again")
            )
        }
        // A hand-edited or older entry gets the same bound as a fresh answer.
        guard answer.utf8.count <= ChatClient.maxAnswerBytes else {
            return (
                nil,
                Problem(
                    path: url.path,
                    message:
                        "the cached answer is \(answer.utf8.count) bytes, over the limit of \(ChatClient.maxAnswerBytes); it is ignored and will be written again"
                )
            )
        }
        var usage: [String: JSONValue] = [:]
        for (name, value) in object["usage"] as? [String: Any] ?? [:] {
            if let number = value as? Int { usage[name] = .int(number) }
        }
        return (
            Entry(
                key: key, answer: answer,
                finishReason: object["finish_reason"] as? String ?? "stop",
                usage: .object(usage)), nil
        )
    }

    /// Stores an answer: a temporary file, then a rename, so a reader never sees half a file.
    /// - Throws: `SiteError` when the folder cannot be written.
    public func store(_ answer: ChatAnswer, key: String, request: JSONValue) throws {
        var document: [String: JSONValue] = [
            "key": .string(key), "answer": .string(answer.content),
            "finish_reason": .string(answer.finishReason), "usage": answer.usage,
        ]
        if case .object(let fields) = request {
            for (name, value) in fields { document[name] = value }
        }
        try write(Data(JSONValue.object(document).prettyEncoded().utf8), to: url(for: key))
    }

    /// Records which keys the last build used.
    public func recordUse(_ keys: Set<String>) throws {
        let text = keys.sorted().joined(separator: "\n") + (keys.isEmpty ? "" : "\n")
        let url = folder.appending(path: Self.lastBuildFile)
        if FileManager.default.contents(atPath: url.path) == Data(text.utf8) { return }
        try write(Data(text.utf8), to: url)
    }

    public struct Statistics: Sendable, Equatable {
        public var entries: Int
        public var bytes: Int
        public var usedByLastBuild: Int
    }

    public func statistics() -> Statistics {
        let files = entryFiles()
        let used = lastUsed()
        let bytes = files.reduce(0) { total, url in
            total
                + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
        return Statistics(
            entries: files.count, bytes: bytes,
            usedByLastBuild: files.filter {
                used.contains($0.deletingPathExtension().lastPathComponent)
            }.count)
    }

    /// Deletes the entries the last build did not use.
    /// - Returns: how many files were deleted.
    public func prune() throws -> Int {
        let used = lastUsed()
        var deleted = 0
        for url in entryFiles() where !used.contains(url.deletingPathExtension().lastPathComponent)
        {
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw SiteError(
                    path: url.path, message: "cannot delete: \(error.localizedDescription)")
            }
            deleted += 1
        }
        return deleted
    }

    func lastUsed() -> Set<String> {
        let url = folder.appending(path: Self.lastBuildFile)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    private func entryFiles() -> [URL] {
        var files: [URL] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "json",
                url.deletingLastPathComponent().lastPathComponent.count == 2
            {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private func write(_ data: Data, to url: URL) throws {
        let manager = FileManager.default
        let temporary = url.deletingLastPathComponent().appending(
            path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the old file in one step; readers see the old or the new.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw SiteError(
                path: url.path,
                message: "cannot write the answer cache: \(error.localizedDescription)")
        }
    }
}
