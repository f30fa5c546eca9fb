import Testing

@testable import AlmanacCore

/// Completed enrollments against completions, and best and worst among groups large enough
/// to compare, on databases whose numbers are worked out by hand.
extension AnswerTests {
    @Test("completed enrollments of a window count its enrollments that were completed")
    func completedEnrollments() throws {
        // February 2024 in `Fixture.platformRows`: enrollments 3 (dropped), 6 (enrolled) and
        // 7 (completed) were made in it, so 1 completed enrollment; enrollments 2 and 7
        // were completed in it, so 2 completions.
        let february = Filters(
            dateRange: DateRange(
                start: CivilDate(iso: "2024-02-01")!, end: CivilDate(iso: "2024-03-01")!,
                phrase: "in February 2024"))
        let metrics = try run(CompletionMetrics.self, february)
        var intent = Intent(measure: .completions)
        intent.completedEnrollments = true
        let answer = try #require(Answer.make(metrics, intent: intent, filters: february))
        #expect(answer.rows.map(\.value) == [.int(1)])
        #expect(
            Lead.sentence(for: answer, filters: february)
                == "Completed enrollments, of enrollments made between 2024-02-01 and 2024-02-29: 1."
        )
        // One completed of the three: "was", not "were"; by the report's date, not by the
        // window's end (blind test 39 read two counts of one day).
        #expect(
            OfflineNarrator().narrate(metrics).hasPrefix(
                "Of 3 enrollments made between 2024-02-01 and 2024-02-29, 1 was completed by the report's date (33.3%) and 1 dropped (33.3%)."
            ), "\(OfflineNarrator().narrate(metrics))")
        intent.dimension = .organization
        let byOrganization = try #require(
            Answer.make(metrics, intent: intent, filters: february))
        // Enrollment 7 is Di's, who has no organization; Globex's 3 and 6 were not completed.
        #expect(
            byOrganization.rows.filter { $0.value != .int(0) }.map(\.subject)
                == [Scope.noOrganization])
    }

    @Test("best and worst name the groups they leave out for having too few enrollments")
    func comparableGroups() throws {
        // Big: 20 enrollments, 10 completed (50%); Large: 25, 5 completed (20%); Tiny: 5, all
        // completed (100%, but too few to compare).
        let rows = """
            INSERT INTO organizations VALUES (1, 'Acme & Sons');
            INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01');
            INSERT INTO badges VALUES (1, 'Big', 'Data'), (2, 'Large', 'Data'), (3, 'Tiny', 'Data');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
            INSERT INTO enrollments
            SELECT i, 1,
                   CASE WHEN i <= 20 THEN 1 WHEN i <= 45 THEN 2 ELSE 3 END,
                   '2024-01-10',
                   CASE WHEN i <= 10 OR (i > 20 AND i <= 25) OR i > 45 THEN 'completed' ELSE 'dropped' END,
                   CASE WHEN i <= 10 OR (i > 20 AND i <= 25) OR i > 45 THEN 1.0 ELSE 0.5 END,
                   CASE WHEN i <= 10 OR (i > 20 AND i <= 25) OR i > 45 THEN '2024-01-20' END
            FROM n;
            """
        let metrics = try CompletionMetrics.run(
            AnalysisContext(
                db: try SQLiteConnection(path: try Fixture.database(rows)), asOf: asOf,
                filters: Filters()))
        let text = OfflineNarrator().narrate(metrics)
        #expect(
            text.contains(
                "Of the two badges with enough enrollments to compare, Big completes best at 50.0%, and Large worst at 20.0%."
            ), "\(text)")
        #expect(OfflineNarrator.among("badges", 3, of: 3) == "")
        // Six of ten kept: too many to say in a word, and not all.
        #expect(
            OfflineNarrator.among("badges", 6, of: 10)
                == "Of badges with enough enrollments to compare, ")
    }

    @Test("names side by side: the summary says it is of all organizations, not the two")
    func acrossAll() throws {
        // `Fixture.platformRows`: 7 enrollments, 4 completed (ids 1, 2, 5, 7), 1 dropped.
        let metrics = try run(CompletionMetrics.self)
        let item = NarrationItem(
            question: Question(id: "q", text: "Acme & Sons vs Globex"), output: metrics,
            stats: DatabaseStats(users: 4, badges: 3, organizations: 2, enrollments: 7),
            across: "all organizations")
        #expect(
            item.offline.hasPrefix(
                "Across all organizations, not only those compared: Of 7 enrollments, 4 were completed (57.1%) and 1 dropped (14.3%)."
            ), "\(item.offline)")
        let match = try Matcher(
            catalogue: EntityCatalogue(
                badges: ["Python Basics"], organizations: ["Acme & Sons", "Globex"]),
            asOf: asOf
        ).route(Question(id: "q", text: "Completion rate of Acme & Sons vs Globex"))
        #expect(match.acrossAll == "all organizations")
    }

    @Test("a window compared with the same days a year earlier names them once")
    func yearAgoOnce() {
        func range(_ from: String, _ to: String) -> DateRange {
            DateRange(start: CivilDate(iso: from)!, end: CivilDate(iso: to)!, phrase: "")
        }
        let year = ComparisonWindows(
            current: range("2025-01-01", "2026-01-01"), previous: range("2024-01-01", "2025-01-01"),
            yearAgo: range("2024-01-01", "2025-01-01"))
        #expect(
            ChangeText.windows(Comparison(windows: year, current: [], previous: [], yearAgo: []))
                == "From 2025-01-01 to 2025-12-31, against the same days a year earlier, 2024-01-01 to 2024-12-31."
        )
        let month = ComparisonWindows(
            current: range("2026-08-01", "2026-09-01"), previous: range("2026-07-01", "2026-08-01"),
            yearAgo: range("2025-08-01", "2025-09-01"))
        #expect(
            ChangeText.windows(Comparison(windows: month, current: [], previous: [], yearAgo: []))
                == "From 2026-08-01 to 2026-08-31, against 2026-07-01 to 2026-07-31 and, a year earlier, 2025-08-01 to 2025-08-31."
        )
    }
}

