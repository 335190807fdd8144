# FloorDesk: `make run` to start the desk app, `make test` for everything CI checks.
# System packages come from scripts/setup-deps.sh (Debian/Ubuntu; apt-get).

GO      ?= go
TAGS    := migrated_fynedo
ARGS    ?=
SERVER  := ./cmd/floordesk-server

.PHONY: run build test deps-run deps-test fmt-check vet gotest windows smoke bench clean

run: build
	./bin/floordesk $(ARGS)

build: deps-run
	$(GO) build -tags $(TAGS) -o bin/floordesk .

# The steps run in this order even under `make -j`.
test: deps-test
	@$(MAKE) --no-print-directory fmt-check
	@$(MAKE) --no-print-directory vet
	@$(MAKE) --no-print-directory gotest
	@$(MAKE) --no-print-directory windows
	@$(MAKE) --no-print-directory smoke

deps-run:
	@scripts/setup-deps.sh run

deps-test:
	@scripts/setup-deps.sh test

fmt-check:
	@files=$$(gofmt -l .); \
	if [ -n "$$files" ]; then echo "gofmt: these files need gofmt -w:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...

gotest:
	$(GO) test -race -tags $(TAGS) -timeout 40m ./...

# The desk app for Windows (cgo, MinGW-w64; a GUI program, so no console
# window opens behind it) and the server (pure Go).
windows:
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -ldflags -H=windowsgui -o bin/floordesk.exe .
	@if ls $(SERVER)/*.go >/dev/null 2>&1; then \
		echo "CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o bin/floordesk-server.exe $(SERVER)"; \
		CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o bin/floordesk-server.exe $(SERVER); \
	else echo "windows: no Go files in $(SERVER) yet, server not built"; fi

# A real window under Xvfb; UPDATE_SCREENSHOT=1 refreshes docs/screenshot-dashboard.png.
smoke:
	scripts/smoke.sh

# Benchmarks beside their references, the real desk under Xvfb, one table
# (see README, Performance). BENCH_ARGS=-write updates docs/ and the README.
BENCH_ARGS ?=
bench: deps-test
	$(GO) run ./cmd/floordesk-bench $(BENCH_ARGS)

clean:
	rm -rf bin
