import Foundation

/// Unique display labels for the badges or organizations of one result.
///
/// The analyses group by database id, so two rows never merge; but pages, charts and the
/// narrators key by the label a reader sees, so two rows must never show the same one. The
/// rule (docs/metrics.md): a name is shown as it is, unless another id in the same result has
/// the same name once both are in Unicode NFC, or a real organization is named like the
/// `(no organization)` placeholder; then each such name is shown as `name (#id)`. The
/// placeholder itself (id nil) keeps its text.
struct DisplayLabels {
    private var labels: [Int?: String] = [:]

    /// - Parameters:
    ///   - entries: every id of the result with its database name; nil is the placeholder.
    ///   - reserved: labels taken by something other than an id, such as the placeholder.
    init(_ entries: [(id: Int?, name: String)], reserved: Set<String> = [Scope.noOrganization]) {
        var ids: [[UInt8]: Set<Int?>] = [:]
        for entry in entries { ids[Self.key(entry.name), default: []].insert(entry.id) }
        let reservedKeys = Set(reserved.map(Self.key))
        for entry in entries where labels[entry.id] == nil {
            let key = Self.key(entry.name)
            let shared = (ids[key]?.count ?? 0) > 1 || reservedKeys.contains(key)
            let collides = entry.id != nil && shared
            labels[entry.id] = collides ? "\(entry.name) (#\(entry.id!))" : entry.name
        }
    }

    /// The label of an id; the name itself for an id the labels were not made with.
    func label(_ id: Int?, _ name: String) -> String { labels[id] ?? name }

    /// Names compare by their NFC bytes: the same rule `almanac check` applies.
    private static func key(_ name: String) -> [UInt8] {
        Array(name.precomposedStringWithCanonicalMapping.utf8)
    }
}
