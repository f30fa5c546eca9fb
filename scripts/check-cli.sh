#!/usr/bin/env bash
# The command line's own checks in `make test`, against the built binary:
#   1. every numeric flag out of range, NaN or infinite is a usage error: exit 2, the flag
#      named on standard error, and no crash (issue 15, item 4);
#   2. `almanac check` writes its findings to standard error and exits 1 on errors;
#   3. `build --fail-on-alert` exits 3, bad alerts exit 1 with their lines, and `notify`
#      fails on a dead webhook without printing its path or query;
#   4. `almanac schema`'s SQLite SQL makes a database that `almanac check` accepts;
#   5. a mistyped command or flag suggests the closest, `build --help` leads with --db,
#      --questions and --out, and a YAML mistake shows its line with a caret.
set -uo pipefail
cd "$(dirname "$0")/.."
almanac=.build/debug/almanac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

# expect_usage FLAG COMMAND...: the command exits 2 and names FLAG on standard error.
expect_usage() {
  local flag=$1
  shift
  "$almanac" "$@" >"$scratch/out" 2>"$scratch/err"
  local status=$?
  if [ "$status" -ne 2 ] || ! grep -q -- "$flag" "$scratch/err"; then
    echo "check-cli: almanac $* exited $status (want 2 naming $flag):" >&2
    head -n 5 "$scratch/err" >&2
    failures=$((failures + 1))
  fi
}

for value in nan inf -inf 1e30 0 -1; do
  expect_usage --llm-timeout build --llm off --llm-timeout "$value"
  expect_usage --llm-deadline build --llm off --llm-deadline "$value"
  expect_usage --llm-timeout ask "How many?" --llm off --llm-timeout "$value"
done
for value in nan inf 1e30 -1; do
  expect_usage --statement-timeout build --statement-timeout "$value"
  expect_usage --statement-timeout check --db x.db --statement-timeout "$value"
  expect_usage --temperature build --temperature "$value"
done
expect_usage --jobs build --jobs 0
expect_usage --jobs build --jobs 100000
expect_usage --chart-limit build --chart-limit 1
expect_usage --chart-limit build --chart-limit 99999999999
expect_usage --max-tokens build --max-tokens 0
expect_usage --users seed --out "$scratch/x.db" --users 0
expect_usage --users seed --out "$scratch/x.db" --users 99999999999
expect_usage --badges seed --out "$scratch/x.db" --badges 1
expect_usage --organizations seed --out "$scratch/x.db" --organizations 0
# A report date in year 9999: "this year" would end on 10000-01-01, which sorts before it.
expect_usage --as-of build --llm off --as-of 9999-12-31
expect_usage --as-of ask "How many?" --llm off --as-of 9999-06-01
# The reason, not only "invalid" or "missing value"; a templates file, before any SQL runs.
expect_usage "2026-02 has 28 days, not 30" build --llm off --as-of 2026-02-30
expect_usage "there is no month 13" ask "How many?" --llm off --as-of 2026-13-01
expect_usage "from 0 to" build --statement-timeout -1
expect_usage "README.md is a file" build --llm off --templates README.md
expect_usage "no such folder" build --llm off --templates "$scratch/none"

# ask: an empty question is a usage error with ask's own usage line.
expect_usage "the question is empty" ask "  " --llm off
if ! grep -q "^Usage: almanac ask" "$scratch/err"; then
  echo "check-cli: ask with an empty question shows another command's usage:" >&2
  head -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# ask: a name read as the one a letter away is said without a file line, which ask has not.
"$almanac" seed --out "$scratch/demo.db" >/dev/null 2>&1
"$almanac" ask --db "$scratch/demo.db" --llm off "How many people are enrolled in Pyton Basics?" \
  >"$scratch/out" 2>"$scratch/err"
if ! grep -q "read 'Pyton Basics' as 'Python Basics'" "$scratch/err" || grep -q ":0:" "$scratch/err"; then
  echo "check-cli: ask's name correction is missing or points at line 0:" >&2
  head -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# build: a statement timeout hit by the row rules says so (an attack run's message named
# nothing). 2 ms is far less than the rules' pass over the demo's 24,090 enrollments.
"$almanac" build --db "$scratch/demo.db" --questions questions.yaml --out "$scratch/timeout-site" \
  --llm off --statement-timeout 0.002 >"$scratch/out" 2>"$scratch/err"
