import Foundation

/// A request path that the preview server refuses to serve.
public struct SitePathError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String

    public var description: String { "\(path): outside the site" }
}

/// Maps a request path to a file inside the site folder, and nothing outside it.
public struct SitePath: Sendable {
    /// The site folder, symbolic links resolved.
    public var root: URL
    /// Where the site's files are looked up.
    public var files: any FileSystem

    public init(root: URL, files: any FileSystem) {
        self.files = files
        self.root = files.resolvingLinks(root).standardizedFileURL
    }

    /// The file a request path names: `/` and folders mean their `index.html`.
    /// - Throws: `SitePathError` for a path with a `..` or `.` segment (percent-encoded or
    ///   not), a NUL, a backslash, or one that leads out of the site through a symbolic link.
    ///   A file that is not there is not an error: the caller answers 404.
    public func file(for requestPath: String) throws -> URL {
        let raw = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        // Decoded once, as the server already did, and once more, so `%252e%252e` is refused too.
        let once = raw.removingPercentEncoding ?? raw
        let decoded = once.removingPercentEncoding ?? once
        for text in [raw, once, decoded] {
            if text.contains("\0") || text.contains("\\") { throw SitePathError(path: requestPath) }
            let segments = text.split(separator: "/", omittingEmptySubsequences: true)
            if segments.contains(where: { $0 == ".." || $0 == "." }) {
                throw SitePathError(path: requestPath)
            }
        }
        let segments = once.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var url = root
        for segment in segments { url.append(path: segment, directoryHint: .notDirectory) }
        if files.isDirectory(url) {
            url.append(path: "index.html", directoryHint: .notDirectory)
        }
        // A symbolic link inside the site may point anywhere; what it resolves to must stay inside.
        let resolved = files.resolvingLinks(url).standardizedFileURL.path
        guard resolved == root.path || resolved.hasPrefix(root.path + "/") else {
            throw SitePathError(path: requestPath)
        }
        return URL(fileURLWithPath: resolved)
    }

    /// The Content-Type of a site file, by its extension.
    public static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt": "text/plain; charset=utf-8"
        // The feed: a browser shows it, or hands it to a feed reader, rather than
        // downloading it (a tester's `feed.xml` was saved as a file).
        case "xml": "application/atom+xml; charset=utf-8"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
