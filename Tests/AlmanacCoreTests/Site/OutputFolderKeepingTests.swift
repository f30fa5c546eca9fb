import Foundation
import Testing

@testable import AlmanacCore

/// What a build keeps of its output folder, and what it refuses to publish (blind test 45):
/// the folder's permissions and group, a staging folder a stopped build left, and a database
/// kept inside the site.
@Suite struct OutputFolderKeepingTests {
    private func mode(_ url: URL) throws -> (mode: Int, group: Int) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (
            (attributes[.posixPermissions] as! NSNumber).intValue,
            (attributes[.groupOwnerAccountID] as! NSNumber).intValue
        )
    }

    @Test("a rebuild keeps the site folder's permissions and group")
    func keepsPermissions() async throws {
        let project = try Project()
        try await project.build()
        // A shared site folder: group 65534 (nogroup), set-group-id, no access for others.
        #expect(chown(project.site.path, uid_t.max, 65534) == 0)
        #expect(chmod(project.site.path, 0o2770) == 0)
        try await project.build(Project.questions + "\n# edited\n")
        let after = try mode(project.site)
        #expect(after.mode == 0o2770)
        #expect(after.group == 65534)
        #expect(project.read("index.html").contains(SiteWriter.generatorMarker))
    }

    @Test(
        "a staging folder left by a stopped build is removed by the next, even one that changes nothing"
    )
    func leftoverStaging() async throws {
        let project = try Project()
        try await project.build()
        let layout = SiteLayout(site: project.site)
        // What a build stopped by Ctrl-C leaves: a marked staging folder with a page in it.
        try FileManager.default.createDirectory(
            at: layout.staging, withIntermediateDirectories: true)
        try Data().write(to: SiteLayout.marker(in: layout.staging))
        try Data("half".utf8).write(to: layout.staging.appending(path: "index.html"))
        try await project.build()  // nothing changed
        #expect(!FileManager.default.fileExists(atPath: layout.staging.path))
    }

    @Test("a database inside the output folder is refused before it is published")
    func databaseInside() async throws {
        var project = try Project()
        try await project.build()
        let inside = project.site.appending(path: "inner.db")
        try FileManager.default.copyItem(atPath: project.database, toPath: inside.path)
        project.database = inside.path
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(
            error
                == BuildError(
                    .writing,
                    SiteError(
                        path: inside.path,
                        message:
                            "is inside the output folder \(project.site.path), which a build replaces and publishes; keep the database outside it, or choose another --out"
                    )))
        // The site stands as it was, the database beside its pages unpublished by the build.
        #expect(project.read("index.html").contains(SiteWriter.generatorMarker))
    }

    /// Blind test 45: a folder holding only `.gitkeep` was refused as "holds files but no
    /// Almanac site".
    @Test("a folder of hidden files alone is built into, and its files are kept")
    func hiddenFiles() async throws {
        let project = try Project()
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        try Data().write(to: project.site.appending(path: ".gitkeep"))
        try Data("gitdir: ../.git/worktrees/site\n".utf8).write(
            to: project.site.appending(path: ".git"))
        try await project.build()
        try await project.build(Project.questions + "\n# edited\n")
        #expect(project.read("index.html").contains(SiteWriter.generatorMarker))
        #expect(project.read(".gitkeep") == "")
        #expect(project.read(".git") == "gitdir: ../.git/worktrees/site\n")
        // A hidden folder is not a file a build keeps whole: refused as before.
        let other = try Project()
        try FileManager.default.createDirectory(
            at: other.site.appending(path: ".cache"), withIntermediateDirectories: true)
        await #expect(throws: BuildError.self) { try await other.build() }
    }
}
