package org.vietref;

import java.util.List;

/**
 * Bytes {@link Legacy#encode} wrote and every character it wrote as another one (a copy: the
 * native {@code vietref_encoded} is freed before this is returned).
 */
public final class Encoded {
    private final byte[] bytes;
    private final List<Loss> losses;

    Encoded(byte[] bytes, List<Loss> losses) {
        this.bytes = bytes;
        this.losses = losses;
    }

    /** The encoded bytes (a fresh copy; they may hold NUL). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The characters written as another one (empty unless {@code lossy} allowed it), in text order. */
    public List<Loss> losses() {
        return losses;
    }

    /** Whether every character was written as itself. */
    public boolean isLossless() {
        return losses.isEmpty();
    }

    /** A character written as another one: a TCVN3 capital written lower case. */
    public static final class Loss {
        private final long position;
        private final int character;
        private final int written;

        Loss(long position, int character, int written) {
            this.position = position;
            this.character = character;
            this.written = written;
        }

        /** 1-based character position in the NFC text. */
        public long position() {
            return position;
        }

        /** The code point of the text ('Ố', U+1ED0). */
        public int character() {
            return character;
        }

        /** The code point written instead ('ố', U+1ED1). */
        public int written() {
            return written;
        }

        @Override
        public String toString() {
            return "at " + position + ": " + new String(Character.toChars(character)) + " written as "
                    + new String(Character.toChars(written));
        }
    }
}
