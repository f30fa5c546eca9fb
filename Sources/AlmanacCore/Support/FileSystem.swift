import CShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a file system says about one item.
public struct FileAttributes: Sendable, Equatable {
    /// What an item is, after following a symbolic link.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
        /// A FIFO, a device or a socket.
        case other
    }

    public var kind: Kind
    /// Bytes; 0 for a folder.
    public var size: Int
    /// Seconds since 1970.
    public var modified: Double
    /// The path itself is a symbolic link; the other fields describe its target.
    public var isSymbolicLink: Bool
    /// The file's identity and when its contents or metadata last changed (`st_ino`,
    /// `st_ctim`), which `touch` cannot set back: a database copied over another of the same
    /// size, with its time set back and the same change counter, was taken for the same one
    /// (an attack run). Empty where unknown.
    public var identity: String

    public init(
        kind: Kind, size: Int, modified: Double, isSymbolicLink: Bool = false,
        identity: String = ""
    ) {
        self.kind = kind
        self.size = size
        self.modified = modified
        self.isSymbolicLink = isSymbolicLink
        self.identity = identity
    }
}

/// A file operation the system refused, with its own reason.
public struct FileSystemError: Error, Equatable, Sendable, CustomStringConvertible,
    LocalizedError
{
    public var path: String
    /// The system's words, such as "Permission denied".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
    public var errorDescription: String? { reason }

    /// The system's reason inside a Foundation error ("Permission denied", "Is a directory"),
    /// for `path`.
    public init(path: String, error: any Error) {
        if let error = error as? FileSystemError {
            self.init(path: path, reason: error.reason)
            return
        }
        let system = error as NSError
        let posix =
            (system.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
                $0.domain == NSPOSIXErrorDomain ? $0 : nil
            } ?? (system.domain == NSPOSIXErrorDomain ? system : nil)
        self.init(
            path: path,
            reason: posix.map { String(cString: strerror(Int32($0.code))) }
                ?? Self.words(for: error) ?? system.localizedDescription)
    }

    /// Foundation's file errors that carry no system error, in the system's words.
    private static func words(for error: any Error) -> String? {
        switch (error as? CocoaError)?.code {
        case .fileNoSuchFile?, .fileReadNoSuchFile?: return "No such file or directory"
        case .fileReadNoPermission?, .fileWriteNoPermission?: return "Permission denied"
        case .fileWriteOutOfSpace?: return "No space left on device"
        case .fileWriteVolumeReadOnly?: return "Read-only file system"
        case .fileWriteFileExists?: return "File exists"
        default: return nil
        }
    }
}

/// The files the core reads and writes: the disk in production (`DiskFileSystem`), a fake or
/// a temporary folder in tests. Every operation takes absolute file URLs.
public protocol FileSystem: Sendable {
    /// A file's bytes, at most `limit` of them when one is given; nil when nothing is there.
    /// - Throws: when the file is there but cannot be read (a folder, no permission).
    func contents(of url: URL, limit: Int?) throws -> Data?

    /// Replaces a file in one step (a temporary file beside it, then a rename), so a reader
    /// sees the old bytes or the new ones. The folder must exist.
    func write(_ data: Data, to url: URL) throws

    /// Writes like `write`, and makes sure the bytes are on the disk before the file takes
    /// its name: for what a power cut must not take, such as the model's answers, which cost
    /// money to ask again.
    func writeDurably(_ data: Data, to url: URL) throws

    /// Writes a file where nothing is, straight under its name (no temporary file, no
    /// rename): for a folder no reader sees until it is complete, such as a build's staging
    /// folder, which a failed build removes (a failed write may leave part of the file). The
    /// folder must exist.
    /// - Throws: when something is already there, or the file cannot be written.
    func writeNew(_ data: Data, to url: URL) throws

    /// Creates a folder and any missing parents; an existing folder is fine.
    func createDirectory(at url: URL) throws

    /// Removes a file, or a folder with everything in it.
    func removeItem(at url: URL) throws

    /// Moves an item to a path where nothing is.
    func moveItem(at source: URL, to destination: URL) throws

    /// Swaps two items in one step, so neither path is ever missing.
    /// - Throws: when the system cannot (another OS, another file system).
    func exchangeItems(_ first: URL, _ second: URL) throws

