/// A table of numbers as a page shows it: under a chart, and as the key numbers.
public struct DataTable: Sendable, Equatable {
    public enum Format: Sendable, Equatable {
        case text
        case count
        /// A fraction shown as a percentage.
        case percent
        case days
        case decimal
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var format: Format

        public init(_ title: String, _ format: Format) {
            self.title = title
            self.format = format
        }
    }

    public var title: String
    public var columns: [Column]
    public var rows: [[JSONValue]]

    public init(title: String, columns: [Column], rows: [[JSONValue]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
