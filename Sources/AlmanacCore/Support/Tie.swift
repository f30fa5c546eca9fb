/// Who holds the highest or the lowest value of a ranked list, told truthfully when several
/// share it: a sentence that names one subject as "the highest" while others have the same
/// value misleads (a blind test read "East Anglian Region has the highest completion rate,
/// 0.0%" where all 13 organizations were at 0.0%). docs/metrics.md, "Ties".
public enum Tie {
    /// How many tied names a sentence gives before "and N more".
    public static let named = 3

    /// The items at the head of `ranked` (already in order, the extreme first) that share the
    /// first one's value, in order.
    public static func leading<T>(_ ranked: [T], by value: (T) -> Double) -> [T] {
        guard let first = ranked.first.map(value) else { return [] }
        return Array(ranked.prefix { value($0) == first })
    }

    /// "A", "A and B", "A, B and C", "A, B, C and 5 more".
    public static func names(_ names: [String]) -> String {
        if names.count > named + 1 {
            return names.prefix(named).joined(separator: ", ") + " and \(names.count - named) more"
        }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A count in words up to ten ("eight"), in digits above ("13"): words for the small ones
    /// read better, and a sentence cannot begin with digits.
    public static func number(_ count: Int) -> String {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ]
        return (0...10).contains(count) ? words[count] : NumberText.count(count)
    }

    /// "Eight badges tie for the lowest completion rate, 0.0%: A, B, C and 5 more", or, for
    /// one name, `single` ("A has the highest completion rate at 46.7%"). `plural` is the
    /// noun for several ("badges"), `what` what they tie for ("the lowest completion rate").
    public static func phrase(
        _ names: [String], plural: String, what: String, value: String, single: String
    ) -> String {
        guard names.count > 1 else { return "\(names.first ?? "") \(single)" }
        return "\(number(names.count)) \(plural) tie for \(what), \(value): \(Self.names(names))"
    }

    /// "all 13 organizations have the same completion rate, 0.0%" ("both badges …" for two).
    public static func all(_ count: Int, plural: String, what: String, value: String) -> String {
        let who = count == 2 ? "both \(plural)" : "all \(number(count)) \(plural)"
        return "\(who) have the same \(what), \(value)"
    }

    /// The text with its first letter in upper case, to begin a sentence.
    public static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
