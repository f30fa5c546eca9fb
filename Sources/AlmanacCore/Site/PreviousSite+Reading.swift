import Foundation

extension PreviousSite {
    /// Reads every top-level `<id>.json` of the site that is a report document. A folder
    /// that is not there gives no document, and so does a file that does not parse or
    /// cannot be read: the question reads as new. (A site folder that cannot be listed
    /// never gets here: the build refuses it first, in `SiteWriter.checkTarget`.)
    public static func read(from layout: SiteLayout, files: any FileSystem) -> PreviousSite {
        var documents: [String: JSONValue] = [:]
        let names = (try? files.contentsOfDirectory(at: layout.site)) ?? []
        let digest = layout.digest.lastPathComponent
        for name in names.sorted() where name.hasSuffix(".json") && name != digest {
            guard
                let data = try? files.contents(of: layout.site.appending(path: name)),
                let value = try? JSONDecoder().decode(JSONValue.self, from: data),
                let id = value["id"]?.stringValue, id + ".json" == name
            else { continue }
            documents[id] = value
        }
        return PreviousSite(documents: documents)
    }
}
