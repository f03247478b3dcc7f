#!/usr/bin/env bash
# Trunk post-build hook, on the staging folder:
#  1. a Content-Security-Policy in index.html that allows this origin only, Trunk's one inline
#     loader script by its hash, and wasm compilation (D1: nothing leaves the device);
#  2. sw.js with this build's file list and a version derived from their contents, so every new
#     build gets a fresh cache (D2). It runs second: the policy changes index.html;
#  3. a .gz and a .br copy beside every file, for hosts that serve precompressed files. Last, so
#     the copies are not in the service worker's list.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$dir"

python3 - index.html <<'PY'
import base64, hashlib, re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
if len(scripts) != 1:
    sys.exit(f"expected exactly one inline script (Trunk's loader), found {len(scripts)}")
digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
policy = "; ".join([
    "default-src 'self'",
    f"script-src 'self' 'sha256-{digest}' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
html, count = re.subn(r"(<meta charset=[^>]*>)", r"\1" + meta, html, count=1)
if count != 1:
    sys.exit("no <meta charset> to put the policy after")
open(path, "w", encoding="utf-8").write(html)
print(f"content security policy: loader sha256-{digest}")
PY

files=$(find . -type f ! -name 'sw.js' ! -name '*.map' | sed 's|^\./||' | LC_ALL=C sort)
version=$(printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
list=$(printf '"./",'; for f in $files; do printf '"./%s",' "$f"; done)
list="[${list%,}]"
sed -e "s|__VERSION__|$version|" -e "s|__PRECACHE__|$list|" "$here/public/sw.template.js" > sw.js
echo "service worker: $(echo "$files" | wc -l) files, version $version"
node "$here/scripts/precompress.mjs" .
