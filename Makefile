# Gradient Descent Lab. `make run` opens the window, `make test` runs every test.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
export LANG := en_US.UTF-8
export LC_ALL := en_US.UTF-8
export CGO_ENABLED := 1

VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)
BIN := build/gdlab
TAGS := migrated_fynedo

.PHONY: run build test unit e2e lint bench fuzz deps deps-test clean

run: deps build
	./$(BIN)

build:
	@mkdir -p build
	go build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

deps:
	@scripts/deps.sh

deps-test:
	@scripts/deps.sh test

test: deps-test lint unit build e2e package-check

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet -tags ci,$(TAGS) ./...

unit:
	go test -race -tags ci,$(TAGS) -count=1 ./...
	go test -run '^$$' -fuzz FuzzParse -fuzztime 20s ./optimizer/expr/

# The real binary under Xvfb, driven with xdotool; screenshots land in build/screenshots.
e2e: build
	go test -tags e2e -count=1 -v -timeout 10m ./e2e/ -args -binary $(CURDIR)/$(BIN) -shots $(CURDIR)/build/screenshots

bench:
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf build

# make package, make package-check: the Linux and Windows bundles.
include package.mk
