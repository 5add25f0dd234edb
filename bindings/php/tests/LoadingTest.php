<?php

declare(strict_types=1);

namespace Vietref\Tests;

use PHPUnit\Framework\TestCase;
use Vietref\Native;
use Vietref\Vietref;

/** Where the library is loaded from: VIETREF_LIB, then the package's lib/, then the system. */
final class LoadingTest extends TestCase
{
    /** @return array{int, string, string} exit code, stdout, stderr of a PHP child printing where it loaded from */
    private static function child(string $packageRoot, array $env): array
    {
        $code = 'require ' . var_export($packageRoot . '/tests/bootstrap.php', true) . ';'
            . 'try { echo \Vietref\Vietref::loadedFrom(), "\n", \Vietref\Vietref::version(), "\n"; }'
            . 'catch (\Vietref\LibraryNotFoundException $e) { fwrite(STDERR, "LibraryNotFoundException: " . $e->getMessage()); exit(3); }';
        $childEnv = getenv();
        unset($childEnv['VIETREF_LIB']);
        $cmd = [PHP_BINARY, '-d', 'ffi.enable=1', '-r', $code];
        if (!extension_loaded('FFI')) {
            array_splice($cmd, 1, 0, ['-d', 'extension=ffi']);
        }
        $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, array_merge($childEnv, $env));
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        return [proc_close($p), $out, $err];
    }

    public function testVietrefLibIsUsed(): void
    {
        $this->assertSame(getenv('VIETREF_LIB'), Vietref::loadedFrom());
    }

    public function testMissingVietrefLibNamesWhatWasTried(): void
    {
        [$code, , $err] = self::child(dirname(__DIR__), ['VIETREF_LIB' => '/nonexistent/libvietref.so']);
        $this->assertSame(3, $code, $err);
        $this->assertStringContainsString('VIETREF_LIB: /nonexistent/libvietref.so', $err);
    }

    public function testPackageThenSystem(): void
    {
        // a copy of the package without a library: the package paths, then the system search
        $dir = sys_get_temp_dir() . '/vietref-php-' . bin2hex(random_bytes(6));
        mkdir("$dir/lib", 0777, true);
        foreach (['src', 'tests', 'resources'] as $sub) {
            mkdir("$dir/$sub");
            foreach (glob(dirname(__DIR__) . "/$sub/*") as $f) {
                copy($f, "$dir/$sub/" . basename($f));
            }
        }
        $env = ['LD_LIBRARY_PATH' => '', 'DYLD_LIBRARY_PATH' => ''];
        try {
            [$code, $out, $err] = self::child($dir, $env);
            if ($code === 0) { // a libvietref installed on the system was found there
                $this->assertSame(Native::fileName(), explode("\n", $out)[0]);
            } else {
                $this->assertSame(3, $code, $err);
                $this->assertStringContainsString("package: $dir/lib/" . Native::platform() . '/' . Native::fileName(), $err);
                $this->assertStringContainsString("system: " . Native::fileName(), $err);
            }
            mkdir("$dir/lib/" . Native::platform());
            $lib = "$dir/lib/" . Native::platform() . '/' . Native::fileName();
            copy(getenv('VIETREF_LIB'), $lib);
            [$code, $out, $err] = self::child($dir, $env);
            $this->assertSame(0, $code, $err);
            $this->assertSame($lib, explode("\n", $out)[0]);
        } finally {
            exec('rm -rf ' . escapeshellarg($dir));
        }
    }
}
