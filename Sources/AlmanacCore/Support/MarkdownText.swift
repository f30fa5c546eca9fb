/// Text placed into Markdown: the twin pages, the digest, the offline summaries.
public enum MarkdownText {
    /// Text from the data or a question, made inert: Markdown and HTML characters escaped,
    /// pipes escaped for tables, line breaks flattened.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~":
                result += "\\" + String(character)
            // `isNewline` also catches "\r\n", which is one Character and equals neither "\n"
            // nor "\r", and the Unicode line and paragraph separators.
            case _ where character.isNewline: result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
