import Foundation

/// Everything the site writer needs for one question.
public struct QuestionReport: Sendable {
    public var question: Question
    public var match: Match
    public var output: any AnalysisOutput
    /// What the question asked for, picked from `output`; nil for custom SQL.
    public var answer: Answer?
    public var charts: [Chart]
    public var narration: Narration
    public var grounding: Grounding
    /// The statements that computed this question's numbers, parameters inlined, for "How
    /// this was computed" and `metadata.sql`.
    public var sql: [String]
    /// The engine that ran them, as `SQLDialect.name` spells it: `sqlite` or `postgresql`.
    public var engine: String
    /// The numbers comparisons, "since the last report" and alerts read.
    public var keyMeasures: [KeyMeasure] = []
    /// The previous window and the year-ago window; nil without a time window.
    public var comparison: Comparison?
    /// Nil for a question the previous site did not have (or had at no earlier date).
    public var sinceLastReport: SinceLastReport?
    /// Most important first.
    public var insights: [Insight] = []

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
    public var tables: [DataTable] {
        let first = answer.flatMap { $0.subjectTitle == nil || $0.rows.isEmpty ? nil : $0.table }
        return ((first.map { [$0] } ?? []) + output.tables).map(DisplayName.cut)
    }

    /// Notices a reader should see above the answer.
    public var notices: [String] {
        var notices: [String] = []
        if let note = narration.note { notices.append(note) }
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
                "filters": match.filters.json,
                "database_stats": stats.json,
                "analytics_data": output.json,
                "engine": .string(engine),
                "sql": .array(sql.map(JSONValue.string)),
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
        [
            "comparison": comparison?.json ?? .null, "insights": .array(insights.map(\.json)),
            "since_last_report": sinceLastReport?.json ?? .null,
        ]
    }
}

/// Where the pages load plotly.js from.
public enum PlotlySource: Sendable, Equatable {
    /// The file setup placed, copied into the site's assets.
    case local(Data)
    /// The official CDN, with the pinned file's integrity hash.
    case cdn
}

/// The version of plotly.js the site uses, pinned with the file setup downloads.
public enum PlotlyJS {
    public static let version = "2.35.2"
    public static let cdnURL = "https://cdn.plot.ly/plotly-\(version).min.js"
    /// `sha256-…` of plotly.min.js 2.35.2 as shipped in the plotly 5.24.1 wheel.
    public static let integrity = "sha256-bSEmbOG9fZ5atOEVmJxwwg3gOC/Zc6jyarWGGeuk1gM="
    /// The same hash in hex, as `make setup` pins it.
    public static let sha256 = "6d21266ce1bd7d9e5ab4e115989c70c20de0382fd973a8f26ab58619eba4d603"
    /// The plotly.min.js compiled into this binary (see the EmbedTemplates plugin), or nil for
    /// a binary built before `make setup` fetched it.
    public static let embedded: Data? = BuiltinPlotly.base64.flatMap { Data(base64Encoded: $0) }
    /// The sha256 of `embedded`, in hex.
    static let embeddedDigest = embedded.map { SHA256.hex($0) } ?? ""
    /// What a binary without its own plotly.js says on every build.
    public static let missingNotice =
        "this almanac was built without plotly.min.js (run `make setup` before building it), so pages load plotly.js \(version) from \(cdnURL); readers need network access to see the charts. Pass --plotly-file with a downloaded plotly.min.js \(version) to self-host it"
}
