<?php

declare(strict_types=1);

// Composer's autoloader when `composer install` ran; otherwise the same PSR-4 mapping by hand
// (bindings/test.sh runs Debian's phpunit without Composer).
$composer = dirname(__DIR__) . '/vendor/autoload.php';
if (is_file($composer)) {
    require $composer;
} else {
    spl_autoload_register(static function (string $class): void {
        foreach (['Vietref\\Tests\\' => __DIR__ . '/', 'Vietref\\' => dirname(__DIR__) . '/src/'] as $prefix => $dir) {
            if (str_starts_with($class, $prefix)) {
                $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
                if (is_file($file)) {
                    require $file;
                }
                return;
            }
        }
    });
}
