import Foundation

/// The opened database and what every question needs from it.
struct BuildSource {
    var location: DatabaseLocation
    var db: any DatabaseConnection
    /// The build's connections in one read-only transaction each, all on one version of the
    /// data, from the first statement below until `snapshot.end()` after the build's last.
    var snapshot: ReadSnapshot
    var stats: DatabaseStats
    var asOf: CivilDate
    /// The day of the first enrollment: a period that starts before it is partial.
    var firstDay: CivilDate?
    var catalogue: EntityCatalogue
    /// Statements run so far on `db`, parameters inlined, for `--dump-sql`.
    var recorder: StatementRecorder
    /// The data's latest day when the report is dated before it (back-dated); nil otherwise.
    var latestActivity: CivilDate? = nil
    /// The data's latest day when the report is dated after it: the days between hold no
    /// data, and the pages say so; nil otherwise.
    var dataEnds: CivilDate? = nil

    /// The redacted place, for messages.
    var path: String { db.location }

    /// Opens the database read-only, checks its structure (the row rules run with the
    /// analyses), and reads the counts, the as-of date and the names every question shares.
    /// - Throws: `BuildError` at the database stage.
    /// - Parameter today: the wall clock's day, which only checks the data's latest day: a
    ///   report is dated by its data (or `--as-of`), never by the clock.
    static func open(
        _ location: DatabaseLocation, asOf requested: CivilDate?, today: CivilDate,
        warnings: WarningLog
    ) throws -> BuildSource {
        try BuildError.wrapping(.database, nil) {
            let db = try location.open()
            let recorder = StatementRecorder()
            recorder.record(db)
            // Every statement of the build reads one version of the data, even while the
            // database is written to: the pool's connections join before any runs.
            let snapshot = try ReadSnapshot.begin(
                on: db, joiners: AnalysisRunner.connections - 1, open: location.open)
            let missing = try SchemaChecker().structure(db)
            if !missing.isEmpty {
                throw SchemaCheckError(path: db.location, report: SchemaReport(findings: missing))
            }
            // Names are checked before any question is matched against them: a megabyte name
            // stops the build here, in one short line, not in a "did you mean" that quotes it.
            let names = try SchemaChecker().names(db).filter { $0.severity == .error }
            if !names.isEmpty {
                throw SchemaCheckError(path: db.location, report: SchemaReport(findings: names))
            }
            var stats = try DatabaseStats.read(from: db)
            // The cause first: with no enrollments, --as-of would only lead to this.
            guard stats.enrollments > 0 else {
                throw InputError(
                    description:
                        "\(db.location): the enrollments table has no rows: nothing to report")
            }
            guard let asOf = try requested ?? DatabaseStats.latestActivity(in: db) else {
                throw InputError(
                    description:
                        "\(db.location): no enrolled_at or completed_at to take the as-of date from; pass --as-of"
                )
            }
            if requested == nil {
                try checkFuture(asOf, today: today, db, warnings)
                try checkStray(asOf, today: today, db, warnings)
            }
            let first = try DatabaseStats.earliestEnrollment(in: db)
            // One enrollment dated 0001-01-01 made every series of the whole history count
            // each period since: a 441 MB site (blind test 51). No platform enrolled before
            // 1971; 1970-01-01 is a Unix time of 0, a common stray.
            if let first, first.parts.year < 1971 {
                throw InputError(
                    description:
                        "\(db.location): the data's first enrollment is dated \(first), before 1971, and a report would count every period since it; a stray row (a Unix time of 0?) Fix its enrolled_at in the database"
                )
            }
            if let requested, let first, requested < first {
                warnings.add(
                    "--as-of \(requested) is before the first enrollment (\(first)); every analysis will be empty"
                )
            }
            // A report dated before the data's last day is back-dated: what has a date is
            // counted as of then, drop-outs cannot be, and the pages say so.
            var latest: CivilDate?
            let last = requested == nil ? nil : try DatabaseStats.latestActivity(in: db)
            if let last, asOf < last {
                latest = last
                stats = try DatabaseStats.read(from: db, asOf: asOf)
            } else {
                // Counted as of the report's date: users who joined after it (a sign-up the day
                // after the last enrollment) were the index's "registered users", where the
                // organizations' pages left them out (5,050 against 5,000, an attack run). Every
                // enrollment is dated by then.
                stats.users = try DatabaseStats.users(in: db, joinedBy: asOf)
            }
            // One dated after it counts the days between as empty: a stale export or a
            // mistyped year, which would otherwise publish a fall that is the export's. A
            // week or more after it, the last 7 days hold nothing at all.
            var ends: CivilDate?
            if let last, asOf > last {
                ends = last
                let gap = asOf.daysSinceEpoch - last.daysSinceEpoch
                // "--as-of 9998-12-31" counted every week up to it: 93 s and a 371 MB site
                // (blind test 45).
                if asOf > today.adding(days: 1), gap > 366 {
                    throw InputError(
                        description:
                            "--as-of \(asOf) is after today (\(today)) and more than a year after the data's last activity (\(last)), and a report dated then would count every period up to it; date the report up to today"
                    )
                }
                warnings.add(
                    gap >= 7
                        ? "--as-of \(asOf) is after the data's last activity (\(last)): the last 7 days, and every window after \(last), hold no data; is the export up to date?"
                        : "--as-of \(asOf) is \(NumberText.count(gap)) day\(gap == 1 ? "" : "s") after the data's last activity (\(last)): the last 7 days hold \(NumberText.count(7 - gap)) days of data, and the pages say so; is the export up to date?"
                )
            }
            return BuildSource(
                location: location, db: db, snapshot: snapshot, stats: stats, asOf: asOf,
                firstDay: first,
                catalogue: try EntityCatalogue.read(from: db), recorder: recorder,
                latestActivity: latest, dataEnds: ends)
        }
    }

