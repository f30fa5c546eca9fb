extension Vocabulary {
    /// Each measure's phrases, in the order they are tried: the first that matches wins,
    /// so the narrower reading ("completion rate") comes before the broader ("completed").
    /// Not before a date: "enrollments preceding 2025", "starting with 2026-06-20" bound a
    /// window (a blind test got the badges taken before others, and the first badges).
    static let datePointAhead =
        #"(?!\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]\b|h[12]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:last|this|next|previous)\s+(?:day|week|month|quarter|half|year)\b|today\b|yesterday\b))"#

    /// Not before a date written out: "starting with 2026-06-20" bounds a window.
    static let datedAhead =
        #"(?!\s+(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]\b|h[12]\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))"#

    static let measures: [(measure: Measure, patterns: [String])] = [
        (
            .previousBadge,
            [
                #"\bbefore (?:(?:taking|starting|enrolling in|doing|attempting|tackling|trying|they take|they start|moving on to|moving to|going into) )?(?:the )?(?:\#(badgeWord) )?‹badge›"#,
                #"\bprior to (?:(?:taking|starting|enrolling in|doing) )?(?:the )?‹badge›"#,
                #"\bahead of (?:(?:taking|starting|enrolling in|doing) )?(?:the )?‹badge›"#,
                #"\bprerequisites?\b"#, #"\bprecede[sd]?\b"#,
                #"\bpreceding\b(?!\s+(?:\d+\s+|\w+\s+)?(?:days?|weeks?|months?|quarters?|years?|periods?|windows?)\b)"#
                    + datePointAhead,
                #"\bgroundwork\b"#,
                #"\b(?:lead|leads|leading|led) (?:in)?to (?:the )?‹badge›"#, #"\bfeeders?\b"#,
                #"\bfeeds? into\b"#,
                #"\blead[- ]ins?\b"#, #"\bstepping[- ]stones?\b"#,
                #"\bgateway (?:in)?to (?:the )?‹badge›"#,
                #"\bunder (?:their|the|your) belts?\b"#,
                #"\b(?:by the time|when|once) (?:they|learners|people|users|students|someone) (?:reach|reached|reaches|arrive at|arrived at|arrives at|get to|got to|gets to)\b"#,
                #"\bbefore (?:taking|starting|enrolling|doing|attempting|tackling)\b"#,
                #"\b(?:take|took|do|did|complete|completed|finish|finished) (?:first |beforehand |just )?before\b"#,
                #"\bcomes? (?:right |just |directly )?before\b"#,
                #"\bprevious (?:badge|course|step)s?\b"#,
                #"\bprior (?:badge|course|step)s?\b"#, #"\bgo(?:es)? into (?:the )?‹badge›"#,
                #"\bget(?:s)? (?:people |learners |them )?ready for\b"#,
                #"\bprepar\w+ (?:people |learners |them )?for (?:the )?‹badge›"#,
            ]
        ),
        (
            .nextBadge,
            [
                #"\bnext (?:badge|course|certification|track|step|module|class|stop|move)s?\b"#,
                #"\b(?:take|takes|taking|took|do|does|go|goes|going|move|moves|moving|head|heads|enrol+|enrol+s|choose|chooses|pick|picks|try|tries|jump|jumps)\b[^?.!]*\bnext\b"#,
                #"\bafter (?:(?:taking|completing|finishing|earning|passing|doing|getting|they finish|they complete|they take) )?(?:the )?(?:\#(badgeWord) )?‹badge›"#,
                #"\bafter (?:completing|finishing|earning|passing)\b"#,
                #"\bonce (?:(?:someone|people|learners|users|they|a learner|you) )?(?:(?:wraps?|wrapped) up |finish(?:es|ed)? |complet(?:es|ed) |(?:has|have) (?:done|finished|completed) |(?:is|are) done with )?(?:the )?‹badge›"#,
                #"\bhaving (?:done|completed|finished|passed|earned) (?:the )?‹badge›"#,
                #"‹badge› is in the bag\b"#,
                // Not "follow-up question: what is the completion rate…", "as a follow-up,",
                // "a quick follow-up on Deep Learning" (a blind test got the next badges).
                #"\bcomes? (?:right |just |directly )?after\b"#,
                #"(?<!as a )\bfollow[- ]?ups?\b(?!\s*(?:questions?|q\b|on\b|:|,|-|–|—))"#,
                // "What do learners take following Python Basics", "post Python Basics" (a
                // blind test got Python Basics' own enrollments).
                #"\bfollows?\s+(?:on\s+from\s+)?(?:the\s+)?(?:\#(badgeWord)\s+)?‹badge›"#,
                #"(?<!\bare )(?<!\bis )(?<!\bcurrently )(?<!\bstill )(?<!\bwere )(?<!\bbe )\b(?:following|post|subsequent to|in the wake of)\s+(?:(?:taking|completing|finishing|earning|passing|doing)\s+)?(?:the\s+)?(?:\#(badgeWord)\s+)?‹badge›"#,
                #"\bfollow[- ]on\b"#,
                #"\b(?:go|goes|move|moves|progress|progresses|continue|continues|head|heads) on to\b"#,
                #"\b(?:progress|progresses|graduate|graduates|advance|advances|upgrade|upgrade) (?:on )?to\b"#,
                // A badge's graduates who then take something ("what do SQL Fundamentals
                // alumni tend to tackle afterwards"); on their own they are its completions
                // ("how many alumni does SQL Fundamentals have" gave its enrollments).
                #"‹badge› (?:grads|graduates|completers|finishers|alumni)\b(?=[^?.!]*\b(?:take|takes|took|taking|pursue|pursued|chase|tackle|tackled|choose|chose|pick|picked|move on|moved on|go on|went on|head|headed|afterwards?|next)\b)"#,
                #"\bwhat(?:'s| is) next\b"#,
                #"\bsubsequent (?:badge|course)s?\b"#, #"\bfollow (?:up )?with\b"#,
                #"\bwhere do (?:\S+ ){0,4}(?:head|go|turn)\b"#,
                #"\bwhat do (?:\S+ ){0,3}(?:chase|pursue|go for|tackle) (?:next|after|afterwards)?"#,
                #"\b(?:badge|course)s? (?:people |learners |users |they )?(?:follow|pursue)\b"#,
            ]
        ),
        (.paths, [#"\b(?:learning )?(?:path|pathway|journey|sequence|itinerar(?:y|ies))s?\b"#]),
        (
            .firstBadge,
            [
                #"\bfirst (?:badge|course|certification|certificate|track|enrol+ment|step|class|module|program|choice|pick|stop)s?\b"#,
                // Not before a date ("enrollments starting with 2026-06-20"); "which badge do
                // people start with this year" is the first badge (blind test 41).
                #"(?<!\blet's )(?<!\blets )(?<!\blet us )(?<!\bto )\b(?:start|starts|started|begin|begins|began|starting|beginning|kick off|kicks off|kicked off) (?:out )?(?:with|on|their (?:journey|learning) (?:with|on))\b(?!\s+(?:the\s+)?(?:enrol\w*|complet\w*|drop\w*|numbers?|counts?|rates?|totals?|learners|people|basics)\b)"#
                    + datedAhead,
                #"\bstarting (?:badge|course|point)s?\b"#,
                // "Which badge did learners start first in 2026" (a blind test got every
                // badge's enrollments).
                #"\b(?:start|starts|started|starting|begin|began|begins)\s+first\b"#,
                // "Who took Python Basics first": the first badge, not all its learners.
                #"\b(?:took|take|takes|taken|taking|did|do|does|chose|choose|picked|pick|enrol+ed in|enrol+ in)\s+(?:the\s+)?‹badge›\s+(?:as (?:their|a|the|your) )?first\b(?!\s+(?:time|week|month|quarter|half|day|year))"#,
                // "Which badge is most often taken first": the badge, not a named one.
                #"\b(?:taken|took|take|takes|chosen|picked|started|done)\s+first\b(?!\s+(?:time|week|month|quarter|half|day|year))"#,
                #"\bentry[- ]?(?:point|level badge|badge|course)s?\b"#,
                #"\bgateway (?:badge|course)s?\b"#, #"\bopening (?:badge|course)s?\b"#,
                #"\bon[- ]?ramps?\b"#,
                #"\b(?:badge|course)s? (?:people|learners|users|newcomers|new learners|they) (?:start|begin)\b"#,
                #"\bfirst (?:thing|one)s? (?:people|learners|users|newcomers) (?:take|try|enrol+)\b"#,
                // "The first thing Initech people take".
                #"\bfirst (?:thing|one|course|badge)s? (?:(?:that|which)\s+)?(?:‹org›\s+)?(?:people|learners|users|newcomers|staff|employees|they)\s+(?:take|try|enrol+|do|pick|choose)\b"#,
                #"\b(?:people|learners|users|they|someone) first (?:show up|arrive|join|sign up|start)\b"#,
                // "Where do most people start?" was the count of learners.
                #"\bwhere (?:do|does|did) (?:most |the most |new |our )?(?:‹org›(?:'s|’s)?\s+)?(?:\#(people)|they|everyone|everybody)(?:\s+(?:at|from|in)\s+‹org›)? (?:usually |typically |normally |generally |mostly |tend to |often |first )?(?:start|begin|kick off)\b"#,
                #"\b(?:newcomers?|new (?:hires|joiners|starters|learners|users|arrivals)|brand[- ]new \w+)\b[^?.!]*\b(?:start|begin|kick|first|dive|dip|stop|head|go)"#,
                #"\bkick(?:s|ed)? (?:things |it )?off\b"#, #"\bdip (?:their|a|your) toes?\b"#,
            ]
        ),
        (.averageProgress, [#"\b(?:average|avg|mean|typical|median) progress\b"#]),
        (
            .paths,
            [
                #"\b(?:learning )?(?:path|pathway|journey|sequence|progression|trajector(?:y|ies)|route|itinerar(?:y|ies))s?\b"#,
                #"\b(?:in )?what order\b"#, #"\border (?:in which|of)\b"#, #"\btransitions?\b"#,
                // Not "still in progress from Q1 2026", a status.
                #"(?<!in )(?<!in-)\b(?:progress|progresses|move|moves|advance|advances|flow|flows|travel|travels) (?:through|from|across)\b"#,
                #"\bcombinations? of (?:badge|course)s\b"#, #"\bchain(?:s|ed|ing)?\b"#,
                #"\bhop(?:s|ping)? (?:around|between)\b"#,
                #"\bbadge[- ]to[- ]badge\b"#, #"\bcourse[- ]to[- ]course\b"#,
                #"\bwell[- ]trodden\b"#,
            ]
        ),
        (
            .timeToComplete,
            [
                #"\bhow long\b"#,
                #"\btimes? (?:it takes )?to (?:complete|finish|completion|earn|pass|get)\b"#,
                #"\btime[- ]to[- ](?:complete|completion|finish)\b"#,
                #"\bdays to (?:complete|finish|completion|earn)\b"#,
                #"\bcompletion (?:time|speed|duration)s?\b"#, #"\bduration\b"#,
                #"\bhow (?:quickly|fast|slowly)\b"#,
                #"\bhow many (?:days|weeks|months|hours)\b"#, #"\bhow much (?:calendar )?time\b"#,
                #"\btime taken\b"#, #"\b(?:least|most|less|more|shortest|longest) time\b"#,
                #"\bturnaround\b"#, #"\bcalendar time\b"#, #"\bracing\b"#, #"\bcrawl"#,
                #"\bdrag(?:s|ged|ging)? on\b"#,
                #"\b(?:forever|ages) to (?:finish|complete)\b"#,
                #"\btak(?:e|es|ing) (?:\w+ )?(?:forever|ages)\b"#,
                #"\b(?:fastest|quickest|slowest|longest|shortest) (?:to )?(?:complete|finish|earn|pass)\b"#,
                #"\b(?:fastest|quickest|slowest|longest|shortest) (?:badge|course|certification|certificate|program|track|one)s? (?:to )?(?:complete|finish|earn|pass)\b"#,
                #"\b(?:complete|finish|completed|finished) (?:the )?(?:fastest|quickest|slowest)\b"#,
                // "the fastest completion": the time, not the completion rate.
                #"\b(?:fastest|quickest|slowest|speediest) (?:completions?|finish(?:es)?)\b(?!\s*(?:rate|percentage|ratio|share|%))"#,
                #"\b(?:complete|finish|completes|finishes)\s+(?:the\s+)?‹badge›\s+(?:the\s+)?(?:fastest|quickest|slowest)\b"#,
                #"\bspeed\b"#, #"\bweeks\b[^?.!]*\beat"#,
                // "Are Initech people finishing Docker Basics faster than Hooli's?"
                #"\b(?:finish\w*|complet\w*)\b[^?.!]*\b(?:faster|slower|quicker|more quickly|more slowly|sooner)\b"#,
                // "Is Hooli faster than Initech at completing Python Basics" (it was read as
                // completions).
                #"\b(?:faster|slower|quicker|speedier)\b[^?.!]*\b(?:at|in|to)\s+(?:finish\w*|complet\w*)\b"#,
                // "Which 3 badges were slowest this year": their time to complete, as "which
                // course is the slowest" (it was the fewest enrollments); not "grew fastest".
                #"^(?![^?.!]*\bgr[eo]w)[^?.!]*\b(?:\#(badgeWord)|\#(badgePlural))\b[^?.!]*\b(?:slowest|fastest|quickest|slower|faster|quicker)\b"#,
                // "How much longer does Deep Learning take than Python Basics" (enrollments).
                #"\b(?:longer|shorter|quicker|faster|slower)\b[^?.!]*\btak(?:e|es|ing)\b|\btak(?:e|es|ing)\b[^?.!]*\b(?:longer|shorter)\b"#,
                // "Which course is the slowest?", "the slowest learners": speed is the time to
                // complete, not a ranking of enrollments. "The fastest-growing organization"
                // and "which grew (the) fastest" are growth ("which badge grew the fastest" was
                // refused as a change of the time to complete).
                // "The slowest month for completions" is the quietest, a count.
                #"(?<!\bgrow the |\bgrows the |\bgrowing the |\bgrew the |\bgrown the |\brose the |\brising the |\bgrow |\bgrows |\bgrowing |\bgrew |\brising |\brose |\brises |\bdeclining |\bshrinking |\bfalling |\bclimbing |\bgaining |\bincreasing |\bdecreasing |\bwas the |\bwere the |\bis the |\bwas |\bwere )\b(?:the )?(?:fastest|quickest|slowest|speediest)\b(?![- ](?:grow|ris|declin|shrink|fall|climb|gain|increas|decreas|expand|mov|chang))(?!\s+(?:days?|weeks?|months?|quarters?|years?|periods?|seasons?|times? of (?:the )?year)\b)(?!\s+(?:\S+\s+){0,2}(?:rates?|percentages?|ratios?|shares?)\b)"#,
            ]
        ),
        (
            .inProgress,
            [
                #"\bin[- ]progress\b"#, #"\bongoing\b"#, #"\bunfinished\b"#,
                #"\bstill (?:going|working on|enrol+ed in|learning|studying|taking|doing)\b"#,
                // "Still in the Python Basics track", "learning right now": taking it now.
                #"\bstill (?:in|on|inside|within)\s+(?:the\s+)?(?:‹badge›|\#(badgeWord))"#,
                #"\b(?:learning|studying)\s+(?:right\s+)?now\b"#,
                #"\bhow many\b[^?.!]*\b(?:still|currently)\s+active\b"#,
                #"\blearning\s+(?:the\s+)?‹badge›\s+(?:right\s+)?now\b"#,
                // "How many are stuck on Kubernetes", "actively in Docker Basics".
                #"\bstuck (?:on|in|at|with)\b"#,
                // "Currently working through Deep Learning", "partway through", "in the middle
                // of Git & GitHub" gave every learner of the badge (blind test 41).
                #"\b(?:working|grinding|making (?:their|his|her|its) way|ploughing|plowing|slogging|progressing|going)\s+through\s+(?:(?:the|a|an|their|his|her|one)\s+)?(?:‹badge›|\#(badgeWord))"#,
                // Not "bailing on Deep Learning partway", "losing learners midway": drop-outs.
                #"\b(?:partway|part-way|part way|midway|mid-way|mid way)\s+(?:done|through|finished|completed?|in)\b(?!\s+(?:through\s+|into\s+)?(?:the\s+)?(?:(?:19|20)\d{2}|q[1-4]|h[12]|year|month|quarter|week|term|semester|period|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b)"#,
                #"\bin the middle of\s+(?:(?:the|a|an|their)\s+)?(?:‹badge›|(?:\#(badgeWord)|it|them|one)\b)"#,
                // "How many learners are currently following the Python Basics course" (it
                // was the next badges after it).
                #"\b(?:are|is|currently|still)\s+following\s+(?:(?:the|a|an|their)\s+)?(?:\#(badgeWord)\s+)?(?:‹badge›|\#(badgeWord))"#,
                #"\bactively (?:in|taking|doing|working on|studying|learning)\b"#,
                // A count of those taking a badge now; "the completion rate of learners
                // currently enrolled" stays a rate.
                #"\bhow many\b[^?.!]*\b(?:currently|right now|at the moment|at present|presently)\s+(?:taking|enrol+ed in|working on|studying|doing|learning|going through)\b"#,
                #"\bhow many\b[^?.!]*\b(?:taking|working on|studying|learning|enrol+ed in|signed up for|registered for)\b[^?.!]*\b(?:right now|currently|at the moment|at present)\b"#,
                #"\bnot (?:yet )?(?:finished|completed) (?:yet|so far)\b"#,
                #"\b(?:haven'?t|have not|hasn'?t|has not) (?:yet )?(?:finished|completed)(?: \S+){0,3} yet\b"#,
            ]
        ),
        (
            .dropRate,
            [
                #"\bdrop(?:s|ped|ping)?[- ]?(?:out|off)s?\b"#, #"\bdropouts?\b"#,
                // "What % of Kubernetes Essentials enrollments dropped in H2 2025" was refused
                // as a share of a total; "what % … were completed" is the completion rate.
                #"(?:\b(?:percent|percentage|share|proportion|fraction|portion)\b|%)\s+of\b[^?.!]*\b(?:enrol+ments?|registrations?)\s+(?:(?:were|was|got|have been|has been|had been)\s+)?dropped\b"#,
                // Not the verb of a change: "has the completion rate dropped", "enrollments
                // dropped last month" were read as the drop-out rate.
                #"\bdrop rates?\b"#,
                #"(?<!(?:rate|rates|enrollments|enrolments|completions|numbers|signups|sign-ups|figures|count|counts|totals?) )(?<!(?:rate|rates|enrollments|enrolments|completions|numbers|signups|sign-ups|figures|count|counts|totals?) (?:has|have|had) )(?<!(?:rate|rates|enrollments|enrolments|completions|numbers|signups|sign-ups|figures|count|counts|totals?) (?:has|have|had) it )\bdropped\b"#,
                // "Which badge do most people drop?": the verb, not "a drop in enrollments".
                // Not "a drop in enrollments"; "the most people drop in 2025" is dropping.
                #"\b(?:\#(people)|they|who|most|least|often) drops?\b(?! in\b(?!\s+(?:(?:19|20)\d{2}\b|q[1-4]\b|h[12]\b|last\b|this\b|the (?:last|past|first|second)\b|january|february|march|april|may|june|july|august|september|october|november|december)))"#,
                #"\bdrops? (?:the )?(?:most|least|fewest|more|less)\b"#,
                #"\babandon"#, #"\bquit(?:s|ting|ters?)?\b"#, #"\b(?:give|gives|gave|giving) up\b"#,
                // "How many people ditched Advanced Python", "walked away from Deep Learning"
                // gave every learner of the badge (blind test 41).
                #"\bditch(?:ed|es|ing)?\b"#, #"\b(?:walk|walks|walked|walking) away\b"#,
                #"\bchurn"#,
                #"\battrition\b"#, #"\bwithdr[ae]w"#,
                #"\b(?:un|de)regist(?:er|ered|ers|ering|ration)\b"#,
                #"\bleave (?:before|without)\b"#,
                #"\bbail(?:s|ed|ing)? (?:out|on)\b"#, #"\bghost"#, #"\bjump(?:s|ing|ed)? ship\b"#,
                #"\bleak"#,
                #"\bfall(?:s|ing)? (?:off|away)\b"#,
                #"\blos(?:e|es|ing|t) (?:a lot of |many |the most |the fewest |fewest |most |more |so many )?\#(people)"#,
                // "How many learners did Globex Corporation lose in 2026?"
                #"\b\#(people)\b[^?.!]*\b(?:did|does|do|has|have|had) (?:the )?(?:(?:‹org›|‹badge›)(?: \#(orgWord)| \#(badgeWord)| region| division| office)?|we|you|platform|\#(orgWord)|\#(badgeWord)) los(?:e|t)\b"#,
            ]
        ),
        // Completions over time are a count per period (organization_trends), not a rate.
        (
            .completions,
            [
                #"\bcomplet(?:ed|ions?)\s+(?:trend\w*|over time|per (?:day|week|month|quarter)|by (?:day|week|month|quarter))"#,
                #"\b(?:daily|weekly|monthly|quarterly)\s+complet(?:ed|ions?)\b(?!\s*(?:rate|percentage|ratio|%))"#,
                #"\btrends? (?:in|of|for) complet(?:ed|ions?)\b(?!\s*(?:rate|percentage|ratio|%))"#,
                // "Growth in completions" is completions per period, not enrollments.
                #"\b(?:growth|increase|rise|decline|decrease|change)s? (?:in|of) complet(?:ed|ions?)\b(?!\s*(?:rate|percentage|ratio|%))"#,
                #"\bcomplet(?:ed|ions?) (?:growth|grew|grow|growing|increased?|declined?)\b"#,
            ]
        ),
        (
            .completionRate,
            [
                #"\b(?:completion|success|pass|passing|finish|graduation|completing) ?(?:rate|percentage|ratio|share|%)s?\b"#,
                #"\brates? of (?:completion|success|finishing)\b"#,
                // "%" stands outside the word boundaries: "what % of … were completed" was
                // read as a share of a total, where "what percentage" is the rate.
                #"(?:\b(?:percent|percentage|share|proportion|fraction|ratio|portion|how much of|slice|odds|chances?|likel\w*|probability)\b|%)[^?.!]*\#(finished)"#,
                #"\#(finished)[^?.!]*\b(?:ratio|rate|odds|percent\w*)\b"#,
                #"\b(?:what|which) (?:part|proportion)\b[^?.!]*\b(?:complet|finish)"#,
                #"\bhow often\b[^?.!]*\#(finished)"#,
                // "Which organization completes Deep Learning more often, Initech or Hooli"
                // (it counted completions, which point the other way).
                #"\b(?:complet\w*|finish\w*)\b[^?.!]*\b(?:more|less) often\b"#,
                #"\b(?:complet|finish)\w* (?:‹badge› |\#(badgeWord) )?(?:their |the |a |)(?:badges? |courses? )?(?:most|least) often\b"#,
                #"\b(?:complet|finish)\w* (?:best|worst)\b"#,
                // "Which organization is worst at finishing Python Basics": how often, a rate.
                #"\b(?:best|worst|better|worse|good|bad|great|poor|strongest|weakest) at (?:finishing|completing|getting through|passing)\b"#,
                #"\bcompletion\b(?! ?(?:time|speed|duration))"#,
                #"\bsuccess(?:ful)?\b"#, #"\bactually see \w+ (?:out|through)\b"#, #"\bsee out\b"#,
            ]
        ),
        (
            .averageProgress,
            [
                #"\bhow far (?:along|through|into)?\b"#, #"\bhow deep\b"#, #"\bhalfway\b"#,
                #"\bmidway\b(?!.*\blos)"#,
                #"\bnearly (?:done|there|finished)\b"#, #"\bclose to (?:done|finished|the end)\b"#,
                #"\bhow close\b"#,
                #"\bfur?thest along\b"#, #"\bfarthest along\b"#, #"\bgetting on\b"#, #"\bchewed\b"#,
                #"\bcovered\b"#,
                #"(?<!in )(?<!in-)\bprogress(?: made| level| score)?\b(?! (?:to|through|from|on to))"#,
            ]
        ),
        (
            .growth,
            [
                #"\btrend"#, #"\bover time\b"#, #"\bgr[eo]w(?:s|n|ing|th)?\b"#, #"\bincreas"#,
                #"\bgain(?:ed|s|ing)?\b"#,
                #"\bdeclin"#,
                #"\bdecreas"#,
                #"\b(?:month|week|year|quarter|day)[- ](?:over|on)[- ](?:month|week|year|quarter|day)\b"#,
                // "MoM" and "WoW" only where they cannot be a word ("Wow, how many…"):
                // written out by `Matcher.expandingShorthand`.
                #"\b(?:yoy|qoq)\b"#,
                #"\bchang(?:e|ed|es|ing) over\b"#, #"\bmomentum\b"#, #"\bpicking up\b"#,
                #"\bslowing\b"#,
                #"\bgoing up\b"#, #"\bgoing down\b"#, #"\bevolv"#, #"\btimeline\b"#,
                #"\btime series\b"#,
                #"\bspikes?\b"#, #"\bups and downs\b"#,
                #"\bgetting (?:more|less) (?:popular|common|traction)\b"#,
                #"\b(?:drop|fall|dip|rise|jump|surge|slump)s? in\b"#,
            ]
        ),
        (
            .completions,
            [
                #"\bcomplet(?:ed|ions?|es|ing)\b"#, #"\bfinish(?:ed|es|ing)?\b"#,
                // "How many badges did learners complete": the verb, not "a complete list".
                #"\b(?:did|do|does|didn'?t|don'?t|will|would|can|could|never|\#(people)|they|we|who)\s+(?:\S+\s+){0,4}complete\b(?!\s+(?:list|count|set|picture|view|breakdown|table|history|record|overview))"#,
                #"\bearn(?:ed|s)?\b"#,
                #"\bpass(?:ed|es)\b"#, #"\bgraduat(?:es|ed)\b"#, #"\bcertified\b"#,
                // "How many alumni does SQL Fundamentals have" gave its enrollments.
                #"\balumn(?:i|us|a|ae)\b"#, #"\bgrads\b"#,
                #"\bcompleters\b"#,
                #"\bfinishers\b"#, #"\bdone\b"#, #"\bmade it (?:to the end|through)\b"#,
                #"\bwrap(?:s|ped)? up\b"#,
                #"\bhand(?:ed|s)? out\b"#, #"\bawarded\b"#, #"\bissued\b"#, #"\bracked up\b"#,
                #"\bfinish line\b"#,
            ]
        ),
        (
            .learners,
            [
                // "How many Python Basics learners in 2025" counted enrollments (the same on
                // the demo, where nobody enrolls twice in one badge; not on data that re-enrolls).
                #"\b(?:how many|number of|count of|total|# of) (?:(?:distinct|unique|different|individual|active|new|of (?:our|the)|‹org›|‹badge›) ?)*\#(people)\b"#,
                #"\b(?:distinct|unique|individual) \#(people)\b"#, #"\bheadcount\b"#,
                #"\b(?:learner|user|student|people|head|member|employee|staff) ?counts?\b"#,
                #"\b(?:which|what|who) (?:are the )?\#(people) (?:enrol+ed|took|joined|signed up|registered|started)\b"#,
                #"\bwho (?:enrol+ed|took|joined|signed up|registered|started|is enrol+ed|are enrol+ed)\b"#,
                #"\bhow many (?:‹org› )?(?!enrol|sign|registr|time|badge|course|cert|seat|spot|place)[a-z]+ (?:have |has |had |did |were |are )?(?:signed up|enrol+ed|registered|took|taken|joined|started)\b"#,
                // "Which organization has the most Python Basics learners" ranked enrollments.
                #"\b(?:most|fewest|more|fewer|less) (?:(?:‹org›|‹badge›)(?:'s|’s)? )?\#(people)\b"#,
                #"\bby (?:the )?(?:number of )?\#(people)\b"#,
                // "Learners per badge", "learners by badge last month" were enrollments by badge
                // (the same on the demo; not where learners re-enroll, an attack run).
                #"^\W*(?:the\s+)?(?:number of\s+)?(?:unique\s+|distinct\s+)?(?:learners|users|students|employees|members|participants|trainees)\s+(?:per|by|for each|in each|across|of each|at each)\s+"#,
                // "Learners at Hooli this year" matched no kind.
                #"^\W*(?:the\s+)?(?:learners|users|students|employees|members|participants|trainees)\s+(?:at|from|in|of|for)\s+(?:the\s+)?(?:‹org›|‹badge›)(?!\s+(?:who|that|which)\b)"#,
                // "Initech learners", "Python Basics learners in 2025": a name and its
                // learners, said tersely.
                #"^\W*(?:‹org›|‹badge›)(?:'s|’s)?\s+(?:learners|users|students|people|employees|members|participants|trainees)\b(?!\s+(?:who|that|which|take|took|start|started|begin|began|complete|completed|finish|finished|drop|dropped|do|did|are|were|have|had|in progress)\b)"#,
            ]
        ),
        (
            .enrollments,
            [
                #"\benrol+(?:ment|ments|ed|ing|s)?\b"#, #"\bsign(?:ed|s|ing)?[- ]?ups?\b"#,
                #"\bregistration"#, #"\bregister"#,
                #"\b(?:took|taken|take|takes|taking)\b"#, #"\bjoin(?:ed|s)?\b"#,
                #"\bstart(?:ed|s)?\b"#, #"\bpopular"#,
                #"\buptake\b"#, #"\bdemand\b"#, #"\battract"#, #"\bbusiest\b"#, #"\badoption\b"#,
                #"\bactivity\b"#,
                #"\b(?:how many|number of|count of|total)\b"#, #"\bvolume\b"#, #"\bin[- ]demand\b"#,
                #"\bseats\b"#,
                #"\bflock"#, #"\bcrowd"#, #"\bmost wanted\b"#, #"\binterest\b"#,
            ]
        ),
    ]

    /// A count asked for ("how many dropped out", "the most drop-outs"), with no word of a
    /// share: the drop-out words then mean drop-outs, not the drop-out rate.
    static let countWords =
        #"\b(?:how many|number of|count of|counts? (?:the )?|total|tally)\b|\b(?:drop[- ]?(?:outs|offs)|dropouts|quitters|leavers)\b|\b(?:most|fewest|least|more|fewer)\s+(?:drop[- ]?(?:outs|offs)|dropouts|quitters|leavers|\#(people))\b"#
    static let rateWords =
        #"\b(?:rates?|percent\w*|share|proportion|fraction|ratio|odds|chances?|likel\w*|probability|how often)\b|%"#

    /// "Average" or "mean" time to complete asks for the mean; "median", "typical" or no
    /// such word, for the median.
    static let meanWords = #"\b(?:average|mean|avg|on average)\b"#
    static let medianWords = #"\b(?:median|typical\w*|usual\w*|middle)\b"#
    /// Counting people: distinct learners, not enrollments ("how many learners dropped out").
    /// "Completed enrollments", "enrollments that were completed": of the enrollments made in
    /// the window, those completed, not the completions that happened in it. A window right
    /// after the verb dates the completing: "how many enrollments were completed last week"
    /// are the completions of last week (a blind test got 1, of the week's own enrollments,
    /// where 116 were completed that week).
    static let completedEnrollments =
        #"\b(?:started|enrol+ed|signed up|registered|began) (?:in|during|between|since|from|after|before|last|this|over)\b[^?.!]*\band (?:then |later |also |have |has |had |since |went on to |gone on to )?(?:completed|finished|complete|finish)\b|\bhow many of (?:them|those)\b[^?.!]*\b(?:completed|finished|complete|finish)\b|\b(?:who|that) (?:first )?(?:started|enrol+ed|signed up|registered|began)\b[^?.!]*\b(?:have|has|had|were|was|got|are|is|ended up|did) (?:now |already |since |then |all |actually |gone on to |went on to )?(?:finished|completed|complete|finish)\b|\b(?:who|that) (?:first )?(?:started|enrol+ed|signed up|registered|began) (?:in|during|between|since|from|after|before|last|this|over)\b[^?.!]*\b(?:finished|completed)\b|\b(?:complet(?:ed|ing)|finished) (?:enrol+ments|registrations|sign[- ]?ups)\b|\b(?:enrol+ments|registrations|sign[- ]?ups)\b[^?.!]*\b(?:were|was|have been|has been|had been|have|has|had|got|are|is|ended up) (?:now |already |since |then |all )?(?:completed|finished)\b(?!\s*,?\s*(?:in|during|last|this|over|between|since|within|yesterday|today|the (?:last|past|previous))\b)|\b(?:of|among) (?:the |those |all )?(?:‹badge›\s+|‹org›(?:'s|’s)?\s+)?(?:enrol+ments|registrations|sign[- ]?ups)\b[^?.!]*\bcomplet|\b(?:started|enrol+ed in|signed up for|registered for|began|took)\s+(?:the\s+)?‹badge›\s+(?:(?:at|from|in) ‹org›\s+)?(?:in|during|between|since|from|after|before|last|this|over)\b[^?.!]*\band (?:then |later |also |have |has |had |since |already |went on to |gone on to )?(?:completed|finished|complete|finish)\b|\bcompletions? (?:of|among|from) (?:the |those |all )?(?:enrol+ments|registrations|sign[- ]?ups)\b|\b(?:enrol+ments|registrations|sign[- ]?ups)\b[^?.!]*\b(?:that|which) (?:were |was |have |has |had |got |ended up |went on to )?(?:been )?(?:completed|finished)\b|\b(?:who|that) (?:first )?(?:started|enrol+ed in|signed up for|registered for|began|took)\s+(?:the\s+)?‹badge›(?:\s+(?:at|from) ‹org›)?\s+(?:in|during|between|since|from|after|before|last|this|over)\b[^?.!]*\b(?:finished|completed|finish|complete)\b"#
        // "How many learners finished the SQL Fundamentals course they started in 2025": the
        // window follows the starting, after the finishing (a blind test got the completions
        // dated 2025, 495, where 497 of 2025's enrollments are completed).
        + #"|\b(?:finished|completed|finish|complete)\b[^?.!]*\b(?:they|he|she|learners|people|users|who|that|which)\s+(?:had\s+|have\s+|first\s+)?(?:started|enrol+ed(?: in)?|signed up(?: for)?|registered(?: for)?|began|took)\s+(?:(?:it|them)\s+)?(?:in|during|between|since|from|after|before|last|this|over)\b"#
        // "How many enrollments made in Q1 have completed (by now)" gave the completions
        // dated in Q1 (1,581, where 1,732 of Q1's enrollments are completed).
        + #"|\b(?:enrol+ments|registrations|sign[- ]?ups)\s+(?:made|started|begun|opened|created)\s+(?:in|during|between|since|from|after|before|last|this|over)\b[^?.!]*\b(?:have|has|had)\s+(?:now\s+|already\s+|since\s+|all\s+)?(?:been\s+)?(?:completed|finished)\b(?!\s*,?\s*(?:in|during|last|this|over|between|since|within|the (?:last|past|previous))\b)"#

    static let peopleCount =
        #"\bby (?:the )?(?:number of |count of )?(?:distinct |unique )?\#(people) (?:who|that)\b|^\W*(?:(?:show|list|give|tell)(?: me)? |the )?(?:number of |count of )?(?:the )?\#(people) (?:who|that|at|from|in|of)\b|\b(?:how many|number of) of (?:‹org›|‹badge›)'s \#(people)\b|\b(?:how many|number of|count of|total|most|fewest|least|more|fewer)\s+(?:(?:distinct|unique|different|individual|separate|of (?:our|the|its|their)|‹org›|‹badge›)\s+)*(?:\#(people)|alumni|alumnae|graduates|grads|completers|finishers)\b"#
    // "How many alumni does Hooli have" gave its 327 completed enrollments, where 102
    // learners completed (blind test 66): alumni and graduates are people.

    /// Words that tie a question to learning data. A measure found only through a broad word
    /// ("popular", "next", "how many") needs one of these too, so an off-topic question is
    /// refused instead of answered with a number about something else.
    static let anchors = [
        people, badgeWord, orgWord, #"‹badge›"#, #"‹org›"#, #"\benrol+"#, #"\bcomplet"#,
        #"\blearning\b"#,
        #"\bcohorts?\b"#, #"\bdrop"#, #"\bsign[- ]?ups?\b"#, #"\bregistrations?\b"#, #"\bcurricul"#,
        #"\btraining\b"#, #"\bplatform\b"#,
        // "What was the busiest month this year": docs/metrics.md's period ranking, refused as
        // off-topic for want of a learning word.
        #"\b(?:busiest|quietest|slowest|peak)\s+(?:day|week|month|quarter)\b"#,
    ]

    /// Measures whose own words are enough evidence: nobody says "completion rate" about the
    /// weather.
    static let strongMeasures: Set<Measure> = [
        .completionRate, .dropRate, .paths, .averageProgress,
    ]
}