    /// A hard link: a second name for the same file.
    func linkItem(at source: URL, to destination: URL) throws

    /// The names in a folder, in no particular order.
    /// - Throws: when the folder is not there or cannot be listed; never an empty answer.
    func contentsOfDirectory(at url: URL) throws -> [String]

    /// Kind, size and modification time; nil when nothing is there (or a link points nowhere).
    func attributes(of url: URL) -> FileAttributes?

    /// The path with every symbolic link in it resolved.
    func resolvingLinks(_ url: URL) -> URL

    /// True when the folder is the root of a mounted file system (its device differs from its
    /// parent's), such as a container volume or a tmpfs: it cannot be renamed.
    func isMountPoint(_ url: URL) -> Bool

    /// True when this process may write into the item (or nothing is there).
    func isWritable(_ url: URL) -> Bool

    /// Gives `destination` the permission bits and group of `source`, as far as this process
    /// may; what it may not is left as it is.
    func copyPermissions(from source: URL, to destination: URL)
}

extension FileSystem {
    /// A file system with no owners (a test's) lets every item be written.
    public func isWritable(_ url: URL) -> Bool { true }

    /// A file system with no permissions (a test's) has none to copy.
    public func copyPermissions(from source: URL, to destination: URL) {}

    /// A file system with no disk to flush (a test's) writes durably as it writes.
    public func writeDurably(_ data: Data, to url: URL) throws {
        try write(data, to: url)
    }

    /// A file system with no readers to hide a partly written file from (a test's) writes a
    /// new file as it writes any.
    public func writeNew(_ data: Data, to url: URL) throws {
        if exists(url) { throw FileSystemError(path: url.path, reason: "File exists") }
        try write(data, to: url)
    }

    /// A file's bytes; nil when nothing is there.
    /// - Throws: when the file is there but cannot be read.
    public func contents(of url: URL) throws -> Data? {
        try contents(of: url, limit: nil)
    }

    /// True when something is there, following a symbolic link.
    public func exists(_ url: URL) -> Bool {
        attributes(of: url) != nil
    }

    /// True for a folder, or a link to one.
    public func isDirectory(_ url: URL) -> Bool {
        attributes(of: url)?.kind == .directory
    }

    /// The path of every file under a folder, relative to it and sorted. Links to files count
    /// as files; links to folders are not followed. `skip` names top-level entries to leave out.
    /// - Throws: when the folder or one below it cannot be listed.
    public func files(under folder: URL, skipping skip: Set<String> = []) throws -> [String] {
        var result: [String] = []
        func walk(_ url: URL, _ prefix: String) throws {
            for name in try contentsOfDirectory(at: url) {
                if prefix.isEmpty && skip.contains(name) { continue }
                let item = url.appending(path: name)
                guard let attributes = attributes(of: item) else { continue }
                switch attributes.kind {
                case .directory where !attributes.isSymbolicLink:
                    try walk(item, prefix + name + "/")
                case .file: result.append(prefix + name)
                default: continue
                }
            }
        }
        try walk(folder, "")
        return result.sorted()
    }
}

/// The disk, through `FileManager` and a few system calls.
public struct DiskFileSystem: FileSystem {
    public init() {}

