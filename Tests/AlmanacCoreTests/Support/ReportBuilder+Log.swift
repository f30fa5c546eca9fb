import Foundation

@testable import AlmanacCore

extension ReportBuilder {
    /// An environment with a test's own log, and the transport and sleep the test put in
    /// `options.llm`.
    init(options: BuildOptions, version: String, log: @escaping @Sendable (BuildEvent) -> Void) {
        let environment = Environment(
            http: options.llm.transport, sleep: options.llm.sleep, now: { Date() }, log: log)
        self.init(options: options, version: version, environment: environment)
    }
}