    /// The data's latest day, two weeks or more after any other, is likely a stray row: one
    /// enrollment dated 2026-12-01 in data that ends 2026-09-30 dated the report by it, its
    /// last 7 days "1 against 0" and two months of empty windows (blind test 45). Said, with
    /// the date to pass; a day after today is `checkFuture`'s.
    private static func checkStray(
        _ latest: CivilDate, today: CivilDate, _ db: any DatabaseConnection,
        _ warnings: WarningLog
    ) throws {
        guard latest <= today.adding(days: 1),
            let before = try DatabaseStats.latestActivity(before: latest, in: db),
            latest >= before.adding(days: 14)
        else { return }
        let gap = latest.daysSinceEpoch - before.daysSinceEpoch
        warnings.add(
            "\(db.location): the data's latest activity, \(latest), is \(NumberText.count(gap)) days after any other (\(before)), and the report is dated by it, the days between empty; if that row is a stray, fix it, or date the report with --as-of \(before)"
        )
    }

    /// The data's latest day after today is a row dated in the future: a report dated by it
    /// counts every period up to it (one row dated 9000-01-01 made a 341 MB site). When it
    /// stands more than a year after every other day of the data, it is a stray row, and
    /// refused; otherwise it is said.
    private static func checkFuture(
        _ latest: CivilDate, today: CivilDate, _ db: any DatabaseConnection,
        _ warnings: WarningLog
    ) throws {
        guard latest > today.adding(days: 1) else { return }
        let advice =
            "a row dated in the future? Fix it in the database, or date the report with --as-of"
        if let before = try DatabaseStats.latestActivity(before: latest, in: db),
            latest > before.adding(days: 366)
        {
            throw InputError(
                description:
                    "\(db.location): the data's latest activity, \(latest), is after today (\(today)) and more than a year after any other (\(before)), and a report dated then would count every period up to it; \(advice)"
            )
        }
        warnings.add(
            "\(db.location): the data's latest activity, \(latest), is after today (\(today)), so the report is dated \(latest); \(advice)"
        )
    }
}
