import FlyingFox
import FlyingSocks
import Foundation

/// The preview's build state and the pages listening to it: a build number, the last
/// build's error, and one event stream per open page.
public actor LiveEvents {
    public private(set) var build = 0
    public private(set) var error: String?
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    public init() {}

    /// A good build: open pages reload.
    public func succeeded() {
        build += 1
        error = nil
        send("reload", data: Self.json(["build": .int(build)]))
    }

    /// A failed build: open pages show `message` over the last good site.
    public func failed(_ message: String) {
        error = message
        send("failed", data: Self.json(["build": .int(build), "error": .string(message)]))
    }

    /// The events for one page, starting with the build it sees and any current error.
    public func subscribe() -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(
            bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        listeners[id] = continuation
        // The retry line tells the browser to reconnect quickly when the server restarts.
        continuation.yield(
            Array(
                ("retry: 500\n"
                    + LiveReload.event(
                        "hello", id: build, data: Self.json(["build": .int(build)]))).utf8))
        if let error {
            continuation.yield(
                Array(
                    LiveReload.event(
                        "failed", id: build,
                        data: Self.json(["build": .int(build), "error": .string(error)])
                    ).utf8))
        }
        return stream
    }

    /// A comment line every so often, so a page that went away is noticed and dropped.
    public func ping() {
        for listener in listeners.values { listener.yield(Array(": ping\n\n".utf8)) }
    }

    public var listenerCount: Int { listeners.count }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    private func send(_ name: String, data: String) {
        let bytes = Array(LiveReload.event(name, id: build, data: data).utf8)
        for listener in listeners.values { listener.yield(bytes) }
    }

    private static func json(_ object: [String: JSONValue]) -> String {
        JSONValue.object(object).encoded()
    }
}

/// An event stream as the byte sequence FlyingFox sends as a chunked body.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                return chunk
            }
            defer { pending = [] }
            return pending
        }
    }
}
