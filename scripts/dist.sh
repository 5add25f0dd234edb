#!/usr/bin/env bash
# Builds the release artifacts for Linux x86_64 into dist/ (what `make dist` runs):
#
#   vietref-<v>-linux-x86_64.tar.gz      C SDK: libvietref.so.<v> (SONAME libvietref.so.<major>)
#                                        + symlinks, libvietref.a, headers, vietref.pc, INSTALL
#   vietref-cli-<v>-linux-x86_64.tar.gz  the vietref command
#   vietref-<v>-py3-none-manylinux_2_17_x86_64.whl
#   vietref-<v>.jar + vietref-<v>.pom     Maven org.vietref:vietref, JNA resource linux-x86-64/
#   Vietref.<v>.nupkg                     runtimes/linux-x64/native/ + lib/netstandard2.0/
#   vietref-php-<v>.zip                   for a Composer "artifact" repository
#   SHA256SUMS
#
# The library and the CLI are built with cargo-zigbuild against glibc 2.17 (they load on
# RHEL/CentOS 7 and every later distribution) in the `dist` profile (Cargo.toml: no debug
# info, stripped, fat LTO). Tools missing on a Debian machine are installed: ziglang (pip),
# cargo-zigbuild (cargo install), auditwheel (pip), JDK, mono, nuget (apt).
#
# Environment: CARGO_TARGET_DIR (default target/), VIETREF_DIST (default dist/).
# docs/RELEASING.md says how the same artifacts are made for other platforms.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n==> dist: %s\n' "$*"; }
die() { echo "dist: $*" >&2; exit 1; }

