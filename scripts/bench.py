#!/usr/bin/env python3
"""The benchmark behind docs/performance.md: `make bench`.

Builds Almanac in release mode, makes (and reuses) two seeded databases of about 1,000,000
and 10,000,000 enrollments and question sets of 24 (the demo's), 200 and 1,000 questions,
then runs, one process after another on this machine:

  1. the full build from cold (no site, no state), language model off;
  2. a rebuild with no change;
  3. a rebuild after one question changed;
  4. the same SQL on its own: sqlite3 DB < the --dump-sql file;
  5. the scan floor: one aggregate pass over enrollments joined to users, in sqlite3;
  6. a cold-cache build against a stand-in model on 127.0.0.1 that answers in 1 s;
  7. the demo questions from PostgreSQL 15 and from a two-shard postgres_fdw cluster on
     loopback (scripts/postgres.sh), each against the same floor query in psql.

Each runs several times and the medians are reported, with peak resident memory, files
written, the phases of the build, and the ratios that matter. Timings are for this machine
only; they are not tests. Environment: BENCH_RUNS (default 5), BENCH_10M=0 to skip the
10M database, BENCH_QUICK=1 for the 1M × 24 row alone, BENCH_POSTGRES=0 to skip PostgreSQL.
"""

import http.server
import json
import math
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
ALMANAC = os.path.join(ROOT, ".build", "release", "almanac")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
FLOOR_SQL = ("SELECT u.organization_id, e.badge_id, e.status, count(*) FROM enrollments e "
             "JOIN users u ON u.id = e.user_id GROUP BY 1, 2, 3;")
# 200,000 users give about 958,000 enrollments with the seed's defaults.
DATABASES = {"1M": 208_800, "10M": 2_088_000}


def run_measured(command, env=None, stdin=None):
    """Like run, with the child's own peak RSS from wait4."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL if stdin else subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=stdin, env=env, cwd=ROOT)
    err_chunks = []
    reader = threading.Thread(target=lambda: err_chunks.append(process.stderr.read()))
    reader.start()
    out = b""
    if process.stdout is not None:
        out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    err = b"".join(err_chunks).decode(errors="replace")
    if process.returncode != 0:
        sys.stderr.write(err)
        raise SystemExit(f"bench: {' '.join(command)} failed with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, out.decode(errors="replace"), err


def median(values):
    return statistics.median(values) if values else float("nan")


def seed(name, users):
    path = os.path.join(DATA, f"{name}.db")
    if os.path.exists(path):
        return path, None
    os.makedirs(DATA, exist_ok=True)
    seconds, _, _, _ = run_measured([ALMANAC, "seed", "--out", path, "--users", str(users)])
    return path, seconds


def enrollments(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM enrollments").fetchone()[0]


def question_set(database, count):
    """The demo's 24 questions, or `count` generated from templates over the database's names."""
    if count == 24:
        with open(os.path.join(ROOT, "questions.yaml"), encoding="utf-8") as handle:
            text = handle.read()
        return re.sub(r"(?m)^database:.*$", "", text)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        badges = [row[0] for row in db.execute("SELECT name FROM badges ORDER BY id")]
        organizations = [row[0] for row in db.execute("SELECT name FROM organizations ORDER BY id")]
    templates = [
        "How many people are enrolled in the {badge} badge?",
        "How many learners from {org} are enrolled in each badge?",
        "What is the completion rate of the {badge} badge?",
        "What is the completion rate for learners at {org}?",
        "How have enrollments at {org} trended over time?",
        "Which badge do learners take next after completing {badge}?",
        "How many people enrolled in the {badge} course in 2025?",
        "What learning journeys do {org} learners follow?",
        "What is the completion rate of {badge} at {org}?",
        "How many users from {org} enrolled in the {badge} badge since 2025-01-01?",
    ]
    lines = ["title: Benchmark", "questions:"]
    for index in range(count):
        template = templates[index % len(templates)]
        badge = badges[(index // len(templates)) % len(badges)]
        org = organizations[(index // (len(templates) * len(badges)) + index) % len(organizations)]
        text = template.format(badge=badge, org=org).replace('"', "'")
        section = f"S{index % 7}"
        lines += [f'  - text: "{text}"', f"    id: q{index:04d}", f"    section: {section}"]
    return "\n".join(lines) + "\n"


def changed_one(yaml_text):
    """The same questions with one of them asking about another year."""
    if "in 2025" in yaml_text:
        return yaml_text.replace("in 2025", "in 2024", 1)
    return yaml_text.replace("since 2025-03-01", "since 2025-04-01", 1)


def single_question(changed_text, original_text):
    """A questions file holding only the question that `changed_one` altered."""
    changed = re.split(r"\n  - ", changed_text)
    original = re.split(r"\n  - ", original_text)
    for new, old in zip(changed, original):
        if new != old:
            return "title: One question\nquestions:\n  - " + new.rstrip("\n") + "\n"
    raise SystemExit("bench: no question changed")


def files_written(stderr):
    match = re.search(r"(\d+) files? written", stderr)
    return int(match.group(1)) if match else -1


def phases(stderr):
    return {m.group(1): float(m.group(2).replace(",", ""))
            for m in re.finditer(r"phase (\w+) ([\d,.]+) ms", stderr)}


def returned_rows(stderr):
    """Rows the database returned to Almanac, from the build's progress line."""
    match = re.search(r"returned ([\d,]+) aggregated rows", stderr)
    return int(match.group(1).replace(",", "")) if match else 0


