#!/usr/bin/env bash
# Installs every artifact of dist/ (scripts/dist.sh) as a user would, each in a clean
# temporary directory with no source tree, library or binding on any search path, and runs
# a smoke program (scripts/test-dist/) that validates a tuition message, builds its VietQR and
# reconciles a two-line statement, and checks that the library came from the package and
# has Cargo.toml's version.
#
#   scripts/test-dist.sh                  artifact checks, then python java csharp php c cli
#   scripts/test-dist.sh python c         artifact checks, then only those
#
# Artifact checks (always): SHA256SUMS; every file named with Cargo.toml's version; the
# library and CLI need no glibc symbol version above GLIBC_2.17 (objdump -T); the SONAME;
# sizes (library <= 3.5 MiB, CLI <= 6 MB, wheel <= 1.5 MiB); every package carries the same library.
# Under pipefail no check pipes into `grep -q`: grep would exit at the first match and the
# writer's SIGPIPE would fail the pipeline (it did, at random, on a loaded machine).
# Environment: VIETREF_DIST (default dist/). Installs its tools from Debian when missing.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=${VIETREF_DIST:-dist}
case $dist in /*) ;; *) dist=$root/$dist ;; esac
smoke=$root/scripts/test-dist
version=$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)
major=${version%%.*}
max_glibc=2.17
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(python java csharp php c cli)

step() { printf '\n==> test-dist: %s\n' "$*"; }
fail() { echo "test-dist: FAILED: $*" >&2; return 1; }

[ -d "$dist" ] || { echo "test-dist: no $dist (run make dist)" >&2; exit 1; }
scripts/install-deps.sh objdump:binutils javac:openjdk-17-jdk-headless /usr/share/java/jna.jar:libjna-java \
  mcs:mono-mcs mono:mono-runtime nuget:nuget \
  php:php8.2-cli composer:composer /usr/share/doc/php8.2-zip:php8.2-zip unzip:unzip \
  pkg-config:pkg-config gcc:gcc || exit 1

# Nothing of the checkout or of the developer's environment may help a package.
unset VIETREF_LIB CARGO_TARGET_DIR PYTHONPATH LD_LIBRARY_PATH PKG_CONFIG_PATH CLASSPATH MONO_PATH
work=$(mktemp -d "${TMPDIR:-/tmp}/vietref-test-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT

sdk=$dist/vietref-$version-linux-x86_64.tar.gz
cli=$dist/vietref-cli-$version-linux-x86_64.tar.gz
whl=$dist/vietref-$version-py3-none-manylinux_2_17_x86_64.whl
jar=$dist/vietref-$version.jar
pom=$dist/vietref-$version.pom
nupkg=$dist/Vietref.$version.nupkg
phpzip=$dist/vietref-php-$version.zip

# The highest GLIBC_x.y a binary needs (objdump -T lists the versioned dynamic symbols).
glibc_needed() {
  objdump -T "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1
}

check_glibc() { # what file
  local need
  need=$(glibc_needed "$2")
  [ -n "$need" ] || { fail "$1: objdump -T shows no GLIBC symbol version"; return 1; }
  if [ "$(printf '%s\n%s\n' "$need" "$max_glibc" | sort -V | tail -n 1)" != "$max_glibc" ]; then
    fail "$1 needs GLIBC_$need (newer than $max_glibc):"
    objdump -T "$2" | grep -E "GLIBC_$need\b" | head -n 5 >&2
    return 1
  fi
  echo "  $1: highest glibc symbol version GLIBC_$need (<= $max_glibc)"
}

check_size() { # what file limit
  local n; n=$(stat -c %s "$2")
  [ "$n" -le "$3" ] || { fail "$1 is $n bytes, more than $3"; return 1; }
  echo "  $1: $n bytes (<= $3)"
}

artifacts() {
  local f
  for f in "$sdk" "$cli" "$whl" "$jar" "$pom" "$nupkg" "$phpzip" "$dist/SHA256SUMS"; do
    [ -f "$f" ] || { fail "$f missing (vietref $version; dist/ has: $(cd "$dist" && ls | tr '\n' ' '))"; return 1; }
  done
  (cd "$dist" && sha256sum --quiet -c SHA256SUMS) || { fail "SHA256SUMS does not match"; return 1; }
  local a=$work/artifacts && mkdir -p "$a"
  tar -C "$a" -xzf "$sdk" && tar -C "$a" -xzf "$cli" || return 1
  local lib=$a/vietref-$version-linux-x86_64/lib
  local so=$lib/libvietref.so.$version exe=$a/vietref-cli-$version-linux-x86_64/vietref
  [ "$(readlink "$lib/libvietref.so.$major")" = "libvietref.so.$version" ] \
    && [ "$(readlink "$lib/libvietref.so")" = "libvietref.so.$major" ] || { fail "SDK symlinks"; return 1; }
  objdump -p "$so" | grep -E "SONAME +libvietref\.so\.$major$" >/dev/null || { fail "SONAME is not libvietref.so.$major"; return 1; }
  echo "  SONAME libvietref.so.$major"
  check_glibc libvietref.so "$so" && check_glibc "vietref CLI" "$exe" || return 1
  if objdump -h "$so" "$exe" | grep '\.debug_' >/dev/null; then fail "debug sections in the shipped library or CLI"; return 1; fi
  check_size "libvietref.so" "$so" $((3584 * 1024)) && check_size "vietref CLI" "$exe" $((6 * 1024 * 1024)) \
    && check_size "wheel" "$whl" $((1536 * 1024)) || return 1
  # Every package carries the SDK's library, byte for byte.
  local want got
  want=$(sha256sum < "$so")
  for pair in "$whl:vietref/libvietref.so" "$jar:linux-x86-64/libvietref.so" \
              "$nupkg:runtimes/linux-x64/native/libvietref.so" \
              "$phpzip:vietref-php-$version/lib/linux-x86_64/libvietref.so"; do
    got=$(unzip -p "${pair%%:*}" "${pair#*:}" | sha256sum)
    [ "$got" = "$want" ] || { fail "${pair%%:*} lacks the library at ${pair#*:} (or holds another one)"; return 1; }
  done
  echo "  the wheel, jar, nupkg and Composer zip carry the SDK's libvietref.so"
  # The notices of the data the library is built from travel with every copy of it.
  [ -f "$a/vietref-$version-linux-x86_64/NOTICE.md" ] && [ -f "$a/vietref-cli-$version-linux-x86_64/NOTICE.md" ] \
    || { fail "the SDK or CLI tarball lacks NOTICE.md"; return 1; }
  for z in "$whl" "$jar" "$nupkg" "$phpzip"; do
    unzip -l "$z" | grep 'NOTICE\.md$' >/dev/null || { fail "$z lacks NOTICE.md"; return 1; }
  done
  echo "  every release file carries NOTICE.md"
  unzip -p "$nupkg" Vietref.nuspec | grep "<version>$version</version>" >/dev/null || { fail "nuspec version"; return 1; }
  unzip -p "$phpzip" "vietref-php-$version/composer.json" | grep "\"version\": \"$version\"" >/dev/null \
    || { fail "composer.json version"; return 1; }
  grep -q "<version>$version</version>" "$pom" || { fail "pom version"; return 1; }
  unzip -p "$jar" META-INF/maven/org.vietref/vietref/pom.properties | grep -x "version=$version" >/dev/null \
    || { fail "jar pom.properties version"; return 1; }
}

run_cli() {
  local d=$work/cli && mkdir -p "$d" && cd "$d" || return 1
  tar -xzf "$cli" || return 1
  local exe=$d/vietref-cli-$version-linux-x86_64/vietref out
  out=$("$exe" --version) || return 1
  [ "$out" = "vietref $version" ] || { fail "vietref --version says '$out'"; return 1; }
  "$exe" demo > demo.txt || { fail "vietref demo"; return 1; }
  echo "cli smoke ok: $out, demo $(wc -l < demo.txt) lines"
}

run_python() {
  local d=$work/python && mkdir -p "$d" && cd "$d" || return 1
  python3 -m venv venv || return 1
  venv/bin/python -m pip install -q --no-index --disable-pip-version-check "$whl" || return 1
  cp "$smoke/smoke.py" . && venv/bin/python smoke.py "$version"
}

run_java() {
  local d=$work/java && mkdir -p "$d" && cd "$d" || return 1
  local cp=$jar:/usr/share/java/jna.jar
  cp "$smoke/Smoke.java" . && javac -encoding UTF-8 -cp "$cp" -d . Smoke.java || return 1
  # JNA extracts the library to its own folder: a fresh one, so no earlier run can help.
  java -Djna.tmpdir="$d/jna" -cp "$cp:." Smoke "$version"
}

run_csharp() {
  local d=$work/csharp && mkdir -p "$d/feed" "$d/app" && cd "$d" || return 1
  cp "$nupkg" feed/ || return 1
  # A NuGet configuration of its own: the local feed only, packages in this folder.
  cat > NuGet.Config <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="local" value="$d/feed" /></packageSources>
  <config><add key="globalPackagesFolder" value="$d/global" /></config>
</configuration>
EOF
  HOME=$d nuget install Vietref -Version "$version" -Source "$d/feed" -ConfigFile NuGet.Config \
    -OutputDirectory packages -NonInteractive > nuget.log || { cat nuget.log; return 1; }
  local pkg=$d/packages/Vietref.$version
  # What a mono project's build does with the package: the assembly and its runtimes/ folder
  # next to the program.
  cp "$pkg/lib/netstandard2.0/Vietref.dll" app/ && cp -r "$pkg/runtimes" app/ || return 1
  cp "$smoke/Smoke.cs" . && mcs -nologo -out:app/Smoke.exe -r:app/Vietref.dll \
    Smoke.cs || return 1
  (cd app && mono Smoke.exe "$version")
}

run_php() {
  local d=$work/php && mkdir -p "$d/artifacts" "$d/app" && cd "$d/app" || return 1
  cp "$phpzip" ../artifacts/ || return 1
  cat > composer.json <<EOF
{
    "repositories": [
        {"type": "artifact", "url": "$d/artifacts"},
        {"packagist.org": false}
    ]
}
EOF
  COMPOSER_HOME=$d/home COMPOSER_ALLOW_SUPERUSER=1 composer require -q --no-interaction \
    "vietref/vietref:$version" || { fail "composer require vietref/vietref:$version"; return 1; }
  cp "$smoke/smoke.php" . && php -d ffi.enable=1 smoke.php "$version"
}

run_c() {
  local d=$work/c && mkdir -p "$d/prefix" && cd "$d" || return 1
  tar -C prefix --strip-components=1 -xzf "$sdk" || return 1
  export PKG_CONFIG_PATH=$d/prefix/lib/pkgconfig
  [ "$(pkg-config --modversion vietref)" = "$version" ] || { fail "pkg-config --modversion"; return 1; }
  cp "$smoke/smoke.c" . || return 1
  # Shared, with the rpath INSTALL describes; then without it, through LD_LIBRARY_PATH; then static.
  gcc -std=c11 -D_GNU_SOURCE -Wall -Werror smoke.c $(pkg-config --cflags --libs vietref) \
    -Wl,-rpath,"$(pkg-config --variable=libdir vietref)" -o smoke-rpath || return 1
  ./smoke-rpath "$version" || return 1
  gcc -std=c11 -D_GNU_SOURCE smoke.c $(pkg-config --cflags --libs vietref) -o smoke-plain || return 1
  LD_LIBRARY_PATH=$d/prefix/lib ./smoke-plain "$version" || return 1
  gcc -std=c11 -D_GNU_SOURCE smoke.c $(pkg-config --cflags vietref) prefix/lib/libvietref.a \
    $(pkg-config --static --libs-only-l vietref | sed 's/-lvietref //') -o smoke-static || return 1
  ! ldd smoke-static | grep libvietref >/dev/null || { fail "smoke-static links libvietref.so"; return 1; }
  ./smoke-static "$version" || return 1
  echo "c: shared (rpath, LD_LIBRARY_PATH) and static builds ok"
}

step "artifacts in $dist (vietref $version)"
artifacts || exit 1

declare -A result
failed=0
for l in "${langs[@]}"; do
  step "$l"
  start=$SECONDS
  if (set -o pipefail; "run_$l"); then result[$l]="ok ($((SECONDS - start)) s)"; else result[$l]=FAILED; failed=1; fi
done
echo
for l in "${langs[@]}"; do echo "test-dist: $l ${result[$l]}"; done
[ $failed -eq 0 ] && echo "test-dist: every artifact installs and works" || echo "test-dist: FAILED" >&2
exit $failed
