import Foundation

/// A problem writing, listing or pruning the answer cache.
/// The language model's answers, one JSON file each at `answers/<first 2 hex>/<key>.json`,
/// committed with the report so that a rebuild is reproducible, free and offline.
///
/// The key is the sha256 of the canonical JSON of `{model, temperature, max_tokens, seed,
/// messages}`: any change to the data, the prompt, the conversation or the parameters gives
/// a new key.
public struct AnswerCacheError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// An answer or the list of used keys could not be written; the system's words.
        case cannotWrite(String)
        /// An unused answer could not be deleted.
        case cannotDelete(String)
        /// The cache folder, or its list of used keys, could not be read.
        case cannotRead(String)
    }

    /// The file or folder concerned.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .cannotWrite(let message): return "\(path): cannot write the answer cache: \(message)"
        case .cannotDelete(let message): return "\(path): cannot delete: \(message)"
        case .cannotRead(let message): return "\(path): cannot read the answer cache: \(message)"
        }
    }
}

public struct AnswerCache: Sendable {
    public var folder: URL
    /// Where the answers are read and written.
    public var files: any FileSystem

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

    public init(folder: URL, files: any FileSystem) {
        self.folder = folder
        self.files = files
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

    /// The file that lists the keys the last build used.
    public var lastBuild: URL { folder.appending(path: Self.lastBuildFile) }

    /// The cached answer, nil on a miss; a corrupt or unreadable file is a problem and a miss.
    public func answer(for key: String) -> (Entry?, Problem?) {
        let url = url(for: key)
        let read: Data?
        do {
            read = try files.contents(of: url)
        } catch {
            return (
                nil,
                Problem(
                    path: url.path,
                    message:
                        "cannot read the answer file (\(error.localizedDescription)); it is ignored and will be written again"
                )
            )
        }
        guard let data = read else { return (nil, nil) }
        // Nil is the answer here: any file that is not a JSON object is reported as corrupt.
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
    /// - Throws: `AnswerCacheError` when the folder cannot be written.
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
    /// - Throws: `AnswerCacheError` when the list cannot be written.
    public func recordUse(_ keys: Set<String>) throws {
        let text = keys.sorted().joined(separator: "\n") + (keys.isEmpty ? "" : "\n")
        // Unchanged lists are not rewritten; one that cannot be read is simply written again.
        if (try? files.contents(of: lastBuild)) == Data(text.utf8) { return }
        try write(Data(text.utf8), to: lastBuild)
    }

    public struct Statistics: Sendable, Equatable {
        public var entries: Int
        public var bytes: Int
        public var usedByLastBuild: Int
    }

    /// How many answers there are, their bytes, and how many the last build used.
    /// - Throws: `AnswerCacheError` when the folder or the list of used keys cannot be read.
    public func statistics() throws -> Statistics {
        let files = try entryFiles()
        let used = try lastUsed()
        let bytes = files.reduce(0) { total, url in
            total + (self.files.attributes(of: url)?.size ?? 0)
        }
        return Statistics(
            entries: files.count, bytes: bytes,
            usedByLastBuild: files.filter {
                used.contains($0.deletingPathExtension().lastPathComponent)
            }.count)
    }

    /// Deletes the entries the last build did not use.
    /// - Returns: how many files were deleted.
    /// - Throws: `AnswerCacheError` when the cache cannot be read or a file cannot be deleted;
    ///   an unreadable list of used keys deletes nothing.
    public func prune() throws -> Int {
        let used = try lastUsed()
        var deleted = 0
        for url in try entryFiles()
        where !used.contains(url.deletingPathExtension().lastPathComponent) {
            do {
                try files.removeItem(at: url)
            } catch {
                throw AnswerCacheError(
                    path: url.path, reason: .cannotDelete(error.localizedDescription))
            }
            deleted += 1
        }
        return deleted
    }

    /// The keys the last build used; none when it recorded none.
    /// - Throws: `AnswerCacheError` when the list is there but cannot be read: `prune` would
    ///   otherwise take every answer for unused.
    func lastUsed() throws -> Set<String> {
        let data: Data?
        do {
            data = try files.contents(of: lastBuild)
        } catch {
            throw AnswerCacheError(
                path: lastBuild.path, reason: .cannotRead(error.localizedDescription))
        }
        guard let data else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Every answer file, `<2 hex>/<key>.json`; none when the folder is not there.
    private func entryFiles() throws -> [URL] {
        guard files.exists(folder) else { return [] }
        let paths: [String]
        do {
            paths = try files.files(under: folder)
        } catch {
            throw AnswerCacheError(
                path: folder.path, reason: .cannotRead(error.localizedDescription))
        }
        return paths.map { folder.appending(path: $0) }.filter {
            $0.pathExtension == "json"
                && $0.deletingLastPathComponent().lastPathComponent.count == 2
        }
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try files.createDirectory(at: url.deletingLastPathComponent())
            try files.writeDurably(data, to: url)
        } catch {
            throw AnswerCacheError(path: url.path, reason: .cannotWrite(error.localizedDescription))
        }
    }
}
