# Almanac: the two commands of the README are `make demo` and `make test`.
SWIFT ?= swift
ALMANAC = .build/debug/almanac
DEMO_DB = data/demo.db

PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MAN1DIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MANUAL = .build/plugins/GenerateManual/outputs/almanac

.PHONY: setup build demo demo-postgres site test check-format check-layers format check-cli check-site check-serve check-install check-engines fuzz bench bench-site install uninstall clean

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
test: setup check-format check-layers
	$(SWIFT) build --product almanac
	@scripts/with-postgres.sh sh -c '$(SWIFT) test && $(MAKE) --no-print-directory check-cli check-site check-serve check-install check-engines fuzz'

## The code is formatted by .swift-format (the toolchain's swift-format); `make format` applies it.
SWIFT_SOURCES = Package.swift Sources Tests Plugins
check-format:
	@$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES) || { \
	  echo "check-format: run 'make format' to apply .swift-format" >&2; exit 1; }

format:
	$(SWIFT) format --in-place --recursive $(SWIFT_SOURCES)

## The core's folders depend one way, along the pipeline (docs/architecture.md).
check-layers:
	@python3 scripts/check-layers.py

## The command line against the built binary: numeric flags, check's output streams.
check-cli:
	@scripts/check-cli.sh

check-site:
	@scripts/check-site.sh

## `almanac serve` end to end: reload on a change, the error overlay, paths outside the site,
## a taken port (scripts/check-serve.py).
check-serve:
	@python3 scripts/check-serve.py

## `make install` into a temporary prefix, then init, seed and build a report outside the
## repository and draw every chart in Chromium with no network (scripts/check-install.sh).
check-install:
	@scripts/check-install.sh

## Install the release binary, its man pages (from swift-argument-parser's generate-manual
## plugin, finished by scripts/man-pages.py: exit statuses, examples) and bash, zsh and fish completions (from the binary itself) under PREFIX.
install: setup
	$(SWIFT) package plugin generate-manual --multi-page
	python3 scripts/man-pages.py $(MANUAL)/*.1
	install -d $(BINDIR) $(MAN1DIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 .build/release/almanac $(BINDIR)/almanac
	install -m 644 $(MANUAL)/*.1 $(MAN1DIR)/
	.build/release/almanac --generate-completion-script bash > $(BASHDIR)/almanac
	.build/release/almanac --generate-completion-script zsh > $(ZSHDIR)/_almanac
	.build/release/almanac --generate-completion-script fish > $(FISHDIR)/almanac.fish
	@echo "Installed $(BINDIR)/almanac, its man pages and completions; 'make uninstall PREFIX=$(PREFIX)' removes them."
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "Note: $(PREFIX)/bin is not on your PATH; run: export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

## Remove what `make install` put under PREFIX.
uninstall:
	rm -f $(BINDIR)/almanac $(MAN1DIR)/almanac.1 $(MAN1DIR)/almanac.*.1 \
	  $(BASHDIR)/almanac $(ZSHDIR)/_almanac $(FISHDIR)/almanac.fish

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

## Measure (see docs/performance.md; not a test): the site against Hugo on the same Markdown,
## memory at 2,000 and 10,000 questions and serve's reload latency (bench-site), then builds
## at 1M and 10M enrollments on SQLite, PostgreSQL and the cluster (scripts/bench.py).
## BENCH_QUICK=1 skips bench-site; the other switches are in scripts/bench.py's docstring.
bench: setup
	@if [ "$$BENCH_QUICK" != 1 ]; then $(MAKE) --no-print-directory bench-site; fi
	python3 scripts/bench.py

bench-site: setup
	@command -v hugo >/dev/null || { echo "bench: installing Debian's hugo"; \
	  sudo=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); { $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends hugo >/dev/null; } || \
	  { echo "bench: hugo is not installed and apt-get could not install it; install Hugo, or run BENCH_QUICK=1 make bench (no bench-site)" >&2; exit 1; }; }
	python3 scripts/bench-site.py

clean:
	rm -rf .build data
