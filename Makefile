# Repay's interface: `make serve`, `make test`, `make build`, `make bench`.
# Every target installs what it needs first (see `setup`), so a fresh machine
# needs nothing done by hand.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
WASM := target/wasm32-unknown-unknown/release/repay.wasm
PORT ?= 8080
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build dist bench setup setup-rust setup-node setup-browser check test-rust test-js test-browser fuzz clean

# The fuzz command (not part of `make test`, which runs a seeded 4,000-case sample):
# FUZZ_CASES generated inputs through the API entry the wasm binding uses.
FUZZ_CASES ?= 1000000
FUZZ_SEED ?= 20261129

serve: build
	@echo "Repay is served at http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	python3 scripts/serve.py --port $(PORT) --dir dist/site

# The deployable site is dist/site/ (scripts/build-site.mjs: www/ bundled, split and minified by
# esbuild, with source maps, precompressed .br/.gz beside each file, the service worker's list);
# www/ is the readable source. The one-file copy (dist/repay.html) and the npm package
# (dist/package/) are made from it.
# Three engine modules from the one crate (see ARCHITECTURE.md, "Engine modules"):
# pkg/repay.js, every function (the API embedders and Node import); and the page's
# two, split by cargo features: pkg/repay_terms.js (loanTerms, cashflowRate), loaded
# first, and pkg/repay_cases.js (everything else), fetched after the first result. The page's two
# are built for size (opt-level "z": 1.6 and 4.3 KB less brotli than "s", measured); the whole
# engine keeps the crate's profile.
WASM_OPT := node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
MODULES := target/wasm-modules

build: setup-rust setup-node
	rm -rf www/pkg/snippets
	mkdir -p $(MODULES)
	cargo build --release --target wasm32-unknown-unknown
	cp $(WASM) $(MODULES)/repay.wasm
	for f in terms cases; do \
	  CARGO_PROFILE_RELEASE_OPT_LEVEL=z cargo build --release --target wasm32-unknown-unknown --no-default-features --features $$f --target-dir target/split-$$f; \
	  cp target/split-$$f/wasm32-unknown-unknown/release/repay.wasm $(MODULES)/repay_$$f.wasm; \
	done
	for m in repay repay_terms repay_cases; do \
	  wasm-bindgen --target web --no-typescript --out-dir www/pkg $(MODULES)/$$m.wasm; \
	  $(WASM_OPT) www/pkg/$${m}_bg.wasm -o www/pkg/$${m}_bg.wasm; \
	done
	cp www/repay-api.d.ts www/pkg/repay.d.ts
	node scripts/build-site.mjs
	node scripts/build-single.mjs
	node scripts/dist.mjs
	node scripts/sizes.mjs

# The npm package for embedders (dist/package/; see docs/embedding.md). `make build` writes it too.
dist: build

test: setup check test-rust build test-js test-browser
	@echo "make test: all suites passed"

check: setup-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features terms -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features cases -- -D warnings

test-rust: setup-rust
	cargo test
	python3 tests/golden/verify.py

test-js: build
	node_modules/.bin/tsc -p tests/types
	node --test tests/js/

test-browser: build setup-browser
	node --test --test-concurrency=1 tests/browser/

bench: build
	node bench/bench.mjs

fuzz: setup-rust
	cargo run --release --example fuzz -- $(FUZZ_CASES) $(FUZZ_SEED)

setup: setup-rust setup-node setup-browser

setup-rust:
	rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version "=$(WASM_BINDGEN_VERSION)" --no-default-features; \
	fi

setup-node:
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi

setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/wqy ]; then \
	  echo "installing Debian's chromium (and a CJK font for readable screenshots) for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

clean:
	cargo clean
	rm -rf www/pkg www/sw-version.js out dist
