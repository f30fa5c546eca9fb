/// Checks a number given on the command line before anything uses it: `Double` flags accept
/// `nan`, `inf` and `1e30`, which crash a conversion to `Int` or `Duration` later.
public enum NumericFlag {
    /// The problem with `value` for `flag`, in the flag's own words; nil when it is finite and
    /// within `range`.
    public static func problem(
        _ flag: String, _ value: Double, in range: ClosedRange<Double>,
        unit: String
    ) -> String? {
        guard value.isFinite, range.contains(value) else {
            let unit = unit.isEmpty ? "" : " " + unit
            return
                "\(flag) must be a number from \(plain(range.lowerBound)) to \(plain(range.upperBound))\(unit); got \(value)"
        }
        return nil
    }

    /// The problem with `value` for `flag`; nil when it lies within `range`.
    public static func problem(_ flag: String, _ value: Int, in range: ClosedRange<Int>) -> String?
    {
        range.contains(value)
            ? nil : "\(flag) must be from \(range.lowerBound) to \(range.upperBound); got \(value)"
    }

    /// "0.001", "86400": a bound without a trailing ".0".
    private static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The bounds of the numeric flags, shared by the CLI's validation and the README.
public enum FlagBounds {
    /// `--llm-timeout` and `--llm-deadline`: a millisecond to a day.
    public static let modelSeconds: ClosedRange<Double> = 0.001...86_400
    /// `--statement-timeout`: none (0) to a week.
    public static let statementSeconds: ClosedRange<Double> = 0...604_800
    /// `--temperature`, as the Chat Completions API allows it.
    public static let temperature: ClosedRange<Double> = 0...2
    /// `--max-tokens`.
    public static let maxTokens: ClosedRange<Int> = 1...1_000_000
    /// `--jobs`: requests in flight.
    public static let jobs: ClosedRange<Int> = 1...64
    /// `--chart-limit`: categories on an axis.
    public static let chartLimit: ClosedRange<Int> = 2...1_000
    /// `seed --users`.
    public static let users: ClosedRange<Int> = 1...10_000_000
    /// `seed --badges`.
    public static let badges: ClosedRange<Int> = 2...10_000
    /// `seed --organizations`.
    public static let organizations: ClosedRange<Int> = 1...100_000
}
