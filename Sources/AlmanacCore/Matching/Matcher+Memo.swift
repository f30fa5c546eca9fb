import Foundation

extension Matcher {
    /// What the matcher read from a question's masked wording, kept for the next question
    /// worded the same way. A report of many questions asks the same few questions of
    /// different badges and organizations, and the wording with its names masked
    /// (`Reading.masked`) is the same for each: its measure, breakdown and order words
    /// (`Wording`) and its time window are read by a few hundred regular expressions, once per
    /// wording instead of once per question. Both readings depend on that text alone (and the
    /// matcher's as-of date), so the answer is the same as reading it again.
    final class Memo: @unchecked Sendable {
        // @unchecked: both dictionaries are only touched under `lock`.
        private let lock = NSLock()
        private var wordings: [String: Wording] = [:]
        private var windows: [String: Result<TimeWindow.Reading, TimeWindow.Problem>] = [:]

        /// `Wording(text)`.
        func wording(_ text: String) -> Wording {
            if let known = lock.withLock({ wordings[text] }) { return known }
            let wording = Wording(text)
            lock.withLock { wordings[text] = wording }
            return wording
        }

        /// `TimeWindow(asOf:).read(text)`.
        func window(_ text: String, asOf: CivilDate) throws -> TimeWindow.Reading {
            if let known = lock.withLock({ windows[text] }) { return try known.get() }
            let result: Result<TimeWindow.Reading, TimeWindow.Problem>
            do {
                result = .success(try TimeWindow(asOf: asOf).read(text))
            } catch let problem as TimeWindow.Problem {
                result = .failure(problem)
            }
            lock.withLock { windows[text] = result }
            return try result.get()
        }
    }
}
