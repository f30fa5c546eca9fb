import Testing

@testable import AlmanacCore

@Suite struct SHA256Tests {
    // FIPS 180-4 example vectors.
    @Test(
        "hashes the standard's examples",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("gives the same digest when fed in pieces")
    func incremental() {
        let text = Array(String(repeating: "almanac", count: 100).utf8)
        var hasher = SHA256()
        hasher.update(text[0..<13])
        hasher.update(text[13..<200])
        hasher.update(text[200...])
        let pieces = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(pieces == SHA256.hex(text))
    }
}

@Suite struct CivilDateTests {
    @Test("a report date in year 9999 is refused: 'this year' would end in year 10000")
    func lastReportDate() {
        #expect(CivilDate.asOfProblem(CivilDate(iso: "9998-12-31")) == nil)
        #expect(CivilDate.asOfProblem(nil) == nil)
        #expect(
            CivilDate.asOfProblem(CivilDate(iso: "9999-12-31"))
                == "--as-of 9999-12-31 is too far ahead: a report date must be 9998-12-31 or earlier"
        )
    }

    @Test("counts days from 1970-01-01")
    func epoch() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        // 2000-03-01: 30 years of 365 days, 7 leap days (72…96), plus Jan and Feb 2000 (60).
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 30 * 365 + 7 + 60)
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
    }

    @Test("rejects days that do not exist")
    func invalid() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(iso: "2024-13-01") == nil)
        #expect(CivilDate(iso: "2024-01-01 10:00") == nil)
        #expect(CivilDate(iso: "2024-01-05T10:00:00")?.description == "2024-01-05")
    }

    @Test(
        "names ISO weeks as the standard does",
        arguments: [
            ("2021-01-03", "2020-W53"),  // a Sunday that belongs to the previous year's last week
            ("2021-01-04", "2021-W01"),
            ("2024-12-30", "2025-W01"),  // a Monday whose week's Thursday is in 2025
            ("2026-11-26", "2026-W48"),
        ])
    func isoWeeks(day: String, week: String) {
        #expect(CivilDate(iso: day)!.isoWeekKey == week)
    }

    @Test("adds months, clamping to the end of a shorter month")
    func months() {
        #expect(CivilDate(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate(iso: "2024-03-15")!.adding(months: -12).description == "2023-03-15")
        #expect(CivilDate(iso: "2024-01-15")!.adding(months: -1).description == "2023-12-15")
    }
}

@Suite struct JSONValueTests {
    @Test("sorts keys and writes numbers without locale or noise")
    func canonical() {
        let value: JSONValue = ["b": 1, "a": [0.5, 2.0, .null], "c": "x"]
        #expect(value.encoded() == #"{"a":[0.5,2,null],"b":1,"c":"x"}"#)
    }

    @Test("escapes what could end a script element")
    func scriptSafe() {
        let value: JSONValue = ["name": "</script><b>&\u{2028}"]
        #expect(
            value.scriptSafeEncoded() == #"{"name":"\u003c/script\u003e\u003cb\u003e\u0026\u2028"}"#
        )
    }

    @Test("escapes quotes, backslashes and control characters, and keeps other text as it is")
    func escapes() {
        let value: JSONValue = [
            "text": "say \"hi\" \\ tab\there\r\nbell\u{7}\u{1F} <é→▲ 😀> \u{2029}end"
        ]
        // \u{7} is written \u0007 and \u{1F} \u001f (lowercase); < and > stay outside a script.
        #expect(
            value.encoded()
                == #"{"text":"say \"hi\" \\ tab\there\r\nbell\u0007\u001f <é→▲ 😀> \u2029end"}"#)
    }

    @Test("indents readable output with two spaces")
    func pretty() {
        let value: JSONValue = ["a": [1], "b": [:]]
        #expect(value.prettyEncoded() == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n")
    }
}

@Suite struct NumberTextTests {
    @Test("groups thousands and writes percentages with one decimal")
    func formats() {
        #expect(NumberText.count(1_234_567) == "1,234,567")
        #expect(NumberText.count(999) == "999")
        #expect(NumberText.percent(0.5627) == "56.3%")
        #expect(NumberText.percent(0.481) == "48.1%")
        #expect(NumberText.percent(1.0 / 3) == "33.3%")
        #expect(NumberText.percent(0.4) == "40.0%")
        #expect(NumberText.percent(-0.0123) == "-1.2%")
        #expect(NumberText.decimal(23.0, places: 1) == "23")
    }

