import CShims
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

/// Publishes a site's files into its folder, atomically and incrementally.
///
/// The new site is assembled in a staging folder beside the target: the current files are
/// hard-linked in (so an unchanged file keeps its inode and modification time, and rsync and
/// git see nothing), changed files are written over their links, and files the build no
/// longer produces are removed. Only then is the staging folder swapped in. A failure at any
/// step removes the staging folder and leaves the previous site exactly as it was.
public struct SiteWriter {
    public init() {}

    /// The file types a build owns in its output folder; anything else there is left alone.
    static func isOwned(_ relative: String) -> Bool {
        if relative.hasPrefix("assets/") { return true }
        guard !relative.contains("/") else { return false }
        return relative == "feed.xml"
            || [".html", ".md", ".json"].contains { relative.hasSuffix($0) }
    }

    /// The staging folder of a target: `site` → `site.staging`, beside it.
    public static func stagingFolder(for folder: URL) -> URL {
        folder.deletingLastPathComponent().appending(path: folder.lastPathComponent + ".staging")
    }

    /// - Parameters:
    ///   - files: relative path → content.
    ///   - force: rewrite every file even when unchanged.
    /// - Throws: `SiteError` naming the file that could not be written.
    public func publish(_ files: [String: Data], to folder: URL, force: Bool = false) throws
        -> WriteSummary
    {
        let site = try begin(folder, force: force)
        do {
            for relative in files.keys.sorted() { try site.put(relative, files[relative]!) }
            return try site.finish()
        } catch {
            site.abandon()
            throw error
        }
    }

