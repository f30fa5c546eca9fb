import Foundation

/// Where the pages load plotly.js from.
public enum PlotlySource: Sendable, Equatable {
    /// The file setup placed, copied into the site's assets.
    case local(Data)
    /// The plotly.min.js compiled into this binary, decoded only when it is written
    /// (`PlotlyJS.embedded`).
    case embedded
    /// The official CDN, with the pinned file's integrity hash.
    case cdn
}

/// The version of plotly.js the site uses, pinned with the file setup downloads.
public enum PlotlyJS {
    public static let version = "2.35.2"
    public static let cdnURL = "https://cdn.plot.ly/plotly-\(version).min.js"
    /// `sha256-…` of plotly.min.js 2.35.2 as shipped in the plotly 5.24.1 wheel.
    public static let integrity = "sha256-bSEmbOG9fZ5atOEVmJxwwg3gOC/Zc6jyarWGGeuk1gM="
    /// The same hash in hex, as `make setup` pins it.
    public static let sha256 = "6d21266ce1bd7d9e5ab4e115989c70c20de0382fd973a8f26ab58619eba4d603"
    /// The plotly.min.js compiled into this binary (see the EmbedTemplates plugin), or nil for
    /// a binary built before `make setup` fetched it. Decoded at each call: the 4.5 MB are
    /// held only while the file is written, not for the whole process.
    public static var embedded: Data? { BuiltinPlotly.base64.flatMap { Data(base64Encoded: $0) } }
    /// The sha256 of `embedded`, in hex, computed once per process (a preview rebuilds often).
    static let embeddedDigest = embedded.map { SHA256.hex($0) } ?? ""
    /// What a binary without its own plotly.js says on every build.
    public static let missingNotice =
        "this almanac was built without plotly.min.js (run `make setup` before building it), so pages load plotly.js \(version) from \(cdnURL); readers need network access to see the charts. Pass --plotly-file with a downloaded plotly.min.js \(version) to self-host it"
}

extension PlotlySource {
    /// Where pages load plotly.js from: the CDN when asked (`--plotly cdn`), a file given
    /// (`--plotly-file`), else the file compiled into the binary; the CDN, with a warning,
    /// when the file is missing.
    public static func choose(
        fromCDN: Bool, file: String?, read: (String) throws -> Data?, warn: (String) -> Void
    ) -> PlotlySource {
        let fallback = "pages load plotly.js \(PlotlyJS.version) from \(PlotlyJS.cdnURL)"
        if fromCDN {
            warn(fallback + " (--plotly cdn); readers need network access")
            return .cdn
        }
        if let file {
            do {
                // The file is published in the site as it is: a blind test published its
                // SQLite database, learners' names and all, as plotly.js.
                if let data = try read(file) {
                    guard let problem = notJavaScript(data) else { return .local(data) }
                    warn(
                        "--plotly-file \(file): \(problem), not plotly.js, and is not published; \(fallback)"
                    )
                    return .cdn
                }
                warn("--plotly-file \(file): no such file; \(fallback)")
            } catch {
                let reason = (error as? FileSystemError)?.reason ?? "\(error)"
                warn("--plotly-file \(file): cannot be read (\(reason)); \(fallback)")
            }
            return .cdn
        }
        if BuiltinPlotly.base64 != nil { return .embedded }
        warn(PlotlyJS.missingNotice)
        return .cdn
    }

    /// Why a file is not JavaScript text, or nil: binary data (a NUL byte, a SQLite
    /// database) or text that is not UTF-8.
    static func notJavaScript(_ data: Data) -> String? {
        if data.starts(with: Data("SQLite format 3".utf8)) { return "is a SQLite database" }
        if data.contains(0) || String(validating: data, as: UTF8.self) == nil {
            return "is binary data"
        }
        return nil
    }
}
