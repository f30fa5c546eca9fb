import Foundation

extension TimeWindow {
    /// Words that say "when" and that a point must account for.
    static let timeLike: [NSRegularExpression] = [
        // "2025-2026", "2025/26": a span of years or an academic year, quoted whole (the
        // refusal quoted "in 2025").
        #"\b(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})\b(?![-/]\d)"#,
        #"\b(?:19|20)\d{2}\b"#,
        // A year outside 1900 to 2099 ("March 1899", "Q2 1899", "in 3000", "in 20255"): the
        // period alone was read ("March 1899" was March 2026) or nothing (blind test 45).
        #"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|q[1-4]|h[12])\s+(?:of\s+)?(?!(?:19|20)\d{2}\b)\d{3,5}\b"#,
        #"\b(?:in|during|since|before|after|until|till|through|from|for|of|year)\s+(?!(?:19|20)\d{2}\b)\d{4,5}\b(?!\s*(?:%|percent|\+|,\d|enrol|learner|user|people|person|student|completion|completer|drop|badge|course|organi|compan|day|week|month|quarter|year|hour|time))"#,
        // Dates written with slashes or dots ("09/2026", "15.09.2026"), week numbers ("wk
        // 38", "W38"), "26Q3", weekdays, times of day and hours: a blind test found the
        // year of each read alone, or the words dropped.
        #"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}[/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}[/.]\d{1,2}\b"#,
        #"\b(?:wk|week)\s*#?\d{1,2}\b|\bw\d{1,2}\b|\b\d{2}q[1-4]\b|\bq[1-4]\s*'\s*\d{2}\b"#,
        #"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:morning|afternoon|evening|tonight|overnight)\b"#,
        #"\b(?:hours?|hrs?)\b"#,
        // "2014B", "the 2020s": a year with letters, a term or a decade.
        #"\b(?:19|20)\d{2}(?!h[12]\b|q[1-4]\b)[a-z]+\b"#,
        #"\b(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b"#,
        #"\bmay\s+(?:19|20)\d{2}\b"#,
        #"\b(?:in|since|before|after|until|during|from|through)\s+may\b"#,
        #"(?<!per )(?<!by )(?<!each )(?<!every )(?<!quarter over )(?<!quarter on )(?<!quarter-over-)(?<!quarter-on-)\bquarters?\b(?! by quarter)(?![- ](?:over|on)[- ]quarter)"#,
        #"\bq[1-4]\b"#,
        // "Q5 2025" was refused as a name "Q5": a quarter that does not exist.
        #"\bq(?:0|[5-9]|\d{2,})\b|\bh(?:0|[3-9])\b"#,
        #"\bh[12]\b"#, #"\bhalf[- ]years?\b"#,
        #"\b(?:first|second|1st|2nd|last|this|next)\s+half\b"#,
        #"\bbetween\b(?!\s+(?:‹badge›|‹org›|badges|courses|organi[sz]ations|companies|teams|them|the two|these))"#,
        #"\bsince\b"#,
        #"\bbefore\b(?!\s+(?:(?:taking|starting|enrolling|doing|attempting|tackling|trying|they|moving|going|completing|finishing|earning|getting|it|that|them|this|one|another|the next)\b|(?:the\s+)?(?:\#(Vocabulary.badgeWord)\s+)?‹badge›))"#,
        #"\b(?:until|till|thru)\b"#, #"\bago\b"#, #"\bto[- ]date\b"#, #"\b(?:ytd|mtd|qtd|wtd)\b"#,
        #"\bfiscal\b"#, #"\bfy\s?'?\d*\b"#, #"\bholidays?\b"#, #"\bsemesters?\b"#,
        #"\bterms?\s+(?:\d|one|two|three)"#,
        #"\bseasons?\b"#, #"\bseasonal"#, #"\b(?:summer|winter|spring|autumn)\b"#,
        // "In fall 2025" was the whole of 2025; "fall" the verb is no season.
        #"\b(?:in|during|this|last|next|the|of)\s+(?:the\s+)?fall\b|\bfall\s+(?:of\s+)?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s+fall\b"#,
        #"\bweekends?\b"#,
        #"\bfortnights?\b"#, #"\bdecades?\b"#, #"\b(?:yesterday|today|tomorrow|tonight)\b"#,
        // "The last couple of months", "the past handful of weeks" (blind test 44 got the
        // whole history).
        #"\b(?:last|this|next|previous|past|coming|prior|recent|upcoming|current)\s+(?:\w+\s+)?(?:of\s+(?:the\s+)?)?(?:days?|weeks?|months?|years?|quarters?|halfs?|halves)\b"#,
        // "Enrollments LTM", "TTM": the last or trailing twelve months, in shorthand.
        #"\b(?:ltm|ttm|ntm|l12m|t12m|r12m)\b"#,
        #"\brecently\b"#, #"\blately\b"#,
        // "The completion rate for Python Basics among recent enrollments" was all-time.
        #"\brecent\s+(?:enrol+ments|completions|learners|sign[- ]?ups|registrations|drop[- ]?outs|dropouts|activity|cohorts?)\b"#,
        #"\bthese days\b"#, #"\bearlier this\b"#,
        #"\b\d{4}-\d{1,2}(?:-\d{1,2})?\b"#, #"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"#,
        // Units and modifiers a point leaves over: "the first week of 2025", "early 2025",
        // "3 months after", "the 12 months ending June", "not in 2025".
        #"(?<!how many )(?<!per )(?<!by )(?<!each )(?<!every )(?<!in )(?<!a )(?<!of )(?<!over-)(?<!over )(?<!on-)\b(?:days?|weeks?|months?|years?)\b(?!\s+(?:by|over|to|between|apart|later|long|on)\b)(?![- ](?:by|over|on)\b)"#,
        #"\b(?:early|mid|late)[- ]?(?:in\s+)?(?:19|20)\d{2}\b"#,
        // "Mid-June", "late May", "early last year", "the middle of 2025": part of a period,
        // which a blind test found read as the whole of it.
        #"\b(?:early|mid|late)[- ]?(?:in\s+)?(?:the\s+)?(?:(?:this|last|next|previous|past)\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|year|month|quarter|week|q[1-4]|h[12]|summer|winter|spring|autumn|fall)\b"#,
        #"\bmiddle\s+of\s+(?:the\s+)?(?:(?:this|last|next)\s+)?(?:(?:19|20)\d{2}|january|february|march|april|may|june|july|august|september|october|november|december|year|month|quarter|week|q[1-4]|h[12])\b"#,
        // "Enrollments midway through 2025": part of a period (it was read as through 2025).
        #"\b(?:midway|mid-way|halfway|half-way|partway|part-way)\s+(?:through|into)\s+(?:the\s+)?(?:(?:this|last|next)\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|year|month|quarter|week|january|february|march|april|may|june|july|august|september|october|november|december)\b"#,
        // "June 1-15", "June 1 to 15", "1-15 June 2026": a range of days in one month, which
        // a blind test found read as its first day (or its last).
        #"\b"# + monthPattern
            + #"\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|until|till|and)\s*\d{1,2}(?:st|nd|rd|th)?\b"#,
        #"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|until|till|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"#
            + monthPattern,
        // "This term", "this sprint", "in the reporting period", "the current cohort": a
        // period the data does not define, which a blind test found dropped and the whole
        // history given.
        #"\b(?:this|the current|current|the reporting|reporting|during the|in the|for the|over the|this past|the latest|latest|the newest|newest|the most recent|the last|the previous|the prior)\s+(?:term|sprint|cycle|batch|round|period|intake|go-round|timeframe|time frame|window|stretch|phase|iteration|cohort|reporting period)\b(?!\s+(?:by|over|on|of|to|between|from|since|until|through|starting|ending|covering)\b|\s+(?:before|after)\s*(?:[?.!,;]|$)|\s+(?:(?:19|20)\d{2}|\d|q[1-4]\b|h[12]\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"#,
        // "In the first period", "the second period of 2026": a period the data does not
        // number (it was dropped, or read as the year).
        #"\b(?:first|second|third|fourth|final)\s+periods?\b"#,
        // "This May", "May enrollments": the month, where no other form reads a bare "may".
        #"(?<=\bthis |\blast |\bnext |\bprevious |\bpast |\bcoming |\bvs |\bvs\. |\bversus |\bagainst )may\b|\bmay(?="#
            + mayNouns + ")",
        // "The 3 months to March 2026": a span ending at a date, not read.
        #"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days|weeks|months|quarters|years)\s+(?:to|up to|ending|ended|through|until|till|before|prior to|leading up to)\b"#,
        #"\b(?:ending|ended)\b(?!\s+up\b)"#,
        #"\band a half\b"#,
        #"\b(?:not|except|outside|excluding|apart from)\s+(?:in\s+|during\s+|for\s+)?(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|last|this|january|february|march|april|june|july|august|september|october|november|december)"#,
        #"\b(?:start|beginning|end)\s+of\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|this|last|next|current|january|february|march|april|may|june|july|august|september|october|november|december|week|month|quarter|year)"#,
        #"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"#,
        #"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\d)"#,
        #"\bchristmas\b"#, #"\blaunch\b"#, #"\breorg\b"#, #"\bpandemic\b"#, #"\bcovid\b"#,
        // "Enrollments 30d", "6m", "12 wks": a span in shorthand that no form wrote out
        // (it was dropped, and the whole history given).
        // Not a year and a letter ("2026 vs 2025 y/y").
        #"\b\d{1,3}\s*(?:d|w|wk|wks|m|mo|mos|mth|mths|y|yr|yrs)\b(?!/)"#,
    ].map(regex)
}