    /// Starts a new version of the site beside the current one, for pages written as they
    /// are rendered (`StagingSite.put`), from any number of tasks at once; nothing is
    /// published before `finish()`.
    /// - Throws: `SiteError` when the target is refused or the staging folder cannot be made.
    public func begin(_ folder: URL, force: Bool = false) throws -> StagingSite {
        let manager = FileManager.default
        try checkTarget(folder)
        // A mount point cannot be renamed (EBUSY), and a folder beside it is on another file
        // system, where hard links fail: its site is staged inside it and swapped entry by entry.
        let mounted = Self.isMountPoint(folder)
        let staging =
            mounted ? folder.appending(path: Self.innerStaging) : Self.stagingFolder(for: folder)
        if manager.fileExists(atPath: staging.path) {
            guard Self.isOwnStaging(staging) else {
                throw SiteError(
                    path: staging.path,
                    message:
                        "exists and was not made by Almanac (it has no \(Self.stagingMarker) file); "
                        + "a build stages the new site there, so move it away")
            }
            try attempt(
                staging.path, "cannot remove the staging folder of an earlier, failed build"
            ) {
                try manager.removeItem(at: staging)
            }
        }
        do {
            let existing = try prepare(staging, from: folder)
            return StagingSite(
                writer: self, folder: folder, staging: staging, mounted: mounted,
                existing: existing, force: force)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Publishes a finished staging folder: deletes what the build no longer produces, then
    /// swaps it in, or discards it when nothing changed.
    fileprivate func finish(_ site: StagingSite, produced: Set<String>, summary: WriteSummary)
        throws
        -> WriteSummary
    {
        let manager = FileManager.default
        var summary = summary
        do {
            for relative in site.existing
            where Self.isOwned(relative) && !produced.contains(relative) {
                try attempt(relative, "cannot delete a stale file") {
                    try manager.removeItem(at: site.staging.appending(path: relative))
                }
                summary.deleted += 1
            }
            if summary.written == 0 && summary.deleted == 0
                && manager.fileExists(atPath: site.folder.path)
            {
                try? manager.removeItem(at: site.staging)
                return summary
            }
            if site.mounted {
                try swapContents(site.staging, into: site.folder)
            } else {
                try swap(site.staging, into: site.folder)
            }
            return summary
        } catch {
            try? manager.removeItem(at: site.staging)
            throw error
        }
    }

    public static let generatorMarker = #"<meta name="generator" content="Almanac">"#

    /// The file that marks a staging folder as Almanac's own while it is assembled; it is
    /// removed just before the swap, so it never reaches the site.
    public static let stagingMarker = ".almanac-staging"

    /// The staging folder inside an `--out` that is a mount point.
    static let innerStaging = ".almanac-staging.d"

    /// Entries of the output folder that are not the site: the inner staging folder, and the
    /// `lost+found` that ext2/3/4 put at the root of every file system.
    static let ignoredEntries: Set<String> = [innerStaging, "lost+found"]

    /// True when the folder is the root of a mounted file system (its device differs from
    /// its parent's), such as a container volume or a tmpfs.
    static func isMountPoint(_ folder: URL) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(folder.path, &own) == 0,
            stat(folder.deletingLastPathComponent().path, &parent) == 0
        else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }

    /// True for a staging folder a build may delete: one it marked, or the previous site that
    /// a swap left there (its index.html carries the generator marker).
    static func isOwnStaging(_ staging: URL) -> Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: staging.appending(path: stagingMarker).path) { return true }
        let index = manager.contents(atPath: staging.appending(path: "index.html").path) ?? Data()
        return String(decoding: index, as: UTF8.self).contains(generatorMarker)
    }

    /// Refuses an output path that is `/`, the home folder, a file, or a folder holding files
    /// but no Almanac site. A build calls it before any other work, and `publish` again.
    /// - Throws: `SiteError` saying why the folder cannot hold the site.
    func checkTarget(_ folder: URL, home: String? = nil) throws {
        let manager = FileManager.default
        let resolved = folder.resolvingSymlinksInPath().standardizedFileURL.path
        if resolved == "/" {
            throw SiteError(
                path: folder.path,
                message: "is the root folder; choose a folder of its own for the site")
        }
        if let home,
            resolved
                == URL(fileURLWithPath: home).resolvingSymlinksInPath().standardizedFileURL.path
        {
            throw SiteError(
                path: folder.path,
                message: "is the home folder; choose a folder of its own for the site")
        }
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw SiteError(
                path: folder.path, message: "is a file, not a folder; choose another --out")
        }
        let entries = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !Self.ignoredEntries.contains($0) }
        guard !entries.isEmpty else { return }
        let index = manager.contents(atPath: folder.appending(path: "index.html").path) ?? Data()
        guard String(decoding: index, as: UTF8.self).contains(Self.generatorMarker) else {
            throw SiteError(
                path: folder.path,
                message:
                    "holds files but no Almanac site (no index.html written by Almanac); a build replaces and deletes pages in its folder, so choose an empty or new folder"
            )
        }
    }

    /// The staging folder with its marker and a hard link to every current file, so an
    /// unchanged file keeps its inode and modification time. Returns the current files.
    private func prepare(_ staging: URL, from folder: URL) throws -> [String] {
        let manager = FileManager.default
        try attempt(staging.path, "cannot create the staging folder") {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data().write(to: staging.appending(path: Self.stagingMarker))
        }
        let existing = existingFiles(in: folder)
        for relative in existing {
            let target = staging.appending(path: relative)
            try attempt(target.path, "cannot link the current file into the staging folder") {
                try manager.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.linkItem(at: folder.appending(path: relative), to: target)
            }
        }
        return existing
    }

    /// Writes one file into staging unless it holds these bytes already; true when written.
    fileprivate func write(_ content: Data, to url: URL, force: Bool) throws -> Bool {
        let manager = FileManager.default
        if !force, let current = manager.contents(atPath: url.path), current == content {
            return false
        }
        try attempt(url.path, "cannot write") {
            try manager.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Replace the link, never write through it: the old site must stay intact.
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
            try content.write(to: url)
        }
        return true
    }

    private func swap(_ staging: URL, into folder: URL) throws {
        let manager = FileManager.default
        try attempt(staging.path, "cannot remove the staging marker") {
            try manager.removeItem(at: staging.appending(path: Self.stagingMarker))
        }
        guard manager.fileExists(atPath: folder.path) else {
            try attempt(folder.path, "cannot move the new site into place") {
                try manager.moveItem(at: staging, to: folder)
            }
            return
        }
        // Linux swaps the two folders in one step, so the site is never missing.
        if almanac_exchange_paths(staging.path, folder.path) == 0 {
            try attempt(staging.path, "cannot remove the previous site after the swap") {
                try manager.removeItem(at: staging)
            }
            return
        }
        let previous = folder.deletingLastPathComponent().appending(
            path: folder.lastPathComponent + ".previous")
        try? manager.removeItem(at: previous)
        try attempt(folder.path, "cannot move the old site aside") {
            try manager.moveItem(at: folder, to: previous)
        }
        do {
            try manager.moveItem(at: staging, to: folder)
        } catch {
            // Put the old site back before reporting.
            try? manager.moveItem(at: previous, to: folder)
            throw SiteError(
                path: folder.path,
                message: "cannot move the new site into place: \(error.localizedDescription)")
        }
        try? manager.removeItem(at: previous)
    }

    /// Puts a staged site in place inside a mount point, which itself cannot move: each
    /// top-level entry of the staging folder is exchanged with the folder's own in one
    /// `renameat2(RENAME_EXCHANGE)` (or moved in when new), `index.html` last, so the index
    /// only ever links to pages already there. Every file is the old one or the new one; for
    /// the moment of those few renames, the set is part old, part new. Entries the new site
    /// lacks are moved into the staging folder, which is then removed with the old site.
    private func swapContents(_ staging: URL, into folder: URL) throws {
        let manager = FileManager.default
        let names = try manager.contentsOfDirectory(atPath: staging.path)
            .filter { $0 != Self.stagingMarker }
            .sorted { ($0 == "index.html" ? 1 : 0, $0) < ($1 == "index.html" ? 1 : 0, $1) }
        for name in names {
            let new = staging.appending(path: name)
            let old = folder.appending(path: name)
            if manager.fileExists(atPath: old.path) {
                guard almanac_exchange_paths(new.path, old.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    throw SiteError(
                        path: old.path, message: "cannot swap in the new site: \(reason)")
                }
            } else {
                try attempt(old.path, "cannot move the new site into place") {
                    try manager.moveItem(at: new, to: old)
                }
            }
        }
        let kept = Set(names).union(Self.ignoredEntries)
        for name in try manager.contentsOfDirectory(atPath: folder.path) where !kept.contains(name)
        {
            let stale = folder.appending(path: name)
            try attempt(stale.path, "cannot remove a file of the previous site") {
                try manager.moveItem(at: stale, to: staging.appending(path: name))
            }
        }
        try attempt(staging.path, "cannot remove the previous site after the swap") {
            try manager.removeItem(at: staging)
        }
    }

    private func attempt(_ path: String, _ message: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError(path: path, message: "\(message): \(error.localizedDescription)")
        }
    }

    private func existingFiles(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        var result: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.deletingLastPathComponent().standardizedFileURL.path == base,
                Self.ignoredEntries.contains(url.lastPathComponent)
            {
                walker?.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
                !isFolder.boolValue
            else { continue }
            result.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }
}

