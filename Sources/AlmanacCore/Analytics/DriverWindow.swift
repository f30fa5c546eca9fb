/// One window a move is counted over: a scope's badge and organization, its days, and its
/// cutoff.
public struct DriverWindow: Sendable, Hashable {
    /// Enrollments made in the days (by `enrolled_at`, with their status as of the cutoff), or
    /// completions that happened in them (by `completed_at`, of enrollments made by the cutoff).
    public enum Counting: String, Sendable, Hashable { case enrolled, completed }

    public var badge: String?
    public var organization: String?
    /// The first day counted (nil: from the first enrollment) and the first day not counted.
    public var from: CivilDate?
    public var until: CivilDate
    /// The day after the as-of date the window is counted as of.
    public var through: CivilDate
    public var counting: Counting

    public init(
        badge: String? = nil, organization: String? = nil, from: CivilDate?, until: CivilDate,
        through: CivilDate, counting: Counting = .enrolled
    ) {
        self.badge = badge
        self.organization = organization
        self.from = from
        self.until = until
        self.through = through
        self.counting = counting
    }

    /// The window's row of the scope list.
    func row(number: Int) -> ScopeList.Row {
        var scope = Scope(
            Filters(badge: badge, organization: organization), asOf: through.adding(days: -1))
        scope.from = counting == .enrolled ? from : nil
        scope.until = counting == .enrolled ? until : through
        var row = ScopeList.Row(number: number, scope, asOf: through.adding(days: -1))
        if counting == .completed {
            row.doneFrom = from
            row.doneUntil = until
        }
        return row
    }

    /// The name the analysis cache keeps the window's counts under.
    var cacheName: String {
        [
            "drivers", badge ?? "", organization ?? "", from?.description ?? "",
            until.description, through.description, counting.rawValue,
        ].joined(separator: "\u{1F}")
    }
}
