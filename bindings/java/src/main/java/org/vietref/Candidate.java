package org.vietref;

import static org.vietref.NativeAccess.lib;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A payment code or RF reference found in a text ({@link Memo#extract},
 * {@link VietQr#paymentCodes}); its check digits verify. A copy: the native candidates handle
 * is freed before the list is returned.
 */
public final class Candidate {
    private final String code;
    private final RefKind kind;
    private final int start;
    private final int end;
    private final long byteStart;
    private final long byteEnd;

    Candidate(String code, RefKind kind, int start, int end, long byteStart, long byteEnd) {
        this.code = code;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.byteStart = byteStart;
        this.byteEnd = byteEnd;
    }

    /** The code in its compact electronic form, like "HP7184097674". */
    public String code() {
        return code;
    }

    /** CODE or RF (a memo's invoice may also be EINVOICE). */
    public RefKind kind() {
        return kind;
    }

    /**
     * Where the code starts in the searched text, as a {@code String} index (so that
     * {@code text.substring(start(), end())} is the code as written, separators included). For
     * {@link VietQr#paymentCodes} the same as {@link #byteStart()}: the field is not known.
     */
    public int start() {
        return start;
    }

    /** Just after the code's last character; see {@link #start()}. */
    public int end() {
        return end;
    }

    /** The library's span start: a byte offset into the UTF-8 of the searched text. */
    public long byteStart() {
        return byteStart;
    }

    /** The library's span end: a byte offset into the UTF-8 of the searched text. */
    public long byteEnd() {
        return byteEnd;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Candidate)) {
            return false;
        }
        Candidate c = (Candidate) o;
        return code.equals(c.code) && kind == c.kind && start == c.start && end == c.end && byteStart == c.byteStart
                && byteEnd == c.byteEnd;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, kind, start, end, byteStart, byteEnd);
    }

    @Override
    public String toString() {
        return kind + " " + code + " [" + start + ", " + end + ")";
    }

    /**
     * Copies every candidate out of an owned {@code vietref_candidates} and frees it (once,
     * whatever happens). {@code text} is the searched text, or null when it is not known.
     */
    static List<Candidate> take(Pointer candidates, String text) {
        NativeLib lib = lib();
        try {
            SizeTByReference count = new SizeTByReference();
            NativeAccess.check(lib.vietref_candidates_count(candidates, count), "vietref_candidates_count");
            int n = Math.toIntExact(count.getValue());
            List<Candidate> list = new ArrayList<>(n);
            PointerByReference out = new PointerByReference();
            IntByReference kind = new IntByReference();
            SizeTByReference s = new SizeTByReference();
            SizeTByReference e = new SizeTByReference();
            NativeAccess.CharIndex chars = text == null ? null : new NativeAccess.CharIndex(text);
            for (int i = 0; i < n; i++) {
                SizeT idx = new SizeT(i);
                String code = NativeAccess.string(lib.vietref_candidates_code(candidates, idx, out), out,
                        "vietref_candidates_code");
                NativeAccess.check(lib.vietref_candidates_kind(candidates, idx, kind), "vietref_candidates_kind");
                NativeAccess.check(lib.vietref_candidates_span(candidates, idx, s, e), "vietref_candidates_span");
                long bs = s.getValue();
                long be = e.getValue();
                int cs = chars == null ? Math.toIntExact(bs) : chars.of(bs);
                int ce = chars == null ? Math.toIntExact(be) : chars.of(be);
                list.add(new Candidate(code, RefKind.of(kind.getValue()), cs, ce, bs, be));
            }
            return Collections.unmodifiableList(list);
        } finally {
            lib.vietref_candidates_free(candidates);
        }
    }

    /** The candidates handle as the library's JSON, then freed. */
    static String takeJson(Pointer candidates) {
        NativeLib lib = lib();
        try {
            PointerByReference out = new PointerByReference();
            return NativeAccess.string(lib.vietref_candidates_json(candidates, out), out, "vietref_candidates_json");
        } finally {
            lib.vietref_candidates_free(candidates);
        }
    }
}
