#!/usr/bin/env bash
# Builds the release bundle and writes screenshots of every page (zh/en, phone/projector) to screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
[ -d tests/e2e/node_modules/playwright-core ] || (cd tests/e2e && npm ci --no-audit --no-fund)
trunk build --release
node tests/e2e/screenshots.mjs "$PWD/screenshots"
