import Foundation

/// Everything the site writer needs for one question.
public struct QuestionReport: Sendable {
    public var question: Question
    @Indirect public var match: Match
    public var output: any AnalysisOutput
    /// What the question asked for, picked from `output`; nil for custom SQL.
    @Indirect public var answer: Answer?
    public var charts: [Chart]
    public var narration: Narration
    public var grounding: Grounding
    /// The statements that computed this question's numbers, parameters inlined, for "How
    /// this was computed" and `metadata.sql`.
    public var sql: [String]
    /// The statements behind `sql` while they are not written out: a build writes them just
    /// before the question's pages (`charted`), so that every page's 14 KB of SQL text is
    /// not held from the SQL phase to the end.
    @Indirect public var pendingSQL: StandaloneSQL? = nil
    /// The build's shared statements that computed the numbers, with this page's scope of
    /// each (`metadata.shared_statements`); empty for custom SQL.
    public var shared: [SharedScope] = []
    /// The engine that ran them, as `SQLDialect.name` spells it: `sqlite` or `postgresql`.
    public var engine: String
    /// The numbers comparisons, "since the last report" and alerts read.
    public var keyMeasures: [KeyMeasure] = []
    /// The previous window and the year-ago window; nil without a time window.
    @Indirect public var comparison: Comparison? = nil
    /// Nil for a question the previous site did not have (or had at no earlier date).
    public var sinceLastReport: SinceLastReport?
    /// Most important first.
    public var insights: [Insight] = []
    /// For a back-dated report: its as-of date and the data's latest day.
    public var backDated: (asOf: CivilDate, latest: CivilDate)?
    /// The data's latest day, when the report is dated after it.
    public var dataEnds: CivilDate?

    public init(
        question: Question, match: Match, output: any AnalysisOutput, answer: Answer? = nil,
        charts: [Chart], narration: Narration, grounding: Grounding, sql: [String],
        engine: String = "sqlite"
    ) {
        self.answer = answer
        self.engine = engine
        self.question = question
        self.match = match
        self.output = output
        self.charts = charts
        self.narration = narration
        self.grounding = grounding
        self.sql = sql
    }

    /// The key tables as pages and twins show them, long names cut (`DisplayName`).
    /// The answer's table comes first when it lists rows; a single figure is in the summary.
    /// A table without rows is left out: a badge no one took showed "By badge", "By
    /// organization" and "By cohort" as headings over nothing, and the summary says why.
    public var tables: [DataTable] {
        let first = answer.flatMap { $0.subjectTitle == nil || $0.rows.isEmpty ? nil : $0.table }
        return ((first.map { [$0] } ?? []) + output.tables).filter { !$0.rows.isEmpty }
            .map(DisplayName.cut)
    }

    /// Notices a reader should see above the answer.
    public var notices: [String] {
        var notices: [String] = []
        if let note = narration.note { notices.append(note) }
        if let backDated, match.kind == .customSQL {
            // A question's own `sql:` runs as written: the page said the later enrollments
            // were left out while its rows added up to every enrollment (an attack run).
            notices.append(
                "This report is as of \(backDated.asOf), before the data's latest day (\(backDated.latest)), but this question's own SQL runs as written: it reads all the data, including what is dated after \(backDated.asOf), unless its query says otherwise."
            )
        } else if let backDated {
            notices.append(
                "This report is as of \(backDated.asOf), before the data's latest day (\(backDated.latest)): enrollments and completions dated after \(backDated.asOf) are left out, but drop-outs carry no date, so an enrollment dropped later counts as dropped here."
            )
        }
        if let dataEnds {
            notices.append(
                "The data's latest activity is on \(dataEnds), before this report's date: the days after it hold no data in this export, so a window that reaches past \(dataEnds) counts them as empty, and a fall may be the export's, not the platform's. Is the export up to date?"
            )
        }
        if !grounding.unverified.isEmpty {
            notices.append(
                "These figures in the summary could not be found in the data: \(grounding.unverified.joined(separator: ", "))."
            )
        }
        return notices
    }

