/// Badge and organization names by id, read once per analysis run.
struct NameLookup {
    static let noOrganization = "(no organization)"

    var badges: [Int: (name: String, category: String)] = [:]
    var organizations: [Int: String] = [:]

    init(_ db: any DatabaseConnection) throws {
        try db.query("SELECT id, name, category FROM badges", []) { row in
            badges[row.int(0)] = (row.string(1) ?? "", row.string(2) ?? "")
        }
        try db.query("SELECT id, name FROM organizations", []) { row in
            organizations[row.int(0)] = row.string(1) ?? ""
        }
    }

    func badge(_ id: Int) -> String { badges[id]?.name ?? "badge \(id)" }

    /// The name of an organization id; NULL (nil) is the learners with no organization.
    func organization(_ id: Int?) -> String {
        guard let id else { return Self.noOrganization }
        return organizations[id] ?? "organization \(id)"
    }
}

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
