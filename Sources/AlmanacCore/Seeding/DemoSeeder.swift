import Foundation

/// What `almanac seed` should generate. The defaults are fixed, never the wall clock, so the
/// same flags always give the same file.
public struct SeedOptions: Sendable, Equatable {
    public var users = 5_000
    public var badges = 24
    public var organizations = 12
    public var seed: UInt64 = 42
    public var start = CivilDate(year: 2024, month: 1, day: 1)!
    public var end = CivilDate(year: 2026, month: 9, day: 30)!

    public init() {}

    /// What is impossible about these options, in the words of the flags; nil when fine.
    public var problem: String? {
        if let problem = NumericFlag.problem("--users", users, in: FlagBounds.users) {
            return problem
        }
        if let problem = NumericFlag.problem("--badges", badges, in: FlagBounds.badges) {
            return problem
        }
        if let problem = NumericFlag.problem(
            "--organizations", organizations, in: FlagBounds.organizations)
        {
            return problem
        }
        if end.daysSinceEpoch - start.daysSinceEpoch < 60 {
            return "--end (\(end)) must be at least 60 days after --start (\(start))"
        }
        return nil
    }
}

/// A bad `almanac seed` request.
public struct SeedError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
}

/// What a seed run produced, for the command's summary line.
public struct SeedSummary: Sendable, Equatable {
    public var organizations: Int
    public var users: Int
    public var badges: Int
    public var enrollments: Int
}

/// Writes a synthetic learning-platform database whose charts tell stories: a long tail of
/// badge popularity, organizations of different sizes, badges that build on each other,
/// seasonal enrollment, and completion times that follow each badge's difficulty.
public struct DemoSeeder {
    public var options: SeedOptions

    public init(options: SeedOptions) {
        self.options = options
    }

