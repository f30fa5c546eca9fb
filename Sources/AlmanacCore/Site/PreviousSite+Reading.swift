import Foundation

extension PreviousSite {
    /// Reads every top-level `<id>.json` of the site that is a report document. A folder
    /// that is not there gives no document, and so does a file that does not parse or
    /// cannot be read: the question reads as new. (A site folder that cannot be listed
    /// never gets here: the build refuses it first, in `SiteWriter.checkTarget`.)
    ///
    /// Only what "since the last report" reads is kept (`PreviousDocument`): decoding every
    /// document whole, figures included, took half a second of a demo build over an
    /// existing site.
    /// The documents are read and decoded on every core: one at a time, 2,000 of them took
    /// 1.2 s of a rebuild's load phase.
    public static func read(from layout: SiteLayout, files: any FileSystem) async -> PreviousSite {
        var documents: [String: JSONValue] = [:]
        let names = (try? files.contentsOfDirectory(at: layout.site)) ?? []
        let digest = layout.digest.lastPathComponent
        let read = await names.sorted().filter { $0.hasSuffix(".json") && $0 != digest }
            .concurrentMap { name -> PreviousDocument? in
                guard
                    let data = try? files.contents(of: layout.site.appending(path: name)),
                    let document = try? JSONDecoder().decode(PreviousDocument.self, from: data),
                    document.id + ".json" == name
                else { return nil }
                return document
            }
        for document in read.compactMap({ $0 }) { documents[document.id] = document.value }
        var site = PreviousSite(documents: documents)
        site.removed = removedReports(layout, files)
        for (id, document) in site.removed where documents[id] == nil {
            site.documents[id] = document
        }
        return site
    }

    /// At most this many removed questions' reports are kept.
    static let removedLimit = 1_000

    private static func removedReports(_ layout: SiteLayout, _ files: any FileSystem)
        -> [String: JSONValue]
    {
        guard let data = try? files.contents(of: layout.removedReports),
            let kept = try? JSONDecoder().decode([String: JSONValue].self, from: data)
        else { return [:] }
        return kept
    }

    /// Keeps the last report of each question that this build (of `ids`) took out of the
    /// site, so that "since the last report" finds it when the question comes back: a
    /// preview build of a questions file saved half-way removed three questions' pages, and
    /// their history with them (a blind test). A question back in the site leaves the
    /// archive; past `removedLimit`, the oldest reports go.
    func keepRemoved(besides ids: Set<String>, in layout: SiteLayout, files: any FileSystem)
        throws
    {
        let gone = documents.filter { !ids.contains($0.key) }
        guard !gone.isEmpty || !removed.isEmpty else { return }
        let kept = gone.sorted {
            ($0.value["metadata"]?["as_of"]?.stringValue ?? "", $0.key)
                > ($1.value["metadata"]?["as_of"]?.stringValue ?? "", $1.key)
        }.prefix(Self.removedLimit)
        if kept.isEmpty {
            try? files.removeItem(at: layout.removedReports)
            return
        }
        try files.createDirectory(at: layout.sidecar)
        let bytes = JSONWriter.bytes(
            .object(Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })),
            pretty: false, scriptSafe: false)
        try files.write(Data(bytes), to: layout.removedReports)
    }
}

/// The parts of a report document that `SinceLastReport.make` reads: its id and type, and
/// from its metadata the as-of date, the key measures, the last comparison and what the
/// question asked (`intent`: kind, measure, filters …); the analysis
/// data only for a document from before key measures were recorded.
private struct PreviousDocument: Decodable, Sendable {
    var id: String
    var value: JSONValue

    private enum Keys: String, CodingKey {
        case id, type, metadata
        case asOf = "as_of"
        case keyMeasures = "key_measures"
        case sinceLastReport = "since_last_report"
        case analyticsData = "analytics_data"
        case intent
    }

    init(from decoder: any Decoder) throws {
        let document = try decoder.container(keyedBy: Keys.self)
        id = try document.decode(String.self, forKey: .id)
        let metadata = try document.nestedContainer(keyedBy: Keys.self, forKey: .metadata)
        var kept: [String: JSONValue] = [:]
        for key in [Keys.asOf, .keyMeasures, .sinceLastReport] {
            kept[key.rawValue] = try metadata.decodeIfPresent(JSONValue.self, forKey: key)
        }
        // What the question asked (`ReportScope`) and its window, whose start and end tell a
        // window that grew, began again or ended at another distance from its as-of date.
        if case .object(let intent)? = try metadata.decodeIfPresent(
            JSONValue.self, forKey: .intent)
        {
            kept[Keys.intent.rawValue] = .object(
                intent.filter { ReportScope.recorded.contains($0.key) })
        }
        if kept[Keys.keyMeasures.rawValue] == nil {
            kept[Keys.analyticsData.rawValue] = try metadata.decodeIfPresent(
                JSONValue.self, forKey: .analyticsData)
        }
        var whole: [String: JSONValue] = ["id": .string(id), "metadata": .object(kept)]
        whole["type"] = try document.decodeIfPresent(JSONValue.self, forKey: .type)
        value = .object(whole)
    }
}
