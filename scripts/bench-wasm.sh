#!/usr/bin/env bash
# The orders-core benchmark in the browser: builds src/bin/bench_wasm.rs for wasm32 exactly as the
# app is built (the release profile, wasm-bindgen --target web, then wasm-opt with the flags
# index.html gives Trunk), and runs it in Debian's headless Chromium. Prints the medians.
# Usage: scripts/bench-wasm.sh [RUNS] [core|dashboard|all]    (default 21, all; the native figures: cargo run --release --features testkit --bin bench_core)
#        BENCH_PROFILE=1 scripts/bench-wasm.sh [RUNS]   also prints where the time goes
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
RUNS="${1:-21}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
OUT="$TARGET_DIR/bench-wasm"

cargo build --release --offline --target wasm32-unknown-unknown --features testkit --bin bench_wasm
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" \
  "$TARGET_DIR/wasm32-unknown-unknown/release/bench_wasm.wasm"

# The same optimisation as the app's release build: Trunk runs `wasm-opt -O<level>` with the
# data-wasm-opt-params of index.html, so read both from there rather than copying them.
LEVEL=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html | head -n1)
PARAMS=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n1)
# shellcheck disable=SC2086 # PARAMS is a list of flags
# A profile needs the function names, which wasm-opt drops unless told to keep them (-g).
KEEP_NAMES=()
if [[ -n "${BENCH_PROFILE:-}" ]]; then KEEP_NAMES=(-g); fi
wasm-opt "-O${LEVEL:-z}" $PARAMS "${KEEP_NAMES[@]}" "$OUT/bench_wasm_bg.wasm" -o "$OUT/bench_wasm_bg.wasm"
cp scripts/bench-wasm.html "$OUT/index.html"
echo "wasm: $(wc -c < "$OUT/bench_wasm_bg.wasm") bytes after wasm-opt -O${LEVEL:-z}"

node scripts/bench-wasm.mjs "$OUT" "$RUNS" "${2:-all}"
