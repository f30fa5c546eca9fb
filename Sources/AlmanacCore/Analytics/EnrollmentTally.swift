/// The counts one badge or organization has over its enrollments, which a per-subject answer
/// lists whatever the kind that computed them.
protocol EnrollmentTally {
    /// The badge or organization the counts are about.
    var subject: String { get }
    var enrollments: Int { get }
    var learners: Int { get }
    var completed: Int { get }
    /// completed / enrollments, as the database computed it.
    var completionRate: Double { get }
    /// The mean progress of the enrollments; nil with none.
    var averageProgress: Double? { get }
}

extension BadgeEnrollments.Row: EnrollmentTally {
    var subject: String { badge }
}

extension OrganizationTrends.Organization: EnrollmentTally {
    var subject: String { organization }
}

extension Answer {
    /// One row per tally for the measures every tally has: completions, completion rate and
    /// average progress, each standing on the enrollments; any other measure lists the
    /// enrollments, standing on the learners.
    static func tallied<Tally: EnrollmentTally>(
        _ tallies: [Tally], _ intent: Intent, subjectTitle: String
    ) -> Answer {
        switch intent.measure {
        case .completions:
            listing(tallies, intent, subjectTitle, .init("Completed", .count), "Enrollments") {
                (.int($0.completed), $0.enrollments)
            }
        case .completionRate:
            listing(
                tallies, intent, subjectTitle, .init("Completion rate", .percent), "Enrollments"
            ) {
                (Metrics.rateValue($0.completionRate, of: $0.enrollments), $0.enrollments)
            }
        case .averageProgress:
            listing(
                tallies, intent, subjectTitle, .init("Average progress", .percent), "Enrollments"
            ) {
                (.number($0.averageProgress), $0.enrollments)
            }
        default:
            listing(tallies, intent, subjectTitle, .init("Enrollments", .count), "Learners") {
                (.int($0.enrollments), $0.learners)
            }
        }
    }

    /// One row per tally, with the value and support `pick` reads from it.
    static func listing<Tally: EnrollmentTally>(
        _ tallies: [Tally], _ intent: Intent, _ subjectTitle: String, _ column: DataTable.Column,
        _ support: String?, _ pick: (Tally) -> (JSONValue, Int?)
    ) -> Answer {
        Answer(
            intent, subjectTitle, column, support,
            tallies.map { tally in
                let (value, support) = pick(tally)
                return Row(subject: tally.subject, value: value, support: support)
            })
    }
}
