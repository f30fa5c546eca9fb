#!/usr/bin/env python3
"""The site-generator half of `make bench` (`make bench-site` alone): Almanac's pages against
Hugo's on the same Markdown, memory as questions grow, and `almanac serve`'s reload latency.

On the demo database (bench/data/demo.db, seeded once with the release binary):

  1. a full build, from cold (no site, no .almanac/), of 2,000 generated questions
     (scripts/bench.py's question_set), BENCH_RUNS times (default 3): median time, peak RSS;
  2. Hugo (Debian's package; `make bench` installs it) building the 2,000 Markdown twins that
     build wrote (site/*.md, each given a front-matter title) into HTML with a minimal layout
     and no syntax highlighting (Almanac has none), from cold, the same number of runs, in the
     same process run as 1: median time;
  3. one full build of 10,000 questions: time and peak RSS;
  4. scripts/check-serve.py with the release binary and 5 rounds: one question changed in
     questions.yaml → the reload event → the new page fetched; the median.

Prints a Markdown table for docs/performance.md. Not a test: these machines are shared.
"""

import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALMANAC = os.path.join(ROOT, ".build", "release", "almanac")
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "scripts", "bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def almanac_build(database, questions, out):
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(out), ".almanac"), ignore_errors=True)
    seconds, rss, _, err = bench.run_measured(
        [ALMANAC, "build", "--db", database, "--questions", questions, "--out", out, "--llm", "off", "--timings"])
    search = re.search(r"Search index: ([\d,]+) bytes, ([\d.]+) %", err)
    return seconds, rss, bench.phases(err), (search.group(1), search.group(2)) if search else ("?", "?")


def hugo_project(site, folder):
    """A Hugo project whose content is the twins of `site`, each with its first heading as title."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "content"))
    os.makedirs(os.path.join(folder, "layouts", "_default"))
    with open(os.path.join(folder, "hugo.toml"), "w") as handle:
        handle.write('baseURL = "http://example.org/"\ntitle = "Benchmark"\n'
                     'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
                     # Almanac shows SQL in a plain <pre><code>; Hugo's default syntax
                     # highlighting of the twins' ```sql blocks costs it 20 to 40 times more
                     # (45 to 87 s for these 2,000 twins here), so it is off, as in Almanac.
                     '[markup.highlight]\ncodeFences = false\n'
                     '[markup.goldmark.renderer]\nunsafe = false\n')
    layout = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
              '</head><body><main>{{ .Content }}</main></body></html>\n')
    for name in ("single.html", "list.html"):
        with open(os.path.join(folder, "layouts", "_default", name), "w") as handle:
            handle.write(layout)
    count = 0
    for name in sorted(os.listdir(site)):
        if not name.endswith(".md") or name == "index.md":
            continue
        with open(os.path.join(site, name), encoding="utf-8") as handle:
            text = handle.read()
        title = text.splitlines()[0].lstrip("# ").replace('"', "'")
        with open(os.path.join(folder, "content", name), "w", encoding="utf-8") as handle:
            handle.write('---\ntitle: "%s"\n---\n\n%s' % (title, text))
        count += 1
    return count


def hugo_build(folder):
    shutil.rmtree(os.path.join(folder, "public"), ignore_errors=True)
    shutil.rmtree(os.path.join(folder, "resources"), ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "--source", folder], check=True)
    return time.perf_counter() - started


def main():
    if not shutil.which("hugo"):
        raise SystemExit("bench-site: hugo is not installed (make bench installs Debian's hugo)")
    subprocess.run(["swift", "build", "-c", "release", "--product", "almanac"], cwd=ROOT, check=True)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    database = os.path.join(ROOT, "bench", "data", "demo.db")
    if not os.path.exists(database):
        os.makedirs(os.path.dirname(database), exist_ok=True)
        subprocess.run([ALMANAC, "seed", "--out", database], check=True, stderr=subprocess.DEVNULL)
    scratch = tempfile.mkdtemp(prefix="almanac-bench-site-")
    try:
        rows = {}
        for count in (2000, 10000):
            questions = os.path.join(scratch, "q%d.yaml" % count)
            with open(questions, "w") as handle:
                handle.write(bench.question_set(database, count))
            out = os.path.join(scratch, "site%d" % count)
            runs = RUNS if count == 2000 else 1
            print("bench-site: %d questions, %d run(s)…" % (count, runs), flush=True)
            results = [almanac_build(database, questions, out) for _ in range(runs)]
            rows[count] = results
            if count == 2000:
                pages = hugo_project(out, os.path.join(scratch, "hugo"))
                hugo = [hugo_build(os.path.join(scratch, "hugo")) for _ in range(runs)]
                twins = pages
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
            rows[count] = (results, size)
        print()
        print("| measure | median | runs |")
        print("| --- | ---: | ---: |")
        results, size = rows[2000]
        almanac = statistics.median(r[0] for r in results)
        hugo_median = statistics.median(hugo)
        print("| Almanac, 2,000 questions, full build | %.2f s | %d |" % (almanac, len(results)))
        print("| Hugo %s, the same %d Markdown twins | %.2f s | %d |" % (hugo_version, twins, hugo_median, len(hugo)))
        print("| ratio Almanac ÷ Hugo | %.2f | |" % (almanac / hugo_median))
        print("| peak RSS, 2,000 questions | %.0f MB | %d |" % (max(r[1] for r in results), len(results)))
        print("| search index, 2,000 questions | %s bytes, %s %% of the site (%.0f MB) | |"
              % (results[0][3][0], results[0][3][1], size / 1e6))
        results10, size10 = rows[10000]
        print("| Almanac, 10,000 questions, full build | %.2f s | 1 |" % results10[0][0])
        print("| peak RSS, 10,000 questions | %.0f MB | 1 |" % results10[0][1])
        names = ["load", "match", "sql", "charts", "narration", "render", "write"]
        print()
        print("Phases, ms (2,000: median; 10,000: one run): " + ", ".join(
            "%s %.0f / %.0f" % (n, statistics.median(r[2].get(n, 0) for r in results), results10[0][2].get(n, 0))
            for n in names))
        serve = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check-serve.py"),
                                "--almanac", ALMANAC, "--rounds", "5"], capture_output=True, text=True)
        line = [l for l in serve.stdout.splitlines() if "reload event" in l]
        print()
        print("serve: " + (line[0] if line else "failed:\n" + serve.stdout + serve.stderr))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
