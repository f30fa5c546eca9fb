import Foundation

/// The words people use for Almanac's measures, breakdowns and orders, as regular
/// expressions over a question in lower case whose badge and organization names are
/// replaced by `‹badge›` and `‹org›`. docs/metrics.md lists them in prose.
enum Vocabulary {
    static let people =
        #"(?:people|persons?|learners?|users?|students?|staff|employees?|members?|participants?|trainees?|individuals?|folks|colleagues|workers|humans|attendees|hires|joiners|starters|newcomers|anybody|anyone|someone|nurses|engineers|developers|analysts|managers)"#
    /// A word of a share of something: "percentage", "share", "%".
    static let shareWord = #"(?:\b(?:percent\w*|share|proportion|fraction)\b|%)"#
    static let badgeWord =
        #"(?:badges?|courses?|certifications?|certificates?|certs?|tracks?|programs?|programmes?|modules?|classes|class|trainings?|catalogue|catalog)"#
    static let badgePlural =
        #"(?:badges|courses|certifications|certificates|certs|tracks|programs|programmes|modules|classes|trainings)"#
    static let orgWord =
        #"(?:organi[sz]ations?|orgs?|compan(?:y|ies)|teams?|employers?|customers?|clients?|departments?|firms?|business(?:es)?|accounts?|tenants?|groups?)"#
    static let orgPlural =
        #"(?:organi[sz]ations|orgs|companies|teams|employers|customers|clients|departments|firms|businesses|accounts|tenants|groups)"#

    /// The ways of saying that an enrollment was finished.
    static let finished =
        #"(?:complet\w*|finish\w*|pass(?:ed|es)?|graduat\w*|earn(?:ed|s)?|made it|make it|makes it|to the end|finish line|stick(?:s|ing)? (?:with it|it out|to the end)|stick-to-the-end|see (?:it|them|\w+(?: \w+)?) (?:through|out|to the end)|sees? \w+ (?:through|out|to the end)|wrap(?:s|ped)? (?:it |things )?up|across the line|over the line|out the other side|get(?:s|ting)? through|got through)"#

