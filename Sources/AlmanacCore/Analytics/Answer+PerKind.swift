extension Answer {
    static func badges(_ result: BadgeEnrollments, _ intent: Intent, _ filters: Filters)
        -> Answer
    {
        // Badges with nothing are left out, except when the question asks for the fewest.
        let rows = result.badges.filter {
            $0.enrollments > 0 || filters.badge != nil || intent.ranking?.order == .bottom
                || intent.compared.contains($0.badge)
        }
        // A single figure over the filters: the totals, for the measures they hold.
        let whole = intent.dimension == nil && filters.badge == nil
        let single = filters.badge != nil && intent.dimension == nil
        var answer: Answer
        switch intent.measure {
        case .learners:
            if whole {
                return Answer(
                    intent, nil, .init("Learners", .count), nil,
                    [Row(subject: "", value: .int(result.totals.learners), support: nil)])
            }
            answer = listing(rows, intent, "Badge", .init("Learners", .count), nil) {
                (.int($0.learners), nil)
            }
        case .timeToComplete:
            answer = listing(
                rows, intent, "Badge", .init("Median days to complete", .days), "Completed"
            ) {
                (.number($0.medianDaysToComplete), $0.completed)
            }
        case .averageProgress where whole:
            // "What's the average progress" gave the badges' list, highest first, under a
            // reading of one number: the platform's is over every enrollment of the scope.
            let enrollments = result.reference.enrollments
            return Answer(
                intent, nil, .init("Average progress", .percent), "Enrollments",
                [
                    Row(
                        subject: "",
                        value: .number(
                            Metrics.average(result.reference.progressSum, count: enrollments)),
                        support: enrollments)
                ])
        case .completions, .completionRate, .averageProgress:
            answer = tallied(rows, intent, subjectTitle: "Badge")
        default:
            if whole {
                return Answer(
                    intent, nil, .init("Enrollments", .count), "Learners",
                    [
                        Row(
                            subject: "", value: .int(result.totals.enrollments),
                            support: result.totals.learners)
                    ])
            }
            answer = tallied(rows, intent, subjectTitle: "Badge")
        }
        if single { answer.subjectTitle = nil }
        return answer
    }

    static func organizations(
        _ result: OrganizationTrends, _ intent: Intent, _ filters: Filters,
        coverage: PeriodCoverage? = nil
    ) -> Answer {
        let timeline =
            intent.measure == .growth || intent.dimension == .period
            || (intent.measure == .completions && intent.dimension == nil
                && filters.organization == nil)
        if timeline {
            let completions = intent.measure == .completions
            let title: String
            switch result.granularity {
            case .day: title = "Day"
            case .week: title = "Week"
            case .month: title = "Month"
            case .quarter: title = "Quarter"
            }
            var periods = result.byPeriod
            var leftOut: [String] = []
            if intent.ranking != nil {
                // A ranking of periods compares whole ones: a period the window or the data
                // covers only in part (before the first day, past the as-of date) would top
                // any "fewest". Those the data touches are named in the lead.
                let coverage =
                    coverage ?? PeriodCoverage(window: result.window, asOf: nil, firstDay: nil)
                leftOut = periods.map(\.period).filter {
                    coverage.isPartial($0) && coverage.touches($0)
                }
                periods.removeAll { coverage.isPartial($0.period) }
            }
            var answer = Answer(
                intent, title, .init(completions ? "Completions" : "Enrollments", .count), nil,
                periods.map {
                    Row(
                        subject: $0.period,
                        value: .int(completions ? $0.completions : $0.enrollments), support: nil)
                })
            answer.partialLeftOut = leftOut
            return answer
        }
        let rows = result.organizations.filter {
            $0.enrollments > 0 || filters.organization != nil || intent.ranking?.order == .bottom
                || intent.compared.contains($0.organization)
        }
        var answer: Answer
        if intent.measure == .learners {
            answer = listing(
                rows, intent, "Organization", .init("Learners", .count), "Registered users"
            ) {
                (.int($0.learners), $0.users)
            }
        } else {
            answer = tallied(rows, intent, subjectTitle: "Organization")
        }
        if filters.organization != nil && intent.dimension == nil { answer.subjectTitle = nil }
        return answer
    }

    static func completion(
        _ result: CompletionMetrics, _ intent: Intent, _ filters: Filters
    ) -> Answer {
        var column: DataTable.Column
        var support: String?
        var pick: (CompletionMetrics.Counts, Double?) -> (JSONValue, Int?)
        // People counted: each row's distinct learners instead of its enrollments.
        var people: ((CompletionMetrics.People) -> (JSONValue, Int?))?
        switch intent.measure {
        case .enrollments:
            (column, support) = (.init("Enrollments", .count), nil)
            pick = { counts, _ in (.int(counts.enrollments), nil) }
        case .completions
        where result.completedInWindow != nil && intent.dimension != .cohort
            && !intent.completedEnrollments:
            // With a window, completions are counted by the day they happened.
            let window = result.completedInWindow!
            let column = DataTable.Column(
                intent.people ? Self.learnersCompletedInWindow : Self.completedInWindow, .count)
            let counted = (
                overall: intent.people ? window.learners : window.overall,
                byBadge: intent.people ? window.learnersByBadge : window.byBadge,
                byOrganization: intent.people
                    ? window.learnersByOrganization : window.byOrganization
            )
            // Rows from the completions themselves: a badge finished in the window may have had
            // no enrollment in it. In name order, for `ranked()` to sort by count.
            switch intent.dimension {
            case .badge:
                return Answer(
                    intent, "Badge", column, nil,
                    counted.byBadge.sorted { $0.key < $1.key }.map {
                        Row(subject: $0.key, value: .int($0.value), support: nil)
                    })
            case .organization:
                return Answer(
                    intent, "Organization", column, nil,
                    counted.byOrganization.sorted { $0.key < $1.key }.map {
                        Row(subject: $0.key, value: .int($0.value), support: nil)
                    })
            default:
                return Answer(
                    intent, nil, column, nil,
                    [Row(subject: "", value: .int(counted.overall), support: nil)])
            }
        case .completions:
            (column, support) = (.init("Completed", .count), "Enrollments")
            pick = { counts, _ in (.int(counts.completed), counts.enrollments) }
            if intent.people {
                (column, support) = (.init("Learners who completed", .count), "Learners")
                people = { (.int($0.completed), $0.learners) }
            }
        case .dropRate:
            (column, support) = (.init("Drop-out rate", .percent), "Enrollments")
            pick = { counts, _ in
                (Metrics.rateValue(counts.dropRate, of: counts.enrollments), counts.enrollments)
            }
        case .dropouts:
            (column, support) = (.init("Dropped", .count), "Enrollments")
            pick = { counts, _ in (.int(counts.dropped), counts.enrollments) }
            if intent.people {
                (column, support) = (.init("Learners who dropped out", .count), "Learners")
                people = { (.int($0.dropped), $0.learners) }
            }
        case .inProgress:
            (column, support) = (.init("In progress", .count), "Enrollments")
            pick = { counts, _ in (.int(counts.inProgress), counts.enrollments) }
            if intent.people {
                (column, support) = (.init("Learners in progress", .count), "Learners")
                people = { (.int($0.inProgress), $0.learners) }
            }
        case .meanTimeToComplete:
            (column, support) = (.init("Mean days to complete", .days), "Completed")
            pick = { counts, _ in (.null, counts.completed) }
            people = { (.number($0.meanDaysToComplete), nil) }
        case .timeToComplete:
            (column, support) = (.init("Median days to complete", .days), "Completed")
            pick = { counts, median in (.number(median), counts.completed) }
        default:
            (column, support) = (.init("Completion rate", .percent), "Enrollments")
            pick = { counts, _ in
                (
                    Metrics.rateValue(counts.completionRate, of: counts.enrollments),
                    counts.enrollments
                )
            }
        }
        func figure(
            _ counts: CompletionMetrics.Counts, _ median: Double?, _ of: CompletionMetrics.People
        ) -> (JSONValue, Int?) {
            let (value, count) = pick(counts, median)
            guard let people else { return (value, count) }
            let (learners, total) = people(of)
            return (learners, total ?? count)
        }
        func rows(_ list: [CompletionMetrics.Row]) -> [Row] {
            list.map { row in
                let (value, support) = figure(row.counts, row.medianDaysToComplete, row.people)
                var answer = Row(subject: row.name, value: value, support: support)
                if intent.measure == .meanTimeToComplete {
                    answer.beside = .number(row.medianDaysToComplete)
                }
                return answer
            }
        }
        let beside: DataTable.Column? =
            intent.measure == .meanTimeToComplete ? .init("Median days to complete", .days) : nil
        switch intent.dimension {
        case .badge:
            var answer = Answer(intent, "Badge", column, support, rows(result.byBadge))
            answer.besideColumn = beside
            return answer
        case .organization:
            var answer = Answer(
                intent, "Organization", column, support, rows(result.byOrganization))
            answer.besideColumn = beside
            return answer
        case .cohort:
            return Answer(intent, "Cohort", column, support, rows(result.byCohort))
        case .period:
            // A cohort is the month of enrollment, the only period completion is counted by.
            return Answer(intent, "Month of enrollment", column, support, rows(result.byCohort))
        case nil where intent.measure == .meanTimeToComplete:
            var answer = Answer(
                intent, nil, column, support,
                [
                    Row(
                        subject: "", value: .number(result.overallPeople.meanDaysToComplete),
                        support: result.overall.completed,
                        beside: .number(result.overallMedianDays))
                ])
            answer.besideColumn = .init("Median days to complete", .days)
            return answer
        case nil:
            let (value, count) = figure(
                result.overall, result.overallMedianDays, result.overallPeople)
            let part: Part? =
                switch intent.measure {
                case .dropRate: Part(count: result.overall.dropped, noun: "dropped")
                case .completionRate: Part(count: result.overall.completed, noun: "completed")
                default: nil
                }
            return Answer(
                intent, nil, column, support,
                [Row(subject: "", value: value, support: count, part: part)])
        }
    }

    static func sequences(_ result: LearningPaths, _ intent: Intent, _ filters: Filters)
        -> Answer
    {
        let learners = DataTable.Column("Learners", .count)
        func badges(_ list: [LearningPaths.Start]) -> [Row] {
            list.map { Row(subject: $0.badge, value: .int($0.learners), support: nil) }
        }
        switch intent.measure {
        case .firstBadge:
            return Answer(
                intent, "First badge", learners, nil, badges(result.firstBadges),
                anchor: filters.badge)
        case .previousBadge where filters.badge != nil:
            return Answer(
                intent, "Badge", learners, nil, badges(result.previousBadges), anchor: filters.badge
            )
        case .nextBadge where filters.badge != nil:
            let next = result.transitions.filter { $0.from == filters.badge }
            return Answer(
                intent, "Badge", learners, nil,
                next.map { Row(subject: $0.to, value: .int($0.learners), support: nil) },
                anchor: filters.badge)
        case .nextBadge, .previousBadge:
            return Answer(
                intent, "Step", learners, nil,
                result.transitions.map {
                    Row(subject: "\($0.from) → \($0.to)", value: .int($0.learners), support: nil)
                })
        default:
            return Answer(
                intent, "Path", learners, nil,
                result.topPaths.map {
                    Row(subject: $0.label, value: .int($0.learners), support: nil)
                })
        }
    }
}
