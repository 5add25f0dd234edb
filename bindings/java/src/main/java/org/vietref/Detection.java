package org.vietref;

import java.util.List;

/**
 * What {@link Legacy#detect} found (a copy: the native {@code vietref_detection} is freed
 * before this is returned). Confidences and fits are integers in per-mille (0-1000), as the
 * library gives them.
 */
public final class Detection {
    private final Encoding encoding;
    private final int confidence;
    private final boolean ambiguous;
    private final List<Alternative> alternatives;
    private final String text;

    Detection(Encoding encoding, int confidence, boolean ambiguous, List<Alternative> alternatives, String text) {
        this.encoding = encoding;
        this.confidence = confidence;
        this.ambiguous = ambiguous;
        this.alternatives = alternatives;
        this.text = text;
    }

    /** The detected encoding. */
    public Encoding encoding() {
        return encoding;
    }

    /**
     * Confidence that {@link #text()} is the intended text, per mille: lowered when another
     * reading comes close or there is little evidence; plain ASCII is 1000; bytes no encoding
     * decodes are 0.
     */
    public int confidence() {
        return confidence;
    }

    /** Whether another reading with different text fits almost as well (the text is then a guess: ask the user). */
    public boolean isAmbiguous() {
        return ambiguous;
    }

    /** The other encodings that decode the sample, best first (also those that give the same text). */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    /** The sample decoded with {@link #encoding()} (NFC); empty when no encoding decodes it. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return encoding + " (" + confidence + "\u2030" + (ambiguous ? ", ambiguous" : "") + "): " + text;
    }

    /** Another encoding that decodes the sample, and how well it reads as Vietnamese. */
    public static final class Alternative {
        private final Encoding encoding;
        private final int fit;

        Alternative(Encoding encoding, int fit) {
            this.encoding = encoding;
            this.fit = fit;
        }

        public Encoding encoding() {
            return encoding;
        }

        /** How well the reading fits, per mille. */
        public int fit() {
            return fit;
        }

        @Override
        public String toString() {
            return encoding + " " + fit + "\u2030";
        }
    }
}