if ! grep -qF "the check of every row against docs/schema.md's rules" "$scratch/err"; then
  echo "check-cli: a timeout in the row rules does not say so:" >&2
  head -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# ask: a question over 2,000 characters is a usage error that does not echo it.
long=$(head -c 3000 /dev/zero | tr '\0' 'x')
expect_usage "the limit is 2000" ask "$long" --llm off
if grep -q xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "$scratch/err"; then
  echo "check-cli: ask echoed the whole long question" >&2
  failures=$((failures + 1))
fi

# ask: control characters a question quotes are written out in errors, not sent to the
# terminal ("\e]0;pwned\a" set its title, "\e[2J" cleared its screen: an attack run).
"$almanac" ask --db "$scratch/demo.db" --llm off "$(printf 'hello \033]0;pwned\007 world')" \
  >"$scratch/out" 2>"$scratch/err"
if grep -q "$(printf '\033')" "$scratch/err" || ! grep -qF 'hello \u{1B}]0;pwned\u{7} world' "$scratch/err"; then
  echo "check-cli: an error sent a question's control characters to the terminal:" >&2
  head -n 3 "$scratch/err" | cat -v >&2
  failures=$((failures + 1))
fi

# check: a database with a missing table is an error on standard error, exit 1.
sqlite3 "$scratch/broken.db" "CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT);"
"$almanac" check --db "$scratch/broken.db" >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 1 ] || ! grep -q "missing table" "$scratch/err"; then
  echo "check-cli: almanac check on a broken database exited $status with this on stderr (want 1 and the findings):" >&2
  head -n 5 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# The weekly routine: --fail-on-alert exits 3 with the site written; bad alerts exit 1 with
# their lines; notify never prints the webhook's path or query and fails on a dead webhook.
"$almanac" seed --out "$scratch/demo.db" --users 300 >/dev/null 2>&1
cat >"$scratch/alerts.yaml" <<'YAML'
title: Alerts
questions:
  - {text: What is the completion rate by organization?, id: completion, kind: completion_metrics}
alerts:
  - {question: completion, measure: completion_rate, above: 1}
YAML
"$almanac" build --db "$scratch/demo.db" --questions "$scratch/alerts.yaml" --out "$scratch/site" --llm off \
  --plotly cdn --fail-on-alert >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 3 ] || [ ! -f "$scratch/site/digest.md" ] || ! grep -q "completion rate above 1%" "$scratch/site/digest.md"; then
  echo "check-cli: build --fail-on-alert with a triggered alert exited $status (want 3, and the digest written):" >&2
  tail -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi
# One question, one statement: the counts are in the singular.
if ! grep -q "^Built 1 page as of" "$scratch/err"; then
  echo "check-cli: a build of one question does not say 'Built 1 page':" >&2
  tail -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi
cat >"$scratch/bad-alerts.yaml" <<'YAML'
title: Alerts
questions:
  - {text: What is the completion rate by organization?, id: completion}
alerts:
  - {question: completion, measure: completion_rate, above: 1, below: 2}
  - {question: other, measure: enrollments, above: 1}
YAML
"$almanac" build --db "$scratch/demo.db" --questions "$scratch/bad-alerts.yaml" --out "$scratch/bad" --llm off \
  --plotly cdn >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 1 ] || ! grep -q "bad-alerts.yaml:5:.*exactly one of above, below" "$scratch/err" \
  || ! grep -q "bad-alerts.yaml:6:.*alert for \`other\`: no question has that id" "$scratch/err"; then
  echo "check-cli: build with bad alerts exited $status (want 1 and both lines):" >&2
  head -n 5 "$scratch/err" >&2
  failures=$((failures + 1))
fi
expect_usage ALMANAC_WEBHOOK_URL notify --site "$scratch/site"
ALMANAC_WEBHOOK_URL="http://127.0.0.1:9/hooks/SECRET-PATH?token=SECRET-QUERY" \
  "$almanac" notify --site "$scratch/site" --deadline 2 >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 1 ] || grep -q SECRET "$scratch/err" "$scratch/out" || ! grep -q "127.0.0.1:9/…" "$scratch/err"; then
  echo "check-cli: notify to a dead webhook exited $status (want 1, naming only its host):" >&2
  head -n 3 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# schema: the printed SQLite DDL makes a database that check accepts once it has rows (typed
