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
    /// Where the site is read and written.
    public var files: any FileSystem

    public init(files: any FileSystem) {
        self.files = files
    }

    /// The file types a build owns in its output folder; anything else there is left alone.
    static func isOwned(_ relative: String) -> Bool {
        if relative.hasPrefix("assets/") { return true }
        guard !relative.contains("/") else { return false }
        return relative == SiteLayout.feedName
            || [".html", ".md", ".json"].contains { relative.hasSuffix($0) }
    }

    /// - Parameters:
    ///   - pages: relative path → content.
    ///   - force: rewrite every file even when unchanged.
    /// - Throws: `SiteError` naming the file that could not be written.
    public func publish(_ pages: [String: Data], to layout: SiteLayout, force: Bool = false)
        throws -> WriteSummary
    {
        let site = try begin(layout, force: force)
        do {
            for relative in pages.keys.sorted() { try site.put(relative, pages[relative]!) }
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
    public func begin(_ layout: SiteLayout, force: Bool = false) throws -> StagingSite {
        let folder = layout.site
        try checkTarget(folder)
        // A mount point cannot be renamed (EBUSY), and a folder beside it is on another file
        // system, where hard links fail: its site is staged inside it and swapped entry by entry.
        let mounted = files.isMountPoint(folder)
        let staging = layout.stagingFolder(mounted: mounted)
        if files.exists(staging) {
            guard isOwnStaging(staging) else {
                throw SiteError(
                    path: staging.path,
                    message:
                        "exists and was not made by Almanac (it has no \(SiteLayout.stagingMarkerName) file); "
                        + "a build stages the new site there, so move it away")
            }
            try attempt(
                staging.path, "cannot remove the staging folder of an earlier, failed build"
            ) {
                try files.removeItem(at: staging)
            }
        }
        do {
            let existing = try prepare(staging, from: folder)
            return StagingSite(
                writer: self, layout: layout, staging: staging, mounted: mounted,
                existing: existing, force: force)
        } catch {
            // The error says what went wrong; a staging folder left behind is marked as
            // Almanac's and removed by the next build.
            try? files.removeItem(at: staging)
            throw error
        }
    }

    /// Removes the staging folder a build stopped by a signal left behind, when it is marked as
    /// Almanac's: a rebuild that changes nothing never stages, and left it there (blind test
    /// 45). Called under the site's lock.
    public func discardLeftovers(_ layout: SiteLayout) {
        for staging in [layout.staging, layout.innerStaging]
        where files.exists(staging) && isOwnStaging(staging) {
            try? files.removeItem(at: staging)
        }
    }

    /// Publishes a finished staging folder: deletes what the build no longer produces, then
    /// swaps it in, or discards it when nothing changed.
    func finish(_ site: StagingSite, produced: Set<String>, summary: WriteSummary)
        throws
        -> WriteSummary
    {
        var summary = summary
        do {
            // Decided before any is deleted: a twin is Almanac's when its page is.
            let stale = site.existing.filter { !produced.contains($0) && site.isAlmanacs($0) }
            for relative in stale {
                try attempt(relative, "cannot delete a stale file") {
                    try files.removeItem(at: site.staging.appending(path: relative))
                }
                summary.deleted += 1
            }
            if summary.written == 0 && summary.deleted == 0 && files.exists(site.layout.site) {
                // The site stands as it was; an unremovable staging folder is marked as
                // Almanac's, and the next build removes it (or says why it cannot).
                try? files.removeItem(at: site.staging)
                return summary
            }
            if site.mounted {
                try swapContents(site.staging, into: site.layout.site)
            } else {
                try swap(site.staging, into: site.layout)
            }
            return summary
        } catch {
            // As in `begin`: the error is reported, the marked staging folder is litter.
            try? files.removeItem(at: site.staging)
            throw error
        }
    }

    public static let generatorMarker = #"<meta name="generator" content="Almanac">"#

    /// Whether a file of the current site (`folder` holds it) is one an Almanac build wrote,
    /// which a build may replace or delete; anything else there was put by someone else ("a
    /// build never deletes files it did not write"). With the last build's state, the files
    /// it recorded. Without one (a fresh clone: `.almanac/` is not committed), a blind test
    /// lost its README.md, about.html and assets/logo.png to a rule by file type; now a page
    /// is Almanac's when it carries the generator marker, its twin and document when their
    /// page does, and an asset when it has the name of one.
    func isAlmanacs(_ relative: String, in folder: URL, recorded: Set<String>?) -> Bool {
        guard Self.isOwned(relative) else { return false }
        if let recorded { return recorded.contains(relative) }
        if relative.hasPrefix("assets/") {
            let name = String(relative.dropFirst("assets/".count))
            return relative == SearchIndex.path
                || name.range(of: Self.assetName, options: .regularExpression) != nil
        }
        if Self.alwaysWritten.contains(relative) { return true }
        if relative == "index.html" { return carriesMarker(relative, in: folder) }
        // A question's page, its embed page, twin and document: the page carries the marker
        // and the document is the question's. An attack run lost a page of its own (a copy
        // of one of Almanac's, marker and all) and the Markdown file beside it.
        let stem = String(relative.prefix { $0 != "." })
        guard carriesMarker(stem + ".html", in: folder), isDocument(of: stem, in: folder) else {
            return false
        }
        switch relative.dropFirst(stem.count) {
        case ".md":
            return contains("[Page](\(stem).html)", in: relative, folder: folder, tail: true)
        case ".json": return true
        // The page, its embed page, and an earlier build's `<id>.chart-<name>.html`; not a
        // copy such as `<id>.v2.html` (a review).
        case ".html", ".embed.html": return true
        case let rest where rest.hasPrefix(".chart-") && rest.hasSuffix(".html"):
            return carriesMarker(relative, in: folder)
        default: return false
        }
    }

    /// Whether `<stem>.json` is the document of a question whose id is `stem`.
    private func isDocument(of stem: String, in folder: URL) -> Bool {
        contains(#""id": "\#(stem)""#, in: stem + ".json", folder: folder, tail: false)
    }

    /// Whether the first (or, with `tail`, the last) 4 KB of a file hold `text`.
    private func contains(_ text: String, in relative: String, folder: URL, tail: Bool) -> Bool {
        let url = folder.appending(path: relative)
        guard let data = try? files.contents(of: url, limit: tail ? nil : 4096) else {
            return false
        }
        let part = tail ? data.suffix(4096) : data.prefix(4096)
        return String(decoding: part, as: UTF8.self).contains(text)
    }

    /// The files every build writes, whatever its questions.
    private static let alwaysWritten: Set<String> = [
        "index.md", "digest.md", "digest.json", SiteLayout.feedName,
    ]
    /// `style-‹hash›.css`, `almanac-‹hash›.js`, `search-‹hash›.js`, `plotly-‹hash›.min.js`.
    private static let assetName =
        #"^(?:style|almanac|search|plotly)-[0-9a-f]{12}(?:\.min)?\.(?:js|css)$"#

    private func carriesMarker(_ relative: String, in folder: URL) -> Bool {
        guard relative.hasSuffix(".html"),
            let head = try? files.contents(of: folder.appending(path: relative), limit: 4096)
        else { return false }
        return String(decoding: head, as: UTF8.self).contains(Self.generatorMarker)
    }

    /// True for a staging folder a build may delete: one it marked, or the previous site that
    /// a swap left there (its index.html carries the generator marker).
    func isOwnStaging(_ staging: URL) -> Bool {
        if files.exists(SiteLayout.marker(in: staging)) { return true }
        return carriesGeneratorMarker(SiteLayout.index(in: staging))
    }

    /// True when the page was written by Almanac. A page that cannot be read does not prove
    /// it, so the caller refuses the folder (and says why).
    private func carriesGeneratorMarker(_ index: URL) -> Bool {
        guard let data = try? files.contents(of: index) else { return false }
        return String(decoding: data, as: UTF8.self).contains(Self.generatorMarker)
    }

    /// Refuses an output path that is `/`, the home folder, a file, a folder that cannot be
    /// listed, or a folder holding files but no Almanac site. A build calls it before any
    /// other work, and `publish` again.
    /// - Throws: `SiteError` saying why the folder cannot hold the site.
    func checkTarget(_ folder: URL, home: String? = nil) throws {
        let resolved = files.resolvingLinks(folder).standardizedFileURL.path
        if resolved == "/" {
            throw SiteError(
                path: folder.path,
                message: "is the root folder; choose a folder of its own for the site")
        }
        if let home,
            resolved
                == files.resolvingLinks(URL(fileURLWithPath: home)).standardizedFileURL.path
        {
            throw SiteError(
                path: folder.path,
                message: "is the home folder; choose a folder of its own for the site")
        }
        guard let attributes = files.attributes(of: folder) else { return }
        guard attributes.kind == .directory else {
            throw SiteError(
                path: folder.path, message: "is a file, not a folder; choose another --out")
        }
        // The build swaps a new folder in beside it: one this user may not write would be
        // replaced by one they own, its permissions lost (blind test 45).
        guard files.isWritable(folder) else {
            throw SiteError(
                path: folder.path,
                message:
                    "cannot be written by this user, and a build replaces its contents; fix its permissions or choose another --out"
            )
        }
        // A folder that cannot be listed might hold anyone's files: refuse it rather than
        // treat it as empty and replace what is in it.
        let entries: [String]
        do {
            entries = try files.contentsOfDirectory(at: folder)
                .filter { !SiteLayout.foreignEntries.contains($0) }
        } catch {
            throw SiteError(
                path: folder.path,
                message:
                    "cannot list the output folder (\(error.localizedDescription)), so cannot tell whether it holds an Almanac site; fix its permissions or choose another --out"
            )
        }
        // Hidden files (`.gitkeep`, `.nojekyll`, a worktree's `.git` file) keep a folder
        // empty for this check: a build keeps them as it keeps any file it did not write
        // (blind test 45 found a folder of a `.gitkeep` refused). A hidden folder does not.
        let shown = entries.filter { entry in
            !entry.hasPrefix(".")
                || files.attributes(of: folder.appending(path: entry))?.kind != .file
        }
        guard !shown.isEmpty else { return }
        guard carriesGeneratorMarker(SiteLayout(site: folder).index) else {
            throw SiteError(
                path: folder.path,
                message:
                    "holds files but no Almanac site (no index.html written by Almanac); a build replaces and deletes pages in its folder, so choose an empty or new folder"
            )
        }
    }

    /// Refuses a database file inside the site's folder: the build would publish it, with
    /// every learner's name, beside the pages (blind test 45).
    func refuseDatabase(_ database: URL, inside folder: URL) throws {
        let site = files.resolvingLinks(folder).standardizedFileURL.path
        let file = files.resolvingLinks(database).standardizedFileURL.path
        guard file.hasPrefix(site.hasSuffix("/") ? site : site + "/") else { return }
        throw SiteError(
            path: database.path,
            message:
                "is inside the output folder \(folder.path), which a build replaces and publishes; keep the database outside it, or choose another --out"
        )
    }

    /// The staging folder with its marker and a hard link to every current file, so an
    /// unchanged file keeps its inode and modification time. Returns the current files.
    private func prepare(_ staging: URL, from folder: URL) throws -> [String] {
        try attempt(staging.path, "cannot create the staging folder") {
            try files.createDirectory(at: staging)
            try files.write(Data(), to: SiteLayout.marker(in: staging))
        }
        let existing = try existingFiles(in: folder)
        for relative in existing {
            let target = staging.appending(path: relative)
            try attempt(target.path, "cannot link the current file into the staging folder") {
                try files.createDirectory(at: target.deletingLastPathComponent())
                try files.linkItem(at: folder.appending(path: relative), to: target)
            }
        }
        return existing
    }

    /// Writes one file into staging unless it holds these bytes already; true when written.
    /// `present`: the staging folder holds a file there (a link to the current site's);
    /// `folderReady`: the file's folder is known to exist (the staging site made it).
    func write(_ content: Data, to url: URL, force: Bool, present: Bool, folderReady: Bool)
        throws -> Bool
    {
        // A staged file that cannot be read is simply written again.
        if present, !force, let current = try? files.contents(of: url), current == content {
            return false
        }
        try attempt(url.path, "cannot write") {
            if !present && !folderReady {
                try files.createDirectory(at: url.deletingLastPathComponent())
            }
            // Replace the link, never write through it: the old site must stay intact.
            if present { try files.removeItem(at: url) }
            // No reader sees the staging folder, so the file is written under its name.
            try files.writeNew(content, to: url)
        }
        return true
    }

    private func swap(_ staging: URL, into layout: SiteLayout) throws {
        let folder = layout.site
        try attempt(staging.path, "cannot remove the staging marker") {
            try files.removeItem(at: SiteLayout.marker(in: staging))
        }
        guard files.exists(folder) else {
            try attempt(folder.path, "cannot move the new site into place") {
                try files.moveItem(at: staging, to: folder)
            }
            return
        }
        // The new folder takes the old one's permissions and group (a shared site folder
        // `drwxrws---` became `drwxr-xr-x`, blind test 45).
        files.copyPermissions(from: folder, to: staging)
        // Linux swaps the two folders in one step, so the site is never missing.
        if (try? files.exchangeItems(staging, folder)) != nil {
            // The previous site, now at the staging path, is marked as Almanac's before it is
            // removed: a build killed while removing it (thousands of files) left a folder
            // with neither mark nor index.html, which every later build refused.
            try? files.write(Data(), to: SiteLayout.marker(in: staging))
            try attempt(staging.path, "cannot remove the previous site after the swap") {
                try files.removeItem(at: staging)
            }
            return
        }
        let previous = layout.previous
        if files.exists(previous) {
            try attempt(previous.path, "cannot remove the previous site of an earlier build") {
                try files.removeItem(at: previous)
            }
        }
        try attempt(folder.path, "cannot move the old site aside") {
            try files.moveItem(at: folder, to: previous)
        }
        do {
            try files.moveItem(at: staging, to: folder)
        } catch {
            // Put the old site back before reporting; if even that fails, say where it is.
            do {
                try files.moveItem(at: previous, to: folder)
            } catch let restore {
                throw SiteError(
                    path: folder.path,
                    message:
                        "cannot move the new site into place: \(error.localizedDescription); the previous site could not be put back either (\(restore.localizedDescription)) and is in \(previous.path)"
                )
            }
            throw SiteError(
                path: folder.path,
                message: "cannot move the new site into place: \(error.localizedDescription)")
        }
        // The new site is in place; an old copy left beside it is removed by the next build.
        try? files.removeItem(at: previous)
    }

    /// Puts a staged site in place inside a mount point, which itself cannot move: each
    /// top-level entry of the staging folder is exchanged with the folder's own in one
    /// `renameat2(RENAME_EXCHANGE)` (or moved in when new), `index.html` last, so the index
    /// only ever links to pages already there. Every file is the old one or the new one; for
    /// the moment of those few renames, the set is part old, part new. Entries the new site
    /// lacks are moved into the staging folder, which is then removed with the old site.
    private func swapContents(_ staging: URL, into folder: URL) throws {
        let index = SiteLayout(site: folder).index.lastPathComponent
        let names = try attempt(staging.path, "cannot list the staging folder") {
            try files.contentsOfDirectory(at: staging)
        }
        .filter { $0 != SiteLayout.stagingMarkerName }
        .sorted { ($0 == index ? 1 : 0, $0) < ($1 == index ? 1 : 0, $1) }
        for name in names {
            let new = staging.appending(path: name)
            let old = folder.appending(path: name)
            if files.exists(old) {
                try attempt(old.path, "cannot swap in the new site") {
                    try files.exchangeItems(new, old)
                }
            } else {
                try attempt(old.path, "cannot move the new site into place") {
                    try files.moveItem(at: new, to: old)
                }
            }
        }
        let kept = Set(names).union(SiteLayout.foreignEntries)
        let current = try attempt(folder.path, "cannot list the output folder") {
            try files.contentsOfDirectory(at: folder)
        }
        for name in current where !kept.contains(name) {
            let stale = folder.appending(path: name)
            try attempt(stale.path, "cannot remove a file of the previous site") {
                try files.moveItem(at: stale, to: staging.appending(path: name))
            }
        }
        try attempt(staging.path, "cannot remove the previous site after the swap") {
            try files.removeItem(at: staging)
        }
    }

    @discardableResult
    private func attempt<T>(_ path: String, _ message: String, _ body: () throws -> T) throws
        -> T
    {
        do {
            return try body()
        } catch let error as SiteError {
            throw error
        } catch {
            throw SiteError(path: path, message: "\(message): \(error.localizedDescription)")
        }
    }

    /// Every file of the current site, but not the inner staging folder.
    private func existingFiles(in folder: URL) throws -> [String] {
        guard files.exists(folder) else { return [] }
        return try attempt(folder.path, "cannot list the current site") {
            try files.files(under: folder, skipping: SiteLayout.foreignEntries)
        }
    }
}
