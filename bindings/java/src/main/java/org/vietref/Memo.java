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

    /** {@link #render(Message, Channel, String, int)} without schemes, with the channel's own budget. */
    public static Report render(Message message, Channel channel) {
        return render(message, channel, "", 0);
    }

    /** {@link #render(Message, Channel, String, int)} with the channel's own budget. */
    public static Report render(Message message, Channel channel, String schemes) {
        return render(message, channel, schemes, 0);
    }

    /**
     * Validates the message (knowing {@code schemes}) and renders its memo for {@code channel}
     * within {@code budget} characters (0: the channel's own). The report's findings are the
     * message's, then every fold, cut and omission ({@code memo.*}); when valid,
     * {@link Report#cleanedText()} is the memo, {@link Report#cleanedJson()} the memo with its
     * field lists, and {@link Report#memoFields(MemoList)} each list.
     */
    public static Report render(Message message, Channel channel, String schemes, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative: " + budget);
        }
        byte[] s = utf8(schemes, "schemes");
        PointerByReference out = new PointerByReference();
        NativeAccess.check(lib().vietref_memo_render(message.live(), s, len(s), channel.value(), new SizeT(budget), out),
                "vietref_memo_render");
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
}
