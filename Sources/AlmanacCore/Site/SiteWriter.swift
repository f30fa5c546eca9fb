import Foundation

/// How a publish went, for the build's summary line.
public struct WriteSummary: Sendable, Equatable {
    public var written: Int
    public var kept: Int
    public var deleted: Int
}

/// A problem writing the site.
public struct SiteError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// Writes a site's files into a folder. A file whose bytes are unchanged is left alone, so
/// its modification time stays and rsync and git see nothing; files of the site that are no
/// longer produced are deleted.
public struct SiteWriter {
    public init() {}

    /// The file types a build owns in its output folder; anything else there is left alone.
    static func isOwned(_ relative: String) -> Bool {
        if relative.hasPrefix("assets/") { return true }
        guard !relative.contains("/") else { return false }
        return [".html", ".md", ".json"].contains { relative.hasSuffix($0) }
    }

    /// - Parameters:
    ///   - files: relative path → content.
    ///   - force: rewrite every file even when unchanged.
    /// - Throws: `SiteError` naming the file that could not be written.
    public func publish(_ files: [String: Data], to folder: URL, force: Bool = false) throws
        -> WriteSummary
    {
        let manager = FileManager.default
        var summary = WriteSummary(written: 0, kept: 0, deleted: 0)
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SiteError(path: folder.path, message: "cannot create the folder: \(error.localizedDescription)")
        }
        for relative in files.keys.sorted() {
            let url = folder.appending(path: relative)
            let content = files[relative]!
            if !force, let existing = manager.contents(atPath: url.path), existing == content {
                summary.kept += 1
                continue
            }
            do {
                try manager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try content.write(to: url, options: .atomic)
            } catch {
                throw SiteError(path: url.path, message: "cannot write: \(error.localizedDescription)")
            }
            summary.written += 1
        }
        for relative in existingFiles(in: folder) where Self.isOwned(relative) && files[relative] == nil {
            do {
                try manager.removeItem(at: folder.appending(path: relative))
            } catch {
                throw SiteError(path: relative, message: "cannot delete a stale file: \(error.localizedDescription)")
            }
            summary.deleted += 1
        }
        return summary
    }

    private func existingFiles(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        var result: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.hasDirectoryPath { continue }
            result.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }
}
