#!/usr/bin/env python3
"""The benchmark behind docs/performance.md: `make bench` (after `make bench-site`).

Builds Almanac in release mode, makes (and reuses) two seeded SQLite databases of about
1,000,000 and 10,000,000 enrollments (bench/data/1M.db and 10M.db, `almanac seed --users N`)
and measures, one process after another on this machine, size by size (1M on every engine,
then 10M on every engine):

  1. the engine table: for each size, on SQLite, on one PostgreSQL 15 server and on a two-shard
     postgres_fdw cluster (the loopback servers of `make test`, scripts/postgres.sh, which this
     script starts and stops, seeded with the same rows), the full build from cold of the demo's
     questions (questions.yaml), language model off, with `--timings`:
       - build: wall time, median;
       - floor: one aggregate pass over enrollments joined to users, grouped by organization,
         badge and status, in the engine's own shell (sqlite3 or psql), median;
       - build ÷ floor; peak RSS of the build (wait4);
       - statements and SQLite VM steps (the last line of --timings; PostgreSQL has no VM steps)
         and passes (the shared statements: the `plan` lines of --timings);
       - rows the database returned to Almanac (the progress line), as a share of enrollments;
  2. statements per build for 2,000 generated questions against the demo's, on the demo
     database (bench/data/demo.db): one build of each with --timings (the issue's goal: ≤ 1.5×);
  3. the issue's goals, met or not, and for each engine whose 1M build is over 3× its floor, the
     plan of its slowest shared statement at 1M (EXPLAIN QUERY PLAN in sqlite3, EXPLAIN ANALYZE
     in psql; the statement comes from the 1M build's --dump-sql);
  4. the rest, at 1M on SQLite: a rebuild with no change, a rebuild after one question changed
     against that question's statements alone in sqlite3, the build's --dump-sql replayed by
     sqlite3, 200 and 1,000 generated questions, and a cold-cache build against a stand-in
     model on 127.0.0.1 that answers in 1 s.

Seeding PostgreSQL at 10M takes long: the cluster loads through postgres_fdw (1M took 77 s
on the development machine, so about 13 minutes at 10M); the script says so before it starts.

Timings are for this machine only; they are not tests. Environment:
  BENCH_RUNS=N      runs per measure (default 5; the 10M rows and the rest take N // 3, at least 1)
  BENCH_10M=0       skip the 10M database
  BENCH_POSTGRES=0  SQLite only (no PostgreSQL servers)
  BENCH_QUICK=1     the 1M rows of the engine table alone (no 10M, no 2,000 questions, no rest)
  BENCH_EXTRAS=0    skip part 4
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
POSTGRES = os.path.join(ROOT, "scripts", "postgres.sh")
POSTGRES_BIN = os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
QUICK = os.environ.get("BENCH_QUICK") == "1"
WITH_10M = os.environ.get("BENCH_10M", "1") != "0" and not QUICK
WITH_POSTGRES = os.environ.get("BENCH_POSTGRES", "1") != "0"
WITH_EXTRAS = os.environ.get("BENCH_EXTRAS", "1") != "0" and not QUICK
FLOOR_SQL = ("SELECT u.organization_id, e.badge_id, e.status, count(*) FROM enrollments e "
             "JOIN users u ON u.id = e.user_id GROUP BY 1, 2, 3;")
# 208,800 users give 1,000,293 enrollments with the seed's defaults.
DATABASES = {"1M": 208_800, "10M": 2_088_000}
DEMO = "demo"
ENGINES = ("SQLite", "PostgreSQL", "cluster")
MANY = 2000  # generated questions whose statements are counted against the demo's


class Failed(SystemExit):
    """A step of the benchmark failed: the message, not a traceback (also for bench-site.py,
    which calls run_measured)."""


def say(text=""):
    print(text, flush=True)


def step(text):
    """A progress line, with the time, so a long run shows where it is."""
    say(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC, load {loadavg():.1f}] {text}")


def require(program, hint):
    if shutil.which(program) is None and not os.access(program, os.X_OK):
        raise Failed(f"{program} not found: {hint}")


def run_measured(command, env=None, stdin=None):
    """Runs `command` to its end; returns seconds, its own peak RSS in MB (wait4), stdout, stderr."""
    started = time.perf_counter()
    try:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL if stdin else subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=stdin, env=env, cwd=ROOT)
    except OSError as error:
        raise Failed(f"cannot run {command[0]}: {error}") from None
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
        sys.stderr.write(err[-4000:])
        raise Failed(f"{' '.join(command[:4])} … failed with exit status {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, out.decode(errors="replace"), err


def run(command, **kwargs):
    """subprocess.run with check, turning a failure into Failed."""
    try:
        return subprocess.run(command, cwd=ROOT, check=True, **kwargs)
    except subprocess.CalledProcessError as error:
        if isinstance(error.stderr, (str, bytes)) and error.stderr:
            text = error.stderr if isinstance(error.stderr, str) else error.stderr.decode(errors="replace")
            sys.stderr.write(text[-4000:])
        raise Failed(f"{' '.join(map(str, command[:4]))} … failed with exit status {error.returncode}") from None
    except OSError as error:
        raise Failed(f"cannot run {command[0]}: {error}") from None


def median(values):
    return statistics.median(values) if values else float("nan")


def loadavg():
    return os.getloadavg()[0]


def seed(name, users):
    """bench/data/NAME.db, made with `almanac seed` unless it exists; its path and seconds (None if reused)."""
    path = os.path.join(DATA, f"{name}.db")
    if os.path.exists(path):
        return path, None
    os.makedirs(DATA, exist_ok=True)
    if name == "10M":
        step("seeding bench/data/10M.db: a few minutes, once (the file is reused)…")
    partial = path + ".partial"
    if os.path.exists(partial):
        os.remove(partial)
    seconds, _, _, _ = run_measured([ALMANAC, "seed", "--out", partial, "--users", str(users)])
    os.replace(partial, path)
    return path, seconds


def demo_database():
    path = os.path.join(DATA, "demo.db")
    if not os.path.exists(path):
        os.makedirs(DATA, exist_ok=True)
        run([ALMANAC, "seed", "--out", path], capture_output=True)
    return path


def enrollments(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM enrollments").fetchone()[0]


def question_set(database, count):
    """The demo's questions (questions.yaml, without its database line) when `count` is DEMO,
    else `count` questions generated from templates over the database's names."""
    if count == DEMO:
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