version=$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)
major=${version%%.*}
[ -n "$version" ] || die "no version in Cargo.toml"
triple=x86_64-unknown-linux-gnu
glibc=2.17
target_dir=${CARGO_TARGET_DIR:-target}
case $target_dir in /*) ;; *) target_dir=$root/$target_dir ;; esac
dist=${VIETREF_DIST:-dist}
case $dist in /*) ;; *) dist=$root/$dist ;; esac
out=$target_dir/$triple/dist
stage=$target_dir/dist-stage

step "tools"
scripts/install-deps.sh objdump:binutils javac:openjdk-17-jdk-headless jar:openjdk-17-jdk-headless \
  /usr/share/java/jna.jar:libjna-java mcs:mono-mcs mono:mono-runtime nuget:nuget
python3 -m ziglang version >/dev/null 2>&1 || python3 -m pip install -q ziglang
python3 -m auditwheel --version >/dev/null 2>&1 || python3 -m pip install -q auditwheel
python3 -c 'import setuptools, wheel' 2>/dev/null || python3 -m pip install -q setuptools wheel
command -v cargo-zigbuild >/dev/null || cargo install --locked cargo-zigbuild

step "cargo zigbuild --profile dist --target $triple.$glibc (library and CLI)"
cargo zigbuild --profile dist --target "$triple.$glibc" -p vietref -p vietref-cli
so=$out/libvietref.so
[ -f "$so" ] && [ -f "$out/libvietref.a" ] && [ -f "$out/vietref" ] || die "cargo left no library or CLI in $out"

rm -rf "$stage" "$dist"
mkdir -p "$stage" "$dist"

step "C SDK"
sdk=vietref-$version-linux-x86_64
s=$stage/$sdk
mkdir -p "$s/lib/pkgconfig" "$s/include"
install -m 755 "$so" "$s/lib/libvietref.so.$version"
ln -s "libvietref.so.$version" "$s/lib/libvietref.so.$major"
ln -s "libvietref.so.$major" "$s/lib/libvietref.so"
# The staticlib keeps the symbol table (needed to link) without the debug sections.
objcopy --strip-debug "$out/libvietref.a" "$s/lib/libvietref.a"
install -m 644 include/vietref.h include/vietref_flat.h "$s/include/"
# Relocatable: pkg-config sets pcfiledir to this file's folder, wherever the SDK is unpacked.
sed -e 's|@PREFIX@|${pcfiledir}/../..|' -e 's|@LIBDIR@|${prefix}/lib|' \
    -e 's|@INCLUDEDIR@|${prefix}/include|' -e "s|@VERSION@|$version|" \
    -e 's|@LIBS_PRIVATE@|-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc|' \
    vietref.pc.in > "$s/lib/pkgconfig/vietref.pc"
install -m 644 LICENSE-MIT LICENSE-APACHE NOTICE.md "$s/"
sed "s/@VERSION@/$version/g; s/@MAJOR@/$major/g" scripts/dist/INSTALL.in > "$s/INSTALL"
tar -C "$stage" --owner=0 --group=0 -czf "$dist/$sdk.tar.gz" "$sdk"

step "CLI"
cli=vietref-cli-$version-linux-x86_64
mkdir -p "$stage/$cli"
install -m 755 "$out/vietref" "$stage/$cli/vietref"
install -m 644 LICENSE-MIT LICENSE-APACHE NOTICE.md "$stage/$cli/"
tar -C "$stage" --owner=0 --group=0 -czf "$dist/$cli.tar.gz" "$cli"

step "Python wheel"
# Built from a copy: nothing of an earlier build in bindings/python can reach the wheel.
py=$stage/python
cp -r bindings/python "$py"
rm -rf "$py/build" "$py"/src/*.egg-info "$py"/src/vietref/libvietref.* "$py/tests"
cp LICENSE-MIT LICENSE-APACHE NOTICE.md "$py/"
(cd "$py" && VIETREF_LIB=$so VIETREF_WHEEL_PLAT=manylinux_2_17_x86_64 \
  python3 -m pip wheel -q --no-deps --no-build-isolation . -w "$dist")
whl=$dist/vietref-$version-py3-none-manylinux_2_17_x86_64.whl
[ -f "$whl" ] || die "the wheel is not $whl: $(ls "$dist")"
python3 -m auditwheel show "$whl" | tee "$stage/auditwheel.txt"
grep -q '"manylinux_2_17_x86_64"' "$stage/auditwheel.txt" \
  || die "auditwheel does not find the wheel consistent with manylinux_2_17_x86_64"

step "Java jar"
j=$stage/java
mkdir -p "$j/classes/linux-x86-64" "$j/classes/META-INF/maven/org.vietref/vietref"
javac -encoding UTF-8 -nowarn --release 11 -d "$j/classes" -cp /usr/share/java/jna.jar \
  $(find bindings/java/src/main -name '*.java')
install -m 755 "$so" "$j/classes/linux-x86-64/libvietref.so"
cp bindings/java/pom.xml "$j/classes/META-INF/maven/org.vietref/vietref/pom.xml"
printf 'groupId=org.vietref\nartifactId=vietref\nversion=%s\n' "$version" \
  > "$j/classes/META-INF/maven/org.vietref/vietref/pom.properties"
cp LICENSE-MIT LICENSE-APACHE NOTICE.md "$j/classes/META-INF/"
printf 'Manifest-Version: 1.0\nImplementation-Title: vietref\nImplementation-Version: %s\nAutomatic-Module-Name: org.vietref\n' \
  "$version" > "$j/MANIFEST.MF"
jar --create --file "$dist/vietref-$version.jar" --manifest "$j/MANIFEST.MF" -C "$j/classes" .
cp bindings/java/pom.xml "$dist/vietref-$version.pom"

step "NuGet package"
n=$stage/nuget
mkdir -p "$n/lib/netstandard2.0" "$n/runtimes/linux-x64/native"
# Compiled by Mono's C# compiler (Debian has no .NET SDK): the assembly references Mono's
# mscorlib 4.x, which Mono, .NET Framework 4.6.1+ and .NET Core / .NET 5+ (through their
# mscorlib facade) all load. A .NET SDK build (`dotnet pack` of Vietref.csproj) would reference
# netstandard itself: docs/RELEASING.md.
mcs -nologo -warnaserror -nowarn:1591 -target:library -optimize+ \
  -out:"$n/lib/netstandard2.0/Vietref.dll" -doc:"$n/lib/netstandard2.0/Vietref.xml" \
  bindings/csharp/src/*.cs
install -m 755 "$so" "$n/runtimes/linux-x64/native/libvietref.so"
cp bindings/csharp/README.md LICENSE-MIT LICENSE-APACHE NOTICE.md "$n/"
sed "s/@VERSION@/$version/g" scripts/dist/Vietref.nuspec.in > "$n/Vietref.nuspec"
(cd "$n" && nuget pack Vietref.nuspec -OutputDirectory "$dist" -NonInteractive -NoPackageAnalysis >/dev/null)
[ -f "$dist/Vietref.$version.nupkg" ] || die "nuget left no $dist/Vietref.$version.nupkg"

step "Composer package"
p=$stage/php/vietref-php-$version
mkdir -p "$p/lib/linux-x86_64"
cp -r bindings/php/src bindings/php/resources bindings/php/README.md "$p/"
cp LICENSE-MIT LICENSE-APACHE NOTICE.md "$p/"
install -m 755 "$so" "$p/lib/linux-x86_64/libvietref.so"
# A package in an artifact repository names its version in composer.json; the development
# sections stay behind.
python3 - "$version" bindings/php/composer.json "$p/composer.json" <<'EOF'
import json, sys
version, src, dest = sys.argv[1:]
c = json.load(open(src, encoding="utf-8"))
for k in ("require-dev", "autoload-dev", "scripts"):
    c.pop(k, None)
c["version"] = version
json.dump(c, open(dest, "w", encoding="utf-8"), indent=4, ensure_ascii=False)
EOF
(cd "$stage/php" && python3 -m zipfile -c "$dist/vietref-php-$version.zip" "vietref-php-$version")

step "SHA256SUMS"
(cd "$dist" && sha256sum -- * > SHA256SUMS)

step "sizes"
size() { stat -c %s "$1"; }
check_size() { # what file limit-bytes
  local n; n=$(size "$2")
  printf '  %-44s %9d bytes (limit %d)\n' "$1" "$n" "$3"
  [ "$n" -le "$3" ] || die "$1 is larger than $3 bytes"
}
check_size "libvietref.so (stripped)" "$so" $((3584 * 1024))  # 3.5 MiB: see docs/RELEASING.md, "Sizes"
check_size "vietref CLI (stripped)" "$out/vietref" $((6 * 1024 * 1024))
check_size "wheel" "$whl" $((1536 * 1024))
printf '  %-44s %9d bytes\n' "libvietref.a (debug sections stripped)" "$(size "$s/lib/libvietref.a")"
ls -l "$dist"
echo "dist: vietref $version in $dist"
