import CLibPQ
import Foundation

extension PostgresConnection {
    /// The cancel token of every open connection. A build stopped with Ctrl-C or SIGTERM
    /// left its statements running on the server until their timeout (a blind test's
    /// `pg_sleep(30)` ran on after the process had gone); `cancelAll` asks the server to
    /// stop them first.
    private final class OpenConnections: @unchecked Sendable {
        // @unchecked: every access holds `lock`.
        let lock = NSLock()
        var tokens: [ObjectIdentifier: OpaquePointer] = [:]
    }

    private static let open = OpenConnections()

    /// Records this connection's cancel token; `unregister` frees it.
    func register() {
        guard let token = PQgetCancel(handle) else { return }
        Self.open.lock.withLock { Self.open.tokens[ObjectIdentifier(self)] = token }
    }

    func unregister() {
        let token = Self.open.lock.withLock {
            Self.open.tokens.removeValue(forKey: ObjectIdentifier(self))
        }
        if let token { PQfreeCancel(token) }
    }

    /// Asks the server to cancel whatever statement each open connection is running; a
    /// connection at rest ignores it. Called when the process is interrupted.
    public static func cancelAll() {
        open.lock.withLock {
            var buffer = [CChar](repeating: 0, count: 256)
            for token in open.tokens.values {
                _ = PQcancel(token, &buffer, Int32(buffer.count))
            }
        }
    }
}
