#!/usr/bin/env bash
# The engine check of `make test`: the demo, seeded into SQLite, one PostgreSQL server and the
# two-shard cluster, built from questions.yaml with the same --as-of, must give exactly the
# same metadata.analytics_data on every page. Run it under scripts/with-postgres.sh, which
# sets ALMANAC_TEST_POSTGRES_URL and ALMANAC_TEST_POSTGRES_CLUSTER_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ALMANAC_TEST_POSTGRES_URL:?run under scripts/with-postgres.sh}"
: "${ALMANAC_TEST_POSTGRES_CLUSTER_URL:?run under scripts/with-postgres.sh}"
almanac=.build/debug/almanac
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
as_of=2026-09-30

"$almanac" seed --out "$scratch/demo.db" 2>/dev/null
"$almanac" seed --out "$ALMANAC_TEST_POSTGRES_URL" --force 2>/dev/null
# The cluster's tables are partitioned over the shards by scripts/postgres.sh; load rows only.
"$almanac" seed --out "$ALMANAC_TEST_POSTGRES_CLUSTER_URL" --keep-schema --force 2>/dev/null

for engine in sqlite postgres cluster; do
  case $engine in
    sqlite) db=$scratch/demo.db ;;
    postgres) db=$ALMANAC_TEST_POSTGRES_URL ;;
    cluster) db=$ALMANAC_TEST_POSTGRES_CLUSTER_URL ;;
  esac
  "$almanac" build --quiet --llm off --as-of "$as_of" --db "$db" --questions questions.yaml \
    --out "$scratch/$engine" --dump-sql "$scratch/$engine.sql"
done

# What a page shows is what ran: each engine's dump replays in that engine's own shell.
sqlite3 -bail "$scratch/demo.db" < "$scratch/sqlite.sql" > /dev/null
for engine in postgres cluster; do
  [ $engine = postgres ] && db=$ALMANAC_TEST_POSTGRES_URL || db=$ALMANAC_TEST_POSTGRES_CLUSTER_URL
  psql "$db" -X -q -v ON_ERROR_STOP=1 -f "$scratch/$engine.sql" > /dev/null
done
echo "check-engines: every --dump-sql replays in sqlite3 and psql."

python3 - "$scratch" <<'PY'
import difflib, json, pathlib, sys

scratch = pathlib.Path(sys.argv[1])
def pages(engine):
    # digest.json is the week's summary, not a report document.
    return {p.name: p for p in sorted((scratch / engine).glob("*.json")) if p.name != "digest.json"}

def data(path):
    return json.loads(path.read_text())["metadata"]["analytics_data"]

def derived(path):
    """What the comparison windows and the weekly series computed, through the same SQL."""
    metadata = json.loads(path.read_text())["metadata"]
    return {key: metadata.get(key) for key in ("comparison", "insights", "key_measures")}

def text(value):
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)

def raw(path):
    """The analytics_data object exactly as the build serialised it."""
    source = path.read_text()
    start = source.index('"analytics_data"')
    decoder = json.JSONDecoder()
    colon = source.index(":", start) + 1
    while source[colon] in " \n":
        colon += 1
    _, end = decoder.raw_decode(source, colon)
    return source[colon:end]

reference = pages("sqlite")
failures = 0
for engine, name in (("sqlite", "sqlite"), ("postgres", "postgresql"), ("cluster", "postgresql")):
    for path in pages(engine).values():
        if path.name != "index.json" and json.loads(path.read_text())["metadata"].get("engine") != name:
            print(f"check-engines: {engine}/{path.name} does not name its engine as {name}")
            failures += 1
for engine in ("postgres", "cluster"):
    other = pages(engine)
    if set(other) != set(reference):
        print(f"check-engines: {engine} built pages {sorted(set(other) ^ set(reference))} that sqlite did not, or the reverse")
        failures += 1
        continue
    for name, path in reference.items():
        expected, actual = data(path), data(other[name])
        if expected != actual or raw(path) != raw(other[name]):
            failures += 1
            print(f"check-engines: {name}: analytics_data differs between sqlite and {engine}:")
            diff = difflib.unified_diff(
                text(expected).splitlines(), text(actual).splitlines(),
                "sqlite", engine, lineterm="", n=2)
            print("\n".join(list(diff)[:40]) or "  (same values, different serialisation)")
        if derived(path) != derived(other[name]):
            failures += 1
            print(f"check-engines: {name}: comparison, insights or key measures differ between sqlite and {engine}:")
            diff = difflib.unified_diff(
                text(derived(path)).splitlines(), text(derived(other[name])).splitlines(),
                "sqlite", engine, lineterm="", n=2)
            print("\n".join(list(diff)[:40]))
if failures:
    sys.exit(1)
print(f"check-engines: {len(reference)} pages, same analytics_data, comparisons and insights on SQLite, PostgreSQL and the two-shard cluster.")
PY