extension AnswerTests {
    @Test("learners of a window's enrollments who completed, against those who completed in it")
    func learnersOfCompletedEnrollments() throws {
        // January 2024 in `Fixture.platformRows`: enrollments 1 (Ann, completed 01-20), 2 (Bo,
        // completed 02-09) and 5 (Ann, completed 01-25) were made in it: 3 completed
        // enrollments, of 2 learners. Completed in January: 1 and 5, both Ann's: 1 learner.
        let january = Filters(
            dateRange: DateRange(
                start: CivilDate(iso: "2024-01-01")!, end: CivilDate(iso: "2024-02-01")!,
                phrase: "in January 2024"))
        let metrics = try run(CompletionMetrics.self, january)
        var intent = Intent(measure: .completions)
        intent.people = true
        intent.completedEnrollments = true
        let enrolled = try #require(Answer.make(metrics, intent: intent, filters: january))
        #expect(enrolled.rows.map(\.value) == [.int(2)])
        #expect(
            Lead.sentence(for: enrolled, filters: january)
                == "Learners who completed, of enrollments made between 2024-01-01 and 2024-01-31: 2."
        )
        intent.completedEnrollments = false
        let completed = try #require(Answer.make(metrics, intent: intent, filters: january))
        #expect(completed.rows.map(\.value) == [.int(1)])
        intent.people = false
        intent.completedEnrollments = true
        let enrollments = try #require(Answer.make(metrics, intent: intent, filters: january))
        #expect(enrollments.rows.map(\.value) == [.int(3)])
    }

    @Test("a ranking cut inside a tie names every tied row and how many tie")
    func tiesAtTheCut() throws {
        func rows(_ values: [Int]) -> [Answer.Row] {
            values.enumerated().map { index, value in
                Answer.Row(subject: "Org \(index + 1)", value: .int(value), support: nil)
            }
        }
        var intent = Intent(
            measure: .enrollments, dimension: .organization, ranking: Ranking(.top, count: 3))
        // Asked for 3; the third and fourth tie at 26.
        let cut = Answer(
            intent, "Organization", .init("Enrollments", .count), nil, rows([40, 31, 26, 26]))
        #expect(
            Lead.sentence(for: cut, filters: Filters())
                == "The organizations with the most enrollments are Org 1 (40) and Org 2 (31), then 2 tied at 26: Org 3 and Org 4."
        )
        // Asked for 1; seven share the first place: five named, the others counted.
        intent.ranking = Ranking(.top, count: 1)
        let shared = Answer(
            intent, "Organization", .init("Enrollments", .count), nil,
            rows(Array(repeating: 5, count: 7)))
        #expect(
            Lead.sentence(for: shared, filters: Filters())
                == "The most enrollments is 5, shared by 7 organizations: Org 1, Org 2, Org 3, Org 4, Org 5 and 2 more in the table."
        )
    }

    @Test("two days tied for the peak are '2 days' (a blind test read '2 daies')")
    func tiedDays() throws {
        let intent = Intent(
            measure: .enrollments, dimension: .period, ranking: Ranking(.top, count: 1))
        let rows = ["2026-06-19", "2026-06-20"].map {
            Answer.Row(subject: $0, value: .int(23), support: nil)
        }
        let answer = Answer(intent, "Day", .init("Enrollments", .count), nil, rows)
        let sentence = Lead.sentence(for: answer, filters: Filters()) ?? ""
        #expect(sentence.contains("shared by 2 days"), "\(sentence)")
    }
}