    @Test("a rate of four decimals ending in 5 keeps two: one decimal would round it twice")
    func ambiguousPercent() {
        // 92 of 182 is 0.505494…, which SQL stores as 0.5055: 50.549 % would read 50.6 %.
        #expect(NumberText.percent(0.5055) == "50.55%")
        #expect(NumberText.percent(0.5625) == "56.25%")
        #expect(NumberText.percent(0.0005) == "0.05%")
        #expect(NumberText.percent(1.2345) == "123.45%")
        #expect(NumberText.percent(-0.0315) == "-3.15%")
        // Not four decimals: one decimal, rounded once.
        #expect(NumberText.percent(92.0 / 182) == "50.5%")
        #expect(NumberText.percent(0.50551) == "50.6%")
        // Tables and the answer's first sentence quote a rate as stored.
        #expect(NumberText.cell(.double(0.6617), .percent) == "66.17%")
        #expect(NumberText.cell(.double(1), .percent) == "100.00%")
        #expect(NumberText.cell(.double(0.05), .percent) == "5.00%")
        #expect(NumberText.decimal(1234.5, places: 1) == "1,234.5")
    }

    /// An attack run: a query's 1e-7 and 2.5e-5 were shown as "0", and a U+202E in its text
    /// reversed the rest of the summary.
    @Test("a query's tiny real keeps its digits, and a direction override is written out")
    func queryCells() {
        #expect(NumberText.cell(.double(1e-7), .decimal) == "1e-07")
        #expect(NumberText.cell(.double(-2.5e-5), .decimal) == "-2.5e-05")
        #expect(NumberText.cell(.double(0.000123), .decimal) == "0.000123")
        #expect(NumberText.cell(.double(0.0005), .decimal) == "0.0005")
        #expect(NumberText.cell(.double(0), .decimal) == "0")
        // Past 2^53 no fourth decimal exists: written as stored, not "…000.4".
        #expect(NumberText.cell(.double(1e15 + 0.5), .decimal) == "1000000000000000.5")
        #expect(NumberText.cell(.string("\u{202E}abc\u{0}"), .decimal) == "\\u{202E}abc\\u{0}")
        #expect(NumberText.cell(.string("Zürich\tAG\n"), .decimal) == "Zürich\tAG\n")
        // Not a figure to check: the digits of a character written out.
        #expect(Grounding.check("rtl \\u{202E}abc", against: ["rows": [[5]]]).unverified == [])
    }

    @Test("a number too large for an Int is written, not a crash")
    func huge() {
        // Int holds up to about 9.2e18; a YAML threshold of 1e300 is a finite double.
        #expect(NumberText.decimal(1e300, places: 4) == "1e+300")
        #expect(NumberText.decimal(-1e19, places: 2) == "-1e+19")
        #expect(NumberText.decimal(1e308, places: 4) == "1e+308")
    }
}

@Suite struct NumericFlagTests {
    @Test(
        "NaN, infinities and huge values are problems, in the flag's words",
        arguments: [
            Double.nan, .infinity, -.infinity, 1e30, 0, -1,
        ])
    func refused(value: Double) {
        let problem = NumericFlag.problem(
            "--llm-timeout", value, in: FlagBounds.modelSeconds, unit: "seconds")
        #expect(
            problem == "--llm-timeout must be a number from 0.001 to 86400 seconds; got \(value)")
    }

    @Test("values within the range are fine")
    func accepted() {
        #expect(
            NumericFlag.problem("--llm-timeout", 60, in: FlagBounds.modelSeconds, unit: "seconds")
                == nil)
        #expect(
            NumericFlag.problem(
                "--statement-timeout", 0, in: FlagBounds.statementSeconds, unit: "seconds") == nil)
        #expect(NumericFlag.problem("--jobs", 64, in: FlagBounds.jobs) == nil)
        #expect(
            NumericFlag.problem("--jobs", 65, in: FlagBounds.jobs)
                == "--jobs must be from 1 to 64; got 65")
    }
}
