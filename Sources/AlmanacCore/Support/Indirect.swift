/// A value kept in a box of its own, copied on write: the struct that holds it keeps only a
/// reference in place. `QuestionReport` holds its answer, match, comparison and pending SQL
/// this way, a quarter of its 1.3 KB, so that the reports waiting for their pages are small
/// and what a rendered report held goes with its box.
@propertyWrapper
public struct Indirect<Value> {
    private final class Box {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }

    private var box: Box

    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    public var wrappedValue: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// The box itself, to share it with another holder without a copy.
    public var projectedValue: Indirect<Value> {
        get { self }
        set { self = newValue }
    }
}

// @unchecked: the box is never written while it is shared (copy on write), as an array's.
extension Indirect: @unchecked Sendable where Value: Sendable {}
