package org.vietref;

import com.sun.jna.Native;
import com.sun.jna.ptr.ByReference;

/** A {@code size_t *} out-parameter. Public because JNA instantiates it; not part of the API. */
public final class SizeTByReference extends ByReference {
    public SizeTByReference() {
        super(Native.SIZE_T_SIZE);
        getPointer().setMemory(0, Native.SIZE_T_SIZE, (byte) 0);
    }

    public long getValue() {
        return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xffffffffL;
    }
}