extension AnswerTests {
    /// "Least common next badge after Python Basics" listed the fewest first under "learners
    /// most often take".
    @Test("a bottom ranking of next badges says 'least often'")
    func leastOftenNext() {
        let rows = [("Deep Learning", 13), ("Ethical Hacking", 16)].map {
            Answer.Row(subject: $0.0, value: .int($0.1), support: nil)
        }
        var answer = Answer(
            Intent(measure: .nextBadge, ranking: Ranking(.bottom)), "Badge",
            .init("Learners", .count), nil, rows)
        answer.anchor = "Python Basics"
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "After Python Basics, finished or not, learners least often take Deep Learning (13 learners), then Ethical Hacking (16 learners)."
        )
    }

    /// A test on the Open University's data: "the quarter with the most completions … is
    /// 2014-Q3: 3,358", where 2015-Q2, partial, held 5,457 and was left out unsaid.
    @Test("a ranking of periods names the partial periods it left out")
    func partialLeftOut() {
        let rows = [Answer.Row(subject: "2014-Q3", value: .int(3358), support: nil)]
        var answer = Answer(
            Intent(measure: .completions, dimension: .period, ranking: Ranking(.top, count: 1)),
            "Quarter", .init("Completions", .count), nil, rows)
        answer.partialLeftOut = ["2014-Q2", "2015-Q2"]
        let sentence = Lead.sentence(for: answer, filters: Filters()) ?? ""
        #expect(
            sentence.hasSuffix(" 2014-Q2 and 2015-Q2 are partial quarters, left out."),
            "\(sentence)")
    }

    @Test("the most common first badge names every badge tied with it")
    func tiedFirstBadges() {
        let rows = [("Leading Teams", 8), ("Python Basics", 8), ("SQL Fundamentals", 4)].map {
            Answer.Row(subject: $0.0, value: .int($0.1), support: nil)
        }
        let answer = Answer(
            Intent(measure: .firstBadge), "Badge", .init("Learners", .count), nil, rows)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The most common first badges are Leading Teams (8 learners) and Python Basics (8 learners), tied, then SQL Fundamentals (4 learners)."
        )
        let single = Answer(
            Intent(measure: .firstBadge), "Badge", .init("Learners", .count), nil,
            Array(rows.dropFirst()))
        #expect(
            Lead.sentence(for: single, filters: Filters())
                == "The most common first badge is Python Basics (8 learners), then SQL Fundamentals (4 learners)."
        )
    }
}

extension AnswerTests {
    @Test("the one cohort asked for, still finishing, is given and said to be finishing")
    func finishingCohortAlone() {
        var row = Answer.Row(subject: "2026-03", value: .double(0.3478), support: 992)
        row.partial = true
        var answer = Answer(
            Intent(measure: .completionRate, dimension: .cohort), "Cohort",
            .init("Completion rate", .percent), "Enrollments", [row])
        answer.finishingCohorts = ["2026-03"]
        answer.finishingDays = 31.5
        let march = Filters(
            dateRange: DateRange(
                start: CivilDate(iso: "2026-03-01")!, end: CivilDate(iso: "2026-04-01")!,
                phrase: "the March 2026 cohort"))
        #expect(
            Lead.sentence(for: answer, filters: march)
                == "Completion rate per cohort, of enrollments made between 2026-03-01 and 2026-03-31: 34.78% in 2026-03 (still finishing: most completions come within 31.5 days of enrolling, so it may still change)."
        )
    }
}

