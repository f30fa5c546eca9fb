import Foundation
import Testing

@testable import AlmanacCore

/// `--out` that is a symbolic link, the root or home folder, a folder of foreign files, or
/// has a `<out>.staging` Almanac did not make.
@Suite struct OutputFolderTests {
    @Test("a symlinked --out publishes into the link's target and the link stays a link")
    func symlink() async throws {
        let project = try Project()
        let target = project.folder.appending(path: "real")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: project.site.path, withDestinationPath: target.path)
        _ = try await project.build()
        _ = try await project.build(Project.questions + "\n")  // a second build swaps again
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: project.site.path)
                == target.path)
        let index = try String(contentsOf: target.appending(path: "index.html"), encoding: .utf8)
        #expect(index.contains(SiteWriter.generatorMarker))
        #expect(project.read("index.html") == index)
    }

    @Test("a folder of foreign files is refused before any work, leaving nothing beside it")
    func foreignFiles() async throws {
        let project = try Project()
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: project.site.appending(path: "notes.txt"))
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(error == BuildError(.writing, SiteTrustTests.foreignFiles(project.site)))
        #expect(project.log.events.isEmpty)  // not even "started"
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.folder.path)
            .sorted()
        #expect(beside == ["questions.yaml", "site"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: project.site.path) == ["notes.txt"])
    }

    @Test("the home folder is refused even when empty, and nothing is written beside it")
    func home() async throws {
        let project = try Project()
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        let error = await #expect(throws: BuildError.self) {
            try await project.build { $0.homeFolder = project.site.path }
        }
        #expect(
            error
                == BuildError(
                    .writing,
                    SiteError(
                        path: project.site.path,
                        message: "is the home folder; choose a folder of its own for the site")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: project.folder.path).sorted()
                == ["questions.yaml", "site"])
    }

    @Test("the root folder is refused")
    func root() {
        #expect(
            throws: SiteError(
                path: "/", message: "is the root folder; choose a folder of its own for the site")
        ) {
            try SiteWriter(files: DiskFileSystem()).checkTarget(URL(fileURLWithPath: "/"))
        }
    }

    @Test("a <out>.staging folder Almanac did not make is left alone and named in the error")
    func foreignStaging() async throws {
        let project = try Project()
        let staging = SiteLayout(site: project.site).staging
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: staging.appending(path: "mine.txt"))
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(
            error
                == BuildError(
                    .writing,
                    SiteError(
                        path: staging.path,
                        message:
                            "exists and was not made by Almanac (it has no \(SiteLayout.stagingMarkerName) file); "
                            + "a build stages the new site there, so move it away")))
        #expect(
            FileManager.default.contents(atPath: staging.appending(path: "mine.txt").path)
                == Data("keep me".utf8))
    }

    @Test(
        "a staging folder left by an interrupted build is removed, and the marker never reaches the site"
    )
    func ownStaging() async throws {
        let project = try Project()
        let staging = SiteLayout(site: project.site).staging
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data().write(to: staging.appending(path: SiteLayout.stagingMarkerName))
        try Data("half".utf8).write(to: staging.appending(path: "index.html"))
        _ = try await project.build()
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(
            !FileManager.default.fileExists(
                atPath: project.site.appending(path: SiteLayout.stagingMarkerName).path))
        #expect(project.read("index.html").contains(SiteWriter.generatorMarker))
    }

    /// Runs a command and returns its exit status and standard error.
    static func run(_ tool: String, _ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "\(error)") }
        let text = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("an --out that is a tmpfs mount point builds, rebuilds and deletes stale pages inside it")
    func mountPoint() async throws {
        let project = try Project()
        try FileManager.default.createDirectory(at: project.site, withIntermediateDirectories: true)
        let (status, reason) = Self.run(
            "/usr/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", project.site.path])
        guard status == 0 else {
            print("skipped the tmpfs mount point test: mount -t tmpfs failed here (\(reason))")
            return
        }
        defer { _ = Self.run("/usr/bin/umount", [project.site.path]) }
        #expect(DiskFileSystem().isMountPoint(project.site))
        _ = try await project.build()
        #expect(project.read("index.html").contains(SiteWriter.generatorMarker))
        #expect(project.read("own.html").contains("Own query"))
        // Without the custom question: its pages go, the rest are swapped in place.
        let fewer = Project.questions.components(separatedBy: "  - text: Own query")[0]
        _ = try await project.build(fewer)
        #expect(DiskFileSystem().isMountPoint(project.site))
        #expect(
            !FileManager.default.fileExists(atPath: project.site.appending(path: "own.html").path))
        #expect(project.read("badges.html").contains("Python Basics"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: project.site.path)
        #expect(!entries.contains(SiteLayout.innerStagingName))
        #expect(!entries.contains(SiteLayout.stagingMarkerName))
        #expect(
            !FileManager.default.fileExists(
                atPath: SiteLayout(site: project.site).staging.path))
    }
}
