#!/usr/bin/env python3
"""The site-generator half of `make bench` (`make bench-site` alone): Almanac's pages against
Hugo's on the same Markdown, memory and files as questions grow, and `almanac serve`'s reload
latency.

On the demo database (bench/data/demo.db, seeded once with the release binary), for 2,000 and
10,000 generated questions (scripts/bench.py's question_set):

  1. a full build, from cold (no site, no .almanac/), BENCH_RUNS times at 2,000 (default 3)
     and once at 10,000: median time, peak RSS (wait4), files written and bytes of the site
     (also per question), the search index's size, and the wall time of each phase
     (`--timings`);
  2. Hugo (Debian's package; `make bench-site` installs it) building the Markdown twins that
     build wrote (site/*.md, each given a front-matter title) into HTML with a minimal layout
     and no syntax highlighting (Almanac has none), from cold, as many runs, in the same
     process run as 1: median time, and the ratio;
  3. scripts/check-serve.py with the release binary and 5 rounds: one question changed in
     questions.yaml → the reload event → the new page fetched; the median.

BENCH_SITE_COUNTS=2000 measures one size only (default 2000,10000); BENCH_SERVE=0 skips 3.
Prints Markdown tables for docs/performance.md. Not a test: these machines are shared.
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
COUNTS = [int(n) for n in os.environ.get("BENCH_SITE_COUNTS", "2000,10000").split(",")]
SERVE = os.environ.get("BENCH_SERVE", "1") != "0"
PHASES = ["load", "match", "sql", "narration", "render", "write"]

spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "scripts", "bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def almanac_build(database, questions, out):
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(out), ".almanac"), ignore_errors=True)
    seconds, rss, _, err = bench.run_measured(
        [ALMANAC, "build", "--db", database, "--questions", questions, "--out", out, "--llm", "off", "--timings"])
    search = re.search(r"Search index: ([\d,]+) bytes, ([\d.]+) %", err)
    written = re.search(r"([\d,]+) files? written", err)
    return {
        "seconds": seconds, "rss": rss, "phases": bench.phases(err),
        "search": (search.group(1), search.group(2)) if search else ("?", "?"),
        "written": int(written.group(1).replace(",", "")) if written else 0,
    }


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
        if not name.endswith(".md") or name in ("index.md", "digest.md"):
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


def site_size(folder):
    """Files and bytes under `folder`."""
    sizes = [os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs]
    return len(sizes), sum(sizes)


def measure(database, scratch, count):
    """Almanac's builds of `count` questions, then Hugo's of their twins, the same number of times."""
    questions = os.path.join(scratch, "q%d.yaml" % count)
    with open(questions, "w") as handle:
        handle.write(bench.question_set(database, count))
    out = os.path.join(scratch, "site%d" % count)
    runs = RUNS if count == 2000 else 1
    print("bench-site: %d questions, %d run(s)…" % (count, runs), flush=True)
    builds = [almanac_build(database, questions, out) for _ in range(runs)]
    files, size = site_size(out)
    hugo_folder = os.path.join(scratch, "hugo%d" % count)
    twins = hugo_project(out, hugo_folder)
    hugo = [hugo_build(hugo_folder) for _ in range(runs)]
    shutil.rmtree(hugo_folder, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return {"count": count, "builds": builds, "files": files, "bytes": size, "twins": twins, "hugo": hugo}


def report(results, hugo_version):
    counts = sorted(results)
    def row(label, cell):
        print("| %s | %s |" % (label, " | ".join(cell(results[n]) for n in counts)))
    def median(r, key):
        return statistics.median(b[key] for b in r["builds"])
    print()
    print("| measure | " + " | ".join("%s questions" % format(n, ",") for n in counts) + " |")
    print("| --- |" + " ---: |" * len(counts))
    row("runs (medians below)", lambda r: str(len(r["builds"])))
    row("Almanac, full build from cold", lambda r: "%.2f s" % median(r, "seconds"))
    row("Hugo %s, the same Markdown twins" % hugo_version,
        lambda r: "%.2f s (%d twins)" % (statistics.median(r["hugo"]), r["twins"]))
    row("**Almanac ÷ Hugo**", lambda r: "**%.1f**" % (median(r, "seconds") / statistics.median(r["hugo"])))
    row("peak RSS (largest run)", lambda r: "%.0f MB" % max(b["rss"] for b in r["builds"]))
    row("files written", lambda r: format(r["builds"][-1]["written"], ","))
    row("files in the site, per question", lambda r: "%s, %.2f" % (format(r["files"], ","), r["files"] / r["count"]))
    row("bytes of the site, per question", lambda r: "%.1f MB, %.1f KB" % (r["bytes"] / 1e6, r["bytes"] / r["count"] / 1e3))
    row("search index", lambda r: "%s bytes, %s %%" % r["builds"][-1]["search"])
    for name in PHASES:
        row("phase %s" % name, lambda r, name=name: "%s ms" % format(
            round(statistics.median(b["phases"].get(name, 0) for b in r["builds"])), ","))


def main():
    if not shutil.which("hugo"):
        raise SystemExit("bench-site: hugo is not installed (make bench-site installs Debian's hugo)")
    subprocess.run(["swift", "build", "-c", "release", "--product", "almanac"], cwd=ROOT, check=True)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    database = os.path.join(ROOT, "bench", "data", "demo.db")
    if not os.path.exists(database):
        os.makedirs(os.path.dirname(database), exist_ok=True)
        subprocess.run([ALMANAC, "seed", "--out", database], check=True, stderr=subprocess.DEVNULL)
    scratch = tempfile.mkdtemp(prefix="almanac-bench-site-")
    try:
        results = {count: measure(database, scratch, count) for count in COUNTS}
        report(results, hugo_version)
        if SERVE:
            serve = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check-serve.py"),
                                    "--almanac", ALMANAC, "--rounds", "5"], capture_output=True, text=True)
            line = [l for l in serve.stdout.splitlines() if "reload event" in l]
            print()
            print("serve: " + (line[0] if line else "failed:\n" + serve.stdout + serve.stderr))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
