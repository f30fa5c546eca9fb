#!/usr/bin/env bash
# The site checks of `make test`, on the demo site built from freshly seeded data:
#   1. byte-identical to the committed site/ (plotly.js aside, which stays out of git);
#   2. byte-identical again when built in another time zone and locale with --jobs 8;
#   3. no errors from the Nu HTML checker;
#   4. every page renders in headless Chromium with no console errors, and every chart, those
#      behind "More charts" too, is laid out cleanly (scripts/browser-check.py);
#   5. the search box, from file://, lists the pages that mention a badge (scripts/check-search.py).
set -euo pipefail
cd "$(dirname "$0")/.."
almanac=.build/debug/almanac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$almanac" seed --out "$scratch/demo.db" 2>/dev/null
TZ=UTC LANG=C "$almanac" build --quiet --jobs 1 --llm off \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/site"

if ! diff -r --exclude='plotly-*.min.js' site "$scratch/site" >"$scratch/diff.txt"; then
  echo "check-site: the committed site/ differs from what this code builds:" >&2
  head -n 60 "$scratch/diff.txt" >&2
  echo "Run 'make demo' and commit site/ if the change is intended." >&2
  exit 1
fi
echo "check-site: site/ matches the build byte for byte."

# The SQL budget: statements and SQLite virtual-machine steps count work, not time, so this
# holds on any machine however loaded; a return to one scan per question fails it.
"$almanac" build --quiet --llm off --force --timings \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/budget" 2>"$scratch/timings.txt"
python3 scripts/check-budget.py "$scratch/timings.txt" scripts/sql-budget.txt

TZ=Pacific/Auckland LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$almanac" build --quiet --jobs 8 --llm off \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/site-again" 2>/dev/null
if ! diff -r "$scratch/site" "$scratch/site-again" >"$scratch/diff.txt"; then
  echo "check-site: a build in Pacific/Auckland, de_DE.UTF-8, --jobs 8 differs:" >&2
  head -n 60 "$scratch/diff.txt" >&2
  exit 1
fi
echo "check-site: identical across time zone, locale and --jobs."

# The weekly routine as a user runs it: the demo as of one Sunday, then a week later into the
# same folder. The feed must keep both reports, and a rebuild with nothing changed writes nothing.
TZ=UTC LANG=C "$almanac" build --quiet --llm off --plotly cdn --as-of 2026-09-20 \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/story" 2>/dev/null
TZ=UTC LANG=C "$almanac" build --quiet --llm off --plotly cdn --as-of 2026-09-27 \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/story" 2>/dev/null
python3 scripts/check-feed.py "$scratch/site" 1
python3 scripts/check-feed.py "$scratch/story" 2
grep -q "## What changed" "$scratch/story/index.md" || { echo "check-site: the second week's index has no What changed" >&2; exit 1; }
touch "$scratch/demo.db"
rebuilt=$(TZ=UTC LANG=C "$almanac" build --llm off --plotly cdn --as-of 2026-09-27 \
  --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/story" 2>&1 | grep "files written")
case "$rebuilt" in
  *": 0 files written"*) echo "check-site: the two-week story holds; a rebuild of the same week writes nothing." ;;
  *) echo "check-site: a rebuild of the same week wrote files: $rebuilt" >&2; exit 1 ;;
esac
# The second week's index (What changed) and a page with a comparison, through the checker.
mkdir -p "$scratch/story-pages"
cp "$scratch/story/index.html" "$scratch/story/enrollment-trend.html" "$scratch/story-pages/"

scripts/check-html.sh "$scratch/site"
scripts/check-html.sh "$scratch/story-pages"
python3 scripts/browser-check.py "$scratch/site"
# Two badges and an organization of the seeded data, by name.
mapfile -t names < <(sqlite3 "$scratch/demo.db" \
  "SELECT name FROM (SELECT name FROM badges ORDER BY name LIMIT 2) UNION ALL SELECT name FROM (SELECT name FROM organizations ORDER BY name LIMIT 1)")
python3 scripts/check-search.py "$scratch/site" "${names[@]}"