    static let dimensions: [(dimension: Breakdown, patterns: [String])] = [
        (
            .cohort,
            [
                #"\bcohorts?\b"#, #"\b(?:month|week) of (?:enrol+ment|sign[- ]?up|joining)\b"#,
                #"\benrol+ment (?:month|week)s?\b"#,
            ]
        ),
        (
            .organization,
            [
                #"\b(?:by|per|for each|for every|each|every|across|between|among|of all|all|which|what|whose|various|different)\s+(?:(?:single|individual|separate|given|specific|particular)\s+)?\#(orgWord)\b"#,
                #"\b(?:top|bottom|\d+|most|least)\s+\#(orgPlural)\b"#,
                // "The busiest organization", "the most active company".
                #"\b(?:busiest|quietest|hottest|most active|least active|most engaged|least engaged)\s+\#(orgWord)\b"#,
                // "The best performing org", "top-performing teams".
                #"\b\#(rankWords)[- ](?:performing|achieving|rated|ranked|scoring)\s+(?:\#(orgWord)|\#(orgPlural))\b"#,
                #"\b(?:top|bottom|#)\s*(?:1|one)\s+\#(orgWord)\b"#,
                #"(?<!how many )(?<!number of )\b\#(orgPlural)\b"#,
                #"\b\#(rankWords)\s+\#(orgWord)\b"#, #"\b(?:which|what)\s+[a-z]+\s+\#(orgWord)\b"#,
                #"\b(?:which|what)\s+‹badge›\s+\#(orgWord)\b"#,
                // "Which of our teams grew the most" (a blind test got the platform's months).
                #"\b(?:which|what)\s+(?:one\s+)?(?:of|among)\s+(?:the\s+|our\s+|your\s+|all\s+(?:the\s+|our\s+)?)?\#(orgPlural)\b"#,
                #"\b(?:out of|of|among|amongst)\s+(?:all\s+)?(?:the\s+|our\s+|your\s+)?\#(orgPlural),?\s+(?:which|what)\b"#,
                // "The fastest-growing organization".
                #"\b\#(rankWords)-[a-z]+\s+\#(orgWord)\b"#,
                // "The fastest completing org": the median was given for the platform.
                #"\b\#(rankWords)\s+[a-z]+ing\s+\#(orgWord)\b"#,
                #"\b\#(orgWord)[- ](?:by[- ]\#(orgWord)|level|wise|breakdown)\b"#,
                // "Which is the organization with the most learners?": the platform's
                // learners were given, as a ranking of one.
                #"\b(?:the|an?)\s+\#(orgWord)\s+(?:with|that has|which has|having)\s+(?:the\s+)?\#(rankWords)\b"#,
                // Typed in a hurry: "org with highest completion rate", "3 org with most
                // enrollments", "top 3 org by completion rate" (blind test 48 got the
                // platform's 53.69 %, or a refusal).
                #"(?:^\s*|\b\d{1,3}\s+)\#(orgWord)\s+(?:with|w/|that has|which has|having)\s+(?:the\s+)?\#(rankWords)\b"#,
                #"\b(?:top|bottom)\s+\d{1,3}\s+\#(orgWord)\b"#,
            ]
        ),
        (
            .badge,
            [
                #"\b(?:by|per|for each|for every|each|every|across|between|among|of all|all|which|what|various|different)\s+(?:(?:single|individual|separate|given|specific|particular)\s+)?\#(badgeWord)\b"#,
                #"\b(?:top|bottom|\d+|most|least)\s+\#(badgePlural)\b"#,
                // "The top 5 completed courses": a ranking, though a plural after "completed"
                // alone is what was done.
                #"\b(?:top|bottom|\d+|most|least)\s+(?:completed|finished|taken|started|passed|earned)\s+\#(badgePlural)\b"#,
                #"\b(?:busiest|quietest|hottest|most active|least active|most engaged|least engaged)\s+\#(badgeWord)\b"#,
                #"\b\#(rankWords)[- ](?:performing|achieving|rated|ranked|scoring)\s+(?:\#(badgeWord)|\#(badgePlural))\b"#,
                #"\b(?:top|bottom|#)\s*(?:1|one)\s+\#(badgeWord)\b"#,
                // "How many people completed badges in 2025" asks for the people, not per badge
                // (a list by badge, the 2,398 never given: blind test 83): a plural after a
                // verb of taking or finishing, or after "more" or "fewer" ("did Hooli complete
                // more badges this quarter", blind test 85), is what they did, not a breakdown.
                #"(?<!how many )(?<!number of )(?<!‹badge› )(?<!their )(?<!our )(?<!any )(?<!completed )(?<!complete )(?<!completing )(?<!finished )(?<!finish )(?<!finishing )(?<!took )(?<!take )(?<!taken )(?<!taking )(?<!started )(?<!passed )(?<!earned )(?<!out of )(?<!enrolled in )(?<!enroll in )(?<!more )(?<!fewer )\b\#(badgePlural)\b"#,
                #"\b\#(rankWords)\s+\#(badgeWord)\b"#,
                // "the biggest drop-off badge": a ranking word, a word or two, a badge word.
                #"\b\#(rankWords)(?:\s+|-)(?:[a-z]+[a-z-]*\s+){1,2}\#(badgeWord)\b(?!\s+(?:names?|words?))"#,
                #"\b(?:which|what)\s+[a-z]+\s+\#(badgeWord)\b"#,
                // "Which Initech course has the worst completion rate": Initech's badges (it
                // was Initech's rate).
                #"\b(?:which|what)\s+‹org›(?:'s|’s)?\s+\#(badgeWord)\b"#,
                // "Which of our courses has grown the most since last year" (a blind test got
                // the platform's busiest months).
                #"\b(?:which|what)\s+(?:one\s+)?(?:of|among)\s+(?:the\s+|our\s+|your\s+|all\s+(?:the\s+|our\s+)?)?\#(badgePlural)\b"#,
                #"\b(?:out of|of|among|amongst)\s+(?:all\s+)?(?:the\s+|our\s+|your\s+)?\#(badgePlural),?\s+(?:which|what)\b"#,
                #"\b\#(badgeWord)[- ](?:by[- ]\#(badgeWord)|level|wise|breakdown)\b"#,
                #"\b\#(badgeWord)\s+(?:popularity|ranking|league table|leaderboard)\b"#,
                // "What is the badge with the lowest completion rate?": 53.69 %, the
                // platform's, was given as a ranking of one.
                #"\b(?:the|an?)\s+\#(badgeWord)\s+(?:with|that has|which has|having)\s+(?:the\s+)?\#(rankWords)\b"#,
                #"(?:^\s*|\b\d{1,3}\s+)\#(badgeWord)\s+(?:with|w/|that has|which has|having)\s+(?:the\s+)?\#(rankWords)\b"#,
                #"\b(?:top|bottom)\s+\d{1,3}\s+\#(badgeWord)\b"#,
            ]
        ),
        (
            .period,
            [
                #"\bover time\b"#, #"\btrend"#,
                #"\b(?:by|per|each|every|month by|week by) (?:day|week|month|quarter|year)\b"#,
                #"\b(?:daily|weekly|monthly|quarterly|yearly|annually)\b"#,
                // "The historical enrollment numbers" are a series; "historically, what is the
                // overall rate" asks for one figure over the whole history.
                #"\bhistorical\b"#,
                #"\btimeline\b"#,
                #"\btime series\b"#,
                #"\b(?:month|week|year|quarter|day)[- ](?:over|on)[- ](?:month|week|year|quarter|day)\b"#,
                #"\b(?:yoy|qoq)\b"#,
            ]
        ),
    ]