    /// Runs one Foundation call, its error turned into a `FileSystemError` with the
    /// system's reason.
    private func systemCall<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw FileSystemError(path: url.path, error: error)
        }
    }

    public func contents(of url: URL, limit: Int?) throws -> Data? {
        guard exists(url) else { return nil }
        // A FIFO or a device would block the read forever (`--plotly-file` on a FIFO hung a
        // build): only files and folders (whose read fails with its own reason) are opened.
        if attributes(of: url)?.kind == .other {
            throw FileSystemError(
                path: url.path, reason: "is a FIFO, a device or a socket, not a file")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            if let limit { return try handle.read(upToCount: limit) ?? Data() }
            return try handle.readToEnd() ?? Data()
        } catch {
            throw FileSystemError(path: url.path, error: error)
        }
    }

    public func write(_ data: Data, to url: URL) throws {
        try write(data, to: url, durable: false)
    }

    public func writeDurably(_ data: Data, to url: URL) throws {
        try write(data, to: url, durable: true)
    }

    public func writeNew(_ data: Data, to url: URL) throws {
        try Self.create(data, at: url, durable: false, exclusive: true)
    }

    private func write(_ data: Data, to url: URL, durable: Bool) throws {
        let temporary = url.deletingLastPathComponent().appending(
            path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            // Not `.atomic`: its temporary file keeps mode 0600, and pages must stay readable.
            try Self.create(data, at: temporary, durable: durable)
            // rename(2) replaces the old file in one step; readers see the old or the new.
            guard rename(temporary.path, url.path) == 0 else {
                throw FileSystemError(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            // The write's own error is the one to report, for the file the caller named; the
            // temporary file is only litter.
            try? FileManager.default.removeItem(at: temporary)
            throw FileSystemError(path: url.path, error: error)
        }
    }

    /// Writes `data` into a new file with write(2), without an fsync unless `durable`:
    /// `Data.write` syncs every file, which on a busy disk made writing a site's 200 files
    /// take longer than rendering them. A failed build still leaves the old site (the staging
    /// folder is swapped in only at the end); a power cut may lose site files written since
    /// the kernel last flushed, as with other site generators, and a build makes them again.
    /// The model's answers are written durably.
    private static func create(
        _ data: Data, at url: URL, durable: Bool, exclusive: Bool = false
    ) throws {
        func failure() -> FileSystemError {
            FileSystemError(path: url.path, reason: String(cString: strerror(errno)))
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let file = open(url.path, flags, 0o666)
        guard file >= 0 else { throw failure() }
        var closed = false
        defer { if !closed { close(file) } }
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(file, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure()
                }
                offset += written
            }
        }
        if durable, fsync(file) != 0 { throw failure() }
        closed = true
        guard close(file) == 0 else { throw failure() }
    }

    public func createDirectory(at url: URL) throws {
        try systemCall(url) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    public func removeItem(at url: URL) throws {
        try systemCall(url) { try FileManager.default.removeItem(at: url) }
    }

    public func moveItem(at source: URL, to destination: URL) throws {
        try systemCall(destination) {
            try FileManager.default.moveItem(at: source, to: destination)
        }
    }

    public func exchangeItems(_ first: URL, _ second: URL) throws {
        guard almanac_exchange_paths(first.path, second.path) == 0 else {
            throw FileSystemError(path: second.path, reason: String(cString: strerror(errno)))
        }
    }

    public func linkItem(at source: URL, to destination: URL) throws {
        try systemCall(destination) {
            try FileManager.default.linkItem(at: source, to: destination)
        }
    }

    public func contentsOfDirectory(at url: URL) throws -> [String] {
        try systemCall(url) { try FileManager.default.contentsOfDirectory(atPath: url.path) }
    }

    public func isWritable(_ url: URL) -> Bool {
        access(url.path, F_OK) != 0 || access(url.path, W_OK) == 0
    }

    public func copyPermissions(from source: URL, to destination: URL) {
        var status = stat()
        guard stat(source.path, &status) == 0 else { return }
        _ = chown(destination.path, uid_t.max, status.st_gid)
        _ = chmod(destination.path, status.st_mode & 0o7777)
    }

    public func attributes(of url: URL) -> FileAttributes? {
        var link = stat()
        guard lstat(url.path, &link) == 0 else { return nil }
        let isLink = (link.st_mode & S_IFMT) == S_IFLNK
        var target = link
        if isLink {
            guard stat(url.path, &target) == 0 else { return nil }
        }
        let kind: FileAttributes.Kind
        switch target.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        let modified =
            Double(target.st_mtim.tv_sec) + Double(target.st_mtim.tv_nsec) / 1_000_000_000
        return FileAttributes(
            kind: kind, size: kind == .directory ? 0 : Int(target.st_size), modified: modified,
            isSymbolicLink: isLink,
            identity:
                "\(target.st_dev).\(target.st_ino).\(target.st_ctim.tv_sec).\(target.st_ctim.tv_nsec)"
        )
    }

    public func resolvingLinks(_ url: URL) -> URL {
        url.resolvingSymlinksInPath()
    }

    public func isMountPoint(_ url: URL) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(url.path, &own) == 0,
            stat(url.deletingLastPathComponent().path, &parent) == 0
        else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }
}

/// write(2), under a name that `FileSystem.write` does not hide.
private func systemWrite(_ file: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(file, bytes, count)
}
