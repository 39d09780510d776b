#!/usr/bin/env bash
# Installs what is missing and runs every test layer: formatting, lints (native and wasm32),
# the layout rules (tests/layout), the core's unit tests, the snapshot JSON Schema check, the
# sync server's rules and the sync engine against an in-memory pouchdb-server, the
# stylesheets' collection and naming rule, the release wasm's size budget, the browser
# end-to-end suite against the release build, and the first load measured by Lighthouse
# (reports in target/lighthouse/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all targets)"
cargo clippy --all-targets --all-features --offline -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --offline -- -D warnings

step "the house: no file or module cycles, no file of 450 lines, a pure core (tests/layout)"
node --test tests/layout/*.test.mjs

step "unit tests (native core)"
cargo test --offline

step "snapshot JSON Schema (Ajv against files the exporter writes)"
node --test tests/schema/*.test.mjs

step "sync server rules: pouchdb-server in memory on 127.0.0.1, the team set-up and its validate_doc_update (tests/sync)"
node --test tests/sync/*.test.mjs

step "sync engine against pouchdb-server: two devices, merges, 409, refusals (tests/sync_server.rs, ignored by plain cargo test)"
cargo test --offline --test sync_server -- --ignored

step "styles: collected from their folders, class names prefixed by component (scripts/styles.mjs)"
node --test tests/styles/*.test.mjs

step "release build (trunk) and the capacity data generator"
trunk build --release --offline
cargo build --release --offline --features testkit --bin bench_storage

step "wasm size budget: dist/*_bg.wasm gzipped at level 9 (tests/size)"
node --test tests/size/*.test.mjs

step "browser end-to-end tests (Playwright + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "first load: Lighthouse mobile and desktop, dist/ served gzip-compressed (reports in target/lighthouse/)"
node --test --test-concurrency=1 tests/lighthouse/*.test.mjs
