import Foundation
import Testing

@testable import AlmanacCore

/// `--plotly-file` is published in the site as it is: a blind test published its SQLite
/// database, learners' names and all, as `assets/plotly-….min.js`.
@Suite struct PlotlyFileTests {
    func choose(_ data: Data) -> (PlotlySource, [String]) {
        var warnings: [String] = []
        let source = PlotlySource.choose(
            fromCDN: false, file: "given.js", read: { _ in data }, warn: { warnings.append($0) })
        return (source, warnings)
    }

    @Test(
        "a database or binary file is not published; pages load plotly.js from the CDN, said",
        arguments: [
            Data("SQLite format 3\0rest of the database".utf8), Data([0x21, 0x00, 0x66]),
            Data([0xff, 0xfe, 0x41]),
        ])
    func refused(data: Data) {
        let (source, warnings) = choose(data)
        #expect(source == .cdn)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("not published") == true, "\(warnings)")
    }

    @Test("JavaScript text is published as it is")
    func accepted() {
        let script = Data("/*! plotly.js */ var Plotly = {};\n".utf8)
        let (source, warnings) = choose(script)
        #expect(source == .local(script))
        #expect(warnings.isEmpty)
    }
}