def build(database, questions, out, extra=()):
    return run_measured([ALMANAC, "build", "--db", database, "--questions", questions, "--out", out,
                         "--llm", "off", "--timings", "--plotly-file", "vendor/plotly/plotly.min.js",
                         *extra])


def cold(out):
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(out), ".almanac"), ignore_errors=True)


def measure(database, yaml_text, scratch, runs):
    questions = os.path.join(scratch, "questions.yaml")
    with open(questions, "w", encoding="utf-8") as handle:
        handle.write(yaml_text)
    out = os.path.join(scratch, "site")
    dump = os.path.join(scratch, "dump.sql")
    result = {"full": [], "rss": [], "written": [], "phases": [], "unchanged": [], "unchanged_written": [],
              "one_changed": [], "sql_only": [], "floor": [], "one_alone": [], "returned": []}
    for _ in range(runs):
        cold(out)
        seconds, rss, _, err = build(database, questions, out)
        result["returned"].append(returned_rows(err))
        result["full"].append(seconds)
        result["rss"].append(rss)
        result["written"].append(files_written(err))
        result["phases"].append(phases(err))
        seconds, _, _, err = build(database, questions, out)
        result["unchanged"].append(seconds)
        result["unchanged_written"].append(files_written(err))
    for index in range(runs):
        # Alternate between the two versions so that every run changes one question.
        with open(questions, "w", encoding="utf-8") as handle:
            handle.write(changed_one(yaml_text) if index % 2 == 0 else yaml_text)
        seconds, _, _, _ = build(database, questions, out)
        result["one_changed"].append(seconds)
    # The SQL of the changed question on its own: a build of just that question, replayed.
    alone = os.path.join(scratch, "alone.yaml")
    with open(alone, "w", encoding="utf-8") as handle:
        handle.write(single_question(changed_one(yaml_text), yaml_text))
    alone_out = os.path.join(scratch, "alone-site")
    cold(alone_out)
    alone_dump = os.path.join(scratch, "alone.sql")
    build(database, alone, alone_out, ["--dump-sql", alone_dump])
    for _ in range(runs):
        with open(alone_dump, "rb") as handle:
            seconds, _, _, _ = run_measured(["sqlite3", database], stdin=handle)
        result["one_alone"].append(seconds)
    with open(questions, "w", encoding="utf-8") as handle:
        handle.write(yaml_text)
    cold(out)
    build(database, questions, out, ["--dump-sql", dump])
    for _ in range(runs):
        with open(dump, "rb") as handle:
            seconds, _, _, _ = run_measured(["sqlite3", database], stdin=handle)
        result["sql_only"].append(seconds)
        seconds, _, _, _ = run_measured(["sqlite3", database, FLOOR_SQL])
        result["floor"].append(seconds)
    return result


