/// Badge and organization names by id, read once per analysis run.
struct NameLookup {
    static let noOrganization = "(no organization)"

    var badges: [Int: (name: String, category: String)] = [:]
    var organizations: [Int: String] = [:]
    /// Badge ids in order; a badge's slot is its position here, so the scan's consumers count
    /// in plain arrays.
    private(set) var badgeIDs: [Int] = []
    private(set) var badgeSlot: [Int: Int] = [:]
    /// Slot 0 is "no organization"; organization ids follow in order.
    private(set) var organizationIDs: [Int?] = [nil]
    private(set) var organizationSlot: [Int: Int] = [:]

    init(_ db: any DatabaseConnection) throws {
        try db.query("SELECT id, name, category FROM badges ORDER BY id", []) { row in
            badges[row.int(0)] = (row.string(1) ?? "", row.string(2) ?? "")
            badgeSlot[row.int(0)] = badgeIDs.count
            badgeIDs.append(row.int(0))
        }
        try db.query("SELECT id, name FROM organizations ORDER BY id", []) { row in
            organizations[row.int(0)] = row.string(1) ?? ""
            organizationSlot[row.int(0)] = organizationIDs.count
            organizationIDs.append(row.int(0))
        }
    }

    /// The slot of an organization id; nil (no organization) is slot 0.
    func slot(ofOrganization id: Int?) -> Int {
        id.flatMap { organizationSlot[$0] } ?? 0
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
