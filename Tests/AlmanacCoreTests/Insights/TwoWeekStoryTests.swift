import Foundation
import Testing

@testable import AlmanacCore

/// The demo built as of one Sunday, then a week later into the same folder: everything the
/// second site says changed must be the difference between the two sets of documents.
@Suite struct TwoWeekStoryTests {
    static let questions = """
        title: Story
        questions:
          - text: How many people are enrolled in each badge?
            id: badges
            kind: badge_enrollments
          - text: How many learners started a badge in the last 12 weeks?
            id: recent
            kind: badge_enrollments
          - text: How have enrollments trended over time?
            id: trend
            kind: organization_trends
          - text: What is the completion rate by organization?
            id: completion
            kind: completion_metrics
        """
    static let ids = ["badges", "recent", "trend", "completion"]

    func documents(_ site: URL) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for id in Self.ids {
            result[id] = try JSONDecoder().decode(
                JSONValue.self, from: Data(contentsOf: site.appending(path: id + ".json")))
        }
        return result
    }

    /// measure|subject → value, from a document's key measures.
    func values(_ document: JSONValue?) -> [String: Double?] {
        var result: [String: Double?] = [:]
        for item in document?["metadata"]?["key_measures"]?.arrayValue ?? [] {
            let key =
                (item["measure"]?.stringValue ?? "") + "|" + (item["subject"]?.stringValue ?? "")
            result[key] = item["value"]?.doubleValue
        }
        return result
    }

    @Test(
        "what changed, since_last_report, digest, feed and twins agree with the two weeks' documents"
    )
    func story() async throws {
        let folder = Fixture.folder()
        var seed = SeedOptions()
        seed.users = 600
        let database = folder.appending(path: "demo.db").path
        try DemoSeeder(options: seed).write(to: database)
        let project = Project(database: database, in: folder, questions: Self.questions)
        let site = project.site
        func build(_ asOf: String) async throws -> BuildSummary {
            try await project.build { $0.asOf = CivilDate(iso: asOf) }
        }

        _ = try await build("2026-09-20")
        let first = try documents(site)
        for id in Self.ids {
            #expect(first[id]?["metadata"]?["since_last_report"] == nil)
            let twin = try String(contentsOf: site.appending(path: id + ".md"), encoding: .utf8)
            #expect(twin.contains("New in this report"))
        }

        _ = try await build("2026-09-27")
        let second = try documents(site)
        var allChanges: [String] = []
        for id in Self.ids {
            let since = try #require(second[id]?["metadata"]?["since_last_report"])
            #expect(since["as_of"] == "2026-09-20")
            // The difference worked out here from the two documents' key measures.
            let before = values(first[id])
            let after = values(second[id])
            var expected: Set<String> = []
            for key in Set(before.keys).union(after.keys)
            where (before[key] ?? nil) != (after[key] ?? nil) {
                expected.insert(
                    "\(key)|\(String(describing: before[key] ?? nil))|\(String(describing: after[key] ?? nil))"
                )
            }
            var recorded: Set<String> = []
            for change in since["changes"]?.arrayValue ?? [] {
                let key =
                    (change["measure"]?.stringValue ?? "") + "|"
                    + (change["subject"]?.stringValue ?? "")
                let old = change["before"]?.doubleValue
                let new = change["after"]?.doubleValue
                recorded.insert("\(key)|\(String(describing: old))|\(String(describing: new))")
                allChanges.append(
                    "\(id)|\(key)|\(String(describing: old))|\(String(describing: new))")
                if let old, let new, !key.hasSuffix("_rate|") && !key.contains("_rate|") {
                    #expect(
                        change["change"]?.doubleValue.map { abs($0 - (new - old)) < 1e-9 } == true)
                }
            }
            #expect(recorded == expected, "question \(id)")
            #expect(!recorded.isEmpty, "a week of data moved question \(id)")
            let twin = try String(contentsOf: site.appending(path: id + ".md"), encoding: .utf8)
            #expect(twin.contains("Since the report of 2026-09-20"))
        }

        // The digest's "What changed" lists changes from the documents, and the index and its
        // twin show the same entries.
        let digest = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: site.appending(path: "digest.json")))
        let moves = digest["what_changed"]?.arrayValue ?? []
        #expect(!moves.isEmpty && moves.count <= 10)
        // The same move of two questions of one scope ("badges" and "completion" both count
        // every enrollment) is listed once.
        let identities = moves.map { move in
            ["measure", "subject", "before", "after"].map { key in
                "\(move[key] ?? JSONValue.null)"
            }
        }
        #expect(Set(identities).count == identities.count, "\(identities)")
        let index = try String(contentsOf: site.appending(path: "index.md"), encoding: .utf8)
        let section = index.components(separatedBy: "## What changed")[1].components(
            separatedBy: "\n## ")[0]
        let lines = section.split(separator: "\n").filter { $0.hasPrefix("- [") }
        #expect(lines.count == moves.count)
        for (move, line) in zip(moves, lines) {
            let id = move["question"]?.stringValue ?? ""
            let key =
                "\(id)|\(move["measure"]?.stringValue ?? "")|\(move["subject"]?.stringValue ?? "")"
            let entry =
                "\(key)|\(String(describing: move["before"]?.doubleValue))|\(String(describing: move["after"]?.doubleValue))"
            #expect(allChanges.contains(entry))
            #expect(line.contains("](\(id).md)"))
        }
        // Ranked by how unusual each change is, never by percentage: the robust score worked
        // out here over every change of the same kind (counts over √before, rates in points),
        // with the small counts (both sides under 10, or a move under 10) left out.
        var kinds: [Int: [Double]] = [:]
        func standardized(_ measure: String, _ old: Double?, _ new: Double?) -> (Int, Double)? {
            guard let old, let new, old != 0 else { return nil }
            if measure.hasSuffix("_rate") { return (1, (new - old) * 100) }
            if measure.hasPrefix("median_days") { return (2, new - old) }
            guard max(old, new) >= 10, abs(new - old) >= 10 else { return nil }
            return (0, (new - old) / old.squareRoot())
        }
        for entry in allChanges {
            let parts = entry.split(separator: "|", omittingEmptySubsequences: false).map(
                String.init)
            if let (kind, value) = standardized(
                parts[1],
                Double(parts[3].replacingOccurrences(of: "Optional(", with: "").dropLast()),
                Double(parts[4].replacingOccurrences(of: "Optional(", with: "").dropLast()))
            {
                kinds[kind, default: []].append(value)
            }
        }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1
                ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        var scores: [Double] = []
        var askedFlags: [Bool] = []
        // The measure each question asks about, from its document's intent, as a total of its
        // key measures (docs/metrics.md, What changed): its moves come first.
        let keyOf: [String: [String]] = [
            "enrollments": ["enrollments"], "learners": ["learners"],
            "completions": ["completions", "learners_completed", "completed"],
            "completion_rate": ["completion_rate"], "drop_rate": ["drop_rate"],
            "time_to_complete": ["median_days_to_complete"],
        ]
        for move in moves {
            let id = move["question"]?.stringValue ?? ""
            let totals = Set(
                (second[id]?["metadata"]?["key_measures"]?.arrayValue ?? []).filter {
                    $0["subject"] == .null
                }.compactMap { $0["measure"]?.stringValue })
            let intent = second[id]?["metadata"]?["intent"]?["measure"]?.stringValue ?? ""
            let askedKey = (keyOf[intent] ?? []).first { totals.contains($0) }
            let asked =
                move["subject"] == .null && askedKey != nil
                && move["measure"]?.stringValue == askedKey
            #expect(move["asked"] == .bool(asked), "\(move)")
            askedFlags.append(asked)
            let measure = move["measure"]?.stringValue ?? ""
            let (kind, value) = try #require(
                standardized(measure, move["before"]?.doubleValue, move["after"]?.doubleValue))
            let center = median(kinds[kind] ?? [])
            let spread = median((kinds[kind] ?? []).map { abs($0 - center) })
            let score = abs(value - center) / max(1.4826 * spread, 1)
            #expect(abs((move["score"]?.doubleValue ?? -1) - score) < 0.006, "\(move)")
            scores.append(move["score"]?.doubleValue ?? -1)
        }
        #expect(scores == scores.sorted(by: >))
        // The completion question's own rate is listed only when it moved beyond chance: by
        // hand from the two documents, |r₁ − r₀| against 2 standard errors of the difference
        // of two samples of its enrollments, pooled (docs/metrics.md, What changed).
        let (old, new) = (values(first["completion"]), values(second["completion"]))
        let r0 = try #require(old["completion_rate|"] ?? nil)
        let r1 = try #require(new["completion_rate|"] ?? nil)
        let n0 = try #require(old["enrollments|"] ?? nil)
        let n1 = try #require(new["enrollments|"] ?? nil)
        let pooled = (r0 * n0 + r1 * n1) / (n0 + n1)
        let spread = (pooled * (1 - pooled) * (1 / n0 + 1 / n1)).squareRoot()
        let rateListed = moves.contains {
            $0["question"] == "completion" && $0["measure"] == "completion_rate"
                && $0["subject"] == .null
        }
        #expect(rateListed == (r0 != r1 && abs(r1 - r0) >= 2 * spread))
        #expect(askedFlags.contains(true) || !rateListed)
        let html = try String(contentsOf: site.appending(path: "index.html"), encoding: .utf8)
        #expect(
            html.components(separatedBy: "<h2 id=\"what-changed-title\">What changed</h2>").count
                == 2)
        let htmlSection = html.components(
            separatedBy: "<h2 id=\"what-changed-title\">What changed</h2>")[1]
            .components(separatedBy: "</ol>")[0]
        #expect(htmlSection.components(separatedBy: "<li><a href=").count - 1 == moves.count)
        let digestText = try String(contentsOf: site.appending(path: "digest.md"), encoding: .utf8)
        for line in lines { #expect(digestText.contains(line)) }

        // The feed keeps last week's entry beneath this week's.
        let feed = try String(contentsOf: site.appending(path: "feed.xml"), encoding: .utf8)
        #expect(Feed.entries(in: feed).map(\.date) == ["2026-09-27", "2026-09-20"])
        // A feed reader opens the pages, not the Markdown twins the digest links.
        #expect(feed.contains("href=&quot;") && !feed.contains(".md&quot;"))

        // A rebuild of the same week with nothing changed writes nothing: it compares with the
        // report of 2026-09-20 again, not with itself.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: database)
        let again = try await build("2026-09-27")
        #expect(again.files.written == 0)
        #expect(try documents(site) == second)
    }

    @Test("the feed keeps at most its limit of entries, newest first")
    func feedLimit() {
        var xml: String?
        let start = CivilDate(iso: "2026-01-04")!
        for week in 0..<(Feed.limit + 3) {
            let date = start.adding(days: 7 * week)
            let digest = Digest(title: "T & Co", asOf: date, alerts: [], reports: [])
            xml = Feed(title: "T & Co", asOf: date).render(digest: digest, previous: xml)
        }
        let entries = Feed.entries(in: xml ?? "")
        #expect(entries.count == Feed.limit)
        #expect(entries.first?.date == start.adding(days: 7 * (Feed.limit + 2)).description)
        #expect(xml?.contains("<title>T &amp; Co</title>") == true)
    }

    /// Blind test 84: after a question was deleted, the feed's earlier entry still linked to
    /// its page, which the site no longer holds.
    @Test("an earlier entry's link to a removed question is kept as its text")
    func removedPage() {
        let earlier = """
              <entry>
                <updated>2026-09-13T00:00:00Z</updated>
                <content type="html">&lt;a href=&quot;gone.html&quot;&gt;Gone question&lt;/a&gt;: x; &lt;a href=&quot;kept.html&quot;&gt;Kept&lt;/a&gt;; &lt;a href=&quot;index.html&quot;&gt;Index&lt;/a&gt;</content>
              </entry>
            """
        let date = CivilDate(iso: "2026-09-20")!
        let xml = Feed(title: "T", asOf: date).render(
            digest: Digest(title: "T", asOf: date, alerts: [], reports: []), previous: earlier,
            pages: ["kept"])
        let old = Feed.entries(in: xml).first { $0.date == "2026-09-13" }?.xml ?? ""
        #expect(
            old.contains(
                "Gone question: x; &lt;a href=&quot;kept.html&quot;&gt;Kept&lt;/a&gt;; &lt;a href=&quot;index.html&quot;&gt;Index&lt;/a&gt;"
            ))
        #expect(!old.contains("gone.html"))
    }
}
