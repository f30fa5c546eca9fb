/// An enrollment's status, from its first letter: the four values differ there.
public enum Status: UInt8, Sendable, CaseIterable {
    case enrolled, inProgress, completed, dropped

    /// Parses the exact text of the schema; nil for anything else.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Status? {
        func equals(_ text: StaticString) -> Bool {
            guard bytes.count == text.utf8CodeUnitCount else { return false }
            for index in 0..<bytes.count where bytes[index] != text.utf8Start[index] { return false }
            return true
        }
        if equals("enrolled") { return .enrolled }
        if equals("in_progress") { return .inProgress }
        if equals("completed") { return .completed }
        if equals("dropped") { return .dropped }
        return nil
    }
}

/// One enrollment as the scan hands it on: plain values, no strings, nothing allocated.
public struct EnrollmentRecord: Sendable {
    public var id: Int
    public var user: Int
    /// The learner's organization id; nil for none.
    public var organization: Int?
    public var badge: Int
    /// Dense positions of the badge and organization (0 = none); see `NameLookup`.
    var badgeSlot: Int
    var organizationSlot: Int
    public var enrolled: Timestamp
    public var status: Status
    public var progress: Double
    public var completed: Timestamp?

    /// Seconds from enrollment to completion, when both are known. Timestamps have whole
    /// seconds, so durations are exact integers, and 4 bytes each keep the arrays for medians
    /// small.
    var secondsToComplete: Int32? {
        guard status == .completed, let completed else { return nil }
        return Int32(clamping: completed.totalSeconds - enrolled.totalSeconds)
    }
}

/// Something that reads every enrollment during the one pass: one call per learner, with
/// all of that learner's rows ordered by (enrolled_at, id). One call per learner rather than
/// per row keeps the dynamic dispatch out of the innermost loop.
protocol EnrollmentConsumer: AnyObject {
    func consume(learner records: UnsafeBufferPointer<EnrollmentRecord>)
}

/// An analysis that thinks in rows: `consume` for each row, then `endLearner`.
protocol RowAggregator: AnyObject {
    func consume(_ record: EnrollmentRecord)
    func endLearner()
}

/// An analysis built on the shared pass: made from a question's context, fed the rows, asked
/// for its result at the end.
protocol ScanAggregator: EnrollmentConsumer {
    associatedtype Output: AnalysisOutput
    init(_ context: AnalysisContext, scan: EnrollmentScan)
    func result() -> Output
}

extension EnrollmentScan {
    /// One analysis on a pass of its own (a build shares one pass between all of them).
    static func analyse<A: ScanAggregator>(_ type: A.Type, _ context: AnalysisContext) throws -> A.Output {
        let scan = try EnrollmentScan(db: context.db)
        let aggregator = A(context, scan: scan)
        try scan.run([aggregator])
        return aggregator.result()
    }
}

extension EnrollmentConsumer where Self: RowAggregator {
    func consume(learner records: UnsafeBufferPointer<EnrollmentRecord>) {
        for record in records { consume(record) }
        endLearner()
    }
}

/// The one pass over `enrollments` that every analysis shares.
///
/// A naive build runs a query per table of numbers per question: tens of passes over a
/// million rows. Here the learners are read once into memory (their organization, a few
/// bytes each), then the enrollments are streamed once in learner order, and each analysis
/// aggregates what it needs as the rows go by: counts, distinct learners (easy when a
/// learner's rows come together), compact arrays for medians, and learning-path sequences.
/// The schema's row rules are checked in the same pass.
final class EnrollmentScan {
    let db: any DatabaseConnection
    let names: NameLookup
    /// Organization per user id; `users.count` per organization for organization_trends.
    private let organizationOfUser: UserDirectory
    private(set) var usersPerOrganization: [Int?: Int] = [:]
    let validator: RowValidator

    /// Reads the users and names; the enrollments wait for `run`.
    init(db: any DatabaseConnection) throws {
        self.db = db
        names = try NameLookup(db)
        validator = RowValidator(names: names)
        var users: [(id: Int, organization: Int?)] = []
        var counts: [Int?: Int] = [:]
        let validator = self.validator
        try db.query("SELECT id, organization_id FROM users", []) { row in
            let organization = row.optionalInt(1)
            users.append((row.int(0), organization))
            counts[organization, default: 0] += 1
            validator.checkUser(id: row.int(0), organization: organization)
        }
        organizationOfUser = UserDirectory(users)
        usersPerOrganization = counts
    }

    static let sql = """
        SELECT e.id, e.user_id, e.badge_id, e.enrolled_at, e.status, e.progress, e.completed_at
        FROM enrollments e ORDER BY e.user_id, e.enrolled_at, e.id
        """

    /// Streams every enrollment to the consumers and the validator.
    /// - Throws: `DatabaseError` when reading fails.
    func run(_ consumers: [any EnrollmentConsumer]) throws {
        var currentUser: Int?
        // The learner's organization, looked up once per learner; nil when the user is unknown.
        var organization: Int??
        var organizationSlot = 0
        var learner: [EnrollmentRecord] = []
        learner.reserveCapacity(64)
        func flush() {
            learner.withUnsafeBufferPointer { records in
                for consumer in consumers { consumer.consume(learner: records) }
            }
            learner.removeAll(keepingCapacity: true)
        }
        try db.query(Self.sql, []) { row in
            let user = row.int(1)
            if user != currentUser {
                if currentUser != nil { flush() }
                currentUser = user
                organization = organizationOfUser[user]
                organizationSlot = names.slot(ofOrganization: organization ?? nil)
            }
            guard var record = validator.check(row, organization: organization) else { return }
            record.organizationSlot = organizationSlot
            learner.append(record)
        }
        if currentUser != nil { flush() }
    }
}

