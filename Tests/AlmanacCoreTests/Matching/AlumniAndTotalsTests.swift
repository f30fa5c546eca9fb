import Testing

@testable import AlmanacCore

/// Two readings found on the demo after blind test sixty: "How many alumni does SQL
/// Fundamentals have" gave its 1,722 enrollments where "graduates" gave its 1,166 completions,
/// and "Compare the total enrollments of Initech and Hooli" was refused as a sum of the two.
@Suite struct AlumniAndTotalsTests: MatcherSuite {
    let matcher = try! Matcher(
        catalogue: EntityCatalogue(
            badges: ["Python Basics", "SQL Fundamentals"],
            organizations: ["Initech", "Hooli"], categories: [:]),
        asOf: CivilDate(iso: "2026-09-30")!)

    @Test(
        "a badge's alumni and grads are its completions, as its graduates are",
        arguments: [
            "How many alumni does SQL Fundamentals have?",
            "How many grads did Python Basics have in 2025?",
            "Number of SQL Fundamentals alumni",
            // A review found these read as what the alumni took next.
            "How many SQL Fundamentals alumni enrolled in 2025?",
            "How many SQL Fundamentals alumni are there, then and now?",
            "How many graduates does SQL Fundamentals have?",
        ])
    func alumni(text: String) throws {
        let match = try route(text)
        #expect(match.kind == .completionMetrics, "\(text)")
        #expect(match.intent.measure == .completions, "\(text)")
    }

    @Test("what a badge's alumni take next is still a learning path")
    func alumniNext() throws {
        #expect(try route("What do Python Basics alumni take next?").kind == .learningPaths)
    }

    @Test(
        "a total beside words that set the names apart is each one's",
        arguments: [
            "Compare the total enrollments of Initech and Hooli",
            "What are the enrollment totals for Initech vs Hooli?",
            "Total enrollments of Initech against Hooli",
            "Total enrollments for Initech and Hooli, each",
        ])
    func eachTotal(text: String) throws {
        let match = try route(text)
        #expect(match.intent.compared == ["Initech", "Hooli"], "\(text)")
        #expect(match.intent.measure == .enrollments, "\(text)")
    }

    @Test(
        "a total with nothing setting the names apart, or a word of a sum, is still refused",
        arguments: [
            "Total enrollments at Initech and Hooli",
            "What is the total number of enrollments of Initech and Hooli combined?",
            "Compare the combined enrollments of Initech and Hooli",
            // "Compared with" sets the windows apart, not the names (a review).
            "Total enrollments at Initech and Hooli in 2025 compared with 2024",
            "Initech + Hooli completions",
        ])
    func sumRefused(text: String) throws {
        #expect(try refusedPart(text) == .combined, "\(text)")
    }
}
