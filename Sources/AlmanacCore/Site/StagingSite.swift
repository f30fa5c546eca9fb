import Foundation

/// A new version of a site being written (`SiteWriter.begin`): pages go to disk as they are
/// rendered, so the build never holds the whole site in memory.
public final class StagingSite: @unchecked Sendable {
    // @unchecked: the counters and the set of produced paths are only touched under `lock`;
    // the other properties are constants, and each path is written by one task.
    private let lock = NSLock()
    let writer: SiteWriter
    let layout: SiteLayout
    let staging: URL
    let mounted: Bool
    let existing: [String]
    /// `existing`, the files `SiteWriter.prepare` linked into the fresh staging folder: the
    /// only ones there before the build puts its own.
    private let linked: Set<String>
    let force: Bool
    /// The files the last build recorded in its state, when there is one.
    private let recorded: Set<String>?
    private var produced = Set<String>()
    /// Folders of the staging site that files were written into.
    private var folders = Set<Substring>()
    private var summary = WriteSummary(written: 0, kept: 0, deleted: 0)
    private var bytes = 0

    init(
        writer: SiteWriter, layout: SiteLayout, staging: URL, mounted: Bool, existing: [String],
        force: Bool
    ) {
        self.writer = writer
        self.layout = layout
        self.staging = staging
        self.mounted = mounted
        self.existing = existing
        linked = Set(existing)
        self.force = force
        recorded = BuildState.load(from: layout, files: writer.files).map { Set($0.files.keys) }
    }

    /// Whether a file of the current site is one an Almanac build wrote (`SiteWriter.isAlmanacs`).
    func isAlmanacs(_ relative: String) -> Bool {
        writer.isAlmanacs(relative, in: staging, recorded: recorded)
    }

    /// Writes one file of the new site, by its path inside the site.
    /// - Throws: `SiteError` for a path produced twice or a file that cannot be written.
    public func put(_ relative: String, _ content: Data) throws {
        let folder = relative[..<(relative.lastIndex(of: "/") ?? relative.startIndex)]
        let (fresh, folderReady) = lock.withLock {
            (produced.insert(relative).inserted, folders.contains(folder))
        }
        guard fresh else { throw SiteError(path: relative, message: "written twice by one build") }
        // A question named like a file someone else put in the site ("notes.html") would
        // replace it: a blind test lost its notes.md and notes.html so.
        if linked.contains(relative), !isAlmanacs(relative) {
            throw SiteError(
                path: relative,
                message:
                    "is in the site folder but was not written by Almanac, and this build has a file of that name; "
                    + "move the file, or give its question another `id:`")
        }
        let written = try writer.write(
            content, to: staging.appending(path: relative), force: force,
            present: linked.contains(relative), folderReady: folderReady)
        lock.withLock {
            folders.insert(folder)
            bytes += content.count
            if written { summary.written += 1 } else { summary.kept += 1 }
        }
    }

    /// Bytes put so far.
    public var size: Int { lock.withLock { bytes } }

    /// The paths put so far: after `finish()`, the files of the new site that are Almanac's.
    public var producedPaths: Set<String> { lock.withLock { produced } }

    /// Publishes the new site.
    public func finish() throws -> WriteSummary {
        let (produced, summary) = lock.withLock { (self.produced, self.summary) }
        return try writer.finish(self, produced: produced, summary: summary)
    }

    /// Removes the staging folder; the current site stays as it was. Called after a failure,
    /// whose error is the one to report: a marked staging folder left behind is removed by
    /// the next build.
    public func abandon() {
        try? writer.files.removeItem(at: staging)
    }
}
