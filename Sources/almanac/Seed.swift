import AlmanacCore
import ArgumentParser
import Foundation

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic learning-platform database for demos and benchmarks.",
        discussion: """
            The same flags give a byte-identical file. An existing database is replaced only \
            with --force.

            Examples:
              almanac seed                     # data/demo.db, where init's questions look
              almanac seed --out big.db --users 100000 --force
              almanac seed --out postgres://me@localhost/lms
            """)

    @Option(
        help:
            "Where to write the database: a SQLite file, or a postgres:// URL. The default is where the questions.yaml of `almanac init` looks."
    )
    var out = ProjectScaffold.databasePath

    // `.unconditional`: "--users -5" is a value out of range, not a missing value.
    @Option(parsing: .unconditional, help: "Number of registered users.")
    var users = 5_000

    @Option(parsing: .unconditional, help: "Number of badges.")
    var badges = 24

    @Option(parsing: .unconditional, help: "Number of organizations.")
    var organizations = 12

    @Option(
        parsing: .unconditional, help: "Random seed: the same flags give a byte-identical file.")
    var seed: UInt64 = 42

    @Option(help: "First day of activity, YYYY-MM-DD.")
    var start = CivilDate(year: 2024, month: 1, day: 1)!

    @Option(help: "Last day of activity, YYYY-MM-DD.")
    var end = CivilDate(year: 2026, month: 9, day: 30)!

    @Flag(
        help:
            "Replace an existing database at --out (never a folder or a file of another kind); on PostgreSQL, drop and recreate the four tables."
    )
    var force = false

    @Flag(
        help:
            "PostgreSQL: load rows into the four tables as they exist (a partitioned or sharded layout) instead of creating them; with --force, empty them first."
    )
    var keepSchema = false

    var options: SeedOptions {
        var options = SeedOptions()
        options.users = users
        options.badges = badges
        options.organizations = organizations
        options.seed = seed
        options.start = start
        options.end = end
        return options
    }

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
        if keepSchema && !PostgresURL.matches(out) {
            throw ValidationError("--keep-schema is for a postgres:// --out")
        }
    }

    func run() async throws {
        let options = self.options
        let location = DatabaseLocation(out)
        if location.isPostgres || location.filePath == nil {
            try seedPostgres(location)
            return
        }
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
        let started = ContinuousClock.now
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let summary = try DemoSeeder(options: options).write(to: out, replace: force)
            report(summary, at: out, since: started)
        } catch {
            throw fail(String(describing: error))
        }
    }

    /// Generates the demo as a SQLite file, then copies it into PostgreSQL.
    private func seedPostgres(_ location: DatabaseLocation) throws {
        let started = ContinuousClock.now
        do {
            guard let db = try location.openPostgresForWriting() else { return }
            let summary = try DemoSeeder(options: options).write(
                to: db, replace: force, keepSchema: keepSchema)
            report(summary, at: db.location, since: started)
        } catch {
            throw fail(String(describing: error))
        }
    }

    private func report(
        _ summary: SeedSummary, at place: String, since started: ContinuousClock.Instant
    ) {
        let elapsed = started.duration(to: .now)
        Terminal.error(
            "Wrote \(place): \(summary.organizations) organizations, \(summary.users) users, "
                + "\(summary.badges) badges, \(summary.enrollments) enrollments in "
                + "\(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))."
        )
    }
}
