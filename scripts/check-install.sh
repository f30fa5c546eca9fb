#!/usr/bin/env bash
# `make install PREFIX=<temporary folder>`, then the new-user path outside the repository:
# `almanac init`, `seed` and `build` with the installed binary, and every page in headless
# Chromium with no network, so every chart must come from the plotly.js inside the binary.
# Then the man pages and completions are checked, and `make uninstall` must remove it all.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
prefix="$scratch/prefix"
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

if ! make --no-print-directory install PREFIX="$prefix" >"$scratch/install.log" 2>&1; then
  tail -n 30 "$scratch/install.log" >&2
  fail "make install PREFIX=$prefix failed"
fi
almanac="$prefix/bin/almanac"
for file in bin/almanac share/man/man1/almanac.1 share/man/man1/almanac.serve.1 \
  share/bash-completion/completions/almanac share/zsh/site-functions/_almanac \
  share/fish/vendor_completions.d/almanac.fish; do
  test -s "$prefix/$file" || fail "make install did not write $file"
done
grep -q '^\.Nm "almanac serve"' "$prefix/share/man/man1/almanac.serve.1" || fail "almanac.serve.1 is not the serve page"
MANWIDTH=80 man -l "$prefix/share/man/man1/almanac.1" 2>/dev/null | grep -q "serve" \
  || ! command -v man >/dev/null || fail "man cannot read almanac.1"
bash -n "$prefix/share/bash-completion/completions/almanac" || fail "the bash completion does not parse"
grep -q "serve" "$prefix/share/bash-completion/completions/almanac" || fail "the bash completion lacks serve"
grep -q "^#compdef almanac" "$prefix/share/zsh/site-functions/_almanac" || fail "the zsh completion lacks #compdef"
grep -q "complete -c 'almanac'" "$prefix/share/fish/vendor_completions.d/almanac.fish" || fail "the fish completion lacks complete -c almanac"
echo "check-install: make install wrote the binary, $(ls "$prefix/share/man/man1" | wc -l) man pages and 3 completions."

# A new user's report, far from the repository and its vendor/ folder.
mkdir "$scratch/work"
cd "$scratch/work"
"$almanac" init my-report >/dev/null
cd my-report
"$almanac" seed --out data/platform.db >/dev/null 2>&1
"$almanac" build --llm off 2>"$scratch/build.log" || { cat "$scratch/build.log" >&2; fail "almanac build failed"; }
if grep -qi "cdn\|warning" "$scratch/build.log"; then
  cat "$scratch/build.log" >&2
  fail "the installed binary warned (plotly.js not inside it?)"
fi
ls site/assets/plotly-*.min.js >/dev/null 2>&1 || fail "the site has no self-hosted plotly.js"
if grep -l "cdn.plot.ly" site/*.html >/dev/null; then fail "a page loads plotly.js from the CDN"; fi
python3 "$repo/scripts/browser-check.py" site --offline --screenshots "$scratch/screenshots" >"$scratch/browser.log" 2>&1 \
  || { cat "$scratch/browser.log" >&2; fail "a page of the new report did not draw every chart offline"; }
echo "check-install: init, seed and build outside the repository; offline Chromium: $(tail -n 1 "$scratch/browser.log")"

cd "$repo"
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "check-install: make uninstall removed every file."
