extension AlertRule {
    /// "completion rate of Python Basics below 50%": the rule in words.
    public var summary: String {
        let what = KeyMeasure.label(measure) + (subject.map { " of \($0)" } ?? "")
        let rate = KeyMeasure.isRate(measure)
        let amount = NumberText.decimal(threshold, places: 2)
        switch condition {
        case .above: return "\(what) above \(amount)\(rate ? "%" : "")"
        case .below: return "\(what) below \(amount)\(rate ? "%" : "")"
        case .changeAbove: return "\(what) change above \(amount)\(rate ? " pts" : "%")"
        case .changeBelow: return "\(what) change below \(amount)\(rate ? " pts" : "%")"
        }
    }
}
