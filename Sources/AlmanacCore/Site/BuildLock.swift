import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps two builds from writing one site at the same time: an advisory lock on
/// `<site>.lock` beside the output folder (`SiteLayout.lock`). The kernel drops it if the
/// process dies, so a crashed build never blocks the next one. The file stays: deleting it
/// would let a build that opened it a moment earlier lock a file nobody else can see.
///
/// flock(2) needs a real file, so the lock itself is taken on the disk; only the folder it
/// lives in is made through the `FileSystem`.
public final class BuildLock {
    private var descriptor: Int32
    private let path: String

    /// - Throws: `SiteError` when the lock's folder or file cannot be made, or another build
    ///   holds the lock.
    public init(layout: SiteLayout, files: any FileSystem) throws {
        let lock = layout.lock
        path = lock.path
        let folder = lock.deletingLastPathComponent()
        do {
            try files.createDirectory(at: folder)
        } catch {
            throw SiteError(
                path: folder.path,
                message:
                    "cannot create the folder for the build lock: \(error.localizedDescription)")
        }
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
                path: layout.site.path,
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
