#!/usr/bin/env bash
# Checks that a library built without the `fuzzing` feature (what vendors get) holds none of
# the fuzz entry points: no symbol of `vietref::fuzzing`, `capi::fuzz` or `vietqr::fuzz` in
# the static library (which keeps every Rust symbol), and no exported symbol mentioning fuzz
# in the shared one. Then the same check on a build WITH the feature must find them, so the
# check itself cannot pass by looking at the wrong thing.
#
# Usage: scripts/check-no-fuzzing.sh [PROFILE]   (debug by default; release for `make dist`)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-debug}
flag=(); [ "$profile" = release ] && flag=(--release)
dir=${CARGO_TARGET_DIR:-target}/$profile
count() { nm -C "$1" 2>/dev/null | grep -cE 'vietref::(fuzzing|capi::fuzz|vietqr::fuzz)::' || true; }

cargo build -q --lib "${flag[@]}"
n=$(count "$dir/libvietref.a")
e=$(nm -D --defined-only "$dir/libvietref.so" | grep -ci fuzz || true)
if [ "$n" -ne 0 ] || [ "$e" -ne 0 ]; then
  echo "check-no-fuzzing: the $profile library holds fuzzing code ($n static symbols, $e exported)" >&2
  exit 1
fi
# The control: with the feature the symbols are there (built into a separate target folder
# so the shipped build above is not overwritten).
ctl=${CARGO_TARGET_DIR:-target}/fuzzing-check
CARGO_TARGET_DIR=$ctl cargo build -q --lib --features fuzzing "${flag[@]}"
m=$(count "$ctl/$profile/libvietref.a")
if [ "$m" -eq 0 ]; then
  echo "check-no-fuzzing: the control build with the feature shows no fuzzing symbols: the check is broken" >&2
  exit 1
fi
echo "check-no-fuzzing: $profile library without the feature: 0 fuzzing symbols (with it: $m)"
