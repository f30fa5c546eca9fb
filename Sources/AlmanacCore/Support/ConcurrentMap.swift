import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` on one task per core, each taking the next element not yet taken
    /// (`IndexDispenser`); the results come back in the elements' order. For work that reads
    /// its own element alone, so that the order in which the elements are taken changes
    /// nothing.
    func concurrentMap<Transformed: Sendable>(
        _ transform: @escaping @Sendable (Element) -> Transformed
    ) async -> [Transformed] {
        let width = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count))
        guard width > 1 else { return map(transform) }
        var results = [Transformed?](repeating: nil, count: count)
        let dispenser = IndexDispenser(count: count)
        await withTaskGroup(of: [(Int, Transformed)].self) { group in
            for _ in 0..<width {
                group.addTask {
                    var done: [(Int, Transformed)] = []
                    while let index = dispenser.next() {
                        done.append((index, transform(self[index])))
                    }
                    return done
                }
            }
            for await done in group {
                for (index, result) in done { results[index] = result }
            }
        }
        return results.map { $0! }
    }
}
