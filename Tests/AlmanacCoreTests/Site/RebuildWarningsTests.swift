import Foundation
import Testing

@testable import AlmanacCore

/// A rebuild that takes the unchanged-input shortcut still says the last build's warnings:
/// what caused them is still there, and a warning said once and then never again is lost.
@Suite struct RebuildWarningsTests {
    @Test("an unchanged rebuild repeats the warnings of the build it stands on")
    func warningsRepeated() async throws {
        let project = try Project()
        // The fixture's first enrollment is on 2024-01-10: a report dated 2023-12-31 warns.
        let expected =
            "--as-of 2023-12-31 is before the first enrollment (2024-01-10); every analysis will be empty"
        let first = try await project.build { $0.asOf = CivilDate(iso: "2023-12-31") }
        // The project loads plotly.js from the CDN, which every one of its builds warns of.
        let cdn =
            "pages load plotly.js 2.35.2 from https://cdn.plot.ly/plotly-2.35.2.min.js (--plotly cdn); readers need network access"
        #expect(first.warnings == [expected, cdn])

        let again = try await project.build { $0.asOf = CivilDate(iso: "2023-12-31") }
        #expect(again.phases.map(\.name) == ["load"])
        #expect(again.files.written == 0)
        #expect(again.warnings == [expected, cdn])
        // Logged after "no input changed", so the terminal shows it as the first build did.
        let events = project.log.events
        let unchanged = try #require(events.lastIndex(of: .unchanged))
        #expect(Array(events[(unchanged + 1)...]) == [.warning(expected), .warning(cdn)])

        // Once the cause is gone, the next build and its shortcut no longer say it.
        let dated = try await project.build()
        #expect(dated.warnings == [cdn])
        let quiet = try await project.build()
        #expect(quiet.phases.map(\.name) == ["load"])
        #expect(quiet.warnings == [cdn])
    }
}

extension RebuildWarningsTests {
    @Test("an --as-of after the data's last activity is warned of, and the pages say so")
    func asOfAfterTheData() async throws {
        let project = try Project()
        // The fixture's last activity is enrollment 4, on 2024-03-01. As of 2024-03-01 the
        // data is whole; as of 2024-03-05 the last 7 days (02-28 to 03-05) hold 3 days of
        // data (02-28 to 03-01) and 4 empty ones; as of 2024-03-08 they hold none.
        let whole = try await project.build { $0.asOf = CivilDate(iso: "2024-03-01") }
        #expect(!whole.warnings.contains { $0.contains("after the data's last activity") })
        #expect(!project.read("index.md").contains("The data's latest activity"))
        let part = try await project.build { $0.asOf = CivilDate(iso: "2024-03-05") }
        #expect(
            part.warnings.contains(
                "--as-of 2024-03-05 is 4 days after the data's last activity (2024-03-01): the last 7 days hold 3 days of data, and the pages say so; is the export up to date?"
            ))
        let index = project.read("index.md")
        #expect(
            index.contains(
                "The data's latest activity is on 2024-03-01, 4 days before this report's date: the days after it hold no data in this export, so the last 7 days count only 3 of their 7 days"
            ))
        #expect(project.read("index.html").contains("4 days before this report&#39;s date"))
        #expect(project.read("digest.md").contains("4 days before this report's date"))
        #expect(
            project.read("badges.md").contains(
                "The data's latest activity is on 2024-03-01, before this report's date"))
        // A question whose window ends before the data's last day says nothing of it.
        try await project.build(
            "title: T\nquestions:\n  - {id: feb, text: How many enrollments in February 2024?}\n"
        ) { $0.asOf = CivilDate(iso: "2024-03-05") }
        #expect(!project.read("feb.md").contains("The data's latest activity"))
        let after = try await project.build { $0.asOf = CivilDate(iso: "2024-03-08") }
        #expect(
            after.warnings.contains(
                "--as-of 2024-03-08 is after the data's last activity (2024-03-01): the last 7 days, and every window after 2024-03-01, hold no data; is the export up to date?"
            ))
        #expect(project.read("index.md").contains("the last 7 days count none of their days"))
    }
}

extension RebuildWarningsTests {
    @Test("an unchanged rebuild says its triggered alerts in the words of the build it stands on")
    func alertsRepeated() async throws {
        let project = try Project()
        // The fixture's 7 enrollments hold 1 dropped (1/7 = 14.29 %, above 10); 4 of them are
        // of Python Basics (enrollments 1 to 4), below 5.
        let yaml = """
            title: T
            questions:
              - {text: What is the completion rate by organization?, id: completion}
              - {text: How many people are enrolled in each badge?, id: badges}
            alerts:
              - {question: completion, measure: drop_rate, above: 10, min_enrollments: 0}
              - {question: badges, measure: enrollments, for: Python Basics, below: 5}
            """
        let expected = [
            "completion: drop rate above 10%: 14.29%",
            "badges: enrollments of Python Basics below 5: 4",
        ]
        let first = try await project.build(yaml)
        #expect(first.alerts == expected)
        // The digest names each alert's question by its text, as it does the insights.
        #expect(
            project.read("digest.md").contains(
                "- [What is the completion rate by organization?](completion.md): drop rate above 10%; the value is 14.29%"
            ))
        let again = try await project.build(yaml)
        #expect(again.phases.map(\.name) == ["load"])
        #expect(again.alerts == expected)
        let events = project.log.events
        let unchanged = try #require(events.lastIndex(of: .unchanged))
        #expect(
            events[(unchanged + 1)...].filter {
                if case .alert = $0 { return true } else { return false }
            } == expected.map(BuildEvent.alert))
    }
}
