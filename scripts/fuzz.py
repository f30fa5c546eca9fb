#!/usr/bin/env python3
"""Bounded fuzzing of the almanac binary, run by `make test`.

Each case is a small SQLite database (a seeded demo with random rows changed), a random
questions file and random flags, given to `almanac check`, `build` or `ask` with the
language model off. A case fails when the process dies from a signal (a Swift trap is
SIGILL or SIGTRAP), runs past its time limit, or exits with a status other than 0, 1 or 2.

First every input in scripts/fuzz-corpus/ is replayed (past failures, kept as regression
inputs); then random cases run until the time budget is spent. A new failure is written to
the corpus as JSON, so it is replayed from then on, and the run exits 1.

Environment: FUZZ_SECONDS (default 60), FUZZ_SEED (default: a new random seed each run,
printed so that a run can be repeated), ALMANAC (default .build/debug/almanac).
"""
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "scripts", "fuzz-corpus")
ALMANAC = os.environ.get("ALMANAC", os.path.join(ROOT, ".build", "debug", "almanac"))
BUDGET = float(os.environ.get("FUZZ_SECONDS", "60"))
CASE_TIMEOUT = 30  # seconds; the databases are tiny, so a case past this is a hang
ALLOWED_EXITS = {0, 1, 2}

QUESTIONS = [
    "How many people are enrolled in each badge?",
    "What is the completion rate by organization?",
    "How have enrollments trended over time?",
    "How do learners progress through badges?",
    "Which badges have the lowest completion rate?",
    "How many users from {org} are enrolled in each badge?",
    "Show the weekly enrollment trends for {org}",
    "What is the completion rate of the {badge} badge since 2025-01-01?",
    "What is the weather?",
    "",
]
SQL = [
    "SELECT name, id FROM badges ORDER BY id",
    "SELECT category, count(*) AS n FROM badges GROUP BY category",
    "SELECT o.name, count(u.id) AS users FROM organizations o LEFT JOIN users u ON u.organization_id = o.id GROUP BY o.id",
    "SELECT count(*) AS n FROM enrollments a, enrollments b, enrollments c",
    "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) AS n FROM r",
    "DELETE FROM badges",
    "SELECT 1; SELECT 2",
    "SELECT nope FROM badges",
]
NAMES = [
    "(no organization)", "Z\u00fcrich", "Zu\u0308rich", "Other (2 organizations)", "", " ",
    "<script>alert(1)</script>", "a|b", "line\r\nbreak", "\u202eevil", "💥", "O'Neil", "x" * 40,
    "Globex", "%s%n", "\\", "-- comment", "Python Basics",
]
DATES = ["2024-13-45", "2024-02-30", "soon", None, "2025-06-01", "2025-06-01T12:00:00", "0000-01-01"]
FLAG_VALUES = {
    "--as-of": ["2025-06-01", "2020-01-01", "2099-12-31", "0000-01-01", "tomorrow", "2024-02-30"],
    "--chart-limit": ["2", "1", "0", "-5", "1000000", "x"],
    "--jobs": ["1", "0", "8", "-1"],
    # Never 0 (no limit): a custom endless query would then rightly run past CASE_TIMEOUT.
    "--statement-timeout": ["0.2", "1", "5", "-1", "nan", "inf", "1e30"],
}
FLAG_SWITCHES = ["--strict", "--force", "--quiet", "--timings"]


def random_yaml(rng, names):
    """A questions file: mostly valid, sometimes broken."""
    if rng.random() < 0.1:
        return rng.choice(["", "questions: [\n", "title: T\n", "\t- x", "questions: 5\n", "- a\n- b\n"])
    lines = ["title: Fuzz"]
    if rng.random() < 0.3:
        lines.append(f"database_options:\n  statement_timeout: {rng.choice(['0.3', '1', '-2', 'x'])}")
    lines.append("questions:")
    for index in range(rng.randint(1, 4)):
        text = rng.choice(QUESTIONS).format(org=rng.choice(names), badge=rng.choice(names))
        lines.append(f"  - text: {json.dumps(text)}")
        if rng.random() < 0.7:
            lines.append(f"    id: {json.dumps(rng.choice(['q' + str(index), 'q0', 'con', 'a b', 'ok-' + str(index)]))}")
        if rng.random() < 0.25:
            lines.append(f"    sql: {json.dumps(rng.choice(SQL))}")
    return "\n".join(lines) + "\n"


def random_mutations(rng, names):
    """SQL that changes a few rows of the seeded database (within SQLite's constraints
    where the schema has them: the point is a database a user could have)."""
    statements = []
    for _ in range(rng.randint(0, 5)):
        choice = rng.randrange(6)
        value = rng.choice(names)
        literal = "'" + value.replace("'", "''") + "'"
        if choice == 0:
            statements.append(f"UPDATE OR IGNORE organizations SET name = {literal} WHERE id = {rng.randint(1, 4)}")
        elif choice == 1:
            statements.append(f"UPDATE OR IGNORE badges SET name = {literal} WHERE id = {rng.randint(1, 5)}")
        elif choice == 2:
            date = rng.choice(DATES)
            statements.append(f"UPDATE OR IGNORE users SET joined_at = {json.dumps(date) if date else 'NULL'} "
                              f"WHERE id = {rng.randint(1, 30)}".replace('"', "'"))
        elif choice == 3:
            statements.append(f"UPDATE users SET organization_id = NULL WHERE id = {rng.randint(1, 30)}")
        elif choice == 4:
            date = rng.choice(DATES)
            statements.append(f"UPDATE OR IGNORE enrollments SET enrolled_at = {json.dumps(date) if date else 'NULL'} "
                              f"WHERE id = {rng.randint(1, 60)}".replace('"', "'"))
        else:
            statements.append(f"DELETE FROM enrollments WHERE id % {rng.randint(2, 50)} = 0")
    return statements


