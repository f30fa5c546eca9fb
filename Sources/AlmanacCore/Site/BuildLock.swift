import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two builds from writing one site at the same time: an advisory lock on
/// `<site>.lock` beside the output folder. The kernel drops it if the process dies, so a
/// crashed build never blocks the next one. The file stays: deleting it would let a build
/// that opened it a moment earlier lock a file nobody else can see.
public final class BuildLock {
    private var descriptor: Int32
    private let path: String

    /// - Throws: `SiteError` when another build holds the lock.
    public init(for folder: URL) throws {
        path =
            folder.deletingLastPathComponent().appending(path: folder.lastPathComponent + ".lock")
            .path
        try? FileManager.default.createDirectory(
            at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SiteError(
                path: path,
                message: "cannot create the build lock: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            descriptor = -1
            throw SiteError(
                path: folder.path,
                message:
                    "another almanac build is writing this site right now; wait for it to finish and try again"
            )
        }
    }

    /// Releases the lock.
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
