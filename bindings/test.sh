#!/usr/bin/env bash
# Tests every language binding against the library built from this checkout.
#
# Contract (scripts/test.sh calls it; so can a developer):
#   bindings/test.sh              all four bindings: python csharp java php
#   bindings/test.sh python php   only those
# It installs what it needs on a fresh Debian machine (scripts/install-deps.sh, pip), builds
# the library (`cargo build --lib`, debug), sets VIETREF_LIB to it, runs each language's
# tests from the repository root, and exits non-zero when any language fails. Each language
# ends its output with its runner's summary (pytest, PHPUnit) or "N passed, N failed"
# (C#, JUnit); the last lines are one "bindings: <language> ok|FAILED" per language and
# "bindings: N passed, N failed" (languages).
#
# Every language also runs the cross-surface scenario: its examples/scenario program walks
# tests/data/scenario/scenario.json (validate, render, VietQR, decode, extract, reconcile) and
# scripts/scenario.py compares every step with the CLI's output on the same input, failing
# with the step and the language that differ.
#
# Environment: VIETREF_LIB=path  use this library instead of building one;
#              VIETREF_CLI=path  use this vietref command instead of building one;
#              VIETREF_SKIP_WHEEL=1  skip building and installing the Python wheel.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(python csharp java php)

step() { printf '\n==> bindings: %s\n' "$*"; }
build=$root/target/bindings
mkdir -p "$build"

deps=()
for l in "${langs[@]}"; do
  case $l in
    python) deps+=(python3:python3) ;;
    csharp) deps+=(mcs:mono-mcs mono:mono-runtime) ;;
    java) deps+=(javac:openjdk-17-jdk-headless /usr/share/java/jna.jar:libjna-java
                 /usr/share/java/junit4.jar:junit4 /usr/share/java/hamcrest-core.jar:libhamcrest-java) ;;
    php) deps+=(php:php8.2-cli phpunit:phpunit) ;;
    *) echo "bindings/test.sh: unknown language $l (python csharp java php)" >&2; exit 2 ;;
  esac
