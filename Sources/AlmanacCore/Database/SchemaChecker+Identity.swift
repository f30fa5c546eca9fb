/// Ids that two rows share. Tables without a primary key (a CSV import, a view, a foreign
/// table) can repeat one, and every join then counts a row twice: a blind test's duplicate
/// user made 3 enrollments 4 and their completion rate 25 % instead of 33 %, and a repeated
/// badge id credited one badge with another's enrollments.
extension SchemaChecker {
    /// The tables whose repeated ids the row rules' statement counts in SQL; the badges and
    /// organizations are read whole by `names`, and checked here.
    static let countedIdentities: Set<String> = ["enrollments", "users"]

    /// `WITH` and the two columns that count the rows whose id repeats in `table`, and give
    /// the smallest such id; nothing for the other tables.
    static func repeatedIdentities(_ table: String) -> (head: String, columns: String) {
        guard countedIdentities.contains(table) else { return ("", "") }
        return (
            """
            WITH repeated AS MATERIALIZED (
                SELECT id, count(*) AS copies FROM \(table) WHERE id IS NOT NULL
                GROUP BY id HAVING count(*) > 1
            )

            """,
            """
            ,
                   (SELECT coalesce(sum(copies), 0) FROM repeated) AS repeated_id_count,
                   (SELECT min(id) FROM repeated) AS repeated_id_example
            """
        )
    }

    /// The finding of the rows whose id another row of `table` also has, from the row rules'
    /// result; nil when every id is its own.
    static func repeatedIdentityFinding(_ result: ResultRecord?, table: String)
        -> SchemaFinding?
    {
        guard countedIdentities.contains(table), let result else { return nil }
        let count = result.int("repeated_id_count")
        guard count > 0 else { return nil }
        return SchemaFinding(
            severity: .error, message: repeatedMessage(table), count: count,
            exampleID: result.int("repeated_id_example"))
    }

    /// The badges or organizations whose id another also has, with their names.
    static func repeatedIdentities(
        _ rows: [(id: Int, name: String)], table: String
    ) -> SchemaFinding? {
        var namesByID: [Int: [String]] = [:]
        for row in rows { namesByID[row.id, default: []].append(row.name) }
        let repeated = namesByID.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        guard !repeated.isEmpty else { return nil }
        var listed = repeated.prefix(listedDuplicates).map { id, names in
            "id \(id) (" + names.map { "\"\(DisplayName.cut($0))\"" }.joined(separator: ", ") + ")"
        }
        if repeated.count > listedDuplicates {
            listed.append("and \(repeated.count - listedDuplicates) more")
        }
        return SchemaFinding(
            severity: .error,
            message: repeatedMessage(table) + ": " + listed.joined(separator: "; "),
            count: repeated.reduce(0) { $0 + $1.value.count })
    }

    private static func repeatedMessage(_ table: String) -> String {
        "\(table) whose id another row also has (every row it joins would be counted once per "
            + "copy; give each row an id of its own, or make id the table's primary key)"
    }
}
