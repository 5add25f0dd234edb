package org.vietref;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** One finding of a report (a copy: it outlives the report). */
public final class Finding {
    private final Severity severity;
    private final String field;
    private final int code;
    private final String key;
    private final String message;
    private final String messageVi;
    private final OptionalLong position;
    private final OptionalInt codePoint;

    Finding(Severity severity, String field, int code, String key, String message, String messageVi,
            OptionalLong position, OptionalInt codePoint) {
        this.severity = severity;
        this.field = field;
        this.code = code;
        this.key = key;
        this.message = message;
        this.messageVi = messageVi;
        this.position = position;
        this.codePoint = codePoint;
    }

    public Severity severity() {
        return severity;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Field path, like "payerName" (empty for a text checked without one). */
    public String field() {
        return field;
    }

    /** Stable finding number, like 200. */
    public int code() {
        return code;
    }

    /** Stable finding key, like "name.digit". */
    public String key() {
        return key;
    }

    /** English message, parameters filled in. */
    public String message() {
        return message;
    }

    /** Vietnamese message, parameters filled in. */
    public String messageVi() {
        return messageVi;
    }

    /** 1-based character position, if the finding has one. */
    public OptionalLong position() {
        return position;
    }

    /** Code point of the character concerned, if any. */
    public OptionalInt codePoint() {
        return codePoint;
    }

    /** The character concerned as a string, if any. */
    public Optional<String> character() {
        return codePoint.isPresent() ? Optional.of(new String(Character.toChars(codePoint.getAsInt()))) : Optional.empty();
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + field + " [" + key + " " + code + "] " + message;
    }
}
