/// One phase's wall time.
public struct BuildPhase: Sendable, Equatable {
    public var name: String
    public var milliseconds: Double
}

/// Wall time per phase of a build, for `make bench` and the summary.
public final class PhaseClock: @unchecked Sendable {
    // @unchecked: marked from the build's one task at a time.
    private var last = ContinuousClock.now
    public private(set) var phases: [BuildPhase] = []

    public init() {}

    /// Ends the phase called `name`, which started at the previous mark.
    public func mark(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        last = now
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds)
            / 1e15
        phases.append(BuildPhase(name: name, milliseconds: milliseconds))
    }
}