/// Each user's organization, in a plain array indexed by id when the ids are dense (as
/// INTEGER PRIMARY KEYs usually are), else in a dictionary.
struct UserDirectory {
    private static let unknown = Int.min
    private static let none = Int.min + 1
    private var dense: [Int] = []
    private var sparse: [Int: Int?] = [:]

    init(_ users: [(id: Int, organization: Int?)]) {
        let largest = users.map(\.id).max() ?? 0
        if users.allSatisfy({ $0.id >= 0 }) && largest <= 4 * users.count + 1_024 {
            dense = Array(repeating: Self.unknown, count: largest + 1)
            for user in users { dense[user.id] = user.organization ?? Self.none }
        } else {
            for user in users { sparse[user.id] = user.organization }
        }
    }

    /// nil for an unknown user; .some(nil) for a user with no organization.
    subscript(_ id: Int) -> Int?? {
        if !dense.isEmpty || sparse.isEmpty {
            guard id >= 0, id < dense.count else { return nil }
            let value = dense[id]
            return value == Self.unknown ? nil : value == Self.none ? .some(nil) : .some(value)
        }
        return sparse[id]
    }
}

/// The schema's row rules, checked as the scan reads each row; `almanac check` and
/// `almanac build` share it. A row that breaks a rule is counted and kept out of the numbers.
final class RowValidator {
    private let names: NameLookup
    private var counts: [Rule: (count: Int, example: Int)] = [:]
    private(set) var rows = 0

    enum Rule: CaseIterable {
        case status, enrolledAt, completedAt, progress, completedBeforeEnrolled, unknownUser,
            unknownBadge, unknownOrganization, completedWithoutDate

        var message: String {
            switch self {
            case .status: return "enrollments with a status other than \(Schema.statuses.joined(separator: ", "))"
            case .enrolledAt: return "enrollments with an unparseable enrolled_at"
            case .completedAt: return "enrollments with an unparseable completed_at"
            case .progress: return "enrollments with progress outside 0…1"
            case .completedBeforeEnrolled: return "enrollments with completed_at earlier than enrolled_at"
            case .unknownUser: return "enrollments whose user_id matches no user"
            case .unknownBadge: return "enrollments whose badge_id matches no badge"
            case .unknownOrganization: return "users whose organization_id matches no organization"
            case .completedWithoutDate:
                return "completed enrollments with no completed_at (left out of completion times)"
            }
        }

        var severity: SchemaFinding.Severity { self == .completedWithoutDate ? .warning : .error }
    }

    init(names: NameLookup) {
        self.names = names
    }

    private func record(_ rule: Rule, _ id: Int) {
        if let existing = counts[rule] {
            counts[rule] = (existing.count + 1, min(existing.example, id))
        } else {
            counts[rule] = (1, id)
        }
    }

    func checkUser(id: Int, organization: Int?) {
        if let organization, names.organizations[organization] == nil { record(.unknownOrganization, id) }
    }

    /// The row as a record, or nil when it breaks an error rule.
    func check(_ row: any SQLRow, organization: Int??) -> EnrollmentRecord? {
        rows += 1
        let id = row.int(0)
        let user = row.int(1)
        var broken = false
        let status = row.withText(4) { Status.parse($0) }
        if status == nil { record(.status, id); broken = true }
        let enrolled = row.withText(3) { Timestamp.parse($0) }
        if enrolled == nil { record(.enrolledAt, id); broken = true }
        var completed: Timestamp?
        if !row.isNull(6) {
            completed = row.withText(6) { Timestamp.parse($0) }
            if completed == nil { record(.completedAt, id); broken = true }
        }
        let progress: Double
        switch row.value(5) {
        case .integer(let number): progress = Double(number)
        case .real(let number): progress = number
        default: progress = .nan  // text or NULL: not a number
        }
        if !(0...1).contains(progress) {
            record(.progress, id)
            broken = true
        }
        if let enrolled, let completed, completed < enrolled { record(.completedBeforeEnrolled, id); broken = true }
        guard let organization else {
            record(.unknownUser, id)
            return nil
        }
        let badge = row.int(2)
        let badgeSlot = names.badgeSlot[badge]
        if badgeSlot == nil { record(.unknownBadge, id); broken = true }
        if status == .completed && completed == nil { record(.completedWithoutDate, id) }
        guard !broken, let status, let enrolled, let badgeSlot else { return nil }
        return EnrollmentRecord(
            id: id, user: user, organization: organization, badge: badge, badgeSlot: badgeSlot,
            organizationSlot: 0, enrolled: enrolled, status: status, progress: progress, completed: completed)
    }

    /// What the pass found, as `almanac check` reports it.
    var findings: [SchemaFinding] {
        var findings = Rule.allCases.compactMap { rule -> SchemaFinding? in
            guard let found = counts[rule] else { return nil }
            return SchemaFinding(severity: rule.severity, message: rule.message, count: found.count, exampleID: found.example)
        }
        if rows == 0 {
            findings.append(.init(severity: .error, message: "the enrollments table has no rows: nothing to report"))
        }
        return findings
    }
}
