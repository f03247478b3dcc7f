#!/usr/bin/env bash
# Trunk post-build hook, on the staging folder:
#  0. the meeting list's first screen, generated natively from the app's templates and texts
#     (src/core/view/first_screen.rs), in place of index.html's empty <div id="app-shell">;
#  1. a Content-Security-Policy in index.html that allows this origin only, the page's two inline
#     scripts (the first screen's and Trunk's loader) by their hashes, and wasm compilation (D1:
#     nothing leaves the device);
#  2. sw.js with this build's file list and a version derived from their contents, so every new
#     build gets a fresh cache (D2). It runs second: the policy changes index.html;
#  3. a .gz and a .br copy beside every file, for hosts that serve precompressed files. Last, so
#     the copies are not in the service worker's list.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$dir"

# Natively, for this machine: the module's own target is wasm32.
screen="$(mktemp)"
(cd "$here" && env -u CARGO_BUILD_TARGET cargo run --quiet --locked --bin first_screen) > "$screen"
python3 - index.html "$screen" <<'PY'
import re, sys
path, screen = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().strip()
html = open(path, encoding="utf-8").read()
html, count = re.subn(r'<div id="?app-shell"?\s*>\s*</div>', lambda _: screen, html, count=1)
if count != 1:
    sys.exit("no empty <div id=app-shell> in index.html for the first screen")
open(path, "w", encoding="utf-8").write(html)
PY
rm "$screen"

# The module is fetched once the first screen has painted, not preloaded beside it: the largest
# paint is then the first screen's on every load, never one that waited for the module (a
# browser's, or Lighthouse's estimate, which counts every download finished before that paint).
# A hidden tab paints no frames, so a timer starts it there.
python3 - index.html <<'PY'
import re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
html, preloads = re.subn(r'<link[^>]*rel="?preload"?[^>]*application/wasm[^>]*>|<link[^>]*application/wasm[^>]*rel="?preload"?[^>]*>', "", html)
wait = "await new Promise((painted) => { requestAnimationFrame(() => setTimeout(painted)); setTimeout(painted, 200); });\n"
html, loaders = re.subn(r"(<script type=\"?module\"?>import init[^\n]*\n)", lambda m: m.group(1) + wait, html, count=1)
if preloads != 1 or loaders != 1:
    sys.exit(f"Trunk's loader changed: {preloads} wasm preloads, {loaders} loaders found")
open(path, "w", encoding="utf-8").write(html)
PY

python3 - index.html <<'PY'
import base64, hashlib, re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
if len(scripts) != 2:
    sys.exit(f"expected two inline scripts (the first screen's and Trunk's loader), found {len(scripts)}")
digests = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"
    for script in scripts
)
policy = "; ".join([
    "default-src 'self'",
    f"script-src 'self' {digests} 'wasm-unsafe-eval'",
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
print(f"content security policy: inline scripts {digests}")
PY

# The team space's worker module (T1) is not precached: only those who turn the space on fetch
# it, and the service worker keeps it then (public/sw.template.js).
files=$(find . -type f ! -name 'sw.js' ! -name '*.map' ! -name 'space_worker*' | sed 's|^\./||' | LC_ALL=C sort)
version=$(printf '%s\n' $files | xargs sha256sum | sha256sum | cut -c1-16)
# The page as "./", the address it was just loaded from, not also as "./index.html": a second
# copy would be fetched on every first visit for nothing. Navigations are answered with "./"
# (public/sw.template.js).
list=$(printf '"./",'; for f in $files; do [ "$f" = index.html ] || printf '"./%s",' "$f"; done)
list="[${list%,}]"
sed -e "s|__VERSION__|$version|" -e "s|__PRECACHE__|$list|" "$here/public/sw.template.js" > sw.js
echo "service worker: $(echo "$files" | wc -l) files, version $version"
node "$here/scripts/precompress.mjs" .
