import FlyingFox
import FlyingSocks
import Foundation

/// Why the preview server could not start.
public struct PreviewServerError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case portTaken
        case badHost
        case other(String)
    }

    public var host: String
    public var port: UInt16
    public var reason: Reason

    public var description: String {
        switch reason {
        case .portTaken:
            return
                "port \(port) on \(host) is already in use (another `almanac serve`?); pass --port with a free port, such as --port \(port == UInt16.max ? 8001 : port + 1)"
        case .badHost:
            return
                "--host \(host): not an IPv4 or IPv6 address; use 127.0.0.1 (the default), ::1, or 0.0.0.0 to listen on every interface"
        case .other(let message):
            return "cannot listen on \(host):\(port): \(message)"
        }
    }
}

/// Serves a built site over HTTP for preview, with the live-reload script added to every
/// HTML page and the event stream that drives it. FlyingFox does the HTTP; this only maps
/// paths to files (never outside the site) and adds the script.
public struct PreviewServer: Sendable {
    public var site: SitePath
    public var host: String
    public var port: UInt16
    public var events: LiveEvents

    public init(site: URL, host: String, port: UInt16, events: LiveEvents, files: any FileSystem) {
        self.site = SitePath(root: site, files: files)
        self.host = host
        self.port = port
        self.events = events
    }

    /// Listens until the task is cancelled; `ready` is called once the port is bound.
    /// - Throws: `PreviewServerError`, for a taken port in particular.
    public func run(ready: @escaping @Sendable () -> Void) async throws {
        let address: any SocketAddress
        do {
            address =
                host.contains(":")
                ? try sockaddr_in6.inet6(ip6: host, port: port)
                : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw PreviewServerError(host: host, port: port, reason: .badHost)
        }
        let server = HTTPServer(config: .init(address: address, timeout: 60, logger: .disabled))
        let site = self.site
        let events = self.events
        await server.appendRoute(HTTPRoute("GET \(LiveReload.scriptPath)")) { _ in
            FlyingFox.HTTPResponse(
                statusCode: .ok,
                headers: [
                    .contentType: "text/javascript; charset=utf-8",
                    .init("Cache-Control"): "no-store",
                ],
                body: Data(LiveReload.script.utf8))
        }
        await server.appendRoute(HTTPRoute("GET \(LiveReload.eventsPath)")) { _ in
            let stream = await events.subscribe()
            return FlyingFox.HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .init("Cache-Control"): "no-store"],
                body: HTTPBodySequence(from: EventBytes(stream: stream), suggestedBufferSize: 1))
        }
        await server.appendRoute(HTTPRoute("GET *")) { request in
            Self.respond(to: request.path, encoded: request.target.path(), in: site)
        }
        // HEAD, as link checkers and `curl -I` ask: GET's status and headers, no body (it
        // answered 404 for every file).
        // Its Content-Length is GET's (it said 0, which a fault test read as an empty file).
        await server.appendRoute(HTTPRoute("HEAD *")) { request in
            let full = Self.respond(to: request.path, encoded: request.target.path(), in: site)
            var headers = full.headers
            headers[.contentLength] = String(try await full.bodyData.count)
            return FlyingFox.HTTPResponse(
                statusCode: full.statusCode, headers: headers, body: Data())
        }
        // Any other method: the site is read-only (POST, PUT, DELETE were answered 404).
        await server.appendRoute(HTTPRoute("*")) { request in
            FlyingFox.HTTPResponse(
                statusCode: .methodNotAllowed,
                headers: [
                    .contentType: "text/plain; charset=utf-8", .init("Allow"): "GET, HEAD",
                    .init("X-Content-Type-Options"): "nosniff",
                ],
                body: Data(
                    "405: the preview serves GET and HEAD, not \(request.method.rawValue)\n".utf8))
        }
        let pinger = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(10))
                await events.ping()
            }
        }
        defer { pinger.cancel() }
        let readiness = Task {
            try await server.waitUntilListening(timeout: 10)
            ready()
        }
        defer { readiness.cancel() }
        do {
            try await server.run()
        } catch let error as SocketError {
            if case .failed(_, let code, _) = error, code == EADDRINUSE {
                throw PreviewServerError(host: host, port: port, reason: .portTaken)
            }
            throw PreviewServerError(
                host: host, port: port, reason: .other(String(describing: error)))
        }
    }

    /// A page the site does not hold: a first build that failed, or a question whose build
    /// failed, left none. It is 404 as HTML with the live-reload script, so the build's error
    /// shows over it and it reloads once a build writes the page (plain text showed neither,
    /// and the tab stayed on the 404 after the fix: blind test 55). The path is escaped.
    static func notBuilt(_ path: String) -> FlyingFox.HTTPResponse {
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Not built yet</title></head>
            <body>
            <h1>No page at \(HTMLText.escape(path)) yet</h1>
            <p>The site does not hold this page: the build has not written it, or failed. If a build \
            failed, its error shows over this page. This page reloads when a build succeeds.</p>
            </body>
            </html>

            """
        return FlyingFox.HTTPResponse(
            statusCode: .notFound,
            headers: [
                .contentType: "text/html; charset=utf-8", .init("Cache-Control"): "no-store",
                .init("X-Content-Type-Options"): "nosniff",
            ],
            body: Data(LiveReload.inject(into: page).utf8))
    }

    /// The response for one GET: the file, with the live-reload script in HTML; 400 for a
    /// path whose percent-encoding is not UTF-8 (`/%ff` was answered with the index, the
    /// server having decoded it to nothing); 403 for a path outside the site; 404 for a
    /// missing file, as HTML with the script for a page (`notBuilt`). `encoded` is the path
    /// as the request gave it.
    static func respond(
        to path: String, encoded: String? = nil, in site: SitePath
    ) -> FlyingFox.HTTPResponse {
        // The messages quote the path: never to be read as HTML.
        let plain: HTTPHeaders = [
            .contentType: "text/plain; charset=utf-8", .init("X-Content-Type-Options"): "nosniff",
        ]
        if let encoded, encoded.removingPercentEncoding == nil {
            return FlyingFox.HTTPResponse(
                statusCode: .badRequest, headers: plain,
                body: Data("400: \(encoded): the path's percent-encoding is not UTF-8\n".utf8))
        }
        let file: URL
        do {
            // The path as sent, before anything resolved its dots: "/../../etc/passwd"
            // reached here as "/etc/passwd" (404), and "/.." as "/" (the index).
            if let encoded { _ = try site.file(for: encoded.removingPercentEncoding ?? encoded) }
            file = try site.file(for: path)
        } catch {
            return FlyingFox.HTTPResponse(
                statusCode: .forbidden, headers: plain, body: Data("403: \(error)\n".utf8))
        }
        // A file that cannot be read is as good as missing to a browser.
        guard var data = try? site.files.contents(of: file) else {
            if file.pathExtension == "html" { return notBuilt(path) }
            return FlyingFox.HTTPResponse(
                statusCode: .notFound, headers: plain,
                body: Data("404: \(path): no such file in the site\n".utf8))
        }
        let type = SitePath.contentType(of: file)
        if file.pathExtension == "html", let html = String(data: data, encoding: .utf8) {
            data = Data(LiveReload.inject(into: html).utf8)
        }
        return FlyingFox.HTTPResponse(
            statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"],
            body: data)
    }
}
