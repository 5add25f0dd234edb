package org.vietref;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * An owned C handle, freed exactly once: by {@link #close()} or, for an object that becomes
 * unreachable, by the {@link Cleaner}. {@code Cleanable.clean()} runs its action at most once.
 */
abstract class Handle implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Pointer pointer;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    Handle(Pointer pointer, Consumer<Pointer> free) {
        this.pointer = pointer;
        // The action must not reach `this`, or the object would never become unreachable.
        this.cleanable = CLEANER.register(this, new Free(pointer, free));
    }

    private static final class Free implements Runnable {
        private final Pointer pointer;
        private final Consumer<Pointer> free;

        Free(Pointer pointer, Consumer<Pointer> free) {
            this.pointer = pointer;
            this.free = free;
        }

        @Override
        public void run() {
            free.accept(pointer);
        }
    }

    Pointer live() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        return pointer;
    }

    /** Whether the native handle has been freed. */
    public boolean isClosed() {
        return closed;
    }

    /** Frees the native handle now; calling it again does nothing. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
