extension BuildPhase {
    /// The phases a clock marked.
    static func list(_ clock: PhaseClock) -> [BuildPhase] {
        clock.phases.map { BuildPhase(name: $0.name, milliseconds: $0.milliseconds) }
    }
}
