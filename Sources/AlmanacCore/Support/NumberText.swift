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

    /// A fraction as a percentage with exactly one decimal: "56.2%", "40.0%".
    public static func percent(_ fraction: Double) -> String {
        let tenths = Int(Rounding.halfAwayFromZero(fraction * 1000, places: 0))
        let sign = tenths < 0 ? "-" : ""
        return sign + count(abs(tenths) / 10) + "." + String(abs(tenths) % 10) + "%"
    }

    /// A number with at most `places` decimals, trailing zeros dropped.
    public static func decimal(_ value: Double, places: Int) -> String {
        let rounded = Rounding.halfAwayFromZero(value, places: places)
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
        case (.string(let text), _): return text
        case (.int(let number), .percent): return percent(Double(number))
        case (.int(let number), _): return count(number)
        case (.double(let number), .percent): return percent(number)
        case (.double(let number), .count): return count(Int(number))
        case (.double(let number), .days): return decimal(number, places: 1)
        case (.double(let number), _): return decimal(number, places: 4)
        case (.bool(let flag), _): return flag ? "yes" : "no"
        default: return value.encoded()
        }
    }
}
