import Foundation

/// Hands out the indices `0..<count` in increasing order, each once, to whichever task asks
/// next: tasks that share a list this way finish within one element of each other, whatever
/// each element costs. A task given every n-th element instead could be given all the
/// costly ones (2,000 questions cycling through ten templates put every learning-paths page
/// on one of two tasks, and rendering ran on one core for its last two seconds).
final class IndexDispenser: @unchecked Sendable {
    // @unchecked: `taken` is only read and written under `lock`.
    private let lock = NSLock()
    private let count: Int
    private var taken = 0

    init(count: Int) {
        self.count = count
    }

    /// The next index not yet handed out; nil once every one has been.
    func next() -> Int? {
        lock.withLock {
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}
