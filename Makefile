# restorecheck — two commands set up everything on a fresh Debian 12 machine:
#   make verify   install what is missing, build release, verify the shipped demo backup
#   make test     install what is missing, build, run every test
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Build and link: libarchive, sqlite3, zlib through pkg-config. Tests: the real tools that
# make archives and manifests (bsdtar, GNU tar, Info-ZIP, GNU cpio, NetBSD mtree) and xmllint;
# the database engines for `target: postgres | mariadb` (restorecheck starts them itself);
# chromium renders the HTML report in a test, promtool (prometheus) checks the metrics file,
# strace traces the database servers' writes.
BUILD_PACKAGES := pkg-config libarchive-dev libsqlite3-dev zlib1g-dev
APT_PACKAGES := $(BUILD_PACKAGES) \
                libarchive-tools tar gzip xz-utils zstd bzip2 zip unzip cpio mtree-netbsd libxml2-utils sqlite3 \
                postgresql postgresql-client mariadb-server mariadb-client util-linux time python3 \
                chromium prometheus procps strace curl man-db python3-jsonschema python3-yaml systemd prometheus-pushgateway
DEMO_NOW := 2026-11-26T06:00:00Z
BIN := .build/release/restorecheck
# `make install`: a release binary with the Swift runtime linked in (it runs where only
# libarchive13, libsqlite3-0 and zlib are installed), its man page and shell completions.
PREFIX ?= /usr/local
DESTDIR ?=
STATIC_BIN := .build-static/release/restorecheck
MAN_DATE := 2026-12-03
INSTALLED := $(DESTDIR)$(PREFIX)/bin/restorecheck $(DESTDIR)$(PREFIX)/share/man/man1/restorecheck.1 \
             $(DESTDIR)$(PREFIX)/share/bash-completion/completions/restorecheck \
             $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_restorecheck \
             $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/restorecheck.fish

.PHONY: deps build-deps build static install uninstall man man-check verify test golden lint bench fuzz \
        report-shot fixture-times clean help

help:
	@echo "make verify   verify the demo backup (Fixtures/demo) and write Reports/"
	@echo "make test     run every test"
	@echo "make golden   rewrite the golden output files after a deliberate change (review git diff)"
	@echo "make lint     swift format lint with .swift-format (lines of at most 120)"
	@echo "make bench    P1-P5 against bsdtar, sha256sum -c and sqlite3 on a 1.1 GB tree (SCALE=1), import speed"
	@echo "              against sqlite3 (SIZE_MB=300), then peak memory on 2M entries,"
	@echo "              a 500 MB INSERT line and a 100 MB embedded manifest against bsdtar, sqlite3, sha256sum"
	@echo "make fuzz     run each libFuzzer target in Fuzz/Targets for FUZZ_SECONDS (60) seconds"
	@echo "make report-shot  verify the demo and save a PNG of its HTML report (Reports/report-shot.png)"
	@echo "make install  PREFIX=/usr/local DESTDIR=: binary (Swift runtime linked in), man page, completions"
	@echo "make uninstall  remove what make install put under DESTDIR/PREFIX"
	@echo "make man      regenerate docs/man/restorecheck.1 from the command-line definitions"

deps:
	@$(MAKE) --no-print-directory apt-missing PACKAGES="$(APT_PACKAGES)"

# Only what building needs (make install on a build host).
build-deps:
	@$(MAKE) --no-print-directory apt-missing PACKAGES="$(BUILD_PACKAGES)"

apt-missing:
	@command -v swift >/dev/null || { echo "Swift 6 is required (https://swift.org/install)"; exit 2; }
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	swift build -c release

# A fresh clone stamps every file with the checkout time; the demo's archives carry their
# dates in their names, so give them back those mtimes (newest = 2026-11-26).
fixture-times:
	@for f in Fixtures/demo/backups/demo-*; do \
	  d=$$(basename "$$f" | sed -E 's/^demo-([0-9]{4}-[0-9]{2}-[0-9]{2}).*/\1/'); \
	  touch -d "$$d 02:10:00 UTC" "$$f"; \
	done

verify: build fixture-times
	$(BIN) verify Fixtures/demo/plan.yml --now $(DEMO_NOW)

test: deps fixture-times
	swift build --build-tests
	@$(MAKE) --no-print-directory man-check
	$(MAKE) static
	swift test --skip-build

static: build-deps
	swift build -c release --static-swift-stdlib --scratch-path .build-static

install: static
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 -s $(STATIC_BIN) $(DESTDIR)$(PREFIX)/bin/restorecheck
	install -m 0644 docs/man/restorecheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/restorecheck.1
	$(STATIC_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/restorecheck
	$(STATIC_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_restorecheck
	$(STATIC_BIN) --generate-completion-script fish > \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/restorecheck.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/restorecheck (man restorecheck; completions for bash, zsh, fish)"

uninstall:
	rm -f $(INSTALLED)

# The man page is generated from the ArgumentParser definitions by its GenerateManual plugin and
# kept in git (installing needs no second build); `make test` fails when it is out of date.
man:
	swift package plugin generate-manual --configuration debug --date $(MAN_DATE) \
	  --authors "the restorecheck developers"
	cp .build/plugins/GenerateManual/outputs/restorecheck/restorecheck.1 docs/man/restorecheck.1

man-check:
	@swift package plugin generate-manual --configuration debug --date $(MAN_DATE) \
	  --authors "the restorecheck developers" >/dev/null
	@cmp -s .build/plugins/GenerateManual/outputs/restorecheck/restorecheck.1 docs/man/restorecheck.1 || \
	  { echo "docs/man/restorecheck.1 is out of date with the command line: run make man"; exit 1; }

# The toolchain's formatter as a linter (.swift-format: 4 spaces, lines of at most 120), plus a
# line-length check it cannot make on string literals, plus a build with warnings as errors.
lint:
	swift format lint --strict -r -p Sources Tests Package.swift
	@long=$$(awk 'length > 120 { print FILENAME ":" FNR ": " length " characters" }' $$(find Sources Tests -name '*.swift')); \
	if [ -n "$$long" ]; then echo "$$long"; echo "lines over 120 characters"; exit 1; fi
	@echo "lint: clean"

# Rewrite the golden files (Tests/Golden) from the current outputs of the
# fixed demo run; review `git diff` before committing them.
golden: deps
	swift build --build-tests
	RESTORECHECK_UPDATE_GOLDEN=1 swift test --skip-build --filter GoldenOutputTests

# A picture of the demo's HTML report, rendered by headless Chromium.
report-shot: build fixture-times
	$(BIN) verify Fixtures/demo/plan.yml --now $(DEMO_NOW) -q || true
	chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2000 \
	  --screenshot=$(CURDIR)/Reports/report-shot.png file://$(CURDIR)/Reports/demo/latest/report.html
	@echo "saved Reports/report-shot.png"

# Issue 14's P1-P5 against bsdtar, sha256sum -c and sqlite3; import speed against `sqlite3 new.db < dump.sql`;
# peak memory on the inputs that once grew without bound. Benchmarks: they print, never fail.
bench: build
	Benchmarks/bench-speed.sh
	Benchmarks/bench-import.sh
	Benchmarks/bench-memory.sh

# libFuzzer on every parser of untrusted bytes (checksum lists, mtree, SQL, INSERT, COPY,
# plans), seeded from Fixtures/; a crash is saved under .build-fuzz/crashes and fails.
fuzz: deps
	Fuzz/run.sh

clean:
	rm -rf .build Reports/*/ Reports/*.xml Reports/*.json Reports/*.sqlite Reports/*.png
