import Foundation

/// Every path a build reads or writes beside or inside its output folder, made from that
/// folder. No other type spells these names: they all ask the layout.
///
/// For `--out /srv/reports/site`:
///
/// ```
/// /srv/reports/site/                     the site
/// /srv/reports/site.lock                 the build lock
/// /srv/reports/site.staging/             the next version, while it is written
/// /srv/reports/site.previous/            the old version, for a moment during the swap
/// /srv/reports/.almanac/site.state.json  what the last build saw
/// /srv/reports/.almanac/site.analyses.json  the last build's analysis results
/// ```
public struct SiteLayout: Sendable, Equatable {
    /// The output folder: the published site.
    public var site: URL

    /// The layout of the site published into `site`.
    public init(site: URL) {
        self.site = site
    }

    private var parent: URL { site.deletingLastPathComponent() }
    private var name: String { site.lastPathComponent }

    // MARK: - Beside the site

    /// `.almanac/` beside the site: the build's own records, never published (git-ignored).
    public var sidecar: URL { parent.appending(path: ".almanac") }

    /// `.almanac/<site>.state.json`: the fingerprint of the last build's inputs and the
    /// stamps of the files it wrote, so an unchanged rebuild can stop early (`BuildState`).
    public var buildState: URL { sidecar.appending(path: name + ".state.json") }

    /// `.almanac/<site>.analyses.json`: the last build's analysis results, reused by the next
    /// build while the database is the same (`AnalysisCache`).
    public var analysisCache: URL { sidecar.appending(path: name + ".analyses.json") }
    /// The last report of each question a build took out of the site, for "since the last
    /// report" when it comes back (`PreviousSite.keepRemoved`).
    public var removedReports: URL { sidecar.appending(path: name + ".removed.json") }

    /// `<site>.lock` beside the site: the file `BuildLock` holds an advisory lock on; it stays.
    public var lock: URL { parent.appending(path: name + ".lock") }

    /// `<site>.staging` beside the site: the new version is assembled here, then swapped in.
    public var staging: URL { parent.appending(path: name + ".staging") }

    /// `<site>.previous` beside the site: the old version, moved aside for the moment of the
    /// swap where the two folders cannot be exchanged in one step.
    public var previous: URL { parent.appending(path: name + ".previous") }

    // MARK: - Inside the site

    /// `<site>/.almanac-staging.d`: the staging folder when the site is a mount point, which
    /// cannot be renamed and has no room beside it on its own file system.
    public var innerStaging: URL { site.appending(path: Self.innerStagingName) }

    /// `<site>/index.html`: the page whose generator tag proves the folder is Almanac's.
    public var index: URL { site.appending(path: Self.indexName) }

    /// `<site>/digest.json`: the report's digest, read back for alerts and notifications.
    public var digest: URL { site.appending(path: Self.digestName) }

    /// `<site>/feed.xml`: the Atom feed, read back so a new report keeps the earlier entries.
    public var feed: URL { site.appending(path: Self.feedName) }

    // MARK: - Staging

    /// The staging folder of a build: beside the site, or inside it when it is a mount point.
    public func stagingFolder(mounted: Bool) -> URL {
        mounted ? innerStaging : staging
    }

    /// The file that marks a staging folder as Almanac's own while it is assembled; it is
    /// removed just before the swap, so it never reaches the site.
    public static func marker(in staging: URL) -> URL {
        staging.appending(path: stagingMarkerName)
    }

    /// The index page of a staging folder, or of a previous site a swap left in its place.
    public static func index(in folder: URL) -> URL {
        folder.appending(path: indexName)
    }

    /// The name of the staging marker file.
    public static let stagingMarkerName = ".almanac-staging"

    /// The name of the staging folder inside a mounted site.
    public static let innerStagingName = ".almanac-staging.d"

    /// The name of the digest file, which is not a question's document.
    public static let digestName = "digest.json"

    /// The name of the Atom feed, a page the build owns.
    public static let feedName = "feed.xml"

    public static let indexName = "index.html"

    /// Entries of the site folder that are not the site: the inner staging folder, and the
    /// `lost+found` that ext2/3/4 put at the root of every file system.
    public static let foreignEntries: Set<String> = [innerStagingName, "lost+found"]

    /// The entries a build adds beside the site, as `.gitignore` lines relative to its
    /// parent folder: `site.staging/`, `site.previous/`, `site.lock`, `.almanac/`.
    public var ignoredBeside: [String] {
        [
            staging.lastPathComponent + "/", previous.lastPathComponent + "/",
            lock.lastPathComponent, sidecar.lastPathComponent + "/",
        ]
    }
}