    /// Words for the largest values first.
    static let top = [
        #"\btop\b"#, #"\bmost\b"#, #"\bhighest\b"#, #"\blargest\b"#, #"\bbiggest\b"#,
        #"\bleading\b"#, #"\bgreatest\b"#, #"\bmaximum\b"#, #"\blongest\b"#,
        #"\bleaders?\b"#, #"\bhottest\b"#, #"\bmax\b"#, #"\bbusiest\b"#, #"\bflocking\b"#,
        #"\branking\b"#, #"\branked\b"#, #"\bleague table\b"#, #"\bleaderboard\b"#,
        #"\bdescending\b"#,
        // "Which badge topped enrollments in 2025" (every badge was listed, blind test 46); a
        // number after it is a threshold ("topped 500").
        #"\btopp(?:ed|ing)\b(?!\s+(?:the\s+)?\d)(?!\s+out\b)"#,
        // "Badges by enrollments last quarter, list 7": the first 7, most first. Only with no
        // order word after it: "list the 5 badges with the lowest completion rate" are the
        // lowest (a blind test got the highest).
        #"\b(?:give me|show(?: me)?|list)\s+(?:the\s+)?(?:top\s+|first\s+)?\d{1,3}\b(?!\s*(?:%|percent|days?|weeks?|months?|quarters?|years?|hours?)\b)(?!\s*%)(?![^?.!]*\b\#(rankWords)\b)(?![^?.!]*\b(?:least|fewer|lower|ascending|descending)\b)"#,
    ]
    /// Words for the smallest values first.
    static let bottom = [
        // "Which badges have a lower completion rate this year", "which organization had
        // fewer completions": a ranking from the bottom (it listed the top first).
        // Not between two names ("which org has fewer drop-outs, Hooli or Stark Industries"
        // sets both side by side, as "more" does).
        #"\b(?:which|what)\b(?![^?.!]*(?:‹org›|‹badge›),?\s+(?:or|and|vs\.?|versus)\s+(?:the\s+)?(?:‹org›|‹badge›))[^?.!]*\b(?:fewer|lower)\b(?![^?.!]*\bthan\b)"#,
        #"\bbottom\b"#, #"\bleast\b"#, #"\blowest\b"#, #"\bfewest\b"#, #"\bsmallest\b"#,
        // "Which badges have low uptake" listed the most enrolled first (blind test 46).
        #"\b(?:little|low|poor|weak|lowest|least)\s+(?:uptake|take-up|interest|demand|adoption|traction)\b"#,
        #"\bminimum\b"#, #"\bmin\b"#, #"\bshortest\b"#, #"\bquietest\b"#,
        // "Which company have the less completion" (blind test 48 listed every one, highest
        // first).
        #"\bthe less\b(?!\s+than\b)"#,
        // "Learners in each badge, sorted ascending" (a blind test got the most first).
        #"\bascending\b"#,
    ]
    /// Speed words: the fewest days first for a time; for anything else the most first
    /// ("growing fastest"), and the fewest for "slowest" ("the slowest month").
    static let fast = [#"\bfastest\b"#, #"\bquickest\b"#, #"\bspeediest\b"#]
    static let slow = [
        #"\bslowest\b"#,
        // "Which month was slower for completions", "which month had fewer enrollments": the
        // bottom of the periods (they were the top month). "Which badge is slower" stays the
        // time to complete.
        #"\b(?:which|what)\s+(?:day|week|month|quarter|year|period)\b[^?.!]*\b(?:slower|quieter|less busy|fewer|lower|less)\b"#,
    ]
    /// Words for the best first: the largest values, or the smallest for a measure where less
    /// is better (`Measure.lowerIsBetter`: the best drop-out rate is the lowest).
    static let better = [#"\bbest\b"#, #"\bstrongest\b"#, #"\bwinners?\b"#]
    /// Words for the worst first, the other way round.
    static let worse = [
        #"\bworst\b"#, #"\bweakest\b"#, #"\blaggards?\b"#, #"\bunderperform"#, #"\bstruggl"#,
        #"\blagg"#,
        // "Which customers lag on completions", "falling behind on completion rate".
        #"\blags?\s+(?:on|in|behind)\b"#, #"\b(?:fall(?:s|ing)?|fell)\s+behind\b"#,
        // Not the rolling window: "the trailing 3 months", "trailing twelve weeks".
        #"\btrail(?:s|ing)?\b(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|ninety)\b|\s+(?:day|week|month|quarter|year)s?\b)"#,
    ]

    static let numberWords = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    ]
    static let rankWords =
        #"(?:top|bottom|most|least|highest|lowest|best|worst|largest|fewest|biggest|smallest|leading|greatest|slowest|fastest|longest|shortest|quickest|weakest|strongest|busiest|quietest|hottest)"#
    static let count =
        #"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"#
    /// "top 5", "5 most", "the three lowest", "ten badges with the most".
    static let rankCounts = [
        #"\b(?:top|bottom)\s+\#(count)\b"#,
        #"\b\#(count)\s+(?:\w+\s+)?\#(rankWords)\b"#,
        #"\b\#(count)\s+(?:\#(badgePlural)|\#(orgPlural)|cohorts)\b"#,
        // "3 org with most enrollments" (the count was dropped, and five listed).
        #"\b\#(count)\s+(?:\#(badgeWord)|\#(orgWord))\s+(?:with|w/|that|which|having|by)\b"#,
        // "Median days by organization, fastest 3": the count after the word.
        #"\b\#(rankWords)\s+\#(count)\b(?!\s*(?:%|percent|days?|weeks?|months?|quarters?|years?|hours?)\b)(?!\s*%)"#,
        // "Among our teams, which three have the best completion rate" (it got five).
        #"\b(?:which|what)\s+\#(count)\s+(?:have|had|has|are|were|got|get|saw|see|did|do|show|showed|rank|ranked)\b"#,
        // "Which badges have the most enrollments? Give me 4.", "…? Show 3" (a blind test
        // got five).
        #"\b(?:give me|show(?: me)?|list)\s+(?:the\s+)?(?:top\s+|first\s+)?\#(count)\b(?!\s*(?:%|percent|days?|weeks?|months?|quarters?|years?|hours?)\b)(?!\s*%)"#,
    ]
    /// The things a ranking of one names, in the singular.
    static let singularThing =
        #"(?:badge|course|certification|certificate|track|program|programme|module|class|organi[sz]ation|org|company|team|employer|customer|client|department|firm|group|cohort|month|week)"#
    /// "Which badge has", "the most popular course": one item asked for.
    static let singular = [
        // "Which Python Basics org has the best completion rate" (a blind test got five).
        #"\b(?:which|what)\s+(?:single\s+|one\s+)?(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?\#(singularThing)\b(?!s)"#,
        // "Out of all badges, which has the highest completion rate", "which of the badges
        // has the most", "the single most popular badge" (a blind test got the whole list).
        #"\b(?:out of|of|among|amongst|across)\s+(?:all\s+)?(?:the\s+|our\s+)?(?:\#(badgePlural)|\#(orgPlural)),?\s+(?:which|what)(?:\s+one)?\s+(?:has|had|is|was|gets|got|saw|sees|did|does|shows|showed)\b"#,
        // "Which of our courses at Initech had the most learners", "which of our customers
        // enrolled the most" (blind test 37 got five).
        #"\bwhich (?:one )?of (?:the |our |all (?:the )?)?(?:\#(badgePlural)|\#(orgPlural))(?:\s+(?:at|in|from|for|of|on)\s+(?:‹org›|‹badge›))?\s+(?:has|had|is|was|gets|got|saw|sees|did|does|enrol+ed|completed|finished|took|grew|dropped|made)\b"#,
        #"\bthe (?:single|one|sole)\s+\#(rankWords)\b"#,
        // "The best performing org", "worst performing course": one, with or without "the".
        #"\b\#(rankWords)[- ](?:performing|achieving|rated|ranked|scoring)\s+\#(singularThing)\b(?!s)"#,
        // "The most popular course", and a question that begins so: "most popular course at
        // Initech" (a blind test got five); "Initech's top badge" (it got five too).
        // "Last month's most popular badge", "2025's top organization", "May's top badge"
        // (the possessive of a period is written out before this is read): a list was given.
        #"(?:^\s*|\b(?:the|our|your|their)\s+|‹org›(?:'s|’s)\s+|\b(?:week|month|quarter|year|(?:19|20)\d{2}|q[1-4]|h[12]|january|february|march|april|may|june|july|august|september|october|november|december)(?:'s|’s)?\s+)\#(rankWords)(?:\s+\w+){0,2}?\s+\#(singularThing)\b(?!s)"#,
        #"\b(?:badge|course|organi[sz]ation|company|team|cohort)\s+(?:is|was|has|had|gets|got|sees|saw)\s+the\s+\#(rankWords)\b"#,
        // "Which is the hardest badge to finish?": "which is the …" names one.
        // "The badge with the lowest completion rate": one.
        #"(?:\b(?:the|an?)\s+|^\s*)\#(singularThing)\s+(?:with|w/|that has|which has|having)\s+(?:the\s+)?\#(rankWords)\b"#,
        // ("the hardest" is written out as "lowest completion rate" by then).
        // A ranking word right after "the", and at most two words before the thing: "what is
        // the completion rate by badge, highest first" is every badge in order.
        // ("The most-abandoned course" too: blind test 44 got five.)
        #"\b(?:which|what)(?:\s+is|\s+was|'s|’s)\s+(?:the\s+)?\#(rankWords)[\s-]+(?:(?!by\b|per\b|for\b|each\b|in\b|of\b|at\b)\w+\s+){0,2}?\#(singularThing)\b(?!s)"#,
    ]

    /// "Which month had the most …", "the busiest week": a ranking of periods, whose unit is
    /// the first group. "Which year" is read too, to be refused: years are not a period size.
    static let peak =
        #"\b(?:(?:which|what)\s+(?:single\s+|one\s+|calendar\s+)?|(?:the\s+)?(?:busiest|peak|best|worst|biggest|strongest|weakest|quietest|slowest|record|top|highest|lowest)\s+)(day|week|month|quarter|year)\b(?!s)(?![-\s]+(?:over|on|to|by)\b)"#

    static let granularities: [(granularity: Granularity, pattern: String)] = [
        (.day, #"\b(?:daily|per day|by day|each day|every day|day by day)\b"#),
        (
            .week,
            #"\b(?:weekly|per week|by week|each week|every week|week by week|week-by-week|week over week|week[- ]on[- ]week|week-over-week)\b"#
        ),
        (
            .month,
            #"\b(?:monthly|per month|by month|each month|every month|month by month|month-by-month|month over month|month[- ]on[- ]month|month-over-month)\b"#
        ),
        (
            .quarter,
            #"\b(?:quarterly|per quarter|by quarter|each quarter|every quarter|quarter by quarter|quarter over quarter|quarter[- ]on[- ]quarter|quarter-over-quarter)\b"#
        ),
    ]

    /// Measures people ask about that the data does not hold: money, opinions, marks,
    /// demographics, places and activity. A question that asks for one is refused, quoting the
    /// word, instead of being answered with a number about something else.
    static let absentMeasures =
        #"\b(?:revenue|revenues|sales(?!\s+(?:team|teams|department|org\w*|group|staff|people|reps?|force)\b)|income|profits?|margins?|price[sd]?|prices|pricing|costs?|costly|money|spending|spent on|dollars?|euros?|fees?|paid|payments?|invoices?|budgets|(?:the|our|a|their|training) budget|salar(?:y|ies)|wages?|earnings|roi|ratings?|rated|reviews?|reviewed|stars?|scores?|scored|grades?|graded|marks|test results|exam results|satisfaction|satisfied|nps|net promoter|happiness|sentiment|feedback|ages?|aged|how old|gender|demographics?|females?|males?|wom[ae]n|men|girls|boys|disabilit(?:y|ies)|disabled|ethnicit(?:y|ies)|nationalit(?:y|ies)|first[- ]?time(?:rs?)?|fail(?:ed|s|ing)?(?!\s+to\b)|failures?|distinctions?|with honou?rs|with merit|countr(?:y|ies)|regions?|cit(?:y|ies)|locations?|geograph\w*|logins?|log-ins|logged (?:in|on)|log (?:in|on)|on (?:(?:a|an|the|their|his|her|my|our|your|its) )?(?:(?:mobile|handheld) (?:devices?|phones?|apps?)|mobiles?|desktops?|laptops?|computers?|pcs?|apps?|ios|android|iphones?|ipads?|phones?|smartphones?|tablets?|web(?:site)?|browsers?)|via (?:(?:a|an|the|their|our) )?(?:(?:(?:mobile|ios|android|web) )?apps?|ios|android|mobile|web|iphones?|ipads?|phones?|tablets?|websites?|browsers?|e-?mails?|newsletters?|links?|sso|api)|(?:mobile|desktop|tablet|ios|android|iphone|ipad|app) (?:users?|learners?|students?|enrol+ments?|traffic|sign[- ]?ups?|completions?)|from (?:(?:a|an|the|their) )?(?:tablets?|phones?|mobiles?|(?:mobile|handheld|desktop) devices?|desktops?|laptops?|iphones?|ipads?)|(?:after|following|from|via|through|by) (?:(?:a|an|the|our|their) )?(?:(?:reminder|marketing|promotional|promo|follow-up|welcome|weekly|monthly|push) )?(?:e-?mails?|reminders?|notifications?|newsletters?|campaigns?|nudges?|webinars?|ads|adverts?|advertisements?|promotions?)|(?:ios|android|iphone|ipad|mobile|desktop|web)\s+apps?|(?:via|through|on|from)\s+(?:slack|(?:ms |microsoft )?teams|whatsapp|sms|text messages?|linkedin|twitter|facebook|instagram|youtube)|gen(?:eration)?[- ]?(?:z|x|y|alpha)|millennials?|boomers?|zoomers?|(?:(?:e-?mail|marketing|ad|advertising|promo(?:tional)?|social|partner|referral|affiliate|sales|distribution|acquisition)\s+)?(?:campaigns?|promos?|newsletters?|webinars?|referrals?|affiliates?|utm|(?:partner|sales|marketing|distribution|acquisition|referral)\s+(?:channels?|portals?|programs?|programmes?))|sessions?|page ?views|clicks?|visits?|time spent(?!\s+(?:to|on|in)\s+(?:complet|finish|‹badge›))|hours spent|minutes spent|watch time|attendance)\b|\b(?:hours?|minutes?|how much time)\b[^?.!]*\bspen(?:d|ds|t|ding)\b"#
        // "Which customers are at risk of churning" gave the drop-out rate by organization (a
        // blind tester): a risk or a forecast is nothing the data holds.
        // ("Least likely to finish" is the lowest completion rate, and stays read.)
        + #"|\b(?:at[- ]risk|risk of|predict(?:ed|s|ion|ions|ive)?|forecasts?|forecasted)\b"#
        // "Hooli learners under 30" is an age (a final probe got the thresholds' message).
        + #"|\b\#(people)\s+(?:aged\s+)?(?:under|over|below|above)\s+\d{1,2}\b(?![\d,.%]|\s*(?:percent|days?|weeks?|months?|enrol+ments?|badges?|courses?|completions?))"#

    /// Joining the platform (`users.joined_at`), which no kind answers yet: never to be
    /// answered with enrollments.
    static let joiningPlatform = [
        #"\bnew (?:learners?|users?|members?|students?|people|accounts?|sign[- ]?ups?|registrations?|joiners|starters|customers|employees|hires|newcomers|arrivals|staff)\b"#,
        #"\bregistered (?:users?|learners?|accounts?|members?|people)\b"#,
        // "How many users registered in 2025": the verb, of the platform, unless a badge
        // follows ("learners registered for Python Basics" enrolled).
        #"\b(?:users?|learners?|members?|accounts?|people|employees|staff)\s+(?:who\s+|that\s+)?(?:have\s+|had\s+)?registered\b(?!\s+(?:for|to|in|on|with)\s+(?:the\s+)?(?:‹badge›|\#(badgeWord)))"#,
        #"\b(?:users?|learners?|members?|accounts?|people) (?:are |is )?(?:on|in) (?:the |our )?(?:platform|system)\b"#,
        #"\b(?:joined|join|joins|joining|signed up|sign up|signs up|signing up|registered|register|registers|onboarded|onboarding)\b(?:\s+(?:to|for|with|on|in|at))?\s+(?:the |our |this )?(?:platform|site|service|app|system)\b"#,
        #"\bjoin(?:ed|s|ing)?\b(?!\s+(?:the |a |an |our |their )?(?:‹badge›|\#(badgeWord)))"#,
        #"\b(?:join|joining|sign[- ]?up|registration) (?:date|cohort|month|week|year)s?\b"#,
        // "How many users does Initech have", "total number of users": the organization's
        // or the platform's users, whom a blind test got counted as the learners with an
        // enrollment in the last 12 months (288 of Initech's 464).
        // (Not "how many people does Globex have enrolled this year": enrolling.)
        #"\bhow many (?:users?|members?|accounts?|employees|staff|people|persons)\s+(?:does|do|did)\s+(?:‹org›|the platform|we|our platform)\s+(?:have|has|had)(?:\s+(?:in total|altogether|overall|registered|signed up|on the platform|now|today))?\s*[?.!]*\s*$"#,
        #"\b(?:how many|number of|count of) (?:users?|members?|accounts?|employees|staff) (?:are |were |is )?(?:there )?(?:in|at|from|of|belong to) ‹org›\s*[?.!]*\s*$"#,
        #"^\s*(?:what is |what's |what are )?(?:the )?total (?:number|count) of (?:users|members|accounts)\s*[?.!]*\s*$|^\s*(?:how many|number of) (?:users|members|accounts) (?:are there|do we have|exist|in total|overall|altogether)\s*[?.!]*\s*$"#,
        // "How many users does each organization have?", "users per organization", "number of
        // users in each company": every organization's users, which blind test 60 got as each
        // one's learners of the last 12 months (974 of Acme & Sons' 1,693).
        #"\bhow many (?:users|members|accounts|employees|staff|people)\s+(?:does|do|did)\s+(?:each|every)\s+(?:\#(orgWord))\s+(?:have|has|had)(?:\s+(?:in total|altogether|overall|registered|signed up|on the platform|now|today))?\s*[?.!]*\s*$"#,
        #"\b(?:how many|number of|count of) (?:users|members|accounts|employees|staff)\s+(?:are |were |is )?(?:there )?(?:(?:in|at|of|per|for) (?:each|every|an?) (?:\#(orgWord))|per (?:\#(orgWord)))\s*[?.!]*\s*$"#,
    ]
}
