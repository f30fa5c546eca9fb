import Testing

@testable import AlmanacCore

/// "MoM enrollment growth per customer" ranked the organizations by the growth of the 12
/// months against the 12 before, and "QoQ completions by badge" gave every completion of the
/// history by badge, its "QoQ" dropped without a word (stop 46's probe). A week, month or
/// quarter over the same, with no window of its own and no word of a series, is the last
/// whole one against the one before. The dates are worked out by hand from the as-of date,
/// Wednesday 2026-06-24: last month is May, last quarter Q1, last week Monday 15 June to
/// Sunday 21 June.
@Suite struct PeriodOverPeriodTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "Docker Basics"], organizations: ["Initech", "Hooli"],
            categories: [:]),
        asOf: CivilDate(iso: "2026-06-24")!)

    private func day(_ iso: String) -> CivilDate? { CivilDate(iso: iso) }

    @Test(
        "growth 'MoM' is the last month's growth, which is against the month before",
        arguments: [
            "MoM enrollment growth per customer",
            "Month over month enrollment growth per organization",
            "What is the month-on-month growth in enrollments by organization?",
        ])
    func growth(text: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .growth)
        #expect(match.intent.dimension == .organization)
        #expect(match.filters.dateRange?.start == day("2026-05-01"))
        #expect(match.filters.dateRange?.end == day("2026-06-01"))
        #expect(match.versus == nil)
    }

    @Test("a count 'QoQ' by badge is last quarter against the quarter before, by badge")
    func quarterByBadge() throws {
        let match = try route("QoQ completions by badge")
        #expect(match.intent.measure == .completions)
        #expect(match.intent.dimension == .badge)
        #expect(match.filters.dateRange?.start == day("2026-01-01"))
        #expect(match.filters.dateRange?.end == day("2026-04-01"))
        #expect(match.versus?.start == day("2025-10-01"))
        #expect(match.versus?.end == day("2026-01-01"))
    }

    @Test("'WoW' is last week, Monday to Sunday, against the week before")
    func week() throws {
        let match = try route("WoW enrollments by badge")
        #expect(match.intent.dimension == .badge)
        #expect(match.filters.dateRange?.start == day("2026-06-15"))
        #expect(match.filters.dateRange?.end == day("2026-06-22"))
        #expect(match.versus?.start == day("2026-06-08"))
        #expect(match.versus?.end == day("2026-06-15"))
    }

    @Test(
        "a rate or a total 'month over month' is last month against April",
        arguments: [
            (
                "What is the month-on-month change in the completion rate for Python Basics?",
                Measure.completionRate
            ),
            ("MoM completion growth", .completions), ("Enrollments month over month", .enrollments),
        ])
    func total(text: String, measure: Measure) throws {
        let match = try route(text)
        #expect(match.intent.measure == measure)
        #expect(match.intent.dimension == nil)
        #expect(match.filters.dateRange?.start == day("2026-05-01"))
        #expect(match.versus?.start == day("2026-04-01"))
        #expect(match.versus?.end == day("2026-05-01"))
    }

    @Test(
        "with a window of its own, or a word of a series, it is the series by that period",
        arguments: [
            ("MoM enrollments in 2025", Granularity.month),
            ("Month-over-month enrollments trend", .month),
            ("monthly enrollments month over month", .month),
        ])
    func series(text: String, granularity: Granularity) throws {
        let match = try route(text)
        #expect(match.intent.dimension == .period)
        #expect(match.granularity == granularity)
        #expect(match.versus == nil)
    }

    @Test("'year over year' is unchanged: the 12 months against the 12 before")
    func yearOverYear() throws {
        #expect(try route("YoY growth in enrollments").intent.measure == .growth)
        #expect(try route("YoY growth in enrollments").filters.dateRange == nil)
    }
}

