package org.vietref;

import static org.vietref.NativeAccess.lib;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * What {@link Reconciler#feed} found for one statement line (a copy: the native
 * {@code vietref_line_result} is freed before this is returned).
 */
public final class LineResult {
    private final LineStatus status;
    private final Optional<String> invoice;
    private final Optional<String> suggestion;
    private final Optional<String> possibleTypo;
    private final String reason;
    private final String reasonVi;
    private final String json;

    private LineResult(LineStatus status, Optional<String> invoice, Optional<String> suggestion,
            Optional<String> possibleTypo, String reason, String reasonVi, String json) {
        this.status = status;
        this.invoice = invoice;
        this.suggestion = suggestion;
        this.possibleTypo = possibleTypo;
        this.reason = reason;
        this.reasonVi = reasonVi;
        this.json = json;
    }

    public LineStatus status() {
        return status;
    }

    /** The invoice the line was applied to (electronic form); present for PAID, PARTIAL, OVERPAID and DUPLICATE. */
    public Optional<String> invoice() {
        return invoice;
    }

    /**
     * For an UNMATCHED line, the one open invoice a name and the exact amount point to: for a
     * person to confirm; the line was not applied to it.
     */
    public Optional<String> suggestion() {
        return suggestion;
    }

    /**
     * For an UNMATCHED line, the one open invoice whose code is one digit changed (or two adjacent
     * digits swapped) away from a code in the content whose check digits fail: a possible typo,
     * for a person to confirm; the line was not applied to it.
     */
    public Optional<String> possibleTypo() {
        return possibleTypo;
    }

    /** Why the line got its status, in English. */
    public String reason() {
        return reason;
    }

    /** Why the line got its status, in Vietnamese. */
    public String reasonVi() {
        return reasonVi;
    }

    /** The whole result as the JSON line {@code vietref reconcile} writes (amounts, evidence: codes with spans, names, due date). */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return status + invoice.map(i -> " " + i).orElse("") + ": " + reason;
    }

    /** Copies an owned line result and frees it (once, whatever happens). */
    static LineResult take(Pointer x) {
        NativeLib lib = lib();
        try {
            IntByReference u = new IntByReference();
            NativeAccess.check(lib.vietref_line_result_status(x, u), "vietref_line_result_status");
            PointerByReference out = new PointerByReference();
            String invoice = NativeAccess.optionalString(lib.vietref_line_result_invoice(x, out), out,
                    "vietref_line_result_invoice");
            String suggestion = NativeAccess.optionalString(lib.vietref_line_result_suggestion(x, out), out,
                    "vietref_line_result_suggestion");
            String typo = NativeAccess.optionalString(lib.vietref_line_result_possible_typo(x, out), out,
                    "vietref_line_result_possible_typo");
            String en = NativeAccess.string(lib.vietref_line_result_reason(x, Lang.EN.value(), out), out,
                    "vietref_line_result_reason");
            String vi = NativeAccess.string(lib.vietref_line_result_reason(x, Lang.VI.value(), out), out,
                    "vietref_line_result_reason");
            String json = NativeAccess.string(lib.vietref_line_result_json(x, out), out, "vietref_line_result_json");
            return new LineResult(LineStatus.of(u.getValue()), Optional.ofNullable(invoice), Optional.ofNullable(suggestion),
                    Optional.ofNullable(typo), en, vi, json);
        } finally {
            lib.vietref_line_result_free(x);
        }
    }
}
