#!/usr/bin/env bash
# Builds the release bundle and prints each benchmark figure beside its budget (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
(cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1) || (cd tests/e2e && npm ci --no-audit --no-fund)
trunk build --release
node tests/e2e/bench.mjs
# The team space (T1): its worker module, joining, syncing, one edit to the file.
node tests/e2e/bench-space.mjs
