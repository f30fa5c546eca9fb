/// A question's filters as ids and day numbers, tested on each record of the scan.
struct ScanFilter {
    /// nil: any badge; .some(nil): a badge name the database does not have (matches nothing).
    var badge: Int??
    var organization: Int??
    /// Half-open day range on enrolled_at.
    var start: Int?
    var end: Int?

    /// - Parameter asOf: the report date; enrollments after it are left out, so a report as of
    ///   an earlier date shows the data as it stood then.
    init(_ filters: Filters, names: NameLookup, asOf: CivilDate? = nil) {
        if let name = filters.badge {
            badge = .some(names.badges.first { $0.value.name == name }?.key)
        }
        if let name = filters.organization {
            organization = .some(names.organizations.first { $0.value == name }?.key)
        }
        start = filters.dateRange?.start?.daysSinceEpoch
        end = filters.dateRange?.end?.daysSinceEpoch
        if let limit = asOf?.adding(days: 1).daysSinceEpoch {
            end = min(end ?? limit, limit)
        }
    }

    func inRange(_ day: Int) -> Bool {
        if let start, day < start { return false }
        if let end, day >= end { return false }
        return true
    }

    func matchesOrganization(_ record: EnrollmentRecord) -> Bool {
        guard let organization else { return true }
        return organization != nil && record.organization == organization
    }

    /// Whether a learner of this organization passes the organization filter.
    func matchesOrganization(_ id: Int?) -> Bool {
        guard let organization else { return true }
        return organization != nil && id == organization
    }

    func matchesBadge(_ record: EnrollmentRecord) -> Bool {
        guard let badge else { return true }
        return badge != nil && record.badge == badge
    }

    /// Organization and dates, not the badge.
    func matchesScope(_ record: EnrollmentRecord) -> Bool {
        matchesOrganization(record) && inRange(record.enrolled.day)
    }

    func matches(_ record: EnrollmentRecord) -> Bool {
        matchesScope(record) && matchesBadge(record)
    }
}