class StandIn(http.server.BaseHTTPRequestHandler):
    """A Chat Completions server that takes one second per answer."""
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        time.sleep(1.0)
        body = json.dumps({"choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": "Noted."}}],
                           "usage": {"total_tokens": 1}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def llm_critical_path(database, scratch):
    """A cold-cache build against the 1-second stand-in, against its critical path."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    questions = os.path.join(ROOT, "questions.yaml")
    sections = {}
    unsectioned = 0
    for block in re.split(r"\n  - ", open(questions, encoding="utf-8").read())[1:]:
        match = re.search(r"section: (.+)", block)
        if match:
            sections[match.group(1).strip()] = sections.get(match.group(1).strip(), 0) + 1
        else:
            unsectioned += 1
    jobs = 4
    chain = max(max(sections.values(), default=0), math.ceil(unsectioned / jobs))
    # With `jobs` requests in flight, all the requests together need at least this long too.
    total = sum(sections.values()) + unsectioned
    critical = max(chain, math.ceil(total / jobs))
    out = os.path.join(scratch, "llm-site")
    env = dict(os.environ, OPENAI_API_KEY="bench-key", OPENAI_BASE_URL=f"http://127.0.0.1:{server.server_port}/v1")
    cold(out)
    warm, _, _, _ = run_measured([ALMANAC, "build", "--db", database, "--questions", questions, "--out", out,
                                  "--llm", "off", "--plotly-file", "vendor/plotly/plotly.min.js"])
    cold(out)
    cache = os.path.join(scratch, "answers")
    shutil.rmtree(cache, ignore_errors=True)
    seconds, _, _, _ = run_measured([ALMANAC, "build", "--db", database, "--questions", questions, "--out", out,
                                     "--llm", "auto", "--model", "stand-in", "--cache", cache, "--jobs", str(jobs),
                                     "--plotly-file", "vendor/plotly/plotly.min.js"], env=env)
    server.shutdown()
    return seconds, critical + warm, critical


def postgres_rows(runs, scratch):
    """The demo questions at 1M from one PostgreSQL server and from the two-shard cluster."""
    script = os.path.join(ROOT, "scripts", "postgres.sh")
    subprocess.run([script, "start"], cwd=ROOT, check=True)
    rows = []
    try:
        questions = os.path.join(scratch, "pg-questions.yaml")
        with open(os.path.join(ROOT, "questions.yaml"), encoding="utf-8") as handle:
            text = re.sub(r"(?m)^database:.*$", "", handle.read())
        with open(questions, "w", encoding="utf-8") as handle:
            handle.write(text)
        for server, extra in (("single", ["--force"]), ("cluster", ["--keep-schema"])):
            url = subprocess.run([script, "url", server], cwd=ROOT, check=True, capture_output=True,
                                 text=True).stdout.strip()
            started = time.monotonic()
            subprocess.run([ALMANAC, "seed", "--out", url, "--users", str(DATABASES["1M"]), *extra],
                           cwd=ROOT, check=True, capture_output=True)
            loaded = time.monotonic() - started
            full, rss, returned, floor = [], [], [], []
            out = os.path.join(scratch, f"pg-{server}")
            for _ in range(runs):
                cold(out)
                seconds, peak, _, err = build(url, questions, out)
                full.append(seconds)
                rss.append(peak)
                returned.append(returned_rows(err))
                seconds, _, _, _ = run_measured(["psql", url, "-qAt", "-c", FLOOR_SQL])
                floor.append(seconds)
            count = int(subprocess.run(["psql", url, "-qAt", "-c", "SELECT count(*) FROM enrollments"],
                                       check=True, capture_output=True, text=True).stdout)
            rows.append((server, count, loaded, median(full), median(floor), max(rss), median(returned)))
    finally:
        subprocess.run([script, "stop"], cwd=ROOT)
    return rows


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "almanac"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores; {open('/proc/meminfo').readline().split()[1]} kB memory; "
          f"runs per measure: {RUNS}")
    seeded = {}
    for name, users in DATABASES.items():
        if name == "10M" and os.environ.get("BENCH_10M", "1") == "0":
            continue
        path, seconds = seed(name, users)
        seeded[name] = path
        made = f"made in {seconds:.1f} s" if seconds is not None else "reused"
        print(f"database {name}: {enrollments(path):,} enrollments ({made})")
    scratch = tempfile.mkdtemp(prefix="almanac-bench-")
    try:
        results = {}
        quick = os.environ.get("BENCH_QUICK") == "1"
        plan = [("1M", 24, RUNS)]
        if not quick:
            plan += [("1M", 200, max(1, RUNS // 2)), ("1M", 1000, max(1, RUNS // 3))]
        if "10M" in seeded and not quick:
            plan.append(("10M", 24, max(1, RUNS // 3)))
        for name, count, runs in plan:
            database = seeded[name]
            print(f"measuring {name} × {count} questions ({runs} runs)…", flush=True)
            results[(name, count)] = measure(database, question_set(database, count), scratch, runs)

        print()
        print("| data × questions | full build | no change | one changed | its SQL alone | SQL only | scan floor |"
              " build ÷ floor | build ÷ SQL only | one changed ÷ its SQL | peak RSS | files written (full / no change) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for (name, count), r in results.items():
            full, floor, sql = median(r["full"]), median(r["floor"]), median(r["sql_only"])
            one, alone = median(r["one_changed"]), median(r["one_alone"])
            print(f"| {name} × {count} | {full:.2f} s | {median(r['unchanged']):.3f} s | "
                  f"{one:.2f} s | {alone:.2f} s | {sql:.2f} s | {floor:.2f} s | {full / floor:.2f} | "
                  f"{full / sql:.2f} | {one / alone:.2f} | {max(r['rss']):.0f} MB | {median(r['written']):.0f} / "
                  f"{median(r['unchanged_written']):.0f} |")
        print()
        print("Rows the database returned to Almanac in a full build:")
        for (name, count), r in results.items():
            enrolled = enrollments(seeded[name])
            print(f"- {name} × {count}: {median(r['returned']):,.0f} rows, "
                  f"{100 * median(r['returned']) / enrolled:.3f} % of {enrolled:,} enrollments")
        print()
        print("Phases of the full build, median ms:")
        names = ["load", "match", "sql", "charts", "narration", "render", "write"]
        print("| data × questions | " + " | ".join(names) + " |")
        print("| --- |" + " ---: |" * len(names))
        for (name, count), r in results.items():
            cells = [f"{median([p.get(phase, 0) for p in r['phases']]):.0f}" for phase in names]
            print(f"| {name} × {count} | " + " | ".join(cells) + " |")
        print()
        base = median(results[("1M", 24)]["full"])
        for count in (200, 1000):
            if ("1M", count) in results:
                grown = median(results[("1M", count)]["full"])
                print(f"growth 24 → {count} questions: × {grown / base:.2f} time for × {count / 24:.1f} questions")
        if ("10M", 24) in results:
            print(f"growth 1M → 10M enrollments: × {median(results[('10M', 24)]['full']) / base:.2f} time")
        if os.environ.get("BENCH_POSTGRES", "1") != "0":
            print()
            print("| PostgreSQL 15, 1M × 24 | enrollments | seed (s) | full build | floor in psql | build ÷ floor |"
                  " peak RSS | rows returned |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for server, count, loaded, full, floor, rss, returned in postgres_rows(RUNS, scratch):
                print(f"| {server} | {count:,} | {loaded:.1f} | {full:.2f} s | {floor:.2f} s | {full / floor:.2f} |"
                      f" {rss:.0f} MB | {returned:,.0f} ({100 * returned / count:.3f} %) |")
        if quick:
            return
        print()
        seconds, bound, critical = llm_critical_path(seeded["1M"], scratch)
        print(f"cold-cache build with a 1 s model: {seconds:.2f} s against critical path {critical} s "
              f"+ warm build = {bound:.2f} s: × {seconds / bound:.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
