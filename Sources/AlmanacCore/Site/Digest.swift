import Foundation

/// `site/digest.md` and `site/digest.json`: the week in one place. The triggered alerts with
/// their values and thresholds, the top insights, and "What changed".
public struct Digest: Sendable {
    public var title: String
    public var asOf: CivilDate
    public var alerts: [AlertResult]
    /// Every question's summary, in order.
    public var summaries: [ReportSummary]
    /// The platform's last 7 days, with what drove each move.
    public var week: WeeklyChange?
    /// Insights listed at most: the first of each question, in importance order.
    public static let insightLimit = 10

    public init(
        title: String, asOf: CivilDate, alerts: [AlertResult], summaries: [ReportSummary]
    ) {
        self.title = title
        self.asOf = asOf
        self.alerts = alerts
        self.summaries = summaries
    }

    /// The digest of whole reports, each read through its summary.
    public init(title: String, asOf: CivilDate, alerts: [AlertResult], reports: [QuestionReport]) {
        self.init(
            title: title, asOf: asOf, alerts: alerts, summaries: reports.map { ReportSummary($0) })
    }

    /// The most important insight of each question, unusual changes first, then records,
    /// then the others, each group in question order; a fact already listed for an earlier
    /// question of the same scope is not repeated.
    var topInsights: [(question: Question, insight: Insight)] {
        let order = [
            "unusual_change", "record", "change", "top_movers", "contribution", "concentration",
        ]
        var seen = Set<String>()
        let firsts = summaries.compactMap { summary in
            summary.topInsight.map { (summary.question, $0) }
        }
        .filter { !Self.isStale($0.1, asOf: asOf) && seen.insert($0.1.json.encoded()).inserted }
        return order.flatMap { type in firsts.filter { $0.1.type == type } }.prefix(
            Self.insightLimit
        ).map { $0 }
    }