def question_count(yaml_text):
    return len(re.findall(r"(?m)^  - text:", yaml_text))


def write(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


# What a build's --timings and progress lines say.

def files_written(stderr):
    match = re.search(r"(\d+) files? written", stderr)
    return int(match.group(1)) if match else -1


def phases(stderr):
    return {m.group(1): float(m.group(2).replace(",", ""))
            for m in re.finditer(r"phase (\w+) ([\d,.]+) ms", stderr)}


def returned_rows(stderr):
    """Rows the database returned to Almanac, from the build's progress line."""
    match = re.search(r"returned ([\d,]+) aggregated rows", stderr)
    return int(match.group(1).replace(",", "")) if match else None


def plan_steps(stderr):
    """The `plan NAME: S scopes, R rows, M ms` lines: the shared statements, the passes."""
    return [(m.group(1), int(m.group(2)), int(m.group(3).replace(",", "")), int(m.group(4).replace(",", "")))
            for m in re.finditer(r"(?m)^plan (.+?): (\d+) scopes?, ([\d,]+) rows?, ([\d,]+) ms$", stderr)]


def statement_totals(stderr):
    """(statements, SQLite VM steps) from --timings' last line."""
    match = re.search(r"(?m)^sql: ([\d,]+) statements?, ([\d,]+) SQLite VM steps", stderr)
    if not match:
        raise Failed("the build's --timings printed no `sql: N statements, M SQLite VM steps` line")
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def build(database, questions, out, extra=()):
    return run_measured([ALMANAC, "build", "--db", database, "--questions", questions, "--out", out,
                         "--llm", "off", "--timings", "--plotly-file", "vendor/plotly/plotly.min.js",
                         *extra])


def cold(out):
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(out), ".almanac"), ignore_errors=True)


# Part 1: the engine table.

def floor_command(engine, database):
    if engine == "SQLite":
        return ["sqlite3", database, FLOOR_SQL]
    return ["psql", database, "-X", "-qAt", "-c", FLOOR_SQL]


