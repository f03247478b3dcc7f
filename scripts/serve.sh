#!/usr/bin/env bash
# Sets up the build tools if needed, then builds the release bundle and serves it on
# http://127.0.0.1:8080 (rebuilding on change). Extra arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec trunk serve --release "$@"
