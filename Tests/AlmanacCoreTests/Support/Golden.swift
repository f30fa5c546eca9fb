import Foundation
import Testing

/// Golden files: output a reviewer should see, kept in `Tests/AlmanacCoreTests/Fixtures/Golden/`.
///
/// `ALMANAC_RECORD_GOLDEN=1` re-records every golden file a test compares with; the test then
/// fails anyway, saying which files it wrote, so a re-record never passes silently. Review the
/// diff (`git diff Tests/AlmanacCoreTests/Fixtures/Golden`) before committing it.
enum Golden {
    /// The environment variable that asks for golden files to be re-recorded.
    static let recordVariable = "ALMANAC_RECORD_GOLDEN"

    /// `Tests/AlmanacCoreTests/Fixtures/Golden/`, found from this file's own path.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Golden")

    /// Compares `actual` with the golden file `name`; on a difference, records an issue that
    /// names the first differing line. Re-records the file instead when the environment asks.
    static func check(
        _ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = folder.appending(path: name)
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "re-recorded \(url.path) because \(recordVariable)=1; review its diff, then run the tests without \(recordVariable)",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record(
                    "cannot re-record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no golden file \(url.path); run the test with \(recordVariable)=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if let difference = firstDifference(expected: expected, actual: actual) {
            Issue.record(
                "\(name) differs from its golden file \(url.path) \(difference); if the change is intended, re-record with \(recordVariable)=1 and review the diff",
                sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ, as "at line N: expected …, got …"; nil when they are equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) {
            let line = index < want.count ? String(want[index]) : nil
            let other = index < got.count ? String(got[index]) : nil
            guard line != other else { continue }
            func show(_ text: String?) -> String {
                text.map { "\"\($0)\"" } ?? "(end of text)"
            }
            return "at line \(index + 1): expected \(show(line)), got \(show(other))"
        }
        return "in line endings or trailing bytes"
    }
}
