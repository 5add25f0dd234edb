<?php

declare(strict_types=1);

namespace Vietref;

use FFI\CData;

/**
 * An owned C handle, freed exactly once: by close() or by the destructor, whichever comes
 * first (PHP destroys an object as soon as its last reference goes).
 *
 * @internal
 */
abstract class Handle
{
    private ?CData $handle;

    /** @param CData $out the out-parameter the library wrote the handle to */
    protected function __construct(CData $out, private readonly string $free)
    {
        $this->handle = $out;
    }

    protected function live(): CData
    {
        if ($this->handle === null) {
            throw new \LogicException(static::class . ' is closed');
        }
        return $this->handle;
    }

    /**
     * The live C handle, for another wrapper's call that takes this object as an argument
     * (LogicException when closed).
     *
     * @internal
     */
    public function handle(): CData
    {
        return $this->live();
    }

    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    /** Frees the native handle now; calling it again does nothing. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $h = $this->handle;
            $this->handle = null;
            Native::ffi()->{$this->free}($h);
        }
    }

    public function __destruct()
    {
        $this->close();
    }
}
