#!/usr/bin/env bash
# The C tests (tests/c/test_*.c, one program per area) against the static and the shared library, under
# valgrind memcheck and under gcc's AddressSanitizer + UndefinedBehaviorSanitizer; then
# `make install` into a temporary prefix and the example (examples/c) built through
# pkg-config and run. Needs gcc, valgrind, make, pkg-config. Exits non-zero on any failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
for tool in gcc valgrind make pkg-config; do
    command -v "$tool" >/dev/null || { echo "tests/c/run.sh: $tool is required (apt-get install $tool)" >&2; exit 1; }
done

cargo build --lib
lib=${CARGO_TARGET_DIR:-$root/target}/debug
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The shared library's SONAME is libvietref.so.0: that is the name the loader looks for.
cp "$lib/libvietref.so" "$work/libvietref.so.0"

cflags=(-std=c99 -Wall -Wextra -Werror -pedantic -g -I"$root/include")
syslibs=(-lpthread -ldl -lm)
sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)

runs=0
for src in tests/c/test_*.c; do
    t=$(basename "$src" .c)
    gcc "${cflags[@]}" "$src" "$lib/libvietref.a" "${syslibs[@]}" -o "$work/${t}_static"
    gcc "${cflags[@]}" "$src" "$work/libvietref.so.0" -Wl,-rpath,"$work" -o "$work/${t}_shared"
    gcc "${cflags[@]}" "${sanitize[@]}" "$src" "$lib/libvietref.a" "${syslibs[@]}" -o "$work/${t}_asan_static"
    gcc "${cflags[@]}" "${sanitize[@]}" "$src" "$work/libvietref.so.0" -Wl,-rpath,"$work" -o "$work/${t}_asan_shared"
    for v in static shared; do
        echo "== valgrind ${t}_$v"
        valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1 \
            --num-callers=40 --suppressions=tests/c/valgrind.supp "$work/${t}_$v"
        runs=$((runs + 1))
    done
    for v in asan_static asan_shared; do
        echo "== ASan+UBSan ${t}_$v"
        ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$work/${t}_$v"
        runs=$((runs + 1))
    done
done

echo "== make install + examples/c through pkg-config"
make -s install PROFILE=debug PREFIX="$work/prefix" >/dev/null
mkdir "$work/example"
cp examples/c/tuition.c examples/c/Makefile "$work/example/"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
test "$(pkg-config --modversion vietref)" = "$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)"
test -L "$work/prefix/lib/libvietref.so.0"
make -s -C "$work/example" >/dev/null
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1 \
    --num-callers=40 --suppressions=tests/c/valgrind.supp "$work/example/tuition" > "$work/example/out.txt"
grep -q '^memo name: NGUYEN VAN AN$' "$work/example/out.txt"
grep -q '^valid: yes' "$work/example/out.txt"
grep -q '^read back: HP7184097674 at bytes 14-29' "$work/example/out.txt"
make -s -C "$work/example" clean >/dev/null
make -s -C "$work/example" STATIC=1 >/dev/null
"$work/example/tuition" > /dev/null
runs=$((runs + 1))

echo "== the cross-surface scenario in C against the CLI (scripts/scenario.py), under valgrind"
cargo build -q -p vietref-cli
gcc "${cflags[@]}" tests/c/scenario.c "$lib/libvietref.a" "${syslibs[@]}" -o "$work/scenario"
python3 scripts/scenario.py --cli "${CARGO_TARGET_DIR:-$root/target}/debug/vietref" \
    c="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1 --suppressions=tests/c/valgrind.supp $work/scenario"
runs=$((runs + 1))

echo "tests/c/run.sh: $runs passed, 0 failed"
