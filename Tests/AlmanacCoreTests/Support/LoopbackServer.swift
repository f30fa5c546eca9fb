import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that speaks just enough of the wire format for the
/// Chat Completions client: it records every request and answers from a script.
final class LoopbackServer: @unchecked Sendable {
    // @unchecked: `recorded` and `script` are only touched under `lock`; the socket is owned
    // by the accept thread until `stop()`.

    struct Reply {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
        /// Seconds to wait before answering, to provoke a client timeout.
        var delay: Double = 0
        /// Close the connection without answering.
        var drop = false
    }

    struct Request {
        var method: String
        var path: String
        /// Header names lowercased.
        var headers: [String: String]
        var body: Data

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }
    }

    private let lock = NSLock()
    private var script: [Reply]
    private var recorded: [Request] = []
    private let socket: Int32
    private(set) var port: UInt16 = 0
    private var stopped = false

    /// The base URL, as `OPENAI_BASE_URL` would give it.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Whether `count` requests have arrived before `limit` has passed.
    func waitForRequests(_ count: Int, within limit: Duration) async -> Bool {
        let end = ContinuousClock.now + limit
        while requests.count < count {
            guard ContinuousClock.now < end else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Starts listening; replies are used in order, and the last one repeats.
    init(_ replies: [Reply]) throws {
        script = replies
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw CocoaError(.fileWriteUnknown)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socket, $0, &length)
            }
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        stop()
    }

    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if !wasStopped {
            shutdown(socket, Int32(SHUT_RDWR))
            close(socket)
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func nextReply() -> Reply {
        lock.lock()
        defer { lock.unlock() }
        return script.count > 1 ? script.removeFirst() : script[0]
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = read(client) else { return }
        lock.lock()
        recorded.append(request)
        lock.unlock()
        let reply = nextReply()
        if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
        if reply.drop { return }
        let body = Data(reply.body.utf8)
        var head = "HTTP/1.1 \(reply.status) Status\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        let bytes = Data((head + "\r\n").utf8) + body
        bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = send(
                    client, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if count <= 0 { return }
                sent += count
            }
        }
    }

    /// Reads one request: the head up to a blank line, then Content-Length bytes of body.
    private func read(_ client: Int32) -> Request? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let end = data.range(of: separator) {
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let first = lines.removeFirst().split(separator: " ")
                guard first.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                        .trimmingCharacters(in: .whitespaces)
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                while data.count - end.upperBound < length {
                    let count = recv(client, &buffer, buffer.count, 0)
                    if count <= 0 { return nil }
                    data.append(contentsOf: buffer[0..<count])
                }
                let body = data[end.upperBound..<(end.upperBound + length)]
                return Request(
                    method: String(first[0]), path: String(first[1]), headers: headers,
                    body: Data(body))
            }
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// A Chat Completions success body.
    static func answer(_ content: String, finish: String = "stop") -> String {
        let escaped = String(
            data: try! JSONSerialization.data(withJSONObject: [content], options: []),
            encoding: .utf8)!
        let text = escaped.dropFirst().dropLast()
        return
            #"{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"#
            + text + #"},"finish_reason":""# + finish
            + #""}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"#
    }
}
