import Foundation

extension Matcher {
    /// A route that someone other than the rules proposed: a language model, given the closed
    /// schema. Only the parts that the schema names; the time window is always read from
    /// the question by the rules.
    public struct Proposal: Sendable, Equatable {
        public var kind: AnalysisKind
        public var intent: Intent
        public var badge: String?
        public var organization: String?
        /// The question's time phrase as the model read it, or nil; it must agree with the
        /// rules' reading.
        public var window: String?
        public var confidence: Double

        public init(
            kind: AnalysisKind, intent: Intent, badge: String? = nil, organization: String? = nil,
            window: String? = nil, confidence: Double
        ) {
            self.kind = kind
            self.intent = intent
            self.badge = badge
            self.organization = organization
            self.window = window
            self.confidence = confidence
        }
    }

    /// Why a proposal was refused.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The match a proposal gives, checked as strictly as the rules check themselves: the
    /// measure must be one the kind computes, broken down in a way Almanac computes, the names
    /// must be the database's, and any name or window in the question must agree.
    /// - Throws: `Refusal` for a proposal that breaks any of these; `MatchError` for a time
    ///   phrase in the question that the rules cannot read.
    public func route(_ question: Question, proposal: Proposal) throws -> Match {
        func refuse(_ why: String) -> Refusal { Refusal(description: why) }
        func failure(_ reason: MatchError.Reason) -> MatchError {
            MatchError(
                questionID: question.id, text: question.text, reason: reason, line: question.line)
        }
        guard proposal.kind != .customSQL else {
            throw refuse("custom_sql is not a kind to route to")
        }
        guard (0...1).contains(proposal.confidence) else {
            throw refuse("confidence \(proposal.confidence) is not between 0 and 1")
        }
        if let count = proposal.intent.ranking?.count, count < 1 {
            throw refuse("a ranking of \(count)")
        }
        for (kind, name, known) in [
            ("badge", proposal.badge, entities.catalogue.badges),
            ("organization", proposal.organization, entities.catalogue.organizations),
        ] where name.map({ !known.contains($0) }) ?? false {
            throw refuse("there is no \(kind) called '\(name!)'")
        }
        let reading = read(question.text)
        let (text, mentions, masked) = (reading.text, reading.mentions, reading.masked)
        try refuseAbsentMeasures(masked, failure)
        let wording = Wording(masked.lowercased())
        try refuseUnapplied(reading, wording: wording, failure)
        // The same conditions as the rules, then the names: exactly those the question gives.
        let named = try conditions(text, masked: masked, mentions: mentions, failure)
        if proposal.badge != named.badge {
            throw refuse(
                "the question names the badge '\(named.badge ?? "none")', not '\(proposal.badge ?? "none")'"
            )
        }
        if proposal.organization != named.organization {
            throw refuse(
                "the question names the organization '\(named.organization ?? "none")', not '\(proposal.organization ?? "none")'"
            )
        }
        let routed = Self.kind(
            for: proposal.intent, badgeNamed: named.badge != nil,
            organizationNamed: named.organization != nil)
        guard routed == proposal.kind, proposal.intent.measure.answers(proposal.kind) else {
            throw refuse(
                "\(proposal.kind.rawValue) does not compute \(proposal.intent.measure.rawValue) by \(proposal.intent.dimension?.rawValue ?? "nothing")"
            )
        }
        var match = Match(
            kind: proposal.kind,
            confidence: Rounding.halfAwayFromZero(proposal.confidence, places: 2),
            filters: Filters(badge: named.badge, organization: named.organization),
            candidates: [proposal.kind], intent: proposal.intent, routing: .model)
        if let asOf {
            let read = { (text: String) throws -> DateRange? in
                try TimeWindow(asOf: asOf).read(text).range
            }
            do {
                // Both windows of a comparison, as the rules read them: none is dropped.
                try Self.place(try TimeWindow(asOf: asOf).read(masked), in: &match, failure)
            } catch let problem as TimeWindow.Problem {
                throw failure(problem.reason)
            }
            try Self.refuseUncomparedWindows(match, asOf: asOf, failure)
            if let window = proposal.window {
                let theirs = try? read(window)
                guard let theirs, theirs.start == match.filters.dateRange?.start,
                    theirs.end == match.filters.dateRange?.end
                else {
                    throw refuse("its time window \"\(window)\" is not the one the question gives")
                }
            }
        }
        try refuseJoiningPlatform(masked, match: match, failure)
        match.granularity = question.granularity ?? wording.granularity
        try refuseUnappliedIntent(match, wording: wording, reading, failure)
        match.corrections = reading.corrections
        return match
    }
}
