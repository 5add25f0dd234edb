#!/usr/bin/env bash
# Runs every test of vietref: formatting, lints, the Rust test suite (unit, integration,
# property and doc tests), and the layers later added below (C ABI under valgrind and
# ASan, bindings, release artifacts built and installed, bounded fuzzing). Installs what it
# needs on a fresh Debian machine.
#
# Usage: scripts/test.sh            everything
#        VIETREF_QUICK=1 scripts/test.sh   skips the slow layers (fuzzing)
#        VIETREF_SKIP_DIST=1 scripts/test.sh   skips building and installing dist/
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "system tools"
scripts/install-deps.sh valgrind:valgrind pkg-config:pkg-config make:make gcc:gcc python3:python3

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings (with and without the fuzzing feature)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "cargo doc -D warnings"
# Libraries only: the CLI binary is also named vietref, and its docs would land in the
# library's folder (cargo then races removing it when the features change).
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --lib -q
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --lib --all-features -q

step "cargo test (workspace, fuzz entry points included)"
cargo test --workspace --all-features

step "legacy detection rates of the default build (no wordfreq table)"
cargo test --test detection_rates

step "C ABI: C tests under valgrind and AddressSanitizer, install + pkg-config example"
bash tests/c/run.sh

step "the shipped library holds no fuzzing code"
scripts/check-no-fuzzing.sh

step "bindings: C#, Java, PHP, Python against the library"
bindings/test.sh

step "CLI smoke: the README's first command"
cargo run -q -p vietref-cli -- demo > /dev/null

if [ -z "${VIETREF_SKIP_DIST:-}" ]; then
  step "release artifacts: make dist (glibc 2.17), then each one installed as a user would"
  make dist
  scripts/test-dist.sh
fi

if [ -z "${VIETREF_QUICK:-}" ]; then
  step "fuzzing: every target for ${VIETREF_FUZZ_SECONDS:-30}s with AddressSanitizer"
  scripts/fuzz.sh "${VIETREF_FUZZ_SECONDS:-30}"
fi

printf '\nall test layers passed\n'
