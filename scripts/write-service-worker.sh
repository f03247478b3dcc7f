#!/usr/bin/env bash
# Trunk post-build hook: writes sw.js into the staging folder with this build's file list and a
# version derived from their contents, so every new build gets a fresh cache (D2).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$dir"
files=$(find . -type f ! -name 'sw.js' ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
version=$(printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
list=$(printf '"./",'; for f in $files; do printf '"./%s",' "$f"; done)
list="[${list%,}]"
sed -e "s|__VERSION__|$version|" -e "s|__PRECACHE__|$list|" "$here/public/sw.template.js" > sw.js
echo "service worker: $(echo "$files" | wc -l) files, version $version"
