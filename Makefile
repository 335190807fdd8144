# FloorDesk: `make run` to start the desk app, `make test` for everything CI checks.
# System packages come from scripts/setup-deps.sh (Debian/Ubuntu; apt-get).

GO      ?= go
# no_emoji: the desk leaves out Fyne's bundled emoji font, which Fyne parses
# again for every text style drawn (about 5 MB of heap each; issue 12). An
# emoji typed in a note still shows where the system has an emoji font.
TAGS    := migrated_fynedo,no_emoji
ARGS    ?=
SERVER  := ./cmd/floordesk-server
# The version both programs report (--version, About, /v1/info), from the
# git tag: scripts/version.sh; releases are made by scripts/release.sh.
ifndef VERSION
VERSION := $(shell scripts/version.sh)
endif
LDFLAGS := -X floordesk/version.Version=$(VERSION)

.PHONY: run build test dist dist-check deps-run deps-test deps-dist fmt-check vet gotest fuzz fuzz-short fuzz-each soak windows smoke bench clean

run: build
	./bin/floordesk $(ARGS)

build: deps-run
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o bin/floordesk .

# The steps run in this order even under `make -j`.
test: deps-dist
	@$(MAKE) --no-print-directory fmt-check
	@$(MAKE) --no-print-directory vet
	@$(MAKE) --no-print-directory gotest
	@$(MAKE) --no-print-directory fuzz-short
	@$(MAKE) --no-print-directory windows
	@$(MAKE) --no-print-directory smoke
	@$(MAKE) --no-print-directory dist

deps-run:
	@scripts/setup-deps.sh run

deps-test:
	@scripts/setup-deps.sh test

deps-dist:
	@scripts/setup-deps.sh dist

# Release files in bin/dist (scripts/dist.sh: the Windows installer, the
# Linux desk and server packages), then their checks (scripts/dist-check.sh,
# also alone as dist-check). The last step of `make test`: about 8 minutes
# with a warm build cache, 10 cold.
dist: deps-dist
	GO="$(GO)" VERSION="$(VERSION)" scripts/dist.sh

dist-check:
	GO="$(GO)" VERSION="$(VERSION)" scripts/dist-check.sh

fmt-check:
	@files=$$(gofmt -l .); \
	if [ -n "$$files" ]; then echo "gofmt: these files need gofmt -w:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

gotest:
	$(GO) test -race -tags $(TAGS) -timeout 40m ./...

# Fuzz targets as package:Target; go test fuzzes one target per run.
# `make fuzz` runs each for FUZZTIME, `make test` each for FUZZ_SHORT
# (fuzz-short). A failing input lands in the package's testdata/fuzz/,
# where plain `go test` runs it from then on: commit it with the fix.
FUZZ_TARGETS := \
	data/wire:FuzzScannerValid data/wire:FuzzDecodeEvent data/wire:FuzzEventRoundTrip \
	data/wire:FuzzDecodePushRequest data/wire:FuzzDecodePullResponse data/wire:FuzzDecodeSeal \
	server:FuzzPush server:FuzzPull server:FuzzParsePull app:FuzzImportRooms
FUZZTIME   ?= 60s
FUZZ_SHORT ?= 3s

fuzz:
	@$(MAKE) --no-print-directory fuzz-each FUZZ_FOR=$(FUZZTIME) FUZZ_MINIMIZE=10s

fuzz-short:
	@$(MAKE) --no-print-directory fuzz-each FUZZ_FOR=$(FUZZ_SHORT) FUZZ_MINIMIZE=1s

# One target at a time. A short -fuzzminimizetime keeps the fuzzers
# fuzzing: minimising each new input for the default minute stalls them.
# .ci/fuzz-one runs a target again when Go's coordinator fails it at its
# deadline with no failing input (golang/go#75804).
fuzz-each:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; \
		echo "fuzz $$name (./$$pkg) for $(FUZZ_FOR)"; \
		GO="$(GO)" bash .ci/fuzz-one $$pkg $$name $(FUZZ_FOR) $(FUZZ_MINIMIZE) -tags $(TAGS); \
	done

# A long soak (soak/doc.go; a short one runs in gotest): SOAK_DESKS desks
# work for SOAK_DURATION while the server restarts every 10 s.
# As root it also fills the server's disk and frees it (TestSoakDiskFull;
# SOAK_ARGS=-soak.diskfull=false leaves that out).
SOAK_DURATION ?= 5m
SOAK_DESKS    ?= 16
SOAK_ARGS     ?=
soak:
	$(GO) test -tags $(TAGS) -run '^TestSoak' -count 1 -v -timeout 60m ./soak \
		-soak.duration $(SOAK_DURATION) -soak.desks $(SOAK_DESKS) -soak.rate 100 $(SOAK_ARGS)

# The desk app for Windows (cgo, MinGW-w64; a GUI program, so no console
# window opens behind it) with its icon, version and manifest
# (scripts/winres.sh), checked by packaging/pecheck; and the server (pure Go).
windows:
	@GO="$(GO)" scripts/winres.sh "$(VERSION)" >/dev/null
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -ldflags "-H=windowsgui $(LDFLAGS)" -o bin/floordesk.exe .
	$(GO) run ./packaging/pecheck -version "$(VERSION)" -numeric "$$(scripts/version.sh numeric "$(VERSION)")" bin/floordesk.exe
	@if ls $(SERVER)/*.go >/dev/null 2>&1; then \
		echo "CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags \"$(LDFLAGS)\" -o bin/floordesk-server.exe $(SERVER)"; \
		CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags "$(LDFLAGS)" -o bin/floordesk-server.exe $(SERVER); \
	else echo "windows: no Go files in $(SERVER) yet, server not built"; fi

# A real window under Xvfb; UPDATE_SCREENSHOT=1 refreshes docs/screenshot-dashboard.png.
smoke:
	scripts/smoke.sh

# Benchmarks beside their references, the real desk under Xvfb, one table
# (see README, Performance), with an event's way across three servers on
# one PostgreSQL beside the same server's. BENCH_ARGS=-write updates docs/
# and the README.
BENCH_ARGS ?=
bench: deps-test
	$(GO) run ./cmd/floordesk-bench $(BENCH_ARGS)

clean:
	rm -rf bin
