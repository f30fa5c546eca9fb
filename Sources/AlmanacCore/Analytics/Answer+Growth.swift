extension Answer {
    /// The column of a growth ranking: each organization's enrollments in the window minus
    /// those in the previous window of the same length.
    static let growthTitle = "Growth in enrollments"

    /// "Which organizations grew this year?": the organizations ranked by how much their
    /// enrollments grew against the previous window of the same length (the comparison's
    /// per-organization `enrollments`), with the enrollments now as support. Nil unless the
    /// question asks for growth by organization and the comparison has those rows.
    static func growth(_ comparison: Comparison?, intent: Intent) -> Answer? {
        guard intent.measure == .growth, intent.dimension == .organization, let comparison
        else { return nil }
        // A ranking of organizations is of organizations: learners with none are left out.
        let rows = comparison.rows.filter {
            $0.measure == "enrollments" && $0.subject != nil && $0.subject != Scope.noOrganization
        }
        guard !rows.isEmpty else { return nil }
        var answer = Answer(
            intent, "Organization", .init(growthTitle, .count), "Enrollments",
            rows.compactMap { row in
                guard let subject = row.subject, let change = row.change else { return nil }
                return Row(
                    subject: subject, value: .int(Int(change.rounded())),
                    support: row.current.map { Int($0.rounded()) })
            })
        answer.growthWindows = comparison.windows
        return answer
    }
}