def random_case(rng):
    names = NAMES
    command = rng.choice(["build", "build", "build", "check", "ask"])
    flags = []
    if command != "check":
        for flag, values in FLAG_VALUES.items():
            if rng.random() < 0.3:
                flags += [flag, rng.choice(values)]
        for switch in FLAG_SWITCHES:
            if command == "build" and rng.random() < 0.2:
                flags.append(switch)
    elif rng.random() < 0.3:
        flags += ["--statement-timeout", rng.choice(FLAG_VALUES["--statement-timeout"])]
    return {
        "command": command,
        "flags": flags,
        "questions": random_yaml(rng, names),
        "ask": rng.choice(QUESTIONS).format(org=rng.choice(names), badge=rng.choice(names)),
        "mutations": random_mutations(rng, names),
    }


def run_case(case, base_db, scratch):
    """Runs one case; returns None when it passes, else what went wrong."""
    folder = tempfile.mkdtemp(dir=scratch)
    db = os.path.join(folder, "fuzz.db")
    shutil.copy(base_db, db)
    connection = sqlite3.connect(db)
    for statement in case["mutations"]:
        try:
            connection.execute(statement)
        except sqlite3.Error:
            pass  # a constraint refused it: the database stays one SQLite accepts
    connection.commit()
    connection.close()
    questions = os.path.join(folder, "questions.yaml")
    with open(questions, "w", encoding="utf-8") as handle:
        handle.write(case["questions"])
    command = case["command"]
    arguments = [ALMANAC, command, "--db", db]
    if command == "build":
        arguments += ["--questions", questions, "--out", os.path.join(folder, "site"), "--llm", "off",
                      "--plotly", "cdn"]
    elif command == "ask":
        arguments += [case["ask"], "--questions", questions, "--llm", "off"]
    arguments += case["flags"]
    if "--statement-timeout" not in case["flags"]:
        arguments += ["--statement-timeout", "5"]  # well inside CASE_TIMEOUT
    try:
        result = subprocess.run(arguments, cwd=folder, capture_output=True, timeout=CASE_TIMEOUT,
                                env={**os.environ, "OPENAI_API_KEY": ""})
    except subprocess.TimeoutExpired:
        return f"no exit within {CASE_TIMEOUT} s"
    if result.returncode < 0:
        return f"killed by signal {-result.returncode}: {result.stderr.decode(errors='replace')[-400:]}"
    if result.returncode not in ALLOWED_EXITS:
        return f"exit status {result.returncode}: {result.stderr.decode(errors='replace')[-400:]}"
    return None


def main():
    if not os.access(ALMANAC, os.X_OK):
        print(f"fuzz: {ALMANAC} is missing; run swift build first", file=sys.stderr)
        return 1
    seed_text = os.environ.get("FUZZ_SEED", "random")
    seed = random.randrange(1 << 30) if seed_text == "random" else int(seed_text)
    rng = random.Random(seed)
    scratch = tempfile.mkdtemp(prefix="almanac-fuzz-")
    failures = 0
    try:
        base_db = os.path.join(scratch, "base.db")
        subprocess.run([ALMANAC, "seed", "--out", base_db, "--users", "30", "--badges", "5",
                        "--organizations", "4", "--seed", "7"], check=True, capture_output=True)
        os.makedirs(CORPUS, exist_ok=True)
        corpus = sorted(name for name in os.listdir(CORPUS) if name.endswith(".json"))
        for name in corpus:
            with open(os.path.join(CORPUS, name), encoding="utf-8") as handle:
                case = json.load(handle)
            problem = run_case(case, base_db, scratch)
            if problem:
                failures += 1
                print(f"fuzz: corpus input {name} still fails: {problem}", file=sys.stderr)
        started = time.monotonic()
        cases = 0
        while time.monotonic() - started < BUDGET:
            case = random_case(rng)
            cases += 1
            problem = run_case(case, base_db, scratch)
            if problem:
                failures += 1
                name = f"seed{seed}-case{cases}.json"
                with open(os.path.join(CORPUS, name), "w", encoding="utf-8") as handle:
                    json.dump({**case, "found": problem}, handle, indent=2, ensure_ascii=False)
                    handle.write("\n")
                print(f"fuzz: case {cases} fails ({problem}); kept as scripts/fuzz-corpus/{name}",
                      file=sys.stderr)
        print(f"fuzz: {len(corpus)} corpus inputs and {cases} random cases (seed {seed}), "
              f"{failures} failing, in {time.monotonic() - started:.0f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