    /// Generates the database at `path`. An existing file is replaced, once the new one is
    /// complete, only when `replace` is set and it is itself a SQLite database: a seed never
    /// destroys a folder or a file of another kind.
    /// - Throws: `SeedError` for impossible options or a path it will not replace,
    ///   `DatabaseError` when writing fails.
    public func write(to path: String, replace: Bool = false) throws -> SeedSummary {
        try validate()
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            // A FIFO or a device: reading its header would wait forever (a blind test).
            if DiskFileSystem().attributes(of: URL(fileURLWithPath: path))?.kind == .other {
                throw SeedError(
                    description:
                        "\(path) is a FIFO, a device or a socket; give --out the name of a database file"
                )
            }
            if isFolder.boolValue {
                throw SeedError(
                    description:
                        "\(path) is a folder; give --out a file name such as \(path)/demo.db")
            }
            guard Self.isSQLite(path) else {
                throw SeedError(
                    description:
                        "\(path) exists and is not a SQLite database; Almanac will not overwrite it"
                )
            }
            guard replace else {
                throw SeedError(
                    description:
                        "\(path) already exists; pass --force to replace it with new demo data")
            }
        }
        let staging = path + ".seeding"
        if manager.fileExists(atPath: staging) {
            guard Self.isSQLite(staging) || (manager.contents(atPath: staging)?.isEmpty ?? false)
            else {
                throw SeedError(
                    description:
                        "\(staging) exists and is not a leftover of an earlier seed; move it away")
            }
            try manager.removeItem(atPath: staging)
        }
        do {
            let summary = try generate(into: staging)
            // rename(2) replaces the old database in one step.
            guard rename(staging, path) == 0 else {
                throw SeedError(description: "cannot move the new database to \(path)")
            }
            return summary
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// True when the file starts with SQLite's header.
    static func isSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    private func validate() throws {
        if let problem = options.problem { throw SeedError(description: problem) }
    }

    // MARK: - Generation

    private struct Badge {
        var name: String
        var category: String
        var difficulty: Int
        var successors: [Int] = []
    }

    private func generate(into path: String) throws -> SeedSummary {
        let db = try SQLiteConnection(path: path, mode: .create)
        // The file is a scratch copy until the rename: durability buys nothing here.
        try db.execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096")
        try db.execute(Self.schemaSQL)
        try db.execute("BEGIN")

        var random = SeededRandom(seed: options.seed)
        let organizations = organizationNames()
        for (index, name) in organizations.enumerated() {
            try db.insert(
                "INSERT INTO organizations(id, name) VALUES (?, ?)",
                [.integer(Int64(index + 1)), .text(name)])
        }
        let badges = badgeCatalogue()
        for (index, badge) in badges.enumerated() {
            try db.insert(
                "INSERT INTO badges(id, name, category) VALUES (?, ?, ?)",
                [.integer(Int64(index + 1)), .text(badge.name), .text(badge.category)])
        }

        // Zipf weights give both the long tail of badges and the spread of organization sizes.
        let popularity = (0..<badges.count).map { 1 / pow(Double($0 + 1), 0.85) }
        let organizationSizes = (0..<organizations.count).map { 1 / pow(Double($0 + 1), 1.1) }
            .runningSums
        // Each organization leans toward one category, and some simply finish more.
        let categories = Array(Set(badges.map(\.category))).sorted()
        let organizationFocus = organizations.indices.map { _ in
            categories[random.int(below: categories.count)]
        }
        let organizationDiligence = organizations.indices.map { _ in random.normal() * 0.08 }

        let span = options.end.daysSinceEpoch - options.start.daysSinceEpoch
        var enrollmentID: Int64 = 0
        for userIndex in 0..<options.users {
            let userID = Int64(userIndex + 1)
            let organization: Int? =
                random.chance(0.06) ? nil : random.pick(cumulative: organizationSizes)
            let joined = options.start.daysSinceEpoch + random.int(below: max(1, span - 30))
            let name =
                DemoCatalogue.firstNames[random.int(below: DemoCatalogue.firstNames.count)] + " "
                + DemoCatalogue.lastNames[random.int(below: DemoCatalogue.lastNames.count)]
            try db.insert(
                "INSERT INTO users(id, name, organization_id, joined_at) VALUES (?, ?, ?, ?)",
                [
                    .integer(userID), .text(name),
                    organization.map { .integer(Int64($0 + 1)) } ?? .null,
                    .text(CivilDate(daysSinceEpoch: joined).description),
                ])

            var weights = popularity
            if let organization {
                for (index, badge) in badges.enumerated()
                where badge.category == organizationFocus[organization] {
                    weights[index] *= 2.5
                }
            }
            let diligence = organization.map { organizationDiligence[$0] } ?? -0.05
            var taken = Set<Int>()
            var previous: Int?
            var day = Double(joined) + random.exponential(mean: 20)
            let planned = 1 + Int(random.exponential(mean: 5.6))
            for _ in 0..<min(planned, badges.count) {
                day = seasonal(day, &random)
                guard Int(day) < options.end.daysSinceEpoch else { break }
                guard let badge = nextBadge(after: previous, badges, weights, taken, &random)
                else { break }
                taken.insert(badge)
                previous = badge
                enrollmentID += 1
                let outcome = outcome(
                    of: badges[badge], enrolledAt: day, diligence: diligence, &random)
                try db.insert(
                    """
                    INSERT INTO enrollments(id, user_id, badge_id, enrolled_at, status, progress, \
                    completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .integer(enrollmentID), .integer(userID), .integer(Int64(badge + 1)),
                        .text(timestamp(day)), .text(outcome.status), .real(outcome.progress),
                        outcome.completedAt.map { .text(timestamp($0)) } ?? .null,
                    ])
                // The next badge starts after this one ends, or a little later for a drop-out.
                day = (outcome.completedAt ?? day + 10) + random.exponential(mean: 18)
            }
        }
        try db.execute("COMMIT")
        try db.execute(Self.indexSQL)
        try db.execute("ANALYZE")
        return SeedSummary(
            organizations: organizations.count, users: options.users, badges: badges.count,
            enrollments: Int(enrollmentID))
    }

    private func organizationNames() -> [String] {
        (0..<options.organizations).map { index in
            index < DemoCatalogue.organizations.count
                ? DemoCatalogue.organizations[index] : "Organization \(index + 1)"
        }
    }

    private func badgeCatalogue() -> [Badge] {
        var badges = (0..<options.badges).map { index -> Badge in
            if index < DemoCatalogue.badges.count {
                let entry = DemoCatalogue.badges[index]
                return Badge(
                    name: entry.name, category: entry.category, difficulty: entry.difficulty)
            }
            let categories = DemoCatalogue.extraCategories
            return Badge(
                name: "Elective \(index + 1)", category: categories[index % categories.count],
                difficulty: 1 + index % 5)
        }
        let index = Dictionary(uniqueKeysWithValues: badges.enumerated().map { ($1.name, $0) })
        for (position, entry) in DemoCatalogue.badges.prefix(badges.count).enumerated() {
            if let base = entry.buildsOn, let baseIndex = index[base] {
                badges[baseIndex].successors.append(position)
            }
        }
        return badges
    }

    /// Learners usually go on to a badge that builds on the last one; otherwise they pick by
    /// popularity among the badges they have not taken.
    private func nextBadge(
        after previous: Int?, _ badges: [Badge], _ weights: [Double], _ taken: Set<Int>,
        _ random: inout SeededRandom
    ) -> Int? {
        if let previous {
            let next = badges[previous].successors.filter { !taken.contains($0) }
            if !next.isEmpty, random.chance(0.6) {
                return next[random.int(below: next.count)]
            }
        }
        let open = weights.enumerated().map { taken.contains($0.offset) ? 0 : $0.element }
        guard open.contains(where: { $0 > 0 }) else { return nil }
        return random.pick(cumulative: open.runningSums)
    }

    /// Moves a day forward until it lands in a month that people enrol in: January and
    /// September are busy, summer and December are quiet.
    private func seasonal(_ day: Double, _ random: inout SeededRandom) -> Double {
        let monthWeight = [1.0, 0.9, 0.85, 0.75, 0.7, 0.55, 0.45, 0.5, 0.95, 0.9, 0.8, 0.45]
        var candidate = day
        for _ in 0..<24 {
            let month = CivilDate(daysSinceEpoch: Int(candidate)).month
            if random.unit() < monthWeight[month - 1] { return candidate }
            candidate += 3 + random.exponential(mean: 7)
        }
        return candidate
    }

    private struct Outcome {
        var status: String
        var progress: Double
        var completedAt: Double?
    }

    /// Harder badges take longer and lose more learners; anything that would end after the
    /// data's end date is still in progress.
    private func outcome(
        of badge: Badge, enrolledAt: Double, diligence: Double, _ random: inout SeededRandom
    ) -> Outcome {
        let end = Double(options.end.daysSinceEpoch) + 1
        let duration = (4 + 11 * Double(badge.difficulty)) * exp(0.45 * random.normal())
        if random.chance(0.05) {
            return Outcome(status: "enrolled", progress: 0)
        }
        let completes = random.chance(0.88 - 0.1 * Double(badge.difficulty) + diligence)
        let stopsAt = completes ? 1 : 0.05 + 0.85 * random.unit()
        let finish = enrolledAt + duration * stopsAt
        if finish >= end {
            let done = max(0, (end - enrolledAt) / duration)
            return done < 0.02
                ? Outcome(status: "enrolled", progress: 0)
                : Outcome(status: "in_progress", progress: rounded(min(done, 0.95)))
        }
        return completes
            ? Outcome(status: "completed", progress: 1, completedAt: finish)
            : Outcome(status: "dropped", progress: rounded(stopsAt))
    }

    private func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }

    /// `YYYY-MM-DDTHH:MM:SS` for a fractional day count.
    private func timestamp(_ day: Double) -> String {
        let whole = Int(day.rounded(.down))
        let seconds = Int((day - Double(whole)) * 86_400)
        return CivilDate(daysSinceEpoch: whole).description + "T"
            + CivilDate.pad(seconds / 3600, 2) + ":" + CivilDate.pad(seconds / 60 % 60, 2) + ":"
            + CivilDate.pad(seconds % 60, 2)
    }

    public static let schemaSQL = """
        CREATE TABLE organizations(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL,
            organization_id INTEGER REFERENCES organizations(id), joined_at TEXT NOT NULL);
        CREATE TABLE badges(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            category TEXT NOT NULL);
        CREATE TABLE enrollments(id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            badge_id INTEGER NOT NULL REFERENCES badges(id),
            enrolled_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('enrolled','in_progress','completed','dropped')),
            progress REAL NOT NULL DEFAULT 0,
            completed_at TEXT);
        """

    /// The indexes the build uses; docs/schema.md recommends the same for real databases.
    /// The first covers the analyses' one ordered pass, so SQLite reads it front to back
    /// without touching the table; the others find the as-of date and the weekly change.
    public static let indexSQL = """
        CREATE INDEX enrollments_by_learner ON enrollments(user_id, enrolled_at, id, badge_id, status,
            progress, completed_at);
        CREATE INDEX enrollments_by_date ON enrollments(enrolled_at);
        CREATE INDEX enrollments_by_completion ON enrollments(completed_at);
        """
}