/// Blind test 78: "wk over wk", "w/w", "mth over mth", "m-o-m" and "(MoM)" were dropped and
/// the whole history given; "this week vs last" and "this month compared to last" were one
/// window, set against the days just before it; "this month v last month" was two windows.
/// As of Wednesday 2026-06-24: this week began on 22 June, last week on the 15th, last month
/// is May.
@Suite struct ShorthandWindowTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics"], organizations: ["Initech"], categories: [:]),
        asOf: CivilDate(iso: "2026-06-24")!)

    @Test(
        "written-out and abbreviated periods over the same are the last one against the one before",
        arguments: [
            ("Python Basics enrollments wk over wk", "2026-06-15", "2026-06-08"),
            ("Python Basics enrollments w/w", "2026-06-15", "2026-06-08"),
            ("enrollments mth over mth", "2026-05-01", "2026-04-01"),
            ("enrollments m-o-m", "2026-05-01", "2026-04-01"),
            ("Python Basics enrollments (MoM)", "2026-05-01", "2026-04-01"),
            ("enrollments qtr over qtr", "2026-01-01", "2025-10-01"),
            ("enrollments month on month", "2026-05-01", "2026-04-01"),
        ])
    func periods(text: String, own: String, other: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: own), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(text)")
    }

    @Test(
        "a second window left unsaid is the one before; 'v' between windows is 'vs'",
        arguments: [
            ("Enrollments this week vs last", "2026-06-22", "2026-06-15"),
            ("How many completions this month compared to last?", "2026-06-01", "2026-05-01"),
            ("Initech enrollments this month versus last", "2026-06-01", "2026-05-01"),
            ("enrollments last month vs prior", "2026-05-01", "2026-04-01"),
            ("Enrollments this month v last month", "2026-06-01", "2026-05-01"),
        ])
    func elliptic(text: String, own: String, other: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: own), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(text)")
    }

    @Test("'w/ Initech' is still 'with Initech'")
    func with() throws {
        #expect(try route("enrollments w/ Initech").filters.organization == "Initech")
    }
}

/// An attack run: "WoW" on a Sunday gave the week before the one that had just ended, "MoM"
/// on 31 August gave July, "QoQ" on 30 June gave Q1. A period that ends on the as-of date is
/// whole: it is the one set against the one before.
@Suite struct LastWholePeriodTests {
    func route(_ text: String, asOf: String) throws -> Match {
        try Matcher(
            catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
            asOf: CivilDate(iso: asOf)!
        ).route(Question(id: "q", text: text))
    }

    @Test(
        "the week, month or quarter that ends on the as-of date is the last whole one",
        arguments: [
            ("WoW enrollments", "2026-06-28", "2026-06-22", "2026-06-15"),
            ("MoM enrollments", "2026-08-31", "2026-08-01", "2026-07-01"),
            ("QoQ enrollments", "2026-06-30", "2026-04-01", "2026-01-01"),
            ("MoM enrollments", "2026-06-30", "2026-06-01", "2026-05-01"),
            // A day earlier, the one before it.
            ("WoW enrollments", "2026-06-27", "2026-06-15", "2026-06-08"),
            ("MoM enrollments", "2026-08-30", "2026-07-01", "2026-06-01"),
        ])
    func endsOnAsOf(text: String, asOf: String, own: String, other: String) throws {
        let match = try route(text, asOf: asOf)
        #expect(match.filters.dateRange?.start == CivilDate(iso: own), "\(asOf)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(asOf)")
    }
}