def engine_row(engine, size, database, count, questions, scratch, runs, dump=None):
    """Full builds from cold and floors, alternated; the row of the engine table."""
    out = os.path.join(scratch, f"site-{engine}-{size}")
    loads = [loadavg()]
    row = {"engine": engine, "size": size, "enrollments": count, "runs": runs,
           "full": [], "floor": [], "rss": [], "returned": []}
    for index in range(runs):
        cold(out)
        extra = ["--dump-sql", dump] if dump and index == 0 else []
        seconds, rss, _, err = build(database, questions, out, extra)
        row["full"].append(seconds)
        row["rss"].append(rss)
        row["returned"].append(returned_rows(err))
        row["statements"], vm_steps = statement_totals(err)
        row["vm_steps"] = vm_steps if engine == "SQLite" else None
        row["plan"] = plan_steps(err)
        row["phases"] = phases(err)
        loads.append(loadavg())
        seconds, _, _, _ = run_measured(floor_command(engine, database))
        row["floor"].append(seconds)
        loads.append(loadavg())
    row["load"] = (min(loads), max(loads))
    return row


def print_engine_table(rows):
    say("| data | engine | enrollments | full build | floor | build ÷ floor | peak RSS | statements | passes |"
        " VM steps | rows returned | runs | load average |")
    say("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        say(engine_line(r))


def engine_line(r):
    full, floor = median(r["full"]), median(r["floor"])
    returned = median([x for x in r["returned"] if x is not None])
    steps = f"{r['vm_steps']:,}" if r["vm_steps"] is not None else "–"
    return (f"| {r['size']} | {r['engine']} | {r['enrollments']:,} | {full:.2f} s | {floor:.2f} s | "
            f"{full / floor:.1f} | {max(r['rss']):.0f} MB | {r['statements']} | {len(r['plan'])} | {steps} | "
            f"{returned:,.0f} ({100 * returned / r['enrollments']:.3f} %) | {r['runs']} | "
            f"{r['load'][0]:.1f}–{r['load'][1]:.1f} |")


def postgres_start():
    require("psql", "install postgresql-client-15, or run with BENCH_POSTGRES=0")
    for program in ("initdb", "pg_ctl"):
        require(os.path.join(POSTGRES_BIN, program),
                f"PostgreSQL 15's server binaries are not in {POSTGRES_BIN} (set POSTGRES_BIN, "
                "install postgresql-15, or run with BENCH_POSTGRES=0)")
    step("starting the loopback PostgreSQL servers (scripts/postgres.sh)…")
    run([POSTGRES, "start"])
    return {server: run([POSTGRES, "url", server], capture_output=True, text=True).stdout.strip()
            for server in ("single", "cluster")}


def postgres_seed(url, server, size, loaded):
    """Loads `size` into one server (--force) or the cluster (--keep-schema --force); seconds."""
    extra = ["--force"] if server == "single" else ["--keep-schema", "--force"]
    before = loaded.get((server, "1M"))
    if size == "10M":
        estimate = f"1M took {before:.0f} s here, so about {10 * before / 60:.0f} minutes" if before else \
            "1M took 17 s (one server) and 77 s (the cluster) on the development machine; ten times that"
        step(f"seeding 10M into PostgreSQL ({server}): {estimate}…")
    else:
        step(f"seeding {size} into PostgreSQL ({server})…")
    started = time.monotonic()
    run([ALMANAC, "seed", "--out", url, "--users", str(DATABASES[size]), *extra], capture_output=True)
    seconds = time.monotonic() - started
    loaded[(server, size)] = seconds
    return seconds


def postgres_count(url):
    return int(run(["psql", url, "-X", "-qAt", "-c", "SELECT count(*) FROM enrollments"],
                   capture_output=True, text=True).stdout)


# Part 3: the goals and the evidence.

def goals(rows, statements):
    """The issue's goals against the measures: (goal, result, met) triples."""
    found = {(r["size"], r["engine"]): r for r in rows}
    lines = []
    for size in ("1M", "10M"):
        for engine in ("SQLite", "PostgreSQL"):
            r = found.get((size, engine))
            if r:
                ratio = median(r["full"]) / median(r["floor"])
                lines.append((f"{engine}, {size}: build ≤ 3× the floor", f"× {ratio:.1f}", ratio <= 3))
    for size in ("1M", "10M"):
        single, cluster = found.get((size, "PostgreSQL")), found.get((size, "cluster"))
        if single and cluster:
            ratio = median(cluster["full"]) / median(single["full"])
            lines.append((f"the cluster, {size}: time ≤ 2× the single server", f"× {ratio:.2f}", ratio <= 2))
    for engine in ENGINES:
        r = found.get(("10M", engine))
        if r:
            lines.append((f"{engine}, 10M: peak RSS ≤ 100 MB", f"{max(r['rss']):.0f} MB", max(r["rss"]) <= 100))
    for r in rows:
        returned = median([x for x in r["returned"] if x is not None])
        share = 100 * returned / r["enrollments"]
        lines.append((f"{r['engine']}, {r['size']}: rows returned < 1 % of enrollments", f"{share:.3f} %", share < 1))
    if statements:
        demo, many = statements
        lines.append((f"statements, {MANY:,} questions ÷ the demo's ≤ 1.5×",
                      f"{many} ÷ {demo} = × {many / demo:.2f}", many / demo <= 1.5))
    return lines


def statement_texts(dump):
    with open(dump, encoding="utf-8") as handle:
        return [s.strip() for s in handle.read().split("\n;\n") if s.strip()]


def shared_statements(texts, plan):
    """The build's own CREATE statements (SQLite's facts tables), and the shared statements by
    plan step name. --dump-sql writes the build's own statements, then the shared statements in
    the order of the plan lines, then each page's standalone statement; the first `WITH` starts
    the shared ones. None when the dump does not have that shape."""
    start = next((i for i, t in enumerate(texts) if t.startswith("WITH ")), None)
    if start is None or len(texts) < start + len(plan):
        return None
    shared = texts[start:start + len(plan)]
    for (name, _, _, _), text in zip(plan, shared):
        if name.startswith("custom_sql") == text.startswith("WITH "):
            return None
    creates = [t for t in texts[:start] if t.upper().startswith("CREATE ")]
    return creates, {name: text for (name, _, _, _), text in zip(plan, shared)}


def slowest(row):
    return max(row["plan"], key=lambda step: step[3]) if row.get("plan") else None


def evidence(row):
    """The plan of the row's slowest shared statement, as Markdown: EXPLAIN QUERY PLAN in sqlite3
    (after the build's temporary facts tables), EXPLAIN ANALYZE in psql (in a transaction rolled
    back). Run while the database still holds the rows the build read."""
    step, dump, database = slowest(row), row.get("dump"), row["database"]
    if step is None or not dump or not os.path.exists(dump):
        return ""
    name, scopes, rows_out, ms = step
    head = (f"Slowest shared statement, {row['engine']} {row['size']}: `plan {name}: {scopes} scopes, "
            f"{rows_out:,} rows, {ms:,} ms`.")
    found = shared_statements(statement_texts(dump), row["plan"])
    if found is None:
        return head + f" (the dump {os.path.basename(dump)} does not have the expected shape; no plan shown)\n"
    creates, shared = found
    if row["engine"] == "SQLite":
        script = "".join(t + ";\n" for t in creates) + "EXPLAIN QUERY PLAN " + shared[name] + ";\n"
        command = ["sqlite3", database]
    else:
        script = ("BEGIN;\n" + "".join(t + ";\n" for t in creates)
                  + "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + shared[name] + ";\nROLLBACK;\n")
        command = ["psql", database, "-X", "-qAt", "-v", "ON_ERROR_STOP=1"]
    output = run(command, input=script, capture_output=True, text=True).stdout
    return head + "\n\n```\n" + output.rstrip() + "\n```\n"


# Part 4: the rest, at 1M on SQLite.

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
    raise Failed("no question changed")


def measure_rest(database, yaml_text, scratch, runs):
    """Full build, rebuilds with no change and after one question changed, its SQL alone, SQL only."""
    questions = write(os.path.join(scratch, "rest-questions.yaml"), yaml_text)
    out = os.path.join(scratch, "rest-site")
    dump = os.path.join(scratch, "rest-dump.sql")
    result = {key: [] for key in ("full", "rss", "written", "phases", "unchanged", "unchanged_written",
                                  "one_changed", "sql_only", "one_alone")}
    for _ in range(runs):
        cold(out)
        seconds, rss, _, err = build(database, questions, out)
        result["full"].append(seconds)
        result["rss"].append(rss)
        result["written"].append(files_written(err))
        result["phases"].append(phases(err))
        seconds, _, _, err = build(database, questions, out)
        result["unchanged"].append(seconds)
        result["unchanged_written"].append(files_written(err))
    for index in range(runs):
        # Alternate between the two versions so that every run changes one question.
        write(questions, changed_one(yaml_text) if index % 2 == 0 else yaml_text)
        seconds, _, _, _ = build(database, questions, out)
        result["one_changed"].append(seconds)
    alone = write(os.path.join(scratch, "alone.yaml"), single_question(changed_one(yaml_text), yaml_text))
    alone_out = os.path.join(scratch, "alone-site")
    cold(alone_out)
    alone_dump = os.path.join(scratch, "alone.sql")
    build(database, alone, alone_out, ["--dump-sql", alone_dump])
    for _ in range(runs):
        with open(alone_dump, "rb") as handle:
            seconds, _, _, _ = run_measured(["sqlite3", database], stdin=handle)
        result["one_alone"].append(seconds)
    write(questions, yaml_text)
    cold(out)
    build(database, questions, out, ["--dump-sql", dump])
    for _ in range(runs):
        with open(dump, "rb") as handle:
            seconds, _, _, _ = run_measured(["sqlite3", database], stdin=handle)
        result["sql_only"].append(seconds)
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
    with open(questions, encoding="utf-8") as handle:
        blocks = re.split(r"\n  - ", handle.read())[1:]
    for block in blocks:
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


def the_rest(database, scratch):
    runs = max(1, RUNS // 3)
    results = {}
    for count in (DEMO, 200, 1000):
        step(f"the rest: 1M × {count} questions on SQLite ({runs} runs)…")
        results[count] = measure_rest(database, question_set(database, count), scratch, runs)
    say()
    say("| SQLite, 1M × questions | full build | no change | one changed | its SQL alone | SQL only |"
        " build ÷ SQL only | one changed ÷ its SQL | peak RSS | files written (full / no change) |")
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count, r in results.items():
        full, sql = median(r["full"]), median(r["sql_only"])
        one, alone = median(r["one_changed"]), median(r["one_alone"])
        say(f"| {count} | {full:.2f} s | {median(r['unchanged']):.3f} s | {one:.2f} s | {alone:.2f} s | "
            f"{sql:.2f} s | {full / sql:.2f} | {one / alone:.2f} | {max(r['rss']):.0f} MB | "
            f"{median(r['written']):.0f} / {median(r['unchanged_written']):.0f} |")
    say()
    names = ["load", "match", "sql", "narration", "render", "write"]
    say("| phases, median ms | " + " | ".join(names) + " |")
    say("| --- |" + " ---: |" * len(names))
    for count, r in results.items():
        cells = [f"{median([p.get(phase, 0) for p in r['phases']]):.0f}" for phase in names]
        say(f"| 1M × {count} | " + " | ".join(cells) + " |")
    say()
    base = median(results[DEMO]["full"])
    for count in (200, 1000):
        say(f"growth demo → {count} questions: × {median(results[count]['full']) / base:.2f} time")
    seconds, bound, critical = llm_critical_path(database, scratch)
    say(f"cold-cache build with a 1 s model: {seconds:.2f} s against critical path {critical} s "
        f"+ warm build = {bound:.2f} s: × {seconds / bound:.2f}")


# The whole run.

def statements_for_many(scratch):
    """Statements of one build of the demo's questions and of MANY generated ones, on the demo database."""
    database = demo_database()
    counts = {}
    for count in (DEMO, MANY):
        questions = write(os.path.join(scratch, f"statements-{count}.yaml"), question_set(database, count))
        out = os.path.join(scratch, f"statements-{count}")
        cold(out)
        step(f"statements: one build of {question_count(question_set(database, count)):,} questions on the demo database…")
        seconds, rss, _, err = build(database, questions, out)
        counts[count] = (statement_totals(err)[0], len(plan_steps(err)), seconds, rss)
    return counts


def save(rows, counts):
    """bench/data/last-run.json after every row, so an interrupted run keeps what it measured."""
    keep = [{k: v for k, v in r.items() if k not in ("database", "dump")} for r in rows]
    with open(os.path.join(DATA, "last-run.json"), "w", encoding="utf-8") as handle:
        json.dump({"rows": keep, "statements": {str(k): v for k, v in (counts or {}).items()}}, handle, indent=1)


def report(rows, counts, sizes, count):
    say()
    say(f"## The demo's {count} questions at {' and '.join(sizes)} (make bench)")
    say()
    print_engine_table(rows)
    steps = {r["size"]: r["vm_steps"] for r in rows if r["engine"] == "SQLite"}
    if "10M" in steps and steps["10M"] < steps["1M"]:
        say("(the 10M VM steps have wrapped: sqlite3_stmt_status counts each statement's steps in 32 bits)")
    statements = None
    if counts:
        statements = (counts[DEMO][0], counts[MANY][0])
        say()
        say("| demo database, one build with --timings | questions | statements | passes | full build | peak RSS |")
        say("| --- | ---: | ---: | ---: | ---: | ---: |")
        for key, label in ((DEMO, "the demo's"), (MANY, "generated")):
            n, passes, seconds, rss = counts[key]
            say(f"| {label} | {count if key == DEMO else key:,} | {n} | {passes} | {seconds:.2f} s | {rss:.0f} MB |")
    say()
    say("| goal (issue 19) | measured | met |")
    say("| --- | --- | --- |")
    for goal, result, met in goals(rows, statements):
        say(f"| {goal} | {result} | {'yes' if met else '**no**'} |")
    say()
    say("The slowest shared statements (the plan lines of --timings), ms:")
    for row in rows:
        top = sorted(row["plan"], key=lambda step: -step[3])[:3]
        say(f"- {row['engine']} {row['size']}: " + "; ".join(f"{n} {ms:,} ({s} scopes)" for n, s, _, ms in top))
    for row in rows:
        if row.get("evidence"):
            say()
            say(row["evidence"].rstrip())


def main():
    require("swift", "the Swift 6 toolchain builds the release binary")
    require("sqlite3", "install the sqlite3 shell (apt-get install sqlite3): it times the floor")
    say("building the release binary…")
    run(["swift", "build", "-c", "release", "--product", "almanac"])
    if not os.path.exists(os.path.join(ROOT, "vendor", "plotly", "plotly.min.js")):
        raise Failed("vendor/plotly/plotly.min.js is missing: run `make setup` first")
    commit = run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = run(["git", "status", "--porcelain", "--untracked-files=no", "Sources"],
                capture_output=True, text=True).stdout.strip()
    with open("/proc/meminfo", encoding="utf-8") as handle:
        memory = int(handle.readline().split()[1])
    say(f"commit {commit}{' (Sources modified)' if dirty else ''}; machine: {os.cpu_count()} cores, "
        f"{memory // 1024:,} MB memory; runs per measure: {RUNS} (10M: {max(1, RUNS // 3)}); "
        f"load average now {loadavg():.1f}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    sizes = ["1M"] + (["10M"] if WITH_10M else [])
    os.makedirs(DATA, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="almanac-bench-")
    urls, rows, loaded, counts = {}, [], {}, None
    demo_text = question_set(None, DEMO)
    count = question_count(demo_text)
    try:
        if WITH_POSTGRES:
            urls = postgres_start()
        questions = write(os.path.join(scratch, "questions.yaml"), demo_text)
        for size in sizes:
            path, seconds = seed(size, DATABASES[size])
            enrolled = enrollments(path)
            say(f"database {size}: {enrolled:,} enrollments ({f'made in {seconds:.1f} s' if seconds else 'reused'})")
            runs = RUNS if size == "1M" else max(1, RUNS // 3)
            targets = [("SQLite", path)]
            if WITH_POSTGRES:
                targets += [("PostgreSQL", urls["single"]), ("cluster", urls["cluster"])]
            for engine, database in targets:
                if engine != "SQLite":
                    server = "single" if engine == "PostgreSQL" else "cluster"
                    seconds = postgres_seed(database, server, size, loaded)
                    enrolled = postgres_count(database)
                    say(f"  {engine}: seeded {enrolled:,} enrollments in {seconds:.1f} s")
                step(f"measuring {size} × {count} demo questions on {engine} ({runs} run{'s' if runs > 1 else ''})…")
                dump = os.path.join(scratch, f"dump-{engine}-{size}.sql") if size == "1M" else None
                row = engine_row(engine, size, database, enrolled, questions, scratch, runs, dump)
                row["dump"], row["database"] = dump, database
                rows.append(row)
                say(engine_line(row))
                save(rows, counts)
            for row in rows:
                # Over 3× the floor at 1M: what the slowest shared statement does, while the
                # servers still hold 1M (10M replaces them).
                if row["size"] == size == "1M" and median(row["full"]) / median(row["floor"]) > 3:
                    step(f"evidence: the plan of {row['engine']}'s slowest shared statement at 1M…")
                    row["evidence"] = evidence(row)
                    say(row["evidence"].rstrip())
            if size == "1M" and not QUICK:
                counts = statements_for_many(scratch)
                say(f"statements: {counts[DEMO][0]} for the demo's questions, {counts[MANY][0]} for {MANY:,}")
                save(rows, counts)
        report(rows, counts, sizes, count)
        if WITH_EXTRAS:
            the_rest(seed("1M", DATABASES["1M"])[0], scratch)
    finally:
        if urls:
            subprocess.run([POSTGRES, "stop"], cwd=ROOT)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except Failed as failure:
        raise SystemExit(f"bench: {failure}") from None
    except KeyboardInterrupt:
        raise SystemExit("bench: interrupted") from None
