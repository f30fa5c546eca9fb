extension SQLRow {
    /// An integer column that may be NULL.
    func optionalInt(_ index: Int) -> Int? {
        isNull(index) ? nil : int(index)
    }
}

/// Sorting by a main count, descending, then by name, ascending: the order of every list.
func byCountThenName<T>(
    _ count: @escaping (T) -> Int, _ name: @escaping (T) -> String
) -> (T, T) -> Bool {
    { a, b in
        let (countA, countB) = (count(a), count(b))
        return countA != countB ? countA > countB : name(a) < name(b)
    }
}