# here by hand); the PostgreSQL part is there too.
"$almanac" schema --engine sqlite | sqlite3 "$scratch/own.db"
sqlite3 "$scratch/own.db" "
  INSERT INTO organizations VALUES (1, 'Acme');
  INSERT INTO users VALUES (1, 'Ann', 1, '2026-01-05'), (2, 'Bo', NULL, '2026-01-06');
  INSERT INTO badges VALUES (1, 'Python Basics', 'Programming');
  INSERT INTO enrollments VALUES (1, 1, 1, '2026-01-10', 'completed', 1.0, '2026-02-01'),
    (2, 2, 1, '2026-01-12T09:30:00', 'in_progress', 0.5, NULL);"
"$almanac" check --db "$scratch/own.db" >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 0 ] || ! grep -q ": OK$" "$scratch/out"; then
  echo "check-cli: check on a database made by 'almanac schema --engine sqlite' exited $status (want 0 and OK):" >&2
  head -n 5 "$scratch/err" >&2
  failures=$((failures + 1))
fi
"$almanac" schema >"$scratch/schema.sql"
if [ "$(grep -c '^CREATE TABLE' "$scratch/schema.sql")" -ne 8 ] || ! grep -q "bigint PRIMARY KEY" "$scratch/schema.sql"; then
  echo "check-cli: almanac schema did not print both engines' four tables" >&2
  failures=$((failures + 1))
fi

# A mistyped command or flag: exit 2 with the closest name suggested.
expect_usage "Did you mean 'build'?" biuld
expect_usage "Did you mean 'prune'?" cache prnue
expect_usage "Did you mean '--out'?" build --ot site
# build --help leads with --db, --questions and --out, and shows examples.
"$almanac" build --help >"$scratch/help" 2>&1
first=$(grep -oE '^  --[a-z-]+' "$scratch/help" | head -n 3 | tr -d ' ' | tr '\n' ' ')
if [ "$first" != "--db --questions --out " ] || ! grep -q "^Examples:" "$scratch/help"; then
  echo "check-cli: build --help does not lead with --db, --questions, --out and examples (first: $first)" >&2
  failures=$((failures + 1))
fi

# serve --help leads with its own --port and --host.
"$almanac" serve --help >"$scratch/help" 2>&1
first=$(grep -oE '^  --[a-z-]+' "$scratch/help" | head -n 2 | tr -d ' ' | tr '\n' ' ')
if [ "$first" != "--port --host " ]; then
  echo "check-cli: serve --help does not lead with --port and --host (first: $first)" >&2
  failures=$((failures + 1))
fi
expect_usage "--port must be a whole number" serve --port 0

# A YAML mistake: the line where the quote opens, the line itself, a caret and plain words.
printf 'title: T\nquestions:\n  - text: "Why do people drop out?\n  - text: How many enrolled?\n' >"$scratch/quote.yaml"
"$almanac" build --db "$scratch/demo.db" --questions "$scratch/quote.yaml" --out "$scratch/q" --llm off \
  >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 1 ] || ! grep -q "quote.yaml:3:11: invalid YAML: a quote opened here is never closed" "$scratch/err" \
  || ! grep -qx ' 3 |   - text: "Why do people drop out?' "$scratch/err" \
  || ! grep -qx '   |           ^' "$scratch/err" || grep -q "scalar" "$scratch/err"; then
  echo "check-cli: an unclosed quote exited $status with (want 1, line 3, the line and a caret):" >&2
  head -n 5 "$scratch/err" >&2
  failures=$((failures + 1))
fi

# 6. `init` with an empty folder name is a usage error, and `init --demo` over an existing
#    data/demo.db writes nothing (a blind test's left a half-made project).
expect_usage "folder to create is empty" init ""
mkdir -p "$scratch/project/data"
echo "mine" >"$scratch/project/data/demo.db"
"$almanac" init "$scratch/project" --demo >"$scratch/out" 2>"$scratch/err"
status=$?
if [ "$status" -ne 1 ] || ! grep -q "demo.db: already exists; nothing was written" "$scratch/err" \
  || [ -e "$scratch/project/questions.yaml" ] || [ "$(cat "$scratch/project/data/demo.db")" != "mine" ]; then
  echo "check-cli: init --demo over an existing demo.db exited $status and wrote files:" >&2
  head -n 5 "$scratch/err" >&2
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "check-cli: $failures failure(s)" >&2
  exit 1
fi
echo "check-cli: every numeric flag is validated; check reports on standard error; alerts exit 3; notify hides its URL; schema's SQL makes a database check accepts; typos get a suggestion; YAML errors show the line; init refuses before writing."