/// A new version of a site being written (`SiteWriter.begin`): pages go to disk as they are
/// rendered, so the build never holds the whole site in memory.
public final class StagingSite: @unchecked Sendable {
    // @unchecked: the counters and the set of produced paths are only touched under `lock`;
    // the other properties are constants, and each path is written by one task.
    private let lock = NSLock()
    let writer: SiteWriter
    let folder: URL
    let staging: URL
    let mounted: Bool
    let existing: [String]
    let force: Bool
    private var produced = Set<String>()
    private var summary = WriteSummary(written: 0, kept: 0, deleted: 0)
    private var bytes = 0

    init(
        writer: SiteWriter, folder: URL, staging: URL, mounted: Bool, existing: [String],
        force: Bool
    ) {
        self.writer = writer
        self.folder = folder
        self.staging = staging
        self.mounted = mounted
        self.existing = existing
        self.force = force
    }

    /// Writes one file of the new site, by its path inside the site.
    /// - Throws: `SiteError` for a path produced twice or a file that cannot be written.
    public func put(_ relative: String, _ content: Data) throws {
        let fresh = lock.withLock { produced.insert(relative).inserted }
        guard fresh else { throw SiteError(path: relative, message: "written twice by one build") }
        let written = try writer.write(content, to: staging.appending(path: relative), force: force)
        lock.withLock {
            bytes += content.count
            if written { summary.written += 1 } else { summary.kept += 1 }
        }
    }

    /// Bytes put so far.
    public var size: Int { lock.withLock { bytes } }

    /// Publishes the new site.
    public func finish() throws -> WriteSummary {
        let (produced, summary) = lock.withLock { (self.produced, self.summary) }
        return try writer.finish(self, produced: produced, summary: summary)
    }

    /// Removes the staging folder; the current site stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
