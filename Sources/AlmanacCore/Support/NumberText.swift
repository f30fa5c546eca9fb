/// Numbers written for people, identically in every locale: "1,234", "56.2%", "23.5".
public enum NumberText {
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A fraction as a percentage with one decimal: "56.2%", "40.0%"; with two when the
    /// fraction has exactly four decimals and the last is a 5. Rates come from SQL rounded to
    /// four decimals, and 0.5055 stands for anything from 0.50545 to 0.50555: one decimal
    /// would round it a second time and could go the wrong way (92 of 182 is 50.549 %, which
    /// would read 50.6 %). Two decimals write it as it is: "50.55%".
    public static func percent(_ fraction: Double) -> String {
        let scaled = fraction * 10_000
        let tenThousandths = Int(Rounding.halfAwayFromZero(scaled, places: 0))
        if abs(tenThousandths) % 10 == 5, abs(scaled - Double(tenThousandths)) < 1e-6 {
            return storedPercent(fraction)
        }
        return tenthsPercent(fraction)
    }

    /// A fraction as a percentage with one decimal always: "42.7%", "3.0%". For an exact
    /// fraction, such as a change of a count, which no rounding stands behind.
    public static func tenthsPercent(_ fraction: Double) -> String {
        let tenths = Int(Rounding.halfAwayFromZero(fraction * 1000, places: 0))
        return (tenths < 0 ? "-" : "") + count(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
            + "%"
    }

    /// A rate as stored (four decimals) as a percentage with two: "66.17%", "40.00%". Tables
    /// and the answer's first sentence quote a rate exactly, so that a column reads alike
    /// and a reader who divides the counts finds the same digits.
    public static func storedPercent(_ fraction: Double) -> String {
        let tenThousandths = Int(Rounding.halfAwayFromZero(fraction * 10_000, places: 0))
        let sign = tenThousandths < 0 ? "-" : ""
        let hundredths = abs(tenThousandths)
        return sign + count(hundredths / 100) + "." + twoDigits(hundredths % 100) + "%"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// A number with at most `places` decimals, trailing zeros dropped.
    /// A number too large for an Int (an alert's `above: 1e300`) is written as JSON writes it.
    public static func decimal(_ value: Double, places: Int) -> String {
        let rounded = Rounding.halfAwayFromZero(value, places: places)
        guard rounded.isFinite, abs(rounded) < 9e18 else { return JSONValue.format(value) }
        if rounded == rounded.rounded() { return count(Int(rounded)) }
        var text = JSONValue.format(rounded)
        if let dot = text.firstIndex(of: ".") {
            let whole = Int(text[..<dot]) ?? 0
            text = (rounded < 0 && whole == 0 ? "-" : "") + count(whole) + text[dot...]
        }
        return text
    }

    /// A table cell in its column's format.
    public static func cell(_ value: JSONValue, _ format: DataTable.Format) -> String {
        switch (value, format) {
        case (.null, _): return "–"
        case (.string(let text), _): return DisplayName.visible(text)
        case (.int(let number), .percent): return storedPercent(Double(number))
        case (.int(let number), _): return count(number)
        case (.double(let number), .percent): return storedPercent(number)
        case (.double(let number), .count): return count(Int(number))
        case (.double(let number), .days): return decimal(number, places: 1)
        // A value too small for four decimals keeps three significant digits: a query's
        // 1e-7 and 2.5e-5 were both shown as "0" (an attack run).
        case (.double(let number), _) where number != 0 && abs(number) < 0.0005:
            return String(format: "%.3g", number)
        // Past 2^53 a double has no fourth decimal, and rounding to one invented digits:
        // 1e15 + 0.5 was shown "1,000,000,000,000,000.4" (an attack run). Written as stored.
        case (.double(let number), _) where abs(number) >= 1e15 && number != number.rounded():
            return JSONValue.format(number)
        case (.double(let number), _): return decimal(number, places: 4)
        case (.bool(let flag), _): return flag ? "yes" : "no"
        default: return value.encoded()
        }
    }
}
