import Foundation

/// Checks that every figure in an answer comes from its data: the defence against a model
/// that invents or miscopies a number.
///
/// Figures are integers with or without thousands separators, decimals and percentages.
/// Years (1900–2100), dates (2024-03-01, 2024-03, 2024-W09), digits inside names from the
/// data ("Statistics 101"), and small counts up to 10 ("3 badges") are left out. A figure
/// matches a number of the context when it equals it after rounding to the figure's own
/// decimals, or, for a percentage, when it equals the number × 100 so rounded (rates are
/// fractions in the data). Signs are not compared, since a fall of 12 is written as 12.
///
/// Numerals in any script count: full-width forms are folded by NFKC (`７３.４％`), any Unicode
/// decimal digit by its digit value with the Arabic separators (`٧٣٫٤٪`), and numbers written
/// as English words up to the millions ("seventy-three percent", "two thousand four hundred")
/// are read as figures too, so a model cannot slip an invented number past the check.
public struct Grounding: Sendable, Equatable {
    public var figures: Int
    public var verified: Int
    public var unverified: [String]

    public var json: JSONValue {
        [
            "figures": .int(figures), "verified": .int(verified),
            "unverified": .array(unverified.map(JSONValue.string)),
        ]
    }

    public static func check(_ answer: String, against context: JSONValue) -> Grounding {
        var numbers: [Double] = []
        var names: [String] = []
        collect(context, numbers: &numbers, names: &names)
        // A long name as the pages show it, cut with "…": the offline narrator's own "4711
        // aaaa…" left "4711" behind, flagged as a figure not in the data (blind test 45).
        names += names.compactMap { name in
            let cut = DisplayName.cut(name)
            return cut == name ? nil : cut
        }
        // A name as the Markdown answer writes it, too: "ML\_Ops 101" left "101" behind, and
        // the offline narrator's own answer was flagged for it (a blind test).
        names += names.compactMap { name in
            let escaped = MarkdownText.escape(name)
            return escaped == name ? nil : escaped
        }
        // Names out first, longest first, so "Statistics 101" does not leave "101" behind.
        let text = removingNames(names, from: normalizedNumerals(answer))
        let found = figures(in: text) + wordFigures(in: text)
        let unverified = found.filter { figure in !numbers.contains { matches(figure, $0) } }.map(
            \.written)
        return Grounding(
            figures: found.count, verified: found.count - unverified.count, unverified: unverified)
    }

    struct Figure: Equatable {
        var written: String
        var value: Double
        var decimals: Int
        var percent: Bool
    }

    /// A number in scientific notation ("1e+20", as a query's large real is written) is one
    /// figure: read without its exponent, "+20" was flagged on the offline narrator's own answer.
    /// Digits after "{" are a character written out ("\u{202E}"), not a figure.
    private static let pattern = try! NSRegularExpression(
        pattern:
            #"(?<![\w.\-/:{])(\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{4}-\d{2}(?!\d)|-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(\s?%|\s+per\s?cent\b)?"#
    )

    /// " more" that ends a list: at the end, before punctuation, or " more in the table";
    /// not "and 45 more learners than Globex", a figure.
    private static func listEnd(_ rest: Substring) -> Bool {
        guard rest.hasPrefix(" more") else { return false }
        let after = rest.dropFirst(" more".count)
        return after.isEmpty || after.first.map { ".,;:)!?".contains($0) } == true
            || after.hasPrefix(" in the table")
    }

