import CSQLite
import Foundation

/// The pages of one SQLite connection's temporary tables (`sqlite3_serialize` of `temp`):
/// the build's facts, made once and read by the pool's other connections from a copy in
/// memory (`adoptTemporaryTables`), instead of each making them again.
public final class TemporaryTablesImage: @unchecked Sendable {
    // @unchecked: one thread hands the bytes out (`ReadSnapshot.prepareInBackground`).
    /// The schema a connection attaches the copy as.
    static let schema = "almanac_shared"
    let count: Int
    /// The statements that made the tables: a connection that adopts them has made them.
    let made: Set<String>
    /// Until the last connection to adopt them takes them.
    private var bytes: UnsafeMutablePointer<UInt8>?

    init(bytes: UnsafeMutablePointer<UInt8>, count: Int, made: Set<String>) {
        self.bytes = bytes
        self.count = count
        self.made = made
    }

    deinit {
        sqlite3_free(bytes)
    }

    /// The bytes for one connection to own (`sqlite3_free` when it is done): a copy, or,
    /// for the last one, these, which the image no longer holds.
    func handOut(last: Bool) -> UnsafeMutablePointer<UInt8>? {
        guard let bytes else { return nil }
        if last {
            self.bytes = nil
            return bytes
        }
        guard let copy = sqlite3_malloc64(UInt64(count)) else { return nil }
        memcpy(copy, bytes, count)
        return copy.assumingMemoryBound(to: UInt8.self)
    }
}
