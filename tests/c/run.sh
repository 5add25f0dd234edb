#!/usr/bin/env bash
# The C tests (tests/c/test_capi.c) against the static and the shared library, under
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

gcc "${cflags[@]}" tests/c/test_capi.c "$lib/libvietref.a" "${syslibs[@]}" -o "$work/test_static"
gcc "${cflags[@]}" tests/c/test_capi.c "$work/libvietref.so.0" -Wl,-rpath,"$work" -o "$work/test_shared"
gcc "${cflags[@]}" "${sanitize[@]}" tests/c/test_capi.c "$lib/libvietref.a" "${syslibs[@]}" -o "$work/asan_static"
gcc "${cflags[@]}" "${sanitize[@]}" tests/c/test_capi.c "$work/libvietref.so.0" -Wl,-rpath,"$work" -o "$work/asan_shared"

runs=0
for t in test_static test_shared; do
    echo "== valgrind $t"
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1 "$work/$t"
    runs=$((runs + 1))
done
for t in asan_static asan_shared; do
    echo "== ASan+UBSan $t"
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$work/$t"
    runs=$((runs + 1))
done

echo "== make install + examples/c through pkg-config"
make -s install PROFILE=debug PREFIX="$work/prefix" >/dev/null
mkdir "$work/example"
cp examples/c/tuition.c examples/c/Makefile "$work/example/"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
test "$(pkg-config --modversion vietref)" = "$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)"
test -L "$work/prefix/lib/libvietref.so.0"
make -s -C "$work/example" >/dev/null
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1 "$work/example/tuition" > "$work/example/out.txt"
grep -q '^memo name: NGUYEN VAN AN$' "$work/example/out.txt"
grep -q '^valid: yes' "$work/example/out.txt"
make -s -C "$work/example" clean >/dev/null
make -s -C "$work/example" STATIC=1 >/dev/null
"$work/example/tuition" > /dev/null
runs=$((runs + 1))

echo "tests/c/run.sh: $runs passed, 0 failed"
