import Foundation
import Testing

@testable import AlmanacCore

/// One row dated in the future dates the whole report by it when no `--as-of` is given: a
/// blind test's row dated 9000-01-01 made a 341 MB site of empty months.
@Suite struct FutureDataTests {
    /// 2024-03-10, nine days after the fixture's latest activity (2024-03-01).
    static let tenthOfMarch = Date(timeIntervalSince1970: 1_710_028_800)

    func project(futureRow day: String) throws -> Project {
        var project = try Project(
            rows: Fixture.platformRows + """
                INSERT INTO enrollments VALUES (90, 1, 3, '\(day)', 'enrolled', 0, NULL);
                """)
        project.now = { Self.tenthOfMarch }
        return project
    }

    @Test("a stray row dated more than a year after every other is refused, naming it")
    func refused() async throws {
        let project = try project(futureRow: "2026-01-01")
        let error = await #expect(throws: BuildError.self) { try await project.build() }
        #expect(error?.stage == .database)
        #expect(
            error?.description.contains(
                "the data's latest activity, 2026-01-01, is after today (2024-03-10) and more than a year after any other (2024-03-01)"
            ) == true, "\(String(describing: error))")
        // --as-of dates the report itself: nothing to refuse.
        let dated = try await project.build(configure: { $0.asOf = CivilDate(iso: "2024-03-01") })
        #expect(dated.asOf == CivilDate(iso: "2024-03-01"))
    }

    /// The same at the other end: one row dated 0001-01-01 made a 441 MB site (blind test 51).
    @Test("a first enrollment before 1971 is refused, naming it, with or without --as-of")
    func ancientRow() async throws {
        for (day, asOf) in [
            ("0001-01-01", nil), ("0001-01-01", CivilDate(iso: "2024-03-01")), ("1970-01-01", nil),
        ] {
            let project = try project(futureRow: day)
            let error = await #expect(throws: BuildError.self) {
                try await project.build(configure: { $0.asOf = asOf })
            }
            #expect(
                error?.description.contains(
                    "the data's first enrollment is dated \(day), before 1971") == true,
                "\(String(describing: error))")
        }
        // 1971 is a year the data may hold.
        let old = try self.project(futureRow: "1971-01-01")
        #expect(try await old.build().asOf == CivilDate(iso: "2024-03-01"))
    }

    @Test("a latest day after today, within a year, is said and used")
    func warned() async throws {
        let project = try project(futureRow: "2024-04-01")
        let summary = try await project.build()
        #expect(summary.asOf == CivilDate(iso: "2024-04-01"))
        #expect(
            summary.warnings.contains {
                $0.contains(
                    "the data's latest activity, 2024-04-01, is after today (2024-03-10), so the report is dated 2024-04-01"
                )
            }, "\(summary.warnings)")
        // Data all after today (a synthetic set, or a clock set back): said, not refused.
        var early = try Project()
        early.now = { Date(timeIntervalSince1970: 1_577_836_800) }  // 2020-01-01
        let built = try await early.build()
        #expect(built.asOf == CivilDate(iso: "2024-03-01"))
        #expect(built.warnings.contains { $0.contains("is after today (2020-01-01)") })
        // The fixture as it is, latest 2024-03-01: nothing said.
        var plain = try Project()
        plain.now = { Self.tenthOfMarch }
        #expect(try await plain.build().warnings.allSatisfy { !$0.contains("after today") })
    }

    /// Blind test 45: one enrollment dated 2026-12-01 in data that ends 2026-09-30 dated the
    /// report by it, unsaid. Here the fixture ends 2024-03-01 and the stray row is 2024-03-09,
    /// before today (2024-03-10): eight days after, nothing is said; 2024-03-20 (today set
    /// after it), 19 days after, is said with the date to pass.
    @Test("a latest day two weeks or more after any other is said, with the --as-of to pass")
    func stray() async throws {
        var stray = try project(futureRow: "2024-03-20")
        stray.now = { Date(timeIntervalSince1970: 1_711_929_600) }  // 2024-04-01
        let summary = try await stray.build()
        #expect(summary.asOf == CivilDate(iso: "2024-03-20"))
        #expect(
            summary.warnings.contains {
                $0.contains(
                    "the data's latest activity, 2024-03-20, is 19 days after any other (2024-03-01), and the report is dated by it, the days between empty; if that row is a stray, fix it, or date the report with --as-of 2024-03-01"
                )
            }, "\(summary.warnings)")
        let near = try project(futureRow: "2024-03-09")
        #expect(try await near.build().warnings.allSatisfy { !$0.contains("days after any other") })
    }

    /// Blind test 45: `--as-of 9998-12-31` took 93 s and wrote a 371 MB site.
    @Test("an --as-of after today and more than a year after the data is refused")
    func farAsOf() async throws {
        var project = try Project()
        project.now = { Self.tenthOfMarch }
        let error = await #expect(throws: BuildError.self) {
            try await project.build(configure: { $0.asOf = CivilDate(iso: "9998-12-31") })
        }
        #expect(
            error?.description.contains(
                "--as-of 9998-12-31 is after today (2024-03-10) and more than a year after the data's last activity (2024-03-01)"
            ) == true, "\(String(describing: error))")
        // A year after the data, up to today, is a stale export: said, and built.
        var later = try Project()
        later.now = { Date(timeIntervalSince1970: 1_767_225_600) }  // 2026-01-01
        let built = try await later.build(configure: { $0.asOf = CivilDate(iso: "2025-12-31") })
        #expect(built.asOf == CivilDate(iso: "2025-12-31"))
    }
}
