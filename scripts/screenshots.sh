#!/usr/bin/env bash
# Builds the release bundle and writes screenshots of every page (zh/en, phone/projector) to screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
(cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1) || (cd tests/e2e && npm ci --no-audit --no-fund)
trunk build --release
node tests/e2e/screenshots.mjs "$PWD/screenshots"