extension AnswerTests {
    @Test("completions per cohort are named completed enrollments, as the glossary has them")
    func completionsPerCohort() {
        let rows = [("2025-01", 543), ("2025-02", 400)].map {
            Answer.Row(subject: $0.0, value: .int($0.1), support: nil)
        }
        let answer = Answer(
            Intent(measure: .completions, dimension: .cohort), "Cohort",
            .init("Completed", .count), nil, rows)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "Completed enrollments per cohort went from 543 in 2025-01 to 400 in 2025-02.")
    }
}

extension AnswerTests {
    @Test("no best and worst when every group has the same rate")
    func sameRates() throws {
        // Two badges of 20 enrollments each, none completed: 0.0% both.
        let rows = """
            INSERT INTO organizations VALUES (1, 'Acme & Sons');
            INSERT INTO users VALUES (1, 'Ann', 1, '2024-01-01');
            INSERT INTO badges VALUES (1, 'Big', 'Data'), (2, 'Large', 'Data');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
            INSERT INTO enrollments
            SELECT i, 1, CASE WHEN i <= 20 THEN 1 ELSE 2 END, '2024-01-10', 'in_progress', 0.5, NULL
            FROM n;
            """
        let metrics = try CompletionMetrics.run(
            AnalysisContext(
                db: try SQLiteConnection(path: try Fixture.database(rows)), asOf: asOf,
                filters: Filters()))
        let text = OfflineNarrator().narrate(metrics)
        #expect(!text.contains("completes best"), "\(text)")
        #expect(text.hasPrefix("Of 40 enrollments, 0 were completed"), "\(text)")
    }
}

extension AnswerTests {
    @Test("names set side by side are titled in the order asked, not 'highest first'")
    func comparedTitle() {
        var intent = Intent(measure: .completions, dimension: .organization)
        intent.compared = ["Initech", "Acme & Sons", "Hooli"]
        let rows = [("Initech", 41), ("Acme & Sons", 9), ("Hooli", 31)].map {
            Answer.Row(subject: $0.0, value: .int($0.1), support: nil)
        }
        let answer = Answer(
            intent, "Organization", .init("Completed", .count), nil, rows)
        #expect(answer.title == "Completed by organization, in the order asked")
    }
}

extension AnswerTests {
    /// Blind test 60 read "…1 days higher (+4.2%)" in a comparison of medians.
    @Test("a gap of one day or one point is singular, as written")
    func singularGap() {
        let intent = Intent(measure: .timeToComplete, dimension: .organization)
        let days = Answer(intent, "Organization", .init("Median days to complete", .days), nil, [])
        #expect(Lead.gap(1.0, 0.042, days) == "1 day higher (+4.2%)")
        #expect(Lead.gap(-1.04, nil, days) == "1 day lower")
        #expect(Lead.gap(1.5, nil, days) == "1.5 days higher")
        let rate = Answer(
            Intent(measure: .completionRate, dimension: .organization), "Organization",
            .init("Completion rate", .percent), nil, [])
        #expect(Lead.gap(1.0, nil, rate) == "1 point higher")
        #expect(
            Lead.gap(2.5, nil, rate) == "2.50 points higher"
                || Lead.gap(2.5, nil, rate) == "2.5 points higher")
    }
}

extension AnswerTests {
    /// Blind test 63: "Ōsaka Robotics 大阪: 78.57% (enrollments: 14)" led a page whose summary
    /// went on "among organizations with enough enrollments to compare, Globex Corporation
    /// leads at 68.85%". A rate over fewer than the summary compares (20) is said to be few.
    @Test(
        "the one best rate over fewer enrollments than the summary compares is a small base",
        arguments: [(14, " (enrollments: 14, a small base)."), (20, " (enrollments: 20).")])
    func smallBase(enrollments: Int, ending: String) {
        let answer = Answer(
            Intent(
                measure: .completionRate, dimension: .organization,
                ranking: Ranking(.top, count: 1)),
            "Organization", .init("Completion rate", .percent), "Enrollments",
            [Answer.Row(subject: "Ōsaka Robotics", value: .double(0.7857), support: enrollments)])
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The organization with the highest completion rate is Ōsaka Robotics: 78.57%"
                + ending)
    }
}

