# Almanac: the two commands of the README are `make demo` and `make test`.
SWIFT ?= swift
ALMANAC = .build/debug/almanac
DEMO_DB = data/demo.db

.PHONY: setup build demo demo-postgres site test check-cli check-site check-engines fuzz bench clean

## Install Debian packages and plotly.min.js when missing (idempotent, about a second when done).
setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --product almanac

## Seed the demo database and build the demo site into site/.
demo: build
	$(ALMANAC) seed --out $(DEMO_DB) --force
	$(ALMANAC) build --db $(DEMO_DB) --questions questions.yaml --out site --llm off
	@echo "Open site/index.html in a browser."

## Run the unit tests, then the site checks: the committed demo site is exactly what the code
## builds, in any time zone and locale; the Nu HTML checker; every page in headless Chromium;
## then the same analytics from SQLite, PostgreSQL and a two-shard PostgreSQL cluster. The
## PostgreSQL servers run on loopback for the duration and are always stopped afterwards.
test: setup
	$(SWIFT) build --product almanac
	@scripts/with-postgres.sh sh -c '$(SWIFT) test && $(MAKE) --no-print-directory check-cli check-site check-engines fuzz'

## The command line against the built binary: numeric flags, check's output streams.
check-cli:
	@scripts/check-cli.sh

check-site:
	@scripts/check-site.sh

## About 60 s of random questions files, flags and small databases against the debug binary,
## after the inputs in scripts/fuzz-corpus/ (see scripts/fuzz.py).
fuzz:
	@python3 scripts/fuzz.py

## Needs the servers: run it as scripts/with-postgres.sh make check-engines.
check-engines:
	@scripts/check-engines.sh

## Load the demo into PostgreSQL: make demo-postgres URL=postgres://user@host/db
demo-postgres: build
	@test -n "$(URL)" || { echo "usage: make demo-postgres URL=postgres://user@host:5432/dbname" >&2; exit 2; }
	$(ALMANAC) seed --out "$(URL)" --force

## Measure builds at 1M and 10M enrollments (see docs/performance.md); not a test.
bench: setup
	python3 scripts/bench.py

clean:
	rm -rf .build data
