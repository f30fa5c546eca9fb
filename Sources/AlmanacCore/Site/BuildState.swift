import Foundation

/// What the last successful build saw, so that a rebuild with no changed input can skip the
/// work entirely: `.almanac/<site>.state.json` beside the output folder (git-ignored).
///
/// The fingerprint covers every input: the questions file's bytes, the database file's size,
/// modification time and SQLite change counter (and its WAL file's), the templates folder,
/// plotly.js, the answer cache, the options and the Almanac binary. The recorded output files
/// (size and modification time) prove the site was not touched since.
struct BuildState: Codable, Equatable {
    var fingerprint: String
    var files: [String: Stamp]
    var pages: Int
    var asOf: String

    struct Stamp: Codable, Equatable {
        var size: Int
        var modified: Double
    }

    static func location(for folder: URL) -> URL {
        folder.deletingLastPathComponent().appending(path: ".almanac")
            .appending(path: folder.lastPathComponent + ".state.json")
    }

    static func load(for folder: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: location(for: folder).path) else {
            return nil
        }
        return try? JSONDecoder().decode(BuildState.self, from: data)
    }

    /// Records the state; a failure only costs the next build its shortcut.
    func save(for folder: URL) {
        let url = Self.location(for: folder)
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try? encoder.encode(self).write(to: url, options: .atomic)
    }

    /// The size and modification time of every file under a folder.
    static func stamps(in folder: URL) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let base = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard let stamp = stamp(url.path), !url.hasDirectoryPath else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = stamp
        }
        return result
    }

    static func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.type] as? FileAttributeType) != .typeDirectory
        else { return nil }
        let size = (attributes[.size] as? Int) ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Stamp(size: size, modified: modified)
    }

    /// A text describing a file without reading it all: size, modification time, and for a
    /// SQLite file its change counter, which every committed write increments.
    static func describe(_ path: String) -> String {
        guard let stamp = stamp(path) else { return "\(path): absent" }
        var text = "\(path):\(stamp.size):\(stamp.modified)"
        if let handle = FileHandle(forReadingAtPath: path) {
            if let header = try? handle.read(upToCount: 100), header.count == 100 {
                text += ":" + header[24..<28].map { String($0) }.joined(separator: ".")
            }
            try? handle.close()
        }
        return text
    }
}
