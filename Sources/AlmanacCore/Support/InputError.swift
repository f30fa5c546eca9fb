/// An input the build cannot use: a questions file that is missing, special, too large or
/// not UTF-8, no database named, no date to report as of. The text says which and what to do.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
