#!/usr/bin/env bash
# Sets up the build tools if needed, then builds the release bundle and serves it on
# http://127.0.0.1:8080, rebuilding when a source changes (no live reload: reload the page and
# the app offers the new build through its service worker, as after a deploy).
# Extra arguments go to `trunk serve`; what it watches and why is in Trunk.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Polling (the few paths of Trunk.toml's [watch], once a second) rather than inotify: Trunk
# 0.21's inotify debouncer can panic and then nothing rebuilds (notify-rs/notify#678), and an
# editor that saves by renaming would end inotify's watch on a single file such as index.html.
exec trunk serve --release --poll --poll-interval 1s "$@"
