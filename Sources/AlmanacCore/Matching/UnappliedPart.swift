/// Why a part of a question cannot be applied.
public enum UnappliedPart: String, Sendable, Equatable {
    /// A badge, organization or group left out ("excluding Acme & Sons", "without an
    /// organization"), or none at all ("no enrollments").
    case exclusion
    /// A status negated ("have not finished", "incomplete"): Almanac counts statuses, not
    /// their complements.
    case negatedStatus
    /// A number per learner, or a ranking of learners ("which learner completed the most").
    case perLearner
    /// Learners who took two badges, or all of several ("both Docker Basics and
    /// Kubernetes Essentials").
    case intersection
    /// How many badges or organizations there are: a count of the catalogue, not of learning.
    case catalogue
    /// A share of a total ("what percentage of all enrollments are at Acme & Sons").
    case shareOfTotal
    /// Two breakdowns at once ("by badge and organization").
    case twoBreakdowns
    /// An average or median Almanac does not compute: of a count ("average monthly
    /// enrollments"), or the median of progress.
    case statistic
    /// A change of a rate, time or progress with no window to compare it with ("has the
    /// completion rate gone up").
    case change
    /// One name against the whole platform ("compared with the platform"): comparisons are
    /// of named badges or organizations, or of windows.
    case againstWhole
    /// The total of the names set side by side ("Initech and Globex combined").
    case combined
    /// A ranking per period ("the most enrollments each month"), or a period size that the
    /// analysis does not break down by.
    case perPeriodRanking
    /// A learner enrolling in the same badge again ("re-enrolled", "retook", "twice").
    case repeatEnrollment
    /// A job role ("managers", "engineers"): users carry an organization, not a role.
    case role
    /// Progress of the learners of one status ("average progress of dropped learners").
    case statusFilter
    /// Two statuses counted at once ("in progress vs completed", "status breakdown").
    case twoStatuses
    /// The enrollments not started (status `enrolled`), which no measure counts on their own.
    case enrolledOnly
    /// A ranking by one measure of a table that reports another ("the completion rate of the
    /// top 5 badges by enrollments").
    case rankedByAnother
    /// A time of day or day of the week ("in the morning", "on Mondays", "which weekday").
    case timeOfDay
    /// A deadline ("on time", "overdue"), which the data does not hold.
    case deadline
    /// A place in a ranking other than the first ("the second most popular badge").
    case ordinalRank
    /// A second question joined to the first ("…, and what is its median time?").
    case twoQuestions
    /// The time between two badges ("how long do learners wait between Python Basics and
    /// Python Intermediate").
    case timeBetweenBadges
    /// A badge set against an organization ("compare Python Basics and Initech").
    case mixedComparison
    /// A ranking of N with nothing named to rank ("the top 3 by completions").
    case rankingOfNothing
    /// A percentile other than the median, or an extreme ("the p90 time to complete",
    /// "the maximum time"): the time to complete is given as its median and mean.
    case percentile
    /// Two measures in one question ("enrollments and completions"), of which the page
    /// would answer one.
    case twoMeasures
    /// A count of those past a line ("finished within a week", "halfway through").
    case threshold
    /// A count of learners by their first enrollment ("how many learners had their first
    /// badge in 2026").
    case firstTimers
    /// A ranking by the change between two windows ("improved the most in 2025 vs 2024"):
    /// rankings order by the value in the question's own window.
    case changeRanking
    /// An organization where a learning path needs a badge ("what do people take after Acme
    /// & Sons").
    case organizationAsBadge
    /// The time to complete of the completions made in a window, where it is over the
    /// enrollments made in it.
    case completionWindow
    /// A share of learners across badges ("what percentage of learners completed at least one
    /// badge"): the rates are shares of enrollments.
    case shareOfLearners
    /// A ranking of none ("the top 0 badges").
    case emptyRanking
    /// The time to complete in a unit other than days ("in weeks").
    case timeUnit
    /// A kind of learner or badge the data does not hold ("repeat learners", "premium
    /// users", "mandatory training", "beginner courses").
    case attribute
    /// Badges ranked or listed within one badge ("which badges are most popular with people
    /// who took Python Basics", "where does Python Basics rank among badges").
    case badgeAmongBadges
    /// A place: a country, region or city ("learners in Germany", "US learners").
    case place
    /// A breakdown by "period" with no size ("enrollments by period").
    case periodSize
    /// A running total ("cumulative enrollments"): counts are per window or per period.
    case cumulative
    /// A learning path of the learners of one status ("who dropped Python Basics").
    case pathStatus
    /// The first or last few learners or enrollments ("the first 100 learners"): counts
    /// are of every enrollment in a window.
    case firstFew
    /// Growth of anything but the count of enrollments ("grew their learners the most",
    /// "the highest percentage growth"): growth is the change in enrollments.
    case growthMeasure
    /// A learning path by where it ends, its length, or the badge some steps on ("paths
    /// that end in Deep Learning", "4-badge paths", "the badge learners take last", "two
    /// steps later"), or of the learners who started with a badge: paths start from a badge
    /// and run three steps.
    case pathShape
    /// The enrollments made in one window and completed in another, or in the same one
    /// ("enrollments made in Q1 that were completed within Q1").
    case enrolledAndCompleted
    /// A rate of growth ("the monthly growth rate"): a series gives each period's count, and
    /// growth the change in enrollments.
    case periodChange
    /// A ranking listed from its other end ("the top 3, lowest first"): a ranking is listed
    /// from its first place.
    case listOrder
    /// A number of places given as a range or no number ("the top three to five badges", "a
    /// handful of badges with the lowest …"): a ranking keeps one number of places.
    case countRange
}
