/// What every analysis receives: a connection, the report's as-of date and the question's
/// filters.
public struct AnalysisContext {
    public var db: any DatabaseConnection
    public var asOf: CivilDate
    public var filters: Filters
    public var granularity: Granularity?

    public init(db: any DatabaseConnection, asOf: CivilDate, filters: Filters = Filters(),
                granularity: Granularity? = nil) {
        self.db = db
        self.asOf = asOf
        self.filters = filters
        self.granularity = granularity
    }
}

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

/// The numbers an analysis produced, in every shape the later stages need.
public protocol AnalysisOutput: Sendable {
    /// `metadata.analytics_data` in the report document: the contract of docs/metrics.md.
    var json: JSONValue { get }
    /// The key numbers as tables.
    var tables: [DataTable] { get }
    /// How many rows the main list has, for the progress line.
    var rowCount: Int { get }
}
