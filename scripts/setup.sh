#!/usr/bin/env bash
# Installs what building and testing Salesdesk needs, and only what is missing, so running it on
# a ready machine installs nothing. Usage: scripts/setup.sh [--browser]
#   --browser  also install Debian's Chromium for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (pinned with = in Cargo.toml).
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # Not --locked: one of its locked dependencies is no longer in the registry.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" \
  || [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ] \
  || [ ! -f node_modules/ajv/package.json ] || [ ! -f node_modules/ajv-formats/package.json ] \
  || [ ! -f node_modules/esbuild/package.json ] || [ ! -f node_modules/lighthouse/package.json ] \
  || [ ! -f node_modules/pouchdb-server/package.json ]; then
  # pouchdb-server is the sync tests' CouchDB (run --in-memory, so its leveldown and sqlite3
  # install scripts, which npm leaves unrun, are not needed).
  say "installing npm packages (binaryen, esbuild, playwright-core, axe-core, ajv, ajv-formats, lighthouse, pouchdb-server)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi

# Everything Trunk and cargo need later is fetched now; builds then run with --offline.
cargo fetch --quiet
say "ready"
