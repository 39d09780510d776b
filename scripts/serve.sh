#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves dist/ at http://127.0.0.1:8080/
# the way a static host would (no live reload: Trunk's injected script breaks the page's CSP).
# PORT=… picks another port; --no-build serves the existing dist/ as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
  bash scripts/setup.sh
  export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
  trunk build --release --offline
fi
exec node scripts/serve-dist.mjs
