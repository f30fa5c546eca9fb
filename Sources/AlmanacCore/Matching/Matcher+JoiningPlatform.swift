import Foundation

/// Joining the platform (`users.joined_at`), which no kind answers yet: a question about it
/// is refused, never answered with enrollments (docs/metrics.md, "Joining the platform").
extension Matcher {
    /// Refuses a question about joining the platform. With a badge named, only words that
    /// name the platform or newcomers count ("joined Python Basics" is enrolling); a learning
    /// path is refused for newcomers only (`refuseNewcomersOnPaths`).
    func refuseJoiningPlatform(
        _ masked: String, match: Match, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        guard match.kind != .customSQL else { return }
        guard !match.intent.measure.isSequence else {
            return try refuseNewcomersOnPaths(masked, match: match, failure)
        }
        // With a badge named, "joined" is enrolling in it; "joined the platform" is still
        // joining (a blind test found it read as enrolling in the window).
        let namesBadge = match.filters.badge != nil
        let lowered = masked.lowercased()
        let whole = NSRange(lowered.startIndex..., in: lowered)
        // "Which courses do people join most?": joining a badge is enrolling.
        let aboutBadges =
            match.intent.dimension == .badge
            || Self.badgeWord.firstMatch(in: lowered, range: whole) != nil
        // "Python Basics completion rate at Initech among new hires": new hires are never
        // a badge's enrollments, whatever else the question names.
        if let found = Self.newcomers.firstMatch(in: lowered, range: whole),
            let range = Range(found.range, in: lowered)
        {
            throw failure(.joiningPlatform(String(lowered[range])))
        }
        for (index, pattern) in Self.joiningPlatform.enumerated()
        where !(aboutBadges && index == Self.bareJoin)
            && !(namesBadge && !Self.namesThePlatform.contains(index))
        {
            if let found = pattern.firstMatch(in: lowered, range: whole),
                let range = Range(found.range, in: lowered)
            {
                throw failure(.joiningPlatform(String(lowered[range])))
            }
        }
    }

    /// A learning path of "new hires" or "new learners" would be every learner's path: the
    /// paths cannot be narrowed to those who joined the platform lately ("what do new hires
    /// take after Python Basics" was answered for everyone). Where a path begins, its first
    /// badge, is what every learner took when new, so "new learners" there is the question.
    private func refuseNewcomersOnPaths(
        _ masked: String, match: Match, _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        let lowered = masked.lowercased()
        let whole = NSRange(lowered.startIndex..., in: lowered)
        let first = match.intent.measure == .firstBadge
        for pattern in [Self.newcomers, Self.joiningPlatform[0]] {
            guard let found = pattern.firstMatch(in: lowered, range: whole),
                let range = Range(found.range, in: lowered)
            else { continue }
            let phrase = String(lowered[range])
            // "Where do newcomers kick things off?" is where every learner began; those
            // hired or who joined in a window are a group of their own.
            if first && !Self.joinedGroup.contains(where: phrase.contains) { continue }
            throw failure(.joiningPlatform(phrase))
        }
    }

    /// "New learners last month" matched no kind: it asks about joining the platform, and
    /// says so rather than listing the questions Almanac knows.
    func refuseJoiningPlatform(
        after error: MatchError, _ masked: String, mentions: [EntityFinder.Found],
        _ failure: (MatchError.Reason) -> MatchError
    ) throws {
        guard case .noMatch = error.reason, !mentions.contains(where: { $0.kind == .badge })
        else { return }
        try refuseJoiningPlatform(
            masked, match: Match(kind: .badgeEnrollments, confidence: 0), failure)
    }

    private static let badgeWord = try! NSRegularExpression(
        pattern: #"\b\#(Vocabulary.badgeWord)\b|‹badge›"#, options: [.caseInsensitive])
    /// The pattern of "joined" alone, which a question about badges uses for enrolling.
    private static let bareJoin = Vocabulary.joiningPlatform.firstIndex {
        $0.contains("join(?:ed|s|ing)?")
    }
    /// The patterns that say "the platform" (or a join date) in so many words.
    private static let namesThePlatform = Set(
        Vocabulary.joiningPlatform.indices.filter {
            Vocabulary.joiningPlatform[$0].contains("platform")
                || Vocabulary.joiningPlatform[$0].contains("registration) (?:date")
        })
    // "How many new learners enrolled in Python Basics?" gave every learner of the badge,
    // "new" dropped (an attack run): beside a badge too, new learners are those who joined.
    private static let newcomers = try! NSRegularExpression(
        pattern:
            #"\bnew (?:hires|joiners|starters|employees|staff|arrivals|members|accounts|recruits|learners|users|students|people)\b|\bnewcomers\b|\bnewly (?:hired|joined|registered)\b|\b(?:hired|onboarded)\b|\b(?:who|that)\s+(?:have\s+|has\s+|had\s+)?(?:joined|registered|signed up)\s+(?:in|during|since|before|after|last|this|between|on|over)\b|\bjoiners\b|\bintake of (?:users|learners|people|employees|staff|members)\b|\b(?:(?:19|20)\d{2}|this year's|last year's|q[1-4])\s+intake\b(?!\s+(?:of|for|in|on)\s+(?:the\s+)?‹badge›)"#
    )
    /// The words of a newcomers' phrase that name a group of learners by when they came.
    private static let joinedGroup = ["hire", "join", "regist", "sign", "onboard", "recruit"]
    private static let joiningPlatform = Vocabulary.joiningPlatform.map {
        try! NSRegularExpression(pattern: $0, options: [.caseInsensitive])
    }
}
