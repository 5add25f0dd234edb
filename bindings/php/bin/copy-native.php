<?php

declare(strict_types=1);

// Packaging hook (`composer archive` runs it as pre-archive-cmd; also `composer run
// copy-native`): copies this machine's libvietref into lib/<os>-<arch>/, where
// Vietref\Native looks for it in an installed package. The library comes from, first found:
// VIETREF_LIB (a full path), $CARGO_TARGET_DIR/release, ../../target/release. Without one
// the archive fails, naming where it looked: a package without its library would fail only
// on the user's machine. The released archive is made by scripts/dist.sh (`make dist`).

$root = dirname(__DIR__);
$file = match (PHP_OS_FAMILY) {
    'Windows' => 'vietref.dll',
    'Darwin' => 'libvietref.dylib',
    default => 'libvietref.so',
};
$platform = strtolower(PHP_OS_FAMILY) . '-' . strtolower(php_uname('m'));

$looked = [];
$env = getenv('VIETREF_LIB');
if ($env !== false && $env !== '') {
    $candidates = [$env];
} else {
    $target = getenv('CARGO_TARGET_DIR');
    $candidates = [];
    if ($target !== false && $target !== '') {
        $candidates[] = $target . '/release/' . $file;
    }
    $candidates[] = dirname($root, 2) . '/target/release/' . $file;
}
foreach ($candidates as $candidate) {
    $looked[] = $candidate;
    if (is_file($candidate)) {
        $dest = "$root/lib/$platform/$file";
        if (!is_dir(dirname($dest)) && !mkdir(dirname($dest), 0755, true)) {
            fwrite(STDERR, "vietref: cannot create " . dirname($dest) . "\n");
            exit(1);
        }
        if (!copy($candidate, $dest)) {
            fwrite(STDERR, "vietref: cannot copy $candidate to $dest\n");
            exit(1);
        }
        echo "vietref: copied $candidate -> $dest\n";
        exit(0);
    }
}
fwrite(STDERR, "vietref: the native library was not found; looked at:\n  " . implode("\n  ", $looked)
    . "\nBuild it (cargo build --release --lib at the repository root), or set VIETREF_LIB to the full path of $file.\n");
exit(1);