    /// A week's fact that is no news this week: the week began more than 13 days before the
    /// as-of date (a question of 2024 repeated "Completions were unusually low in the week of
    /// 2024-12-23" in every Monday's digest and Slack message, blind test 77). It stays on
    /// its question's page.
    static func isStale(_ insight: Insight, asOf: CivilDate) -> Bool {
        let week: CivilDate
        switch insight {
        case .unusualChange(let fact): week = fact.week
        case .record(let fact): week = fact.week
        default: return false
        }
        return week.adding(days: 13) < asOf
    }

    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "title": .string(title), "as_of": .string(asOf.description),
            "alerts": .array(alerts.filter(\.triggered).map(\.json)),
            // Alerts left unchecked for too few enrollments: said, not silently absent (a
            // skipped alert read as one that did not fire: blind test 56).
            "unchecked_alerts": .array(alerts.filter(\.unchecked).map(\.json)),
            "insights": .array(
                topInsights.map { entry in
                    [
                        "question": .string(entry.question.id),
                        "insight": entry.insight.json,
                        "text": .string(entry.insight.sentence),
                    ]
                }),
            "what_changed": .array(
                ChangeText.whatChanged(summaries).map { move in
                    var fields = move.change.json
                    if case .object(var members) = fields {
                        members["question"] = .string(move.questionID)
                        members["text"] = .string(move.text { $0 })
                        members["score"] = .number(move.score)
                        members["asked"] = .bool(move.asked)
                        if let across = move.across { members["across"] = .string(across) }
                        fields = .object(members)
                    }
                    return fields
                }),
        ]
        if let week {
            if let caveat = week.caveat { members["last_7_days_note"] = .string(caveat) }
            members["last_7_days"] = .array(
                zip(["enrollments", "learners", "completions"], week.rows).map { measure, row in
                    [
                        "measure": .string(measure), "current": .int(row.measure.current),
                        "previous": week.previous(row.measure).map { .int($0) } ?? .null,
                        "drivers": row.drivers?.json ?? .null,
                    ]
                })
        }
        return .object(members)
    }

    private static func questionText(_ alert: AlertResult, _ summaries: [ReportSummary])
        -> String
    {
        summaries.first { $0.question.id == alert.rule.question }?.question.text
            ?? alert.rule.question
    }

    /// The digest as Markdown: what a notification carries and the feed entry shows.
    public var markdown: String {
        let escape = MarkdownText.escape
        var lines = ["# \(escape(title)): as of \(asOf)", ""]
        let triggered = alerts.filter(\.triggered)
        lines += ["## Alerts", ""]
        if triggered.isEmpty {
            lines += ["No alert was triggered.", ""]
        } else {
            for alert in triggered {
                // Named by the question's text, as the insights and changes below are.
                let question = Self.questionText(alert, summaries)
                lines.append(
                    "- [\(escape(question))](\(alert.rule.question).md): \(escape(alert.rule.summary)); "
                        + "the value is \(escape(alert.valueText))"
                        + (alert.withinChance ? ", within what chance alone gives" : ""))
            }
            lines.append("")
        }
        let unchecked = alerts.filter(\.unchecked)
        if !unchecked.isEmpty {
            let why = [
                unchecked.contains { $0.tooFew != nil } ? "too few enrollments" : nil,
                unchecked.contains { $0.tooNew != nil } ? "too new a window" : nil,
            ].compactMap { $0 }.joined(separator: " or ")
            lines += ["Not checked, for \(why):", ""]
            for alert in unchecked {
                lines.append(
                    "- [\(escape(Self.questionText(alert, summaries)))](\(alert.rule.question).md): "
                        + "\(escape(alert.rule.summary)); \(escape(alert.uncheckedReason ?? ""))")
            }
            lines.append("")
        }
        if let week {
            lines += [
                "## The last 7 days", "",
                "\(week.start) to \(week.asOf), against the 7 days before.", "",
            ]
            if let caveat = week.caveat { lines += ["> **Note:** \(escape(caveat))", ""] }
            for row in week.rows {
                let cells = week.cells(row.measure)
                let against =
                    week.previous(row.measure) == nil
                    ? " (the 7 days before lie before the data)"
                    : " against " + cells.previous
                        + (cells.change == "–" ? "" : ", " + cells.change)
                lines.append(
                    "- \(row.label): \(NumberText.count(row.measure.current))" + against
                        + (row.drivers.map { ". " + $0.sentence } ?? ""))
            }
            lines.append("")
        }
        let insights = topInsights
        if !insights.isEmpty {
            lines += ["## Insights", ""]
            for entry in insights {
                lines.append(
                    "- [\(escape(entry.question.text))](\(entry.question.id).md): \(entry.insight.sentence)"
                )
            }
            lines.append("")
        }
        let moves = ChangeText.whatChanged(summaries)
        lines += ["## What changed", ""]
        if moves.isEmpty {
            lines += ["No earlier report to compare with, or nothing moved.", ""]
        } else {
            for move in moves {
                lines.append(
                    "- [\(escape(move.question))](\(move.questionID).md): "
                        + escape(move.text { DisplayName.cut($0) })
                        + (move.change.drivers.map { ". " + $0.sentence } ?? ""))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The triggered alerts a site's digest.json lists, in the words the build that wrote it
    /// used ("q: drop rate above 35%: 37.93%"); for a build that found nothing to do and so
    /// computed none. A digest that is missing, unreadable or not JSON lists none: the
    /// unchanged build's fingerprint already vouched for the site.
    public static func triggeredAlerts(in layout: SiteLayout, files: any FileSystem) -> [String] {
        guard
            let data = try? files.contents(of: layout.digest),
            let value = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return [] }
        return (value["alerts"]?.arrayValue ?? []).map { alert in
            if let result = AlertResult(json: alert) { return result.description }
            let (question, measure, condition) = (
                alert["question"]?.stringValue ?? "", alert["measure"]?.stringValue ?? "",
                alert["condition"]?.stringValue ?? ""
            )
            return "\(question): \(measure) \(condition)"
        }
    }
}

/// `site/feed.xml`: an Atom feed with one entry per report (as-of date), each carrying its
/// digest. The entries of earlier reports are kept from the previous feed, up to `limit`.
public struct Feed: Sendable {
    /// Entries kept: a quarter of weekly reports, plus the current one.
    public static let limit = 13

    public var title: String
    public var asOf: CivilDate

    public init(title: String, asOf: CivilDate) {
        self.title = title
        self.asOf = asOf
    }

    /// The feed of the site a build is about to replace, for its earlier entries; nil when
    /// there is none.
    /// - Throws: `SiteError` when it is there but cannot be read: publishing without it
    ///   would silently drop every earlier report from the feed.
    public static func previous(in layout: SiteLayout, files: any FileSystem) throws -> String? {
        do {
            return try files.contents(of: layout.feed).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw SiteError(
                path: layout.feed.path,
                message:
                    "cannot read the previous feed, whose earlier entries the new one keeps: \(error.localizedDescription)"
            )
        }
    }

    /// The feed, with this report's entry and the previous feed's entries of earlier dates,
    /// newest first.
    /// - Parameter pages: the question ids the site holds: an earlier entry's link to a
    ///   question since removed is kept as its text, not a link to a page that is gone (blind
    ///   test 84); nil keeps every link.
    public func render(digest: Digest, previous: String?, pages: Set<String>? = nil) -> String {
        // A report as of an earlier day (`--force`) replaces the later ones, which the site
        // no longer holds: their entries go, and the next build is not refused for them.
        var entries: [(date: String, xml: String)] = Self.entries(in: previous ?? "").filter {
            $0.date < asOf.description
        }
        if let pages {
            entries = entries.map { ($0.date, Self.unlinking($0.xml, keeping: pages)) }
        }
        // The digest's links name the Markdown twins (for `digest.md`); a feed reader opens
        // the pages.
        let html = MarkdownRenderer.html(
            digest.markdown.replacingOccurrences(
                of: #"\]\(([^()\s]+)\.md\)"#, with: "]($1.html)", options: .regularExpression))
        let entry = """
              <entry>
                <id>\(id(asOf.description))</id>
                <title>\(Self.escape(title)): as of \(asOf)</title>
                <updated>\(asOf)T00:00:00Z</updated>
                <link rel="alternate" type="text/html" href="index.html"/>
                <content type="html">\(Self.escape(html))</content>
              </entry>
            """
        entries.append((asOf.description, entry))
        entries.sort { $0.date > $1.date }
        entries = Array(entries.prefix(Self.limit))
        let updated = entries.first?.date ?? asOf.description
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>\(id(nil))</id>
              <title>\(Self.escape(title))</title>
              <updated>\(updated)T00:00:00Z</updated>
              <author><name>Almanac</name></author>
              <link rel="alternate" type="text/html" href="index.html"/>
              <link rel="self" type="application/atom+xml" href="feed.xml"/>

            """ + entries.map(\.xml).joined(separator: "\n") + "\n</feed>\n"
    }

    /// `urn:almanac:<title slug>[:<as-of>]`: stable across builds and hosts.
    private func id(_ date: String?) -> String {
        let slug = Slug.make(from: title).isEmpty ? "report" : Slug.make(from: title)
        return "urn:almanac:" + slug + (date.map { ":" + $0 } ?? "")
    }

    /// An entry's escaped links to question pages not in `pages`, as their text.
    static func unlinking(_ xml: String, keeping pages: Set<String>) -> String {
        var result = xml
        for found in link.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).reversed() {
            guard let name = Range(found.range(at: 1), in: xml),
                let text = Range(found.range(at: 2), in: xml),
                let whole = Range(found.range, in: result)
            else { continue }
            let page = String(xml[name])
            guard page != "index", !pages.contains(page) else { continue }
            result.replaceSubrange(whole, with: xml[text])
        }
        return result
    }

    /// An escaped link to a page of the site, its name and its text.
    private static let link = try! NSRegularExpression(
        pattern: #"&lt;a href=&quot;([^&"]+)\.html&quot;&gt;(.*?)&lt;/a&gt;"#)

    /// The `<entry>` elements of a feed this writer wrote, each with its date.
    static func entries(in xml: String) -> [(date: String, xml: String)] {
        var result: [(String, String)] = []
        var rest = xml[...]
        while let start = rest.range(of: "  <entry>"),
            let end = rest.range(of: "</entry>", range: start.upperBound..<rest.endIndex)
        {
            let element = String(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
            guard let open = element.range(of: "<updated>") else { continue }
            let date = String(element[open.upperBound...].prefix(10))
            guard CivilDate(iso: date) != nil else { continue }
            result.append((date, element))
        }
        return result
    }

    /// Text as XML character data; control characters, which XML 1.0 cannot carry, are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r"
                    || (0xFFFE...0xFFFF).contains(scalar.value)
            {
                continue
            }
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
