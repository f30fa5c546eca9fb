#!/usr/bin/env bash
# The README's first screen, as written: its Start lines run in a temporary home folder
# (`make install PREFIX=~/.local`, `almanac init ~/my-report --demo`, `cd ~/my-report &&
# almanac build`), then every page in headless Chromium with no network, so every chart must
# come from the plotly.js inside the binary. Then the steps `almanac init` prints, each as
# printed; a changed template reaching the site with no flag; the man pages and completions;
# and `make uninstall` must remove it all.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

# The shell block under "## Start" in the README: three commands, run as one script with `~`
# standing for a fresh home folder. Only `make install` keeps the real HOME (the Swift
# toolchain's caches live there); the rest run with HOME set to the new one.
home="$scratch/home"
mkdir "$home"
start=$(awk '/^## Start$/ {on = 1; next} on && /^```sh$/ {block = 1; next} block && /^```$/ {exit} block {print}' README.md)
[ "$(printf '%s\n' "$start" | grep -c .)" -eq 3 ] || fail "the README's Start block is not three commands: $start"
install_line=$(printf '%s\n' "$start" | head -n 1)
case "$install_line" in
  "make install PREFIX=~/.local "*) ;;
  *) fail "the README's first command is no longer 'make install PREFIX=~/.local': $install_line" ;;
esac
prefix="$home/.local"
if ! make --no-print-directory install PREFIX="$prefix" >"$scratch/install.log" 2>&1; then
  tail -n 30 "$scratch/install.log" >&2
  fail "make install PREFIX=$prefix failed"
fi
almanac="$prefix/bin/almanac"
(cd "$scratch" && env -u OPENAI_API_KEY HOME="$home" PATH="$prefix/bin:$PATH" \
  bash -euo pipefail -c "$(printf '%s\n' "$start" | tail -n +2)") >"$scratch/start.log" 2>&1 \
  || { cat "$scratch/start.log" >&2; fail "the README's Start lines failed"; }
report="$home/my-report"
[ -f "$report/site/index.html" ] || fail "the README's Start lines built no site/index.html"
if grep -qi "cdn\|warning" "$scratch/start.log"; then
  cat "$scratch/start.log" >&2
  fail "the installed binary warned (plotly.js not inside it?)"
fi
ls "$report"/site/assets/plotly-*.min.js >/dev/null 2>&1 || fail "the site has no self-hosted plotly.js"
if grep -l "cdn.plot.ly" "$report"/site/*.html >/dev/null; then fail "a page loads plotly.js from the CDN"; fi
python3 "$repo/scripts/browser-check.py" "$report/site" --offline --screenshots "$scratch/screenshots" >"$scratch/browser.log" 2>&1 \
  || { cat "$scratch/browser.log" >&2; fail "a page of the new report did not draw every chart offline"; }
echo "check-install: the README's Start lines built $(ls "$report"/site/*.html | wc -l) pages; offline Chromium: $(tail -n 1 "$scratch/browser.log")"

# templates/ beside questions.yaml is used with no flag: a changed stylesheet is written.
echo "h1 { letter-spacing: 0.01em; } /* check-install */" >>"$report/templates/assets/style.css"
(cd "$report" && env -u OPENAI_API_KEY "$almanac" build 2>"$scratch/restyle.log") \
  || { cat "$scratch/restyle.log" >&2; fail "the build after a template change failed"; }
grep -q "check-install" "$report"/site/assets/style-*.css \
  || { cat "$scratch/restyle.log" >&2; fail "a changed templates/assets/style.css did not reach the site"; }
(cd "$report" && make --no-print-directory ALMANAC="$almanac" >/dev/null 2>&1) || fail "make in the new project failed"

# `almanac init` without --demo: each step it prints after "Next:", as printed (but
# xdg-open's, which needs a desktop), works.
(cd "$scratch" && HOME="$home" "$almanac" init plain >"$scratch/init.log")
steps=$(sed -n '/^Next:$/,$p' "$scratch/init.log" | tail -n +2 | grep -v '^  xdg-open ')
[ "$(printf '%s\n' "$steps" | grep -c .)" -ge 3 ] || fail "almanac init printed no next steps: $(cat "$scratch/init.log")"
(cd "$scratch" && env -u OPENAI_API_KEY HOME="$home" PATH="$prefix/bin:$PATH" bash -euo pipefail -c "$steps") \
  >"$scratch/steps.log" 2>&1 || { cat "$scratch/steps.log" >&2; fail "the steps almanac init printed failed: $steps"; }
[ -f "$scratch/plain/site/index.html" ] || fail "the steps almanac init printed built no site"
echo "check-install: the steps almanac init prints build a site, and templates/ is used with no flag."

for file in bin/almanac share/man/man1/almanac.1 share/man/man1/almanac.serve.1 \
  share/bash-completion/completions/almanac share/zsh/site-functions/_almanac \
  share/fish/vendor_completions.d/almanac.fish; do
  test -s "$prefix/$file" || fail "make install did not write $file"
done
grep -q '^\.Nm "almanac serve"' "$prefix/share/man/man1/almanac.serve.1" || fail "almanac.serve.1 is not the serve page"
for page in "$prefix"/share/man/man1/*.1; do
  if grep -q '^\.Ex -std' "$page" || ! grep -q '^\.It 3$' "$page"; then
    fail "$(basename "$page") does not list the exit statuses 0 to 3"
  fi
done
for page in almanac almanac.build almanac.serve almanac.schema almanac.check almanac.init almanac.seed \
  almanac.ask almanac.notify; do
  grep -q '^\.Sh EXAMPLES' "$prefix/share/man/man1/$page.1" || fail "$page.1 has no EXAMPLES section"
done
if grep -q -- '-help' "$prefix/share/man/man1/almanac.build.1"; then fail "almanac.build.1 repeats --help"; fi
MANWIDTH=80 man -l "$prefix/share/man/man1/almanac.1" 2>/dev/null | grep -q "serve" \
  || ! command -v man >/dev/null || fail "man cannot read almanac.1"
bash -n "$prefix/share/bash-completion/completions/almanac" || fail "the bash completion does not parse"
grep -q "serve" "$prefix/share/bash-completion/completions/almanac" || fail "the bash completion lacks serve"
grep -q "^#compdef almanac" "$prefix/share/zsh/site-functions/_almanac" || fail "the zsh completion lacks #compdef"
grep -q "complete -c 'almanac'" "$prefix/share/fish/vendor_completions.d/almanac.fish" || fail "the fish completion lacks complete -c almanac"
echo "check-install: make install wrote the binary, $(ls "$prefix/share/man/man1" | wc -l) man pages and 3 completions."

cd "$repo"
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "check-install: make uninstall removed every file."