    /// The report document, `site/<id>.json`: the site's machine-readable API.
    public func document(asOf: CivilDate, stats: DatabaseStats) -> JSONValue {
        var visualization: [String: JSONValue] = [:]
        for chart in charts { visualization[chart.name] = chart.figure }
        var document: JSONValue = [
            "id": .string(question.id),
            "question": .string(question.text),
            "section": .text(question.section),
            "type": .string(match.kind.rawValue),
            "response": .string(narration.markdown),
            "metadata": [
                "confidence": .double(match.confidence),
                "intent": match.intentJSON,
                "as_of": .string(asOf.description),
                "filters": match.appliedFiltersJSON(asOf: asOf),
                "database_stats": stats.json,
                "analytics_data": output.json,
                "engine": .string(engine),
                "sql": .array(sql.map(JSONValue.string)),
                "shared_statements": .array(shared.map(\.json)),
                "grounding": grounding.json,
                "narration": [
                    "source": narration.model == nil ? "offline" : "model",
                    "model": .text(narration.model),
                    "note": .text(narration.note),
                ],
            ],
            "visualization": .object(visualization),
        ]
        if case .object(var metadata) = document["metadata"], case .object(var members) = document {
            metadata["key_measures"] = .array(keyMeasures.map(\.json))
            metadata["insights"] = .array(insights.map(\.json))
            if let comparison { metadata["comparison"] = comparison.json }
            if let sinceLastReport { metadata["since_last_report"] = sinceLastReport.json }
            members["metadata"] = .object(metadata)
            document = .object(members)
        }
        return document
    }

    /// The comparison, insights and changes since the last report as the grounding check
    /// reads them: every number a narration may quote besides the analysis's own.
    public var derivedNumbers: JSONValue {
        // A comparison's lead quotes its differences and changes as sizes ("847 fewer").
        let gaps = (answer?.differences ?? []).flatMap { [$0.difference, $0.change] }
            .compactMap { $0.map { JSONValue.double(Swift.abs($0)) } }
        return [
            "comparison": comparison?.json ?? .null, "insights": .array(insights.map(\.json)),
            "since_last_report": sinceLastReport?.json ?? .null,
            "answer": .array((answer?.table.rows ?? []).map { .array($0) }),
            "answer_gaps": .array(gaps),
            // The windows' own words ("against the 30 days before"), which the lead quotes:
            // their numbers are the question's, not figures to find in the data.
            "windows": .array(
                [match.filters.dateRange?.phrase, match.versus?.phrase, answer?.versus?.phrase]
                    .compactMap { $0.map(JSONValue.string) }),
        ]
    }
}

extension QuestionReport {
    /// Checks every figure of the narration against the report's data. A published page
    /// never carries an unverified number: unless `keepsModelAnswers`, a model's answer with
    /// one gives way to the offline narration, and the page says why.
    /// - Returns: the unverified figures, empty when every figure is in the data, and
    ///   whether the offline narration replaced the model's.
    mutating func ground(
        stats: DatabaseStats, offline: () -> String, keepsModelAnswers: Bool
    ) -> (
        unverified: [String], fellBack: Bool
    ) {
        let context: JSONValue = [
            "analytics_data": output.json, "database_stats": stats.json,
            "derived": derivedNumbers,
        ]
        grounding = Grounding.check(narration.markdown, against: context)
        let unverified = grounding.unverified
        guard !unverified.isEmpty, narration.model != nil, !keepsModelAnswers else {
            return (unverified, false)
        }
        narration = Narration(markdown: offline(), source: .offlineUngrounded(unverified))
        grounding = Grounding.check(narration.markdown, against: context)
        return (unverified, true)
    }
}

extension QuestionReport {
    /// "Why it changed": each move's drivers once (a week both unusual and a record is one
    /// move), then those of the totals' changes since the last report.
    public var whyItChanged: [String] {
        var lines: [String] = []
        // A question that sets two windows side by side asks why its own numbers moved
        // between them: a week's unusual completions, beside "enrollments in the last 3
        // months against the 3 before", read as the answer's cause to a blind test.
        let asked = match.versus == nil ? insights : insights.filter(\.isChange)
        for line in asked.compactMap(\.why) where !lines.contains(line) {
            lines.append(line)
        }
        for change in sinceLastReport?.changes ?? [] {
            guard let drivers = change.drivers else { continue }
            let label = KeyMeasure.label(change.measure)
            lines.append(
                "\(Lead.capitalized(label)) since the last report: "
                    + "\(drivers.move). \(drivers.explanation)")
        }
        // The moves are of the whole scope, not of the names compared.
        if let across = match.acrossAll { return lines.map { "Across \(across): " + $0 } }
        return lines
    }
}
