package org.vietref;

import static org.vietref.NativeAccess.lib;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A validation report (owns a {@code vietref_report}: close it, or the cleaner frees it):
 * every finding, and the cleaned value when valid. Findings are read once and cached.
 */
public final class Report extends Handle {
    private List<Finding> findings;

    Report(Pointer p) {
        super(p, lib()::vietref_report_free);
    }

    /** True when no finding is an error (the report then has a cleaned value). */
    public boolean isValid() {
        IntByReference out = new IntByReference();
        NativeAccess.check(lib().vietref_report_valid(live(), out), "vietref_report_valid");
        return out.getValue() == 1;
    }

    /** Number of findings. */
    public int size() {
        SizeTByReference out = new SizeTByReference();
        NativeAccess.check(lib().vietref_report_count(live(), out), "vietref_report_count");
        return Math.toIntExact(out.getValue());
    }

    /** Every finding, errors and warnings, in the library's order (unmodifiable). */
    public synchronized List<Finding> findings() {
        if (findings == null) {
            Pointer r = live();
            int n = size();
            List<Finding> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(finding(r, i));
            }
            findings = Collections.unmodifiableList(list);
        }
        return findings;
    }

    public List<Finding> errors() {
        return findings().stream().filter(Finding::isError).collect(Collectors.toList());
    }

    public List<Finding> warnings() {
        return findings().stream().filter(f -> !f.isError()).collect(Collectors.toList());
    }

    /** The whole report as the library's JSON. */
    public String json() {
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_report_json(live(), out), out, "vietref_report_json");
    }

    /** The cleaned value as JSON (a message object, or a JSON string for a name); empty when invalid. */
    public Optional<String> cleanedJson() {
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(
                NativeAccess.optionalString(lib().vietref_report_cleaned_json(live(), out), out, "vietref_report_cleaned_json"));
    }

    /**
     * The cleaned value as plain text, for reports whose value is a text (a name's display form,
     * a VietQR payload); empty when invalid. Throws {@link VietrefException} (WRONG_KIND) for a
     * report whose value is not a text.
     */
    public Optional<String> cleanedText() {
        PointerByReference out = new PointerByReference();
        return Optional.ofNullable(
                NativeAccess.optionalString(lib().vietref_report_cleaned_text(live(), out), out, "vietref_report_cleaned_text"));
    }

    /**
     * The decoded VietQR of a report of {@link VietQr#decode} or {@link VietQr#verifyPayee} (a
     * copy: the report stays usable); empty when invalid. Throws {@link VietrefException}
     * (WRONG_KIND) for another kind of report.
     */
    public Optional<VietQr> toVietQr() {
        PointerByReference out = new PointerByReference();
        if (!NativeAccess.checkOptional(lib().vietref_vietqr_from_report(live(), out), "vietref_vietqr_from_report")) {
            return Optional.empty();
        }
        return Optional.of(new VietQr(out.getValue()));
    }

    /**
     * One field list of a memo of {@link Memo#render} ("invoice", "reason", "beneficiaryName",
     * "payerName"); empty when the report holds an error. Throws {@link VietrefException}
     * (WRONG_KIND) for another kind of report.
     */
    public Optional<List<String>> memoFields(MemoList list) {
        NativeLib lib = lib();
        Pointer r = live();
        SizeTByReference count = new SizeTByReference();
        if (!NativeAccess.checkOptional(lib.vietref_memo_field_count(r, list.value(), count), "vietref_memo_field_count")) {
            return Optional.empty();
        }
        int n = Math.toIntExact(count.getValue());
        List<String> names = new ArrayList<>(n);
        PointerByReference out = new PointerByReference();
        for (int i = 0; i < n; i++) {
            names.add(NativeAccess.string(lib.vietref_memo_field_name(r, list.value(), new SizeT(i), out), out,
                    "vietref_memo_field_name"));
        }
        return Optional.of(Collections.unmodifiableList(names));
    }

    private static Finding finding(Pointer r, int i) {
        NativeLib lib = lib();
        SizeT idx = new SizeT(i);
        IntByReference u32 = new IntByReference();
        NativeAccess.check(lib.vietref_report_finding_severity(r, idx, u32), "vietref_report_finding_severity");
        Severity severity = Severity.of(u32.getValue());
        NativeAccess.check(lib.vietref_report_finding_code(r, idx, u32), "vietref_report_finding_code");
        int code = u32.getValue();
        SizeTByReference size = new SizeTByReference();
        OptionalLong position = NativeAccess.checkOptional(lib.vietref_report_finding_position(r, idx, size),
                "vietref_report_finding_position") ? OptionalLong.of(size.getValue()) : OptionalLong.empty();
        OptionalInt codePoint = NativeAccess.checkOptional(lib.vietref_report_finding_char(r, idx, u32),
                "vietref_report_finding_char") ? OptionalInt.of(u32.getValue()) : OptionalInt.empty();
        PointerByReference out = new PointerByReference();
        String field = NativeAccess.string(lib.vietref_report_finding_field(r, idx, out), out, "vietref_report_finding_field");
        String key = NativeAccess.string(lib.vietref_report_finding_code_key(r, idx, out), out,
                "vietref_report_finding_code_key");
        String en = NativeAccess.string(lib.vietref_report_finding_message(r, idx, Lang.EN.value(), out), out,
                "vietref_report_finding_message");
        String vi = NativeAccess.string(lib.vietref_report_finding_message(r, idx, Lang.VI.value(), out), out,
                "vietref_report_finding_message");
        return new Finding(severity, field, code, key, en, vi, position, codePoint);
    }
}
