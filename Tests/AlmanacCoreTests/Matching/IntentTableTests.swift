import Testing

@testable import AlmanacCore

/// The intent table of issue 10: each phrasing with the kind, measure, breakdown, ranking,
/// filters and period length it must be read as, as of 2026-09-30. The rows are in
/// IntentPhrasings.swift, written from the specification in docs/metrics.md rather than
/// from the matcher's rules.
@Suite struct IntentTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: String
        var measure: String
        var dimension: String?
        var ranking: String?
        var badge: String?
        var organization: String?
        /// `YYYY-MM-DD..YYYY-MM-DD`, both days included, or `..YYYY-MM-DD` with no start.
        var window: String?
        var granularity: String?
        /// Wording that no rule mentions word for word.
        var novel: Bool

        init(
            _ text: String, kind: String, measure: String, dimension: String? = nil,
            ranking: String? = nil,
            badge: String? = nil, organization: String? = nil, window: String? = nil,
            granularity: String? = nil, novel: Bool = false
        ) {
            self.text = text
            self.kind = kind
            self.measure = measure
            self.dimension = dimension
            self.ranking = ranking
            self.badge = badge
            self.organization = organization
            self.window = window
            self.granularity = granularity
            self.novel = novel
        }

        var testDescription: String { text }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var text: String
        /// What the error must quote.
        var mentions: String

        init(_ text: String, mentions: String) {
            self.text = text
            self.mentions = mentions
        }

        var testDescription: String { text }
    }

    static let catalogue = EntityCatalogue(
        badges: [
            "Python Basics", "SQL Fundamentals", "Git & GitHub", "Cloud Practitioner",
            "Security Fundamentals", "Leading Teams", "Python Intermediate", "Data Visualization",
            "Linux Command Line", "Data Analysis with Pandas", "Docker Basics", "Statistics 101",
            "Machine Learning Foundations", "Kubernetes Essentials", "AWS Solutions Architect",
            "Advanced Python", "Deep Learning",
        ],
        organizations: [
            "Acme & Sons", "Globex", "Initech", "Umbrella Health", "O'Reilly Learning Group",
            "Zürich Analytics AG", "Stark Industries",
        ])
    static let matcher = try! Matcher(catalogue: catalogue, asOf: CivilDate(iso: "2026-09-30")!)

    /// The intent as the table writes it, so a failure shows both side by side.
    static func reading(_ match: Match) -> String {
        var window: String?
        if let range = match.filters.dateRange {
            window =
                (range.start?.description ?? "") + ".."
                + (range.end.map { $0.adding(days: -1).description } ?? "")
        }
        return [
            match.kind.rawValue, match.intent.measure.rawValue,
            match.intent.dimension?.rawValue ?? "-",
            match.intent.ranking?.description ?? "-", match.filters.badge ?? "-",
            match.filters.organization ?? "-",
            window ?? "-", match.granularity?.rawValue ?? "-",
        ].joined(separator: " | ")
    }

    static func expected(_ row: Row) -> String {
        [
            row.kind, row.measure, row.dimension ?? "-", row.ranking ?? "-", row.badge ?? "-",
            row.organization ?? "-",
            row.window ?? "-", row.granularity ?? "-",
        ].joined(separator: " | ")
    }

    @Test("each phrasing is read as its row says", arguments: rows + roundThree + blindFour)
    func phrasing(_ row: Row) throws {
        let question = Question(id: "q", text: row.text)
        let match = try Self.matcher.route(question)
        #expect(Self.reading(match) == Self.expected(row), "\(row.text)")
    }

    @Test("the table is as large and as varied as issue 10 asks")
    func coverage() {
        #expect(Self.rows.count >= 150)
        #expect(Self.rows.filter(\.novel).count * 4 >= Self.rows.count)
        #expect(Self.rows.filter { $0.window != nil }.count >= 30)
        for measure in Measure.allCases {
            #expect(
                (Self.rows + Self.roundThree).contains { $0.measure == measure.rawValue },
                "no row for \(measure.rawValue)")
        }
    }

    @Test(
        "time phrases that no form reads, and questions about something else, are refused",
        arguments: refusals + roundThreeRefusals + blindFourRefusals)
    func refusal(_ refusal: Refusal) {
        let question = Question(id: "q", text: refusal.text)
        do {
            let match = try Self.matcher.route(question)
            Issue.record("routed as \(Self.reading(match))")
        } catch {
            #expect(String(describing: error).lowercased().contains(refusal.mentions.lowercased()))
        }
    }
}