done
# install-deps.sh checks `command -v`; for jar files check the file and pass only missing ones.
missing=()
for d in "${deps[@]}"; do
  what=${d%%:*}
  if [[ $what == /* ]]; then [ -e "$what" ] || missing+=("__none__:${d#*:}"); else missing+=("$d"); fi
done
[ ${#missing[@]} -gt 0 ] && { scripts/install-deps.sh "${missing[@]}" || exit 1; }

if [ -z "${VIETREF_LIB:-}" ]; then
  step "cargo build --lib"
  cargo build --lib -q || exit 1
  case "$(uname -s)" in
    Darwin) VIETREF_LIB=$root/target/debug/libvietref.dylib ;;
    MINGW*|MSYS*|CYGWIN*) VIETREF_LIB=$root/target/debug/vietref.dll ;;
    *) VIETREF_LIB=$root/target/debug/libvietref.so ;;
  esac
fi
export VIETREF_LIB
if [ -z "${VIETREF_CLI:-}" ]; then
  step "cargo build -p vietref-cli (the scenario's reference)"
  cargo build -q -p vietref-cli || exit 1
  VIETREF_CLI=$root/target/debug/vietref
fi
export VIETREF_CLI
export VIETREF_TEST_DATA=$root/tests/data VIETREF_HEADER=$root/include/vietref_flat.h
echo "VIETREF_LIB=$VIETREF_LIB"

# Functions of the header that a binding does not call (the _buf twins are not wrapped on
# purpose: each binding reads the owned string once and frees it). Any other is a failure.
coverage() {
  local lang=$1 dir=$2 missing_fns=()
  for fn in $(grep -o 'vietref_[a-z0-9_]*(' include/vietref_flat.h | tr -d '(' | grep -v '_buf$' | sort -u); do
    grep -rqw "$fn" "$dir" || missing_fns+=("$fn")
  done
  if [ ${#missing_fns[@]} -gt 0 ]; then
    echo "bindings: $lang does not wrap: ${missing_fns[*]}"
    # Fatal unless VIETREF_BINDINGS_LAX is set (while a new C function is being wrapped).
    [ -z "${VIETREF_BINDINGS_LAX:-}" ] && return 1
  fi
  return 0
}

# Runs a README example (the tuition message) and checks it printed a valid report.
example() {
  local lang=$1 cmd=$2 out
  out=$(eval "$cmd") || { echo "bindings: $lang example failed"; return 1; }
  grep -qiE '^valid: (true|yes)' <<<"$out" || { echo "bindings: $lang example: no valid report"; echo "$out"; return 1; }
  echo "bindings: $lang README example ok ($(grep -c 'payerName' <<<"$out") findings printed)"
}

# The cross-surface scenario: this language's program against the CLI (scripts/scenario.py).
scenario() {
  local lang=$1 cmd=$2
  step "$lang: the cross-surface scenario against the CLI"
  python3 scripts/scenario.py --cli "$VIETREF_CLI" "$lang=$cmd"
}

run_python() {
  python3 -c 'import pytest, setuptools, wheel' 2>/dev/null || python3 -m pip install -q pytest setuptools wheel || return 1
  coverage python bindings/python/src || return 1
  PYTHONPATH=$root/bindings/python/src python3 -m pytest -q -p no:cacheprovider bindings/python/tests
  local rc=$?
  # pytest's 5 means "no tests collected": a failure here, never a pass.
  [ $rc -eq 5 ] && { echo "bindings: pytest collected no tests"; return 1; }
  [ $rc -ne 0 ] && return $rc
  example python "PYTHONPATH=$root/bindings/python/src python3 bindings/python/examples/tuition.py" || return 1
  scenario python "env PYTHONPATH=$root/bindings/python/src python3 bindings/python/examples/scenario.py" || return 1
  if [ -z "${VIETREF_SKIP_WHEEL:-}" ]; then
    step "python: build the platform wheel and import it from a clean directory"
    rm -rf "$build/wheel" "$build/site" && mkdir -p "$build/wheel" "$build/site"
    python3 -m pip wheel -q --no-deps bindings/python -w "$build/wheel" || return 1
    python3 -m pip install -q --no-deps --target "$build/site" "$build"/wheel/vietref-*.whl || return 1
    rm -rf bindings/python/build bindings/python/src/*.egg-info
    (cd "$build" && env -u VIETREF_LIB PYTHONPATH="$build/site" python3 -c '
import vietref, os
p = vietref.library_path()
assert p.startswith(os.path.dirname(vietref.__file__)), p
assert vietref.text.fold("Nguyễn Văn Đức") == "NGUYEN VAN DUC"
print("wheel ok:", os.path.basename(p), "loaded from the package")') || return 1
  fi
}

run_csharp() {
  coverage csharp bindings/csharp/src || return 1
  local out=$build/csharp && rm -rf "$out" && mkdir -p "$out"
  mcs -nologo -warnaserror -nowarn:1591 -target:library -out:"$out/Vietref.dll" -doc:"$out/Vietref.xml" bindings/csharp/src/*.cs || return 1
  mcs -nologo -out:"$out/Vietref.Tests.exe" -r:"$out/Vietref.dll" -r:System.Core.dll bindings/csharp/tests/*.cs || return 1
  mono --debug "$out/Vietref.Tests.exe" || return 1
  mcs -nologo -out:"$out/Tuition.exe" -r:"$out/Vietref.dll" bindings/csharp/examples/Tuition.cs || return 1
  example csharp "mono $out/Tuition.exe" || return 1
  mcs -nologo -out:"$out/Scenario.exe" -r:"$out/Vietref.dll" bindings/csharp/examples/Scenario.cs || return 1
  scenario csharp "mono $out/Scenario.exe"
}

run_java() {
  coverage java bindings/java/src/main || return 1
  local out=$build/java cp=/usr/share/java/jna.jar:/usr/share/java/junit4.jar:/usr/share/java/hamcrest-core.jar
  rm -rf "$out" && mkdir -p "$out/main" "$out/test"
  javac -encoding UTF-8 -Xlint:all -Werror --release 11 -d "$out/main" -cp "$cp" $(find bindings/java/src/main -name '*.java') || return 1
  javac -encoding UTF-8 -d "$out/test" -cp "$out/main:$cp" $(find bindings/java/src/test -name '*.java') || return 1
  java -cp "$out/main:$out/test:$cp" org.vietref.RunTests || return 1
  javac -encoding UTF-8 -d "$out/examples" -cp "$out/main" bindings/java/examples/Tuition.java bindings/java/examples/Scenario.java || return 1
  example java "java -cp $out/examples:$out/main:$cp Tuition" || return 1
  scenario java "java -cp $out/examples:$out/main:$cp Scenario"
}

run_php() {
  local ffi=(-d ffi.enable=1)
  php -m | grep -x FFI >/dev/null || ffi+=(-d extension=ffi)  # not -q: under pipefail an early exit of grep fails php
  coverage php bindings/php/src || return 1
  php "${ffi[@]}" "$(command -v phpunit)" -c bindings/php/phpunit.xml || return 1
  example php "php ${ffi[*]} bindings/php/examples/tuition.php" || return 1
  scenario php "php ${ffi[*]} bindings/php/examples/scenario.php"
}

declare -A result
failed=0
for l in "${langs[@]}"; do
  step "$l"
  if "run_$l"; then result[$l]=ok; else result[$l]=FAILED; failed=1; fi
done
echo
npass=0 nfail=0
for l in "${langs[@]}"; do
  echo "bindings: $l ${result[$l]}"
  if [ "${result[$l]}" = ok ]; then npass=$((npass + 1)); else nfail=$((nfail + 1)); fi
done
echo "bindings: $npass passed, $nfail failed"
exit $failed
