/// Rounding as people do it by hand, for every number Almanac shows.
public enum Rounding {
    /// Rounds half away from zero. A tiny nudge absorbs binary noise such as
    /// 0.1235 being stored as 0.12349999…, so the result matches hand arithmetic.
    public static func halfAwayFromZero(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = value * scale
        let nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9)
        return nudged.rounded(.toNearestOrAwayFromZero) / scale
    }
}
