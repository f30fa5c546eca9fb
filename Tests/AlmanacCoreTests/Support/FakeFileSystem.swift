import Foundation

@testable import AlmanacCore

/// A file system in memory, for tests that need the disk to misbehave: it can refuse every
/// write, or refuse to list chosen folders, the way a read-only mount or a folder without
/// read permission would (which root, running the tests, cannot otherwise see).
final class FakeFileSystem: FileSystem, @unchecked Sendable {
    // @unchecked: every access to the mutable state holds `lock`.
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var folders: Set<String> = ["/"]
    private var refusesWrites = false
    private var unlistable: Set<String> = []
    /// Paths written, in order, for tests that check nothing was.
    private(set) var written: [String] = []

    /// What a refused write or listing says, as the system would.
    static let readOnly = "Read-only file system"
    static let denied = "Permission denied"

    init(files: [String: String] = [:]) {
        for (path, text) in files {
            self.files[path] = Data(text.utf8)
            addFolders(above: path)
        }
    }

    /// Every write, folder creation, move and removal fails from now on.
    func refuseWrites() {
        lock.withLock { refusesWrites = true }
    }

    /// Listing this folder fails from now on, though it is there.
    func refuseListing(_ url: URL) {
        lock.withLock { _ = unlistable.insert(url.path) }
    }

    private func addFolders(above path: String) {
        var url = URL(fileURLWithPath: path).deletingLastPathComponent()
        while url.path != "/" {
            folders.insert(url.path)
            url = url.deletingLastPathComponent()
        }
    }

    private func checkWritable(_ url: URL) throws {
        if refusesWrites { throw FileSystemError(path: url.path, reason: Self.readOnly) }
    }

    func contents(of url: URL, limit: Int?) throws -> Data? {
        try lock.withLock {
            if folders.contains(url.path) {
                throw FileSystemError(path: url.path, reason: "Is a directory")
            }
            guard let data = files[url.path] else { return nil }
            return limit.map { Data(data.prefix($0)) } ?? data
        }
    }

    func write(_ data: Data, to url: URL) throws {
        try lock.withLock {
            try checkWritable(url)
            guard folders.contains(url.deletingLastPathComponent().path) else {
                throw FileSystemError(path: url.path, reason: "No such file or directory")
            }
            files[url.path] = data
            written.append(url.path)
        }
    }

    func createDirectory(at url: URL) throws {
        try lock.withLock {
            if folders.contains(url.path) { return }
            try checkWritable(url)
            folders.insert(url.path)
            addFolders(above: url.path)
        }
    }

    func removeItem(at url: URL) throws {
        try lock.withLock {
            try checkWritable(url)
            let prefix = url.path + "/"
            files = files.filter { $0.key != url.path && !$0.key.hasPrefix(prefix) }
            folders = folders.filter { $0 != url.path && !$0.hasPrefix(prefix) }
        }
    }

    func moveItem(at source: URL, to destination: URL) throws {
        try lock.withLock {
            try checkWritable(destination)
            let (from, to) = (source.path, destination.path)
            func moved(_ path: String) -> String? {
                path == from
                    ? to : path.hasPrefix(from + "/") ? to + path.dropFirst(from.count) : nil
            }
            files = Dictionary(
                uniqueKeysWithValues: files.map { (moved($0.key) ?? $0.key, $0.value) })
            folders = Set(folders.map { moved($0) ?? $0 })
        }
    }

    func exchangeItems(_ first: URL, _ second: URL) throws {
        throw FileSystemError(path: second.path, reason: "Operation not supported")
    }

    func linkItem(at source: URL, to destination: URL) throws {
        try lock.withLock {
            try checkWritable(destination)
            files[destination.path] = files[source.path]
        }
    }

    func contentsOfDirectory(at url: URL) throws -> [String] {
        try lock.withLock {
            guard folders.contains(url.path), !unlistable.contains(url.path) else {
                throw FileSystemError(
                    path: url.path,
                    reason: folders.contains(url.path) ? Self.denied : "No such file or directory")
            }
            let prefix = url.path == "/" ? "/" : url.path + "/"
            let children = (Array(files.keys) + Array(folders)).filter {
                $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") && $0 != url.path
            }
            return children.map { String($0.dropFirst(prefix.count)) }
        }
    }

    func attributes(of url: URL) -> FileAttributes? {
        lock.withLock {
            if folders.contains(url.path) {
                return FileAttributes(kind: .directory, size: 0, modified: 0)
            }
            return files[url.path].map { FileAttributes(kind: .file, size: $0.count, modified: 0) }
        }
    }

    func resolvingLinks(_ url: URL) -> URL { url }

    func isMountPoint(_ url: URL) -> Bool { false }
}
