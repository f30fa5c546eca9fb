import Testing

@testable import AlmanacCore

/// Blind test 77 (a team lead's weekly workflow): "Compare completions this month to last
/// month" was refused as a window that "ends before it starts", and "How many enrollments this
/// week at Hooli against last week?" as two windows to set side by side with "against", which
/// it had. The dates are worked out by hand from the as-of date, Tuesday 2026-06-30: this week
/// began on Monday 29 June, last week on the 22nd.
@Suite struct BlindSeventySevenTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics"], organizations: ["Initech", "Hooli"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-30")!)

    @Test(
        "'compare A to B' and 'A with B' set the two windows side by side",
        arguments: [
            ("Compare completions this month to last month", "2026-06-01", "2026-05-01"),
            ("Compare enrollments this quarter with last quarter", "2026-04-01", "2026-01-01"),
            (
                "Compare Python Basics enrollments this week to last week", "2026-06-29",
                "2026-06-22"
            ),
        ])
    func compareTo(text: String, own: String, other: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: own), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(text)")
    }

    @Test(
        "a name between the two windows is the question's, and the windows are compared",
        arguments: [
            ("How many enrollments this week at Hooli against last week?", nil, "Hooli"),
            ("Enrollments this week for Python Basics vs last week", "Python Basics", nil),
        ] as [(String, String?, String?)])
    func nameBetween(text: String, badge: String?, organization: String?) throws {
        let match = try route(text)
        #expect(match.filters.badge == badge)
        #expect(match.filters.organization == organization)
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-06-29"))
        #expect(match.versus?.start == CivilDate(iso: "2026-06-22"))
    }

    @Test("'from last month to this month' is still one window, both months")
    func fromToIsOneWindow() throws {
        let match = try route("Enrollments from last month to this month")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-05-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-07-01"))
        #expect(match.versus == nil)
    }
}

/// Blind test 80: "Compare Q3 to Q2 completions" was one window, Q3 2025 to Q2 2026 (6,056
/// completions), and "How did enrollments change from July to August?" one window, July and
/// August against May and June, whose lead said enrollments "fell" where August rose (712 →
/// 874). A quarter or a month without its year, set against another, is two windows. As of
/// Tuesday 2026-06-30 Q2 is the latest quarter begun, and June the latest month.
@Suite struct BareWindowsComparedTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-06-30")!)

    @Test(
        "compared or changed, a bare quarter or month against another is two windows",
        arguments: [
            ("Compare Q2 to Q1 completions", "2026-04-01", "2026-01-01"),
            ("Compare June to May enrollments", "2026-06-01", "2026-05-01"),
            ("How did enrollments change from May to June?", "2026-06-01", "2026-05-01"),
            ("How did the completion rate change from Q1 to Q2?", "2026-04-01", "2026-01-01"),
        ])
    func twoWindows(text: String, own: String, other: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: own), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(text)")
    }

    @Test("with no word of a change or a comparison, 'from May to June' is one window")
    func oneWindow() throws {
        let match = try route("Enrollments from May to June")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-05-01"))
        #expect(match.filters.dateRange?.end == CivilDate(iso: "2026-07-01"))
        #expect(match.versus == nil)
    }
}
