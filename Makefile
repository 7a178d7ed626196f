# Gradient Descent Lab. `make run` opens the window, `make test` runs every test;
# `make release-check` builds the release bundles and checks them.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
export LANG := en_US.UTF-8
export LC_ALL := en_US.UTF-8
export CGO_ENABLED := 1

VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)
BIN := build/gdlab
TAGS := migrated_fynedo
# The packages that must build and pass without cgo (no Fyne): the engine,
# the CLI, lessons, sessions, messages and reports.
NOCGO_PKGS := ./internal/cli/ ./optimizer/... ./lesson/ ./session/ ./message/ ./report/ ./model/

.PHONY: run build test unit fuzz e2e lint bench deps deps-test release-check clean

run: deps build
	./$(BIN)

build:
	@mkdir -p build
	go build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

deps:
	@scripts/deps.sh

deps-test:
	@scripts/deps.sh test

# Everything but the release bundles (make release-check).
test: deps-test lint unit fuzz build e2e

lint:
	@files=$$(git ls-files -co --exclude-standard '*.go' 2>/dev/null) || files=$$(find . -name '*.go' -not -path './build/*'); \
	unformatted=$$(for f in $$files; do [ -f "$$f" ] && echo "$$f"; done | xargs -r gofmt -l); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet -tags ci,$(TAGS) ./...

unit:
	go test -race -tags ci,$(TAGS) -count=1 ./...
	CGO_ENABLED=0 go test -count=1 $(NOCGO_PKGS)

# 20 s of fuzzing the function parser.
fuzz:
	go test -run '^$$' -fuzz FuzzParse -fuzztime 20s ./optimizer/expr/

# The real binary under Xvfb, driven with xdotool; screenshots land in build/screenshots.
e2e: build
	go test -tags e2e -count=1 -v -timeout 10m ./e2e/ -args -binary $(CURDIR)/$(BIN) -shots $(CURDIR)/build/screenshots

bench:
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf build

# make package, make release-check: the Linux and Windows bundles.
include package.mk