    static func figures(in text: String) -> [Figure] {
        var result: [Figure] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let number = piece(match.range(at: 1), of: text)
            let percent = match.range(at: 2).location != NSNotFound
            if number.contains("-W") || (number.count >= 7 && number.dropFirst().contains("-")) {
                continue
            }
            let plain = number.replacingOccurrences(of: ",", with: "")
            guard let value = Double(plain) else { continue }
            let mantissa = plain.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
            let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
            if !percent && decimals == 0 && !number.contains(",") {
                if (1900...2100).contains(value) { continue }  // a year
                if abs(value) <= 10 { continue }  // a small count: "3 badges"
            }
            // "… and 25 more" counts the names a list leaves out, not the data: the offline
            // narrator's own tie lists were flagged (an attack run).
            if !percent, let range = Range(match.range, in: text),
                text[..<range.lowerBound].hasSuffix("and "),
                Self.listEnd(text[range.upperBound...])
            {
                continue
            }
            let written = number + (percent ? "%" : "")
            result.append(
                Figure(written: written, value: value, decimals: decimals, percent: percent))
        }
        return result
    }

    // MARK: - Numerals in other forms

    /// Separators that NFKC leaves alone: Arabic decimal, thousands and percent signs.
    private static let separators: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{066B}": ".", "\u{066C}": ",", "\u{066A}": "%",
    ]

    /// `text` with every decimal digit as an ASCII digit and number punctuation in ASCII;
    /// letters and everything else are kept, so names still match.
    static func normalizedNumerals(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if scalar.properties.numericType == .decimal,
                let value = scalar.properties.numericValue,
                let digit = Unicode.Scalar(48 + UInt32(value))
            {
                scalars.append(digit)
            } else if let separator = separators[scalar] {
                scalars.append(separator)
            } else {
                let folded = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
                if folded.count == 1, let only = folded.first, ".,%-+".unicodeScalars.contains(only)
                {
                    scalars.append(only)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return String(scalars)
    }

    private static let units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen",
    ]
    private static let tens = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]

    private static let wordPattern: NSRegularExpression = {
        let word =
            "(?:" + (units + tens.keys.sorted() + scales.keys.sorted()).joined(separator: "|") + ")"
        let digit = "(?:" + units.prefix(10).joined(separator: "|") + ")"
        return try! NSRegularExpression(
            pattern:
                #"\b(\#(word)(?:(?:[\s-]+|\s+and\s+)\#(word))*)(\s+point(?:\s+\#(digit))+)?(\s+per\s?cent)?\b"#,
            options: [.caseInsensitive])
    }()

    /// Numbers written in English words, up to the millions.
    static func wordFigures(in text: String) -> [Figure] {
        var result: [Figure] = []
        for match in wordPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let written = piece(match.range, of: text)
            let whole = piece(match.range(at: 1), of: text).lowercased()
            var total = 0
            var current = 0
            for word in whole.split(whereSeparator: { $0 == " " || $0 == "-" || $0.isWhitespace })
            where word != "and" {
                let word = String(word)
                if let unit = units.firstIndex(of: word) {
                    current += unit
                } else if let ten = tens[word] {
                    current += ten
                } else if word == "hundred" {
                    current = max(current, 1) * 100
                } else if let scale = scales[word] {
                    total += max(current, 1) * scale
                    current = 0
                }
            }
            var value = Double(total + current)
            var decimals = 0
            if match.range(at: 2).location != NSNotFound {
                let digits = piece(match.range(at: 2), of: text).lowercased()
                    .split(whereSeparator: \.isWhitespace).dropFirst()
                var scale = 1.0
                for digit in digits {
                    scale /= 10
                    value += Double(units.firstIndex(of: String(digit)) ?? 0) * scale
                    decimals += 1
                }
            }
            let percent = match.range(at: 3).location != NSNotFound
            if !percent && decimals == 0 {
                // "three badges", a year
                if value <= 10 || (1900...2100).contains(value) { continue }
            }
            result.append(
                Figure(written: written, value: value, decimals: decimals, percent: percent))
        }
        return result
    }

    /// The UTF-16 `range` of `text`. A match may end inside a character (a digit with an
    /// accent over it), where `Range(_:in:)` has no answer.
    private static func piece(_ range: NSRange, of text: String) -> String {
        let units = text.utf16
        let start = units.index(units.startIndex, offsetBy: range.location)
        return String(
            decoding: units[start..<units.index(start, offsetBy: range.length)], as: UTF16.self)
    }

    static func matches(_ figure: Figure, _ number: Double) -> Bool {
        var scale = 1.0
        for _ in 0..<figure.decimals { scale /= 10 }
        let tolerance = scale / 2 + 1e-9
        // Signs are not compared: a change of −12 is written "fell by 12".
        let (number, value) = (abs(number), abs(figure.value))
        if figure.percent {
            // A rate of 0.5625 may be written 56.25%, 56.3% or 56%; a number already in
            // percent (a custom query's) may be written as it is, unless it is a fraction:
            // "0.66% completed" passed for a rate of 0.6617, 66.17 % (an attack run).
            return abs(number * 100 - value) <= tolerance
                || number > 1 && abs(number - value) <= tolerance
        }
        return abs(number - value) <= tolerance
    }

    /// Every number in the context, plus each list's length (answers count rows: "13
    /// organizations"), and every string, which may be a name with digits in it.
    private static func collect(_ value: JSONValue, numbers: inout [Double], names: inout [String])
    {
        switch value {
        case .int(let number): numbers.append(Double(number))
        case .double(let number): numbers.append(number)
        case .string(let text): names.append(text)
        case .array(let items):
            numbers.append(Double(items.count))
            for item in items { collect(item, numbers: &numbers, names: &names) }
        case .object(let members):
            // Keys are unique: in the order of the sorted keys, without looking each up again.
            for member in members.sorted(by: { $0.key < $1.key }) {
                collect(member.value, numbers: &numbers, names: &names)
                // A value already in percent ("change_percent": 0.3) as a fraction too, so
                // that "up 0.3%" matches it × 100, as a rate does (a review).
                if member.key.contains("percent"), let number = member.value.doubleValue {
                    numbers.append(number / 100)
                }
            }
        case .bool, .null: break
        }
    }
}

/// Answers with figures that are not in their data, under `--require-grounded`.
public struct GroundingFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var questions: [String]

    public var description: String {
        "--require-grounded: these answers quote figures that are not in their data:\n"
            + questions.map { "  " + $0 }.joined(separator: "\n")
    }
}
