extension Vocabulary {
    /// Parts of a question that no analysis applies and that would otherwise vanish from
    /// its answer, each a reason to refuse it (a blind test found every one of these
    /// answered as if it were not there: "excluding Acme & Sons" counted only Acme & Sons,
    /// "have not finished Python Basics" counted those who had, "which learner completed the
    /// most badges" ranked badges). Read over the question in lower case with its names
    /// masked, as the other words are.
    static let unapplied: [(part: UnappliedPart, patterns: [String])] = [
        (
            // "A handful of badges with the lowest drop-out rate" was refused as a ranking by
            // another measure; "which few badges have the most enrollments" listed them all.
            .countRange,
            [
                #"\b(?:a handful of|a couple of|a few|several|some|which few|what few|the few)\s+(?:of (?:the|our) )?(?:\#(badgePlural)|\#(orgPlural))\b(?=[^?.!]*\b(?:most|least|fewest|highest|lowest|best|worst|top|bottom|biggest|largest|smallest|busiest))"#
            ]
        ),
        (
            // "Which badges have twice as many enrollments as Deep Learning" was refused as a
            // repeated enrollment.
            .threshold,
            [
                #"\b(?:twice|three times|four times|five times|ten times|half|double|triple|\d+(?:\.\d+)?\s*(?:times|x))\s+as\s+(?:many|much|high|low|long|often|fast|quickly|likely|big|large)\b"#,
                // "Which customers have declining enrollments this year" listed every
                // organization's growth, the rises first (a blind tester): a move above or
                // below zero is a line too.
                #"\b(?:declining|shrinking|decreasing|falling|dropping|growing|rising|increasing)\s+(?:enrol+ments?|completions?|numbers|sign[- ]?ups|registrations|learners|completion rates?)\b"#,
            ]
        ),
        (
            .exclusion,
            [
                #"\b(?:excluding|exclude[sd]?|except(?:ing)?(?: for)?|other than|apart from|aside from|besides|outside(?: of)?|not counting|leaving out|barring|bar|minus)\s+(?:the\s+)?(?:‹badge›|‹org›|\#(badgeWord)|\#(orgWord)|\#(people)|(?:biggest|largest|smallest|top|bottom|most|least|best|worst|highest|lowest|first|last)\b)"#,
                #"\bbut not\b(?!\s+(?:including|inclusive)\b)"#, #"\bneither\b"#, #"\bnor\b"#,
                // "Enrolled in Docker Basics rather than Kubernetes Essentials" set the two side
                // by side (786 against 732, where the learners of the one and not the other
                // were 355: blind test 81).
                #"\b(?:rather than|instead of|in place of)\s+(?:the\s+|at\s+|in\s+|from\s+)?(?:‹badge›|‹org›)"#,
                // "Enrollments at Initech, not Hooli" set the two side by side.
                #"(?:,|\bbut|\band)\s+not\s+(?:at\s+|in\s+|from\s+|for\s+)?(?:the\s+)?(?:‹org›|‹badge›)"#,
                // "Excluding zero-progress ones" was answered as average progress, all counted.
                #"\b(?:excluding|exclude[sd]?|except(?:ing)?|without|minus|not counting|leaving out|ignoring|ignore|omitting|drop(?:ping)?)\s+(?:the\s+)?(?:ones?\s+(?:with\s+)?|those\s+(?:with\s+)?)?(?:zeros?|0|nulls?|empty|blanks?|nil)\b"#,
                // Shorthand a blind test found answered for the one name it leaves out:
                // "excl. Acme", "w/o Acme", "ex Acme", "non-Initech", "everyone but Hooli",
                // "beyond Python Basics", "excluding dropouts".
                #"(?:\bexcl\.?|\bw/o|\bex|\bnon-?|\bbeyond|\bbut)\s*(?:the\s+)?(?:‹badge›|‹org›)"#,
                // "Top 5 badges in 2025 without Acme & Sons" was answered for Acme & Sons.
                #"\b(?:without|ignoring|ignore|omitting|omit|disregarding|leaving aside|setting aside|less|sans|minus)\s+(?:the\s+)?(?:‹badge›|‹org›)"#,
                #"\b(?:everyone|everybody|all|anyone|everything|every \w+)\s+(?:but|except)\b"#,
                // "Enrollments in 2025 without counting Initech", "Initech excluded", "with
                // Acme & Sons removed", "if we leave Initech out", "Acme & Sons aside",
                // "exclusive of", "save Initech", "net of drop-outs": a blind test found each
                // answered for the one name it leaves out.
                #"\b(?:without|not)\s+(?:counting|including|incl\.?|considering|taking in)\s+(?:the\s+)?(?:‹badge›|‹org›|\#(people)|drop[- ]?outs?|dropouts|completions|completers)"#,
                #"(?:‹badge›|‹org›)(?:'s|’s)?\s+(?:(?:is|are|being|was|were|been|gets|get|got)\s+)?(?:excluded|removed|left out|taken out|set aside|put aside|aside|not included|not counted|filtered out|stripped out|omitted|ignored|discounted|carved out|netted out)\b"#,
                #"\b(?:with|having)\s+(?:the\s+)?(?:‹badge›|‹org›)\s+(?:excluded|removed|left out|taken out|filtered out|stripped out|omitted|ignored|set aside|out)\b"#,
                #"\b(?:leave|leaves|leaving|left|take|takes|taking|took|strip|stripping|filter|filtering|cut|cutting|keep|keeping|count|counting|carve|carving|rule|ruling|factor|factoring)\s+(?:the\s+)?(?:‹badge›|‹org›)\s+out\b"#,
                #"\b(?:exclusive of|with the exception of|save for|save|removing|remove|removed|not incl(?:uding|\.)?|less|net of|deducting|subtracting)\s+(?:the\s+)?(?:‹badge›|‹org›|drop[- ]?outs?|dropouts|completions|completers|\#(people))"#,
                #"\bnet of\b"#,
                // "Initech's enrollments in 2025, aside from the ones at Hooli" was set against
                // Hooli.
                #"\b(?:aside from|apart from|excluding|except(?:ing)?(?: for)?|other than|besides|not counting|without|minus|leaving out|ignoring)\s+(?:the\s+|all\s+)?(?:ones?|those|enrol+ments|learners|people|completions|users|students|employees)\s+(?:at|from|in|of|for|by)\s+(?:the\s+)?(?:‹badge›|‹org›)"#,
                #"\b(?:excluding|exclude[sd]?|except(?:ing)?|without|minus|not counting|leaving out)\s+(?:the\s+)?(?:drop[- ]?outs?|dropouts|dropped|completions|completed|completers|in[- ]progress|enrolled)\b"#,
                #"\bnot (?:at|in|from|for|including|counting|part of|belonging to) (?:the |an? |any )?(?:‹badge›|‹org›|\#(badgeWord)|\#(orgWord))"#,
                #"\b(?:without|with no|lacking|no) (?:an? |any |the )?\#(orgWord)\b"#,
                // "How many learners with an organization enrolled" was every learner.
                #"\b(?:with|having|who have|that have|who has|that has)\s+(?:an?|any|some)\s+\#(orgWord)\b"#,
                #"\b(?:no|zero|nil|not any|never any|none of the)\s+(?:\w+\s+)?(?:enrol+\w*|complet\w*|completers|finishers|drop[- ]?outs?|dropouts|sign[- ]?ups?|registrations|activity|\#(people))\b"#,
                #"\b(?:had|have|has|got|get|with|saw|see)\s+none\b"#,
                // "Which courses has nobody finished": the ones with none, which a count
                // by badge answered as if the word were not there.
                #"\b(?:which|what|any|list|show|is there|are there)\b[^?.!]*\b(?:nobody|no[- ]?one|not (?:a )?(?:single )?(?:soul|person|learner|user|student|one))(?:\s+(?:at|from|in)\s+‹org›)?(?:'s|’s|\s+is|\s+are)?\s+(?:(?:has|have|had|ever|yet|actually|really|even)\s+)*(?:complet\w*|finish\w*|enrol+\w*|start\w*|took|taken|take|taking|did|done|doing|passed|earned|dropped|quit|signed up|registered)\b"#,
            ]
        ),
        (
            .negatedStatus,
            [
                #"\b(?:not|never|didn'?t|don'?t|doesn'?t|haven'?t|hasn'?t|hadn'?t|weren'?t|wasn'?t|aren'?t|isn'?t|yet to|failed to|fail to|fails to)\s+(?:yet\s+|ever\s+|even\s+|been\s+|actually\s+|already\s+)*(?:complet\w*|finish\w*|pass(?:ed|es)?|earn(?:ed|s)?|start(?:ed|s)?|begin|began|begun|enrol+\w*|drop(?:ped)?(?: out)?|take|took|taken|tried|try|get|got|made it)\b"#,
                #"\b(?:incomplete|uncompleted|non[- ]?complet\w*|non[- ]?finishers?|never[- ]started|not[- ]started|unstarted|inactive)\b"#,
                // "How many learners stopped Docker Basics before completing it" gave those
                // who completed it (389, where 233 dropped it); "how many learners left Python
                // Basics" every learner of it.
                // (Not "the quarter before completion rate", a window and then the measure.)
                #"\bbefore (?:completing|finishing|completion\b(?!\s+(?:rates?|percent\w*|%))|the end\b(?!\s+of\b)|they (?:finish|complete)|(?:it|they) (?:was|were) (?:finished|completed)|getting to the end)"#,
                #"\b(?:left|leave|leaves|leaving|stopped|stop|stops|stopping)\s+(?:the\s+)?‹badge›"#,
                // "How many learners stopped taking Docker Basics" (675, every learner of it),
                // "left to finish", "learners left in Deep Learning", "remaining enrollments",
                // "waiting in the queue": what is not finished, or not begun.
                #"\b(?:stop|stops|stopped|stopping|quit|quits|quitting)\s+(?:taking|doing|attending|working on|studying|out of|at)\b"#,
                #"\b(?:left|remaining|still) to (?:finish|complete|do|go|start)\b|\bwaiting to (?:finish|complete)\b|\bon (?:the|a) wait[- ]?list\b|\bwait[- ]?listed\b"#,
                #"\b(?:are|is|were|was)\s+(?:still\s+)?(?:left|remaining)\b|\bremain(?:s|ed)?\s+(?:in|at|enrol+ed)\b|\bremaining\s+(?:enrol+ments|learners|people|students|users|seats|badges|courses)\b|\b(?:waiting|queued)\s+in\s+(?:the\s+)?(?:queue|line|backlog)\b|\bin the (?:queue|backlog)\b"#,
            ]
        ),
        (
            .perLearner,
            [
                // "Learners with the most enrollments at Initech" was Initech's total.
                #"\b\#(people)\s+(?:with|having|who have|who had)\s+(?:the\s+)?(?:most|fewest|least|highest|lowest|biggest|largest|greatest)\b"#,
                #"\b(?:per|for each|for every|each|every)\s+(?:single\s+|individual\s+)?(?:learner|user|student|person|employee|member|participant|trainee|individual|staff member|head|capita)\b(?!\s+\#(badgeWord)|\s+\#(orgWord))"#,
                // "Per 1,000 users", "per organization member", "relative to its size",
                // "normalized by headcount": a count divided by a size, which blind test 44
                // found answered with the raw count (the largest organization first).
                #"\bper\s+(?:\d[\d,]*\s+|a\s+|one\s+)?(?:hundred\s+|thousand\s+)?(?:\#(orgWord)\s+|team\s+)?(?:learners?|users?|students?|persons?|people|employees?|members?|participants?|trainees?|staff|heads?|capita|seats?|licen[cs]es?)\b(?!\s+\#(badgeWord)|\s+\#(orgWord))"#,
                #"\b(?:relative to|in proportion to|proportional to|proportionate to|normali[sz]ed (?:by|for|to)|adjusted (?:by|for)|scaled (?:by|to)|weighted by|divided by|controlling for|accounting for)\s+(?:its|their|the|each \w+(?:'s|’s))?\s*(?:size|sizes|headcount|head count|headcounts|number of (?:users|learners|employees|members|staff|people)|membership|population|workforce)\b|\b(?:given|for)\s+(?:its|their|each \w+(?:'s|’s))\s+(?:size|sizes|headcount|head count|number of (?:users|learners|employees|members|staff|people)|membership|population|workforce)\b|\bsize[- ](?:adjusted|normali[sz]ed|weighted)\b"#,
                // "How many completions per Initech learner in 2025" gave Initech's completions.
                #"\b(?:per|for each|for every|each|every)\s+(?:‹org›(?:'s|’s)?|‹badge›)\s+(?:learner|user|student|person|employee|member|participant|trainee|individual|staff member|head)\b"#,
                #"\b(?:which|what)\s+(?:single\s+|one\s+|individual\s+)?(?:learner|user|student|person|employee|member|participant|trainee)\b(?!s|\s*(?:count|numbers?|base))"#,
                // ("Who are the top performing organizations", "who are the biggest laggards
                // among organizations" rank organizations, and are read.)
                #"\bwho (?:is|are|was|were|has|have|had) (?:the )?(?:top|best|most|least|fewest|biggest|leading|highest|lowest|worst)\b(?!\s+(?:\d+\s+|\#(count)\s+)?(?:[\w-]+\s+)?(?:\#(orgWord)|\#(badgeWord)|\#(orgPlural)|\#(badgePlural))\b)(?![^?.!]*\b(?:among|of|across|amongst)\s+(?:the\s+|our\s+|all\s+)?(?:\#(orgPlural)|\#(badgePlural))\b)"#,
                // "Who completed the most badges" ranked the badges (blind test 46).
                #"\bwho\s+(?:has\s+|have\s+|had\s+)?(?:completed|finished|took|taken|earned|passed|enrol+ed in|started|dropped)\s+the\s+(?:most|fewest|least|highest number of|largest number of)\b"#,
                #"\b(?:top|bottom|best|worst|leading|most active|least active|most engaged|power)\s+(?:\d+\s+|\#(count)\s+)?(?:learners|users|students|employees|members|participants|trainees|individuals)\b"#,
                #"\b(?:which|what)\s+(?:learners|users|students|people|employees|members|participants|individuals)\b[^?.!]*\b(?:most|fewest|least|top|highest|lowest|more|fewer)\b"#,
                #"\b(?:average|mean|median|typical)\s+(?:number|count|amount) of\s+(?:\#(badgePlural)|enrol+ments|completions)\b"#,
                // "The drop-out rate for Python Basics among learners with multiple
                // enrollments" was every learner's.
                #"\b\#(people)\s+(?:with|having|who have|who had|that have)\s+(?:multiple|several|many|more than one|two or more|2\+|2 or more)\s+(?:enrol+ments|\#(badgePlural))\b"#,
                #"\b(?:completed|finished|earned|took|taken|enrol+ed in|passed|hold|holds|have|has)\s+(?:at least\s+|more than\s+|over\s+|fewer than\s+|under\s+|exactly\s+)?(?:\d{1,2}|two|three|four|five|six|several|multiple|many)\s*(?:\+|or more|or fewer|or less|plus)?\s+(?:different\s+|separate\s+)?(?:\#(badgePlural))\b"#,
                // "How many courses does a typical Initech employee take" gave Initech's
                // enrollments.
                #"\bhow many\s+(?:\#(badgePlural)|enrol+ments|completions)\s+(?:does|do|did|will|would)\s+(?:a|an|the average|a typical|the typical|an average|each|every|one)\s+(?:‹org›(?:'s|’s)?\s+)?(?:learner|user|student|person|employee|member|participant|trainee)\b"#,
            ]
        ),
        (
            .intersection,
            [
                #"\bboth (?:the )?‹badge›,? and (?:the )?‹badge›"#,
                // "How many learners went from Python Basics to Advanced Python".
                #"\b(?:went|go|goes|going|moved?|moves|moving|progress(?:ed|es)?|transition(?:ed|s)?|switch(?:ed|es)?|advanc(?:ed|es)|graduated?)\s+(?:on\s+)?from\s+(?:the\s+)?‹badge›\s+(?:to|into|on to|onto)\s+(?:the\s+)?‹badge›"#,
                #"‹badge›,? (?:and )?(?:then|later|afterwards|after that)\b[^?.!]*‹badge›"#,
                #"‹badge›,? and (?:the )?‹badge›,? both\b"#,
                // "Completed Python Basics but dropped Python Intermediate", "took X but
                // never Y", "completed X in 2025 and then enrolled in Y".
                #"‹badge›[^?.!]*?\b(?:but|and)\s+(?:then\s+|later\s+|afterwards\s+)?(?:never|not|didn'?t|dropped|quit|abandoned|completed|finished|enrol+ed|took|started|went on to)\b[^?.!]*?‹badge›"#,
                #"\b(?:drop(?:ped|s)?(?:[- ]?out)?|quit|abandon\w*|gave up)\b[^?.!]*\bafter (?:completing|finishing|taking|earning|passing)\b"#,
                // "Learners from Leadership who completed Python": one group, of two badges.
                #"\b(?:learners|people|students|users|employees|those|ones)\s+(?:from|of|in|on|who (?:took|did|started|finished|completed|enrol+ed in))\s+(?:the\s+)?‹badge›(?:\s+\#(badgeWord))?\s+(?:who\s+|that\s+)?(?:also\s+|then\s+|later\s+)?(?:completed|finished|took|started|enrol+ed in|dropped|passed|earned|went on to)\s+(?:the\s+)?‹badge›"#,
                #"\b(?:took|taken|take|completed|complete|finished|finish|earned|earn|enrol+ed in|passed|hold|have|has|did)\s+both\b"#,
                // "How many Python Basics learners went on to take SQL Fundamentals", "what
                // share of Docker Basics learners continue to Kubernetes Essentials", "of
                // those who finished X, how many started Y": a move from one badge to
                // another, which was set side by side as two badges' totals (a blind test).
                #"‹badge›[^?.!]*?\b(?:went on to|go(?:es)? on to|going on to|continu(?:e|es|ed|ing) (?:on )?(?:to|with|into)|mov(?:e|es|ed|ing) on to|progress(?:es|ed|ing)? (?:on )?to|carr(?:y|ies|ied) on (?:to|with))\b[^?.!]*?‹badge›"#,
                #"\bof (?:those|the ones|the learners|the people|learners|people|them|everyone) (?:who|that) (?:finished|completed|took|started|passed|earned|enrol+ed in|did)\s+(?:the\s+)?‹badge›[^?.!]*?‹badge›"#,
                // "Learners who have completed every badge": all of them, not each one.
                #"\b(?:took|taken|take|completed|complete|finished|finish|earned|earn|enrol+ed in|passed|done|did)\s+(?:every|all(?: of)?(?: the)?|all \d+(?: of the)?)\s+(?:single\s+)?(?:\#(badgeWord)|\#(badgePlural))\b"#,
                // "How many Python Basics learners also enrolled in Git & GitHub", "the
                // drop-out rate of Python Basics among learners who also took SQL
                // Fundamentals", "took SQL Fundamentals as well as Data Visualization", "Deep
                // Learning learners who had previously completed Machine Learning
                // Foundations", "the completion rate of Data Visualization for SQL
                // Fundamentals learners": one badge's learners as a condition on the other's,
                // which two blind tests got answered as the two badges side by side.
                #"‹badge›[^?.!]*?\balso\s+(?:(?:in|on|into|an?)\s+)?(?:the\s+)?‹badge›"#,
                #"‹badge›[^?.!]*?\balso\s+(?:took|take|takes|taken|taking|enrol+(?:ed|s|ing)?|completed|complete|finished|finish|started|start|did|do|does|have|had|has|are|were|is|was|went|signed up|hold|holds)\b[^?.!]*?‹badge›"#,
                #"\b(?:took|take|takes|taken|taking|enrol+ed in|enrol+ed on|completed|finished|started|did|done|passed|earned|have|has|had)\s+(?:the\s+)?‹badge›(?:\s+\#(badgeWord))?\s+(?:as well as|in addition to|alongside|along with|together with|on top of|plus)\s+(?:the\s+)?‹badge›"#,
                #"‹badge›[^?.!]*?\b(?:among|for|of|with)\s+(?:the\s+)?(?:\#(people)|those|ones|the ones)\s+(?:(?:who|that)\s+)?(?:also\s+|had\s+|have\s+|has\s+|previously\s+|already\s+|first\s+|earlier\s+)*(?:took|taken|take|taking|completed|finished|enrol+ed in|enrol+ed on|enrol+ed|did|done|started|passed|earned|came from|come from|coming from|were in|are in)\s+(?:the\s+)?‹badge›"#,
                #"\b(?:among|for|of)\s+(?:the\s+)?(?:\#(people)|those|ones)\s+(?:who|that)\b(?:(?!\b(?:vs\.?|versus|compared|against|or)\b)[^?.!])*?‹badge›(?:(?!\b(?:vs\.?|versus|compared|against|or)\b)[^?.!])*?‹badge›"#,
                #"‹badge›[^?.!]*?\b(?:previously|already|earlier|beforehand|first)\s+(?:completed|finished|took|taken|enrol+ed in|done|did|passed|earned)\s+(?:the\s+)?‹badge›"#,
                #"‹badge›[^?.!]*?\b(?:for|among|of|by)\s+(?:the\s+)?‹badge›(?:'s|’s)?\s+(?:\#(people)|takers|completers|finishers|graduates|alumni|enrol+ees|cohort)\b"#,
            ]
        ),
        (
            .catalogue,
            [
                // "How many distinct badges did Initech learners enroll in" gave the list of
                // Initech's enrollments by badge.
                #"\b(?:how many|number of|count of) (?:different|distinct|unique|separate) (?:\#(badgePlural)|\#(orgPlural))\b"#,
                #"\bhow many (?:different |distinct |unique |separate |active )?(?:\#(badgePlural)|\#(orgPlural))\s+(?:are there|(?:do|does) (?:we|you|the platform|almanac) (?:have|offer|run|host|list|serve|track)|exist|are (?:offered|available|listed|on (?:the|our) platform|in the catalog(?:ue)?))\b"#,
                #"\b(?:how many|number of|count of) (?:different |distinct |unique )?(?:\#(badgePlural)|\#(orgPlural))\s*\?*\s*$"#,
                // "How many organizations have enrolled learners in 2025?" gave the learners
                // (2,772), and "did more organizations enroll in Q2 than in Q1" each
                // organization's enrollments: an organization is never what a count counts.
                #"\b(?:how many|the number of|number of|count of) (?:different |distinct |unique |separate |active |new |more |fewer )?\#(orgPlural)\b(?!\s*(?:'s|’s|'|’))"#,
                #"\b(?:did|do|does|were|was|are|is|will|have|has|had)\s+(?:there\s+)?(?:more|fewer|less)\s+(?:different\s+|distinct\s+)?\#(orgPlural)\b(?!\s*(?:'s|’s|'|’))"#,
                #"^\s*(?:more|fewer|less)\s+\#(orgPlural)\s+(?:enrol|sign|join|complet|finish|took|take|start|drop|had|have|were|are)"#,
            ]
        ),
        (
            .shareOfTotal,
            [
                // "The in-progress rate for Advanced Python" gave the count in progress.
                #"\b(?:in[- ]progress|ongoing|enrolled|not[- ]started|active) (?:rates?|shares?|percentages?|ratios?|proportions?)\b|\b(?:rate|share|percentage|proportion|fraction|ratio) of (?:(?:the|all|our) )?(?:(?:‹badge›|‹org›(?:'s|’s)?) )?(?:enrol+ments |\#(people) )?(?:(?:that are|which are|who are|still|currently) )*(?:in[- ]progress|ongoing|not (?:yet )?started)\b"#,
                #"\b(?:share|percentage|percent|proportion|fraction) of (?:all |the |total |our )*(?:completions|completed enrol+ments)\b"#,
                // "What percentage of Python Basics learners are from Initech" gave Python
                // Basics' completion rate at Initech (58.25 %, where the share is 12.05 %), and
                // "what percentage of Initech learners took Python Basics" too.
                // (Not "what percentage of Python Basics learners at Initech completed", the
                // rate of that badge there.)
                #"\#(shareWord) of (?:all |the |our )*‹badge› \#(people) (?:are|is|were|come|came|work|worked|who are|that are) (?:from|at|in|with) ‹org›(?![^?.!]*\b(?:complet|finish|drop|quit|pass|abandon))"#,
                #"\#(shareWord) of (?:all |the |our )*‹org› \#(people) (?:who |that )?(?:took|take|takes|taking|have taken|are in|is in|were in|enrol+ed in|signed up for|chose|picked|are taking|went for) ‹badge›(?![^?.!]*\b(?:complet|finish|drop|quit|pass|abandon))"#,
            ]
        ),
        (
            .twoBreakdowns,
            [
                #"\b(?:by|per|for each|across|split by|broken down by)\s+(?:\#(badgeWord)|\#(orgWord)|cohorts?|day|week|month|quarter|year)\s+(?:and|&|x|by|then by|and by|and per|per|for each|each)\s+(?:\#(badgeWord)|\#(orgWord)|cohorts?|day|week|month|quarter|year)\b"#,
                // "Quarterly completions for each badge", "weekly completions by organization".
                #"\b(?:daily|weekly|monthly|quarterly)\b[^?.!]*\b(?:by|per|for each|for every|across|in each)\s+(?:\#(badgeWord)|\#(orgWord))\b"#,
                #"\b(?:by|per|for each|for every)\s+(?:\#(badgeWord)|\#(orgWord))\b[^?.!]*\b(?:daily|weekly|monthly|quarterly|per (?:day|week|month|quarter|cohort)|by (?:day|week|month|quarter|cohort)|each (?:day|week|month|quarter))\b"#,
                #"\b(?:which|what)\s+\#(badgeWord)\b[^?.!]*\b(?:per|by|for each|in each|at each|across|within each|in every|at every|for every)\s+\#(orgWord)\b"#,
                #"\b(?:which|what)\s+\#(orgWord)\b[^?.!]*\b(?:per|by|for each|in each|across|within each)\s+\#(badgeWord)\b"#,
                // "The top 3 badges in each organization", "completion rate by badge for the
                // top 3 organizations": a ranking of one kind of name within, or beside, a
                // breakdown by the other.
                #"\b(?:top|bottom|best|worst|leading|most popular|least popular|\d+|\#(count))\s+(?:\d+\s+|\#(count)\s+)?\#(badgePlural)\b[^?.!]*\b(?:per|for each|in each|at each|within each|in every|at every|for every)\s+\#(orgWord)\b"#,
                #"\b(?:top|bottom|best|worst|leading|most popular|least popular|\d+|\#(count))\s+(?:\d+\s+|\#(count)\s+)?\#(orgPlural)\b[^?.!]*\b(?:per|for each|in each|within each|in every|for every)\s+\#(badgeWord)\b"#,
                // "The most popular course in each organization", "the top badge for every
                // team" gave the top organization (blind test 46).
                #"\b(?:top|bottom|best|worst|leading|most popular|least popular|most enrolled|biggest|largest)\s+\#(badgeWord)\b[^?.!]*\b(?:per|for each|in each|at each|within each|in every|at every|for every|of each|of every)\s+\#(orgWord)\b"#,
                #"\b(?:top|bottom|best|worst|leading|most active|least active|biggest|largest)\s+\#(orgWord)\b[^?.!]*\b(?:per|for each|in each|within each|in every|for every|of each|of every)\s+\#(badgeWord)\b"#,
                #"\b(?:by|per|for each|broken down by)\s+\#(badgeWord)\b[^?.!]*\b(?:top|bottom|best|worst|leading|most|fewest|least)\s+(?:\d+\s+|\#(count)\s+)?\#(orgPlural)\b"#,
                #"\b(?:by|per|for each|broken down by)\s+\#(orgWord)\b[^?.!]*\b(?:top|bottom|best|worst|leading|most|fewest|least)\s+(?:\d+\s+|\#(count)\s+)?\#(badgePlural)\b"#,
            ]
        ),
        (
            // "In progress vs completed", "completed, in progress or dropped", "status
            // breakdown": one status is counted at a time.
            .twoStatuses,
            [
                #"\b(?:in[- ]progress|completed|dropped(?: out)?)\s*(?:,|vs\.?|versus|or|and|against|compared (?:with|to))\s*(?:those\s+|the\s+)?(?:in[- ]progress|completed|dropped|still enrol+ed)\b"#,
                // "Active enrollments": enrolled and in progress, not finished nor dropped.
                #"\b(?:active|open|current|live|outstanding|unclosed)\s+(?:enrol+ments?|registrations?|sign[- ]?ups?)\b"#,
                // "Active learners": which statuses, or which activity, the data cannot say.
                #"\b(?:active|inactive)\s+(?:learners|users|students|people|members|participants|employees|accounts)\b"#,
                // "How many learners were active last month" gave those who enrolled then,
                // where "active learners" was refused (a blind tester). ("Still active" is in
                // progress, and read.)
                #"\b(?:learners|users|students|people|members|participants|employees|accounts|customers)\s+(?:who\s+|that\s+)?(?:were|was|are|is|have been|has been|had been|stayed|remained)\s+(?:in)?active\b"#,
                #"\bfrom (?:in[- ]progress|enrol+ed|started|not started) (?:to|into) (?:completed|dropped|finished|in[- ]progress)\b"#,
                #"\b(?:status|statuses)\s+(?:breakdown|split|mix|distribution)\b|\b(?:by|per|across)\s+status(?:es)?\b|\bbreakdown of (?:the )?statuses\b|\b(?:in|for|of)\s+(?:each|every)\s+(?:status|state)\b|\beach of the (?:statuses|states)\b"#,
            ]
        ),
        (
            // "The completion rate of the top 5 badges by enrollments": ranked by one measure,
            // reported in another.
            .rankedByAnother,
            [
                #"\b(?:completion|drop[- ]?out|drop|success|pass) rates?\b[^?.!]*\b(?:top|bottom|biggest|largest|smallest|most popular|least popular)\s+(?:\d+\s+|\#(count)\s+)?(?:\#(badgePlural)|\#(orgPlural))\s+(?:by|in terms of|ranked by|measured by)\s+(?:enrol+\w*|learners|completions|sign[- ]?ups|size|popularity|volume)\b"#,
                #"\b(?:average|median|mean) (?:progress|time|days)\b[^?.!]*\b(?:top|bottom|biggest|largest|smallest|most popular|least popular)\s+(?:\d+\s+|\#(count)\s+)?(?:\#(badgePlural)|\#(orgPlural))\s+(?:by|in terms of|ranked by|measured by)\s+(?:enrol+\w*|learners|completions|sign[- ]?ups|size|popularity|volume)\b"#,
                // "The top 3 badges at Initech and their completion rates": ranked by
                // enrollments, reported in a rate.
                // "Umbrella Health top course YTD and its completion rate" (blind test 65).
                #"\b(?:top|bottom|most popular|least popular|biggest|largest|smallest|busiest)\s+(?:\d+\s+|\#(count)\s+)?(?:\#(badgeWord)|\#(orgWord))\b(?:(?!\bby\b)[^?.!])*\b(?:and|with|plus) (?:their|its|the) (?:completion|drop[- ]?out|drop|success|pass|median|average|mean)\b"#,
                // "Top 3 badges by completions last month, and their completion rates".
                #"\b(?:top|bottom|most popular|least popular|biggest|largest|smallest|busiest)\s+(?:\d+\s+|\#(count)\s+)?(?:\#(badgePlural)|\#(orgPlural))\s+by\s+(?:enrol+\w*|learners|completions|sign[- ]?ups|drop[- ]?outs|dropouts)\b[^?.!]*\b(?:and|with|plus) (?:their|its|the) (?:completion|drop[- ]?out|drop|success|pass|median|average|mean)\b"#,
                // "The completion rate for the busiest badge", "the median time to complete
                // for the 3 most popular badges": ranked by enrollments.
                #"\b(?:(?:completion|drop[- ]?out|drop|success|pass) rates?|(?:average|median|mean) (?:progress|time|days)|(?:time|days) to (?:complete|finish)|how long)\b[^?.!]*\b(?<!‹badge›, )(?<!‹org›, )(?:(?:for|of|at|in|across) )?(?:the|our) (?:\d+ |\#(count) )?(?:busiest|most popular|least popular|biggest|largest|smallest|quietest)\s+(?:\d+ |\#(count) )?(?:\#(badgeWord)|\#(orgWord)|\#(badgePlural)|\#(orgPlural))\b"#,
                // "The completion rate for the 3 slowest badges" gave their median days to
                // complete (blind test 63): ranked by the time, reported in a rate.
                #"\b(?:(?:completion|drop[- ]?out|drop|success|pass) rates?|(?:average|mean) progress)\b[^?.!]*\b(?:(?:for|of|at|in|across|among) )?(?:the|our) (?:\d+ |\#(count) )?(?:slowest|fastest|quickest|speediest|longest|shortest)\s+(?:\d+ |\#(count) )?(?:\#(badgeWord)|\#(orgWord)|\#(badgePlural)|\#(orgPlural))\b"#,
                // "The median time to complete for the top 3 badges" gave the 3 of the longest
                // median (blind test 40), where "the top 3 badges" of a report are its most
                // popular: which ranking is meant, the question does not say. ("The top 3
                // badges by median time" says.)
                #"\b(?:(?:completion|drop[- ]?out|drop|success|pass) rates?|(?:average|median|mean) (?:progress|time|days)|(?:time|days) to (?:complete|finish)|how long)\b[^?.!]*\b(?:for|of|at|in|across) (?:the|our) (?:top|bottom|leading)\s+(?:\d+\s+|\#(count)\s+)?(?:\#(badgePlural)|\#(orgPlural))\b(?!\s+(?:by|in terms of|ranked by|measured by|sorted by|ordered by)\b)"#,
                // "The worst completion rate among badges with the most enrollments".
                // "The completion rate of the 3 badges with the highest drop-out rate" gave the
                // drop-out rates (blind test 42).
                #"\b(?:among|of|from|within) (?:the )?(?:\d+ |\#(count) )?(?:\#(badgePlural)|\#(orgPlural)) (?:with|that have|having|that had) (?:the )?(?:most|fewest|highest|lowest|largest|biggest|more|fewer|least|top)\b"#,
                #"\b(?:among|of|from|within) (?:those|the ones|them) (?:with|that have|having|that had) (?:the )?(?:most|fewest|highest|lowest|largest|biggest|more|fewer|least|top|best|worst)\b"#,
                #"\b(?:among|of|from|within) (?:the )?(?:\d+ |\#(count) )?(?:most popular|least popular|biggest|largest|smallest|busiest|top|bottom) (?:\d+ |\#(count) )?(?:\#(badgePlural)|\#(orgPlural))\b"#,
            ]
        ),
        (
            // The status `enrolled` (not started) is not counted on its own.
            .enrolledOnly,
            [
                #"\b(?:haven'?t|hasn'?t|have not|has not|had not|hadn'?t|didn'?t|did not|never|yet to)\s+(?:yet\s+|even\s+|actually\s+)*(?:started|begun|begin|start)\b"#,
                #"\bwithout (?:having |yet |ever )*(?:started|begun|beginning|starting)\b"#,
                #"\bstatus(?:es)?\s+(?:of\s+|is\s+|=\s*)?['"‘“]?enrol+ed\b|\benrol+ed[- ]only\b|\bpending\b|\bwaiting to (?:start|begin)\b|\bnot (?:yet )?(?:begun|started) (?:yet)?\b"#,
            ]
        ),
        (
            // After `enrolledOnly`, which says more of "currently enrolled … but haven't
            // started". "How many people are currently enrolled at Acme & Sons" gave every
            // learner of its last 12 months (977, where 443 have an enrollment open); "how many
            // learners are currently enrolled in Python Basics" those in progress (31; 119 more
            // have not started), "currently signed up for" every learner of it. (A rate of
            // them is the badge's rate: `Matcher.firstUnapplied`.)
            .twoStatuses,
            [
                #"\b(?:currently|presently|now)\s+(?:enrol+ed|registered|signed up)\b|\b(?:enrol+ed|registered)\s+(?:right now|at the moment|currently|at present|as of today)\b"#,
                // "How many learners are enrolled in Python Basics at the moment" gave those in
                // progress (37; 132 more have not started; blind test 63). Not a status the
                // question names ("enrolled in 2025 are currently in progress"), nor "today"
                // as the end of a window ("from January until today"). "Are taking Python
                // Basics today" counted the enrollments made that day (0): in progress is
                // "currently taking", read.
                #"\b(?:are|is)\s+(?:\S+\s+){0,2}(?:enrol+ed|registered|signed up)\b(?:(?!\bin[- ]progress\b|\bcomplet|\bdrop|\bfinish|\bstarted\b|\bactive\b|\b(?:until|till|to|through|thru|than|compared|versus|vs|against|since|from)\b)[^?.!]){0,60}?\b(?:right now|at the moment|currently|at present|presently|as of today|as we speak|today|now)\b"#,
                #"\b(?:are|is)\s+(?:\S+\s+){0,2}taking\b[^?.!]{0,60}?\btoday\b"#,
            ]
        ),
        (
            .statistic,
            [
                #"\b(?:median|middle) progress\b"#,
                // "The average of the completion rates of all badges" (a breakdown's median or
                // mean of rates is refused in `refuseUnappliedIntent`).
                #"\b(?:median|average|mean) of (?:the |their |all )?(?:completion|drop[- ]?out|dropout|drop|success|pass) rates\b"#,
            ]
        ),
        (
            // "The top half of organizations", "the top 25% of badges by completion rate": a
            // share of a ranking, which a blind test found read as a plain "top".
            .periodSize,
            [
                // "Enrollments by period", "completion rate per period": one total came back,
                // the breakdown dropped.
                #"\b(?:by|per|for each|each|every|across)\s+(?:the\s+)?(?:periods?|time periods?|time bucket|bucket)\b"#
            ]
        ),
        (
            .perPeriodRanking,
            [
                // "Which organization had the busiest month this year" gave the platform's
                // busiest month, no organization named.
                #"\b(?:which|what)\s+(?:\#(orgWord)|\#(badgeWord)|teams?|depts?|departments?)\b[^?.!]*\b(?:busiest|quietest|slowest|peak|best|worst|biggest|strongest|weakest|record)\s+(?:single\s+)?(?:day|week|month|quarter|period)\b"#,
                #"\b(?:which|what)\s+(?:\#(orgWord)|\#(badgeWord)|teams?|depts?|departments?)\b[^?.!]*\b(?:in|during|over)\s+(?:a|one|any|a single|its|their)\s+(?:single\s+)?(?:day|week|month|quarter)\b"#,
                #"\b(?:\#(orgWord)|\#(badgeWord)|\#(orgPlural)|\#(badgePlural))\b[^?.!]*\b(?:in|during)\s+the\s+(?:busiest|quietest|peak)\s+(?:day|week|month|quarter)\b"#,
            ]
        ),
        (
            .ordinalRank,
            [
                #"\b(?:top|bottom|upper|lower|best|worst)\s+(?:half|third|quarter|quartile|decile|tenth|fifth|\d{1,2}\s*(?:%|percent\b))(?:\s+of)?\s+(?:the\s+|our\s+|all\s+)?(?:\#(badgePlural)|\#(orgPlural)|\#(badgeWord)|\#(orgWord)|cohorts|months|weeks)\b"#
            ]
        ),
        (
            // "The p90 time to complete" was answered with the median.
            .percentile,
            [
                #"\bp(?:[1-46-9]\d|5[1-9]|\d)\b|\b\d{1,2}(?:st|nd|rd|th)?[- ]?(?:percentile|pctl|pct?ile)s?\b|\b(?:percentiles?|quartiles?|deciles?|quantiles?|interquartile|iqr)\b"#,
                #"\b(?:slowest|fastest|quickest|top|bottom|last|first)\s+\d{1,2}\s*(?:%|percent)(?!\w)"#,
                #"\b(?=max|min|longest|fastest)(?<!takes the )(?<!take the )(?<!took the )(?<!takes )(?<!take )(?:max(?:imum)?|min(?:imum)?|longest (?:any ?one|anybody|someone|a learner) (?:took|has taken)|fastest (?:any ?one|anybody|someone|a learner) (?:finished|completed))\s+(?:time|days?|duration)\b"#,
            ]
        ),
        (
            .repeatEnrollment,
            [
                #"\bre-?(?:enrol+\w*|register\w*|take[sn]?|took|taking|tak(?:e|es|ing)|start\w*|do(?:ne|es|ing)?|did|attempt\w*)\b"#,
                #"\bretak\w*|\bretook\b|\brepeat(?:ed|s|ing)? (?:a |the |their )?(?:‹badge›|\#(badgeWord))"#,
                #"\b(?:more than once|twice|second (?:attempt|time|try))\b"#,
                // "Finished Python Basics on their first try": each learner's first attempt.
                #"\b(?:on|at|in) (?:the|their|his|her|your|a|one) first (?:try|attempt|go|time|shot)\b|\bfirst[- ]time (?:pass|completion|finish)\w*"#,
            ]
        ),
        (
            .againstWhole,
            [
                // "Which badges are harder to finish than Python Basics" gave Python Basics.
                #"\b(?:which|what)\s+(?:other\s+)?(?:\#(badgePlural)|\#(orgPlural))\b[^?.!]*\bthan\s+(?:the\s+)?(?:‹badge›|‹org›)"#,
                // "Is Initech's completion rate above the platform average", "compare Initech
                // to the platform average", "compare Python Basics to all other badges": the
                // name alone was answered.
                #"\b(?:above|below|over|under|beat(?:s|ing)?|exceed(?:s|ed|ing)?|outperform\w*|underperform\w*|to|with|against|than|vs\.?|versus)\s+(?:the\s+)?(?:(?:platform|company|org|organi[sz]ation)(?:[- ]wide|'s|’s)?\s+(?:average|mean|norm|rate|benchmark|overall|total|completion rate|drop[- ]?out rate)|overall\s+(?:average|mean|rate|completion rate|drop[- ]?out rate|figure|number|level)|average\s+(?:completion|drop[- ]?out)\s+rate|all (?:the )?other (?:\#(badgePlural)|\#(orgPlural))|every other (?:\#(badgeWord)|\#(orgWord))|(?:the )?rest of (?:the )?(?:platform|company|\#(badgePlural)|\#(orgPlural)))\b"#,
                #"\b(?:compared? (?:with|to)|compares (?:with|to)|in comparison (?:with|to)|against|vs\.?|versus|relative to|next to|than|benchmarked against)\s+(?:the\s+)?(?:(?:whole|entire|rest of the)\s+)?(?:platform|overall|average|norm|benchmark|all (?:the )?(?:\#(badgePlural)|\#(orgPlural)|\#(people))|all (?:the )?others|everyone|everybody|the rest|rest|others|other \#(badgePlural)|other \#(orgPlural)|(?:company|platform)[- ]wide)\b"#,
            ]
        ),
        (
            // A job role, which the data does not hold, after an organization's name too:
            // "How many Acme & Sons managers completed Leading Teams" gave all 140 of Acme's
            // learners who did (blind test 66), as "Umbrella Health nurses" gave all of its.
            .role,
            [
                #"\b(?=[a-z])(?:managers?|engineers?|developers?|analysts?|nurses?|executives?|interns?|contractors?|directors?|supervisors?|administrators?|admins?|consultants?|designers?|scientists?|technicians?|doctors?|physicians?|teachers?|salespeople|sales reps?|new grads?)\b"#,
                // "Completions for the eng team", "mgmt completions", "the marketing dept",
                // "remote workers": a department or a kind of worker, which a blind test found
                // dropped and the platform's total given.
                #"\b(?:eng|engineering|mgmt|management|sales|marketing|finance|hr|legal|ops|operations|product|support|it|r&d|data|design|security|customer success|cs|dev|devops|qa)\s+(?:team|teams|dept|depts|department|departments|division|divisions|group|groups|folks|people|ppl|staff|org|orgs|unit|units|function)\b"#,
                #"\b(?:eng|mgmt)\b"#,
                #"\b(?:remote|on-?site|in-?office|hybrid|full-?time|part-?time|frontline|front-line|senior|junior|new|temporary|temp|seasonal|contract|freelance|permanent)\s+(?:workers|employees|staff|people|ppl|hires|folks|members)\b(?<!new hires)(?<!new members)(?<!new people)(?<!new staff)(?<!new employees)"#,
                // "Senior learners", "remote users", "part-time students" (blind test 60): the
                // platform's number was given. ("New learners" are joining the platform.)
                #"\b(?:remote|on-?site|in-?office|hybrid|full-?time|part-?time|frontline|front-line|senior|junior|temporary|seasonal|contract|freelance|permanent)\s+(?:(?:‹org›)(?:'s|’s)?\s+)?(?:learners?|users?|students?|trainees?|participants?)\b"#,
                // A kind of worker that is a part of an organization, not all of it: "Acme &
                // Sons contractors" gave all of Acme's learners (blind test 60).
                // Plural: "learners volunteer for", "intern at" are verbs.
                #"\b(?:contractors|interns|freelancers|consultants|apprentices|volunteers|temps)\b"#,
                // "Learners working remotely", "work-from-home learners" (a second probe).
                #"\bworking\s+(?:remotely|from home|part[- ]time|full[- ]time|on[- ]site)\b|\b(?:work[- ]from[- ]home|wfh)\b"#,
                // "Umbrella Health completion rate for clinical staff", "for the frontline
                // team" gave the whole organization's (blind test 65).
                #"\b(?:clinical|frontline|front-line|field|office|medical|nursing|admin|administrative|technical|tech|customer-facing|back-office|hourly|salaried|shift|care|retail|warehouse|factory|call[- ]cent(?:er|re)|leadership|executive|exec)\s+(?:staff|team|teams|workers|employees|personnel|crew|folks|people|ppl)\b"#,
                #"\bfront[- ]?line\b"#,
            ]
        ),
        (
            // "Repeat learners", "premium users", "mandatory training", "beginner courses",
            // "top performers", "learners on the free plan": a kind of learner or badge that
            // the data does not hold, which a blind test found dropped and the platform's
            // number given.
            .attribute,
            [
                #"\b(?:remote|repeat|returning|recurring|international|domestic|overseas|foreign|premium|paying|non-?paying|trial|enterprise|verified|unverified|independent|self[- ]?paced|instructor[- ]led|in[- ]person|virtual|mandatory|compulsory|required|optional|elective|beginners?|beginner-level|introductory|entry[- ]level|legacy|archived|retired|high[- ]potential|hi[- ]?po|vip|loyal|engaged|disengaged|at[- ]risk|struggling|certified|accredited|external|internal|guest|anonymous|dormant|churned|lapsed|b2b|b2c|corporate|free|online|offline|flagship|advanced|intermediate|basic|technical|non-?technical|soft[- ]skills?)\s+(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?(?:learners?|users?|students?|employees?|members?|participants?|trainees?|staff|customers?|clients?|accounts?|courses?|badges?|certifications?|certificates?|modules?|programs?|programmes?|tracks?|training|content|classes|enrol+ments?|registrations?)\b(?!\s*(?:‹badge›|‹org›))"#,
                // "The 3 most problematic courses", "the most underrated badges": a quality
                // the data does not hold, which blind test 44 found read as the most enrolled.
                // (Not with the measure named: "the most problematic badge by drop-out rate" is
                // the highest, "the least effective by completion rate" the lowest.)
                #"\b(?:most|least|more|less)\s+(?:problematic|underrated|overrated|controversial|valuable|important|useful|impactful|engaging|boring|confusing|relevant|interesting|innovative|influential|respected|prestigious|recommended|liked|loved|hated|disliked|appreciated|requested|demanding|challenging|effective|efficient|promising|worrying|concerning|troubled|troubling|at[- ]risk|risky)\b(?![^?.!]*\b(?:by|in terms of|on|for|with|when it comes to)\s+(?:the\s+|their\s+|its\s+)?(?:completion|drop[- ]?outs?|dropouts?|enrol+ments?|completions?|learners|time to complete|progress|attrition)\b)"#,
                // "Which organizations are the top performers": the organizations, ranked.
                #"\b(?=(?:top|best|high|low|poor|under|star|strong|weak)[- ]?performers?\b)(?<!\bare the )(?<!\bwere the )(?<!\bis the )(?<!\bwas the )(?:top|best|high|low|poor|under|star|strong|weak)[- ]?performers?\b|\b(?:top|high|low|under|best|worst)[- ]performing\s+(?:learners|users|students|employees|staff|people|individuals|members|trainees)\b"#,
                #"\b(?:on|in|with|under)\s+(?:the\s+|a\s+)?(?:free|paid|premium|pro|basic|enterprise|trial|business|team|starter|standard|plus)\s+(?:plans?|tiers?|subscriptions?|accounts?|licen[cs]es?|versions?)\b"#,
                #"\bnew\s+(?:badges|courses|certifications|modules|programs|programmes|tracks|content|classes)\b"#,
                // "Among experienced learners", "high-progress learners" (blind test 37).
                #"\b(?:experienced|inexperienced|seasoned|veteran|novice|high[- ]progress|low[- ]progress|high[- ]achieving|low[- ]achieving|motivated|committed|dedicated|serious|casual|occasional|frequent|heavy|light|keen|fast|slow|quick)\s+(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?(?:learners?|users?|students?|employees?|members?|participants?|trainees?|staff)\b"#,
                // "Graduate students", "older learners" (blind test 60): the learners'
                // education and age, which the data does not hold. (A
                // badge's "graduates" and "alumni" are the learners who completed it.)
                #"\b(?:graduate|undergraduate|postgraduate|grad|doctoral|phd|mba|older|younger|young|mature|adult|elderly|teenage|teen)\s+(?:(?:‹org›|‹badge›)(?:'s|’s)?\s+)?(?:learners?|users?|students?|employees?|members?|participants?|trainees?|staff|people)\b|\b(?:undergraduates|postgraduates)\b"#,
                // "Learners older than 30": an age (a year is before the shorthand's "before").
                #"\b(?:older|younger)\s+than\s+\d{1,2}\b(?![\d,.])"#,
                // Enrollments "made online", "taken in person": how, which the data does not hold.
                #"\b(?:made|taken|done|completed|enrolled)\s+(?:online|offline|in[- ]person|remotely|on[- ]site|face[- ]to[- ]face)\b"#,
                // "Which badges did learners take before they left Initech?" gave Initech's
                // steps from badge to badge: a learner's organization has no end in the data.
                #"\b(?:left|leave|leaves|leaving|quit|quits|quitting|departed|departing|resigned from|moved away from)\s+(?:(?:the\s+)?(?:company|organi[sz]ation|firm|employer)\b|‹org›)|\b(?:leavers|former (?:employees|staff|members|learners|users))\b"#,
                // "The completion rate for instructor-led Python Basics" gave all of Python
                // Basics (blind test 66): a way of taking a badge.
                #"\b(?:instructor[- ]led|self[- ]paced|in[- ]person|virtual|online|blended|live|on[- ]demand|classroom)\s+(?:(?:the|our)\s+)?(?:‹badge›|sessions?|cohorts?|classes)"#,
                // "Self-enrolled learners", "learners who enrolled on their own": how they
                // enrolled (blind test 63 got the thresholds' message).
                #"\b(?:on (?:their|his|her) own|by themselves|self[- ](?:enrol+ed|registered|selected|directed)|voluntarily|were assigned|was assigned|assigned by)\b"#,
            ]
        ),
        (
            // "Learners in Germany", "US learners" (blind tests 60 and 63): a place, which
            // the data does not hold.
            .place,
            [
                // "US learners", "non-US users", "UK-based staff": a place before the learners.
                // ("Show us learners by badge" is the pronoun.)
                #"(?<!show )(?<!tell )(?<!give )(?<!let )(?<!help )(?<!for )(?<!to )(?<!send )\b(?:non[- ])?(?:us|u\.s\.|usa|uk|eu|emea|apac|american|european|british|canadian|german|french|indian|asian|african)(?:[- ]based)?\s+(?:learners?|users?|students?|employees?|staff|members?|participants?|trainees?|enrol+ments?)\b"#,
                // "Us" and "states" only as a place: "from the US", not "took it from us" or "in
                // states other than completed".
                #"\b(?:in|from|across|outside|based in|located in)\s+(?:(?:the\s+)?(?:usa|u\.s\.(?:a\.)?|uk|u\.k\.|eu|united states|united kingdom|america|europe|asia|africa|canada|germany|france|india|china|japan|australia|brazil|mexico|spain|italy|emea|apac|latam|north america|south america|middle east)|the\s+(?:us|states))\b(?!\s*(?:‹badge›|‹org›))"#,
            ]
        ),
        (
            // "Cumulative number of learners at Initech", "enrollments per month, cumulative":
            // a blind test got the window's count, and the monthly counts.
            .cumulative,
            [
                #"\b(?:cumulative(?:ly)?|cumulated|accumulated|running (?:totals?|sums?|counts?)|rolling totals?|to-date totals?|year[- ]over[- ]year totals?)\b"#
            ]
        ),
        (
            // "What do learners who dropped Python Basics take next": every learner of the
            // badge was followed, 2,565 where 347 dropped it (a blind test). "Learners who
            // finished SQL Fundamentals" likewise: 779 of all its learners went on to Data
            // Visualization, 538 of those who completed it (blind test 53). "After completing
            // Python Basics" is where the sequences start, finished or not, and said so.
            .pathStatus,
            [
                #"\b(?:who|that)\s+(?:had\s+|have\s+|has\s+)?(?:complete[sd]?|finish(?:e[sd])?|passed|earned|dropped(?: out of)?|drop(?:ped)? out of|quit|abandoned|gave up on|given up on|failed|did not (?:finish|complete)|didn'?t (?:finish|complete)|never (?:finished|completed)|are still (?:in|taking))\s+(?:the\s+)?‹badge›"#,
                #"\bafter (?:dropping|quitting|abandoning|failing|giving up on|dropping out of)\s+(?:the\s+)?‹badge›"#,
            ]
        ),
        (
            // "What percentage of Acme & Sons learners completed Cloud Practitioner" gave the
            // badge's completion rate at Acme & Sons (58.13 %, 186 of 320 enrollments), where
            // 186 of Acme & Sons' 1,536 learners is 12.1 %. ("What percentage of Python Basics
            // learners at Initech completed" is that badge's rate there, and read.)
            .shareOfLearners,
            [
                #"\#(shareWord) of (?:all |the |our )*(?:‹org›(?:'s|’s)? \#(people)|\#(people) (?:from|at|in|of) ‹org›) (?:who |that )?(?:have |had |has )?(?:completed|finished|passed|earned|dropped(?: out of)?|quit|abandoned) (?:the )?‹badge›"#,
                // "What percentage of Hooli learners dropped out in 2025" gave Hooli's drop-out
                // rate of enrollments (35.10 %); 41 of its 56 learners dropped one (73.21 %).
                #"\#(shareWord) of (?:all |the |our )*(?:‹org›(?:'s|’s)? \#(people)|\#(people) (?:from|at|in|of) ‹org›) (?:who |that )?(?:have |had |has )?(?:ever |actually |eventually )?(?:completed|finished|passed|earned|graduated|dropped(?: out)?|quit|abandoned|gave up)\b(?!\s+(?:the\s+)?‹badge›)"#,
            ]
        ),
        (
            // "Top 3 badges at Initech by completion rate, lowest first" listed from the
            // highest.
            .listOrder,
            [
                // (Not "best first" or "worst first": for the drop-out rate the best is the lowest.)
                // "The longest to complete, fastest first" too (blind test 43).
                #"\b(?:top|most|highest|biggest|largest|busiest|longest|slowest)\b[^?.!]*\b(?:lowest|smallest|least|fewest|bottom|shortest|fastest|quickest)(?:\s+one)?\s+first\b|\b(?:bottom|least|lowest|fewest|smallest|shortest|fastest|quickest)\b[^?.!]*\b(?:highest|largest|biggest|most|top|longest|slowest)(?:\s+one)?\s+first\b"#
            ]
        ),
        (
            // "The top three to five badges by learners" was the top 3.
            .countRange,
            [
                #"\b(?:top|bottom|best|worst|first|last|highest|lowest)\s+(?:\d+|\#(count))\s*(?:to|-|–|or)\s*(?:\d+|\#(count))\b|\b(?:\d+|\#(count))\s*(?:to|-|–|or)\s*(?:\d+|\#(count))\s+(?:most|least|top|best|worst|biggest|largest|smallest|busiest|highest|lowest)\b"#
            ]
        ),
        (
            // "The monthly enrollment growth rate in 2025" gave the monthly counts and the year
            // against the year before (blind test 38): no rate of growth was given. ("MoM",
            // "quarter over quarter" and "quarterly growth" are the series by that period.)
            .periodChange,
            [#"\bgrowth rates?\b"#]
        ),
        (
            // "How many enrollments made in Q1 2026 were completed within Q1" gave every
            // completion dated in Q1 (1,581, where 1,169 of the enrollments made then were):
            // the window of the enrollments was dropped (blind test 37).
            .enrolledAndCompleted,
            [
                #"\b(?:enrol+ments?|sign[- ]?ups?|registrations?|\#(people)|those|ones)\s+(?:who\s+|that\s+|which\s+)?(?:were\s+|was\s+)?(?:made|started|begun|began|opened|created|enrol+ed|signed up|registered)\s+(?:in|during|within|on|from|since|between|after|before)\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|last|this|previous|past|first|second|week|month|quarter|year|\d)\b[^?.!]*\b(?:completed|finished|passed)\s+(?:in|within|during|by(?!\s+(?:now|today|the report\w*|this point|the as-of date)\b)|before|on|between|inside)\b(?!\s+(?:\d+|a|an|one|two|three|four|five|six|seven|ten|thirty)\s+(?:days?|weeks?|months?)\b)"#
            ]
        ),
        (
            // "Which learning paths end in Deep Learning" gave the paths from it, "which badge
            // do learners most often take last" the most enrolled badge, "the most common
            // 4-badge paths" the 3-badge ones and "what do they take 2 steps later" the next
            // badge (blind test 37): learning paths start from a badge and run three steps.
            .pathShape,
            [
                #"\b(?:paths?|journeys?|sequences?|routes?|progressions?|trajector(?:y|ies)|pathways?)\b[^?.!]*?\b(?:end(?:s|ed|ing)?|finish(?:es|ed|ing)?|conclud(?:e|es|ed|ing)|culminat(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|lead(?:s|ing)?(?: up)?|led(?: up)?)\s+(?:in|with|at|on|to|into)\s+(?:the\s+)?‹badge›"#,
                #"\b(?:take|takes|took|taken|taking|do|does|did|choose|chose|pick|picked)\s+(?:most often\s+|usually\s+|typically\s+)?(?:as\s+(?:their|the|a)\s+)?(?:last|final)\b(?!\s+(?:\d|(?:\w+\s+)?(?:weeks?|months?|days?|years?|quarters?|halfs?|halves|time|period|few|couple|couple of|several)\b))"#,
                #"\b(?:last|final)\s+(?:\#(badgeWord)|step|stop)\s+(?:in|of|on)\s+(?:their|a|the|each|every)\s+(?:\w+\s+)?(?:paths?|journeys?|sequences?|routes?)\b|\b(?:their|a learner's|each learner's|the learners')\s+(?:last|final|latest|most recent)\s+(?:\#(badgeWord)|step|enrol+ment)\b"#,
                #"\b(?:\d+|two|three|four|five|six|seven)[- ](?:step|badge|course|stage|stop|hop|leg)s?\s+(?:paths?|journeys?|sequences?|routes?|progressions?|chains?|pathways?)\b|\b(?:paths?|journeys?|sequences?|routes?|chains?)\s+(?:of|with)\s+(?:\d+|two|three|four|five|six|seven)\s+(?:or more\s+)?(?:steps|badges|courses|stages|stops)\b|\b(?:longest|shortest)\s+(?:paths?|journeys?|sequences?|chains?)\b"#,
                #"\b(?:\d+|two|three|four|five)\s+(?:steps|badges|courses|stages)\s+(?:later|after(?:wards)?|on|down the line|further|ahead)\b"#,
                // "The most common last badge", "which badges do learners finish their journey
                // with", "what do learners take after starting with SQL Fundamentals", "which
                // first badges lead to the highest completion rate" (over-refusal pass).
                #"\b(?:most common|usual|typical|most popular|commonest)\s+(?:last|final|closing|ending)\s+(?:\#(badgeWord)|step)\b|\b(?:finish|finishes|finished|end|ends|ended|complete|completes|wrap up|conclude|concludes|close|closes)\s+(?:their|the|a|his|her)\s+(?:learning\s+)?(?:journey|path|pathway|sequence|studies|track)\s+(?:with|on|at|by)\b|\bafter\s+(?:starting|beginning|starting out)\s+(?:with|on)\s+(?:the\s+)?‹badge›|\bfirst\s+\#(badgePlural)\s+(?:lead|leads|led|result|results)\s+(?:to|in)\b"#,
            ]
        ),
        (
            // Enrollments carry a date, not an hour, and no weekday is counted apart.
            .timeOfDay,
            [
                #"\b(?:in the (?:morning|afternoon|evening)|at (?:night|noon|midnight|lunch\w*|the weekend)|overnight|(?:mornings|afternoons|evenings|nights|weekends?|weekdays?)\b|on weekdays|during (?:the )?(?:day|night|work(?:ing)? hours|office hours|business hours)|(?:after|outside(?: of)?) (?:work(?:ing)? hours|office hours|business hours)|time of (?:the )?day|hour of (?:the )?day|day of (?:the )?week)"#,
                #"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b"#,
                #"\b(?:which|what) (?:hour|time of|day of)\b"#,
            ]
        ),
        (
            // "The ratio of completions to drop-outs": two measures divided.
            .twoMeasures,
            [
                #"\bratios? (?:of|between)\b"#,
                // "Which badges have more drop-outs than completions" listed the drop-outs.
                #"\b(?:more|fewer|less)\s+(?:drop[- ]?outs|dropouts|completions|enrol+ments|learners)\s+than\s+(?:drop[- ]?outs|dropouts|completions|enrol+ments|learners)\b"#,
                #"\b(?:completions|enrol+ments|drop[- ]?outs|learners) (?:per|to) (?:drop[- ]?outs|completions|enrol+ments)\b"#,
                // "Drop-outs per completion", "completions per drop-out", "drop-outs per 100
                // enrollments", "for every completion", "the completion-to-dropout ratio":
                // blind test 44 got one of the two counts.
                #"\b(?:completions?|completers?|enrol+ments?|drop[- ]?outs?|dropouts?|learners?)\s+(?:per|for every|for each|to every|against every)\s+(?:\d[\d,]*\s+|a\s+|one\s+|single\s+|hundred\s+|thousand\s+)?(?:drop[- ]?outs?|dropouts?|completions?|completers?|enrol+ments?)\b"#,
                #"\b(?:completions?|completion|enrol+ments?|enrol+ment|drop[- ]?outs?|dropouts?|learners?)[- ]to[- ](?:drop[- ]?outs?|dropouts?|completions?|completers?|enrol+ments?|learners?)(?:[- ]ratio|\s+ratio)?\b"#,
                // "How many learners started Python Basics in Q1 2026 and how many finished?"
                // was answered for the finishers alone.
                #"\bhow (?:many|much)\b[^?.!]*\b(?:and|plus|also|then)\s+how (?:many|much)\b"#,
                // "How many dropped out last month and what's the completion rate" gave the
                // drop-out rate: one status counted, another's rate asked.
                #"\b(?:dropped|drop(?:ped)? out|dropouts?|drop-outs?|quit|abandon\w*)\b[^?.!]*\band\b[^?.!]*\b(?:completion|success|pass|finish) rates?\b|\b(?:completed|finished|completions|passed)\b[^?.!]*\band\b[^?.!]*\b(?:drop[- ]?out|dropout|drop|attrition) rates?\b"#,
            ]
        ),
        (
            // "Finished within a week", "how many are halfway through": a count of those
            // past a line, which was answered with every completer or with the average.
            .threshold,
            [
                #"\b(?:within|in under|in less than|in fewer than|in more than|in over|less than|more than|longer than|faster than|quicker than|slower than)\s+(?:a|an|one|two|three|four|five|six|seven|ten|thirty|\d{1,3})\s+(?:days?|weeks?|months?)\b(?!\s+ago\b)"#,
                #"\bhow many\b[^?.!]*\b(?:halfway|half[- ]way|over half|more than half|less than half|\d{1,3}\s*%\s+(?:through|done|complete|of the way))"#,
                // "Among learners with little progress", "low-engagement learners", "barely
                // started", "nearly finished", "almost done", "close to finishing": a line on
                // progress, which blind test 44 found answered for every enrollment (or as
                // the average progress, or the completed ones).
                #"\b(?:with|having|of|at|showing|making|made)\s+(?:very\s+)?(?:little|low|high|some|minimal|partial|good|great|significant|substantial|strong|weak|poor|much|limited|zero|no|any|real)\s+(?:progress|engagement|activity)\b"#,
                #"\b(?:low|high|little|minimal|zero|poor|strong|weak|light|heavy)[- ](?:progress|engagement|activity|usage)\b"#,
                #"\b(?:barely|hardly|scarcely|just|only just|recently)\s+(?:started|begun|began|begin|enrol+ed|touched|signed up)\b"#,
                // ("How close to done is the average learner" and "learners stuck halfway or
                // nearly done?" ask for the average progress, and are read.)
                #"(?<=\bhow many\b[^?.!]{0,80})\b(?:nearly|almost|close to|near to|about to|on the verge of|on track to|on course to)\s+(?:finish\w*|complet\w*|done|there|the end|through)\b|\b(?:\#(people)|enrol+ments?|ones|those)\s+(?:(?:who|that)\s+(?:are|were|is|was)\s+)?(?:nearly|almost|close to|near to|about to|on the verge of|on track to|on course to)\s+(?:finish\w*|complet\w*|done|there|the end|through)\b|\bnear(?:ly)?[- ]complete\b"#,
                #"\b(?:highly|barely|poorly|hardly)\s+(?:engaged|active)\b"#,
                // "How many learners made progress in Python Basics" (the average progress
                // was given); "did enrollments double from 2024 to 2025" (the two years'
                // total; blind test 46).
                #"(?<=\bhow many\b[^?.!]{0,80})\b(?:made|make|making|makes|show(?:ed|s|ing)?)\s+(?:some\s+|any\s+|real\s+|good\s+)?progress\b"#,
                #"\b(?:doubled|tripled|quadrupled|halved)\b|\b(?:did|does|do|has|have|will)\b[^?.!]*\b(?:double|triple|quadruple|halve)\b(?![- ](?:digits?|the\b))"#,
                // "Among early enrollees", "learners who enrolled on their own".
                #"\b(?:early|late|first|earliest|latest)\s+(?:enrol+ees|enrol+ers|adopters|starters|joiners|birds|movers|signups|sign-ups)\b"#,
                // "How many learners completed Python Basics quickly": fast against what.
                #"\b(?:completed|complete|completing|finished|finish|finishing|passed|done|dropped(?:\s+out)?|drop out)\b(?:\s+(?:the\s+)?(?:‹badge›|\w+)){0,3}?\s+(?:quickly|fast|rapidly|speedily|swiftly|slowly|promptly|in no time)\b"#,
            ]
        ),
        (
            // "How many learners had their first badge in 2026" was answered with every
            // learner of the window's enrollments (2,019, where 919 began in 2026).
            .firstTimers,
            [
                #"\bhow many\b[^?.!]*\b(?:had|got|took|take|made|make|started|start|began|begin|earned|did|do|completed|finished|enrol+ed in|signed up for|picked) (?:their|a|his|her|the) (?:very )?first (?:\#(badgeWord)|enrol+ment|class|certification|module|program)s?\b"#
            ]
        ),
        (
            // "What do people take after Acme & Sons?" was answered with Acme & Sons'
            // enrollments: learning paths go from badge to badge.
            .organizationAsBadge,
            [
                #"\b(?:take|takes|took|taken|taking|do|does|did|enrol+\w*|go on to|move on to|moved on to|next|choose|chose|pick|picked|start|started)\b[^?.!]*\b(?:after|before|following|preceding)\s+(?:completing\s+|finishing\s+|taking\s+|doing\s+)?(?:the\s+)?‹org›(?!\s*(?:'s|’s))"#
            ]
        ),
        (
            // Nothing in the data says when a badge was due.
            .deadline,
            [
                // "Students who registered early": early against what, the data does not say.
                #"\b(?:registered|register|enrol+ed|enrol+|signed up|sign up|started|start|joined|finished|completed|submitted)\s+(?:very\s+)?early\b|\bearly (?:registrations?|registrants|enrol+ments?|enrol+ers|sign[- ]?ups?|birds?|starters|finishers|completers)\b"#,
                #"\b(?=behind\b)(?<!falling )(?<!fall )(?<!falls )(?<!fell )(?<!lag )(?<!lags )(?<!lagging )behind (?:on|in|with)\b|\bon time\b(?!\s+to\s+(?:complete|finish|completion))|\blate\b(?!\s+(?:in\s+)?(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|last|this|next|the year|the month|the quarter|q[1-4]))|\b(?:overdue|tardy)\b|\bdeadlines?\b|\b(?:behind|ahead of|on) schedule\b|\bdue dates?\b"#,
            ]
        ),
        (
            // "The completion rate of Python Basics for the first 100 learners" was given for
            // all 2,565 enrollments (65.96 %; the first 100, 63.0 %).
            .firstFew,
            [
                #"\b(?:first|last|earliest|latest|newest|oldest|most recent)\s+(?:\d{1,6}|ten|twenty|fifty|hundred|thousand|few|dozen)\s+(?:\#(people)|enrol+ments?|completions?|completers|sign[- ]?ups?|registrations?)\b"#
            ]
        ),
        (
            // "Top 0 badges" was read as the whole ranking.
            .emptyRanking,
            [
                #"\b(?:top|bottom)\s+(?:0+|zero|none)\b(?!\.\d)|\b(?:0+|zero)\s+(?:\w+\s+)?\#(rankWords)\b"#,
                // "Which 0 badges have the most learners" (the whole ranking), "top -5 badges"
                // (the top 5; blind test 45).
                #"\b(?:which|what|the|list|show)\s+(?:0+|zero)\s+(?:\#(badgePlural)|\#(orgPlural))\b|\b(?:top|bottom)\s*-\s*\d+\b|(?:^|\s)-\d+\s+(?:\#(badgePlural)|\#(orgPlural))\b"#,
            ]
        ),
        (
            // "The second most popular badge": rankings list the top or bottom, from the first.
            .ordinalRank,
            [
                #"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:most|least|largest|biggest|smallest|highest|lowest|best|worst|busiest|fastest|slowest|popular|place|ranked)\b"#,
                #"\b(?:ranks?|ranked|comes?|came|places?|placed|finish(?:es|ed)?)\s+(?:in\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b(?!\s+(?:half|quarter|week|month|time|attempt|try))"#,
                #"\b(?:runner[- ]up|number (?:two|three|2|3))\b"#,
                // "Which badge has nearly the most enrollments" was the first (blind test 46).
                #"\b(?:nearly|almost|close to|just behind|just below|just under|second only to)\s+(?:the\s+)?(?:most|top|highest|lowest|least|fewest|best|worst|biggest|largest)\b"#,
                // "What is the second badge learners usually take after SQL Fundamentals" gave
                // the next one.
                #"\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:\#(badgeWord)|step|stop)\b[^?.!]*\b(?:after|following|since|from)\b|\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(?:\#(badgeWord)|step)\s+(?:(?:\#(people)|they|we)\s+)?(?:usually\s+|most often\s+|typically\s+)?(?:take|takes|took|taken|enrol+\w*|do|does|pick|picks|choose|chooses)\b"#,
                // "Which badge do people most often take second": a place in the learners'
                // paths, which was dropped and the most enrolled badge given.
                #"\b(?:take|takes|took|taken|taking|do|does|did|start|starts|started|enrol+\w*(?: in)?|choose|chose|pick|picked)\s+(?:as\s+(?:their|the|a)\s+)?(?:second|third|fourth|fifth|2nd|3rd|4th|5th)\b(?!\s+(?:half|quarter|week|month|time|year))"#,
            ]
        ),
        (
            // "Which badge had the most completions, and what is its median time?": a second
            // question about the first's answer, which its page does not hold. ("How many
            // finish, and what is the completion rate" is one page: both are on it.)
            .twoQuestions,
            [
                // "How many learners from Umbrella Health completed Security Fundamentals in
                // 2025, and what is the completion rate" answered the rate's page, whose count
                // is of the enrollments made in 2025 that are completed (8), not the learners
                // who completed in 2025 (6): with a window, the count and the rate's own
                // completed enrollments differ.
                #"\bhow many\b[^?.!]*\b(?:in|during|since|last|this|past|between|from)\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|week|month|quarter|year|january|february|march|april|may|june|july|august|september|october|november|december)\b[^?.!]*,?\s+and\s+what(?:'s|’s|\s+is|\s+was)?\s+(?:the\s+|its\s+|their\s+)?(?:completion|drop[- ]?out|drop)\s+rates?\b"#,
                #"\b(?:which|top|bottom|most|fewest|least|highest|lowest|best|worst|biggest|largest|smallest)\b[^?.!]*[,;]?\s+(?:and|also|plus|then)\s+(?:what|how(?! many (?:does|do|did) (?:it|they) have)|which)\b[^?.!]*\b(?:its|their|it|they|that one|that badge|that organization)\b"#,
                #"\?\s*(?:and\s+)?(?:what|how|which|who|when|where|why)\b[^?.!]*\b(?:its|their|it|they)\b"#,
                // "How many Initech learners dropped out in 2025, and which badge did they drop
                // most?" answered the second part alone.
                // Without the comma too: "… dropped out in 2025 and what badge did they drop
                // most?" gave the badge alone. ("How many finish, and what is its completion
                // rate" is one page.)
                #"\bhow many\b[^?.!]*(?:,\s*(?:and\s+)?|\s+and\s+)(?:which|who|where|when|what\s+(?:\#(badgeWord)|\#(orgWord)))\b[^?.!]*\b(?:its|their|it|they|them)\b"#,
                // "How many learners enrolled in Q1 2026 and which organization had the most?",
                // "… and what did they complete most often?": the count was dropped and the
                // ranking given (blind test 37).
                #"\bhow many\b[^?.!]*(?:,\s*(?:and\s+)?|\s+and\s+)(?:which|what)\s+(?:one\s+|single\s+)?(?:\#(badgeWord)|\#(orgWord)|month|week|quarter|day|cohort)s?\s+(?:had|has|got|gets|saw|sees|did|does|was|is|were|are|led|leads|took|takes)\b"#,
                #"\bhow many\b[^?.!]*(?:,\s*(?:and\s+)?|\s+and\s+)what\s+(?:did|do|does)\s+(?:they|it|those|these)\b"#,

                // "Which organization had the most enrollments, with the fewest drop-outs" gave
                // the most drop-outs.
                #"\b(?:most|highest|biggest|largest)\b[^?.!]*\b(?:with|and|but)\s+(?:the\s+)?(?:fewest|least|lowest|smallest)\b|\b(?:fewest|least|lowest|smallest)\b[^?.!]*\b(?:with|and|but)\s+(?:the\s+)?(?:most|highest|biggest|largest)\b"#,
                // "The top 3 and bottom 3 badges", "the highest completion rate, and which has
                // the lowest", "top 3 badges by completion rate, then the bottom 3": two
                // rankings.
                #"\b(?:top|best|highest|most)\b[^?.!]*?[,;]?\s+(?:and|plus|then|also|followed by|as well as)\s+(?:also\s+)?(?:the\s+)?(?:bottom|worst|lowest|least|fewest)\s+(?:\d+|\#(Vocabulary.count))\b|\b(?:bottom|worst|lowest|least|fewest)\b[^?.!]*?[,;]?\s+(?:and|plus|then|also|followed by|as well as)\s+(?:also\s+)?(?:the\s+)?(?:top|best|highest|most)\s+(?:\d+|\#(Vocabulary.count))\b"#,
                #"\b(?:highest|most|best|top)\b[^?.!]*?,?\s+(?:and|plus)\s+(?:which|what|who)\s+(?:\w+\s+){0,2}?(?:the\s+)?(?:lowest|least|worst|fewest|bottom)\b|\b(?:lowest|least|worst|fewest|bottom)\b[^?.!]*?,?\s+(?:and|plus)\s+(?:which|what|who)\s+(?:\w+\s+){0,2}?(?:the\s+)?(?:highest|most|best|top)\b"#,
                // "The 3 most and 3 least popular badges" gave the top 3.
                #"\b(?:top|best|highest|most)\b(?:\s+\w+){0,3}?\s+(?:and|&|plus|vs\.?|versus)\s+(?:the\s+)?(?:\d+\s+|\#(Vocabulary.count)\s+)?(?:bottom|worst|lowest|least|fewest)\b|\b(?:bottom|worst|lowest|fewest)\b(?:\s+\w+){0,3}?\s+(?:and|&|plus|vs\.?|versus)\s+(?:the\s+)?(?:\d+\s+|\#(Vocabulary.count)\s+)?(?:top|best|highest|most)\b"#,
            ]
        ),
        (
            // "How long do learners wait between Python Basics and Python Intermediate": the
            // gap between two enrollments, shown on a learning path's page, not computed alone.
            .timeBetweenBadges,
            [
                #"\b(?:wait|waits|waiting|waited|gap|gaps|time|days|weeks|months|delay|lag|how long)\b[^?.!]*\bbetween (?:the )?‹badge› and (?:the )?‹badge›(?!'s|’s|\s+(?:completion|drop[- ]?out|drop|enrol+ment|learner)s?\b|\s+(?:in|on|for)\s+(?:completion|drop[- ]?out|drop)\b)"#,
                #"\bhow long\b[^?.!]*\b(?:after|from) (?:finishing |completing |taking )?(?:the )?‹badge›[^?.!]*\b(?:until|till|before|to) (?:they )?(?:start|take|enrol+|begin)?\w*\s*(?:the )?‹badge›"#,
            ]
        ),
        (
            // "Compare Python Basics and Initech": a badge set against an organization, which
            // no comparison does (it was answered for Python Basics at Initech).
            .mixedComparison,
            [
                #"‹badge›,?\s+(?:and|vs\.?|versus|or|against|compared (?:with|to)|with|to)\s+(?:the\s+)?‹org›(?![^?.!]*\b(?:and|vs\.?|versus|or|against|compared (?:with|to))\s+(?:the\s+)?‹org›)[^?.!]*\b(?:compar\w*|vs\.?|versus|against|differ\w*|better|worse|more|fewer|higher|lower)\b|\b(?:compar\w*|vs\.?|versus|against|between)\b[^?.!]*‹badge›,?\s+(?:and|vs\.?|versus|or|against|compared (?:with|to)|with|to)\s+(?:the\s+)?‹org›(?!\s+(?:and|vs\.?|versus|or)\s+(?:the\s+)?‹org›)"#,
                #"‹org›,?\s+(?:and|vs\.?|versus|or|against|compared (?:with|to)|with|to)\s+(?:the\s+)?‹badge›(?![^?.!]*\b(?:and|vs\.?|versus|or|against|compared (?:with|to))\s+(?:the\s+)?‹badge›)[^?.!]*\b(?:compar\w*|vs\.?|versus|against|differ\w*|better|worse|more|fewer|higher|lower)\b|\b(?:compar\w*|vs\.?|versus|against|between)\b[^?.!]*‹org›,?\s+(?:and|vs\.?|versus|or|against|compared (?:with|to)|with|to)\s+(?:the\s+)?‹badge›(?!\s+(?:and|vs\.?|versus|or)\s+(?:the\s+)?‹badge›)"#,
                #"‹org› compares? (?:with|to|against) (?:the )?‹badge›|‹badge› compares? (?:with|to|against) (?:the )?‹org›"#,
            ]
        ),
        (
            .statusFilter,
            [
                #"\b(?:dropped|drop[- ]?outs?|dropouts|quitters|completed|completers|finished|finishers|passed|in[- ]progress|active|inactive|enrolled-only)\s+(?:\#(people)|enrol+ments)\b"#,
                #"\b\#(people) (?:who|that) (?:have |has |had )?(?:dropped|quit|completed|finished|passed|abandoned)\b"#,
                // "Learners in Deep Learning who are still in progress": the status after the
                // names and words between.
                #"\b(?:who|that)(?: (?:are|is|were|was|remain|remained|stay|stayed|have been|has been|have|has|had))?(?: still| already| now)? (?:in[- ]progress|ongoing|unfinished|active|inactive|dropped(?: out)?|drop(?:ped)? out|quit|completed|finished|passed|abandoned)\b"#,
                #"\b(?:still|currently) (?:in[- ]progress|active|ongoing|taking|enrol+ed|working on|studying|doing)\b"#,
            ]
        ),
    ]
}

extension Vocabulary {
    /// Words of a change, which a rate, a time or progress answers only against a window
    /// ("this year against last year").
    static let changeWords =
        #"\b(?:improv\w*|worsen\w*|deteriorat\w*|increas\w*|decreas\w*|declin\w*|gr[eo]w(?:n|s|ing|th)?|rose|risen|fell|fallen|gone (?:up|down)|go(?:es|ing)? (?:up|down)|went (?:up|down)|chang(?:e|ed|es|ing)|shift(?:ed|s)?|moved|jump(?:ed|s)?|slipp(?:ed|ing)|getting (?:better|worse)|up or down|down or up|rising|falling(?!\s+behind)|on the rise|trending (?:up|down)\w*)\b"#
        // "Which organization shrank the most in 2025", "saw enrollments fall the most",
        // "gained the most learners" named the biggest (a blind test: every organization grew).
        + #"|\b(?:shr[ai]nk\w*|shrunk(?:en)?|contract(?:ed|ing)|(?:gain|add)(?:ed|s|ing)?\s+(?:the\s+)?(?:most|fewest|least|more|fewer))\b"#
        + #"|\b(?=fall\b)(?<!\bin )(?<!\bthis )(?<!\blast )(?<!\bthe )(?<!\bnext )(?<!\bprevious )fall\b(?!\s+(?:(?:19|20)\d{2}|semester|term|quarter|season|cohort|intake|behind)\b)"#
        // "Is the Initech completion rate higher or lower this year": not "higher or lower
        // than Hooli's", which sets two names side by side.
        + #"|\b(?:higher or lower|lower or higher|better or worse|worse or better)\b(?![^?.!]*\bthan\b)"#
        // "Are drop-outs up this month?" (a blind test got the month's drop-outs).
        + #"|^\s*(?:are|is|were|was|have|has)\b[^?.!]*\b(?=up\b|down\b)(?<!signed )(?<!sign )(?<!picked )(?<!set )(?<!follow )(?<!followed )(?<!broken )(?<!break )(?<!back )(?<!sum )(?<!add )(?<!added )(?<!show )(?<!shown )(?<!turn )(?<!turned )(?<!ramp )(?<!ramped )(?<!gone )(?<!went )(?<!go )(?<!goes )(?<!going )(?:up|down)\b(?!\s+(?:to|until|till|through|with)\b)"#
    /// Words of a total of several names.
    static let totalWords =
        #"\b(?:combined|together|altogether|in total|in aggregate|summed|sum of|jointly)\b|(?:‹org›|‹badge›)\s*\+\s*(?:‹org›|‹badge›)"#
        // "How many learners took either Docker Basics or Kubernetes Essentials": one number
        // for the two (518 distinct learners), where each was counted on its own.
        + #"|\beither\b|\b(?:how many|number of|count of)\b[^?.!]*(?:‹org›|‹badge›),? or (?:the )?(?:‹org›|‹badge›)"#
    /// "Total", which adds the names up ("the total enrollments of Initech and Hooli") unless
    /// the question sets them apart (`apartWords`).
    static let totalWord = #"\btotals?\b"#
    /// Words that set names apart, so that "compare the total enrollments of Initech and
    /// Hooli" asks for each one's total (it was refused as a sum).
    static let apartWords = #"\b(?:compar(?:e|es|ed|ing|ison)|vs\.?|versus|against)\b|"# + eachWords
    /// The words of `apartWords` that a comparison of two windows does not use: with a second
    /// window, "total enrollments at Initech and Hooli in 2025 compared with 2024" is a sum.
    static let eachWords =
        #"\b(?:each|respective(?:ly)?|side by side|individually|separately|apiece|one by one|per (?:organi[sz]ation|org|company|badge|course))\b"#
}
