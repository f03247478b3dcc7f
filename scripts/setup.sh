#!/usr/bin/env bash
# Installs what building and serving CrossMeet needs, skipping whatever is already there:
# the wasm32 target, Trunk, the wasm-bindgen CLI matching Cargo.lock, and wasm-opt (binaryen).
# Versions are pinned to what ../shared/TOOLCHAIN.md verified on these machines.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# The CLI must equal the crate in Cargo.lock exactly, or Trunk tries to download its own.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! { have trunk && trunk --version | grep -qF "$TRUNK_VERSION"; }; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! { have wasm-bindgen && wasm-bindgen --version | grep -qF "$WASM_BINDGEN_VERSION"; }; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's own lock pins a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! { have wasm-opt && wasm-opt --version | grep -qF "version $BINARYEN_VERSION"; }; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  # Debian's binaryen is too old for what today's rustc emits.
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

say "build tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
