#if canImport(Glibc)
    import Glibc
#endif

/// The process's allocator (glibc's malloc), set for a build whose phases each hold tens of
/// megabytes and free them: docs/performance.md, "Memory: flat at 2,000 and 10,000
/// questions".
public enum Allocator {
    #if canImport(Glibc)
        /// `mallopt`'s parameter for the size from which a block is mapped on its own
        /// (`M_MMAP_THRESHOLD` in `malloc.h`, which the Glibc module does not include).
        private static let mmapThreshold: Int32 = -3
        private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = function(
            "mallopt")
        private static let mallocTrim: (@convention(c) (Int) -> Int32)? = function("malloc_trim")

        private static func function<F>(_ name: String) -> F? {
            dlsym(nil, name).map { unsafeBitCast($0, to: F.self) }
        }
    #endif

    /// Blocks of 256 KiB and more (SQLite's sorters, a page's text as it grows) are mapped
    /// on their own and given back when freed. glibc's own threshold starts at 128 KiB and
    /// rises to the largest block freed so far, after which such blocks come from the heap
    /// and the memory around them stays with the process. Called once, first thing.
    public static func configure() {
        #if canImport(Glibc)
            _ = mallopt?(mmapThreshold, 256 * 1024)
        #endif
    }

    /// Gives the memory the allocator holds free back to the system. glibc keeps what a
    /// thread frees in that thread's arena, and a build's next phase allocates on other
    /// threads: called where a phase has let go of what it held.
    static func releaseFreed() {
        #if canImport(Glibc)
            _ = mallocTrim?(0)
        #endif
    }
}
