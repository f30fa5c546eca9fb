import Foundation

extension Matcher {
    /// What the matcher read from a question's masked wording, kept for the next question
    /// worded the same way. A report of many questions asks the same few questions of
    /// different badges and organizations, and the wording with its names masked
    /// (`Reading.masked`) is the same for each: its measure, breakdown and order words
    /// (`Wording`), its time window and the parts no analysis applies are read by a few
    /// hundred regular expressions, once per wording instead of once per question. Each
    /// reading depends on that text alone (and the matcher's as-of date, or the measure read
    /// from the same text), so the answer is the same as reading it again.
    final class Memo: @unchecked Sendable {
        // @unchecked: the dictionaries are only touched under `lock`.
        private let lock = NSLock()
        private var wordings: [String: Wording] = [:]
        private var windows: [String: Result<TimeWindow.Reading, TimeWindow.Problem>] = [:]
        private var unapplieds: [UnappliedKey: Unapplied?] = [:]
        private var shorthands: [String: String] = [:]
        private var routes: [Question: Result<Match, MatchError>] = [:]

        /// A part of a question that no analysis applies (`Matcher.refuseUnapplied`).
        struct Unapplied: Equatable {
            var part: UnappliedPart
            var phrase: String
            var before: String
        }

        private struct UnappliedKey: Hashable {
            var text: String
            var measure: Measure?
        }

        /// `read(text, measure)`, once per text and measure.
        func unapplied(
            _ text: String, measure: Measure?, _ read: (String, Measure?) -> Unapplied?
        ) -> Unapplied? {
            let key = UnappliedKey(text: text, measure: measure)
            if let known = lock.withLock({ unapplieds[key] }) { return known }
            let found = read(text, measure)
            lock.withLock { unapplieds[key] = .some(found) }
            return found
        }

        /// `Matcher.expandingShorthand(text)`: the words between a question's names, which a
        /// report's questions about different names share (a pass of about 70 patterns).
        func shorthand(_ text: String) -> String {
            if let known = lock.withLock({ shorthands[text] }) { return known }
            let written = Matcher.expandingShorthand(text)
            lock.withLock { shorthands[text] = written }
            return written
        }

        /// `route(question)`, once per question as written: the same question, on the same
        /// line, with the same settings. A build has each question once; `almanac serve`
        /// keeps its matcher from one build to the next (`MatcherShelf`), so a change to one
        /// question reads that question again, not the file.
        func route(_ question: Question, _ read: () throws -> Match) throws -> Match {
            if let known = lock.withLock({ routes[question] }) { return try known.get() }
            let result: Result<Match, MatchError>
            do {
                result = .success(try read())
            } catch let error as MatchError {
                result = .failure(error)
            }
            lock.withLock { routes[question] = result }
            return try result.get()
        }

        /// How many routes are kept (for the tests).
        var routeCount: Int { lock.withLock { routes.count } }

        /// Forgets the routes of questions not in `questions`: what `serve` keeps is its
        /// file's questions, not every edit of a long session.
        func keepRoutes(of questions: [Question]) {
            let kept = Set(questions)
            lock.withLock { routes = routes.filter { kept.contains($0.key) } }
        }

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
