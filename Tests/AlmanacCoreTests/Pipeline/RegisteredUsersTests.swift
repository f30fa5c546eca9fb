import Testing

@testable import AlmanacCore

/// An attack run: 50 users who joined after the last enrollment were counted among the
/// index's registered users (5,050), where the organizations' pages of the same report, as of
/// that day, left them out (5,000). `Fixture.platformRows` has 4 users who joined on
/// 2024-01-01 and its last activity on 2024-03-01; a fifth joins on 2024-03-05.
@Suite struct RegisteredUsersTests {
    static let rows =
        Fixture.platformRows + "\nINSERT INTO users VALUES (5, 'Eve', 1, '2024-03-05');"

    func registered(_ project: Project) -> String? {
        let lines = project.read("index.md").components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| Registered users") }),
            header + 2 < lines.count
        else { return nil }
        return lines[header + 2].components(separatedBy: "|")[1].trimmingCharacters(
            in: .whitespaces)
    }

    @Test("the index counts the users who had joined by the report's date")
    func asOfTheReport() async throws {
        let project = try Project(rows: Self.rows)
        try await project.build()
        #expect(registered(project) == "4")
        try await project.build { $0.asOf = CivilDate(iso: "2024-03-10") }
        #expect(registered(project) == "5")
    }
}