/// Blind test 78 and an attack run: "Learners per badge" was enrollments by badge (equal on
/// the demo, not where learners re-enroll), and "How did learners trend last quarter?" was
/// enrollments over time, where learners per period are not computed.
@Suite struct LearnersReadTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-06-24")!)

    @Test(
        "learners as the head of a breakdown are counted as learners",
        arguments: ["Learners per badge", "learners by badge last month"])
    func breakdown(text: String) throws {
        let match = try route(text)
        #expect(match.intent.measure == .learners, "\(text)")
        #expect(match.intent.dimension == .badge)
    }

    @Test(
        "learners over time are refused, not answered with enrollments",
        arguments: [
            "How did learners trend last quarter?", "Learners over time",
            "learner trend at Initech last quarter",
        ])
    func overTime(text: String) throws {
        guard case .unsupported(let measure, let dimension) = try reason(text) else {
            Issue.record("\(text) was not refused as unsupported")
            return
        }
        #expect(measure == "learners" && dimension == "period", "\(text)")
    }

    @Test("learners who enroll over time are enrollments over time")
    func enrolled() throws {
        #expect(try route("How did learners enroll over time?").intent.measure == .growth)
    }
}

/// An attack run: "last month MoM enrollments" was refused as the time "last month month";
/// read, it was a series of one month. A window that is one whole such period, or the one to
/// date, is set against the one before. As of Wednesday 2026-06-24.
@Suite struct OwnPeriodOverPeriodTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-06-24")!)

    @Test(
        "one whole period, or the one to date, against the one before",
        arguments: [
            ("last month MoM enrollments", "2026-05-01", "2026-04-01", "2026-05-01"),
            ("QoQ completions in Q1 2026", "2026-01-01", "2025-10-01", "2026-01-01"),
            // To date: against last month, which the comparison counts to the same day.
            ("this month MoM enrollments", "2026-06-01", "2026-05-01", "2026-06-01"),
        ])
    func own(text: String, start: String, other: String, otherEnd: String) throws {
        let match = try route(text)
        #expect(match.filters.dateRange?.start == CivilDate(iso: start), "\(text)")
        #expect(match.versus?.start == CivilDate(iso: other), "\(text)")
        #expect(match.versus?.end == CivilDate(iso: otherEnd), "\(text)")
    }

    /// A review: the quarter to date named by its name was compared by its phrase, and read
    /// as a series of one partial quarter.
    @Test("the current quarter by its name is the quarter to date against the one before")
    func currentByName() throws {
        let match = try route("QoQ enrollments in Q2 2026")
        #expect(match.filters.dateRange?.start == CivilDate(iso: "2026-04-01"))
        #expect(match.versus?.start == CivilDate(iso: "2026-01-01"))
    }

    @Test("a window after 'vs last' is read: 'this month vs last June' is June 2025")
    func lastJune() throws {
        let match = try route("Enrollments this month vs last June")
        #expect(match.versus?.start == CivilDate(iso: "2025-06-01"))
    }

    @Test("a window of many months is still the series by month")
    func series() throws {
        let match = try route("MoM enrollments since March")
        #expect(match.intent.dimension == .period && match.granularity == .month)
        #expect(match.versus == nil)
    }
}

/// Blind test 78: "How did completions trend last quarter by badge?" gave completions by
/// badge, and "How did the completion rate trend by badge this year?" one rate per badge, their
/// "trend" dropped; "enrollments over time by badge" was refused already.
@Suite struct SeriesByNameTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(badges: ["Python Basics"], organizations: ["Initech"]),
        asOf: CivilDate(iso: "2026-06-24")!)

    @Test(
        "a series by badge or organization of a kind that counts none is refused",
        arguments: [
            ("How did completions trend last quarter by badge?", "badge"),
            ("How did the completion rate trend by badge this year?", "badge"),
            ("Completions over time by organization", "organization"),
        ])
    func refused(text: String, dimension: String) throws {
        guard case .unsupported(let measure, let by) = try reason(text) else {
            Issue.record("\(text) was not refused as unsupported")
            return
        }
        #expect(measure.hasSuffix(" over time") && by == dimension, "\(text): \(measure)")
    }

    @Test("'the historical completion rate by badge' is its whole history, by badge")
    func historical() throws {
        let match = try route("What is the historical completion rate by badge?")
        #expect(match.intent.dimension == .badge)
    }
}
