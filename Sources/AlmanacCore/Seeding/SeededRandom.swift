import Foundation

/// SplitMix64: tiny, fast and fully specified, so the same seed gives the same database on
/// every machine and every Swift version (the standard library's own generators promise
/// neither).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in `0..<upperBound`.
    mutating func int(below upperBound: Int) -> Int {
        Int(next() % UInt64(upperBound))
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Exponentially distributed with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -log(1 - unit()) * mean
    }

    /// Standard normal, by Box–Muller.
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12)
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * unit())
    }

    /// An index drawn in proportion to `weights`, given their running sums.
    mutating func pick(cumulative: [Double]) -> Int {
        let target = unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Array where Element == Double {
    /// Running sums, for `SeededRandom.pick(cumulative:)`.
    var runningSums: [Double] {
        var total = 0.0
        return map { weight in
            total += weight
            return total
        }
    }
}
