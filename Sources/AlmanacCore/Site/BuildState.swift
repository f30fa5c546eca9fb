import Foundation

/// What the last successful build saw, so that a rebuild with no changed input can skip the
/// work entirely: `SiteLayout.buildState` beside the output folder (git-ignored).
///
/// The fingerprint covers every input: the questions file's bytes, the database file's size,
/// modification time, identity (device, inode, change time) and SQLite change counter (and
/// its WAL file's), the templates folder,
/// plotly.js, the answer cache, the options and the Almanac binary. The recorded output files
/// (size and modification time) prove the site was not touched since.
struct BuildState: Codable, Equatable {
    var fingerprint: String
    var files: [String: Stamp]
    var pages: Int
    var asOf: String
    /// The build's warnings: a rebuild that takes the shortcut says them again, since what
    /// caused them (a missing `--plotly-file`, a back-dated `--as-of`) is still there. Nil in
    /// a state written before warnings were recorded.
    var warnings: [String]? = nil

    struct Stamp: Codable, Equatable {
        var size: Int
        var modified: Double
    }

    /// The state the last build recorded; nil when there is none, or it cannot be read or
    /// decoded (another version wrote it): the build then simply does all its work.
    static func load(from layout: SiteLayout, files: any FileSystem) -> BuildState? {
        guard let data = try? files.contents(of: layout.buildState) else { return nil }
        return try? JSONDecoder().decode(BuildState.self, from: data)
    }

    /// Records the state. A failure only costs the next build its shortcut, so the caller
    /// reports it as a warning.
    /// - Throws: `SiteError` with the state file's path and the system's reason.
    func save(to layout: SiteLayout, files: any FileSystem) throws {
        let url = layout.buildState
        do {
            try files.createDirectory(at: url.deletingLastPathComponent())
            try files.write(Data(json.utf8), to: url)
        } catch {
            throw SiteError(
                path: url.path,
                message:
                    "cannot save the build state (the next build will redo all its work): \(error.localizedDescription)"
            )
        }
    }

    /// The state as JSON with sorted keys, written out directly: at 10,000 questions
    /// `JSONEncoder`'s tree of the site's 54,000 stamps added about 12 MB to the build's last
    /// moment, for a 2.3 MB file. `load` reads it with `JSONDecoder`.
    var json: String {
        let quoted = { (text: String) in JSONValue.string(text).encoded() }
        var text = #"{"asOf":"# + quoted(asOf) + #","files":{"#
        for (number, path) in files.keys.sorted().enumerated() {
            let stamp = files[path]!
            text += (number == 0 ? "" : ",") + quoted(path) + #":{"modified":"#
            text += JSONValue.format(stamp.modified) + #","size":\#(stamp.size)}"#
        }
        text += #"},"fingerprint":"# + quoted(fingerprint) + #","pages":\#(pages)"#
        if let warnings {
            text += #","warnings":["# + warnings.map(quoted).joined(separator: ",") + "]"
        }
        return text + "}"
    }

    /// The size and modification time of every file under a folder, but the top-level
    /// entries in `skip`. A folder that is not there has none; nil when the folder, or one
    /// below it, is there but cannot be listed: then nothing can tell whether its files
    /// changed.
    static func stamps(in folder: URL, files: any FileSystem, skipping skip: Set<String> = [])
        -> [String: Stamp]?
    {
        guard files.exists(folder) else { return [:] }
        guard let paths = try? files.files(under: folder, skipping: skip) else { return nil }
        var result: [String: Stamp] = [:]
        for relative in paths {
            if let stamp = stamp(folder.appending(path: relative).path, files: files) {
                result[relative] = stamp
            }
        }
        return result
    }

    /// Size and modification time of a file; nil when it is not there or is a folder.
    static func stamp(_ path: String, files: any FileSystem) -> Stamp? {
        guard let attributes = files.attributes(of: URL(fileURLWithPath: path)),
            attributes.kind != .directory
        else { return nil }
        return Stamp(size: attributes.size, modified: attributes.modified)
    }

    /// A text describing a file without reading it all: size, modification time, identity
    /// (device, inode and change time, `FileAttributes.identity`), and for a SQLite file its
    /// change counter, which every committed write increments.
    static func describe(_ path: String, files: any FileSystem) -> String {
        guard let attributes = files.attributes(of: URL(fileURLWithPath: path)),
            attributes.kind != .directory
        else { return "\(path): absent" }
        var text = "\(path):\(attributes.size):\(attributes.modified)"
        if !attributes.identity.isEmpty { text += ":" + attributes.identity }
        // A header that cannot be read leaves the size and time to tell a change.
        if let header = try? files.contents(of: URL(fileURLWithPath: path), limit: 100),
            header.count == 100
        {
            text += ":" + header[24..<28].map { String($0) }.joined(separator: ".")
        }
        return text
    }
}