extension AnswerTests {
    /// Blind test 65: "36 against 55, 19 fewer (−34.55%)": 19 ÷ 55 = 34.545… %, stored as
    /// −0.3455 and then written with two decimals as a rate on a half is. A count's change
    /// has one decimal: −34.5 %.
    @Test("a count's change against another window is written with one decimal")
    func countChangeTenths() {
        let quarter = DateRange(
            start: CivilDate(iso: "2026-04-01"), end: CivilDate(iso: "2026-07-01"),
            phrase: "last quarter")
        let intent = Intent(measure: .dropouts)
        let now = Answer(
            intent, nil, .init("Drop-outs", .count), nil,
            [Answer.Row(subject: "", value: .int(36), support: nil)])
        let before = Answer(
            intent, nil, .init("Drop-outs", .count), nil,
            [Answer.Row(subject: "", value: .int(55), support: nil)])
        let answer = now.against(before, window: quarter, current: "this quarter")
        let sentence = Lead.sentence(for: answer, filters: Filters()) ?? ""
        // Drop-outs end with the words on their undated count (a later blind test).
        #expect(sentence.contains(": 36 against 55, 19 fewer (−34.5%)."), "\(sentence)")
    }
}

extension AnswerTests {
    /// An attack run: "14.9 days, shared by 4 badges", where the medians were 14.857,
    /// 14.882, 14.921 and 14.933 days: kept to a tenth, they tie only at that precision.
    @Test("days tied at the cut are said to tie to the tenth of a day")
    func daysTiedToTheTenth() {
        let rows = ["Git & GitHub", "SQL Fundamentals"].map {
            Answer.Row(subject: $0, value: .double(14.9), support: 100)
        }
        let answer = Answer(
            Intent(
                measure: .timeToComplete, dimension: .badge, ranking: Ranking(.bottom, count: 1)),
            "Badge", .init("Median days to complete", .days), "Completed", rows)
        let sentence = Lead.sentence(for: answer, filters: Filters()) ?? ""
        #expect(
            sentence.hasSuffix(
                " is 14.9 days to the tenth of a day, shared by 2 badges: Git & GitHub and SQL Fundamentals."
            ), "\(sentence)")
    }
}

extension AnswerTests {
    /// An attack run: "Which badges have the lowest completion rate?" led with "Go Basics
    /// (0.00%)", the rate of one enrollment.
    @Test("a listed rate over fewer than 20 enrollments says how few, and that it is a small base")
    func listedSmallBase() {
        let rows = [("Go Basics", 0.0, 1), ("Deep Learning", 0.2599, 581), ("Tiny", 0.5, 12)].map {
            Answer.Row(subject: $0.0, value: .double($0.1), support: $0.2)
        }
        let answer = Answer(
            Intent(measure: .completionRate, dimension: .badge, ranking: Ranking(.bottom)),
            "Badge", .init("Completion rate", .percent), "Enrollments", rows)
        #expect(
            Lead.sentence(for: answer, filters: Filters())
                == "The badges with the lowest completion rate are Go Basics (0.00%; 1 enrollment, a small base), Deep Learning (25.99%) and Tiny (50.00%; 12 enrollments, a small base)."
        )
    }
}

extension AnswerTests {
    /// Blind test 66: "100.00%, shared by 2 organizations: Hooli and Wayne Enterprises", of 1
    /// and 6 enrollments.
    @Test("rates tied at the top each say a small base")
    func tiedSmallBase() {
        let rows = [("Hooli", 1), ("Wayne Enterprises", 6)].map {
            Answer.Row(subject: $0.0, value: .double(1), support: $0.1)
        }
        let answer = Answer(
            Intent(
                measure: .completionRate, dimension: .organization,
                ranking: Ranking(.top, count: 1)),
            "Organization", .init("Completion rate", .percent), "Enrollments", rows)
        let sentence = Lead.sentence(for: answer, filters: Filters()) ?? ""
        #expect(
            sentence.hasSuffix(
                "is 100.00%, shared by 2 organizations: Hooli (1 enrollment, a small base) and Wayne Enterprises (6 enrollments, a small base)."
            ), "\(sentence)")
    }
}
