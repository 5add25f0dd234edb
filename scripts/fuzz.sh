#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time with AddressSanitizer (cargo-fuzz's
# default) and fails on any crash. Seeds each corpus from tests/data/ and the kept
# regressions. Prints executions per target.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 30 s, all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
shift || true

# cargo-fuzz needs the nightly toolchain (sanitizer flags); a fresh machine may lack it.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir fuzz)
fi


summary=()
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  [ -d "fuzz/regressions/$t" ] && cp -n fuzz/regressions/"$t"/* "$corpus"/ 2>/dev/null || true
  # Every target also starts from the shared vectors' strings.
  if [ -z "$(ls -A "$corpus")" ] || [ ! -f "$corpus/.seeded" ]; then
    python3 - "$corpus" <<'PY'
import json, sys, pathlib, hashlib
out = pathlib.Path(sys.argv[1])
def walk(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values(): yield from walk(x)
    elif isinstance(v, list):
        for x in v: yield from walk(x)
for f in pathlib.Path("tests/data").glob("*.json"):
    for s in walk(json.loads(f.read_text())):
        b = s.encode()
        (out / ("seed-" + hashlib.sha1(b).hexdigest()[:12])).write_bytes(b)
(out / ".seeded").write_text("")
PY
  fi
  log="$(mktemp)"
  echo "==> fuzz $t for ${secs}s"
  if ! cargo +nightly fuzz run --fuzz-dir fuzz -O "$t" "$corpus" -- -max_total_time="$secs" -print_final_stats=1 >"$log" 2>&1; then
    tail -60 "$log"
    echo "fuzz target $t FAILED; the crashing input is in fuzz/artifacts/$t/ (minimize it into fuzz/regressions/$t/)"
    exit 1
  fi
  runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)"
  summary+=("$t: ${runs:-?} executions in ${secs}s, no crash")
  rm -f "$log"
done
printf '\nfuzz summary\n'
printf '  %s\n' "${summary[@]}"
