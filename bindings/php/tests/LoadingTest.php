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

    /**
     * Runs $script under PHP's built-in web server (the 'cli-server' SAPI, which
     * ffi.enable=preload restricts as it does php-fpm and mod_php) and returns the page.
     *
     * @param list<string> $ini extra -d settings
     */
    private static function served(array $ini, string $script): string
    {
        $sock = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($sock, false), ':'), 1);
        fclose($sock);
        $cmd = [PHP_BINARY];
        if (!extension_loaded('FFI')) {
            array_push($cmd, '-d', 'extension=ffi');
        }
        foreach ($ini as $setting) {
            array_push($cmd, '-d', $setting);
        }
        array_push($cmd, '-S', "127.0.0.1:$port", $script);
        $server = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        try {
            for ($i = 0; $i < 100; $i++) {
                $page = @file_get_contents("http://127.0.0.1:$port/");
                if ($page !== false) {
                    return $page;
                }
                usleep(50_000);
            }
            self::fail('the built-in server did not answer');
        } finally {
            proc_terminate($server);
            proc_close($server);
        }
    }

    private static function probe(): string
    {
        $script = sys_get_temp_dir() . '/vietref-probe-' . bin2hex(random_bytes(6)) . '.php';
        file_put_contents($script, '<?php require ' . var_export(__DIR__ . '/bootstrap.php', true) . ';'
            . 'try { $v = \\Vietref\\Vietref::version(); echo "loaded ", $v; }'
            . 'catch (\\Vietref\\LibraryNotFoundException $e) { echo "LibraryNotFoundException: ", $e->getMessage(); }');
        return $script;
    }

    public function testFfiEnablePreloadUnderAWebServerNamesTheSetting(): void
    {
        $script = self::probe();
        try {
            $page = self::served(['ffi.enable=preload'], $script);
            $this->assertStringStartsWith('LibraryNotFoundException: PHP FFI is restricted here: ffi.enable=preload', $page);
            $this->assertStringContainsString("'cli-server' SAPI", $page);
            $this->assertStringContainsString('Set ffi.enable=1', $page);
            $this->assertStringContainsString('opcache.preload', $page);
            $this->assertStringNotContainsString('Set VIETREF_LIB', $page);
            // the first fix named: ffi.enable=1
            $this->assertStringStartsWith('loaded ', self::served(['ffi.enable=1'], $script));
            // the second: ffi.enable=preload with the package preloaded
            $preload = $script . '.preload.php';
            file_put_contents($preload, '<?php foreach (glob(' . var_export(dirname(__DIR__) . '/src/*.php', true)
                . ') as $f) { opcache_compile_file($f); }');
            try {
                $user = function_exists('posix_getpwuid') ? (posix_getpwuid(posix_geteuid())['name'] ?? 'root') : 'root';
                $this->assertStringStartsWith('loaded ', self::served([
                    'ffi.enable=preload', 'opcache.enable=1', 'opcache.enable_cli=1',
                    "opcache.preload=$preload", "opcache.preload_user=$user",
                ], $script));
            } finally {
                unlink($preload);
            }
        } finally {
            unlink($script);
        }
    }

    public function testFfiDisabledNamesTheSetting(): void
    {
        $script = self::probe();
        try {
            $cmd = [PHP_BINARY, '-d', 'ffi.enable=0', $script];
            if (!extension_loaded('FFI')) {
                array_splice($cmd, 1, 0, ['-d', 'extension=ffi']);
            }
            $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            $out = stream_get_contents($pipes[1]);
            proc_close($p);
            $this->assertStringStartsWith('LibraryNotFoundException: PHP FFI is disabled: ffi.enable=0', $out);
            $this->assertStringContainsString('Set ffi.enable=1', $out);
        } finally {
            unlink($script);
        }
    }
}
