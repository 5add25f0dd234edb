package org.vietref;

import static org.vietref.NativeAccess.len;
import static org.vietref.NativeAccess.lib;
import static org.vietref.NativeAccess.utf8;

import com.sun.jna.ptr.PointerByReference;
import java.util.List;

/**
 * Memos: the transfer content a payment carries ({@code CODE[ REASON][ HS|BN BENEFICIARY][ PH|NTT PAYER]}),
 * rendered for a {@link Channel}, and the codes found back in what the bank delivered.
 *
 * <p>{@code schemes} (here and in {@link Message#validate(String)}, {@link Reconciler},
 * {@link VietQr}) lists the institution's payment-code schemes {@code PREFIX:LENGTH}
 * separated by commas or spaces ("HP:8, VP:10"); "" is none. A malformed list is a
 * {@link VietrefException} (REF_SCHEMES_INVALID).
 */
public final class Memo {
    private Memo() {}

    /** {@link #render(Message, String, Channel, int)} without schemes, with the channel's own budget. */
    public static Report render(Message message, Channel channel) {
        return render(message, "", channel, 0);
    }

    /** {@link #render(Message, String, Channel, int)} with the channel's own budget. */
    public static Report render(Message message, String schemes, Channel channel) {
        return render(message, schemes, channel, 0);
    }

    /**
     * Validates the message (knowing {@code schemes}) and renders its memo for {@code channel}
     * within {@code budget} characters (0: the channel's own). The report's findings are the
     * message's, then every fold, cut and omission ({@code memo.*}); when valid,
     * {@link Report#cleanedText()} is the memo, {@link Report#cleanedJson()} the memo with its
     * field lists, and {@link Report#memoFields(MemoList)} each list. The arguments follow the
     * C ABI: {@code vietref_memo_render(message, schemes, channel, budget)}.
     */
    public static Report render(Message message, String schemes, Channel channel, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_memo_render(message.live(), s, len(s), channel.value(), new SizeT(budget), out),
                "vietref_memo_render");
        return new Report(out.getValue());
    }

    /** {@link #renderCustom(Message, String, String, String, int, boolean)} without schemes, the full template. */
    public static Report renderCustom(Message message, String name, String charset, int budget) {
        return renderCustom(message, "", name, charset, budget, false);
    }

    /**
     * As {@link #render(Message, String, Channel, int)}, for a channel the institution defines
     * itself (a bank whose transfer content allows other characters or another length).
     * {@code name} (not empty) names the channel in the memo's JSON; {@code charset} lists the
     * printable ASCII characters that survive it, {@code X-Y} for a range and {@code -} first or
     * last for itself ("A-Za-z0-9 ."); {@code budget} is its length in characters (at least 1);
     * {@code referenceOnly} writes only the invoice code (a bill-number kind of field) instead of
     * the full template. An empty name or character set, a budget of 0, a character outside
     * printable ASCII or a range written backwards is a {@link VietrefException}
     * (INVALID_ARGUMENT); a set without the code's letters and digits gives a report that says
     * the code cannot travel. The arguments follow the C ABI:
     * {@code vietref_memo_render_custom(message, schemes, name, charset, budget, reference_only)}.
     */
    public static Report renderCustom(Message message, String schemes, String name, String charset, int budget,
            boolean referenceOnly) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        byte[] s = utf8(schemes, "schemes");
        byte[] n = utf8(name, "name");
        byte[] c = utf8(charset, "charset");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_memo_render_custom(message.live(), s, len(s), n, len(n), c, len(c),
                new SizeT(budget), referenceOnly ? 1 : 0, out), "vietref_memo_render_custom");
        return new Report(out.getValue());
    }

    /**
     * The payment codes of {@code schemes} and the RF references in {@code text} (a bank
     * statement line, a memo as the bank delivered it), each once, in order of appearance.
     */
    public static List<Candidate> extract(String text, String schemes) {
        byte[] t = utf8(text, "text");
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_memo_extract(t, len(t), s, len(s), out), "vietref_memo_extract");
        return Candidate.take(out.getValue(), text);
    }

    /** {@link #extract} as the library's JSON: {@code [{"code","kind","start","end"}]} (byte offsets). */
    public static String extractJson(String text, String schemes) {
        byte[] t = utf8(text, "text");
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_memo_extract(t, len(t), s, len(s), out), "vietref_memo_extract");
        return Candidate.takeJson(out.getValue());
    }

    /**
     * The fields of a memo vietref rendered, as far as they survived the banks, as JSON:
     * {@code {"invoice":{"code","kind","start","end"} or null,"reason","beneficiary","payer","sector"}}.
     */
    public static String parse(String text, String schemes) {
        byte[] t = utf8(text, "text");
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_memo_parse(t, len(t), s, len(s), out), out, "vietref_memo_parse");
    }

    /**
     * The envelope banks and NAPAS put around the payer's words in a statement line, as JSON
     * (what {@code vietref memo envelope} prints): {@code {"bank","shape","senderName","senderAccount",
     * "senderBank","receiverAccount","receiverName" (each null or {"text","span":[start,end]}),
     * "numbers":[{"kind","text","span"}],"free":[{"text","span"}]}} (UTF-8 byte offsets).
     */
    public static String envelope(String text) {
        byte[] t = utf8(text, "text");
        PointerByReference out = new PointerByReference();
        return NativeAccess.string(lib().vietref_memo_envelope(t, len(t), out), out, "vietref_memo_envelope");
    }
}
