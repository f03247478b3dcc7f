#!/usr/bin/env bash
# Runs every test tier, installing what they need first (idempotent, quick on a second run):
#   1. formatting and lints        cargo fmt --check, cargo clippy (native and wasm32)
#   2. the pure core, natively     cargo test (minutes through cmark-gfm, CSV through LibreOffice)
#   3. browser APIs                wasm-bindgen-test in headless Chromium (IndexedDB, localStorage, the wake lock hook)
#   4. end to end                  the release build served on 127.0.0.1, clicked in Chromium
#   5. the README's serve command  scripts/serve.sh on 127.0.0.1:8080 (must be free), a meeting
#                                  made in Chromium, a rebuild after a source changes
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# Without CJK fonts, Chinese renders as boxes in screenshots.
# grep reads the whole list: with -q it would stop at the first match, fc-list would die of
# SIGPIPE, and pipefail would report the fonts missing on every run.
fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
# GitHub's Markdown renderer, to prove the minutes keep their shape.
command -v cmark-gfm >/dev/null 2>&1 || missing+=(cmark-gfm)
# LibreOffice Calc, to prove the CSV exports open as text with Chinese intact (no GUI needed).
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
# poppler's pdftotext, to read back the minutes printed to PDF.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The real iCalendar parser the .ics export is checked with.
if ! python3 -c "import icalendar" 2>/dev/null; then
  say "installing icalendar (PyPI) to check .ics exports"
  python3 -m pip install --quiet "icalendar==7.3.2"
fi
if ! (cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1); then
  say "installing the end-to-end tools (playwright-core without a browser download, axe-core)"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

say "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
# The team space's engine and worker (the space feature, T1): built apart from the app.
cargo clippy --all-targets --features space -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features space --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

say "native tests: the pure core"
cargo test --features space

say "browser tests: storage in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test storage --test hooks

say "end-to-end tests: release build in Chromium"
trunk build --release
(cd tests/e2e && node --test --test-concurrency=1 tests/)

say "the README's serve command, as a newcomer runs it"
(cd tests/e2e && node serve-check.mjs)
