/// An input the build needs that is missing or unreadable: the questions file, the database,
/// a custom query that cannot run. The text says which and what to do.
public struct MissingInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
