#!/usr/bin/env bash
# Rebuilds the demo site from the seeded demo data into a scratch folder and compares it,
# byte for byte, with the committed site/. Any difference fails: every code change shows its
# effect on real output in the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
almanac=.build/debug/almanac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$almanac" seed --out "$scratch/demo.db" 2>/dev/null
"$almanac" build --quiet --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/site"
# plotly.js is third-party code and stays out of git.
rm -f "$scratch"/site/assets/plotly-*.min.js
if ! diff -r --exclude='plotly-*.min.js' site "$scratch/site" >"$scratch/diff.txt"; then
  echo "check-site: the committed site/ differs from what this code builds:" >&2
  head -n 60 "$scratch/diff.txt" >&2
  echo "Run 'make demo' and commit site/ if the change is intended." >&2
  exit 1
fi
echo "check-site: site/ matches the build byte for byte."
