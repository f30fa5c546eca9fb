import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` on one task per core, each taking every n-th element; the results
    /// come back in the elements' order. For work that reads its own element alone, so that
    /// the order in which the elements are taken changes nothing.
    func concurrentMap<Transformed: Sendable>(
        _ transform: @escaping @Sendable (Element) -> Transformed
    ) async -> [Transformed] {
        let width = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count))
        guard width > 1 else { return map(transform) }
        var results = [Transformed?](repeating: nil, count: count)
        await withTaskGroup(of: [(Int, Transformed)].self) { group in
            for first in 0..<width {
                group.addTask {
                    stride(from: first, to: count, by: width).map { ($0, transform(self[$0])) }
                }
            }
            for await done in group {
                for (index, result) in done { results[index] = result }
            }
        }
        return results.map { $0! }
    }
}
